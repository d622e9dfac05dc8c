/**
 * One worksheet as adoption sees it (`RawSheet`), built from its cells whatever read them: the
 * package reader of `pokin import` (raw-read.ts, straight from the file) and the ExcelJS
 * worksheet of the pane's preview and `validate --final` (extract.ts). Both hand over plain
 * cells; everything adoption relies on is decided here, once:
 *  - every value from A1 down to the last row with a value, dense rows;
 *  - merged areas: the value sits in the top-left cell only ("The value of a merged range is
 *    specified in the cell of the range's upper-left corner",
 *    https://learn.microsoft.com/office/vba/api/excel.range.merge), which is also what Excel's
 *    `Range.values` gives the Office pane; a value some tool left in a covered cell is not what
 *    Excel shows, so covered cells read as blank and the area is listed in `merges`;
 *  - number formats of numeric cells (percent, decimals that keep a code's trailing zero);
 *  - hidden rows and columns; formulas with and without a cached value.
 */
import { columnLetter } from '../core/a1.js';
import type { RawSheet } from '../core/adopt/types.js';
import type { CellValue } from '../core/snapshot.js';
import type { Area } from './package-scan.js';

export interface SheetCell {
  /** 1-based. */
  row: number;
  col: number;
  /** Plain value; null for a formula without a cached value. */
  value: CellValue;
  numFmt?: string;
  /** Formula text, when the cell holds one. */
  formula?: string;
  /** The formula has no cached value (a file written by a generator and never calculated). */
  uncached?: boolean;
}

export interface SheetSource {
  name: string;
  /** Cells with a value or a formula. Row-major order is the fast case; any order is accepted. */
  cells: readonly SheetCell[];
  merges: readonly Area[];
  hiddenRows: ReadonlySet<number>;
  /** 1-based column → hidden. */
  hiddenColumn(col: number): boolean;
}

const address = (row: number, col: number) => `${columnLetter(col - 1)}${row}`;
const rangeOf = (a: Area) => `${address(a.top, a.left)}:${address(a.bottom, a.right)}`;

function rowMajor(cells: readonly SheetCell[]): readonly SheetCell[] {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (b.row < a.row || (b.row === a.row && b.col <= a.col)) {
      // Out of order or written twice: sorted, the last one written for a cell wins (as in Excel).
      const last = new Map<number, SheetCell>();
      for (const c of cells) last.set(c.row * 16384 + c.col, c);
      return [...last.values()].sort((x, y) => x.row - y.row || x.col - y.col);
    }
  }
  return cells;
}

export function buildRawSheet(src: SheetSource): RawSheet {
  const covered = coveredCells(src.merges);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  let maxCol = 0;
  const hiddenRows: number[] = [];
  const uncachedFormulas: { cell: string; formula: string }[] = [];
  const formulas: { cell: string; formula: string }[] = [];
  let lastRow = 0;
  for (const cell of rowMajor(src.cells)) {
    const { row: r, col: c } = cell;
    if (covered !== null && covered.has(r * 16384 + c)) continue;
    if (r !== lastRow) {
      lastRow = r;
      values[r - 1] = [];
      if (src.hiddenRows.has(r)) hiddenRows.push(r);
    }
    const v = cell.value;
    if (cell.formula !== undefined) (cell.uncached ? uncachedFormulas : formulas).push({ cell: address(r, c), formula: cell.formula });
    values[r - 1][c - 1] = v;
    if (c > maxCol) maxCol = c;
    if (typeof v === 'number' && cell.numFmt && cell.numFmt !== 'General') {
      (formats[r - 1] ??= [])[c - 1] = cell.numFmt;
      anyFormat = true;
    }
  }
  // Dense rows: rows and cells never written are blank.
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    values[r] = row;
  }
  while (values.length && values[values.length - 1].every((v) => v === null)) values.pop();
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= maxCol; c++) if (src.hiddenColumn(c)) hiddenColumns.push(c - 1);
  const sheet: RawSheet = { name: src.name, values, merges: src.merges.map(rangeOf) };
  if (anyFormat) sheet.numberFormats = values.map((row, r) => Array.from({ length: row.length }, (_, c) => formats[r]?.[c] ?? null));
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  if (uncachedFormulas.length) sheet.uncachedFormulas = uncachedFormulas;
  if (formulas.length) sheet.formulas = formulas;
  return sheet;
}

/** `row * 16384 + col` (1-based) of every cell a merged area covers, its top-left excepted. */
function coveredCells(areas: readonly Area[]): Set<number> | null {
  if (areas.length === 0) return null;
  const out = new Set<number>();
  for (const a of areas) {
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) out.add(r * 16384 + c);
  }
  return out;
}
