/**
 * The proxy objects of the Excel double's object model: commands queued on the request
 * context, properties readable after load + sync, *OrNullObject, and event handlers bound to
 * the object they were registered on (objects.ts, range.ts use them).
 */
import { ExcelError, type Book } from './book.js';
import { COMMAND_BYTES, json, LOAD_BYTES, loadList, propertyNotLoaded, requireApi, type Ctx, type Registration } from './request.js';

export type Loaded = Record<string, unknown>;

export abstract class ApiObject<T> {
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
export abstract class Nullable<T> extends ApiObject<T | null> {
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

