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
import { OP_BYTES, planRowBlocks, SyncBudget } from './chunk.js';

export { planRowBlocks, rowBytes, type RowBlock } from './chunk.js';
import { textSafe } from './writes.js';
import type { PortContext } from './sync.js';

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
  context: PortContext, t: DataTable, onRows?: (written: number) => void, budget = new SyncBudget(context),
): Promise<void> {
  // isNullObject is known after the sync without a load (docs: "*OrNullObject methods and properties").
  const old = context.workbook.worksheets.getItemOrNullObject(t.sheet);
  await context.sync();
  budget.synced();
  if (!old.isNullObject) old.delete();
  const ws = context.workbook.worksheets.add(t.sheet);
  const width = Math.max(1, t.header.length);
  const text = new Set(t.textColumns);
  await budget.need(OP_BYTES * (t.textColumns.length + 2));
  for (const c of t.textColumns) {
    const l = columnLetter(c);
    ws.getRange(`${l}:${l}`).numberFormat = '@' as unknown as string[][];
  }
  // Excel never keeps a table without a data row.
  const body = t.rows.length ? t.rows : [t.header.map(() => null)];
  const grid = [t.header.map((h) => tableCell(h, true)), ...body.map((r) => Array.from({ length: width }, (_, i) => tableCell(r[i] ?? null, text.has(i))))];
  let written = 0;
  for (const b of planRowBlocks(grid, budget.limit - OP_BYTES * 4)) {
    if (written) onRows?.(Math.max(0, written - 1));
    await budget.need(b.bytes + OP_BYTES);
    ws.getRangeByIndexes(b.start, 0, b.count, width).values = grid.slice(b.start, b.start + b.count);
    written = b.start + b.count;
  }
  await budget.need(OP_BYTES * ((t.widths?.length ?? 0) + 4));
  const address = `A1:${columnLetter(width - 1)}${grid.length}`;
  const table = ws.tables.add(address, true);
  table.name = t.table;
  table.style = 'TableStyleLight9';
  ws.freezePanes.freezeRows(1);
  (t.widths ?? []).forEach((w, i) => { ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = Math.round(w * 7); });
  await budget.sync();
  onRows?.(t.rows.length);
}
