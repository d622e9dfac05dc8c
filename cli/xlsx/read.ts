/**
 * The ExcelJS workbook adapter, reading side: an .xlsx file → `WorkbookSnapshot`.
 * Canonical tables are found by their Excel table name; when a sheet has no table object
 * (LibreOffice saves, copied sheets) by their header row (`locate.ts`). Unusable files
 * become an `XlsxError` with a bilingual message, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { a1, columnLetter } from '../../core/a1.js';
import { canonicalTables, headerKey, type TableSpec } from '../../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { plainValue } from './cells.js';
import { XlsxError } from './errors.js';
import { checkSignature, loadWorkbook } from './open.js';
import { findHeaderRow, lastValueRow, tableObjects, type Block, type SheetScan } from './locate.js';

export interface SheetSummary {
  name: string;
  /** Excel table (ListObject) names on the sheet. */
  tables: string[];
  /** The first row holding a value (up to 12 cells), to show what a sheet starts with. */
  firstRow: unknown[];
  /** Sheet row of `firstRow`; 0 when the sheet is empty. */
  firstRowNumber: number;
}

export interface XlsxRead {
  snapshot: WorkbookSnapshot;
  sheets: SheetSummary[];
}

/** Reads a workbook from a path or from its bytes. */
export async function readXlsx(input: string | Uint8Array): Promise<XlsxRead> {
  const file = typeof input === 'string' ? input : undefined;
  const bytes = file !== undefined ? await readBytes(file) : Buffer.from(input as Uint8Array);
  checkSignature(bytes, file);
  const wb = await loadWorkbook(bytes, file);
  return extract(wb);
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new XlsxError('not-found', { id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` }, { file, cause: e });
    }
    if (code === 'EISDIR') {
      throw new XlsxError('is-directory', { id: `${file} adalah folder, bukan berkas .xlsx.`, en: `${file} is a folder, not an .xlsx file.` }, { file, cause: e });
    }
    throw new XlsxError('unreadable', {
      id: `Berkas tidak dapat dibaca (${code ?? 'galat'}): ${file}`, en: `The file cannot be read (${code ?? 'error'}): ${file}`,
    }, { file, cause: e });
  }
}

function extract(wb: ExcelJS.Workbook): XlsxRead {
  const scans: SheetScan[] = wb.worksheets.map((ws) => ({ ws, lastRow: lastValueRow(ws), tables: tableObjects(ws) }));
  const specs = canonicalTables([]);
  const tables: TableSnapshot[] = [];
  const used = new Set<string>();
  for (const spec of specs) {
    const block = byTableName(scans, spec) ?? byHeader(scans, spec, used);
    if (!block) continue;
    used.add(`${block.scan.ws.name}!${block.top}`);
    tables.push(snapshotOf(block, spec));
  }
  return { snapshot: { tables }, sheets: scans.map(summary) };
}

function byTableName(scans: SheetScan[], spec: TableSpec): Block | undefined {
  const want = headerKey(spec.table);
  for (const scan of scans) {
    const t = scan.tables.find((x) => headerKey(x.name) === want);
    if (t) return { scan, top: t.top, left: t.left, right: t.right, bottom: extendBlock(scan, t), tableName: t.name };
  }
  return undefined;
}

/**
 * Excel grows a table when the planner types right below it; a file saved by another tool
 * may not have. Rows directly below the table's range that hold values in its columns are
 * read too, so no typed row vanishes silently.
 */
function extendBlock(scan: SheetScan, t: { left: number; right: number; bottom: number }): number {
  let bottom = t.bottom;
  while (bottom < scan.lastRow && rowHasValue(scan.ws, bottom + 1, t.left, t.right)) bottom++;
  return bottom;
}

function byHeader(scans: SheetScan[], spec: TableSpec, used: Set<string>): Block | undefined {
  const want = headerKey(spec.sheet);
  const ordered = [...scans].sort((a, b) => Number(headerKey(b.ws.name) === want) - Number(headerKey(a.ws.name) === want));
  for (const scan of ordered) {
    const found = findHeaderRow(scan, spec);
    if (!found || used.has(`${scan.ws.name}!${found.top}`)) continue;
    const same = scan.tables.find((t) => t.top === found.top && t.left === found.left);
    return { ...found, ...(same ? { tableName: same.name } : {}) };
  }
  return undefined;
}

function rowHasValue(ws: ExcelJS.Worksheet, r: number, left: number, right: number): boolean {
  const row = ws.findRow(r);
  if (!row) return false;
  for (let c = left; c <= right; c++) {
    const v = plainValue(row.findCell(c)?.value);
    if (v !== null && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

function snapshotOf(block: Block, spec: TableSpec): TableSnapshot {
  const { scan, top, left, right } = block;
  const ws = scan.ws;
  const width = right - left + 1;
  const header = readRow(ws, top, left, width).values;
  // Trailing empty (but maybe styled) rows are not data: stop at the last row with a value.
  let bottom = Math.min(block.bottom, scan.lastRow);
  while (bottom > top && !rowHasValue(ws, bottom, left, right)) bottom--;
  const rows: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = top + 1; r <= bottom; r++) {
    const { values, numFmts, hasFormat } = readRow(ws, r, left, width);
    rows.push(values);
    formats.push(numFmts);
    anyFormat ||= hasFormat;
  }
  const snap: TableSnapshot = {
    sheet: ws.name,
    // A block found by its header carries the canonical name, so `findTable` finds it
    // even on a renamed sheet.
    name: block.tableName && headerKey(block.tableName) === headerKey(spec.table) ? block.tableName : spec.table,
    address: a1(left - 1, top),
    header,
    rows,
  };
  if (anyFormat) snap.numberFormats = formats;
  const merges = mergesInside(ws, top, bottom, left, right);
  if (merges.length) snap.merges = merges;
  return snap;
}

function readRow(ws: ExcelJS.Worksheet, r: number, left: number, width: number) {
  const values: CellValue[] = new Array(width).fill(null);
  const numFmts: (string | null)[] = new Array(width).fill(null);
  let hasFormat = false;
  const row = ws.findRow(r);
  if (row) {
    for (let i = 0; i < width; i++) {
      const cell = row.findCell(left + i);
      if (!cell) continue;
      values[i] = plainValue(cell.value);
      // Number formats matter for numbers only: percent (0.98 shown as 98 %) and decimals
      // that keep a code's trailing zero (`1.10`).
      const fmt = cell.numFmt;
      if (typeof values[i] === 'number' && fmt && fmt !== 'General') { numFmts[i] = fmt; hasFormat = true; }
    }
  }
  return { values, numFmts, hasFormat };
}

/** Merged ranges overlapping the table (tables cannot hold merges: the reader reports F01). */
function mergesInside(ws: ExcelJS.Worksheet, top: number, bottom: number, left: number, right: number): string[] {
  // ExcelJS keeps merges in a private map; the public `ws.model` would rebuild every row.
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  const out: string[] = [];
  for (const d of Object.values(merges)) {
    if (!d || d.bottom < top || d.top > bottom || d.right < left || d.left > right) continue;
    out.push(`${columnLetter(d.left - 1)}${d.top}:${columnLetter(d.right - 1)}${d.bottom}`);
  }
  return out;
}

function summary(scan: SheetScan): SheetSummary {
  const { ws } = scan;
  for (let r = 1; r <= Math.min(scan.lastRow, 200); r++) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues) continue;
    const values: unknown[] = [];
    const last = Math.min(row.cellCount, 12);
    for (let c = 1; c <= last; c++) values.push(plainValue(row.findCell(c)?.value));
    while (values.length && values[values.length - 1] === null) values.pop();
    if (values.some((v) => v !== null && v !== '')) return { name: ws.name, tables: scan.tables.map((t) => t.name), firstRow: values, firstRowNumber: r };
  }
  return { name: ws.name, tables: scan.tables.map((t) => t.name), firstRow: [], firstRowNumber: 0 };
}
