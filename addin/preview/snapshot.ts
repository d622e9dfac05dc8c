/**
 * ExcelJS workbook → `WorkbookSnapshot`, browser-safe (no Buffer, no fs): the same table
 * finding as the CLI (`cli/xlsx/locate.ts`: table objects first, header rows otherwise).
 */
import type ExcelJS from 'exceljs';
import { a1 } from '../../core/a1.js';
import { canonicalTables, headerKey, type TableSpec } from '../../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { plainValue } from '../../cli/xlsx/cells.js';
import { findHeaderRow, lastValueRow, tableObjects, type Block, type SheetScan } from '../../cli/xlsx/locate.js';

export interface LocatedTable {
  spec: TableSpec;
  snapshot: TableSnapshot;
  ws: ExcelJS.Worksheet;
  /** 1-based sheet row of the header and columns of the block. */
  top: number;
  left: number;
  right: number;
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

function locate(scans: SheetScan[], spec: TableSpec, used: Set<string>): Block | undefined {
  const want = headerKey(spec.table);
  for (const scan of scans) {
    const t = scan.tables.find((x) => headerKey(x.name) === want);
    if (t) {
      let bottom = t.bottom;
      // Rows typed right below a table belong to it (Excel grows tables; other tools may not).
      while (bottom < scan.lastRow && rowHasValue(scan.ws, bottom + 1, t.left, t.right)) bottom++;
      return { scan, top: t.top, left: t.left, right: t.right, bottom, tableName: t.name };
    }
  }
  const bySheet = headerKey(spec.sheet);
  const ordered = [...scans].sort((a, b) => Number(headerKey(b.ws.name) === bySheet) - Number(headerKey(a.ws.name) === bySheet));
  for (const scan of ordered) {
    const found = findHeaderRow(scan, spec);
    if (found && !used.has(`${scan.ws.name}!${found.top}`)) return found;
  }
  return undefined;
}

export function locateTables(wb: ExcelJS.Workbook): LocatedTable[] {
  const scans: SheetScan[] = wb.worksheets.map((ws) => ({ ws, lastRow: lastValueRow(ws), tables: tableObjects(ws) }));
  const out: LocatedTable[] = [];
  const used = new Set<string>();
  for (const spec of canonicalTables([])) {
    const block = locate(scans, spec, used);
    if (!block) continue;
    used.add(`${block.scan.ws.name}!${block.top}`);
    out.push({ spec, snapshot: snapshotOf(block, spec), ws: block.scan.ws, top: block.top, left: block.left, right: block.right });
  }
  return out;
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { tables: locateTables(wb).map((t) => t.snapshot) };
}

function snapshotOf(block: Block, spec: TableSpec): TableSnapshot {
  const { scan, top, left, right } = block;
  const ws = scan.ws;
  const width = right - left + 1;
  const read = (r: number) => {
    const values: CellValue[] = new Array(width).fill(null);
    const fmts: (string | null)[] = new Array(width).fill(null);
    let any = false;
    const row = ws.findRow(r);
    if (row) {
      for (let i = 0; i < width; i++) {
        const cell = row.findCell(left + i);
        if (!cell) continue;
        values[i] = plainValue(cell.value);
        const f = cell.numFmt;
        if (typeof values[i] === 'number' && f && f !== 'General') { fmts[i] = f; any = true; }
      }
    }
    return { values, fmts, any };
  };
  let bottom = Math.min(block.bottom, scan.lastRow);
  while (bottom > top && !rowHasValue(ws, bottom, left, right)) bottom--;
  const rows: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = top + 1; r <= bottom; r++) {
    const x = read(r);
    rows.push(x.values);
    formats.push(x.fmts);
    anyFormat ||= x.any;
  }
  const snap: TableSnapshot = { sheet: ws.name, name: spec.table, address: a1(left - 1, top), header: read(top).values, rows };
  if (anyFormat) snap.numberFormats = formats;
  return snap;
}
