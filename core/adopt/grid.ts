/**
 * A raw sheet with its merged areas resolved: every cell knows whether it is the anchor
 * (top-left) of a merge or covered by one. Coordinates are sheet coordinates: `row` 1-based,
 * `col` 0-based, as in `core/a1.ts`.
 */
import { a1, columnIndex, parseA1 } from '../a1.js';
import { isBlank, type CellValue } from '../snapshot.js';
import type { RawSheet } from './types.js';

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
  range: string;
}

export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  readonly merges: Merge[];
  readonly hidden: Set<number>;
  private readonly values: CellValue[][];
  private readonly formats: (string | null)[][] | undefined;
  /** `row * 16384 + col` of a covered (non-anchor) cell → its merge. */
  private readonly covered = new Map<number, Merge>();
  private readonly anchors = new Map<number, Merge>();

  constructor(sheet: RawSheet) {
    this.name = sheet.name;
    const o = parseA1(sheet.origin ?? 'A1');
    this.firstRow = o.row;
    this.firstCol = o.col;
    this.values = sheet.values;
    this.formats = sheet.numberFormats;
    let width = 0;
    for (const r of sheet.values) if (r && r.length > width) width = r.length;
    this.lastRow = o.row + sheet.values.length - 1;
    this.lastCol = o.col + width - 1;
    this.hidden = new Set(sheet.hiddenColumns ?? []);
    this.merges = [];
    for (const range of sheet.merges) {
      const m = parseRange(range);
      if (!m) continue;
      this.merges.push(m);
      this.anchors.set(key(m.top, m.left), m);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.covered.set(key(r, c), m);
      }
    }
  }

  /** The value typed in the cell itself (a covered cell of a merge reads as blank). */
  raw(row: number, col: number): CellValue {
    const r = this.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined ? null : v;
  }

  /** The value shown: a covered cell shows its merge anchor's value. */
  shown(row: number, col: number): CellValue {
    const m = this.covered.get(key(row, col));
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** The merge covering the cell (anchor excluded). */
  coveredBy(row: number, col: number): Merge | undefined {
    return this.covered.get(key(row, col));
  }

  anchorOf(row: number, col: number): Merge | undefined {
    return this.anchors.get(key(row, col));
  }

  /** A value typed in this cell: not blank and not merely covered by a merge above or left. */
  fresh(row: number, col: number): boolean {
    return !this.covered.has(key(row, col)) && !isBlank(this.raw(row, col));
  }

  numFmt(row: number, col: number): string | null {
    const r = this.formats?.[row - this.firstRow];
    return r ? (r[col - this.firstCol] ?? null) : null;
  }

  rowBlank(row: number): boolean {
    const r = this.values[row - this.firstRow];
    if (!r) return true;
    for (const v of r) if (!isBlank(v)) return false;
    return true;
  }

  cell(row: number, col: number): string {
    return a1(col, row);
  }
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}

export function parseRange(range: string): Merge | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!m) return undefined;
  const l = columnIndex(m[1]);
  const t = Number(m[2]);
  const r = m[3] ? columnIndex(m[3]) : l;
  const b = m[4] ? Number(m[4]) : t;
  return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r), range: range.trim() };
}
