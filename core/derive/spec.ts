/**
 * Sheet specifications: generated sheets as plain data (values, named styles, merges, column
 * widths, row heights, print settings, internal hyperlinks). `core/derive` builds them;
 * an adapter renders them (ExcelJS in `xlsx/render.ts` now, Office.js later), so the
 * layout of a PK or a matrix lives in one place.
 */
import { a1 } from '../a1.js';

export type SpecValue = string | number | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Fill colour, ARGB hex (`FFDDEBF7`). */
  fill?: string;
  /** Thin borders on all four sides. */
  border?: boolean;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  numFmt?: string;
}

export interface CellSpec {
  /** 1-based sheet row. */
  row: number;
  /** 1-based column. */
  col: number;
  value: SpecValue;
  /** Key into `SheetSpec.styles`. */
  style?: string;
  /** Internal link target, e.g. `'Pohon Kinerja'!D12`. */
  link?: string;
}

/** Paper sizes a pemda prints on; F4 is Folio, 215 × 330 mm. */
export type Paper = 'A4' | 'A3' | 'F4';
export const PAPERS: readonly Paper[] = ['A4', 'A3', 'F4'];

export interface PrintSpec {
  paper: Paper;
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page width (height free: rows flow over pages). */
  fitToWidth: boolean;
  /** Rows repeated on every printed page, e.g. [1, 2]. */
  titleRows?: [number, number];
  /** Rows after which a new page starts. */
  pageBreaks?: number[];
  /** Text printed at the top of every page (e.g. `DRAF`, or the sheet's title). */
  header?: string;
  /** Print the page number (`Halaman n dari m`) at the foot of every page. */
  pageNumbers?: boolean;
}

export interface SheetSpec {
  name: string;
  cells: CellSpec[];
  styles: Record<string, CellStyle>;
  /** A1 ranges. */
  merges: string[];
  /** Width per column (index 0 = column A), in Excel character units. */
  columnWidths: number[];
  rowHeights: Record<number, number>;
  print: PrintSpec;
  /** Frozen rows at the top (0 = none). */
  freezeRows?: number;
}

/** Shared styles; sheets refer to them by name so a 100,000-cell sheet shares 10 objects. */
export const STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 12, horizontal: 'center', vertical: 'middle', wrap: true },
  subtitle: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true },
  header: { bold: true, fill: 'FFDDEBF7', border: true, wrap: true, horizontal: 'center', vertical: 'middle' },
  text: { border: true, wrap: true, vertical: 'top' },
  center: { border: true, wrap: true, vertical: 'top', horizontal: 'center' },
  // Whole numbers and 1–4 decimals get their own format: `#,##0.##` would print 92 as "92,"
  // in Excel (a trailing separator); `numberStyle` picks the one that fits the value.
  number: { border: true, vertical: 'top', horizontal: 'right', numFmt: '#,##0' },
  number1: { border: true, vertical: 'top', horizontal: 'right', numFmt: '#,##0.0' },
  number2: { border: true, vertical: 'top', horizontal: 'right', numFmt: '#,##0.00' },
  number3: { border: true, vertical: 'top', horizontal: 'right', numFmt: '#,##0.000' },
  number4: { border: true, vertical: 'top', horizontal: 'right', numFmt: '#,##0.0000' },
  /** A text target (range, qualitative, `-`) in a numeric column: right-aligned like the numbers. */
  numberText: { border: true, wrap: true, vertical: 'top', horizontal: 'right' },
  money: { border: true, vertical: 'top', horizontal: 'right', numFmt: '#,##0' },
  totalLabel: { bold: true, border: true, horizontal: 'right', vertical: 'middle' },
  totalMoney: { bold: true, border: true, horizontal: 'right', numFmt: '#,##0' },
  plain: { wrap: true, vertical: 'top' },
  plainCenter: { wrap: true, vertical: 'top', horizontal: 'center' },
  bold: { bold: true, vertical: 'top' },
  boldCenter: { bold: true, horizontal: 'center', vertical: 'top', wrap: true },
  link: { border: true, vertical: 'top' },
  /** A band across the table (e.g. one per Sasaran Strategis in the Matriks). */
  band: { bold: true, fill: 'FFF2F2F2', border: true, wrap: true, vertical: 'top' },
  note: { italic: true, wrap: true, vertical: 'top' },
  draf: { bold: true, size: 14, horizontal: 'center', vertical: 'middle' },
};

/**
 * The style for a number in a `number` column: as many decimals as the value has (up to 4),
 * so 92 prints as "92" and 72,85 as "72,85" in any locale. Text gets `numberText`.
 */
export function numberStyle(v: SpecValue): string {
  if (typeof v !== 'number') return 'numberText';
  if (Number.isInteger(v)) return 'number';
  for (let d = 1; d <= 4; d++) if (Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) < 1e-6) return `number${d}`;
  return 'number4';
}

/** A number as Indonesian text (decimal comma): 72.85 → "72,85"; used inside text such as ranges. */
export function angkaText(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
}

/** Small builder: sets cells, merges and heights without repeating the bookkeeping. */
export class SheetBuilder {
  readonly spec: SheetSpec;
  constructor(name: string, columnWidths: number[], print: PrintSpec) {
    this.spec = { name, cells: [], styles: STYLES, merges: [], columnWidths, rowHeights: {}, print };
  }

  set(row: number, col: number, value: SpecValue, style?: string, link?: string): void {
    const c: CellSpec = { row, col, value };
    if (style) c.style = style;
    if (link) c.link = link;
    this.spec.cells.push(c);
  }

  /** Sets the top-left cell and merges the rectangle when it spans more than one cell. */
  merge(top: number, left: number, bottom: number, right: number, value: SpecValue, style?: string): void {
    this.set(top, left, value, style);
    if (style) {
      // Borders of a merged range come from every cell in it.
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) this.set(r, c, null, style);
    }
    if (bottom > top || right > left) this.spec.merges.push(`${a1(left - 1, top)}:${a1(right - 1, bottom)}`);
  }

  height(row: number, points: number): void {
    this.spec.rowHeights[row] = points;
  }
}

/** Excel sheet names: at most 31 characters, none of `: \ / ? * [ ]`. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}
