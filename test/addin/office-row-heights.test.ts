/**
 * The Office.js renderer writes the row heights core/derive computed from the text (Excel
 * never auto-fits merged cells), the same numbers the ExcelJS renderer writes: one job, one
 * code path up to the last adapter step. Run on the Excel double under every profile.
 */
import { describe, expect, it } from 'vitest';
import { pkSheet } from '../../core/derive/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { ALL_PROFILES, portOn } from './excel/testkit.js';

describe.each(ALL_PROFILES)('OfficePort on %s: a generated PK', (profile) => {
  it('gets the computed row heights of every wrapped or merged row, in points', async () => {
    const w = validInput();
    w.pohon![3]['Pernyataan Kinerja'] = 'Meningkatnya kualitas, jangkauan dan pemerataan pelayanan kesehatan gizi masyarakat yang bermutu bagi seluruh balita, ibu hamil dan ibu menyusui di seluruh wilayah kabupaten';
    const snapshot = makeSnapshot(w);
    const spec = pkSheet(readWorkbook(snapshot).tree, 'KASI-GIZI', 2025);
    expect(Object.keys(spec.rowHeights).length).toBeGreaterThan(3);
    const { d, port } = portOn(profile, { snapshot });
    await port.renderSheet(spec);
    const heights = d.book.sheet(spec.name)!.rowHeights;
    // The double keys rows from 0; the spec numbers them as Excel does, from 1.
    const set = Object.fromEntries([...heights].map(([r, h]) => [String(r + 1), h]));
    expect(set).toEqual(Object.fromEntries(Object.entries(spec.rowHeights).map(([r, h]) => [r, Math.min(409, h)])));
  });
});
