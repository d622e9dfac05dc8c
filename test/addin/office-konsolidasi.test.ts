/**
 * The Office.js port writing the consolidated workbook and the read-only tree sheet, over
 * office-addin-mock: row blocks within the payload budget (counted syncs), text formats
 * before values, and text from other users never written as a formula.
 */
import { describe, expect, it } from 'vitest';
import { writeConsolidated, consolidatedDataTables, consolidatedSpecs, tinjauSheet, tinjauSheetName } from '../../addin/konsolidasi/write.js';
import { OfficePort, type ExcelHost } from '../../addin/office/port.js';
import { planRowBlocks, rowBytes, tableCell } from '../../addin/office/tablewrite.js';
import { rowsPerWrite, specGrid, textSafe } from '../../addin/office/writes.js';
import type { TreeAnswer } from '../../core/wire/index.js';
import { kodeOpd, opdSnapshot } from '../helpers/opds.js';
import { consolidationOf, EVIL } from './konsolidasi-fixture.js';
import { mockWorkbook, type SheetOp } from './office-mock.js';

const port = (wb: ReturnType<typeof mockWorkbook>, payloadBudget?: number) =>
  new OfficePort({ excel: wb.excel as unknown as ExcelHost, requirements: { isSetSupported: () => true }, ...(payloadBudget ? { payloadBudget } : {}) });
const valuesOps = (ops: SheetOp[]) => ops.filter((o) => o.op === 'values');

describe('textSafe', () => {
  it('gives Excel\'s text prefix to text that starts like a formula, even a lone sign, and nothing else', () => {
    for (const v of [...EVIL, '=', '-', '+', '@']) expect(textSafe(v)).toBe(`'${v}`);
    for (const v of ['Meningkatnya', ' =1', 'a=b', 42, -3, true, null]) expect(textSafe(v)).toBe(v);
    expect(tableCell('=1+1', true)).toBe('=1+1'); // a text-formatted column keeps it text
    expect(tableCell('=1+1', false)).toBe("'=1+1");
    expect(tableCell(null, false)).toBe('');
  });

  it('plans row blocks under the budget, a lone large row in a block of its own', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`row ${i}`, 'x'.repeat(i === 50 ? 5000 : 30)]);
    const blocks = planRowBlocks(rows, 1000);
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(100);
    for (const b of blocks) expect(b.bytes <= 1000 || b.count === 1).toBe(true);
    expect(blocks.find((b) => b.start === 50)?.count).toBe(1);
    expect(rowBytes(['a'])).toBe(7);
  });
});

describe('OfficePort: the consolidated workbook into the current workbook', () => {
  it('writes every sheet in row blocks within the payload budget and counts the syncs', async () => {
    const answer = consolidationOf(3, 40);
    const budget = 20_000;
    const wb = mockWorkbook(opdSnapshot(0, { boxes: 5 }));
    const p = port(wb, budget);
    const progress: number[] = [];
    const s0 = wb.log.syncs;
    const r = await writeConsolidated(p, answer, 'id', (f) => progress.push(f));
    const syncs = wb.log.syncs - s0;

    // Expected: per small sheet 1 (exists?) + its value blocks; per table 1 + its row blocks.
    const specs = consolidatedSpecs(answer, 'id');
    const tables = consolidatedDataTables(answer);
    const specSyncs = specs.reduce((n, s) => n + 1 + Math.ceil(specGrid(s).length / rowsPerWrite(specGrid(s)[0].length, budget)), 0);
    const tableSyncs = tables.reduce((n, t) => n + 1 + planRowBlocks([t.header, ...t.rows.map((row) => row.map((v, i) => tableCell(v, t.textColumns.includes(i))))], budget).length, 0);
    expect(syncs).toBe(specSyncs + tableSyncs);
    expect(syncs).toBeGreaterThan(8 * 2); // the big tables did need more than one block
    console.log(`[office] consolidated workbook (${r.rows} rows, 3 OPDs × 40 boxes, budget ${budget} B): ${syncs} syncs`);

    expect(r.sheets).toEqual(['Rekap OPD', 'Matriks Crosscutting', 'Konsolidasi Info', 'Konsolidasi Jabatan', 'Konsolidasi Pohon Kinerja', 'Konsolidasi Indikator', 'Konsolidasi Crosscutting', 'Validasi Konsolidasi']);
    expect(wb.log.writes.filter((w) => w.startsWith('addSheet:'))).toEqual(r.sheets.map((s) => `addSheet:${s}`));
    // Each request stays under the budget: the values queued between two syncs.
    const perSync = new Map<string, number>();
    for (const o of valuesOps(wb.log.sheetOps)) {
      const k = `${o.sync}`;
      perSync.set(k, (perSync.get(k) ?? 0) + JSON.stringify(o.value).length);
    }
    for (const bytes of perSync.values()) expect(bytes).toBeLessThanOrEqual(budget);
    // Every data row arrived exactly once.
    const pohon = valuesOps(wb.log.sheetOps).filter((o) => o.sheet === 'Konsolidasi Pohon Kinerja').flatMap((o) => o.value as unknown[][]);
    expect(pohon.length).toBe(1 + tables[2].rows.length);
    expect(pohon[0][0]).toBe('Kode OPD');
    expect(wb.log.sheetOps.find((o) => o.op === 'tables.add()' && o.sheet === 'Konsolidasi Pohon Kinerja')?.value).toBe(`A1:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[tables[2].header.length - 1]}${pohon.length}`);
    // Progress rises to 1.
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((x, i) => i === 0 || x >= progress[i - 1])).toBe(true);
  });

  it('sets the text format before the values and never writes other users\' text as a formula', async () => {
    const answer = consolidationOf(2, 10, true);
    const wb = mockWorkbook(opdSnapshot(0, { boxes: 5 }));
    await writeConsolidated(port(wb), answer, 'id');
    for (const t of consolidatedDataTables(answer)) {
      const ops = wb.log.sheetOps.filter((o) => o.sheet === t.sheet);
      const firstValues = ops.findIndex((o) => o.op === 'values');
      const formats = ops.slice(0, firstValues).filter((o) => o.op === 'numberFormat').map((o) => o.target);
      expect(formats.length).toBe(t.textColumns.length);
      expect(t.textColumns.length).toBeGreaterThan(0);
      const grid = valuesOps(ops).flatMap((o) => o.value as unknown[][]);
      grid.forEach((row) => row.forEach((v, i) => {
        // A text cell starting like a formula: either the column is text-formatted, or it carries the prefix.
        if (typeof v === 'string' && /^[=+\-@]/.test(v)) expect(t.textColumns.includes(i)).toBe(true);
      }));
    }
    const all = valuesOps(wb.log.sheetOps).flatMap((o) => (o.value as unknown[][]).flat());
    for (const e of EVIL) expect(all.some((v) => v === e || v === `'${e}`)).toBe(true);
    // Polaritas is a list column without a text format: its hostile value carries the prefix.
    expect(all).toContain(`'${EVIL[2]}`);
  });

  it('opens one OPD\'s tree read-only as `Tinjau <kode OPD>`: codes as text, formulas as text', async () => {
    const tree = opdSnapshot(0, { boxes: 8, patch: (w) => { w.pohon[0].pernyataan = EVIL[0]; } });
    const answer: TreeAnswer = {
      pemda: '35.19', periode: '2025-2029', opd: kodeOpd(0), headVersion: 3, tree,
      meta: { version: 3, submissionId: 's', hash: 'h', author: 'dev-perencana', at: '2025-02-01T00:00:00Z', baseVersion: 2, counts: { boxes: 8, indicators: 24, errors: 0, warnings: 0, infos: 0 }, jsonBytes: 1, gzipBytes: 1, status: 'diajukan' },
    };
    const spec = tinjauSheet(answer);
    expect(spec.name).toBe(tinjauSheetName(kodeOpd(0)));
    expect(spec.name.length).toBeLessThanOrEqual(31);
    const wb = mockWorkbook(opdSnapshot(0, { boxes: 5 }));
    await port(wb).renderSheet(spec);
    const ops = wb.log.sheetOps.filter((o) => o.sheet === spec.name);
    const firstValues = ops.findIndex((o) => o.op === 'values');
    expect(ops.slice(0, firstValues).some((o) => o.op === 'numberFormat' && o.value === '@')).toBe(true);
    const cells = valuesOps(ops).flatMap((o) => (o.value as unknown[][]).flat());
    expect(cells).toContain(`'${EVIL[0]}`);
    expect(cells).not.toContain(EVIL[0]);
    expect(String(cells[0])).toMatch(/^Hanya baca: pohon Dinas Contoh 1 \(1\.01\.0\.00\.0\.00\.01\.0000\) versi 3/);
  });
});
