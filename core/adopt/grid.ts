/**
 * A raw sheet with its merged areas resolved: every cell knows whether it is the anchor
 * (top-left) of a merge or covered by one. Coordinates are sheet coordinates: `row` 1-based,
 * `col` 0-based, as in `core/a1.ts`.
 */
import { a1, parseA1 } from '../a1.js';
import type { CellValue } from '../snapshot.js';
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
  /** `row * 16384 + col` of a formula cell WITH a cached result → its formula (when the adapter gives it). */
  readonly formulas = new Map<number, string>();
  private readonly values: CellValue[][];
  /** A value moved into a logical column from a sibling grid column (`relocate`): its real column. */
  private readonly origin = new Map<number, number>();
  private readonly formats: (string | null)[][] | undefined;
  /** Per cell of the used range: 1 + index in `merges` of the merge covering it (anchor excluded); 0 = none. */
  private readonly coveredIdx: CellIndex;
  private readonly anchorIdx: CellIndex;
  private readonly width: number;

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
    for (const f of sheet.formulas ?? []) {
      const p = parseRange(f.cell);
      if (p) this.formulas.set(key(p.top, p.left), f.formula);
    }
    this.merges = [];
    this.width = Math.max(0, width);
    const cells = Math.max(0, this.lastRow - this.firstRow + 1) * this.width;
    // Dense arrays for any real matrix; a sparse map past that (the file guard refuses far less).
    this.coveredIdx = cells <= DENSE_LIMIT ? new Int32Array(cells) : new SparseIndex();
    this.anchorIdx = cells <= DENSE_LIMIT ? new Int32Array(cells) : new SparseIndex();
    for (const range of sheet.merges) {
      const m = parseRange(range);
      if (!m) continue;
      this.merges.push(m);
      const n = this.merges.length;
      const at = this.index(m.top, m.left);
      if (at >= 0) set(this.anchorIdx, at, n);
      // Only cells inside the used range matter: a merge reaching past it (or a hostile
      // `A1:XFD1048576`) costs no more than the range itself.
      const r1 = Math.min(m.bottom, this.lastRow);
      const c1 = Math.min(m.right, this.lastCol);
      for (let r = Math.max(m.top, this.firstRow); r <= r1; r++) {
        for (let c = Math.max(m.left, this.firstCol); c <= c1; c++) {
          if (r !== m.top || c !== m.left) set(this.coveredIdx, (r - this.firstRow) * this.width + (c - this.firstCol), n);
        }
      }
    }
  }

  private index(row: number, col: number): number {
    if (row < this.firstRow || row > this.lastRow || col < this.firstCol || col > this.lastCol) return -1;
    return (row - this.firstRow) * this.width + (col - this.firstCol);
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
    const m = this.coveredBy(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** The merge covering the cell (anchor excluded). */
  coveredBy(row: number, col: number): Merge | undefined {
    const i = this.index(row, col);
    const n = i < 0 ? 0 : get(this.coveredIdx, i);
    return n ? this.merges[n - 1] : undefined;
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
    const i = this.index(row, col);
    const n = i < 0 ? 0 : get(this.anchorIdx, i);
    return n ? this.merges[n - 1] : undefined;
  }

  /** A value typed in this cell: not blank and not merely covered by a merge above or left. */
  fresh(row: number, col: number): boolean {
    const v = this.raw(row, col);
    if (v === null || (typeof v === 'string' && blankText(v))) return false;
    const i = this.index(row, col);
    return i < 0 || get(this.coveredIdx, i) === 0;
  }

  numFmt(row: number, col: number): string | null {
    const r = this.formats?.[row - this.firstRow];
    return r ? (r[col - this.firstCol] ?? null) : null;
  }

  rowBlank(row: number): boolean {
    const r = this.values[row - this.firstRow];
    if (!r) return true;
    for (const v of r) if (v !== null && v !== undefined && !(typeof v === 'string' && blankText(v))) return false;
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

  /** The formula of a cell whose cached value is in `values`, when the adapter delivered it. */
  formulaAt(row: number, col: number): string | undefined {
    return this.formulas.size ? this.formulas.get(key(row, col)) : undefined;
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
    const fx = this.formulas.get(key(row, from));
    if (fx !== undefined) { this.formulas.delete(key(row, from)); this.formulas.set(key(row, to), fx); }
  }
}

/** Cells of the used range → 1 + merge index. */
type CellIndex = Int32Array | SparseIndex;
const DENSE_LIMIT = 8_000_000;

class SparseIndex extends Map<number, number> {}

function get(ix: CellIndex, i: number): number {
  return ix instanceof Int32Array ? ix[i] : (ix.get(i) ?? 0);
}

function set(ix: CellIndex, i: number, n: number): void {
  if (ix instanceof Int32Array) ix[i] = n;
  else ix.set(i, n);
}

/** Whitespace only; looks at the edges first so that text with content allocates nothing. */
function blankText(v: string): boolean {
  const n = v.length;
  if (n === 0) return true;
  if (v.charCodeAt(0) > 32 && v.charCodeAt(0) !== 160) return false;
  if (v.charCodeAt(n - 1) > 32 && v.charCodeAt(n - 1) !== 160) return false;
  return v.trim() === '';
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}

/** Reads one `$A$1`-style reference at `i`; returns the index after it, or -1. Writes into `out`. */
function readRef(s: string, i: number, out: { col: number; row: number }): number {
  if (s.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < s.length; i++) {
    let ch = s.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    letters++;
  }
  if (letters === 0 || letters > 3) return -1;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
    digits++;
  }
  if (!digits) return -1;
  out.col = col - 1;
  out.row = row;
  return i;
}

/** `B5:C9` (or one cell `B5`, `$` allowed) → its bounds; a hand-written parser: sheets carry 100,000s of merges. */
export function parseRange(range: string): Merge | undefined {
  const s = range.trim();
  const a = { col: 0, row: 0 };
  let i = readRef(s, 0, a);
  if (i < 0) return undefined;
  const b = { col: a.col, row: a.row };
  if (i < s.length) {
    if (s.charCodeAt(i) !== 58) return undefined;
    i = readRef(s, i + 1, b);
    if (i !== s.length) return undefined;
  }
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col), range: s };
}
