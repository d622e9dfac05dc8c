/**
 * Reading large tables without passing Excel on the web's 5 MB payload limit per request
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Pure planning: each table's size is estimated from its shape and the bytes per cell seen
 * in the last read; tables that fit go into one sync together, larger ones are split into
 * row blocks, each sync staying under the budget.
 */

/** 5 MB minus headroom for the request envelope and JSON escaping. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** A first guess before any read has measured the workbook (short IDs, codes, statements). */
export const DEFAULT_BYTES_PER_CELL = 48;

export interface TableShape {
  name: string;
  /** Data rows (header excluded). */
  rows: number;
  columns: number;
  /** Measured in the last read; DEFAULT_BYTES_PER_CELL when unknown. */
  bytesPerCell?: number;
  /** Number formats are loaded too (doubles the payload of that table). */
  withFormats?: boolean;
  /** Formulas are loaded too (one more copy of the cells). */
  withFormulas?: boolean;
}

export interface ReadPart {
  table: string;
  /** 'whole' = header + all rows through `table.getRange()`; else a block of data rows. */
  kind: 'whole' | 'block';
  /** 0-based first data row and row count (blocks only). */
  start: number;
  count: number;
}

export function estimateBytes(t: TableShape, rows = t.rows + 1): number {
  return rows * t.columns * (t.bytesPerCell ?? DEFAULT_BYTES_PER_CELL) * (1 + (t.withFormats ? 1 : 0) + (t.withFormulas ? 1 : 0));
}

/** Groups the reads into syncs; the common case (everything fits) is exactly one sync. */
export function planReads(tables: readonly TableShape[], budget = PAYLOAD_BUDGET_BYTES): ReadPart[][] {
  const syncs: ReadPart[][] = [];
  let cur: ReadPart[] = [];
  let used = 0;
  const push = (part: ReadPart, bytes: number) => {
    if (cur.length && used + bytes > budget) {
      syncs.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(part);
    used += bytes;
  };
  for (const t of tables) {
    const whole = estimateBytes(t);
    if (whole <= budget) {
      push({ table: t.name, kind: 'whole', start: 0, count: t.rows }, whole);
      continue;
    }
    const perRow = Math.max(1, estimateBytes(t, 1));
    const rowsPerBlock = Math.max(1, Math.floor(budget / perRow));
    for (let start = 0; start < t.rows; start += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, t.rows - start);
      push({ table: t.name, kind: 'block', start, count }, count * perRow);
    }
  }
  if (cur.length) syncs.push(cur);
  return syncs;
}

/**
 * Request bytes of one queued command that sets a small property or adds an object: the
 * object path (getItem, getRange…) and the command itself, with room to spare. "The payload
 * size of a request combines the number of API calls, the number of objects, such as Range
 * objects, and the length of the value to set or get"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
 */
export const OP_BYTES = 400;

/**
 * Keeps the commands queued between two syncs under the payload budget: callers say how many
 * bytes the next commands add, and it syncs first when they would not fit.
 */
export class SyncBudget {
  private used = 0;
  readonly limit: number;
  constructor(private readonly context: { sync(): Promise<void>; budget: number }) {
    this.limit = context.budget;
  }

  /** Reserves `bytes` for the commands about to be queued (syncing the earlier ones first if needed). */
  async need(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.sync();
    this.used += bytes;
  }

  /** Sends what is queued now. */
  async sync(): Promise<void> {
    this.used = 0;
    await this.context.sync();
  }

  /** The caller synced itself (to read an answer): nothing is queued any more. */
  synced(): void {
    this.used = 0;
  }
}

/** Request bytes of one row in a `values` write: its JSON plus the array punctuation. */
export function rowBytes(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 2;
}

export interface RowBlock {
  /** 0-based first row (of `rows` as given) and row count. */
  start: number;
  count: number;
  bytes: number;
}

/** Consecutive rows grouped so each block stays under `budget` (a lone larger row is its own block). */
export function planRowBlocks(rows: readonly (readonly unknown[])[], budget = PAYLOAD_BUDGET_BYTES): RowBlock[] {
  const out: RowBlock[] = [];
  let cur: RowBlock | null = null;
  rows.forEach((row, i) => {
    const b = rowBytes(row);
    if (cur && cur.bytes + b > budget) { out.push(cur); cur = null; }
    if (!cur) cur = { start: i, count: 0, bytes: 0 };
    cur.count++;
    cur.bytes += b;
  });
  if (cur) out.push(cur);
  return out;
}

