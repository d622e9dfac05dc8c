/**
 * ExcelJS workbook → `WorkbookSnapshot` in the browser: the same browser-safe extraction the
 * CLI uses (xlsx/extract.ts), so preview and CLI find and read tables identically.
 */
import type ExcelJS from 'exceljs';
import type { TableSpec } from '../../core/layout/tables.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { extract } from '../../xlsx/extract.js';

export { locateTables, type LocatedTable } from '../../xlsx/extract.js';

/** `extra`: tables read besides the canonical ones (the LKE tables, as `pokin lke` asks for them). */
export function workbookSnapshot(wb: ExcelJS.Workbook, extra: readonly TableSpec[] = []): WorkbookSnapshot {
  return extract(wb, extra).snapshot;
}
