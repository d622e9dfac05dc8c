/* eslint-disable @typescript-eslint/no-this-alias -- setters of nested plain objects call back into their proxy */
/**
 * The Excel JavaScript object model the Office.js port uses, as proxies over the double's
 * workbook (request.ts explains the queue and the payload accounting). Each API carries the
 * requirement set it belongs to (https://learn.microsoft.com/javascript/api/excel) and throws
 * ApiNotFound on a build without it.
 */
import { ExcelError, intersects, MAX_ROWS, parseRange, type Book, type Rect, type Sheet, type Table } from './book.js';
import { ApiObject, EventHandlers, Nullable, type Loaded } from './proxy.js';
import { NullRangeP, RangeP } from './range.js';
import { COMMAND_BYTES, json, propertyNotLoaded, type Ctx } from './request.js';

export { EventHandlers } from './proxy.js';
export { RangeP } from './range.js';

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
  readonly pageLayout: {
    orientation: string; paperSize: string; zoom: unknown; setPrintTitleRows(rows: string): void;
    headersFooters: { defaultForAllPages: { centerHeader: string; centerFooter: string } };
  };
  /** "Gets the horizontal page break collection for the worksheet"; `add` puts a break "before the top-left cell of the range" (ExcelApi 1.9). */
  readonly horizontalPageBreaks: { add(range: string): void };
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
    // PageLayout (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout):
    // paperSize is one of Excel.PaperType's names; `zoom` "must be set as a JSON object (use
    // x.zoom = {...} instead of x.zoom.scale = ...)"; scale is 10–400.
    const PAPERS = new Set(['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5', 'Folio', 'Tabloid', 'Executive']);
    const hfSet = (part: 'centerHeader' | 'centerFooter', v: string) => self.set(`headersFooters.${part}`, v, (s) => { s.print[part] = v; }, 9);
    this.pageLayout = {
      set orientation(v: string) { self.set('orientation', v, (s) => { s.orientation = v; }, 9); }, get orientation() { return ''; },
      set paperSize(v: string) {
        self.set('paperSize', v, (s) => { if (!PAPERS.has(v)) throw new ExcelError('InvalidArgument', `Unknown paper size ${v}.`); s.print.paperSize = v; }, 9);
      },
      get paperSize() { return ''; },
      set zoom(v: unknown) {
        self.set('zoom', v, (s) => {
          const z = v as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
          if (typeof z !== 'object' || z === null) throw new ExcelError('InvalidArgument', 'zoom must be set as an object.');
          if (z.scale !== undefined && (z.scale < 10 || z.scale > 400)) throw new ExcelError('InvalidArgument', 'scale must be 10–400.');
          s.print.zoom = { ...z };
        }, 9);
      },
      get zoom() { return {}; },
      setPrintTitleRows(rows: string) {
        self.cmd(json(rows), (s) => { parseRange(rows); s.print.titleRows = rows; }, { writes: true, min: 9, what: 'setPrintTitleRows' });
      },
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) { hfSet('centerHeader', v); }, get centerHeader() { return ''; },
          set centerFooter(v: string) { hfSet('centerFooter', v); }, get centerFooter() { return ''; },
        },
      },
    };
    this.horizontalPageBreaks = {
      add(range: string) { self.cmd(json(range), (s) => { s.print.breaks.push(parseRange(range).r0); }, { writes: true, min: 9, what: 'horizontalPageBreaks.add' }); },
    };
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

