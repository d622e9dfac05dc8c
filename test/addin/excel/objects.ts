/* eslint-disable @typescript-eslint/no-this-alias -- setters of nested plain objects call back into their proxy */
/**
 * The Excel JavaScript object model the Office.js port uses, as proxies over the double's
 * workbook (request.ts explains the queue and the payload accounting). Each API carries the
 * requirement set it belongs to (https://learn.microsoft.com/javascript/api/excel) and throws
 * ApiNotFound on a build without it.
 */
import {
  cellsOf, contains, ExcelError, intersects, MAX_ROWS, parseRange, rectAddress, quoteSheet, subtract, type Book, type Rect, type Sheet, type Table,
} from './book.js';
import { COMMAND_BYTES, json, LOAD_BYTES, loadList, propertyNotLoaded, requireApi, type Ctx, type Registration } from './request.js';

type Loaded = Record<string, unknown>;

abstract class ApiObject<T> {
  loaded: Loaded | null = null;
  private memo: T | undefined;
  constructor(readonly ctx: Ctx, readonly parent: ApiObject<unknown> | null, readonly argBytes: number, private readonly find: () => T) {}
  get context(): Ctx { return this.ctx; }
  protected get book(): Book { return this.ctx.session.book; }

  resolve(): T {
    if (this.memo === undefined) this.memo = this.find();
    else this.checkAlive(this.memo);
    return this.memo;
  }

  /** Objects deleted since they were resolved are gone for good. */
  protected checkAlive(_e: T): void {}

  protected cmd(extra: number, run: (e: T) => void, o: { writes?: boolean; min?: number; what?: string } = {}): void {
    if (!this.ctx.open) throw new ExcelError('InvalidObjectPath', 'The object is used outside its Excel.run batch.');
    const bytes = COMMAND_BYTES + extra + this.ctx.pathCost(this);
    this.ctx.enqueue({
      bytes, writes: o.writes ?? false,
      run: () => {
        if (o.min) requireApi(this.ctx.session, o.min, o.what ?? 'this API');
        run(this.resolve());
      },
    });
  }

  protected set(name: string, value: unknown, apply: (e: T, v: unknown) => void, min?: number): void {
    this.cmd(json(value) + name.length, (e) => apply(e, value), { writes: true, min, what: name });
  }

  protected get<V>(name: string): V {
    if (!this.loaded || !(name in this.loaded)) throw propertyNotLoaded(name);
    return this.loaded[name] as V;
  }

  /** The loadable properties of this object, read from the workbook now. */
  protected abstract snapshot(names: string[]): Loaded;

  load(props?: unknown): this {
    const names = loadList(props);
    if (!this.ctx.open) throw new ExcelError('InvalidObjectPath', 'The object is used outside its Excel.run batch.');
    let answer: Loaded = {};
    this.ctx.enqueue({
      bytes: COMMAND_BYTES + json(props) + this.ctx.pathCost(this),
      run: () => { answer = this.snapshot(names); this.loaded = { ...(this.loaded ?? {}), ...answer }; },
      answer: () => LOAD_BYTES + json(answer),
    });
    return this;
  }
}

/** `*OrNullObject`: resolves to null instead of failing, and knows it after the sync. */
abstract class Nullable<T> extends ApiObject<T | null> {
  protected isNull: boolean | undefined;
  constructor(ctx: Ctx, parent: ApiObject<unknown> | null, argBytes: number, find: () => T | null) {
    super(ctx, parent, argBytes, find);
    // The docs' own example reads isNullObject after a bare sync: the path travels anyway.
    ctx.enqueue({ bytes: ctx.pathCost(this), run: () => { this.isNull = this.resolve() === null; }, answer: () => 8 });
  }
  get isNullObject(): boolean {
    if (this.isNull === undefined) throw propertyNotLoaded('isNullObject');
    return this.isNull;
  }
}

// --- events ----------------------------------------------------------------------------------

export class EventHandlers {
  constructor(private readonly owner: ApiObject<unknown>, private readonly event: string, private readonly min: number,
    private readonly target: () => Registration['target']) {}
  add(fn: (args: unknown) => Promise<unknown>): { context: Ctx; remove(): void } {
    const ctx = this.owner.ctx;
    const reg: Registration = { ctx, target: { kind: 'workbook' }, event: this.event, fn, active: false };
    if (!ctx.open) throw new ExcelError('InvalidObjectPath', 'The object is used outside its Excel.run batch.');
    ctx.enqueue({
      bytes: COMMAND_BYTES + this.event.length + ctx.pathCost(this.owner),
      run: () => {
        requireApi(ctx.session, this.min, this.event);
        if (ctx.session.refuseEvents) throw new ExcelError('GeneralException', 'There was an internal error while processing the request.');
        // Bound to the object it was registered on: a table's id, a sheet's id, or the workbook.
        reg.target = this.target();
        reg.active = true;
        ctx.session.handlers.push(reg);
      },
    });
    return {
      context: ctx,
      remove() {
        // "The same RequestContext object that the handler was added in must be used when removing
        // the handler" (https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult):
        // the removal is queued on the registering context and only takes effect when THAT
        // context syncs (Excel.run(result.context, …)). Syncing another context removes nothing.
        ctx.queue.push({ bytes: COMMAND_BYTES, run: () => { reg.active = false; } });
      },
    };
  }
}

// --- workbook ----------------------------------------------------------------------------------

export class WorkbookP extends ApiObject<Book> {
  readonly worksheets: WorksheetsP;
  readonly tables: TablesP;
  readonly settings: SettingsP;
  constructor(ctx: Ctx) {
    super(ctx, null, 0, () => ctx.session.book);
    this.worksheets = new WorksheetsP(ctx, this);
    this.tables = new TablesP(ctx, this, null);
    this.settings = new SettingsP(ctx, this);
  }
  protected snapshot(): Loaded { return {}; }
}

export class WorksheetsP extends ApiObject<Book> {
  readonly onChanged = new EventHandlers(this, 'worksheets.onChanged', 9, () => ({ kind: 'workbook' }));
  readonly onAdded = new EventHandlers(this, 'worksheets.onAdded', 7, () => ({ kind: 'workbook' }));
  readonly onDeleted = new EventHandlers(this, 'worksheets.onDeleted', 7, () => ({ kind: 'workbook' }));
  private list: WorksheetP[] | null = null;
  constructor(ctx: Ctx, parent: ApiObject<unknown>) { super(ctx, parent, 10, () => ctx.session.book); }
  get items(): WorksheetP[] { if (!this.list) throw propertyNotLoaded('items'); return this.list; }
  protected snapshot(names: string[]): Loaded {
    const props = names.map((n) => n.replace(/^items\//, ''));
    this.list = this.book.sheets.map((s) => {
      const w = new WorksheetP(this.ctx, this, 20, () => s);
      w.loaded = w.pick(props);
      return w;
    });
    return { items: this.list.map((w) => w.loaded) };
  }
  getItem(key: string): WorksheetP {
    return new WorksheetP(this.ctx, this, json(key), () => {
      const s = this.book.sheet(key);
      if (!s) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet "${key}".`);
      return s;
    });
  }
  getItemOrNullObject(key: string): NullWorksheetP {
    return new NullWorksheetP(this.ctx, this, json(key), () => this.book.sheet(key) ?? null);
  }
  add(name?: string): WorksheetP {
    let created: Sheet | null = null;
    const w = new WorksheetP(this.ctx, this, json(name), () => {
      if (!created) throw new ExcelError('InvalidObjectPath', 'The worksheet was not created.');
      return created;
    });
    this.ctx.enqueue({
      bytes: COMMAND_BYTES + json(name) + this.ctx.pathCost(this), writes: true,
      run: () => {
        let n = name;
        for (let i = this.book.sheets.length + 1; !n; i++) if (!this.book.sheet(`Sheet${i}`)) n = `Sheet${i}`;
        created = this.book.addSheet(n);
        this.ctx.changes.push({ kind: 'sheetAdded', sheet: created });
      },
    });
    return w;
  }
  getActiveWorksheet(): WorksheetP {
    return new WorksheetP(this.ctx, this, 10, () => this.book.sheets[0]);
  }
}

export class WorksheetP extends ApiObject<Sheet> {
  readonly onChanged = new EventHandlers(this, 'sheet.onChanged', 7, () => ({ kind: 'sheet', id: this.resolve().id }));
  readonly tables: TablesP;
  readonly freezePanes = { freezeRows: (n: number) => this.set('freezeRows', n, (s) => { s.freezeRows = n; }, 7) };
  readonly pageLayout: { orientation: string };
  readonly shapes = {
    addImage: (base64: string) => {
      const shape = new ShapeP(this.ctx, this, json(base64.length));
      this.cmd(base64.length, (s) => {
        // Shapes (ExcelApi 1.9): "Creates an image from a base64-encoded string and adds it to the worksheet."
        if (!/^[A-Za-z0-9+/=]+$/.test(base64)) throw new ExcelError('InvalidArgument', 'addImage takes base64 without the data: prefix.');
        const p = { name: `Picture ${s.pictures.length + 1}`, bytes: Math.floor(base64.length * 0.75) };
        s.pictures.push(p);
        shape.target = p;
      }, { writes: true, min: 9, what: 'shapes.addImage' });
      return shape;
    },
  };
  constructor(ctx: Ctx, parent: ApiObject<unknown> | null, argBytes: number, find: () => Sheet) {
    super(ctx, parent, argBytes, find);
    this.tables = new TablesP(ctx, this, this);
    const self = this;
    this.pageLayout = { set orientation(v: string) { self.set('orientation', v, (s) => { s.orientation = v; }, 9); }, get orientation() { return ''; } };
  }
  protected override checkAlive(s: Sheet): void {
    if (!this.book.sheets.includes(s)) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet "${s.name}" was deleted.`);
  }
  pick(props: string[]): Loaded {
    const s = this.resolve();
    const all: Loaded = { name: s.name, id: s.id, visibility: s.visibility, position: this.book.sheets.indexOf(s) };
    const out: Loaded = {};
    for (const p of props.length ? props : Object.keys(all)) if (p in all) out[p] = all[p];
    return out;
  }
  protected snapshot(names: string[]): Loaded { return this.pick(names); }
  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, (s) => { this.book.checkSheetName(v, s); s.name = v; }); }
  get id(): string { return this.get('id'); }
  get visibility(): string { return this.get('visibility'); }
  set visibility(v: string) { this.set('visibility', v, (s) => { s.visibility = v as Sheet['visibility']; }); }
  activate(): void { this.cmd(0, () => undefined); }
  delete(): void {
    this.cmd(0, (s) => {
      const gone = this.book.deleteSheet(s);
      for (const t of gone) this.ctx.changes.push({ kind: 'tableDeleted', table: t });
      this.ctx.changes.push({ kind: 'sheetDeleted', sheet: s });
    }, { writes: true });
  }
  getRange(address?: string): RangeP {
    return new RangeP(this.ctx, this, json(address), () => ({ sheet: this.resolve(), rect: address ? parseRange(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 16383 } }));
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): RangeP {
    return new RangeP(this.ctx, this, 40, () => ({ sheet: this.resolve(), rect: { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 } }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): NullRangeP {
    return new NullRangeP(this.ctx, this, 10, () => {
      const s = this.resolve();
      const r = this.book.usedRect(s);
      return r ? { sheet: s, rect: r } : null;
    });
  }
}

class NullWorksheetP extends Nullable<Sheet> {
  protected snapshot(names: string[]): Loaded {
    const s = this.resolve();
    if (!s) return {};
    return Object.fromEntries(names.filter((n) => ['name', 'id'].includes(n)).map((n) => [n, (s as unknown as Loaded)[n]]));
  }
  get name(): string { return this.get('name'); }
  delete(): void {
    this.cmd(0, (s) => {
      if (!s) throw new ExcelError('ItemNotFound', 'The requested resource doesn\'t exist.');
      const gone = this.book.deleteSheet(s);
      for (const t of gone) this.ctx.changes.push({ kind: 'tableDeleted', table: t });
      this.ctx.changes.push({ kind: 'sheetDeleted', sheet: s });
    }, { writes: true });
  }
}

export class ShapeP {
  target: { name: string } | null = null;
  constructor(readonly ctx: Ctx, readonly parent: unknown, readonly argBytes: number) {}
  set name(v: string) { this.ctx.enqueue({ bytes: COMMAND_BYTES + v.length, writes: true, run: () => { if (this.target) this.target.name = v; } }); }
  set left(_v: number) { this.ctx.enqueue({ bytes: COMMAND_BYTES, run: () => undefined }); }
  set top(_v: number) { this.ctx.enqueue({ bytes: COMMAND_BYTES, run: () => undefined }); }
}

// --- tables ----------------------------------------------------------------------------------

export class TablesP extends ApiObject<Book> {
  readonly onAdded = new EventHandlers(this, 'tables.onAdded', 9, () => ({ kind: 'workbook' }));
  readonly onDeleted = new EventHandlers(this, 'tables.onDeleted', 9, () => ({ kind: 'workbook' }));
  readonly onChanged = new EventHandlers(this, 'tables.onChanged', 7, () => ({ kind: 'workbook' }));
  private list: TableP[] | null = null;
  constructor(ctx: Ctx, parent: ApiObject<unknown>, private readonly sheet: WorksheetP | null) { super(ctx, parent, 10, () => ctx.session.book); }
  get items(): TableP[] { if (!this.list) throw propertyNotLoaded('items'); return this.list; }
  protected snapshot(names: string[]): Loaded {
    const props = names.map((n) => n.replace(/^items\//, ''));
    const sheetId = this.sheet?.resolve().id;
    this.list = this.book.tables.filter((t) => !sheetId || t.sheetId === sheetId).map((t) => {
      const p = new TableP(this.ctx, this, 20, () => t);
      p.loaded = p.pick(props);
      return p;
    });
    return { items: this.list.map((t) => t.loaded) };
  }
  getItem(key: string): TableP {
    return new TableP(this.ctx, this, json(key), () => {
      const t = this.book.table(key);
      if (!t) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: table "${key}".`);
      return t;
    });
  }
  getItemOrNullObject(key: string): NullTableP {
    return new NullTableP(this.ctx, this, json(key), () => this.book.table(key) ?? null);
  }
  add(address: string, hasHeaders: boolean): TableP {
    let created: Table | null = null;
    const t = new TableP(this.ctx, this, json(address), () => {
      if (!created) throw new ExcelError('InvalidObjectPath', 'The table was not created.');
      return created;
    });
    this.cmd(json(address) + 5, () => {
      const bang = address.lastIndexOf('!');
      const s = this.sheet ? this.sheet.resolve() : this.book.sheet(address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"));
      if (!s) throw new ExcelError('ItemNotFound', 'The requested resource doesn\'t exist.');
      if (!hasHeaders) throw new ExcelError('InvalidArgument', 'The double only models tables with headers.');
      created = this.book.addTable(s, parseRange(address));
      this.ctx.changes.push({ kind: 'tableAdded', table: created });
    }, { writes: true });
    return t;
  }
}

export class TableP extends ApiObject<Table> {
  readonly onChanged = new EventHandlers(this, 'table.onChanged', 7, () => ({ kind: 'table', id: this.resolve().id }));
  readonly columns = new ColumnsP(this.ctx, this);
  readonly rows = {
    add: (index: number | null | undefined, values: unknown[][]) => this.cmd(json(values), (t) => {
      const s = this.book.sheetById(t.sheetId)!;
      if (index !== null && index !== undefined) throw new ExcelError('InvalidArgument', 'The double only appends table rows.');
      const r0 = t.rect.r1 + 1;
      t.rect = { ...t.rect, r1: t.rect.r1 + values.length };
      this.book.fill({ r0, r1: t.rect.r1, c0: t.rect.c0, c1: t.rect.c1 }, values, (r, c, v) => this.book.put(s, r, c, v));
      this.ctx.changes.push({ kind: 'cells', sheet: s, rect: { r0, r1: t.rect.r1, c0: t.rect.c0, c1: t.rect.c1 }, changeType: 'RowInserted' });
    }, { writes: true }),
  };
  protected override checkAlive(t: Table): void {
    if (!this.book.tables.includes(t)) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: table "${t.name}" was deleted.`);
  }
  pick(props: string[]): Loaded {
    const t = this.resolve();
    const all: Loaded = { name: t.name, id: t.id, style: t.style ?? 'TableStyleMedium2' };
    const out: Loaded = {};
    for (const p of props.length ? props : Object.keys(all)) if (p in all) out[p] = all[p];
    return out;
  }
  protected snapshot(names: string[]): Loaded { return this.pick(names); }
  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, (t) => { this.book.checkTableName(v, t); t.name = v; }); }
  get id(): string { return this.get('id'); }
  set style(v: string) { this.set('style', v, (t) => { t.style = v; }); }
  get worksheet(): WorksheetP { return new WorksheetP(this.ctx, this, 10, () => this.book.sheetById(this.resolve().sheetId)!); }
  getRange(): RangeP { return new RangeP(this.ctx, this, 10, () => this.area('all')); }
  getHeaderRowRange(): RangeP { return new RangeP(this.ctx, this, 10, () => this.area('header')); }
  getDataBodyRange(): RangeP { return new RangeP(this.ctx, this, 10, () => this.area('body')); }
  area(which: 'all' | 'header' | 'body'): { sheet: Sheet; rect: Rect } {
    const t = this.resolve();
    const sheet = this.book.sheetById(t.sheetId)!;
    if (which === 'header') return { sheet, rect: { ...t.rect, r1: t.rect.r0 } };
    if (which === 'body') return { sheet, rect: { ...t.rect, r0: t.rect.r0 + 1 } };
    return { sheet, rect: t.rect };
  }
  delete(): void {
    this.cmd(0, (t) => { this.book.tables = this.book.tables.filter((x) => x !== t); this.ctx.changes.push({ kind: 'tableDeleted', table: t }); }, { writes: true });
  }
}

class NullTableP extends Nullable<Table> {
  protected snapshot(names: string[]): Loaded {
    const t = this.resolve();
    return t ? Object.fromEntries(names.filter((n) => n === 'name' || n === 'id').map((n) => [n, (t as unknown as Loaded)[n]])) : {};
  }
  get name(): string { return this.get('name'); }
}

class ColumnsP extends ApiObject<Table> {
  constructor(ctx: Ctx, private readonly table: TableP) { super(ctx, table, 10, () => table.resolve()); }
  protected snapshot(names: string[]): Loaded {
    const header = this.book.header(this.resolve());
    return names.some((n) => n.includes('name')) ? { items: header.map((name) => ({ name })) } : { count: header.length };
  }
  getItemAt(i: number): { getDataBodyRange(): RangeP; getRange(): RangeP } {
    const col = (body: boolean) => new RangeP(this.ctx, this, 20, () => {
      const { sheet, rect } = this.table.area(body ? 'body' : 'all');
      if (rect.c0 + i > rect.c1) throw new ExcelError('ItemNotFound', 'The requested resource doesn\'t exist: table column.');
      return { sheet, rect: { ...rect, c0: rect.c0 + i, c1: rect.c0 + i } };
    });
    return { getDataBodyRange: () => col(true), getRange: () => col(false) };
  }
  add(index: number | undefined | null, values: unknown, name?: string): { getDataBodyRange(): RangeP } {
    let at = -1;
    this.cmd(json(values) + json(name), (t) => {
      if (index !== undefined && index !== null) throw new ExcelError('InvalidArgument', 'The double only appends table columns.');
      const s = this.book.sheetById(t.sheetId)!;
      at = t.rect.c1 + 1;
      if (this.book.tables.some((x) => x !== t && x.sheetId === s.id && intersects(x.rect, { ...t.rect, c0: at, c1: at }))) {
        throw new ExcelError('InsertDeleteConflict', 'The insert or delete operation attempted resulted in a conflict.');
      }
      t.rect = { ...t.rect, c1: at };
      this.book.put(s, t.rect.r0, at, `'${name ?? `Column${at - t.rect.c0 + 1}`}`);
    }, { writes: true });
    return {
      getDataBodyRange: () => new RangeP(this.ctx, this, 20, () => {
        const { sheet, rect } = this.table.area('body');
        return { sheet, rect: { ...rect, c0: at, c1: at } };
      }),
    };
  }
}

// --- settings ---------------------------------------------------------------------------------

class SettingsP extends ApiObject<Book> {
  constructor(ctx: Ctx, parent: ApiObject<unknown>) { super(ctx, parent, 10, () => ctx.session.book); }
  protected snapshot(): Loaded { return {}; }
  getItemOrNullObject(key: string): NullSettingP {
    return new NullSettingP(this.ctx, this, json(key), () => (this.book.settings.has(key) ? { key } : null));
  }
  add(key: string, value: unknown): void {
    // Settings (ExcelApi 1.4) are stored per add-in Id
    // (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings):
    // the double keeps one store, as one add-in sees it.
    this.cmd(json(key) + json(value), () => { this.book.settings.set(key, value); }, { writes: true, min: 4, what: 'settings.add' });
  }
}

class NullSettingP extends Nullable<{ key: string }> {
  protected snapshot(names: string[]): Loaded {
    const s = this.resolve();
    return s && names.includes('value') ? { value: this.book.settings.get(s.key) } : {};
  }
  get value(): unknown { return this.get('value'); }
}

// --- ranges -------------------------------------------------------------------------------------

interface Where { sheet: Sheet; rect: Rect }

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
      const rule: { cf: import('./book.js').CfRule | null } = { cf: null };
      this.cmd(type.length, ({ sheet, rect }) => {
        if (!CF_TYPES.has(type)) throw new ExcelError('InvalidArgument', `Unknown conditional format type ${type}.`);
        rule.cf = { rects: [rect], type };
        // "Adds a new conditional format to the collection at the first/top priority."
        // (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1))
        sheet.cf.unshift(rule.cf);
      }, { writes: true, min: 6, what: 'conditionalFormats.add' });
      const setOn = (what: string, apply: (cf: import('./book.js').CfRule, v: string) => void) => (v: string) => this.ctx.enqueue({
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

class NullRangeP extends Nullable<Where> {
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

export { contains };
