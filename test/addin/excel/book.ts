/**
 * The workbook inside the Excel double: sheets of cells, tables, conditional formats, data
 * validation, settings and pictures, with Excel's own rules where Pokin depends on them.
 * The request/response machinery and the user's actions live in api.ts and user.ts.
 */
import { columnIndex, columnLetter } from '../../../core/a1.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type Value = string | number | boolean;

/** 0-based inclusive rectangle. */
export interface Rect { r0: number; c0: number; r1: number; c1: number }

export interface CfRule {
  rects: Rect[];
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

export interface DvRule { rects: Rect[]; rule: unknown }

export interface Sheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Sparse rows of values ('' = empty). */
  cells: Map<number, Map<number, Value>>;
  formats: Map<number, Map<number, string>>;
  /** A number format set on whole columns (applies to cells without their own). */
  colFormats: Map<number, string>;
  formulas: Map<string, string>;
  /** Index 0 = top priority (ConditionalFormat.priority 0). */
  cf: CfRule[];
  dv: DvRule[];
  merges: Rect[];
  hyperlinks: Map<string, unknown>;
  pictures: { name: string; bytes: number }[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freezeRows: number;
  orientation?: string;
  /** Page setup (PageLayout, ExcelApi 1.9): paper, zoom, print titles, header/footer, manual breaks (rows before which a page starts, 0-based). */
  print: { paperSize?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }; titleRows?: string; centerHeader?: string; centerFooter?: string; breaks: number[] };
  styles: { rect: Rect; path: string; value: unknown }[];
}

export interface Table { id: string; name: string; sheetId: string; rect: Rect; style?: string }

/** An Office.js error as Excel returns it: `code` is what add-ins branch on. */
export class ExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export function parseRange(address: string): Rect {
  const a = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const [p, q = p] = a.split(':');
  const cell = (s: string, end: boolean): { r: number; c: number } => {
    const m = /^([A-Z]*)(\d*)$/.exec(s);
    if (!m || (!m[1] && !m[2])) throw new ExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
    return { c: m[1] ? columnIndex(m[1]) : end ? MAX_COLS - 1 : 0, r: m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0 };
  };
  const s = cell(p, false), e = cell(q, true);
  return { r0: Math.min(s.r, e.r), c0: Math.min(s.c, e.c), r1: Math.max(s.r, e.r), c1: Math.max(s.c, e.c) };
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnLetter(r.c1)}${r.r1 + 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const intersects = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
export const contains = (outer: Rect, inner: Rect) => outer.r0 <= inner.r0 && outer.r1 >= inner.r1 && outer.c0 <= inner.c0 && outer.c1 >= inner.c1;
export const cellsOf = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

/** `a` minus `b`, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.r0 < b.r0) out.push({ ...a, r1: b.r0 - 1 });
  if (a.r1 > b.r1) out.push({ ...a, r0: b.r1 + 1 });
  const r0 = Math.max(a.r0, b.r0), r1 = Math.min(a.r1, b.r1);
  if (a.c0 < b.c0) out.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
  if (a.c1 > b.c1) out.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
  return out;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export class Book {
  sheets: Sheet[] = [];
  tables: Table[] = [];
  settings = new Map<string, unknown>();
  private nextId = 1;

  id(prefix: string): string {
    return `{${prefix}-${(this.nextId++).toString(16).padStart(8, '0')}}`;
  }

  // --- names: Excel compares sheet and table names without case ---------------------------
  // "Excel doesn't distinguish between upper and lowercase characters in names" (support article
  // "Rename an Excel table"; sheet names likewise: a workbook cannot hold "Info" and "INFO").
  sheet(name: string): Sheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id === name);
  }

  sheetById(id: string): Sheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  table(name: string): Table | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k || t.id === name);
  }

  checkSheetName(name: string, except?: Sheet): void {
    // Excel's sheet-name rules: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '.
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new ExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: sheet name "${name}"`);
    }
    const clash = this.sheet(name);
    if (clash && clash !== except) throw new ExcelError('ItemAlreadyExists', `The resource being created already exists: sheet "${name}"`);
  }

  checkTableName(name: string, except?: Table): void {
    // Table names: a letter, _ or \ first; letters, digits, _ and . after; no spaces; not a
    // cell reference; at most 255 characters (support article "Rename an Excel table").
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
      throw new ExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: table name "${name}"`);
    }
    const clash = this.table(name);
    if (clash && clash !== except) throw new ExcelError('ItemAlreadyExists', `The resource being created already exists: table "${name}"`);
  }

  addSheet(name: string): Sheet {
    this.checkSheetName(name);
    const s: Sheet = {
      id: this.id('ws'), name, visibility: 'Visible', cells: new Map(), formats: new Map(), colFormats: new Map(), formulas: new Map(),
      cf: [], dv: [], merges: [], hyperlinks: new Map(), pictures: [], colWidths: new Map(), rowHeights: new Map(), freezeRows: 0, styles: [], print: { breaks: [] },
    };
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: Sheet): Table[] {
    const gone = this.tables.filter((t) => t.sheetId === s.id);
    this.tables = this.tables.filter((t) => t.sheetId !== s.id);
    this.sheets = this.sheets.filter((x) => x !== s);
    return gone;
  }

  // --- cells -------------------------------------------------------------------------------
  get(s: Sheet, r: number, c: number): Value {
    return s.cells.get(r)?.get(c) ?? '';
  }

  format(s: Sheet, r: number, c: number): string {
    return s.formats.get(r)?.get(c) ?? s.colFormats.get(c) ?? 'General';
  }

  /**
   * A value as Excel stores it when an add-in sets `Range.values` (the same parse as typing):
   * text that looks like a number becomes a number unless the cell is formatted as text (`@`);
   * a leading apostrophe makes text and is not stored; `=` starts a formula.
   */
  put(s: Sheet, r: number, c: number, v: unknown): void {
    if (r >= MAX_ROWS || c >= MAX_COLS) throw new ExcelError('InvalidArgument', 'Outside the worksheet');
    let stored: Value = '';
    const key = `${r},${c}`;
    s.formulas.delete(key);
    if (typeof v === 'number' || typeof v === 'boolean') stored = v;
    else if (v === null || v === undefined) stored = this.get(s, r, c); // null leaves the cell as it is (Range.values docs)
    else {
      const text = String(v);
      const asText = this.format(s, r, c) === '@';
      if (text.startsWith("'")) stored = text.slice(1);
      else if (!asText && NUMBER.test(text.trim())) stored = Number(text.trim());
      else if (!asText && text === '=') throw new ExcelError('InvalidArgument', 'Excel cannot parse "=" as a formula.');
      else if (!asText && /^[=+\-@]./.test(text)) {
        // Excel parses it as a formula (`+abc` becomes =+abc); a lone sign stays text.
        s.formulas.set(key, text);
        stored = 0;
      }
      else if (!asText && /^(true|false)$/i.test(text)) stored = text.toLowerCase() === 'true';
      else stored = text;
    }
    let row = s.cells.get(r);
    if (stored === '') { row?.delete(c); return; }
    if (!row) s.cells.set(r, (row = new Map()));
    row.set(c, stored);
  }

  setFormat(s: Sheet, r: number, c: number, f: string): void {
    let row = s.formats.get(r);
    if (!row) s.formats.set(r, (row = new Map()));
    row.set(c, f);
  }

  /** Fills a rectangle from a 2-D array or, for a scalar, the same value everywhere. */
  fill(rect: Rect, v: unknown, each: (r: number, c: number, x: unknown) => void): void {
    if (Array.isArray(v)) {
      const rows = rect.r1 - rect.r0 + 1, cols = rect.c1 - rect.c0 + 1;
      // "The number of rows and columns must match the range" (Range.values / numberFormat docs).
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new ExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
      }
      v.forEach((row: unknown[], i) => row.forEach((x, j) => each(rect.r0 + i, rect.c0 + j, x)));
      return;
    }
    if (cellsOf(rect) > 5_000_000 && (rect.r1 - rect.r0 + 1) < MAX_ROWS) throw new ExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) each(r, c, v);
  }

  /** Values of a rectangle; Excel returns '' for empty cells. */
  values(s: Sheet, rect: Rect): Value[][] {
    // "On all platforms, a range is limited to five million cells for get operations"
    // (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
    if (cellsOf(rect) > 5_000_000) throw new ExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
    const out: Value[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = s.cells.get(r);
      const line: Value[] = new Array(rect.c1 - rect.c0 + 1);
      for (let c = rect.c0; c <= rect.c1; c++) line[c - rect.c0] = row?.get(c) ?? '';
      out.push(line);
    }
    return out;
  }

  /** Formula text (with its `=`) where a cell holds a formula, else its value. */
  formulas(s: Sheet, rect: Rect): Value[][] {
    const values = this.values(s, rect);
    return values.map((row, i) => row.map((v, j) => s.formulas.get(`${rect.r0 + i},${rect.c0 + j}`) ?? v));
  }

  numberFormats(s: Sheet, rect: Rect): string[][] {
    if (cellsOf(rect) > 5_000_000) throw new ExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
    const out: string[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const line: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) line.push(this.format(s, r, c));
      out.push(line);
    }
    return out;
  }

  usedRect(s: Sheet): Rect | null {
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    for (const [r, row] of s.cells) {
      if (!row.size) continue;
      r0 = Math.min(r0, r); r1 = Math.max(r1, r);
      for (const c of row.keys()) { c0 = Math.min(c0, c); c1 = Math.max(c1, c); }
    }
    return r1 < 0 ? null : { r0, r1, c0, c1 };
  }

  // --- tables ------------------------------------------------------------------------------
  addTable(s: Sheet, rect: Rect): Table {
    for (const t of this.tables) {
      if (t.sheetId === s.id && intersects(t.rect, rect)) throw new ExcelError('InvalidOperation', 'A table can\'t overlap another table.');
    }
    if (s.merges.some((m) => intersects(m, rect))) throw new ExcelError('MergedRangeConflict', 'A table can\'t overlap merged cells.');
    // Header cells become unique text; Excel names blanks "Column1"… and numbers duplicates.
    const seen = new Set<string>();
    for (let c = rect.c0; c <= rect.c1; c++) {
      let h = String(this.get(s, rect.r0, c)).trim() || `Column${c - rect.c0 + 1}`;
      const base = h;
      for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${base}${n}`;
      seen.add(h.toLowerCase());
      this.put(s, rect.r0, c, `'${h}`);
    }
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`)) n++;
    const t: Table = { id: this.id('tb'), name: `Table${n}`, sheetId: s.id, rect: { ...rect } };
    this.tables.push(t);
    return t;
  }

  header(t: Table): string[] {
    const s = this.sheetById(t.sheetId)!;
    return this.values(s, { ...t.rect, r1: t.rect.r0 })[0].map(String);
  }

  // --- formats that follow the cells ---------------------------------------------------------
  /** Rows deleted: cells, formats, tables, CF and DV ranges below move up. */
  deleteRows(s: Sheet, r0: number, count: number): void {
    const shift = <T>(m: Map<number, T>) => {
      const out = new Map<number, T>();
      for (const [r, v] of m) if (r < r0) out.set(r, v); else if (r >= r0 + count) out.set(r - count, v);
      return out;
    };
    s.cells = shift(s.cells);
    s.formats = shift(s.formats);
    const fix = (r: Rect): Rect | null => {
      const gone = { r0, r1: r0 + count - 1 };
      let { r0: a, r1: b } = r;
      if (b < gone.r0) return r;
      if (a > gone.r1) return { ...r, r0: a - count, r1: b - count };
      const removed = Math.min(b, gone.r1) - Math.max(a, gone.r0) + 1;
      a = Math.min(a, gone.r0);
      b = b - removed - (r.r0 > gone.r0 ? r.r0 - gone.r0 : 0);
      return b >= a ? { ...r, r0: a, r1: Math.min(b, MAX_ROWS - 1) } : null;
    };
    for (const t of this.tables.filter((x) => x.sheetId === s.id)) t.rect = fix(t.rect) ?? t.rect;
    for (const list of [s.cf, s.dv]) for (const x of list) x.rects = x.rects.map(fix).filter((r): r is Rect => r !== null);
  }
}
