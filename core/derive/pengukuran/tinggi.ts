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
  const flush = () => {
    if (word === 0) return;
    if (line === 0) line = word;
    else if (line + 1 + word <= per) line += 1 + word;
    else { count++; line = word; }
    while (line > per) { count++; line -= per; }
    word = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32) flush();
    else if (ch === 10) { flush(); count++; line = 0; }
    else word++;
  }
  flush();
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
  const need = new Map<number, number>();
  const multi: { row: number; rows: number; h: number }[] = [];
  // Only wrapping styles can need more than one line.
  const wrap = new Map(Object.entries(spec.styles).filter(([, st]) => st.wrap));
  let lastStyle: string | undefined;
  let lastSt: CellStyle | undefined;
  const cells = spec.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c.value !== 'string' || c.style === undefined || c.value === '') continue;
    if (c.style !== lastStyle) { lastStyle = c.style; lastSt = wrap.get(c.style); }
    const st = lastSt;
    if (!st) continue;
    const s = span.get(c.row * 4096 + c.col);
    let width = 0;
    for (let k = 0; k < (s?.cols ?? 1); k++) width += spec.columnWidths[c.col - 1 + k] ?? 9;
    // Short text fits on one line whatever the breaks.
    if (c.value.length * (st.bold ? 1.3 : 0.95) <= width && !c.value.includes('\n') && !st.size) continue;
    const n = lines(c.value, width, !!st.bold);
    const h = n * LINE * ((st.size ?? 11) / 11) + PAD;
    if (!s || s.rows === 1) need.set(c.row, Math.max(need.get(c.row) ?? MIN, h));
    else multi.push({ row: c.row, rows: s.rows, h });
  }
  const height = (r: number) => spec.rowHeights[r] ?? need.get(r) ?? MIN;
  for (const [r, h] of need) if (spec.rowHeights[r] === undefined && h > MIN + 0.5) spec.rowHeights[r] = Math.round(h);
  // A merged block: share what its rows lack among them.
  for (const m of multi) {
    let have = 0;
    for (let r = m.row; r < m.row + m.rows; r++) have += height(r);
    if (have >= m.h) continue;
    const extra = (m.h - have) / m.rows;
    for (let r = m.row; r < m.row + m.rows; r++) if (spec.rowHeights[r] === undefined || need.has(r)) spec.rowHeights[r] = Math.round(height(r) + extra);
  }
  return spec;
}
