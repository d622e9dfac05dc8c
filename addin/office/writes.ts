/// <reference types="office-js" />
/**
 * Pokin's writes into the workbook, each one user action = one `Excel.run` (one undo step
 * where `mergeUndoGroup` exists): the Status columns as one 2-D write per table, and the
 * generated sheets of core/derive (values in payload-sized blocks, then styles by runs).
 */
import { columnLetter } from '../../core/a1.js';
import type { CellStyle, Paper, SheetSpec } from '../../core/derive/spec.js';
import type { StatusRows } from '../port.js';
import { DEFAULT_BYTES_PER_CELL, OP_BYTES, PAYLOAD_BUDGET_BYTES, planRowBlocks, SyncBudget } from './chunk.js';

import type { KnownTable } from './tables.js';
import type { PortContext } from './sync.js';

/**
 * The Status column of a table (`status` rows from the first data row), in row blocks that keep
 * each sync within the payload budget: text format first (a status like `E1: K01` must never be
 * read as anything else), then the values. Returns whether anything was queued.
 */
export async function queueStatusWrite(context: PortContext, table: KnownTable, status: string[], budget: SyncBudget): Promise<boolean> {
  const at = table.columnNames.findIndex((n) => n.trim().toLowerCase() === 'status');
  const n = Math.min(status.length, table.rows);
  if (n === 0) return false;
  const xt = context.workbook.tables.getItem(table.name);
  let column: Excel.Range;
  if (at >= 0) {
    column = xt.columns.getItemAt(at).getDataBodyRange();
  } else {
    // The only column the add-in may recreate (SAKIP.md §4.1): added at the right end.
    await budget.need(OP_BYTES * 2);
    column = xt.columns.add(undefined, undefined, 'Status').getDataBodyRange();
    table.columnNames = [...table.columnNames, 'Status'];
    table.columns++;
  }
  const rows = status.slice(0, n).map((s) => [s]);
  // Each row costs its text and its `"@"` number format (7 bytes with punctuation).
  for (const b of planRowBlocks(rows, budget.limit - OP_BYTES * 6)) {
    await budget.need(b.bytes + b.count * 7 + OP_BYTES * 3);
    const target = column.getCell(b.start, 0).getResizedRange(b.count - 1, 0);
    target.numberFormat = rows.slice(b.start, b.start + b.count).map(() => ['@']);
    target.values = rows.slice(b.start, b.start + b.count);
  }
  return true;
}

/** Both Status columns, within the budget; returns how many tables got one. */
export async function queueAllStatus(context: PortContext, known: KnownTable[], status: StatusRows, budget = new SyncBudget(context)): Promise<number> {
  let writes = 0;
  for (const t of known) {
    if (t.key === 'pohon' && await queueStatusWrite(context, t, status.pohon, budget)) writes++;
    if (t.key === 'indikator' && await queueStatusWrite(context, t, status.indikator, budget)) writes++;
  }
  return writes;
}

/** Rows of a generated sheet per write so one sync stays under the payload budget. */
export function rowsPerWrite(columns: number, budget = PAYLOAD_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / Math.max(1, columns * DEFAULT_BYTES_PER_CELL)));
}

type Plain = string | number | boolean;

/**
 * Text typed by other users is written as text, never as a formula: Excel parses a value that
 * starts with = + - or @ (even a lone `=`, which it refuses), so such text gets Excel's own
 * text prefix, the apostrophe, which is not part of the stored value.
 */
export function textSafe<T>(v: T): T | string {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/** The spec's cells as a rectangle of values (text that looks like a formula stays text). */
export function specGrid(spec: SheetSpec): Plain[][] {
  let rows = 0, cols = 0;
  for (const c of spec.cells) { rows = Math.max(rows, c.row); cols = Math.max(cols, c.col); }
  const grid: Plain[][] = Array.from({ length: rows }, () => new Array<Plain>(Math.max(cols, 1)).fill(''));
  for (const c of spec.cells) {
    const v = c.value;
    if (v === null) continue;
    grid[c.row - 1][c.col - 1] = textSafe(v);
  }
  return grid;
}

/** Runs of same-style cells per row: one range per run instead of one call per cell. */
export function styleRuns(spec: SheetSpec): { range: string; style: string }[] {
  const byRow = new Map<number, { col: number; style: string }[]>();
  for (const c of spec.cells) if (c.style) (byRow.get(c.row) ?? byRow.set(c.row, []).get(c.row)!).push({ col: c.col, style: c.style });
  const out: { range: string; style: string }[] = [];
  for (const [row, cells] of byRow) {
    cells.sort((a, b) => a.col - b.col);
    let start = cells[0];
    let prev = cells[0];
    const flush = () => out.push({ range: `${columnLetter(start.col - 1)}${row}:${columnLetter(prev.col - 1)}${row}`, style: start.style });
    for (const c of cells.slice(1)) {
      if (c.style === prev.style && c.col === prev.col + 1) { prev = c; continue; }
      flush();
      start = c;
      prev = c;
    }
    flush();
  }
  return out;
}

function applyStyle(r: Excel.Range, s: CellStyle): void {
  if (s.bold) r.format.font.bold = true;
  if (s.italic) r.format.font.italic = true;
  if (s.size) r.format.font.size = s.size;
  if (s.fill) r.format.fill.color = `#${s.fill.slice(-6)}`;
  if (s.wrap) r.format.wrapText = true;
  if (s.horizontal) r.format.horizontalAlignment = s.horizontal === 'left' ? 'Left' : s.horizontal === 'center' ? 'Center' : 'Right';
  if (s.vertical) r.format.verticalAlignment = s.vertical === 'top' ? 'Top' : s.vertical === 'middle' ? 'Center' : 'Bottom';
  if (s.border) for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const) r.format.borders.getItem(edge).style = 'Continuous';
  if (s.numFmt) r.numberFormat = s.numFmt as unknown as string[][];
}

/**
 * Writes a generated sheet into a fresh worksheet. Every command is counted against the payload
 * budget (values by their JSON, formats, merges and links per command), so no request passes
 * Excel on the web's 5 MB: a large sheet is several syncs of one `Excel.run` (issue 11 #3).
 */
export async function writeSheet(context: PortContext, ws: Excel.Worksheet, spec: SheetSpec, budget = new SyncBudget(context)): Promise<void> {
  const grid = specGrid(spec);
  const width = grid[0]?.length ?? 1;
  const runs = styleRuns(spec);
  // Text format before the values: a code such as `1.02` or a NIP written first is already a number.
  for (const run of runs) {
    if (spec.styles[run.style]?.numFmt !== '@') continue;
    await budget.need(OP_BYTES);
    ws.getRange(run.range).numberFormat = '@' as unknown as string[][];
  }
  for (const b of planRowBlocks(grid, budget.limit - OP_BYTES * 4)) {
    await budget.need(b.bytes + OP_BYTES);
    ws.getRangeByIndexes(b.start, 0, b.count, width).values = grid.slice(b.start, b.start + b.count);
  }
  for (const run of runs) {
    const s = spec.styles[run.style];
    if (!s) continue;
    await budget.need(OP_BYTES * styleCommands(s));
    applyStyle(ws.getRange(run.range), s);
  }
  for (const m of spec.merges) {
    await budget.need(OP_BYTES);
    ws.getRange(m).merge(false);
  }
  for (const [i, w] of spec.columnWidths.entries()) {
    await budget.need(OP_BYTES);
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = Math.round(w * 7);
  }
  // Heights come from core/derive/fit.ts (points, computed from the text: Excel never
  // auto-fits merged cells). `rowHeight` is in points, though the reference does not say so
  // (OfficeDev/office-js-docs-reference#1679); Excel caps it at 409.
  for (const [row, h] of Object.entries(spec.rowHeights)) {
    await budget.need(OP_BYTES);
    ws.getRange(`${row}:${row}`).format.rowHeight = Math.min(409, h);
  }
  for (const c of spec.cells) {
    if (!c.link) continue;
    await budget.need(OP_BYTES + c.link.length * 2);
    ws.getRange(`${columnLetter(c.col - 1)}${c.row}`).hyperlink = { documentReference: c.link, textToDisplay: String(c.value ?? c.link) };
  }
  await budget.need(OP_BYTES * 2);
  if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
  await queuePrint(ws, spec.print, budget);
}

/**
 * Excel.PaperType names (https://learn.microsoft.com/javascript/api/excel/excel.papertype):
 * F4 is Folio, 8.5 × 13 in (216 × 330 mm), the xlPaperFolio the CLI writes as paper size 14.
 */
const PAPER: Record<Paper, Excel.PaperType | 'A4' | 'A3' | 'Folio'> = { A4: 'A4', A3: 'A3', F4: 'Folio' };

/** Header/footer text is a small language of `&` codes: a literal `&` is written `&&`. */
const hfText = (s: string) => s.replace(/&/g, '&&');

/**
 * The page setup the CLI writes (xlsx/render.ts), through PageLayout (ExcelApi 1.9): paper,
 * orientation, all columns on one page width with rows flowing over pages (zoom
 * horizontalFitToPages 1, verticalFitToPages 0 = automatic, as the file format's fitToHeight 0;
 * "must be set as a JSON object", PageLayout.zoom), header rows repeated, manual page breaks
 * ("adds a page break before the top-left cell of the range", PageBreakCollection.add), the
 * DRAF stamp and page numbers. Known gap: on some Windows builds the fit-to-width is only applied
 * once the Page Layout tab was opened (OfficeDev/office-js#1860); the paper and titles are.
 */
async function queuePrint(ws: Excel.Worksheet, p: SheetSpec['print'], budget: SyncBudget): Promise<void> {
  await budget.need(OP_BYTES * (6 + (p.pageBreaks?.length ?? 0)));
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (p.paper) layout.paperSize = PAPER[p.paper] as Excel.PaperType;
  if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows[0]}:$${p.titleRows[1]}`);
  if (p.header) layout.headersFooters.defaultForAllPages.centerHeader = `&"-,Bold"&14${hfText(p.header)}`;
  if (p.pageNumbers) layout.headersFooters.defaultForAllPages.centerFooter = 'Halaman &P dari &N';
  for (const r of p.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
}

/** Commands `applyStyle` queues for a style (for the payload budget). */
function styleCommands(s: CellStyle): number {
  return [s.bold, s.italic, s.size, s.fill, s.wrap, s.horizontal, s.vertical, s.numFmt].filter(Boolean).length + (s.border ? 5 : 0) + 1;
}
