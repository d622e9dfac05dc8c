/// <reference types="office-js" />
/**
 * Creates the canonical sheets and tables in Excel from a snapshot (the template on first run,
 * an adopted sheet, or a pulled version): text formats for IDs and codes, values in row blocks
 * within the payload budget, then the dropdowns (`core/layout/lists`) and the formula-based
 * conditional formats (`core/layout/conditional`) that give instant marks while the planner
 * types. Formats and dropdowns cover whole columns below the header and look other tables up
 * by table name, so they never stop at a fixed row (issue 11 #4). `installFormats` is also the
 * "Pasang ulang format" action after a paste replaced them.
 */
import { columnLetter } from '../../core/a1.js';
import type { PokinConfig } from '../../core/config.js';
import { conditionalFormats, inAddOrder, type Placements } from '../../core/layout/conditional.js';
import {
  EXCEL_LAST_ROW, infoValueList, inlineFormula, LIST_SHEET, ListSheetPlan, resolveList, type Dropdown, type ListContext,
} from '../../core/layout/lists.js';
import { canonicalTables, type TableSpec } from '../../core/layout/tables.js';
import type { TableKey } from '../../core/model.js';
import { findTable } from '../../core/read/index.js';
import { mapTable, type MappedTable } from '../../core/read/table.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { OP_BYTES, planRowBlocks, SyncBudget } from './chunk.js';
import { textSafe } from './writes.js';
import type { PortContext } from './sync.js';

const ALWAYS: TableKey[] = ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'];
const FILL = { E: '#FFC7CE', W: '#FFEB9C' } as const;
const FONT = { E: '#9C0006', W: '#9C5700' } as const;

/** A canonical table as it stands in the workbook, for the formats. */
export interface PlacedTable {
  spec: TableSpec;
  sheet: string;
  table: string;
  /** Header row (1-based) of the table. */
  headerRow: number;
  mapped: MappedTable;
}

function asText(v: CellValue): string | number | boolean {
  // A value that starts like a formula stays text (formula injection from foreign sheets).
  return v === null ? '' : textSafe(v);
}

/** `base`, else `base2`, `base3`… (or the `numbered` form) not taken yet; `taken` holds lowercase names. */
function freeName(base: string, taken: Set<string>, numbered: (base: string, n: number) => string = (b, n) => `${b}${n}`): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = numbered(base, n);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Exact names of the workbook, found without case: Excel compares sheet and table names that way. */
class Names {
  private byLower = new Map<string, string>();
  constructor(names: string[]) { for (const n of names) this.byLower.set(n.toLowerCase(), n); }
  get(name: string): string | undefined { return this.byLower.get(name.toLowerCase()); }
  add(name: string): void { this.byLower.set(name.toLowerCase(), name); }
  delete(name: string): void { this.byLower.delete(name.toLowerCase()); }
  get lower(): Set<string> { return new Set(this.byLower.keys()); }
}

/** Creates the tables; returns the ids of the tables it created (their onAdded events are Pokin's own). */
export async function createCanonicalTables(
  context: PortContext, snapshot: WorkbookSnapshot, config: PokinConfig, identity?: { key: string; value: string },
): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const sheetNames = new Names(sheets.items.map((s) => s.name));
  const tableNames = new Names(tables.items.map((t) => t.name));
  const budget = new SyncBudget(context);
  const specs = canonicalTables(config.years).filter((spec) => findTable(snapshot, spec) || ALWAYS.includes(spec.key));
  // Table names are unique per workbook (without case): an older canonical table (adopted
  // source, or the version a pull replaces) keeps its data under a free name.
  for (const spec of specs) {
    const old = tableNames.get(spec.table);
    if (!old) continue;
    const free = freeName(`${spec.table}_asal`, tableNames.lower);
    tableNames.delete(old);
    tableNames.add(free);
    context.workbook.tables.getItem(old).name = free;
  }
  // A sheet of that name stays, renamed: adoption never destroys the source, and a pull keeps
  // the workbook's previous version next to the pulled one.
  for (const spec of specs) {
    const old = sheetNames.get(spec.sheet);
    if (!old) continue;
    const free = freeName(`${spec.sheet.slice(0, 22)} (asal)`, sheetNames.lower, (base, n) => `${base.slice(0, -1)} ${n})`);
    sheetNames.delete(old);
    sheetNames.add(free);
    context.workbook.worksheets.getItem(old).name = free;
  }
  // The hidden list sheet is generated: the new one replaces the old.
  const oldLists = sheetNames.get(LIST_SHEET);
  if (oldLists) { context.workbook.worksheets.getItem(oldLists).delete(); sheetNames.delete(oldLists); }
  await budget.need(OP_BYTES * (specs.length * 2 + 1));

  const placed: PlacedTable[] = [];
  const created: Excel.Table[] = [];
  for (const spec of specs) placed.push(await placeTable(context, budget, spec, findTable(snapshot, spec), created));
  await installFormats(context, budget, placed, config, true);
  if (identity) {
    await budget.need(OP_BYTES + identity.value.length);
    context.workbook.settings.add(identity.key, identity.value);
  }
  const pohon = placed.find((p) => p.spec.key === 'pohon');
  if (pohon) context.workbook.worksheets.getItem(pohon.sheet).activate();
  for (const t of created) t.load('id');
  await context.sync();
  return created.map((t) => t.id);
}

/** One table: sheet, text formats, values in payload-sized blocks, then the Excel table object. */
export async function placeTable(context: PortContext, budget: SyncBudget, spec: TableSpec, snap: TableSnapshot | undefined, created: Excel.Table[]): Promise<PlacedTable> {
  const header = (snap?.header ?? spec.columns.map((c) => c.header)).map((h, i) => String(h ?? '').trim() || `Kolom${i + 1}`);
  const rows = (snap?.rows ?? []).map((r) => header.map((_, i) => r[i] ?? null));
  const mapped = mapTable({ sheet: spec.sheet, name: spec.table, address: 'A1', header, rows }, spec, []);
  const ws = context.workbook.worksheets.add(spec.sheet);
  const last = columnLetter(header.length - 1);
  for (const c of spec.columns) {
    const letter = mapped.loc.cols[c.key];
    // Before the values: IDs, codes and NIP stay text (SAKIP.md §4.1). Whole column: rows typed later too.
    if (letter && c.numFmt) ws.getRange(`${letter}:${letter}`).numberFormat = c.numFmt as unknown as string[][];
  }
  await budget.need(OP_BYTES * (spec.columns.length + 2));
  // Excel never keeps a table without a data row.
  const body = rows.length ? rows : [header.map(() => null)];
  const grid = [header.map(asText), ...body.map((r) => r.map(asText))];
  for (const b of planRowBlocks(grid, budget.limit - OP_BYTES * 4)) {
    await budget.need(b.bytes + OP_BYTES);
    ws.getRangeByIndexes(b.start, 0, b.count, header.length).values = grid.slice(b.start, b.start + b.count);
  }
  await budget.need(OP_BYTES * (spec.columns.length + 5));
  const table = ws.tables.add(`A1:${last}${grid.length}`, true);
  table.name = spec.table;
  table.style = 'TableStyleLight9';
  created.push(table);
  ws.freezePanes.freezeRows(1);
  spec.columns.forEach((c) => {
    const letter = mapped.loc.cols[c.key];
    if (letter) ws.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(c.width * 7);
  });
  return { spec, sheet: spec.sheet, table: spec.table, headerRow: 1, mapped };
}

/**
 * How `installFormats` meets the workbook: `fresh` (the sheets were just created: nothing to
 * clear, a new list sheet), `replace` ("Pasang ulang format": Pokin's formats and dropdowns on
 * the tables' columns cleared first, the list sheet replaced), or `add` (tables added to a
 * workbook that has others, `--tambah pengukuran`: only the `sheets` named get formats and
 * dropdowns, whose lookups reach every placed table; new lists go after the list sheet's
 * `listFirst` columns, the lists already there stay).
 */
export type FormatScope = { mode: 'fresh' } | { mode: 'replace' } | { mode: 'add'; sheets: ReadonlySet<string>; listFirst: number; listSheetExists: boolean };

/** The dropdowns and conditional formats of the placed tables, and the hidden list sheet they count in. */
export async function installFormats(context: PortContext, budget: SyncBudget, placed: PlacedTable[], config: PokinConfig, scope: FormatScope | boolean): Promise<void> {
  const sc: FormatScope = typeof scope === 'boolean' ? { mode: scope ? 'fresh' : 'replace' } : scope;
  const only = (sheet: string) => sc.mode !== 'add' || sc.sheets.has(sheet);
  const plan = new ListSheetPlan(sc.mode === 'add' ? sc.listFirst : 0);
  const placements: Placements = {};
  for (const p of placed) {
    const headers: Record<string, string> = {};
    for (const [k, i] of Object.entries(p.mapped.index)) headers[k] = String(p.mapped.snapshot.header[i] ?? '');
    placements[p.spec.key] = { sheet: p.sheet, headerRow: p.headerRow, cols: p.mapped.loc.cols, lastRow: EXCEL_LAST_ROW, table: p.table, headers };
  }
  const formats = inAddOrder(conditionalFormats(config, placements, placed.map((p) => p.spec), plan).filter((f) => only(f.sheet)));
  const jab = placed.find((p) => p.spec.key === 'jabatan');
  const jabHeader = jab && jab.mapped.index.id !== undefined ? String(jab.mapped.snapshot.header[jab.mapped.index.id]) : undefined;
  const listCtx: ListContext = { config, ...(jab && jabHeader ? { jabatanTable: { table: jab.table, header: jabHeader } } : {}) };
  const source = (d: Dropdown) => (d.kind === 'range' ? `=${d.range}` : d.inline ? inlineFormula(d.values).slice(1, -1) : `=${plan.range(d.values)}`);
  const dropdowns: { sheet: string; range: string; source: string }[] = [];
  for (const p of placed) {
    if (!only(p.sheet)) continue;
    for (const c of p.spec.columns) {
      const letter = p.mapped.loc.cols[c.key];
      const d = c.list && letter ? resolveList(c.list, listCtx) : undefined;
      if (d && letter) dropdowns.push({ sheet: p.sheet, range: `${letter}${p.headerRow + 1}:${letter}${EXCEL_LAST_ROW}`, source: source(d) });
    }
    if (p.spec.key === 'info' && p.mapped.loc.cols.nilai && p.mapped.index.kunci !== undefined) {
      p.mapped.snapshot.rows.forEach((row, r) => {
        const d = infoValueList(String(row[p.mapped.index.kunci] ?? ''));
        if (d) dropdowns.push({ sheet: p.sheet, range: `${p.mapped.loc.cols.nilai}${p.headerRow + 1 + r}`, source: source(d) });
      });
    }
  }
  if (sc.mode === 'replace') {
    const old = context.workbook.worksheets.getItemOrNullObject(LIST_SHEET);
    await context.sync();
    budget.synced();
    if (!old.isNullObject) old.delete();
    for (const p of placed) {
      const cols = Object.values(p.mapped.loc.cols);
      if (!cols.length) continue;
      const area = context.workbook.worksheets.getItem(p.sheet).getRange(`A${p.headerRow + 1}:${columnLetter(Math.max(...cols.map(colIndex)))}${EXCEL_LAST_ROW}`);
      area.conditionalFormats.clearAll();
      area.dataValidation.clear();
    }
    await budget.need(OP_BYTES * (placed.length * 3 + 1));
  }
  if (plan.columns.length) {
    const keep = sc.mode === 'add' && sc.listSheetExists;
    const ws = keep ? context.workbook.worksheets.getItem(LIST_SHEET) : context.workbook.worksheets.add(LIST_SHEET);
    if (!keep) ws.visibility = 'Hidden';
    for (const [i, values] of plan.columns.entries()) {
      await budget.need(OP_BYTES + JSON.stringify(values).length);
      const col = columnLetter(plan.first + i);
      ws.getRange(`${col}1:${col}${values.length}`).values = values.map((v) => [textSafe(v)]);
    }
  }
  for (const d of dropdowns) {
    await budget.need(OP_BYTES + d.source.length);
    context.workbook.worksheets.getItem(d.sheet).getRange(d.range).dataValidation.rule = { list: { inCellDropDown: true, source: d.source } };
  }
  for (const f of formats) {
    await budget.need(OP_BYTES * 4 + f.formula.length);
    const cf = context.workbook.worksheets.getItem(f.sheet).getRange(f.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${f.formula}`;
    cf.custom.format.fill.color = FILL[f.severity];
    cf.custom.format.font.color = FONT[f.severity];
  }
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
