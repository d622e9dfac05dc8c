/**
 * ExcelJS workbook → `WorkbookSnapshot` and worksheet → `RawSheet`, without Node APIs: the
 * CLI (xlsx/read.ts, xlsx/sheet.ts) and the pane's preview mode in the browser (addin/preview)
 * share them, so both read and adopt the same cells. Canonical tables are found by their
 * Excel table name, else by their header row (`locate.ts`).
 */
import type ExcelJS from 'exceljs';
import type { RawSheet } from '../core/adopt/types.js';
import { a1, columnLetter } from '../core/a1.js';
import { workbookTables } from '../core/layout/pengukuran.js';
import { headerKey, type TableSpec } from '../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../core/snapshot.js';
import { cellValue } from './cells.js';
import type { Area } from './package-scan.js';
import { mergesLeftOut, numFmtOf } from './load.js';
import { buildRawSheet, type SheetCell } from './raw-sheet.js';
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

/** A canonical table found in a workbook, with where it sits (the preview port writes back there). */
export interface LocatedTable {
  spec: TableSpec;
  snapshot: TableSnapshot;
  ws: ExcelJS.Worksheet;
  /** 1-based sheet row of the header, and 1-based first and last columns of the block. */
  top: number;
  left: number;
  right: number;
  /** The Excel table object's name, when the block is one (not a bare range with a header row). */
  tableName?: string;
}

function scansOf(wb: ExcelJS.Workbook): SheetScan[] {
  return wb.worksheets.map((ws) => ({ ws, lastRow: lastValueRow(ws), tables: tableObjects(ws), merges: mergesLeftOut(wb, ws.name) ?? excelJSMerges(ws) }));
}

/** ExcelJS keeps merges in a private map; the public `ws.model` would rebuild every row. */
function excelJSMerges(ws: ExcelJS.Worksheet): Area[] {
  return Object.values((ws as unknown as { _merges?: MergeMap })._merges ?? {})
    .filter((d): d is NonNullable<typeof d> => !!d)
    .map((d) => ({ top: d.top, left: d.left, bottom: d.bottom, right: d.right }));
}

/** The canonical tables, then `extra` ones a caller asks for (the LKE tables of `pokin lke`). */
function locate(scans: SheetScan[], extra: readonly TableSpec[] = []): LocatedTable[] {
  const out: LocatedTable[] = [];
  const used = new Set<string>();
  const asked = new Set(extra);
  // The tree tables, then Rencana Aksi, Realisasi and Pembanding (SAKIP.md §12), then what the command asked for.
  for (const spec of [...workbookTables([]), ...extra]) {
    const block = byTableName(scans, spec) ?? byHeader(scans, spec, used, asked.has(spec));
    if (!block) continue;
    used.add(`${block.scan.ws.name}!${block.top}`);
    out.push({ spec, snapshot: snapshotOf(block, spec), ws: block.scan.ws, top: block.top, left: block.left, right: block.right, ...(block.tableName ? { tableName: block.tableName } : {}) });
  }
  return out;
}

export function locateTables(wb: ExcelJS.Workbook): LocatedTable[] {
  return locate(scansOf(wb));
}

/**
 * `extra`: tables to read besides the canonical ones. Only what a command asks for is read,
 * so a push sends the tree's tables whatever else the workbook holds.
 */
export function extract(wb: ExcelJS.Workbook, extra: readonly TableSpec[] = []): XlsxRead {
  const scans = scansOf(wb);
  return { snapshot: { tables: locate(scans, extra).map((t) => t.snapshot) }, sheets: scans.map(summary) };
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
 * may not have, and a row typed after a blank row is outside the table in Excel too. Rows
 * below the table's range that hold values in its columns are read, past blank rows, up to
 * the next table on the sheet: no typed row vanishes silently (SAKIP.md §5.1 F01).
 */
function extendBlock(scan: SheetScan, t: { left: number; right: number; bottom: number }): number {
  let limit = scan.lastRow;
  for (const o of scan.tables) if (o.top > t.bottom && o.left <= t.right && o.right >= t.left) limit = Math.min(limit, o.top - 1);
  let bottom = t.bottom;
  for (let r = t.bottom + 1; r <= limit; r++) if (rowHasValue(scan.ws, r, t.left, t.right)) bottom = r;
  return bottom;
}

/** `asked`: a table the command asked for by name (the LKE of `pokin lke`), looked for on any sheet. */
function byHeader(scans: SheetScan[], spec: TableSpec, used: Set<string>, asked = false): Block | undefined {
  const want = headerKey(spec.sheet);
  const ordered = [...scans].sort((a, b) => Number(headerKey(b.ws.name) === want) - Number(headerKey(a.ws.name) === want));
  for (const scan of ordered) {
    // An optional canonical table (Nomenklatur, Konfigurasi Level) found by its header row alone
    // must sit on its own sheet: a Renstra matrix's `Kode | … | Indikator | Satuan | Kinerja`
    // header would otherwise become the workbook's own code list.
    if (!spec.required && !asked && headerKey(scan.ws.name) !== want) continue;
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
    const v = cellValue(row.findCell(c));
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
  // Formula text only where the spec asks for it (Realisasi: a formula copying the target is U07).
  const formulas: (string | null)[][] | undefined = spec.formulas ? [] : undefined;
  let anyFormula = false;
  for (let r = top + 1; r <= bottom; r++) {
    const { values, numFmts, hasFormat } = readRow(ws, r, left, width);
    rows.push(values);
    formats.push(numFmts);
    anyFormat ||= hasFormat;
    if (formulas) {
      const f = formulaRow(ws, r, left, width);
      formulas.push(f);
      anyFormula ||= f.some((x) => x !== null);
    }
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
  if (formulas && anyFormula) snap.formulas = formulas;
  const merges = mergesInside(scan.merges, top, bottom, left, right);
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
      values[i] = cellValue(cell);
      // Number formats matter for numbers only: percent (0.98 shown as 98 %) and decimals
      // that keep a code's trailing zero (`1.10`).
      const fmt = numFmtOf(ws.workbook, cell.numFmt);
      if (typeof values[i] === 'number' && fmt && fmt !== 'General') { numFmts[i] = fmt; hasFormat = true; }
    }
  }
  return { values, numFmts, hasFormat };
}

/** The formula text of a row's cells (shared formulas translated by ExcelJS); null = a value. */
function formulaRow(ws: ExcelJS.Worksheet, r: number, left: number, width: number): (string | null)[] {
  const out: (string | null)[] = new Array(width).fill(null);
  const row = ws.findRow(r);
  if (!row) return out;
  for (let i = 0; i < width; i++) {
    const f = row.findCell(left + i)?.formula;
    if (typeof f === 'string' && f !== '') out[i] = f;
  }
  return out;
}

/** Merged ranges overlapping the table (tables cannot hold merges: the reader reports F01). */
function mergesInside(areas: SheetScan['merges'], top: number, bottom: number, left: number, right: number): string[] {
  const out: string[] = [];
  for (const d of areas) {
    if (d.bottom < top || d.top > bottom || d.right < left || d.left > right) continue;
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
    for (let c = 1; c <= last; c++) values.push(cellValue(row.findCell(c)));
    while (values.length && values[values.length - 1] === null) values.pop();
    if (values.some((v) => v !== null && v !== '')) return { name: ws.name, tables: scan.tables.map((t) => t.name), firstRow: values, firstRowNumber: r };
  }
  return { name: ws.name, tables: scan.tables.map((t) => t.name), firstRow: [], firstRowNumber: 0 };
}

/** `ExcelJS.ValueType.Merge`; the enum is not importable as a value under `import type`. */
const MERGE = 1;

type MergeMap = Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;

/**
 * One ExcelJS worksheet as adoption sees it: its cells handed to `buildRawSheet` (raw-sheet.ts),
 * which `pokin import`'s package reader uses too. `areas`: the merged areas the guard read
 * (ExcelJS left without them); else ExcelJS's own.
 */
export function rawSheet(ws: ExcelJS.Worksheet, areas?: readonly Area[]): RawSheet {
  const cells: SheetCell[] = [];
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.add(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A cell covered by a merge reports its master's value in ExcelJS; the sheet holds none.
      if (cell.type === MERGE) return;
      const out: SheetCell = { row: r, col: c, value: cellValue(cell) };
      const numFmt = numFmtOf(ws.workbook, cell.numFmt);
      if (numFmt) out.numFmt = numFmt;
      const f = cell.value as { formula?: string; sharedFormula?: string } | null;
      if (f && typeof f === 'object' && ('formula' in f || 'sharedFormula' in f)) {
        // A shared formula's follower: ExcelJS translates the master's text (`cell.formula`).
        out.formula = cell.formula ?? f.formula ?? `(${f.sharedFormula})`;
        if (cell.result === undefined) out.uncached = true;
      }
      cells.push(out);
    });
  });
  const merges = areas ?? mergesLeftOut(ws.workbook, ws.name) ?? excelJSMerges(ws);
  return buildRawSheet({ name: ws.name, cells, merges, hiddenRows, hiddenColumn: (c) => !!ws.getColumn(c).hidden });
}
