/**
 * Copies a worksheet between ExcelJS workbooks: values, styles, merges, column widths, row
 * heights and print settings. `pokin export` keeps the PK sheets the input already holds
 * (an earlier PK stays when a PK Perubahan is added: SAKIP.md §8, never edit a PK in place).
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../core/a1.js';
import { neutralise } from './write.js';

/** `ExcelJS.ValueType.Merge`; the enum is not importable as a value under `import type`. */
const MERGE = 1;
type MergeMap = Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;

/**
 * `breaks`: rows after which a page starts. ExcelJS 4.4 does not read `<rowBreaks>` back from
 * a file (exceljs/exceljs#2249, fix in the unmerged #2602), so a caller that knows the
 * layout passes them; breaks ExcelJS did read are kept as well.
 */
export function copyWorksheet(src: ExcelJS.Worksheet, dst: ExcelJS.Workbook, breaks: readonly number[] = []): ExcelJS.Worksheet {
  const ws = dst.addWorksheet(src.name, {
    pageSetup: { ...src.pageSetup },
    headerFooter: { ...src.headerFooter },
    views: (src.views ?? []).map((v) => ({ ...v })),
  });
  for (let c = 1; c <= src.columnCount; c++) {
    const w = src.getColumn(c).width;
    if (w !== undefined) ws.getColumn(c).width = w;
  }
  src.eachRow({ includeEmpty: true }, (row, r) => {
    const to = ws.getRow(r);
    if (row.height !== undefined) to.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const out = to.getCell(c);
      // A cell covered by a merge reports its master's value: only the master holds one.
      // Values are written plain (a formula keeps only its result): the sheet may come from anyone.
      if (cell.type !== MERGE) out.value = neutralise(cell.value);
      out.style = structuredClone(cell.style);
    });
  });
  // ExcelJS keeps merges in a private map; the public `ws.model` would rebuild every row.
  for (const d of Object.values((src as unknown as { _merges?: MergeMap })._merges ?? {})) {
    if (d) ws.mergeCells(`${columnLetter(d.left - 1)}${d.top}:${columnLetter(d.right - 1)}${d.bottom}`);
  }
  const read = ((src as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map((b) => b.id);
  for (const r of new Set([...read, ...breaks])) ws.getRow(r).addPageBreak();
  return ws;
}
