/// <reference types="office-js" />
/**
 * Tables added to a workbook that already holds a tree, in Excel: the pengukuran tables of
 * SAKIP.md §12 (the `pokin template --tambah pengukuran` of the pane) and the `LKE` table of
 * §13. What goes in comes from core (`core/pengukuran/template.ts`, `core/lke/lembar.ts`,
 * `core/layout`); this file only places it, within the 5 MB payload budget, in the caller's
 * one `Excel.run`.
 *
 * A table that exists already is completed, never rewritten: the rows core adds are appended
 * (`TableRowCollection.add`, ExcelApi 1.1) and the columns Pokin shows beside the indicator
 * (Satuan, Akumulasi, Target Tahun) refreshed, so the planner's formulas, formats and notes in
 * it stay as they are. A new table gets its sheet, its dropdowns and its conditional formats,
 * whose lookups reach the tree tables by name; its lists go after the ones on the hidden list
 * sheet.
 */
import { columnLetter } from '../../core/a1.js';
import type { PokinConfig } from '../../core/config.js';
import { LIST_SHEET } from '../../core/layout/lists.js';
import { jawabanDropdowns, lkeColumnLetter, lkeTableSpec, nilaiFormula } from '../../core/layout/lke.js';
import { workbookTables } from '../../core/layout/pengukuran.js';
import { headerKey, type TableSpec } from '../../core/layout/tables.js';
import { mapTable } from '../../core/read/table.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { PortError, type CellWrite, type LkeTableRequest } from '../port.js';
import { OP_BYTES, planRowBlocks, SyncBudget } from './chunk.js';
import { listCanonicalTables, origin, readKnownTables, type KnownTable } from './tables.js';
import { installFormats, placeTable, type PlacedTable } from './template.js';
import { textSafe } from './writes.js';
import type { PortContext } from './sync.js';

/** Builds the tables to have from the ones the workbook holds now (core/pengukuran/template). */
export type BuildTables = (existing: (spec: TableSpec) => TableSnapshot | undefined) => WorkbookSnapshot;

/** What a completion did, per table: rows appended, or a table created. */
export interface Completed {
  key: string;
  table: string;
  sheet: string;
  created: boolean;
  /** Data rows after the completion (blank rows left aside), and how many were added now. */
  rows: number;
  added: number;
}

/** A canonical table already in the workbook, placed for the formats' lookups. */
export function placedFromKnown(known: readonly KnownTable[], specs: readonly TableSpec[]): PlacedTable[] {
  const out: PlacedTable[] = [];
  for (const t of known) {
    const spec = specs.find((s) => s.key === t.key);
    if (!spec) continue;
    const { row0, col0 } = origin(t);
    const mapped = mapTable({ sheet: t.sheet, name: t.name, address: `${columnLetter(col0)}${row0 + 1}`, header: t.columnNames, rows: [] }, spec, []);
    out.push({ spec, sheet: t.sheet, table: t.name, headerRow: row0 + 1, mapped });
  }
  return out;
}

/** Sheets, and how many columns the hidden list sheet already uses. */
async function workbookShape(context: PortContext): Promise<{ sheets: Map<string, { name: string; empty: boolean }>; listFirst: number; listExists: boolean }> {
  const ws = context.workbook.worksheets;
  ws.load('items/name');
  await context.sync();
  const used = ws.items.map((s) => ({ s, r: s.getUsedRangeOrNullObject(true) }));
  for (const u of used) u.r.load('columnIndex,columnCount');
  await context.sync();
  const sheets = new Map<string, { name: string; empty: boolean }>();
  let listFirst = 0, listExists = false;
  for (const { s, r } of used) {
    sheets.set(s.name.toLowerCase(), { name: s.name, empty: r.isNullObject });
    if (s.name.toLowerCase() === LIST_SHEET.toLowerCase()) {
      listExists = true;
      listFirst = r.isNullObject ? 0 : r.columnIndex + r.columnCount;
    }
  }
  return { sheets, listFirst, listExists };
}

/** Refuses a sheet of the table's name that holds something else (the CLI's `--tambah` refuses it too). */
function clearSheetFor(context: PortContext, spec: TableSpec, sheets: Map<string, { name: string; empty: boolean }>): void {
  const s = sheets.get(spec.sheet.toLowerCase());
  if (!s) return;
  if (!s.empty) {
    throw new PortError('failed',
      `Lembar "${s.name}" sudah ada dan berisi data yang bukan tabel ${spec.table}; ganti nama lembar itu dahulu.`,
      `Sheet "${s.name}" already exists with data that is not table ${spec.table}; rename that sheet first.`);
  }
  context.workbook.worksheets.getItem(s.name).delete();
  sheets.delete(spec.sheet.toLowerCase());
}

/**
 * Completes (or creates) the tables `specs` from `build`, in the caller's run. Returns the ids
 * of the tables it created (their onAdded events are Pokin's own) and what it did.
 */
export async function completeTables(context: PortContext, specs: readonly TableSpec[], build: BuildTables, config: PokinConfig): Promise<{ ids: string[]; done: Completed[] }> {
  const known = await listCanonicalTables(context);
  const existing = known.filter((k) => specs.some((s) => s.key === k.key));
  const current = existing.length ? (await readKnownTables(context, existing)).snapshot : { tables: [] };
  const find = (spec: TableSpec) => current.tables.find((t) => t.name !== undefined && headerKey(t.name) === headerKey(spec.table));
  const wanted = build(find);
  const shape = await workbookShape(context);
  const budget = new SyncBudget(context);
  const done: Completed[] = [];
  const createdTables: Excel.Table[] = [];
  const placedNew: PlacedTable[] = [];
  for (const spec of specs) {
    const want = wanted.tables.find((t) => t.name !== undefined && headerKey(t.name) === headerKey(spec.table));
    if (!want) continue;
    const k = existing.find((x) => x.key === spec.key);
    const now = find(spec);
    if (k && now) {
      done.push({ key: spec.key, table: k.name, sheet: k.sheet, created: false, rows: want.rows.length, added: await appendMissing(context, budget, k, now, want, spec) });
      continue;
    }
    clearSheetFor(context, spec, shape.sheets);
    placedNew.push(await placeTable(context, budget, spec, want, createdTables));
    done.push({ key: spec.key, table: spec.table, sheet: spec.sheet, created: true, rows: want.rows.length, added: want.rows.length });
  }
  if (placedNew.length) {
    const others = placedFromKnown(known.filter((k) => !placedNew.some((p) => p.spec.key === k.key)), workbookTables(config.years));
    await installFormats(context, budget, [...others, ...placedNew], config, {
      mode: 'add', sheets: new Set(placedNew.map((p) => p.sheet)), listFirst: shape.listFirst, listSheetExists: shape.listExists,
    });
  }
  for (const t of createdTables) t.load('id');
  await context.sync();
  return { ids: createdTables.map((t) => t.id), done };
}

/**
 * The rows `want` holds beyond the table's own (core keeps the table's rows first, blank rows
 * left out, and adds the missing ones after them), appended in the table's column order; the
 * columns Pokin shows (`output`) refreshed on the rows that were there.
 */
async function appendMissing(context: PortContext, budget: SyncBudget, k: KnownTable, now: TableSnapshot, want: TableSnapshot, spec: TableSpec): Promise<number> {
  const m = mapTable(now, spec, []);
  const wantIndex = new Map(spec.columns.map((c, i) => [c.key, i]));
  const keyAt = new Map(Object.entries(m.index).map(([key, i]) => [i, key]));
  const kept = now.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.some((v) => v !== null && v !== ''));
  const fresh = want.rows.slice(kept.length);
  const xt = context.workbook.tables.getItem(k.name);
  // Shown columns: one column write each over the table's rows (null leaves a blank row's cell as it is).
  for (const c of spec.columns.filter((x) => x.output && m.index[x.key] !== undefined && wantIndex.has(x.key))) {
    const col = m.index[c.key];
    const values: CellValue[][] = now.rows.map(() => [null]);
    kept.forEach(({ i }, n) => { values[i] = [want.rows[n]?.[wantIndex.get(c.key)!] ?? null]; });
    if (!now.rows.length) continue;
    await budget.need(OP_BYTES + JSON.stringify(values).length);
    xt.columns.getItemAt(col).getDataBodyRange().getCell(0, 0).getResizedRange(now.rows.length - 1, 0).values = values.map((r) => [r[0] === null ? null : textSafe(r[0])]) as unknown as string[][];
  }
  if (!fresh.length) return 0;
  const width = k.columns;
  const rows = fresh.map((w) => Array.from({ length: width }, (_, i) => {
    const key = keyAt.get(i);
    const v = key !== undefined && wantIndex.has(key) ? w[wantIndex.get(key)!] ?? null : null;
    return v === null ? '' : textSafe(v);
  }));
  for (const b of planRowBlocks(rows, budget.limit - OP_BYTES * 4)) {
    await budget.need(b.bytes + OP_BYTES);
    xt.rows.add(undefined, rows.slice(b.start, b.start + b.count));
  }
  return fresh.length;
}

/** Creates the `LKE` sheet and table, in the caller's run. Returns the created table's id. */
export async function addLkeTable(context: PortContext, req: LkeTableRequest): Promise<string[]> {
  const spec = lkeTableSpec();
  const known = await listCanonicalTables(context);
  if (known.some((k) => k.key === 'lke')) {
    throw new PortError('failed', 'Buku kerja ini sudah memiliki tabel LKE.', 'This workbook already has an LKE table.');
  }
  const shape = await workbookShape(context);
  clearSheetFor(context, spec, shape.sheets);
  const budget = new SyncBudget(context);
  const created: Excel.Table[] = [];
  const nilaiAt = spec.columns.findIndex((c) => c.key === 'nilai');
  // The values first (Nilai as plain values); the formulas replace them below.
  const rows = req.table.rows.map((r) => r.map((v, i) => (i === nilaiAt ? null : v)));
  await placeTable(context, budget, spec, { ...req.table, rows }, created);
  const ws = context.workbook.worksheets.getItem(spec.sheet);
  const jawaban = lkeColumnLetter('jawaban', spec);
  const nilai = lkeColumnLetter('nilai', spec);
  // `Nilai` is a formula of the row's answer, built from the scale's own codes and numbers
  // (core/layout/lke.ts), never from cell text: written through `Range.formulas`.
  const formulas = req.skala.map((s, r) => [s ? `=${nilaiFormula(`${jawaban}${r + 2}`, s)}` : '']);
  for (const b of planRowBlocks(formulas, budget.limit - OP_BYTES * 4)) {
    await budget.need(b.bytes + OP_BYTES);
    ws.getRange(`${nilai}${b.start + 2}:${nilai}${b.start + b.count + 1}`).formulas = formulas.slice(b.start, b.start + b.count);
  }
  // One dropdown per run of rows with the same answers (Y/T, A/B/C/D, A–E).
  for (const d of jawabanDropdowns(jawaban, 2, req.skala.map((s) => s?.map((p) => p.kode) ?? null))) {
    await budget.need(OP_BYTES * 2 + d.values.join(',').length);
    ws.getRange(d.range).dataValidation.rule = { list: { inCellDropDown: true, source: d.values.join(',') } };
  }
  await budget.need(OP_BYTES * 4);
  // Long texts wrap and sit at the top of their row, as the CLI's LKE sheet does.
  ws.getRange(`A2:${columnLetter(spec.columns.length - 1)}${Math.max(2, rows.length + 1)}`).format.verticalAlignment = 'Top';
  for (const key of ['komponen', 'subKomponen', 'kriteria', 'buktiDukung', 'tautan', 'saranPokin', 'catatanEvaluator']) {
    const l = lkeColumnLetter(key, spec);
    await budget.need(OP_BYTES);
    ws.getRange(`${l}:${l}`).format.wrapText = true;
  }
  ws.activate();
  for (const t of created) t.load('id');
  await context.sync();
  return created.map((t) => t.id);
}

/** Cells Pokin writes for the planner (an LKE answer, notes): text that looks like a formula stays text. */
export async function writeCells(context: PortContext, writes: readonly CellWrite[]): Promise<void> {
  const budget = new SyncBudget(context);
  for (const w of writes) {
    const v = w.value === null ? '' : textSafe(w.value);
    await budget.need(OP_BYTES + JSON.stringify(v).length + w.sheet.length);
    context.workbook.worksheets.getItem(w.sheet).getRange(w.cell).values = [[v]];
  }
  await budget.sync();
}
