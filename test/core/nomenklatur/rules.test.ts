import { describe, it, expect } from 'vitest';
import { DEFAULT_INFO, makeSnapshot, validInput, type Row, type WorkbookInput } from '../../helpers/snapshot.js';
import { validateSnapshot } from '../../../core/validate.js';
import { loadNomenklatur } from '../../../core/nomenklatur/load.js';
import type { RuleId } from '../../../core/issues.js';

type Edit = (input: WorkbookInput) => void;

/** Sets fields of the pohon row with the given ID. */
const box = (id: string, fields: Row): Edit => (input) => {
  const r = input.pohon!.find((x) => x.ID === id);
  if (!r) throw new Error(`no row ${id}`);
  Object.assign(r, fields);
};
const info = (fields: WorkbookInput['info']): Edit => (input) => { input.info = { ...input.info, ...fields }; };

/** Validates `validInput()` after the edits with the shipped list for its version (or none). */
async function issuesOf(rule: RuleId, edits: Edit[] = [], opts: { noList?: boolean } = {}) {
  const input = validInput();
  for (const e of edits) e(input);
  const versi = String({ ...DEFAULT_INFO, ...input.info }['Versi Nomenklatur'] ?? '');
  const nomenklatur = opts.noList ? null : await loadNomenklatur(versi);
  return validateSnapshot(makeSnapshot(input), { nomenklatur }).issues.filter((i) => i.rule === rule);
}

/** Supporting-programme chain P1 → K1 → S1 written with the given bidang prefix. */
const support = (b: string): Edit[] => [
  box('P1', { Kode: `${b}.01`, Nomenklatur: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH' }),
  box('K1', { Kode: `${b}.01.2.01`, Nomenklatur: 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah' }),
  box('S1', { Kode: `${b}.01.2.01.0001`, Nomenklatur: 'Penyusunan Dokumen Perencanaan Perangkat Daerah' }),
];

describe('the valid example', () => {
  it('raises no nomenclature issue with the 2020 list', async () => {
    for (const r of ['N01', 'N02', 'N03', 'N04', 'N05', 'N06', 'N07', 'N08', 'N09', 'K14'] as RuleId[]) {
      expect(await issuesOf(r), r).toEqual([]);
    }
  });
});

describe('N01 code shape', () => {
  it('accepts a 2-digit sub kegiatan code for a 2020 version', async () => {
    expect(await issuesOf('N01', [box('S1', { Kode: '1.02.02.2.02.15' })])).toEqual([]);
  });

  it('flags a 2-digit sub kegiatan code under a 4-digit version without proposing zero-padding', async () => {
    const out = await issuesOf('N01', [info({ 'Versi Nomenklatur': 'Kepmendagri 900.1-2850/2025' }), box('S1', { Kode: '1.02.02.2.02.15' })]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'E', sheet: 'Pohon Kinerja', id: 'S1' });
    expect(out[0].message).toContain('2 digit');
    expect(out[0].messageEn).toContain('do not zero-pad');
  });

  it('flags a malformed code and a mixed placeholder at the Kode cell', async () => {
    const out = await issuesOf('N01', [box('P1', { Kode: '1.2.02' }), box('K1', { Kode: '1.XX.02.2.02' })]);
    expect(out.map((i) => i.id).sort()).toEqual(['K1', 'P1']);
    expect(out.every((i) => i.severity === 'E' && /^E\d+$/.test(i.cell))).toBe(true);
  });
});

describe('N02 prefix of the nearest coded ancestor', () => {
  it('flags a kegiatan code that does not start with its program code', async () => {
    const out = await issuesOf('N02', [box('K1', { Kode: '1.02.03.2.01' }), box('S1', { Kode: '1.02.03.2.01.0001' })]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'E', id: 'K1' });
    expect(out[0].message).toBe('Kode 1.02.03.2.01 tidak diawali kode program induknya (1.02.02, kotak P1).');
  });

  it('skips uncoded boxes in between and treats X.XX as the OPD bidang', async () => {
    expect(await issuesOf('N02', [box('K1', { Kode: null })])).toEqual([]);
    expect(await issuesOf('N02', [box('P1', { Kode: 'X.XX.01' }), box('K1', { Kode: '1.02.01.2.01' }), box('S1', { Kode: '1.02.01.2.01.0001' })])).toEqual([]);
  });
});

describe('N03 code in the reference list', () => {
  it('flags a code missing from a complete list as an error', async () => {
    const out = await issuesOf('N03', [box('S1', { Kode: '1.02.02.2.02.0099' })]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'E', id: 'S1' });
    expect(out[0].message).toContain('Kode induknya 1.02.02.2.02 ada');
  });

  it('downgrades a missing code to a warning when the list is incomplete for the version', async () => {
    const out = await issuesOf('N03', [info({ 'Versi Nomenklatur': 'Kepmendagri 900.1-2850/2025' }), box('S1', { Kode: '1.02.02.2.02.0099' })]);
    expect(out.map((i) => i.severity)).toEqual(['W']);
    expect(out[0].messageEn).toContain('incomplete');
  });

  it('warns instead of erring on a 2-digit code the 4-digit list cannot match', async () => {
    const out = await issuesOf('N03', [box('S1', { Kode: '1.02.02.2.02.15' })]);
    expect(out.map((i) => i.severity)).toEqual(['W']);
  });

  it('stays silent without a loaded list and without a Nomenklatur table', async () => {
    expect(await issuesOf('N03', [box('S1', { Kode: '1.02.02.2.02.0099' })], { noList: true })).toEqual([]);
  });

  it('finds resolved supporting-programme codes through X.XX and accepts the workbook table', async () => {
    expect(await issuesOf('N03', support('1.02'))).toEqual([]);
    expect(await issuesOf('N03', [
      box('S1', { Kode: '1.02.02.2.02.0099' }),
      (i) => { i.nomenklatur = [{ Kode: '1.02.02.2.02.0099', Nomenklatur: 'Sub Kegiatan Baru SIPD' }]; },
    ])).toEqual([]);
  });
});

describe('N04 name against the reference', () => {
  it('flags a Nomenklatur that differs from the reference name, at the Nomenklatur cell', async () => {
    const out = await issuesOf('N04', [box('P1', { Nomenklatur: 'Program Kesehatan' })]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'W', id: 'P1', cell: 'F3' });
    expect(out[0].message).toContain('PROGRAM PEMENUHAN UPAYA KESEHATAN');
  });

  it('ignores case and spacing differences', async () => {
    expect(await issuesOf('N04', [box('P1', { Nomenklatur: 'program pemenuhan upaya  kesehatan perorangan dan upaya kesehatan masyarakat' })])).toEqual([]);
  });
});

describe('N05 class digit', () => {
  it('flags a kegiatan code whose class digit does not match a provinsi', async () => {
    const out = await issuesOf('N05', [info({ 'Jenis Pemda': 'Provinsi' })]);
    expect(out.map((i) => i.id)).toEqual(['K1', 'S1']);
    expect(out[0].severity).toBe('E');
    expect(out[0].message).toContain('Jenis Pemda Provinsi memakai 1');
  });

  it('flags a kegiatan code whose class digit does not match a kabupaten', async () => {
    const out = await issuesOf('N05', [box('K1', { Kode: '1.02.02.1.02' }), box('S1', { Kode: '1.02.02.1.02.0001' })]);
    expect(out.map((i) => i.id)).toEqual(['K1', 'S1']);
  });

  it('accepts class digit 2 for a kota', async () => {
    expect(await issuesOf('N05', [info({ 'Jenis Pemda': 'Kota' })])).toEqual([]);
  });
});

describe('N06 X.XX placeholder consistency', () => {
  it('flags the minority form when X.XX is kept in some codes and resolved in others', async () => {
    const out = await issuesOf('N06', [...support('X.XX'), box('S1', { Kode: '1.02.01.2.01.0001' })]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'E', id: 'S1' });
    expect(out[0].message).toContain('X.XX');
  });

  it('flags X.XX resolved to a bidang that is not the OPD\'s', async () => {
    const out = await issuesOf('N06', support('5.01'));
    expect(out.map((i) => i.id)).toEqual(['P1', 'K1', 'S1']);
    expect(out[0].message).toContain('bukan bidang OPD ini');
  });

  it('accepts X.XX kept everywhere or resolved everywhere to the OPD bidang', async () => {
    expect(await issuesOf('N06', support('X.XX'))).toEqual([]);
    expect(await issuesOf('N06', support('1.02'))).toEqual([]);
  });
});

describe('N07 bidang of the OPD', () => {
  it('flags a program of another bidang once, at the top of its subtree', async () => {
    const out = await issuesOf('N07', [
      box('P1', { Kode: '1.03.02' }), box('K1', { Kode: '1.03.02.2.01' }), box('S1', { Kode: '1.03.02.2.01.0001' }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'W', id: 'P1' });
    expect(out[0].message).toContain('Bidang 1.03');
  });

  it('exempts X.XX and accepts any of the OPD bidang', async () => {
    expect(await issuesOf('N07', support('X.XX'))).toEqual([]);
    expect(await issuesOf('N07', [
      info({ 'Kode OPD': '1.03.1.02.0.00.01.0000' }),
      box('P1', { Kode: '1.03.02' }), box('K1', { Kode: '1.03.02.2.01' }), box('S1', { Kode: '1.03.02.2.01.0001' }),
    ])).toEqual([]);
  });
});

describe('N08 level and code type', () => {
  it('flags a kegiatan code on a Sasaran Program box', async () => {
    const out = await issuesOf('N08', [box('P1', { Kode: '1.02.02.2.02' })]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'E', id: 'P1' });
    expect(out[0].message).toContain('memerlukan kode program');
  });

  it('flags a code on a level without nomenclature', async () => {
    const out = await issuesOf('N08', [box('SS1', { Kode: '1.02' })]);
    expect(out.map((i) => i.id)).toEqual(['SS1']);
  });

  it('lets an empty Kode pass', async () => {
    expect(await issuesOf('N08', [box('K1', { Kode: null }), box('S1', { Kode: null })])).toEqual([]);
  });
});

describe('N09 duplicate codes', () => {
  const second: Edit = (input) => {
    input.pohon!.push({ ...input.pohon!.find((r) => r.ID === 'S1')!, ID: 'S2', 'Pernyataan Kinerja': 'Terlaksananya pemantauan gizi' });
    input.indikator!.push({ ...input.indikator!.find((r) => r['ID Node'] === 'S1')!, 'ID Node': 'S2' });
  };

  it('warns on the second box that uses the same code', async () => {
    const out = await issuesOf('N09', [second]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'W', id: 'S2' });
    expect(out[0].message).toContain('kotak S1');
  });

  it('accepts distinct codes', async () => {
    expect(await issuesOf('N09', [second, box('S2', { Kode: '1.02.02.2.02.0016' })])).toEqual([]);
  });
});

describe('K14 Kepmendagri indikator and satuan', () => {
  const table = (indikator: string, satuan: string): Edit => (input) => {
    input.nomenklatur = [{
      Kode: '1.02.02.2.02.0015', Nomenklatur: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat',
      Kinerja: 'Pelayanan kesehatan gizi masyarakat', Indikator: indikator, Satuan: satuan,
    }];
  };

  it('accepts the Kepmendagri indicator and satuan (case and spacing ignored)', async () => {
    expect(await issuesOf('K14', [table('jumlah orang yang mendapatkan pelayanan kesehatan gizi masyarakat', 'orang')])).toEqual([]);
  });

  it('flags a sub kegiatan whose indicator differs from the Kepmendagri indicator', async () => {
    const out = await issuesOf('K14', [table('Jumlah Dokumen Hasil Pengelolaan Gizi', 'Dokumen')]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'W', id: 'S1', sheet: 'Indikator' });
    expect(out[0].message).toContain('Jumlah Dokumen Hasil Pengelolaan Gizi');
  });

  it('flags a satuan that differs from the Kepmendagri satuan, at the Satuan cell', async () => {
    const out = await issuesOf('K14', [table('Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat', 'Dokumen')]);
    expect(out).toHaveLength(1);
    expect(out[0].cell).toMatch(/^C\d+$/);
    expect(out[0].message).toContain('"Dokumen"');
  });

  it('stays silent without reference data', async () => {
    expect(await issuesOf('K14', [], { noList: true })).toEqual([]);
  });
});
