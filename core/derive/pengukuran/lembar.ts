/**
 * The sheet builder of the pengukuran sheets: `SheetBuilder` with cells of one shape (style
 * always present), so building the LKjIP tables of 5,000 indicators (≈150,000 cells) stays
 * on V8's fast path. Same data, same semantics.
 */
import { a1 } from '../../a1.js';
import { SheetBuilder, type CellSpec, type SpecValue } from '../spec.js';

export class Lembar extends SheetBuilder {
  /** Merged areas by their top-left cell (row × 4096 + column), for `sesuaikanTinggi`. */
  readonly spans = new Map<number, { rows: number; cols: number }>();

  override set(row: number, col: number, value: SpecValue, style?: string, link?: string): void {
    const c: CellSpec = link ? { row, col, value, style, link } : { row, col, value, style };
    this.spec.cells.push(c);
  }

  override merge(top: number, left: number, bottom: number, right: number, value: SpecValue, style?: string): void {
    const cells = this.spec.cells;
    cells.push({ row: top, col: left, value, style });
    if (bottom === top && right === left) return;
    // Borders of a merged range come from every cell in it.
    if (style) for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) cells.push({ row: r, col: c, value: null, style });
    this.spec.merges.push(`${a1(left - 1, top)}:${a1(right - 1, bottom)}`);
    this.spans.set(top * 4096 + left, { rows: bottom - top + 1, cols: right - left + 1 });
  }
}
