/**
 * The cells of one worksheet part as the package holds them (ECMA-376 Part 1 §18.3.1.4 `c`,
 * §18.3.1.96 `v`, §18.3.1.40 `f`, §18.3.1.53 `is`), collected while the package guard scans
 * the part (package-scan.ts), before the shared strings and the styles are known. `raw-read.ts`
 * resolves them into plain values. Only cells with a value or a formula are kept: a cell with
 * a style and nothing else is blank.
 */
import type { SheetCell } from './raw-sheet.js';
import { attr, decodeXml, textAt } from './xml-lexer.js';

/** A shared formula's part: the master carries `ref` and the text, followers only `si`. */
export interface SharedFormula { si: string; master: boolean }

/**
 * A cell as collected, and then, once raw-read.ts has filled `value` (and `numFmt`, `formula`,
 * `uncached`), the plain cell raw-sheet.ts builds from: one object per cell, not two.
 */
export interface PackageCell extends SheetCell {
  /** The `t` attribute (ST_CellType): s, str, inlineStr, b, e, d; undefined = n. */
  type: string | undefined;
  /** Index into cellXfs (`s`); -1 when absent. */
  style: number;
  /** The `<v>` text, or an inline string's text; undefined = none. */
  text: string | undefined;
  /** The `<f>` text ('' for a shared formula's follower); undefined = no formula. */
  formula?: string;
  shared?: SharedFormula;
}

export interface ColumnDef { min: number; max: number; hidden: boolean }

/** `1`/`true` (xsd:boolean), as Excel and ExcelJS read `hidden`. */
const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** Tags the collector needs besides the guard's own, and those whose text it reads. */
export const CELL_TAGS = ['t', 'rPh', 'sheetData'];
export const TEXT_TAGS = ['v', 'f', 't'];

export class CellCollector {
  readonly cells: PackageCell[] = [];
  readonly hiddenRows: number[] = [];
  readonly columns: ColumnDef[] = [];
  /** `</sheetData>` (or `<sheetData/>`) was seen: a part cut short is damaged, not shorter. */
  complete = false;
  private cell: PackageCell | null = null;
  private inline = false;
  private phonetic = false;

  row(row: number, attrs: string): void {
    if (attrs.includes('hidden') && isTrue(attr(attrs, 'hidden'))) this.hiddenRows.push(row);
  }

  cellOpen(row: number, col: number, attrs: string, selfClosing: boolean): void {
    if (selfClosing) { this.cell = null; return; }
    const s = attr(attrs, 's');
    this.cell = { row, col, value: null, type: attr(attrs, 't'), style: s === undefined ? -1 : parseInt(s, 10), text: undefined };
  }

  open(name: string, attrs: string, selfClosing: boolean, text: string, after: number): void {
    const cell = this.cell;
    switch (name) {
      case 'v': if (cell && !selfClosing) cell.text = (cell.text ?? '') + decodeXml(textAt(text, after)); return;
      case 'f': {
        if (!cell) return;
        const t = attr(attrs, 't');
        cell.formula = selfClosing ? '' : decodeXml(textAt(text, after));
        if (t === 'shared') {
          const si = attr(attrs, 'si') ?? '';
          cell.shared = { si, master: attr(attrs, 'ref') !== undefined };
        }
        return;
      }
      case 'is': this.inline = !selfClosing; return;
      case 'rPh': this.phonetic = !selfClosing; return;
      case 't':
        if (cell && this.inline && !this.phonetic && !selfClosing) cell.text = (cell.text ?? '') + decodeXml(textAt(text, after));
        return;
      case 'col': {
        if (!isTrue(attr(attrs, 'hidden'))) return;
        this.columns.push({ min: parseInt(attr(attrs, 'min') ?? '0', 10), max: parseInt(attr(attrs, 'max') ?? '0', 10), hidden: true });
        return;
      }
      case 'sheetData': if (selfClosing) this.complete = true; return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c': {
        const cell = this.cell;
        if (cell && (cell.text !== undefined || cell.formula !== undefined)) this.cells.push(cell);
        this.cell = null;
        this.inline = false;
        return;
      }
      case 'is': this.inline = false; return;
      case 'rPh': this.phonetic = false; return;
      case 'sheetData': this.complete = true; return;
    }
  }
}
