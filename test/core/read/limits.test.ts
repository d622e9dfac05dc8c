/**
 * F04: the limits the server enforces (core/wire) are the ones `validate` reports, at their
 * cells. A 1,000,000-character cell no longer validates clean and then fails the push as
 * INVALID_BODY; and for any cell content, `validate` reports F04 exactly when the server's
 * schema refuses the tree (fuzzed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushSnapshot } from '../../../client/workbook.js';
import type { CellValue, WorkbookSnapshot } from '../../../core/snapshot.js';
import { validateSnapshot } from '../../../core/validate.js';
import { LIMITS, parseSnapshot } from '../../../core/wire/index.js';
import { makeSnapshot, validInput } from '../../helpers/snapshot.js';

function withCell(table: string, header: string, row: number, value: CellValue): WorkbookSnapshot {
  const s = makeSnapshot(validInput());
  const t = s.tables.find((x) => x.name === table)!;
  t.rows[row][t.header.indexOf(header)] = value;
  return s;
}

const f04 = (s: WorkbookSnapshot) => validateSnapshot(s).issues.filter((i) => i.rule === 'F04');

describe('F04: what the server refuses, reported at its cell', () => {
  it('reports a 1,000,000-character cell at its cell, naming the limit', () => {
    const s = withCell('PohonKinerja', 'Catatan', 1, 'x'.repeat(1_000_000));
    const found = f04(s);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'E', sheet: 'Pohon Kinerja' });
    expect(found[0].cell).toMatch(/^[A-Z]+3$/);
    expect(found[0].message).toContain('1.000.000 karakter melebihi batas 32.767');
    expect(found[0].messageEn).toContain('1,000,000 characters, above the limit of 32,767');
    expect(parseSnapshot(s).ok).toBe(false);
  });

  it('names invisible control characters and IDs the server refuses', () => {
    expect(f04(withCell('Indikator', 'Indikator', 0, 'Persentase\u0007 layanan'))[0].message).toContain('U+0007');
    expect(f04(withCell('PohonKinerja', 'ID', 0, 'SS#1'))[0].messageEn).toContain('"#"');
    expect(f04(withCell('PohonKinerja', 'Induk', 1, 'S'.repeat(101)))[0].message).toContain('101 karakter');
    expect(f04(withCell('PohonKinerja', 'ID', 0, '#REF!'))).toEqual([]); // an error value: F01's business
  });

  it('stops a push before it leaves, with the cell, instead of the server answering INVALID_BODY', async () => {
    const s = withCell('PohonKinerja', 'Catatan', 1, 'x'.repeat(40_000));
    const fetch = (() => { throw new Error('no request may be sent'); }) as unknown as typeof globalThis.fetch;
    const r = await pushSnapshot(s, { api: 'http://127.0.0.1:9', token: 't', fetch });
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.issues.filter((i) => i.rule === 'F04').map((i) => i.cell)).toHaveLength(1);
  });

  it('reports F04 exactly when the server schema refuses the cell (fuzzed)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('\u0000', '\u0007', '\t', '\n', '\r', '\u000b', '\u001f', '\u007f', '#', '#REF!', ' #N/A ', 'a#b'),
      fc.integer({ min: 0, max: 3 }).map((k) => 'x'.repeat([99, 100, 101, 32_768][k])),
    );
    const value: fc.Arbitrary<CellValue> = fc.oneof(fc.array(text, { maxLength: 3 }).map((a) => a.join('')), fc.double(), fc.boolean(), fc.constant(null));
    const place = fc.constantFrom(['PohonKinerja', 'ID'], ['PohonKinerja', 'Induk'], ['PohonKinerja', 'Pernyataan Kinerja'], ['Indikator', 'ID Node'], ['Indikator', 'Satuan'], ['Jabatan', 'ID Atasan']);
    fc.assert(fc.property(place, fc.nat({ max: 2 }), value, ([table, header], row, v) => {
      const s = withCell(table, header, row, v);
      expect(f04(s).length > 0).toBe(!parseSnapshot(s).ok);
    }), { numRuns: 400, seed: 7 });
    expect(LIMITS.maxCellChars).toBe(32_767);
  });
});
