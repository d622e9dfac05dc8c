/**
 * Row heights for the printed pengukuran and LKjIP sheets. Neither Excel nor LibreOffice grows
 * a row for wrapped text in merged cells, and LibreOffice keeps the default height of rows a
 * generator wrote, so text would print over the row below. The height is estimated from the
 * text length against the column width (Excel width units ≈ characters of the default font).
 */
import type { CellStyle, SheetSpec } from '../spec.js';

const LINE = 14.5;
const PAD = 3;
const MIN = 15;

/**
 * Lines a text needs in `width` character units (an average letter of Calibri/Carlito is
 * ~0.95 unit; bold headers render wider, ~1.3). Word wrap by scanning, without splitting
 * strings: this runs on every wrapped cell of a 5,000-row sheet.
 */
function lines(text: string, width: number, bold: boolean): number {
  const per = Math.max(1, Math.floor(width / (bold ? 1.3 : 0.95)));
  let count = 1;
  let line = 0;
  let word = 0;
  // One pass; a word ends at a space, a line break or the end (no closure: this runs per cell).
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 10;
    if (ch !== 32 && ch !== 10) { word++; continue; }
    if (word > 0) {
      if (line === 0) line = word;
      else if (line + 1 + word <= per) line += 1 + word;
      else { count++; line = word; }
      while (line > per) { count++; line -= per; }
      word = 0;
    }
    if (ch === 10 && i < text.length) { count++; line = 0; }
  }
  return count;
}

function spansOf(merges: readonly string[]): Map<number, { rows: number; cols: number }> {
  const span = new Map<number, { rows: number; cols: number }>();
  const col = (s: string) => { let x = 0; for (let i = 0; i < s.length; i++) x = x * 26 + s.charCodeAt(i) - 64; return x; };
  for (const m of merges) {
    const [a, b] = m.split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a), pb = /^([A-Z]+)(\d+)$/.exec(b ?? a);
    if (!pa || !pb) continue;
    span.set(Number(pa[2]) * 4096 + col(pa[1]), { rows: Number(pb[2]) - Number(pa[2]) + 1, cols: col(pb[1]) - col(pa[1]) + 1 });
  }
  return span;
}

/** Sets the height of every row whose wrapped text needs more than one line (explicit heights kept). */
export function sesuaikanTinggi(spec: SheetSpec, spans?: ReadonlyMap<number, { rows: number; cols: number }>): SheetSpec {
  // Merged areas by their top-left cell (row × 4096 + column: no strings per cell).
  const span = spans ?? spansOf(spec.merges);
  const cells = spec.cells;
  let maxRow = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i].row > maxRow) maxRow = cells[i].row;
  // Height each row needs, by row (0 = nothing wrapped there): an array, not a Map, since
  // LKjIP sheets have 10,000s of rows and a Map's entries cost an allocation each to walk.
  const need = new Float64Array(maxRow + 1);
  const multi: { row: number; rows: number; h: number }[] = [];
  // Only wrapping styles can need more than one line.
  const wrap = new Map(Object.entries(spec.styles).filter(([, st]) => st.wrap));
  const widths = spec.columnWidths;
  let lastStyle: string | undefined;
  let lastSt: CellStyle | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const v = c.value;
    if (typeof v !== 'string' || c.style === undefined || v === '') continue;
    if (c.style !== lastStyle) { lastStyle = c.style; lastSt = wrap.get(c.style); }
    const st = lastSt;
    if (!st) continue;
    const s = span.get(c.row * 4096 + c.col);
    let width = 0;
    const cols = s === undefined ? 1 : s.cols;
    for (let k = 0; k < cols; k++) width += widths[c.col - 1 + k] ?? 9;
    // Short text fits on one line whatever the breaks.
    if (v.length * (st.bold ? 1.3 : 0.95) <= width && !st.size && v.indexOf('\n') < 0) continue;
    const n = lines(v, width, !!st.bold);
    const h = n * LINE * ((st.size ?? 11) / 11) + PAD;
    if (s === undefined || s.rows === 1) need[c.row] = Math.max(need[c.row] || MIN, h);
    else multi.push({ row: c.row, rows: s.rows, h });
  }
  const heights = spec.rowHeights;
  const height = (r: number) => heights[r] ?? (need[r] || MIN);
  for (let r = 1; r <= maxRow; r++) {
    const h = need[r];
    if (h > MIN + 0.5 && heights[r] === undefined) heights[r] = Math.round(h);
  }
  // A merged block: share what its rows lack among them.
  for (const m of multi) {
    let have = 0;
    for (let r = m.row; r < m.row + m.rows; r++) have += height(r);
    if (have >= m.h) continue;
    const extra = (m.h - have) / m.rows;
    for (let r = m.row; r < m.row + m.rows; r++) if (heights[r] === undefined || need[r] > 0) heights[r] = Math.round(height(r) + extra);
  }
  return spec;
}
