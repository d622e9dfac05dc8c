/**
 * Merged areas into a loaded ExcelJS workbook, without ExcelJS's own check. ExcelJS 4.4
 * compares every merge it loads with every earlier one (`Worksheet._mergeCellsInternal`
 * walks `_merges`), so 50,000 merges take minutes and a matrix with a merge per cell never
 * finishes; one merge A1:XFD1048576 makes it create seventeen billion cells. The package guard
 * (guard.ts) has already read each sheet's merges, bounded their cells and refused overlaps,
 * so here they are applied as ExcelJS applies one merge (covered cells point to the master,
 * keeping their own style, as ExcelJS does when loading; the area goes into `_merges` keyed
 * by the master's address), in time linear in the merged cells.
 */
import type ExcelJS from 'exceljs';
import type { PackageReport } from './guard.js';
import type { Area } from './package-scan.js';

interface MergeInternals {
  _merges: Record<string, object>;
  mergeCellsWithoutStyle(top: number, left: number, bottom: number, right: number): void;
}

type RangeClass = new (top: number, left: number, bottom: number, right: number) => object;

export function applyMerges(wb: ExcelJS.Workbook, report: PackageReport): void {
  for (const ws of wb.worksheets) {
    const merges = report.sheets.get(ws.name)?.merges;
    if (merges && merges.length > 0) mergeAll(ws, merges);
  }
}

function mergeAll(ws: ExcelJS.Worksheet, areas: Area[]): void {
  const w = ws as unknown as MergeInternals;
  const all = w._merges;
  // The first merge through ExcelJS itself (nothing to compare against) gives its Range class.
  const [first, ...rest] = areas;
  w._merges = {};
  w.mergeCellsWithoutStyle(first.top, first.left, first.bottom, first.right);
  const [[key, range]] = Object.entries(w._merges);
  all[key] = range;
  const Range = Object.getPrototypeOf(range).constructor as RangeClass;
  for (const a of rest) {
    const master = ws.getCell(a.top, a.left);
    for (let r = a.top; r <= a.bottom; r++) {
      const row = ws.getRow(r);
      for (let c = a.left; c <= a.right; c++) {
        if (r !== a.top || c !== a.left) (row.getCell(c) as unknown as { merge(m: ExcelJS.Cell, ignoreStyle: boolean): void }).merge(master, true);
      }
    }
    all[master.address] = new Range(a.top, a.left, a.bottom, a.right);
  }
  w._merges = all;
}
