/**
 * Row heights from text: Excel never auto-fits a merged cell, and it keeps whatever height a
 * generated row was written with, so a long sasaran or indicator name loses its last lines
 * unless the height is computed here. Pure arithmetic on the sheet specification: text width
 * from Calibri's advance widths (`metrics.ts`), greedy word wrap at the width of the cell (the
 * sum of its merged columns), one line height per line at the cell's font size. Both renderers
 * (ExcelJS in xlsx/render.ts, Office.js in addin/office/writes.ts) write `rowHeights` as given.
 */
import { BOLD, METRIC_CHARS, REGULAR } from './metrics.js';
import type { CellSpec, SheetSpec } from './spec.js';

/** Excel's default font size (Calibri 11). */
export const DEFAULT_FONT_SIZE = 11;
/** Excel's default row height for Calibri 11, in points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;
/**
 * Line advance per point of font size: Excel's default row height for Calibri 11 is 15 pt,
 * a line of whole screen pixels (Calibri's ascent + descent + line gap is 1.22 em; LibreOffice
 * advances Carlito lines by less). 15/11 per point keeps both programs inside the row and a
 * one-line row at Excel's default height.
 */
const LINE_PER_PT = 15 / 11;
/** Room above the first and below the last line, in points. */
const ROW_PADDING = 0;
/**
 * Width a cell loses to its left and right margins and borders, in points (LibreOffice
 * insets text ~2 pt per side, Excel 2 px). The advance widths are not hinted: Excel and
 * LibreOffice lay text out at whole screen pixels, which measured ~5 % narrower in
 * LibreOffice, so the unhinted sum already leaves room for rounding.
 */
const CELL_MARGIN = 5;
const WIDTH_SLACK = 1;
/** Width of a character outside the table (CJK and other scripts are about 1 em). */
const UNKNOWN_WIDTH = 1000;

const INDEX = new Map<string, number>([...METRIC_CHARS].map((ch, i) => [ch, i]));

/** Width of `text` in points at `size` pt. */
export function textWidth(text: string, size = DEFAULT_FONT_SIZE, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    units += i === undefined ? UNKNOWN_WIDTH : table[i];
  }
  return (units / 1000) * size * WIDTH_SLACK;
}

/**
 * Printable width of a column of `chars` Excel width units, in points. Per ECMA-376
 * §18.3.1.13 a width of w characters is trunc(w × 7 + 0.5) pixels for Calibri 11 (maximum
 * digit width 7 px); a pixel is 0.75 pt.
 */
export function columnPoints(chars: number): number {
  return Math.trunc(chars * 7 + 0.5) * 0.75;
}

/** Lines `text` takes when wrapped into `width` points (explicit line breaks kept). */
export function wrappedLines(text: string, width: number, size = DEFAULT_FONT_SIZE, bold = false): number {
  const space = textWidth(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      let w = textWidth(word, size, bold);
      if (used > 0 && used + space + w <= width) { used += space + w; continue; }
      if (used > 0) lines++;
      // A word wider than the cell is broken between characters, as Excel and Calc do.
      while (w > width && width > 0) {
        let part = 0;
        let rest = 0;
        for (const ch of word) {
          const cw = textWidth(ch, size, bold);
          if (part + cw <= width || part === 0) part += cw;
          else rest += cw;
        }
        if (rest === 0) break;
        lines++;
        w = rest;
      }
      used = w;
    }
  }
  return lines;
}

/** Height in points for `lines` lines at `size` pt. */
export function linesHeight(lines: number, size = DEFAULT_FONT_SIZE): number {
  return Math.ceil((lines * size * LINE_PER_PT + ROW_PADDING) * 4) / 4;
}

interface Area { top: number; left: number; bottom: number; right: number }

function parseRange(range: string): Area | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { left: col(m[1]), top: Number(m[2]), right: col(m[3]), bottom: Number(m[4]) };
}

/** Text as Excel shows it: numbers stay on one line whatever their format. */
function shownText(c: CellSpec): string | null {
  if (c.value === null || c.value === '') return null;
  return typeof c.value === 'number' ? null : String(c.value);
}

/** Excel width units a column needs to show `points` of text plus the cell margins. */
function charsFor(points: number): number {
  return Math.ceil(((points + CELL_MARGIN) / 0.75 / 7) * 4) / 4;
}

/**
 * Widens the columns whose wrapped cells hold a word longer than the column is wide (up to
 * `max` units): Excel and Calc would break such a word between letters ("Penyelenggaraa|n").
 * Cells merged across columns are left to their merged width. Returns the same specification.
 */
export function fitColumnWidths(spec: SheetSpec, max = 30): SheetSpec {
  const across = new Set<string>();
  for (const m of spec.merges) {
    const a = parseRange(m);
    if (a && a.right > a.left) across.add(`${a.top}:${a.left}`);
  }
  for (const c of spec.cells) {
    if (typeof c.value !== 'string' || c.value === '' || across.has(`${c.row}:${c.col}`)) continue;
    const style = c.style ? spec.styles[c.style] : undefined;
    if (style?.wrap !== true) continue;
    let longest = 0;
    for (const w of c.value.split(/\s+/)) longest = Math.max(longest, textWidth(w, style.size ?? DEFAULT_FONT_SIZE, style.bold === true));
    const need = Math.min(max, charsFor(longest));
    const i = c.col - 1;
    if (need > (spec.columnWidths[i] ?? 8.43)) spec.columnWidths[i] = need;
  }
  return spec;
}

/**
 * Sets `rowHeights` so that every wrapped or merged cell shows all its lines: single-row
 * cells first (a row is as tall as its tallest cell), then merged areas from the smallest
 * up, each spreading what it still lacks evenly over its rows. Heights already set are kept
 * when they are taller. Returns the same specification.
 */
export function fitRowHeights(spec: SheetSpec): SheetSpec {
  const widths = spec.columnWidths.map(columnPoints);
  const colWidth = (left: number, right: number) => {
    let w = 0;
    for (let c = left; c <= right; c++) w += widths[c - 1] ?? columnPoints(8.43);
    return w;
  };
  const areaAt = new Map<string, Area>();
  for (const m of spec.merges) {
    const a = parseRange(m);
    if (a) areaAt.set(`${a.top}:${a.left}`, a);
  }
  const need = new Map<number, number>();
  const merged: { area: Area; height: number }[] = [];
  for (const c of spec.cells) {
    const text = shownText(c);
    if (text === null) continue;
    const style = c.style ? spec.styles[c.style] : undefined;
    const size = style?.size ?? DEFAULT_FONT_SIZE;
    const mergedArea = areaAt.get(`${c.row}:${c.col}`);
    const area = mergedArea ?? { top: c.row, left: c.col, bottom: c.row, right: c.col };
    const wraps = style?.wrap === true;
    // An unwrapped single cell is one line: only a larger font can make its row too short.
    if (!wraps && !mergedArea && size <= DEFAULT_FONT_SIZE) continue;
    const lines = wraps ? wrappedLines(text, colWidth(area.left, area.right) - CELL_MARGIN, size, style?.bold === true) : 1;
    const height = linesHeight(lines, size);
    if (area.bottom > area.top) merged.push({ area, height });
    else if (height > (need.get(c.row) ?? 0)) need.set(c.row, height);
  }
  const heights = spec.rowHeights;
  const current = (r: number) => heights[r] ?? DEFAULT_ROW_HEIGHT;
  for (const [r, h] of need) {
    // A one-line row at the default size keeps Excel's default height (nothing written).
    if (h > current(r) || (heights[r] === undefined && h > DEFAULT_ROW_HEIGHT)) heights[r] = Math.min(MAX_ROW_HEIGHT, Math.max(h, heights[r] ?? 0));
  }
  merged.sort((a, b) => (a.area.bottom - a.area.top) - (b.area.bottom - b.area.top));
  for (const { area, height } of merged) {
    let have = 0;
    for (let r = area.top; r <= area.bottom; r++) have += current(r);
    if (have >= height) continue;
    const rows = area.bottom - area.top + 1;
    const add = Math.ceil(((height - have) / rows) * 4) / 4;
    for (let r = area.top; r <= area.bottom; r++) heights[r] = Math.min(MAX_ROW_HEIGHT, current(r) + add);
  }
  return spec;
}
