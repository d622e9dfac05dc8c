/// <reference types="office-js" />
/**
 * Writing a data table (the consolidated tables: tens of thousands of rows, no per-cell
 * styles) as an Excel table. Rows go out in blocks measured by their JSON size, so each sync
 * stays under Excel on the web's 5 MB request limit (`chunk.ts`); text columns get the text
 * format before any value, and other text that starts like a formula gets the text prefix.
 */
import { columnLetter } from '../../core/a1.js';
import type { CellValue } from '../../core/snapshot.js';
import type { DataTable } from '../port.js';
import { PAYLOAD_BUDGET_BYTES } from './chunk.js';
import { textSafe } from './writes.js';
import type { PortContext } from './sync.js';

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

/** A cell as written: text columns as they are (the `@` format keeps them text), other text made safe. */
export function tableCell(v: CellValue, textColumn: boolean): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return v;
  return textColumn ? v : textSafe(v);
}

/**
 * Replaces sheet `t.sheet` with the table. Syncs: 1 (does the sheet exist) + one per row
 * block; the table object, widths and freeze ride on the last block's sync.
 */
export async function writeDataTable(
  context: PortContext, t: DataTable, budget = PAYLOAD_BUDGET_BYTES, onRows?: (written: number) => void,
): Promise<void> {
  // isNullObject is known after the sync without a load (docs: "*OrNullObject methods and properties").
  const old = context.workbook.worksheets.getItemOrNullObject(t.sheet);
  await context.sync();
  if (!old.isNullObject) old.delete();
  const ws = context.workbook.worksheets.add(t.sheet);
  const width = Math.max(1, t.header.length);
  const text = new Set(t.textColumns);
  for (const c of t.textColumns) {
    const l = columnLetter(c);
    ws.getRange(`${l}:${l}`).numberFormat = '@' as unknown as string[][];
  }
  // Excel never keeps a table without a data row.
  const body = t.rows.length ? t.rows : [t.header.map(() => null)];
  const grid = [t.header.map((h) => tableCell(h, true)), ...body.map((r) => Array.from({ length: width }, (_, i) => tableCell(r[i] ?? null, text.has(i))))];
  const blocks = planRowBlocks(grid, budget);
  for (const [k, b] of blocks.entries()) {
    ws.getRangeByIndexes(b.start, 0, b.count, width).values = grid.slice(b.start, b.start + b.count);
    if (k < blocks.length - 1) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized block: Excel on the web refuses a request over 5 MB
      await context.sync();
      onRows?.(Math.max(0, b.start + b.count - 1));
    }
  }
  const address = `A1:${columnLetter(width - 1)}${grid.length}`;
  const table = ws.tables.add(address, true);
  table.name = t.table;
  table.style = 'TableStyleLight9';
  ws.freezePanes.freezeRows(1);
  (t.widths ?? []).forEach((w, i) => { ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = Math.round(w * 7); });
  await context.sync();
  onRows?.(t.rows.length);
}
