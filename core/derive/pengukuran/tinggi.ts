/**
 * Row heights for the printed pengukuran and LKjIP sheets. Neither Excel nor LibreOffice grows
 * a row for wrapped text in merged cells, and LibreOffice keeps the default height of rows a
 * generator wrote, so text would print over the row below. The height is estimated from the
 * text length against the column width (Excel width units ≈ characters of the default font).
 */
import type { SheetSpec } from '../spec.js';

const LINE = 14.5;
const PAD = 3;
const MIN = 15;

/** Lines a text needs in `width` character units (an average letter of Calibri/Carlito is ~0.95 unit; bold headers render wider, ~1.3). */
function lines(text: string, width: number, bold: boolean): number {
  const per = Math.max(1, Math.floor(width / (bold ? 1.3 : 0.95)));
  let n = 0;
  for (const part of text.split('\n')) {
    // Wrapping breaks at spaces: a word longer than the rest of a line starts a new one.
    let line = 0;
    let count = 1;
    for (const word of part.split(' ')) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= per) line += 1 + w;
      else { count++; line = w; }
      while (line > per) { count++; line -= per; }
    }
    n += count;
  }
  return n;
}

/** Sets the height of every row whose wrapped text needs more than one line (explicit heights kept). */
export function sesuaikanTinggi(spec: SheetSpec, mulai = 1): SheetSpec {
  const span = new Map<string, { rows: number; cols: number }>();
  for (const m of spec.merges) {
    const [a, b] = m.split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a), pb = /^([A-Z]+)(\d+)$/.exec(b);
    if (!pa || !pb) continue;
    const col = (s: string) => [...s].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
    span.set(`${pa[2]}:${col(pa[1])}`, { rows: Number(pb[2]) - Number(pa[2]) + 1, cols: col(pb[1]) - col(pa[1]) + 1 });
  }
  const need = new Map<number, number>();
  const multi: { row: number; rows: number; h: number }[] = [];
  for (const c of spec.cells) {
    if (c.row < mulai || typeof c.value !== 'string' || c.value === '') continue;
    const st = c.style ? spec.styles[c.style] : undefined;
    const s = span.get(`${c.row}:${c.col}`) ?? { rows: 1, cols: 1 };
    let width = 0;
    for (let k = 0; k < s.cols; k++) width += spec.columnWidths[c.col - 1 + k] ?? 9;
    const n = st?.wrap ? lines(c.value, width, !!st.bold) : 1;
    const h = n * LINE * ((st?.size ?? 11) / 11) + PAD;
    if (s.rows === 1) need.set(c.row, Math.max(need.get(c.row) ?? MIN, h));
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
