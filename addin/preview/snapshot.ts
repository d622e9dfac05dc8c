/**
 * ExcelJS workbook → `WorkbookSnapshot` in the browser: the same browser-safe extraction the
 * CLI uses (xlsx/extract.ts), so preview and CLI find and read tables identically.
 */
import type ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { extract } from '../../xlsx/extract.js';

export { locateTables, type LocatedTable } from '../../xlsx/extract.js';

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return extract(wb).snapshot;
}
