/* eslint-disable @typescript-eslint/no-this-alias -- setters of nested plain objects call back into their proxy */
/**
 * Ranges in the Excel double: values and number formats as Excel stores them, formats,
 * merges, conditional formats (added at the top priority) and data validation.
 */
import {
  cellsOf, ExcelError, intersects, MAX_ROWS, rectAddress, quoteSheet, subtract, type CfRule, type Rect, type Sheet,
} from './book.js';
import { ApiObject, Nullable, type Loaded } from './proxy.js';
import { COMMAND_BYTES, json, LOAD_BYTES, type Ctx } from './request.js';

export interface Where { sheet: Sheet; rect: Rect }

const CF_TYPES = new Set(['Custom', 'CellValue', 'ColorScale', 'DataBar', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText']);

export class RangeP extends ApiObject<Where> {
  constructor(ctx: Ctx, parent: ApiObject<unknown> | null, argBytes: number, find: () => Where) { super(ctx, parent, argBytes, find); }
  protected override checkAlive(w: Where): void {
    if (!this.book.sheets.includes(w.sheet)) throw new ExcelError('ItemNotFound', 'The requested resource doesn\'t exist: the range\'s worksheet was deleted.');
  }
  protected snapshot(names: string[]): Loaded {
    const { sheet, rect } = this.resolve();
    const out: Loaded = {};
    for (const n of names.length ? names : ['address', 'rowCount', 'columnCount', 'values']) {
      if (n === 'values') out.values = this.book.values(sheet, rect);
      else if (n === 'numberFormat') out.numberFormat = this.book.numberFormats(sheet, rect);
      // "Represents the formula in A1-style notation. If a cell has no formula, its value is
      // returned instead." (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member)
      else if (n === 'formulas') out.formulas = this.book.formulas(sheet, rect);
      else if (n === 'address') out.address = `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      else if (n === 'rowCount') out.rowCount = rect.r1 - rect.r0 + 1;
      else if (n === 'columnCount') out.columnCount = rect.c1 - rect.c0 + 1;
      else if (n === 'rowIndex') out.rowIndex = rect.r0;
      else if (n === 'columnIndex') out.columnIndex = rect.c0;
      else if (n === 'cellCount') out.cellCount = cellsOf(rect);
    }
    return out;
  }
  get values(): unknown[][] { return this.get('values'); }
  set values(v: unknown[][]) {
    this.set('values', v, ({ sheet, rect }) => {
      this.book.fill(rect, v, (r, c, x) => this.book.put(sheet, r, c, x));
      this.ctx.changes.push({ kind: 'cells', sheet, rect });
    });
  }
  get formulas(): unknown[][] { return this.get('formulas'); }
  /** Setting formulas parses each entry as typing would: `=…` is a formula, anything else a value. */
  set formulas(v: unknown[][]) {
    this.set('formulas', v, ({ sheet, rect }) => {
      this.book.fill(rect, v, (r, c, x) => this.book.put(sheet, r, c, x));
      this.ctx.changes.push({ kind: 'cells', sheet, rect });
    });
  }
  get numberFormat(): string[][] { return this.get('numberFormat'); }
  set numberFormat(v: string[][]) {
    this.set('numberFormat', v, ({ sheet, rect }) => {
      if (!Array.isArray(v) && rect.r0 <= 0 && rect.r1 >= MAX_ROWS - 1) {
        for (let c = rect.c0; c <= rect.c1; c++) sheet.colFormats.set(c, String(v));
        return;
      }
      this.book.fill(rect, v, (r, c, f) => this.book.setFormat(sheet, r, c, String(f)));
    });
  }
  get address(): string { return this.get('address'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  set hyperlink(v: unknown) { this.set('hyperlink', v, ({ sheet, rect }) => { sheet.hyperlinks.set(rectAddress(rect), v); }, 7); }

  private derived(argBytes: number, fn: (w: Where) => Rect): RangeP {
    return new RangeP(this.ctx, this, argBytes, () => { const w = this.resolve(); return { sheet: w.sheet, rect: fn(w) }; });
  }
  getCell(r: number, c: number): RangeP { return this.derived(20, ({ rect }) => ({ r0: rect.r0 + r, c0: rect.c0 + c, r1: rect.r0 + r, c1: rect.c0 + c })); }
  getResizedRange(dr: number, dc: number): RangeP { return this.derived(20, ({ rect }) => ({ ...rect, r1: rect.r1 + dr, c1: rect.c1 + dc })); }
  getOffsetRange(dr: number, dc: number): RangeP { return this.derived(20, ({ rect }) => ({ r0: rect.r0 + dr, r1: rect.r1 + dr, c0: rect.c0 + dc, c1: rect.c1 + dc })); }
  getEntireColumn(): RangeP { return this.derived(10, ({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 })); }
  getRow(i: number): RangeP { return this.derived(10, ({ rect }) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })); }
  select(): void { this.cmd(0, () => undefined); }
  merge(across = false): void {
    this.cmd(5, ({ sheet, rect }) => {
      if (this.book.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, rect))) throw new ExcelError('MergedRangeConflict', 'Tables cannot hold merged cells.');
      if (across) for (let r = rect.r0; r <= rect.r1; r++) sheet.merges.push({ ...rect, r0: r, r1: r });
      else sheet.merges.push(rect);
    }, { writes: true, min: 2, what: 'merge' });
  }
  getMergedAreasOrNullObject(): { isNullObject: boolean; areas: { items: { address: string }[] }; load(p: string): void } {
    let areas: Rect[] | null = null;
    let sheetName = '';
    this.cmd(0, ({ sheet, rect }) => {
      sheetName = sheet.name;
      const hit = sheet.merges.filter((m) => intersects(m, rect));
      areas = hit.length ? hit : null;
    }, { min: 13, what: 'Range.getMergedAreasOrNullObject' });
    const self = this;
    return {
      get isNullObject() { return areas === null; },
      areas: { get items() { return (areas ?? []).map((a) => ({ address: `${quoteSheet(sheetName)}!${rectAddress(a)}` })); } },
      load(_p: string) { self.ctx.queue.at(-1)!.answer = () => LOAD_BYTES + json(areas); },
    };
  }

  readonly format = this.formatProxy('format');
  private formatProxy(path: string): never {
    const self = this;
    const style = (p: string, v: unknown) => self.set(p, v, ({ sheet, rect }) => {
      if (p === 'format.columnWidth') for (let c = rect.c0; c <= rect.c1; c++) sheet.colWidths.set(c, Number(v));
      else if (p === 'format.rowHeight') for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, Number(v));
      else sheet.styles.push({ rect, path: p, value: v });
    });
    const node = (base: string): unknown => new Proxy({}, {
      get(_t, k) {
        if (k === 'borders') return { getItem: (edge: string) => node(`${base}.borders.${edge}`) };
        return node(`${base}.${String(k)}`);
      },
      set(_t, k, v) { style(`${base}.${String(k)}`, v); return true; },
    });
    return node(path) as never;
  }

  readonly conditionalFormats = {
    add: (type: string) => {
      const rule: { cf: CfRule | null } = { cf: null };
      this.cmd(type.length, ({ sheet, rect }) => {
        if (!CF_TYPES.has(type)) throw new ExcelError('InvalidArgument', `Unknown conditional format type ${type}.`);
        rule.cf = { rects: [rect], type };
        // "Adds a new conditional format to the collection at the first/top priority."
        // (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1))
        sheet.cf.unshift(rule.cf);
      }, { writes: true, min: 6, what: 'conditionalFormats.add' });
      const setOn = (what: string, apply: (cf: CfRule, v: string) => void) => (v: string) => this.ctx.enqueue({
        bytes: COMMAND_BYTES + json(v), writes: true,
        run: () => { if (!rule.cf) throw new ExcelError('InvalidObjectPath', `conditional format not created (${what})`); apply(rule.cf, v); },
      });
      const setFormula = setOn('formula', (cf, v) => {
        // Excel stores formulas of at most 8,192 characters (Excel specifications and limits);
        // a conditional-format formula must be a formula (start with "=").
        if (!v.startsWith('=') || v.length > 8192) throw new ExcelError('InvalidArgument', `Invalid conditional format formula (${v.length} characters).`);
        cf.formula = v;
      });
      const fill = setOn('fill', (cf, v) => { cf.fill = v; });
      const font = setOn('font', (cf, v) => { cf.font = v; });
      return {
        custom: {
          rule: { set formula(v: string) { setFormula(v); } },
          format: { fill: { set color(v: string) { fill(v); } }, font: { set color(v: string) { font(v); } } },
        },
      };
    },
    clearAll: () => this.cmd(0, ({ sheet, rect }) => {
      // "Clears all conditional formats active on the current specified range."
      for (const cf of sheet.cf) cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
      sheet.cf = sheet.cf.filter((cf) => cf.rects.length > 0);
    }, { writes: true, min: 6, what: 'conditionalFormats.clearAll' }),
  };

  readonly dataValidation = (() => {
    const self = this;
    return {
      set rule(v: unknown) {
        self.set('dataValidation.rule', v, ({ sheet, rect }) => {
          const list = (v as { list?: { source?: unknown } }).list;
          const source = list?.source;
          // "The data validation list source … maximum 255 characters" for a typed list; the
          // Excel UI and the file format cap it, so the double refuses longer inline lists.
          if (typeof source === 'string' && !source.startsWith('=') && source.length > 255) {
            throw new ExcelError('InvalidArgument', `List source longer than 255 characters (${source.length}).`);
          }
          // Setting a rule over cells that already carry another one is refused: clear() first
          // ("Add data validation to Excel ranges": Range.dataValidation.clear()).
          if (sheet.dv.some((d) => d.rects.some((r) => intersects(r, rect)) && JSON.stringify(d.rule) !== JSON.stringify(v))) {
            throw new ExcelError('InvalidOperation', 'The range already has a different data validation rule; clear it first.');
          }
          sheet.dv.push({ rects: [rect], rule: v });
        }, 8);
      },
      clear() {
        self.cmd(0, ({ sheet, rect }) => {
          for (const d of sheet.dv) d.rects = d.rects.flatMap((r) => subtract(r, rect));
          sheet.dv = sheet.dv.filter((d) => d.rects.length > 0);
        }, { writes: true, min: 8, what: 'dataValidation.clear' });
      },
    };
  })();
}

export class NullRangeP extends Nullable<Where> {
  protected snapshot(names: string[]): Loaded {
    const w = this.resolve();
    if (!w) return {};
    const r = new RangeP(this.ctx, null, 0, () => w);
    return (r as unknown as { snapshot(n: string[]): Loaded }).snapshot(names);
  }
  get values(): unknown[][] { return this.get('values'); }
  get address(): string { return this.get('address'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  getCell(r: number, c: number): RangeP {
    return new RangeP(this.ctx, this, 20, () => {
      const w = this.resolve();
      if (!w) throw new ExcelError('ItemNotFound', 'The range is a null object.');
      return { sheet: w.sheet, rect: { r0: w.rect.r0 + r, c0: w.rect.c0 + c, r1: w.rect.r0 + r, c1: w.rect.c0 + c } };
    });
  }
  getMergedAreasOrNullObject(): ReturnType<RangeP['getMergedAreasOrNullObject']> {
    const r = new RangeP(this.ctx, this, 0, () => this.resolve() ?? { sheet: this.book.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
    return r.getMergedAreasOrNullObject();
  }
}

