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
  readonly hiddenRows: Set<number>;
  /** `row * 16384 + col` of a formula cell without a cached result → its formula. */
  readonly uncached = new Map<number, string>();
  private readonly values: CellValue[][];
  /** A value moved into a logical column from a sibling grid column (`relocate`): its real column. */
  private readonly origin = new Map<number, number>();
  private readonly formats: (string | null)[][] | undefined;
  /** `row * 16384 + col` of a covered (non-anchor) cell → its merge. */
  private readonly covered = new Map<number, Merge>();
  private readonly anchors = new Map<number, Merge>();

  constructor(sheet: RawSheet) {
    this.name = sheet.name;
    const o = parseA1(sheet.origin ?? 'A1');
    this.firstRow = o.row;
    this.firstCol = o.col;
    // Shallow copies: `relocate` replaces a row, never the caller's arrays.
    this.values = sheet.values.slice();
    this.formats = sheet.numberFormats?.slice();
    let width = 0;
    for (const r of sheet.values) if (r && r.length > width) width = r.length;
    this.lastRow = o.row + sheet.values.length - 1;
    this.lastCol = o.col + width - 1;
    this.hidden = new Set(sheet.hiddenColumns ?? []);
    this.hiddenRows = new Set(sheet.hiddenRows ?? []);
    for (const f of sheet.uncachedFormulas ?? []) {
      const p = parseRange(f.cell);
      if (p) this.uncached.set(key(p.top, p.left), f.formula);
    }
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

  /** Merges whose top row is `row`. */
  mergesFrom(row: number): Merge[] {
    if (!this.byTop) {
      this.byTop = new Map();
      for (const m of this.merges) {
        const list = this.byTop.get(m.top);
        if (list) list.push(m); else this.byTop.set(m.top, [m]);
      }
    }
    return this.byTop.get(row) ?? [];
  }
  private byTop: Map<number, Merge[]> | undefined;

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

  /** The sheet address of a cell (the real one when `relocate` moved its value). */
  cell(row: number, col: number): string {
    return a1(this.origin.get(key(row, col)) ?? col, row);
  }

  /** The formula of a cell that has no cached result, if it is one. */
  uncachedFormula(row: number, col: number): string | undefined {
    return this.uncached.get(key(row, col));
  }

  /**
   * Reads the value typed in `from` as if typed in `to` (blank there): PDF-to-Excel copies
   * spread one printed column over two grid columns and drop values in either. The issue
   * addresses stay the real cell.
   */
  relocate(row: number, from: number, to: number): void {
    const i = row - this.firstRow;
    if (!this.values[i]) return;
    const r = (this.values[i] = this.values[i].slice());
    r[to - this.firstCol] = r[from - this.firstCol];
    r[from - this.firstCol] = null;
    const f = this.formats?.[i] ? (this.formats[i] = this.formats[i].slice()) : undefined;
    if (f) { f[to - this.firstCol] = f[from - this.firstCol] ?? null; f[from - this.firstCol] = null; }
    this.origin.set(key(row, to), from);
    const u = this.uncached.get(key(row, from));
    if (u !== undefined) { this.uncached.delete(key(row, from)); this.uncached.set(key(row, to), u); }
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
