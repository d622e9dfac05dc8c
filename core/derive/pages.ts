/**
 * Where printed pages break, estimated from the row heights `fitRowHeights` sets: enough to
 * keep a block (a PK's total and signatures) on one page. The paper and margins are those
 * the renderers write (xlsx/render.ts: 0,6" top and bottom, 0,5" / 0,3" sides), the scale the
 * one "fit all columns on one page" gives.
 */
import { columnPoints, DEFAULT_ROW_HEIGHT } from './fit.js';
import type { Paper, SheetSpec } from './spec.js';

/** Paper size in points, portrait (LibreOffice prints F4 = Folio as 612 × 936). */
const PAPER_PT: Record<Paper, [number, number]> = { A4: [595, 842], A3: [842, 1191], F4: [612, 936] };
const TOP_BOTTOM = 2 * 0.6 * 72;
/** A header line (DRAF) takes room from the page when present. */
const HEADER_PT = 24;

/** Usable height of a page in sheet points (the rows shrink with the fit-to-width scale). */
export function pageHeight(spec: SheetSpec): number {
  const [w, h] = PAPER_PT[spec.print.paper];
  const [pageW, pageH] = spec.print.orientation === 'landscape' ? [h, w] : [w, h];
  const side = spec.print.orientation === 'landscape' ? 0.3 : 0.5;
  const sheetWidth = spec.columnWidths.reduce((a, c) => a + columnPoints(c), 0);
  const scale = spec.print.fitToWidth && sheetWidth > 0 ? Math.min(1, (pageW - 2 * side * 72) / sheetWidth) : 1;
  return (pageH - TOP_BOTTOM - (spec.print.header ? HEADER_PT : 0)) / scale;
}

/** First row of every printed page after the first, following the sheet's own breaks. */
export function pageStarts(spec: SheetSpec, lastRow: number): number[] {
  const limit = pageHeight(spec);
  const breaks = new Set(spec.print.pageBreaks ?? []);
  const starts: number[] = [];
  let used = 0;
  for (let r = 1; r <= lastRow; r++) {
    const h = spec.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
    if (used > 0 && used + h > limit) { starts.push(r); used = 0; }
    used += h;
    if (breaks.has(r) && r < lastRow) { starts.push(r + 1); used = 0; }
  }
  return starts;
}

/**
 * Keeps rows `from`..`to` on one page: when a page would start inside them, a break goes
 * before `from` (a block taller than a page is left to flow).
 */
export function keepTogether(spec: SheetSpec, from: number, to: number): SheetSpec {
  let height = 0;
  for (let r = from; r <= to; r++) height += spec.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
  if (height > pageHeight(spec) || from <= 1) return spec;
  if (pageStarts(spec, to).some((s) => s > from && s <= to)) {
    spec.print.pageBreaks = [...(spec.print.pageBreaks ?? []), from - 1].sort((a, b) => a - b);
  }
  return spec;
}
