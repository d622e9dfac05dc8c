/**
 * What a planner (or a coauthor) does in the grid, and which events Excel fires for it:
 * - typing in the row just below a table grows the table ("Resize a table by adding or
 *   removing rows and columns": AutoCorrect "Include new rows and columns in table", on by default);
 * - a value picked from a dropdown fires no onChanged on Excel on the web
 *   (OfficeDev/office-js#3888, #4066);
 * - deleting table rows fires no onChanged (OfficeDev/office-js#294; the web profile keeps it);
 * - a plain paste brings the source's formats, so the destination loses its conditional formats
 *   and data validation; Paste Values keeps them ("Paste options", support.microsoft.com);
 * - while a cell is being edited, add-in batches wait (delayForCellEdit) or fail (request.ts).
 */
import type { CellValue } from '../../../core/snapshot.js';
import { ExcelError, intersects, parseRange, subtract, type Rect, type Sheet } from './book.js';
import type { Change, Session } from './request.js';

export class UserActions {
  constructor(private readonly s: Session) {}

  private sheet(name: string): Sheet {
    const sh = this.s.book.sheet(name);
    if (!sh) throw new ExcelError('ItemNotFound', `no sheet ${name}`);
    return sh;
  }

  private type(sheet: Sheet, rect: Rect, values: CellValue[][]): { before: unknown; after: unknown } {
    const book = this.s.book;
    const before = book.get(sheet, rect.r0, rect.c0);
    values.forEach((row, i) => row.forEach((v, j) => book.put(sheet, rect.r0 + i, rect.c0 + j, v ?? '')));
    // A row typed just below a table joins it.
    for (const t of book.tables.filter((x) => x.sheetId === sheet.id)) {
      if (rect.r0 === t.rect.r1 + 1 && rect.c0 >= t.rect.c0 && rect.c1 <= t.rect.c1) t.rect = { ...t.rect, r1: rect.r1 };
    }
    return { before, after: book.get(sheet, rect.r0, rect.c0) };
  }

  private emit(changes: Change[], source: 'Local' | 'Remote' = 'Local'): void {
    this.s.emit(changes, source, false);
  }

  private grid(address: string, value: CellValue | CellValue[][]): { rect: Rect; values: CellValue[][] } {
    const start = parseRange(address);
    const values = Array.isArray(value) ? value : [[value]];
    return { rect: { r0: start.r0, c0: start.c0, r1: start.r0 + values.length - 1, c1: start.c0 + Math.max(1, ...values.map((r) => r.length)) - 1 }, values };
  }

  /** Types into cells (one cell, or a block as a multi-cell fill/paste-values). */
  edit(sheetName: string, address: string, value: CellValue | CellValue[][]): void {
    const sheet = this.sheet(sheetName);
    const { rect, values } = this.grid(address, value);
    const d = this.type(sheet, rect, values);
    this.emit([{ kind: 'cells', sheet, rect, details: { valueBefore: d.before, valueAfter: d.after } }]);
  }

  /** A coauthor's edit, arriving with source Remote. */
  remoteEdit(sheetName: string, address: string, value: CellValue | CellValue[][]): void {
    const sheet = this.sheet(sheetName);
    const { rect, values } = this.grid(address, value);
    this.type(sheet, rect, values);
    this.emit([{ kind: 'cells', sheet, rect }], 'Remote');
  }

  /** Picks a value from the cell's dropdown. */
  pick(sheetName: string, address: string, value: string): void {
    const sheet = this.sheet(sheetName);
    const { rect, values } = this.grid(address, value);
    this.type(sheet, rect, values);
    if (this.s.profile.events.dropdownPick) this.emit([{ kind: 'cells', sheet, rect }]);
  }

  /** Ctrl+V of cells copied elsewhere: values and the source's formats. */
  paste(sheetName: string, address: string, values: CellValue[][]): void {
    const sheet = this.sheet(sheetName);
    const g = this.grid(address, values);
    this.type(sheet, g.rect, g.values);
    for (const list of [sheet.cf, sheet.dv]) for (const x of list) x.rects = x.rects.flatMap((r) => subtract(r, g.rect));
    sheet.cf = sheet.cf.filter((x) => x.rects.length);
    sheet.dv = sheet.dv.filter((x) => x.rects.length);
    this.emit([{ kind: 'cells', sheet, rect: g.rect }]);
  }

  /** Paste Values: formats (and the conditional formats) stay. */
  pasteValues(sheetName: string, address: string, values: CellValue[][]): void {
    this.edit(sheetName, address, values);
  }

  /** Deletes whole sheet rows (1-based first row). */
  deleteRows(sheetName: string, firstRow: number, count = 1): void {
    const sheet = this.sheet(sheetName);
    this.s.book.deleteRows(sheet, firstRow - 1, count);
    if (this.s.profile.events.rowDelete) {
      this.emit([{ kind: 'cells', sheet, rect: { r0: firstRow - 1, r1: firstRow - 2 + count, c0: 0, c1: 16383 }, changeType: 'RowDeleted' }]);
    }
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    this.s.book.checkSheetName(to, sheet);
    sheet.name = to;
  }

  deleteTable(name: string): void {
    const t = this.s.book.table(name);
    if (!t) throw new ExcelError('ItemNotFound', `no table ${name}`);
    this.s.book.tables = this.s.book.tables.filter((x) => x !== t);
    this.emit([{ kind: 'tableDeleted', table: t }]);
  }

  renameTable(from: string, to: string): void {
    const t = this.s.book.table(from);
    if (!t) throw new ExcelError('ItemNotFound', `no table ${from}`);
    this.s.book.checkTableName(to, t);
    t.name = to;
  }

  /** F2 / double-click into a cell: add-in batches now wait or fail. */
  beginCellEdit(): void {
    this.s.editing = true;
  }

  endCellEdit(): void {
    this.s.editing = false;
    for (const w of this.s.editWaiters.splice(0)) w();
  }

  /** True when a cell of `address` is covered by one of the sheet's conditional formats. */
  hasConditionalFormat(sheetName: string, address: string): boolean {
    const rect = parseRange(address);
    return this.sheet(sheetName).cf.some((cf) => cf.rects.some((r) => intersects(r, rect)));
  }
}
