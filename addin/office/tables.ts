/// <reference types="office-js" />
/**
 * The canonical tables as Excel holds them: the cached list (name, sheet, shape, columns),
 * refreshed at start, on the Validasi button and when a read hits a missing table; and the
 * read itself, ONE `context.sync()` for the whole workbook unless the payload budget says
 * otherwise (`chunk.ts`).
 */
import { parseA1 } from '../../core/a1.js';
import { canonicalTables, headerKey } from '../../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { planReads, PAYLOAD_BUDGET_BYTES, type ReadPart, type TableShape } from './chunk.js';
import type { PortContext } from './sync.js';

export interface KnownTable {
  name: string;
  key: string;
  sheet: string;
  /** Address of the whole table (header included) without the sheet, e.g. `A1:P56`. */
  address: string;
  rows: number;
  columns: number;
  columnNames: string[];
  bytesPerCell?: number;
}

const CANONICAL = canonicalTables([]);
/** Indikator needs number formats (percent targets); the others need values only. */
const WITH_FORMATS = new Set(['indikator']);

export function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

/** Lists the canonical tables (two syncs: names, then shapes). */
export async function listCanonicalTables(context: PortContext): Promise<KnownTable[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const wanted = tables.items
    .map((t) => ({ t, spec: CANONICAL.find((s) => headerKey(s.table) === headerKey(t.name)) }))
    .filter((x) => x.spec !== undefined);
  const loaded = wanted.map(({ t, spec }) => {
    const range = t.getRange();
    range.load('address,rowCount,columnCount');
    const header = t.getHeaderRowRange();
    header.load('values');
    const ws = t.worksheet;
    ws.load('name');
    return { t, spec: spec!, range, header, ws };
  });
  if (loaded.length) await context.sync();
  return loaded.map(({ t, spec, range, header, ws }) => ({
    name: t.name,
    key: spec.key,
    sheet: ws.name,
    address: stripSheet(range.address),
    rows: Math.max(0, range.rowCount - 1),
    columns: range.columnCount,
    columnNames: (header.values[0] ?? []).map((v) => String(v ?? '')),
  }));
}

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return v === '' ? '' : null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
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

/** Values (and number formats, where the reader needs them) of a range: only what is read. */
function loadCells(range: Excel.Range, withFormats: boolean): void {
  if (withFormats) range.load('values,numberFormat,address');
  else range.load('values,address');
}

/** Reads every known table; one sync when everything fits the payload budget. */
export async function readKnownTables(
  context: PortContext, known: KnownTable[], budget = PAYLOAD_BUDGET_BYTES,
): Promise<ReadOutcome> {
  const shapes: TableShape[] = known.map((t) => ({
    name: t.name, rows: t.rows, columns: t.columns, withFormats: WITH_FORMATS.has(t.key),
    ...(t.bytesPerCell ? { bytesPerCell: t.bytesPerCell } : {}),
  }));
  const plan = planReads(shapes, budget);
  const byName = new Map(known.map((t) => [t.name, t]));
  const got = new Map<string, { header: CellValue[]; address: string; rows: CellValue[][]; formats: (string | null)[][]; total?: number }>();
  let syncs = 0;
  const queue = plan.slice();
  while (queue.length) {
    const parts = queue.shift()!;
    const pending: Pending[] = parts.map((part) => {
      const table = byName.get(part.table)!;
      const xt = context.workbook.tables.getItem(table.name);
      const withFormats = WITH_FORMATS.has(table.key);
      if (part.kind === 'whole') {
        const range = xt.getRange();
        loadCells(range, withFormats);
        return { part, table, range };
      }
      const { col, row } = parseA1(table.address.split(':')[0]);
      const ws = context.workbook.worksheets.getItem(table.sheet);
      const first = row + 1 + part.start;
      const range = ws.getRangeByIndexes(first - 1, col, part.count, table.columns);
      loadCells(range, withFormats);
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
      const formats = WITH_FORMATS.has(p.table.key) ? (p.range.numberFormat as unknown[][]).map((r) => r.map((f) => (typeof f === 'string' && f !== 'General' ? f : null))) : [];
      // Measure for the next plan: JSON length per cell of what came back.
      const cells = Math.max(1, values.length * (values[0]?.length ?? 1));
      p.table.bytesPerCell = Math.max(8, Math.ceil(JSON.stringify(values).length / cells));
      if (p.part.kind === 'whole') {
        const address = stripSheet(p.range.address);
        got.set(p.table.name, { header: values[0] ?? [], address, rows: values.slice(1), formats: formats.slice(1) });
        p.table.rows = values.length - 1;
        continue;
      }
      const entry = got.get(p.table.name) ?? { header: [], address: p.table.address, rows: [], formats: [] };
      if (p.header) {
        entry.header = ((p.header.values as unknown[][])[0] ?? []).map(cellValue);
        entry.address = stripSheet(p.header.address);
        entry.total = Math.max(0, (p.body?.rowCount ?? 1) - 1);
      }
      entry.rows.push(...values);
      entry.formats.push(...formats);
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
    tables.push(snap);
  }
  return { snapshot: { tables }, syncs, grown };
}
