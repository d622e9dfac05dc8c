/**
 * What the package guard reads from the parts of an .xlsx (guard.ts): per worksheet, the rows,
 * cells, merges, declared dimension, column definitions and formulas without a cached value;
 * the sheet names and defined names of workbook.xml; the relationship targets; table ranges;
 * the number of cell formats. Every position is checked against PACKAGE_LIMITS as soon as it
 * is seen, so a hostile part is refused after the first offending tag, not after inflating it.
 */
import { columnLetter } from '../core/a1.js';
import type { PackageLimit, PackageLimits } from './package-limits.js';
import { CELL_TAGS, TEXT_TAGS, type CellCollector } from './sheet-cells.js';
import { attr, decodeXml, textAt, XmlLexer, type TagSink } from './xml-lexer.js';

/** A limit was exceeded: `where` names the part, sheet or cell, `value` what was found. */
export class LimitExceeded extends Error {
  /** `measured`: the value is where counting stopped (the part is larger still). */
  constructor(readonly limit: PackageLimit, readonly value: number, readonly where: string, readonly measured = false) {
    super(`${limit}: ${value} at ${where}`);
  }
}

/** The package is malformed in a way ExcelJS would choke on or misread. */
export class PackageDamaged extends Error {}

export interface Area { top: number; left: number; bottom: number; right: number }

/** Cells of formulas without a value kept per sheet (to tell whether they fall inside a table). */
const UNCACHED_KEPT = 10_000;

/** `A1`, `$XFD$1048576`, `ab12` (1–3 letters, 1–9 digits; spaces around allowed). */
export function parseCell(ref: string): { row: number; col: number } | null {
  let i = 0;
  let n = ref.length;
  while (i < n && ref.charCodeAt(i) <= 32) i++;
  while (n > i && ref.charCodeAt(n - 1) <= 32) n--;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++, letters++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (letters < 1 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i - start < 1 || i - start > 9) return null;
  return { row, col };
}

export function parseArea(ref: string): Area | null {
  const colon = ref.indexOf(':');
  const tl = parseCell(colon < 0 ? ref : ref.slice(0, colon));
  const br = colon < 0 ? tl : parseCell(ref.slice(colon + 1));
  if (!tl || !br) return null;
  return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
}

export const cellName = (row: number, col: number): string => `${columnLetter(col - 1)}${row}`;
export const areaName = (a: Area) => `${cellName(a.top, a.left)}:${cellName(a.bottom, a.right)}`;
const areaSize = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/** Cells counted across the whole workbook (cells, merged cells, defined-name cells). */
export class CellBudget {
  used = 0;
  constructor(private readonly limits: PackageLimits) {}
  /** Adds `n` cells; true when the workbook went over the limit (the caller says where). */
  over(n: number): boolean {
    this.used += n;
    return this.used > this.limits.cells;
  }
  spend(n: number, where: string): void {
    if (this.over(n)) throw new LimitExceeded('cells', this.used, where);
  }
}

export interface SheetFacts {
  part: string;
  /** The sheet's name from workbook.xml, when the relationships lead to it. */
  name?: string;
  /** Merged areas of more than one cell, 1-based. */
  merges: Area[];
  /** Formulas without a cached value (ExcelJS reads them as blank): how many, and the first 10,000. */
  uncachedCount: number;
  uncached: string[];
  /** The cells, hidden rows and columns, when the guard was asked to collect them (raw-read.ts). */
  cells?: CellCollector;
}

/** Checks one worksheet part as it streams by. */
export class SheetScanner implements TagSink {
  readonly facts: SheetFacts;
  private readonly lexer: XmlLexer;
  private row = 0;
  private col = 0;
  private rows = 0;
  private maxRow = 0;
  private maxCol = 0;
  /** The open cell (one record reused for every cell: a sheet has hundreds of thousands). */
  private readonly cell = { open: false, row: 0, col: 0, formula: false, value: false };

  private readonly collector: CellCollector | undefined;

  constructor(part: string, private readonly label: string, private readonly limits: PackageLimits, private readonly budget: CellBudget,
    private readonly merges: { count: number }, collector?: CellCollector) {
    this.facts = { part, merges: [], uncachedCount: 0, uncached: [], ...(collector ? { cells: collector } : {}) };
    this.collector = collector;
    const tags = ['row', 'c', 'f', 'v', 'is', 'mergeCell', 'dimension', 'col'];
    this.lexer = collector
      ? new XmlLexer(this, new Set([...tags, ...CELL_TAGS]), new Set(TEXT_TAGS))
      : new XmlLexer(this, new Set(tags));
  }

  feed(text: string): void { this.lexer.feed(text); }

  end(): void {
    this.lexer.end();
    // A part cut off after a complete tag lexes cleanly; its cells would be silently fewer.
    if (this.collector && !this.collector.complete) throw new PackageDamaged(`${this.label}: the sheet ends before </sheetData>`);
    checkOverlaps(this.facts.merges, this.label);
  }

  /** Checks a position; `what` names it in a message (default: the cell's address). */
  private at(row: number, col: number, what?: string): void {
    if (row > this.limits.rows) throw new LimitExceeded('rows', row, `${this.label}!${what ?? cellName(row, col)}`);
    if (col > this.limits.columns) throw new LimitExceeded('columns', col, `${this.label}!${what ?? cellName(row, col)}`);
    if (row <= this.maxRow && col <= this.maxCol) return;
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
    if (this.maxRow * this.maxCol > this.limits.sheetArea) {
      throw new LimitExceeded('sheetArea', this.maxRow * this.maxCol, `${this.label}!A1:${cellName(this.maxRow, this.maxCol)}`);
    }
  }

  private area(ref: string | undefined, what: string): Area {
    const a = ref === undefined ? null : parseArea(ref);
    if (!a || a.top < 1 || a.left < 1) throw new PackageDamaged(`${this.label}: invalid ${what} "${String(ref).slice(0, 40)}"`);
    this.at(a.bottom, a.right, ref);
    return a;
  }

  open(name: string, attrs: string, selfClosing: boolean, text: string, after: number): void {
    switch (name) {
      case 'row': {
        const r = attr(attrs, 'r');
        this.row = r === undefined ? this.row + 1 : parseInt(r, 10);
        if (!(this.row >= 1)) throw new PackageDamaged(`${this.label}: invalid row number "${String(r).slice(0, 20)}"`);
        this.col = 0;
        this.at(this.row, 1, `${this.row}:${this.row}`);
        if (++this.rows > this.limits.rows) throw new LimitExceeded('rows', this.rows, `${this.label}, <row> ${this.rows}`);
        this.collector?.row(this.row, attrs);
        return;
      }
      case 'c': {
        const r = attr(attrs, 'r');
        let row = this.row;
        let col = this.col + 1;
        if (r !== undefined) {
          const p = parseCell(r);
          if (!p) throw new PackageDamaged(`${this.label}: invalid cell reference "${r.slice(0, 40)}"`);
          ({ row, col } = p);
        }
        this.col = col;
        this.at(row, col);
        if (this.budget.over(1)) throw new LimitExceeded('cells', this.budget.used, `${this.label}!${cellName(row, col)}`);
        const cell = this.cell;
        cell.open = !selfClosing; cell.row = row; cell.col = col; cell.formula = false; cell.value = false;
        this.collector?.cellOpen(row, col, attrs, selfClosing);
        return;
      }
      case 'f': if (this.cell.open) this.cell.formula = true; this.collector?.open(name, attrs, selfClosing, text, after); return;
      case 'v': case 'is': if (this.cell.open) this.cell.value = true; this.collector?.open(name, attrs, selfClosing, text, after); return;
      case 'mergeCell': {
        const a = this.area(attr(attrs, 'ref'), 'merged area');
        if (++this.merges.count > this.limits.merges) throw new LimitExceeded('merges', this.merges.count, `${this.label}!${areaName(a)}`);
        const size = areaSize(a);
        if (size > 1) {
          if (this.budget.over(size - 1)) throw new LimitExceeded('cells', this.budget.used, `${this.label}!${areaName(a)}`);
          this.facts.merges.push(a);
        }
        return;
      }
      case 'dimension': this.area(attr(attrs, 'ref'), 'dimension'); return;
      case 'col': {
        const max = parseInt(attr(attrs, 'max') ?? '0', 10);
        const min = parseInt(attr(attrs, 'min') ?? '0', 10);
        if (!(min >= 0 && max >= 0 && min <= Math.max(max, 1))) throw new PackageDamaged(`${this.label}: invalid column definition`);
        if (max > this.limits.columns) throw new LimitExceeded('columns', max, `${this.label}, <col max="${max}">`);
        this.collector?.open(name, attrs, selfClosing, text, after);
        return;
      }
      default: this.collector?.open(name, attrs, selfClosing, text, after);
    }
  }

  close(name: string): void {
    this.collector?.close(name);
    if (name !== 'c' || !this.cell.open) return;
    if (this.cell.formula && !this.cell.value) {
      if (this.facts.uncached.length < UNCACHED_KEPT) this.facts.uncached.push(cellName(this.cell.row, this.cell.col));
      this.facts.uncachedCount++;
    }
    this.cell.open = false;
  }
}

/**
 * Merged areas may not overlap (Excel repairs such a file; ExcelJS refuses it, after comparing
 * every merge with every earlier one). Checked row by row over the merged cells, which the
 * cell budget already bounds.
 */
function checkOverlaps(areas: Area[], label: string): void {
  if (areas.length < 2) return;
  // Rows are bounded by the row limit: an array indexed by row number.
  const byRow: number[][] = [];
  for (let k = 0; k < areas.length; k++) {
    const a = areas[k];
    for (let r = a.top; r <= a.bottom; r++) {
      const list = byRow[r];
      if (list) list.push(k); else byRow[r] = [k];
    }
  }
  for (const list of byRow) {
    if (!list || list.length < 2) continue;
    list.sort((x, y) => areas[x].left - areas[y].left);
    for (let i = 1; i < list.length; i++) {
      const prev = areas[list[i - 1]];
      const cur = areas[list[i]];
      if (cur.left <= prev.right) throw new PackageDamaged(`${label}: merged areas ${areaName(prev)} and ${areaName(cur)} overlap`);
    }
  }
}

/** Runs a sink over a whole part already in memory. */
function lexWhole(text: string, sink: TagSink, names: string[]): void {
  const lexer = new XmlLexer(sink, new Set(names));
  lexer.feed(text);
  lexer.end();
}

export interface WorkbookFacts {
  /** The sheets in tab order (§18.2.19), with their relationship id. */
  sheets: { name: string; rid: string }[];
  /** `<workbookPr date1904="1">` (§18.2.28): serial dates count from 1904-01-01. */
  date1904: boolean;
}

/** workbook.xml: the sheets, and the cells defined names would make ExcelJS create. */
export function scanWorkbook(text: string, budget: CellBudget, limits: PackageLimits): WorkbookFacts {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  lexWhole(text, {
    open(name, attrs, selfClosing, text, after) {
      if (name === 'sheet') {
        const rid = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
        sheets.push({ name: attr(attrs, 'name') ?? '', rid: decodeXml(rid?.[1] ?? rid?.[2] ?? '') });
      } else if (name === 'workbookPr') {
        const v = attr(attrs, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'definedName' && !selfClosing) {
        const formula = decodeXml(textAt(text, after));
        // ExcelJS records every cell of a `$A$1:$C$10` range; whole rows/columns stay one entry.
        for (const m of formula.matchAll(/\$?([A-Za-z]{1,3})\$?(\d{1,9}):\$?([A-Za-z]{1,3})\$?(\d{1,9})/g)) {
          const a = parseArea(`${m[1]}${m[2]}:${m[3]}${m[4]}`) as Area;
          const where = `nama/name "${attr(attrs, 'name') ?? '?'}" ${m[0]}`;
          if (a.bottom > limits.rows) throw new LimitExceeded('rows', a.bottom, where);
          if (a.right > limits.columns) throw new LimitExceeded('columns', a.right, where);
          budget.spend(areaSize(a), where);
        }
      }
    },
    close() {},
  }, ['sheet', 'definedName', 'workbookPr']);
  return { sheets, date1904 };
}

export interface Relationship { target: string; type: string }

/** A relationships part: id → target and type (the type's last path segment, `worksheet`, `sharedStrings`…). */
export function scanRels(text: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  lexWhole(text, {
    open(_name, attrs) {
      const id = attr(attrs, 'Id');
      const target = attr(attrs, 'Target');
      const type = attr(attrs, 'Type') ?? '';
      if (id !== undefined && target !== undefined) out.set(id, { target, type: type.slice(type.lastIndexOf('/') + 1) });
    },
    close() {},
  }, ['Relationship']);
  return out;
}

/** A table part: its range must fit the limits (readers walk its columns for every row). */
export function scanTable(text: string, part: string, limits: PackageLimits): void {
  lexWhole(text, {
    open(_name, attrs) {
      const ref = attr(attrs, 'ref');
      const a = ref === undefined ? null : parseArea(ref);
      if (!a) throw new PackageDamaged(`${part}: invalid table range`);
      if (a.bottom > limits.rows) throw new LimitExceeded('rows', a.bottom, `${part} ${ref}`);
      if (a.right > limits.columns) throw new LimitExceeded('columns', a.right, `${part} ${ref}`);
      if (areaSize(a) > limits.sheetArea) throw new LimitExceeded('sheetArea', areaSize(a), `${part} ${ref}`);
    },
    close() {},
  }, ['table']);
}

/** styles.xml: the number of cell formats. */
export function scanStyles(text: string, limits: PackageLimits): void {
  let xfs = 0;
  lexWhole(text, {
    open() { if (++xfs > limits.styles) throw new LimitExceeded('styles', xfs, 'xl/styles.xml'); },
    close() {},
  }, ['xf']);
}
