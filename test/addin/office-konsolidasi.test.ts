/**
 * The Office.js port writing the consolidated workbook and the read-only tree sheet, on the
 * Excel double under every profile: one Excel.run for the whole pull (one undo step), syncs
 * within the payload budget, text formats before values, and text from other users never
 * written as a formula.
 */
import { describe, expect, it } from 'vitest';
import { writeConsolidated, consolidatedDataTables, tinjauSheet, tinjauSheetName } from '../../addin/konsolidasi/write.js';
import { planRowBlocks, rowBytes, tableCell } from '../../addin/office/tablewrite.js';
import { textSafe } from '../../addin/office/writes.js';
import type { TreeAnswer } from '../../core/wire/index.js';
import { kodeOpd, opdSnapshot } from '../helpers/opds.js';
import { consolidationOf, EVIL } from './konsolidasi-fixture.js';
import { ALL_PROFILES, portOn, type ExcelDouble } from './excel/testkit.js';

/** Every cell value of a sheet, and whether Excel holds any formula there. */
function sheetCells(d: ExcelDouble, name: string): { values: unknown[]; formulas: number } {
  const s = d.book.sheet(name)!;
  const used = d.book.usedRect(s);
  return { values: used ? d.book.values(s, used).flat() : [], formulas: s.formulas.size };
}

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

describe.each(ALL_PROFILES)('OfficePort on $label: the consolidated workbook into the current workbook', (profile) => {
  it('writes every sheet in ONE Excel.run, each sync within the payload budget', async () => {
    const answer = consolidationOf(3, 40);
    const budget = 20_000;
    const { d, port } = portOn(profile, { snapshot: opdSnapshot(0, { boxes: 5 }) }, { payloadBudget: budget });
    const progress: number[] = [];
    const runs0 = d.stats.runs;
    d.mark();
    const r = await writeConsolidated(port, answer, 'id', (f) => progress.push(f));
    const m = d.mark();
    // One user action, one Excel.run (issue 11 #10: it was 8 runs).
    expect(d.stats.runs - runs0).toBe(1);
    expect(m.syncs).toBeGreaterThan(8); // the big tables did need more than one block
    expect(m.largest).toBeLessThanOrEqual(budget * 1.1);
    console.log(`[office:${profile.name}] consolidated workbook (${r.rows} rows, 3 OPDs × 40 boxes, budget ${budget} B): ${m.syncs} syncs, largest ${m.largest} B`);

    expect(r.sheets).toEqual(['Rekap OPD', 'Matriks Crosscutting', 'Konsolidasi Info', 'Konsolidasi Jabatan', 'Konsolidasi Pohon Kinerja', 'Konsolidasi Indikator', 'Konsolidasi Crosscutting', 'Validasi Konsolidasi']);
    for (const s of r.sheets) expect(d.book.sheet(s), s).toBeDefined();
    // Every data row arrived exactly once, as an Excel table.
    const tables = consolidatedDataTables(answer);
    const pohon = d.snapshotOf().tables.find((t) => t.sheet === 'Konsolidasi Pohon Kinerja')!;
    expect(pohon.header[0]).toBe('Kode OPD');
    expect(pohon.rows.length).toBe(tables[2].rows.length);
    expect(pohon.rows.map((row) => row[1])).toEqual(tables[2].rows.map((row) => row[1]));
    // Progress rises to 1.
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((x, i) => i === 0 || x >= progress[i - 1])).toBe(true);
  });

  it('keeps codes as text and never writes other users\' text as a formula', async () => {
    const answer = consolidationOf(2, 10, true);
    const { d, port } = portOn(profile, { snapshot: opdSnapshot(0, { boxes: 5 }) });
    await writeConsolidated(port, answer, 'id');
    for (const t of consolidatedDataTables(answer)) {
      const got = d.snapshotOf().tables.find((x) => x.sheet === t.sheet)!;
      expect(t.textColumns.length).toBeGreaterThan(0);
      // A text column keeps its text ("1.10" stays "1.10"): its format was set before the values.
      for (const c of t.textColumns) {
        t.rows.forEach((src, i) => { if (typeof src[c] === 'string') expect(got.rows[i][c]).toBe(src[c]); });
      }
      expect(sheetCells(d, t.sheet).formulas).toBe(0);
    }
    const all = d.book.sheets.flatMap((s) => sheetCells(d, s.name).values);
    for (const e of EVIL) expect(all).toContain(e);
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
    const { d, port } = portOn(profile, { snapshot: opdSnapshot(0, { boxes: 5 }) });
    await port.renderSheet(spec);
    const cells = sheetCells(d, spec.name);
    expect(cells.formulas).toBe(0);
    expect(cells.values).toContain(EVIL[0]);
    expect(String(cells.values[0])).toMatch(/^Hanya baca: pohon Dinas Contoh 1 \(1\.01\.0\.00\.0\.00\.01\.0000\) versi 3/);
    // Kode cells of the tree stay text (e.g. a program code with a trailing zero).
    const codes = cells.values.filter((v) => typeof v === 'string' && /^\d+\.\d+(\.\d+)*$/.test(v));
    expect(codes.length).toBeGreaterThan(0);
  });
});
