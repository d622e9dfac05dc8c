/**
 * Where the canonical tables sit on the sheets: Excel table objects by their range, and,
 * when a sheet has none (LibreOffice saves, copied sheets), the header row that matches a
 * table spec's columns.
 */
import type ExcelJS from 'exceljs';
import { parseA1 } from '../core/a1.js';
import { headerKey, matchesColumn, type TableSpec } from '../core/layout/tables.js';
import { cellValue } from './cells.js';

/** An Excel table (ListObject) on a sheet; rows 1-based, columns 1-based (ExcelJS style). */
export interface TableObject {
  name: string;
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface SheetScan {
  ws: ExcelJS.Worksheet;
  /** Last row holding a value; styled but empty rows below it do not count. */
  lastRow: number;
  tables: TableObject[];
  /** Merged areas, 1-based: the package guard's (a load that left them out of ExcelJS) or ExcelJS's own. */
  merges: readonly { top: number; left: number; bottom: number; right: number }[];
}

/** A rectangular area read as one table: header row `top`, data down to `bottom`. */
export interface Block {
  scan: SheetScan;
  top: number;
  left: number;
  right: number;
  bottom: number;
  tableName?: string;
}

/** How far down a sheet a header row is looked for (titles and notes may sit above it). */
const HEADER_SEARCH_ROWS = 30;

/**
 * The last row with a value. `ws.rowCount` also counts rows that only carry formatting
 * (a whole block formatted down to row 100,000); reading stops here instead.
 */
export function lastValueRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > last && row.hasValues) last = n;
  });
  return last;
}

/** The table objects ExcelJS read: their model carries `name` and `tableRef` (`A1:N20`). */
export function tableObjects(ws: ExcelJS.Worksheet): TableObject[] {
  const out: TableObject[] = [];
  // ExcelJS 4.4 types `getTables()` as tuples; at run time it returns Table objects whose
  // `table` is the parsed model (`ref` is only set on tables created in memory).
  for (const t of ws.getTables() as unknown as { table?: { name?: string; tableRef?: string; ref?: string } }[]) {
    const model = t?.table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model?.name || !ref) continue;
    try {
      const [a, b = a] = ref.split(':');
      const tl = parseA1(a);
      const br = parseA1(b);
      out.push({ name: model.name, top: tl.row, left: tl.col + 1, right: br.col + 1, bottom: br.row });
    } catch {
      // A malformed ref: the table is found by its header row instead.
    }
  }
  return out;
}

/** Year columns belong to these tables (`Pagu 2026`, `Target 2026`). */
const YEAR_PREFIX: Partial<Record<string, RegExp>> = { pohon: /^pagu\d{4}$/, indikator: /^target\d{4}$/ };

/**
 * The row on this sheet whose cells best match the spec's headers. It must hold the
 * table's first column (ID, ID Node, Kunci …) and at least three listed columns (all, for
 * two-column tables), so a stray `Level` or `Kode` elsewhere is not taken for a table.
 */
export function findHeaderRow(scan: SheetScan, spec: TableSpec): Block | undefined {
  const need = Math.min(3, spec.columns.length);
  const firstKey = spec.columns[0]?.key;
  const yearRe = YEAR_PREFIX[spec.key];
  let best: { top: number; left: number; right: number; score: number } | undefined;
  const limit = Math.min(scan.lastRow, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= limit; r++) {
    const row = scan.ws.findRow(r);
    if (!row || !row.hasValues) continue;
    const matched = new Set<string>();
    let left = Infinity, right = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellValue(cell);
      if (typeof v !== 'string' || v.trim() === '') return;
      const spec1 = spec.columns.find((c) => !matched.has(c.key) && matchesColumn(c, v));
      const key = spec1?.key ?? (yearRe && yearRe.test(headerKey(v)) ? headerKey(v) : undefined);
      if (!key || matched.has(key)) return;
      matched.add(key);
      left = Math.min(left, col);
      right = Math.max(right, col);
    });
    if (matched.size < need || (firstKey && !matched.has(firstKey))) continue;
    if (!best || matched.size > best.score) best = { top: r, left, right, score: matched.size };
  }
  if (!best) return undefined;
  return { scan, top: best.top, left: best.left, right: best.right, bottom: scan.lastRow };
}
