/// <reference types="office-js" />
/**
 * The Office.js workbook port (the only Office.js code of the pane), held to Excel's documented
 * behaviour (test/addin/excel is the double the tests run it on):
 * - every user action is ONE `Excel.run` (one undo step where `mergeUndoGroup`, ExcelApi 1.20,
 *   exists; below it each sync is an undo record, so writes use as few syncs as the 5 MB
 *   budget allows);
 * - every sync stays within Excel on the web's 5 MB request/response limit (chunk.ts);
 * - batches wait while the planner edits a cell (`delayForCellEdit`), and the pane is told it
 *   is waiting instead of being told a write failed that still lands later (sync.ts);
 * - live reads patch the last snapshot from the events' addresses (cache.ts, tables.ts): one
 *   small sync per edit; a full read when the shape changed or an event may have been missed;
 * - events are registered on the workbook's collections and removed through their own
 *   context (events.ts); Pokin's own writes are told apart by where they land (Status columns,
 *   other sheets), not by timing, and by `triggerSource` from ExcelApi 1.14.
 */
import type { PokinConfig } from '../../core/config.js';
import { pengukuranTables, workbookTables } from '../../core/layout/pengukuran.js';
import type { PohonKinerja } from '../../core/model.js';
import { pengukuranTemplate } from '../../core/pengukuran/template.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import {
  PortError, type CellWrite, type ChangeHint, type DataTable, type LkeTableRequest, type PortCapabilities, type RawSheetValues, type ReadOptions,
  type SheetSpec, type StatusRows, type TambahOutcome, type TreeIdentity, type WorkbookPort, type WriteOp,
} from '../port.js';
import { SnapshotCache } from './cache.js';
import { PAYLOAD_BUDGET_BYTES, SyncBudget } from './chunk.js';
import { registerEvents, type ExcelHost, type Registered } from './events.js';
import { getIdentity, SETTINGS_KEY, setIdentity } from './identity.js';
import { readRawSheetInBlocks } from './raw.js';
import { checkRequirements, type HostFeatures, type Requirements } from './requirements.js';
import { DEFAULT_SLOW_MS, isStaleReference, portFailure, SlowSignal, syncWithWatchdog, type PortContext, type SyncCounter } from './sync.js';
import { canonicalKeyOf, listCanonicalTables, readKnownTables, readPatch, type KnownTable } from './tables.js';
import { addLkeTable, completeTables, placedFromKnown, writeCells } from './tambah.js';
import { createCanonicalTables, installFormats } from './template.js';
import { writeDataTable } from './tablewrite.js';
import { queueAllStatus, writeSheet } from './writes.js';

export type { ExcelHost } from './events.js';

export interface OfficePortOptions {
  excel?: ExcelHost;
  requirements?: Requirements;
  /** After this long without Excel's answer the pane shows that it waits (default 4 s). */
  slowMs?: number;
  payloadBudget?: number;
}

export interface OfficePortStats extends SyncCounter {
  reads: number;
  fullReads: number;
  patchReads: number;
  writes: number;
  writeSyncs: number;
}

export class OfficePort implements WorkbookPort {
  readonly kind = 'office' as const;
  readonly capabilities: PortCapabilities;
  readonly features: HostFeatures;
  /** Syncs and writes made, for tests and the bench. */
  readonly stats: OfficePortStats = { syncs: 0, reads: 0, fullReads: 0, patchReads: 0, writes: 0, writeSyncs: 0 };
  readonly slow = new SlowSignal();
  readonly cache = new SnapshotCache();
  private readonly excel: ExcelHost;
  private readonly slowMs: number;
  private readonly budget: number;
  /** Pokin's writes, one after the other; a second identical request joins the first. */
  private writing: Promise<unknown> = Promise.resolve();
  private pendingCreate: Promise<void> | null = null;
  /** Tables Pokin created: their onAdded events are its own (no re-read for them). */
  private readonly ownTables = new Set<string>();

  constructor(private readonly opts: OfficePortOptions = {}) {
    const g = globalThis as unknown as { Excel?: ExcelHost; Office?: { context?: { requirements?: Requirements } } };
    const req = opts.requirements ?? g.Office?.context?.requirements;
    if (!req) throw new PortError('unsupported', 'Office tidak tersedia.', 'Office is not available.');
    this.features = checkRequirements(req);
    const excel = opts.excel ?? g.Excel;
    if (!excel) throw new PortError('unsupported', 'Excel tidak tersedia.', 'Excel is not available.');
    this.excel = excel;
    this.slowMs = opts.slowMs ?? DEFAULT_SLOW_MS;
    this.budget = opts.payloadBudget ?? PAYLOAD_BUDGET_BYTES;
    this.capabilities = { triggerSource: this.features.triggerSource, mergeUndo: this.features.mergeUndo, cellEditor: false, download: false };
  }

  /** Tells `fn` when Excel keeps Pokin waiting (cell edit mode, a long recalculation) and when it answered. */
  onSlow(fn: (waiting: boolean) => void): () => void {
    return this.slow.on(fn);
  }

  private async run<T>(write: boolean, batch: (context: PortContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = write && this.features.mergeUndo ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true };
    try {
      return await this.excel.run(options, (ctx) => batch({
        workbook: ctx.workbook,
        budget: this.budget,
        sync: async () => {
          if (write) this.stats.writeSyncs++;
          await syncWithWatchdog(ctx, this.slowMs, this.stats, this.slow);
        },
      }));
    } catch (e) {
      throw isStaleReference(e) ? e : portFailure(e);
    }
  }

  /** One write at a time: Excel would interleave two runs' syncs, and undo would not follow. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writing.then(fn, fn);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writeRun<T>(batch: (context: PortContext) => Promise<T>): Promise<T> {
    this.stats.writes++;
    return this.serial(() => this.run(true, batch));
  }

  /** Re-reads the table list (start, Validasi button, tables added or removed). */
  async refreshTables(): Promise<KnownTable[]> {
    return this.run(false, (context) => listCanonicalTables(context));
  }

  async readSnapshot(opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
    this.stats.reads++;
    if (opts.full || this.cache.needsFullRead) return this.fullRead();
    try {
      return await this.patchRead();
    } catch (e) {
      if (!isStaleReference(e)) throw portFailure(e);
      // A table was renamed or deleted since the list was read: list again, read everything.
      return this.fullRead();
    }
  }

  private async fullRead(): Promise<WorkbookSnapshot> {
    this.stats.fullReads++;
    const { snapshot, known } = await this.run(false, async (context) => {
      const list = await listCanonicalTables(context);
      return { snapshot: (await readKnownTables(context, list)).snapshot, known: list };
    });
    this.cache.reset(snapshot, known);
    return snapshot;
  }

  /** One sync for the reported rows and the tables' shapes; whole tables only where the shape changed. */
  private async patchRead(): Promise<WorkbookSnapshot> {
    this.stats.patchReads++;
    const dirty = this.cache.take();
    const known = this.cache.known.map((k) => ({ ...k, sheet: k.sheetId }));
    return this.run(false, async (context) => {
      const patch = await readPatch(context, known, dirty);
      const changed = [...new Set([...this.cache.apply(patch), ...this.cache.staleTables()])];
      if (changed.length) {
        const again = this.cache.known.filter((k) => changed.includes(k.name)).map((k) => ({ ...k }));
        const fresh = await readKnownTables(context, again);
        this.cache.replace(fresh.snapshot.tables, again);
      }
      return this.cache.snapshot!;
    });
  }

  async listSheets(): Promise<{ sheets: string[]; tables: string[] }> {
    return this.run(false, async (context) => {
      const ws = context.workbook.worksheets;
      ws.load('items/name');
      await context.sync();
      const sheets = ws.items.map((s) => s.name);
      const known = await listCanonicalTables(context);
      return { sheets, tables: known.map((t) => t.name) };
    });
  }

  async writeStatus(status: StatusRows): Promise<void> {
    await this.writeRun((context) => this.queueStatus(context, status));
  }

  /** The Status columns in row blocks within the payload budget (issue 11 #3). */
  private async queueStatus(context: PortContext, status: StatusRows): Promise<void> {
    const known = await listCanonicalTables(context);
    const budget = new SyncBudget(context);
    if (await queueAllStatus(context, known, status, budget) > 0) await budget.sync();
  }

  /**
   * A push, ONE `Excel.run` (one undo step where `mergeUndoGroup` exists, issue 11 #10): the
   * Status columns, the request to the server awaited inside the run, then the identity it
   * answers. The batch function "returns a promise" that Excel.run waits for
   * (https://learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1)), so the run
   * stays open across the request; nothing is queued while it is under way.
   */
  async pushAction(status: StatusRows | null, send: () => Promise<TreeIdentity | null>): Promise<void> {
    await this.writeRun(async (context) => {
      if (status) await this.queueStatus(context, status);
      const id = await send();
      if (id) await this.recordIdentity(context, id);
    });
  }

  /**
   * The identity with the document versions kept (a tree push keeps the realisasi's base and the
   * other way round). Only the tree's base is mirrored in Info `Versi Server`.
   */
  private async recordIdentity(context: PortContext, id: TreeIdentity): Promise<void> {
    const before = await getIdentity(context);
    const docs = { ...before?.docs, ...id.docs };
    await setIdentity(context, { ...id, ...(Object.keys(docs).length ? { docs } : {}) }, !before || before.baseVersion !== id.baseVersion);
  }

  /** The pengukuran tables of a year (core/pengukuran/template.ts), added or completed in one action. */
  async tambahPengukuran(tahun: number, tree: PohonKinerja): Promise<TambahOutcome> {
    const r = await this.writeRun((context) => completeTables(context, pengukuranTables(), (find) => pengukuranTemplate(tree, tahun, find), tree.config));
    for (const id of r.ids) this.ownTables.add(id);
    this.cache.invalidate();
    const of = (key: string, f: 'rows' | 'added') => r.done.find((d) => d.key === key)?.[f] ?? 0;
    return {
      tahun,
      rows: { rencanaAksi: of('rencanaAksi', 'rows'), realisasi: of('realisasi', 'rows'), pembanding: of('pembanding', 'rows') },
      added: { rencanaAksi: of('rencanaAksi', 'added'), realisasi: of('realisasi', 'added'), pembanding: of('pembanding', 'added') },
    };
  }

  async addLke(req: LkeTableRequest): Promise<void> {
    const ids = await this.writeRun((context) => addLkeTable(context, req));
    for (const id of ids) this.ownTables.add(id);
    this.cache.invalidate();
  }

  /**
   * Cells written for the planner, in one action. Excel reports them as the add-in's own
   * (triggerSource from ExcelApi 1.14), so the port notes them itself: the next read patches
   * those rows instead of missing them.
   */
  async writeCells(writes: CellWrite[], identity?: TreeIdentity): Promise<void> {
    if (!writes.length && !identity) return;
    await this.writeRun(async (context) => {
      await writeCells(context, writes);
      if (identity) await this.recordIdentity(context, identity);
    });
    for (const w of writes) {
      const t = this.cache.known.find((k) => k.sheet.toLowerCase() === w.sheet.toLowerCase());
      if (!t || this.cache.note(t.sheetId, w.cell) === 'unknown') this.cache.invalidate();
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(false, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async renderSheet(spec: SheetSpec): Promise<void> {
    await this.writeRun((context) => this.queueOps(context, [{ kind: 'sheet', spec }]));
  }

  async renderTable(table: DataTable, onRows?: (written: number) => void): Promise<void> {
    await this.writeRun((context) => writeDataTable(context, table, onRows));
  }

  /** Generated sheets and data tables of one user action: one `Excel.run`, syncs within the budget. */
  async write(ops: WriteOp[], onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.writeRun((context) => this.queueOps(context, ops, onProgress));
  }

  private async queueOps(context: PortContext, ops: WriteOp[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const budget = new SyncBudget(context);
    for (const [i, op] of ops.entries()) {
      if (op.kind === 'table') await writeDataTable(context, op.table, undefined, budget);
      else {
        // isNullObject is known after the sync without a load (docs: "*OrNullObject methods and properties").
        const old = context.workbook.worksheets.getItemOrNullObject(op.spec.name);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each sheet of the action replaces an older one; the answer is needed before it is deleted
        await context.sync();
        budget.synced();
        if (!old.isNullObject) old.delete();
        const ws = context.workbook.worksheets.add(op.spec.name);
        await writeSheet(context, ws, op.spec, budget);
        if (i === ops.length - 1) ws.activate();
      }
      onProgress?.(i + 1, ops.length);
    }
    await budget.sync();
  }

  /**
   * Creates the canonical tables (template, adopt, pull) and records the identity in the same
   * run. A second request while one is still waiting for Excel joins it instead of running
   * again (a retry must not rename the fresh tables to "_asal", issue 11 #8).
   */
  async createTables(snapshot: WorkbookSnapshot, config: PokinConfig, identity?: TreeIdentity): Promise<void> {
    if (this.pendingCreate) return this.pendingCreate;
    const job = this.writeRun((context) => createCanonicalTables(context, snapshot, config, identity ? { key: SETTINGS_KEY, value: JSON.stringify(identity) } : undefined))
      .then((ids) => { for (const id of ids) this.ownTables.add(id); });
    this.pendingCreate = job.finally(() => { this.pendingCreate = null; this.cache.invalidate(); });
    return this.pendingCreate;
  }

  /** "Pasang ulang format": the formats and dropdowns again, after a paste replaced them. */
  async reapplyFormats(config: PokinConfig): Promise<void> {
    await this.writeRun(async (context) => {
      const known = await listCanonicalTables(context);
      // The tree's and the pengukuran tables' formats (the LKE's answer lists are per row block, set when it is added).
      const placed = placedFromKnown(known, workbookTables(config.years));
      await installFormats(context, new SyncBudget(context), placed, config, false);
      await context.sync();
    });
  }

  async readRawSheet(name: string): Promise<RawSheetValues> {
    return this.run(false, (context) => readRawSheetInBlocks(context, name, this.features.mergedAreas));
  }

  async getIdentity(): Promise<TreeIdentity | null> {
    return this.run(false, (context) => getIdentity(context));
  }

  async setIdentity(id: TreeIdentity): Promise<void> {
    await this.writeRun((context) => setIdentity(context, id));
  }

  /**
   * A picture on its own sheet: Excel for Mac's webview downloads nothing from `a.download`
   * (OfficeDev/office-js#2700, "by design"), so the pane puts the diagram into the workbook
   * (Shapes, ExcelApi 1.9) where the planner can copy or save it.
   */
  async insertImage(sheet: string, pngBase64: string, name: string): Promise<void> {
    // One addImage carries the whole picture: it must fit one request.
    if (pngBase64.length > this.budget) {
      throw new PortError('failed', 'Gambar pohon terlalu besar untuk dimasukkan ke buku kerja; perkecil tampilan lalu coba lagi.',
        'The tree picture is too large to put into the workbook; zoom out and try again.');
    }
    await this.writeRun(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (!old.isNullObject) old.delete();
      const ws = context.workbook.worksheets.add(sheet);
      const pic = ws.shapes.addImage(pngBase64);
      pic.name = name;
      pic.left = 10;
      pic.top = 10;
      ws.activate();
      await context.sync();
    });
  }

  /**
   * Change hints for live validation. A hint carries `full` when the copy cannot be patched
   * (tables added or removed, an unreadable address). `onError` hears a refused registration.
   */
  onChange(listener: (hint: ChangeHint) => void, onError?: (e: unknown) => void): () => void {
    let reg: Registered | null = null;
    let disposed = false;
    void registerEvents(this.excel, {
      changed: (e) => {
        if (e.triggerSource === 'ThisLocalAddin') return;
        const effect = this.cache.note(e.worksheetId, e.address);
        if (effect === 'ignore') return;
        listener({ source: e.source === 'Remote' ? 'remote' : 'local', ...(e.address ? { where: e.address } : {}), ...(effect === 'unknown' ? { full: true } : {}) });
      },
      structure: (e) => {
        // Only the canonical tables matter: generated sheets and consolidated tables come and go.
        const full = () => { this.cache.invalidate(); listener({ source: 'local', full: true }); };
        if (e.kind === 'tableDeleted') { if (canonicalKeyOf(e.tableName)) full(); return; }
        if (e.kind === 'sheetDeleted') { if (this.cache.known.some((t) => t.sheetId === e.worksheetId)) full(); return; }
        void (async () => {
          // Tables Pokin is creating or created: the read after the creation covers them
          // (their ids are known once the creation is done, whichever comes first).
          await this.pendingCreate?.catch(() => undefined);
          if (this.ownTables.has(e.tableId)) return;
          const name = await this.run(false, async (context) => {
            const t = context.workbook.tables.getItemOrNullObject(e.tableId);
            t.load('name');
            await context.sync();
            return t.isNullObject ? null : t.name;
          });
          if (name === null || canonicalKeyOf(name)) full();
        })().catch(full);
      },
    }).then(async (r) => {
      if (disposed) await r.remove();
      else reg = r;
    }).catch((e: unknown) => onError?.(portFailure(e)));
    return () => {
      disposed = true;
      void reg?.remove().catch(() => undefined);
    };
  }

  /** A table name is one of the canonical ones (Excel compares without case). */
  static isCanonical(name: string): boolean {
    return canonicalKeyOf(name) !== undefined;
  }
}
