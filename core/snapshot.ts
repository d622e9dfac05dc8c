/**
 * The workbook as `core/` sees it: plain table snapshots, whatever adapter made them
 * (Office.js inside Excel, ExcelJS in the CLI, in-memory in tests).
 */
import { parseA1 } from './a1.js';

/** A cell value as adapters deliver it. Excel error values arrive as their text (`#REF!`). */
export type CellValue = string | number | boolean | null;

export interface TableSnapshot {
  /** Worksheet name, e.g. `Pohon Kinerja`. */
  sheet: string;
  /** Table (ListObject) name when the range is an Excel table, e.g. `PohonKinerja`. */
  name?: string;
  /** A1 address of the top-left header cell, e.g. `A1` or `B3`. */
  address: string;
  header: CellValue[];
  rows: CellValue[][];
  /**
   * Optional number formats, same shape as `rows` (or one row applied to every row).
   * Used to recognise percent-formatted cells (0.98 shown as 98 %).
   */
  numberFormats?: (string | null)[][];
  /** Optional merged areas inside the table (A1 ranges); tables cannot hold merges (F01). */
  merges?: string[];
  /**
   * Optional formula text (without `=`) per cell, same shape as `rows`; null = a plain value.
   * Delivered only for tables whose spec asks for it (`TableSpec.formulas`: Realisasi, U07).
   */
  formulas?: (string | null)[][];
}

export interface WorkbookSnapshot {
  tables: TableSnapshot[];
}

const ERROR_VALUES = new Set([
  '#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!',
  '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!',
]);

/** True for Excel error values (`#REF!`, `#DIV/0!`, …) delivered as text. */
export function isErrorValue(v: CellValue): v is string {
  return typeof v === 'string' && v.length > 2 && v[0] === '#' && ERROR_VALUES.has(v.trim().toUpperCase());
}

/** True when a cell holds nothing (null, empty or whitespace-only text). */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

/**
 * The table column a cell belongs to (`{ table, header }`), or null outside every table: what
 * the preview's cell editor shows beside `D5`, so nobody must know that D is Pernyataan Kinerja.
 * The row just below a table counts: typing there extends the table, as in Excel.
 */
export function columnAt(snapshot: WorkbookSnapshot, sheet: string, cell: string): { table: string; header: string } | null {
  if (!A1.test(cell.trim())) return null;
  const at = parseA1(cell);
  const key = sheet.toLowerCase();
  for (const t of snapshot.tables) {
    if (t.sheet.toLowerCase() !== key || !A1.test(t.address)) continue;
    const top = parseA1(t.address);
    const i = at.col - top.col;
    if (i < 0 || i >= t.header.length || at.row < top.row || at.row > top.row + t.rows.length + 1) continue;
    const header = t.header[i];
    return header === null || header === '' ? null : { table: t.name ?? t.sheet, header: String(header) };
  }
  return null;
}

const A1 = /^\$?[A-Za-z]{1,3}\$?\d+$/;
