/**
 * The Office.js renderer writes the row heights core/derive computed from the text (Excel
 * never auto-fits merged cells), the same numbers the ExcelJS renderer writes: one job, one
 * code path up to the last adapter step.
 */
import { describe, expect, it } from 'vitest';
import { OfficePort, type ExcelHost } from '../../addin/office/port.js';
import { pkSheet } from '../../core/derive/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { mockWorkbook } from './office-mock.js';

describe('OfficePort: a generated PK', () => {
  it('gets the computed row heights of every wrapped or merged row, in points', async () => {
    const w = validInput();
    w.pohon![3]['Pernyataan Kinerja'] = 'Meningkatnya kualitas, jangkauan dan pemerataan pelayanan kesehatan gizi masyarakat yang bermutu bagi seluruh balita, ibu hamil dan ibu menyusui di seluruh wilayah kabupaten';
    const snapshot = makeSnapshot(w);
    const spec = pkSheet(readWorkbook(snapshot).tree, 'KASI-GIZI', 2025);
    expect(Object.keys(spec.rowHeights).length).toBeGreaterThan(3);
    const wb = mockWorkbook(snapshot);
    await new OfficePort({ excel: wb.excel as unknown as ExcelHost, requirements: { isSetSupported: () => true } }).renderSheet(spec);
    const set = Object.fromEntries(wb.log.sheetOps
      .filter((o) => o.sheet === spec.name && o.op === 'format.rowHeight')
      .map((o) => [o.target.split(':')[0], o.value]));
    expect(set).toEqual(Object.fromEntries(Object.entries(spec.rowHeights).map(([r, h]) => [r, h])));
  });
});
