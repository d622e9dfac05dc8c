/**
 * Renders `core/derive` sheet specifications with ExcelJS. Every value goes through
 * `neutralise` (write.ts), so text that came from the workbook is written as text, never as
 * a formula. Internal links are HYPERLINK formulas built from our own sheet names and cell
 * addresses only: ExcelJS 4.4 writes `{ hyperlink }` cells with an external relationship
 * as well (exceljs/exceljs#3027, #749), which Excel may open as a file.
 */
import ExcelJS from 'exceljs';
import type { CellStyle, Paper, SheetSpec } from '../core/derive/spec.js';
import { neutralise } from './write.js';

type Styled = Partial<ExcelJS.Style>;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

function toExcel(s: CellStyle): Styled {
  const out: Styled = {};
  // The font is always named: a `<font>` without `<name>` falls back to the program's
  // default face (a serif in LibreOffice), wider than the Calibri the row heights assume.
  if (s.bold || s.italic || s.size) {
    out.font = { name: 'Calibri', family: 2, size: s.size ?? 11, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) };
  }
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  if (s.border) out.border = THIN;
  if (s.wrap || s.horizontal || s.vertical) {
    out.alignment = { ...(s.wrap ? { wrapText: true } : {}), ...(s.horizontal ? { horizontal: s.horizontal } : {}), ...(s.vertical ? { vertical: s.vertical } : {}) };
  }
  if (s.numFmt) out.numFmt = s.numFmt;
  return out;
}

/** `'Pohon Kinerja'!D12` → a HYPERLINK formula with a cached result. */
function linkValue(target: string, text: string): ExcelJS.CellFormulaValue {
  const q = (s: string) => s.replace(/"/g, '""');
  return { formula: `HYPERLINK("#${q(target)}","${q(text)}")`, result: text, date1904: false };
}

/**
 * SpreadsheetML paper sizes (the XlPaperSize numbers, learn.microsoft.com
 * microsoft.office.interop.excel.xlpapersize): 9 = A4, 8 = A3, 14 = Folio 8.5 × 13 in
 * (216 × 330 mm), the F4 of Indonesian offices; LibreOffice prints 14 as 612 × 936 pt.
 */
const PAPER_SIZE: Record<Paper, number> = { A4: 9, A3: 8, F4: 14 };

/** Header/footer text is a small language of `&` codes: a literal `&` is written `&&`. */
const hfText = (s: string) => s.replace(/&/g, '&&');

export function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const p = spec.print;
  // Wide landscape views get narrow side margins: every point of width raises the print scale.
  const side = p.orientation === 'landscape' ? 0.3 : 0.5;
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: PAPER_SIZE[p.paper],
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: side, right: side, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(p.titleRows ? { printTitlesRow: `${p.titleRows[0]}:${p.titleRows[1]}` } : {}),
    },
    ...(spec.freezeRows ? { views: [{ state: 'frozen' as const, ySplit: spec.freezeRows }] } : {}),
  });
  if (p.header || p.pageNumbers) {
    ws.headerFooter = {
      ...(p.header ? { oddHeader: `&C&"-,Bold"&14${hfText(p.header)}` } : {}),
      ...(p.pageNumbers ? { oddFooter: '&CHalaman &P dari &N' } : {}),
    };
  }
  spec.columnWidths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const styles = new Map<string, Styled>();
  const styleOf = (k: string) => {
    let s = styles.get(k);
    if (!s) { s = toExcel(spec.styles[k] ?? {}); styles.set(k, s); }
    return s;
  };
  for (const c of spec.cells) {
    const cell = ws.getRow(c.row).getCell(c.col);
    const v = neutralise(c.value);
    cell.value = c.link && typeof v === 'string' ? linkValue(c.link, v) : v;
    if (c.style) {
      const s = styleOf(c.style);
      // Assigning the parts (not `cell.style`) keeps one shared object per part and style name.
      if (s.font) cell.font = s.font as ExcelJS.Font;
      if (s.fill) cell.fill = s.fill;
      if (s.border) cell.border = s.border as ExcelJS.Borders;
      if (s.alignment) cell.alignment = s.alignment as ExcelJS.Alignment;
      if (s.numFmt) cell.numFmt = s.numFmt;
    }
  }
  for (const m of spec.merges) ws.mergeCells(m);
  for (const [r, h] of Object.entries(spec.rowHeights)) ws.getRow(Number(r)).height = h;
  for (const r of spec.print.pageBreaks ?? []) ws.getRow(r).addPageBreak();
  return ws;
}

/** Adds the sheets, replacing any sheet of the same name (generated sheets are overwritten). */
export function renderSheets(wb: ExcelJS.Workbook, specs: readonly SheetSpec[]): void {
  for (const spec of specs) {
    const old = wb.getWorksheet(spec.name);
    if (old) wb.removeWorksheet(old.id);
    renderSheet(wb, spec);
  }
}
