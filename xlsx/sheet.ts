/**
 * A worksheet as `core/adopt` sees it: every value from A1 down to the last row with a value,
 * the merged areas, the number formats of numeric cells and the hidden columns. Formulas give
 * their cached result (`cells.ts`), as for the canonical reader.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../core/a1.js';
import type { RawSheet } from '../core/adopt/types.js';
import type { CellValue } from '../core/snapshot.js';
import { plainValue } from './cells.js';
import { checkSignature, loadWorkbook, readWorkbookFile } from './open.js';

/** `ExcelJS.ValueType.Merge`; the enum is not importable as a value under `import type`. */
const MERGE = 1;

type MergeMap = Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;

export function rawSheet(ws: ExcelJS.Worksheet): RawSheet {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A cell covered by a merge reports its master's value in ExcelJS; the sheet holds none.
      if (cell.type === MERGE) return;
      const v = plainValue(cell.value);
      vals[c - 1] = v;
      if (c > maxCol) maxCol = c;
      if (typeof v === 'number' && cell.numFmt && cell.numFmt !== 'General') { fmts[c - 1] = cell.numFmt; anyFormat = true; }
    });
    values[r - 1] = vals;
    formats[r - 1] = fmts;
  });
  // Dense rows: `eachRow` skips empty rows and `eachCell` empty cells.
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    values[r] = row;
  }
  while (values.length && values[values.length - 1].every((v) => v === null)) values.pop();
  // ExcelJS keeps merges in a private map; the public `ws.model` would rebuild every row.
  const merges = Object.values((ws as unknown as { _merges?: MergeMap })._merges ?? {})
    .filter((d): d is NonNullable<typeof d> => !!d)
    .map((d) => `${columnLetter(d.left - 1)}${d.top}:${columnLetter(d.right - 1)}${d.bottom}`);
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= maxCol; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  const sheet: RawSheet = { name: ws.name, values, merges };
  if (anyFormat) sheet.numberFormats = formats.map((r) => Array.from({ length: r?.length ?? 0 }, (_, i) => r?.[i] ?? null));
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  return sheet;
}

/** Every visible or hidden worksheet of a file (or its bytes) as raw sheets. */
export async function readRawSheets(input: string | Uint8Array): Promise<RawSheet[]> {
  const file = typeof input === 'string' ? input : undefined;
  const bytes = file !== undefined ? await readWorkbookFile(file) : (input as Uint8Array);
  checkSignature(bytes, file);
  const wb = await loadWorkbook(bytes, file);
  return wb.worksheets.map(rawSheet);
}
