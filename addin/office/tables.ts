/// <reference types="office-js" />
/**
 * The canonical tables as Excel holds them: the list (name, sheet and its id, shape, columns),
 * the full read (one `context.sync()` unless the payload budget says otherwise, chunk.ts) and
 * the patch read: the rows Excel reported as changed plus every table's address, in ONE sync,
 * so an edit costs kilobytes instead of the whole workbook (ARCHITECTURE §2).
 */
import { parseA1 } from '../../core/a1.js';
import { lkeTables } from '../../core/layout/lke.js';
import { workbookTables } from '../../core/layout/pengukuran.js';
import { headerKey } from '../../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { planReads, type ReadPart, type TableShape } from './chunk.js';
import type { PortContext } from './sync.js';

export interface KnownTable {
  name: string;
  key: string;
  sheet: string;
  /** Worksheet id: change events name the sheet by id (WorksheetChangedEventArgs.worksheetId). */
  sheetId: string;
  /** Address of the whole table (header included) without the sheet, e.g. `A1:P56`. */
  address: string;
  rows: number;
  columns: number;
  columnNames: string[];
  bytesPerCell?: number;
}

/** What a read of a table loads besides its values. */
function extras(key: string): { withFormats: boolean; withFormulas: boolean } {
  return { withFormats: WITH_FORMATS.has(key), withFormulas: WITH_FORMULAS.has(key) };
}

/**
 * Every table Pokin reads from a workbook, as the CLI does (xlsx/extract.ts): the tree tables,
 * Rencana Aksi / Realisasi / Pembanding (SAKIP.md §12: live R/U rules, the Pengukuran tab) and
 * the LKE tables (§13: the Evaluasi tab). A tree push carries the tree tables only.
 */
const CANONICAL = [...workbookTables([]), ...lkeTables()];
/** Tables whose targets and realisasi may be percent-formatted (0.98 shown as 98 %): their number formats are read too. */
export const WITH_FORMATS: ReadonlySet<string> = new Set(['indikator', 'rencanaAksi', 'realisasi', 'pembanding']);
/**
 * Tables whose formulas the rules read (`TableSpec.formulas`: a Realisasi cell copying the
 * target is U07). `Range.formulas`: "If a cell has no formula, its value is returned instead"
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member).
 */
export const WITH_FORMULAS: ReadonlySet<string> = new Set<string>(CANONICAL.filter((s) => s.formulas).map((s) => s.key));

/** Formula text without its `=` per cell (null = a plain value), as `TableSnapshot.formulas` holds it. */
export function formulaCell(f: unknown): string | null {
  return typeof f === 'string' && f.startsWith('=') && f.length > 1 ? f.slice(1) : null;
}

export function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

/** Top-left of a table address (0-based row and column of the header's first cell). */
export function origin(t: Pick<KnownTable, 'address'>): { row0: number; col0: number } {
  const { col, row } = parseA1(t.address.split(':')[0]);
  return { row0: row - 1, col0: col };
}

/** The canonical spec a workbook table name stands for (Excel compares names without case). */
export function canonicalKeyOf(tableName: string): string | undefined {
  return CANONICAL.find((s) => headerKey(s.table) === headerKey(tableName))?.key;
}

/** Lists the canonical tables (two syncs: names, then shapes). */
export async function listCanonicalTables(context: PortContext): Promise<KnownTable[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const wanted = tables.items
    .map((t) => ({ t, key: canonicalKeyOf(t.name) }))
    .filter((x): x is { t: Excel.Table; key: string } => x.key !== undefined);
  const loaded = wanted.map(({ t, key }) => {
    const range = t.getRange();
    range.load('address,rowCount,columnCount');
    const header = t.getHeaderRowRange();
    header.load('values');
    const ws = t.worksheet;
    ws.load('name,id');
    return { t, key, range, header, ws };
  });
  if (loaded.length) await context.sync();
  return loaded.map(({ t, key, range, header, ws }) => ({
    name: t.name,
    key,
    sheet: ws.name,
    sheetId: ws.id,
    address: stripSheet(range.address),
    rows: Math.max(0, range.rowCount - 1),
    columns: range.columnCount,
    columnNames: (header.values[0] ?? []).map((v) => String(v ?? '')),
  }));
}

export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return v === '' ? '' : null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function formatCell(f: unknown): string | null {
  return typeof f === 'string' && f !== 'General' ? f : null;
}

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  /** Syncs used by this read. */
  syncs: number;
  /** Tables whose row count differs from the cached list (the cache was refreshed in place). */
  grown: boolean;
}

interface Pending {
  part: ReadPart;
  table: KnownTable;
  range: Excel.Range;
  header?: Excel.Range;
  body?: Excel.Range;
}

/** Values (and number formats and formulas, where the reader needs them) of a range: only what is read. */
function loadCells(range: Excel.Range, key: string, address = true): void {
  const x = extras(key);
  range.load(['values', ...(x.withFormats ? ['numberFormat'] : []), ...(x.withFormulas ? ['formulas'] : []), ...(address ? ['address'] : [])].join(','));
}

function formulasOf(range: Excel.Range, key: string): (string | null)[][] {
  return WITH_FORMULAS.has(key) ? (range.formulas as unknown[][]).map((r) => r.map(formulaCell)) : [];
}

/** Reads every known table; one sync when everything fits the payload budget. */
export async function readKnownTables(context: PortContext, known: KnownTable[]): Promise<ReadOutcome> {
  const budget = context.budget;
  const shapes: TableShape[] = known.map((t) => ({
    name: t.name, rows: t.rows, columns: t.columns, ...extras(t.key),
    ...(t.bytesPerCell ? { bytesPerCell: t.bytesPerCell } : {}),
  }));
  const plan = planReads(shapes, budget);
  const byName = new Map(known.map((t) => [t.name, t]));
  const got = new Map<string, { header: CellValue[]; address: string; rows: CellValue[][]; formats: (string | null)[][]; formulas: (string | null)[][]; total?: number }>();
  let syncs = 0;
  const queue = plan.slice();
  while (queue.length) {
    const parts = queue.shift()!;
    const pending: Pending[] = parts.map((part) => {
      const table = byName.get(part.table)!;
      const xt = context.workbook.tables.getItem(table.name);
      if (part.kind === 'whole') {
        const range = xt.getRange();
        loadCells(range, table.key);
        return { part, table, range };
      }
      const { row0, col0 } = origin(table);
      const ws = context.workbook.worksheets.getItem(table.sheet);
      const range = ws.getRangeByIndexes(row0 + 1 + part.start, col0, part.count, table.columns);
      loadCells(range, table.key);
      const p: Pending = { part, table, range };
      if (part.start === 0) {
        p.header = xt.getHeaderRowRange();
        p.header.load('values,address');
        p.body = xt.getRange();
        p.body.load('rowCount');
      }
      return p;
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized part: Excel on the web refuses a response over 5 MB
    await context.sync();
    syncs++;
    for (const p of pending) {
      const values = (p.range.values as unknown[][]).map((r) => r.map(cellValue));
      const formats = WITH_FORMATS.has(p.table.key) ? (p.range.numberFormat as unknown[][]).map((r) => r.map(formatCell)) : [];
      const formulas = formulasOf(p.range, p.table.key);
      // Measure for the next plan: JSON length per cell of what came back.
      const cells = Math.max(1, values.length * (values[0]?.length ?? 1));
      p.table.bytesPerCell = Math.max(8, Math.ceil(JSON.stringify(values).length / cells));
      if (p.part.kind === 'whole') {
        const address = stripSheet(p.range.address);
        got.set(p.table.name, { header: values[0] ?? [], address, rows: values.slice(1), formats: formats.slice(1), formulas: formulas.slice(1) });
        p.table.rows = values.length - 1;
        p.table.address = address;
        continue;
      }
      const entry = got.get(p.table.name) ?? { header: [], address: p.table.address, rows: [], formats: [], formulas: [] };
      if (p.header) {
        entry.header = ((p.header.values as unknown[][])[0] ?? []).map(cellValue);
        entry.address = stripSheet(p.header.address);
        entry.total = Math.max(0, (p.body?.rowCount ?? 1) - 1);
      }
      entry.rows.push(...values);
      entry.formats.push(...formats);
      entry.formulas.push(...formulas);
      got.set(p.table.name, entry);
    }
    // A large table that grew since the list was read: fetch the rows past the plan.
    if (!queue.length) {
      for (const [name, e] of got) {
        const t = byName.get(name)!;
        if (e.total !== undefined && e.total > e.rows.length) {
          const more = planReads([{ name, rows: e.total - e.rows.length, columns: t.columns, bytesPerCell: t.bytesPerCell ?? 48 }], budget)
            .map((s) => s.map((part) => ({ ...part, start: part.start + e.rows.length })));
          t.rows = e.total;
          e.total = undefined;
          queue.push(...more);
        }
      }
    }
  }
  const tables: TableSnapshot[] = [];
  let grown = false;
  for (const t of known) {
    const e = got.get(t.name);
    if (!e) continue;
    const rows = e.rows.slice(0, e.total ?? e.rows.length);
    if (rows.length !== t.rows) grown = true;
    t.rows = rows.length;
    const snap: TableSnapshot = { sheet: t.sheet, name: t.name, address: e.address.split(':')[0], header: e.header, rows };
    if (e.formats.some((r) => r.some((f) => f !== null))) snap.numberFormats = e.formats.slice(0, rows.length);
    // As the CLI's reader delivers them: only when some cell holds a formula.
    if (e.formulas.some((r) => r.some((f) => f !== null))) snap.formulas = e.formulas.slice(0, rows.length);
    tables.push(snap);
  }
  return { snapshot: { tables }, syncs, grown };
}

/** Rows of one table to re-read: 0-based data-row indexes. */
export type DirtyRows = Map<string, Set<number>>;

export interface PatchOutcome {
  /** Table name → current address (header included, without sheet). */
  addresses: Map<string, string>;
  /** Table name → data-row index → values (and formats, formulas where the table reads them). */
  rows: Map<string, Map<number, { values: CellValue[]; formats: (string | null)[] | null; formulas: (string | null)[] | null }>>;
}

/** Consecutive runs of sorted row indexes: one range per run. */
export function runsOf(rows: Iterable<number>): { start: number; count: number }[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: { start: number; count: number }[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r === last.start + last.count) last.count++;
    else out.push({ start: r, count: 1 });
  }
  return out;
}

/**
 * ONE sync: the address of every known table (a changed shape means that table is read again
 * in full) and the values of the reported rows, as they are now.
 */
export async function readPatch(context: PortContext, known: KnownTable[], dirty: DirtyRows): Promise<PatchOutcome> {
  const shapes = known.map((t) => {
    const r = context.workbook.tables.getItem(t.name).getRange();
    r.load('address');
    return { t, r };
  });
  const reads: { t: KnownTable; start: number; range: Excel.Range }[] = [];
  for (const t of known) {
    const rows = dirty.get(t.name);
    if (!rows?.size) continue;
    const { row0, col0 } = origin(t);
    const ws = context.workbook.worksheets.getItem(t.sheet);
    for (const run of runsOf([...rows].filter((r) => r >= 0 && r < t.rows))) {
      const range = ws.getRangeByIndexes(row0 + 1 + run.start, col0, run.count, t.columns);
      loadCells(range, t.key, false);
      reads.push({ t, start: run.start, range });
    }
  }
  await context.sync();
  const addresses = new Map(shapes.map(({ t, r }) => [t.name, stripSheet(r.address)]));
  const out: PatchOutcome['rows'] = new Map();
  for (const { t, start, range } of reads) {
    const m = out.get(t.name) ?? new Map();
    const formats = WITH_FORMATS.has(t.key) ? (range.numberFormat as unknown[][]) : null;
    const formulas = WITH_FORMULAS.has(t.key) ? formulasOf(range, t.key) : null;
    (range.values as unknown[][]).forEach((row, i) => {
      m.set(start + i, { values: row.map(cellValue), formats: formats ? formats[i].map(formatCell) : null, formulas: formulas ? formulas[i] : null });
    });
    out.set(t.name, m);
  }
  return { addresses, rows: out };
}
