/**
 * An Excel double for the Office.js port's tests (never shipped): `Excel.run`, the object
 * model the port uses (objects.ts), the request machinery (request.ts), events, and what a
 * planner does in the grid (user.ts), each behaving as Microsoft's documentation and the
 * OfficeDev/office-js issue threads describe, under one of four build profiles (profiles.ts).
 *
 * Events, as documented in "Work with Events using the Excel JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events):
 * - a handler is bound to the object it was registered on: "When an object to which events are
 *   registered is deleted (e.g., a table with an onChanged event registered), the event handler
 *   no longer triggers"; a renamed sheet or table is the same object (its id), so it keeps firing;
 * - events fire for add-in writes too ("Office Add-in (JavaScript) code that changes the
 *   workbook"), after the sync; from ExcelApi 1.14 worksheet events carry
 *   `triggerSource: 'ThisLocalAddin'` for them;
 * - `details` is only there for a single-cell change ("If the changed event is triggered on
 *   multiple cells, this property cannot be retrieved", WorksheetChangedEventArgs.details);
 * - coauthors' edits arrive with `source: 'Remote'`.
 */
import { columnLetter } from '../../../core/a1.js';
import type { CellValue, WorkbookSnapshot } from '../../../core/snapshot.js';
import { Book, intersects, rectAddress, type Rect, type Sheet, type Table } from './book.js';
import { WorkbookP } from './objects.js';
import { PROFILES, requirementsOf, type ExcelProfile, type ProfileName } from './profiles.js';
import { Ctx, type Change, type Registration, type Session, type Stats } from './request.js';
import { UserActions } from './user.js';

export { ALL_PROFILES, PROFILES, type ExcelProfile, type ProfileName } from './profiles.js';
export type { Stats } from './request.js';

export interface ExcelDouble {
  profile: ExcelProfile;
  /** What the port receives as `Excel`. */
  excel: { run: (a: unknown, b?: unknown) => Promise<unknown> };
  /** What the port receives as `Office.context.requirements`. */
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  book: Book;
  stats: Stats;
  user: UserActions;
  /** Handlers still registered (and not removed through their context). */
  activeHandlers(): Registration[];
  /** Waits until pending event deliveries have run. */
  settle(): Promise<void>;
  /** Makes the next syncs take `ms` each (slow host). */
  latency(ms: number): void;
  /** Makes Excel refuse (or accept again) event registrations. */
  refuseEvents(on: boolean): void;
  /** A sheet's table data as a snapshot (what the workbook holds now). */
  snapshotOf(): WorkbookSnapshot;
  /** Bytes and syncs since `mark()`. */
  mark(): { syncs: number; request: number; response: number; largest: number; writes: number };
}

export interface DoubleOptions {
  /** Canonical tables to start from, each at A1 of its own sheet. */
  snapshot?: WorkbookSnapshot;
  /** Extra plain sheets (adoption sources): name → rows. */
  sheets?: Record<string, CellValue[][]>;
}

export function excelDouble(profile: ExcelProfile | ProfileName = 'microsoft-365', opts: DoubleOptions = {}): ExcelDouble {
  const p = typeof profile === 'string' ? PROFILES[profile] : profile;
  const book = new Book();
  const stats: Stats = { syncs: 0, runs: 0, requestBytes: 0, responseBytes: 0, log: [], undoRecords: 0 };
  const pending: Promise<unknown>[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const session: Session = {
    book, profile: p, stats, editing: false, editWaiters: [], handlers: [], delay: 0, refuseEvents: false,
    // Events arrive after the action that caused them, in order (a FIFO of deliveries).
    emit(changes, source, byAddin) {
      chain = chain.then(() => new Promise((r) => setTimeout(r, 0))).then(() => deliver(session, changes, source, byAddin));
      pending.push(chain);
    },
  };
  for (const t of opts.snapshot?.tables ?? []) seedTable(book, t);
  for (const [name, rows] of Object.entries(opts.sheets ?? {})) {
    const s = book.sheet(name) ?? book.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v !== '') book.put(s, r, c, typeof v === 'string' ? `'${v}` : v); }));
  }
  if (!book.sheets.length) book.addSheet('Sheet1');

  const run = async (a: unknown, b?: unknown): Promise<unknown> => {
    // Excel.run(batch) | Excel.run(options, batch) | Excel.run(context, batch)
    // (the last one is how the docs remove a handler: Excel.run(eventResult.context, …)).
    const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
    let ctx: Ctx;
    if (a instanceof Ctx) ctx = a;
    else {
      ctx = new Ctx(session);
      ctx.options = typeof a === 'function' ? {} : { ...(a as object) };
      ctx.workbook = new WorkbookP(ctx);
    }
    stats.runs++;
    ctx.open = true;
    ctx.runNo = stats.runs;
    ctx.writesInRun = 0;
    try {
      const out = await batch(ctx);
      // Excel.run syncs what is still queued when the batch returns.
      if (ctx.queue.length) await ctx.sync();
      return out;
    } finally {
      ctx.open = false;
    }
  };

  let markAt = 0;
  return {
    profile: p,
    excel: { run },
    requirements: requirementsOf(p),
    book,
    stats,
    user: new UserActions(session),
    activeHandlers: () => session.handlers.filter((h) => h.active),
    async settle() {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 0));
        await Promise.all(pending.splice(0));
      }
    },
    latency(ms) { session.delay = ms; },
    refuseEvents(on) { session.refuseEvents = on; },
    snapshotOf() {
      return {
        tables: book.tables.map((t) => {
          const s = book.sheetById(t.sheetId)!;
          const values = book.values(s, t.rect);
          return { sheet: s.name, name: t.name, address: `${columnLetter(t.rect.c0)}${t.rect.r0 + 1}`, header: values[0], rows: values.slice(1) };
        }),
      };
    },
    mark() {
      const log = stats.log.slice(markAt);
      markAt = stats.log.length;
      return {
        syncs: log.length,
        request: log.reduce((n, s) => n + s.request, 0),
        response: log.reduce((n, s) => n + s.response, 0),
        largest: Math.max(0, ...log.map((s) => Math.max(s.request, s.response))),
        writes: log.filter((s) => s.writes).length,
      };
    },
  };
}

function seedTable(book: Book, t: WorkbookSnapshot['tables'][number]): void {
  const s = book.sheet(t.sheet) ?? book.addSheet(t.sheet);
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  const header = Array.from({ length: width }, (_, i) => t.header[i] ?? `Kolom${i + 1}`);
  const rows = t.rows.length ? t.rows : [header.map(() => null)];
  [header, ...rows].forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      if (v !== null && v !== '') book.put(s, r, c, typeof v === 'string' ? `'${v}` : v);
      const f = r > 0 ? t.numberFormats?.[r - 1]?.[c] : null;
      if (f) book.setFormat(s, r, c, f);
    }
  });
  const table = book.addTable(s, { r0: 0, c0: 0, r1: rows.length, c1: width - 1 });
  book.checkTableName(t.name ?? t.sheet.replace(/\W/g, ''), table);
  table.name = t.name ?? t.sheet.replace(/\W/g, '');
}

async function deliver(session: Session, changes: Change[], source: 'Local' | 'Remote', byAddin: boolean): Promise<void> {
  const { book, profile } = session;
  const live = (h: Registration) => h.active;
  const calls: [Registration, unknown][] = [];
  const to = (event: string, target: (t: Registration['target']) => boolean, args: unknown) => {
    for (const h of session.handlers) if (live(h) && h.event === event && target(h.target)) calls.push([h, args]);
  };
  const wb = (t: Registration['target']) => t.kind === 'workbook';
  for (const c of changes) {
    if (c.kind === 'cells') {
      if (!book.sheets.includes(c.sheet)) continue;
      const single = c.rect.r0 === c.rect.r1 && c.rect.c0 === c.rect.c1;
      const base = {
        source, changeType: c.changeType ?? 'RangeEdited', address: rectAddress(c.rect), worksheetId: c.sheet.id,
        ...(single && c.details ? { details: c.details } : {}),
        ...(profile.excelApi >= 14 ? { triggerSource: byAddin ? 'ThisLocalAddin' : 'Unknown' } : {}),
      };
      to('sheet.onChanged', (t) => t.kind === 'sheet' && t.id === c.sheet.id, { type: 'WorksheetChanged', ...base });
      to('worksheets.onChanged', wb, { type: 'WorksheetChanged', ...base });
      for (const t of book.tables.filter((x) => x.sheetId === c.sheet.id && intersects(x.rect, c.rect))) {
        const inter: Rect = { r0: Math.max(t.rect.r0, c.rect.r0), r1: Math.min(t.rect.r1, c.rect.r1), c0: Math.max(t.rect.c0, c.rect.c0), c1: Math.min(t.rect.c1, c.rect.c1) };
        const targs = { type: 'TableChanged', tableId: t.id, source, changeType: base.changeType, address: rectAddress(inter), worksheetId: c.sheet.id, ...(base.details ? { details: base.details } : {}) };
        to('table.onChanged', (x) => x.kind === 'table' && x.id === t.id, targs);
        to('tables.onChanged', wb, targs);
      }
    } else if (c.kind === 'tableAdded') to('tables.onAdded', wb, { type: 'TableAdded', tableId: c.table.id, worksheetId: c.table.sheetId, source });
    else if (c.kind === 'tableDeleted') to('tables.onDeleted', wb, { type: 'TableDeleted', tableId: c.table.id, tableName: c.table.name, worksheetId: c.table.sheetId, source });
    else if (c.kind === 'sheetAdded') to('worksheets.onAdded', wb, { type: 'WorksheetAdded', worksheetId: c.sheet.id, source });
    else if (c.kind === 'sheetDeleted') to('worksheets.onDeleted', wb, { type: 'WorksheetDeleted', worksheetId: c.sheet.id, source });
  }
  for (const [h, args] of calls) {
    try { await h.fn(args); } catch { /* a throwing handler does not stop Excel */ }
  }
}

export type { Sheet, Table };
