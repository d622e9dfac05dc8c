/**
 * The workbook as `core/` sees it: plain table snapshots, whatever adapter made them
 * (Office.js inside Excel, ExcelJS in the CLI, in-memory in tests).
 */

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
