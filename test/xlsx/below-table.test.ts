/**
 * F01's promise at the file level: a row typed below a canonical table, after one or more blank
 * rows (outside the Excel table's range, where Excel does not grow the table), never vanishes
 * silently. Fuzzed (fast-check): random table, gap, columns and values on the canonical
 * workbook the writer makes; the row must be read into that table and either become a model
 * object (box, indicator, position, link) or an F01 issue naming its sheet and row.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../core/read/index.js';
import { extract } from '../../xlsx/extract.js';
import { loadWorkbook } from '../../xlsx/open.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';

const TABLES = ['PohonKinerja', 'Indikator', 'Jabatan', 'Crosscutting'] as const;
let bytes: Uint8Array;

beforeAll(async () => {
  const snapshot = makeSnapshot(validInput());
  const wb = buildCanonicalWorkbook(snapshot, readWorkbook(snapshot).tree.config);
  bytes = new Uint8Array(await wb.xlsx.writeBuffer());
});

const valueArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '' && !s.startsWith('=')),
  fc.constantFrom('S1', 'SS1', 'Sasaran Strategis', 'Meningkatnya layanan', 'KADIS', '%', 'Positif', '#REF!', ' x '),
  fc.integer({ min: -1000, max: 1e9 }),
);

describe('a row typed below a table, after blank rows', () => {
  it('is read into the table and accounted for, never dropped (fuzzed)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...TABLES), fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(fc.nat(), valueArb), { minLength: 1, maxLength: 6 }),
      async (name, gap, cells) => {
        const wb = await loadWorkbook(bytes);
        const ws = wb.worksheets.find((w) => w.getTables().some((t) => (t as unknown as { table: { name: string } }).table.name === name)) as ExcelJS.Worksheet;
        const model = (ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]).find((t) => t.table.name === name)!.table;
        const [, a, b] = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(model.tableRef) ?? [];
        const width = ws.getColumn(b).number - ws.getColumn(a).number + 1;
        const bottom = Number(/\d+$/.exec(model.tableRef)![0]);
        const row = bottom + 1 + gap;
        for (const [c, v] of cells) ws.getCell(row, 1 + (c % width)).value = v;

        const { snapshot } = extract(wb);
        const table = snapshot.tables.find((t) => t.name === name)!;
        // Read into the table, at its sheet row (header is row 1, data from row 2).
        expect(table.rows.length).toBeGreaterThanOrEqual(row - 1);
        const { tree, issues } = readWorkbook(snapshot);
        const objects = [...tree.boxes, ...tree.indikator, ...tree.jabatan, ...tree.crosscutting];
        const placed = objects.some((o) => o.loc.table.sheet === ws.name && o.loc.row === row);
        const reported = issues.some((i) => i.rule === 'F01' && i.sheet === ws.name && new RegExp(`^[A-Z]+${row}$`).test(i.cell));
        expect(placed || reported, `${name} row ${row}: ${JSON.stringify(cells)}`).toBe(true);
      },
    ), { numRuns: 120, seed: 42 });
  }, 120_000);

  it('stops at the next table on the same sheet', async () => {
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet('Jabatan') as ExcelJS.Worksheet;
    ws.getCell('A30').value = 'Catatan di bawah';
    ws.addTable({ name: 'Lain', ref: 'A40', columns: [{ name: 'ID Jabatan' }, { name: 'Lain' }], rows: [['X', 'Y']] });
    const round = await loadWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const t = extract(round).snapshot.tables.find((x) => x.name === 'Jabatan')!;
    expect(t.rows.length).toBe(29);
    expect(t.rows[28][0]).toBe('Catatan di bawah');
  });
});
