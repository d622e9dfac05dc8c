/**
 * Invisible and look-alike characters in IDs: named, made visible, and never allowed to break
 * a link silently (`Induk "SS⟨U+200B⟩1" does not exist` while SS1 exists).
 */
import { describe, expect, it } from 'vitest';
import { humanReport } from '../../../cli/format.js';
import { issue } from '../../../core/issues.js';
import { cleanIdCharacters, visible } from '../../../core/read/ids.js';
import { readWorkbook } from '../../../core/read/index.js';
import { validateSnapshot } from '../../../core/validate.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../../helpers/snapshot.js';

function edited(edit: (w: WorkbookInput) => void) {
  const w = validInput();
  edit(w);
  return validateSnapshot(makeSnapshot(w));
}

describe('IDs with characters a planner cannot see', () => {
  it('reads a zero-width space in Induk as the ID it hides, naming the character', () => {
    const r = edited((w) => { w.pohon![1].Induk = 'SS\u200b1'; });
    expect(r.issues.filter((i) => i.rule === 'T02')).toEqual([]);
    const f02 = r.issues.filter((i) => i.rule === 'F02');
    expect(f02).toHaveLength(1);
    expect(f02[0]).toMatchObject({ sheet: 'Pohon Kinerja', cell: 'B3', from: 'SS\u200b1', to: 'SS1' });
    expect(f02[0].message).toBe('Induk "SS⟨U+200B⟩1" memuat karakter tak terlihat atau mirip huruf Latin (U+200B ZERO WIDTH SPACE); dibaca sebagai "SS1".');
    expect(r.summary.errors).toBe(0);
  });

  it('names right-to-left overrides, Cyrillic look-alikes and full-width forms', () => {
    expect(cleanIdCharacters('\u202eS1')?.notes).toEqual(['U+202E RIGHT-TO-LEFT OVERRIDE']);
    expect(cleanIdCharacters('S\u0421\u0031')).toEqual({ value: 'SC1', notes: ['U+0421 CYRILLIC CAPITAL LETTER ES → C'] });
    expect(cleanIdCharacters('\uff33\uff33\uff11')?.value).toBe('SS1');
    expect(cleanIdCharacters('SS1')).toBeNull();
    expect(cleanIdCharacters('Kantor Pusat É')).toBeNull();
    const r = edited((w) => { w.indikator![0]['ID Node'] = 'S\u0405\u0031'; w.pohon![2]['Penanggung Jawab'] = 'KASI-GIZI\ufeff'; });
    expect(r.issues.filter((i) => i.rule === 'F02').map((i) => i.cell).sort()).toEqual(['A2', 'G4']);
    expect(readWorkbook(makeSnapshot(validInput())).issues.filter((i) => i.rule === 'F02')).toEqual([]);
  });

  it('prints any such character left in a message visibly', () => {
    expect(visible('a\u200bb\u202ec')).toBe('a⟨U+200B⟩b⟨U+202E⟩c');
    const text = humanReport('x.xlsx', { boxes: 1, indicators: 0, errors: 1, warnings: 0, infos: 0 },
      [issue('T02', 'E', { sheet: 'Pohon Kinerja', cell: 'B3', id: 'P\u200b1' }, { id: 'Induk "SS\u200b1" tidak ada.', en: 'Parent "SS\u200b1" does not exist.' })], 'en');
    expect(text).toContain('[P⟨U+200B⟩1]  Parent "SS⟨U+200B⟩1" does not exist.');
    expect(text).not.toContain('\u200b');
  });
});
