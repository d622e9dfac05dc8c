/// <reference types="office-js" />
/**
 * The Office.js workbook port (the only Office.js code of the pane). Reads are one sync
 * (`tables.ts`); writes happen only on request, one `Excel.run` per user action; change
 * events are hints for the scheduler; the tree's identity lives in workbook.settings.
 */
import type { PokinConfig } from '../../core/config.js';
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot.js';
import {
  PortError, type ChangeHint, type DataTable, type PortCapabilities, type RawSheetValues, type SheetSpec, type StatusRows,
  type TreeIdentity, type WorkbookPort,
} from '../port.js';
import { checkRequirements, type HostFeatures, type Requirements } from './requirements.js';
import { DEFAULT_SYNC_TIMEOUT_MS, isStaleReference, portFailure, syncWithWatchdog, type PortContext, type SyncCounter } from './sync.js';
import { listCanonicalTables, readKnownTables, type KnownTable } from './tables.js';
import { createCanonicalTables } from './template.js';
import { writeDataTable } from './tablewrite.js';
import { queueAllStatus, writeSheet } from './writes.js';

export interface ExcelHost {
  run<T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficePortOptions {
  excel?: ExcelHost;
  requirements?: Requirements;
  syncTimeoutMs?: number;
  payloadBudget?: number;
}

const SETTINGS_KEY = 'pokin.identity';

export class OfficePort implements WorkbookPort {
  readonly kind = 'office' as const;
  readonly capabilities: PortCapabilities;
  readonly features: HostFeatures;
  /** Syncs and writes made, for tests and the bench. */
  readonly stats: SyncCounter & { reads: number; writes: number; writeSyncs: number } = { syncs: 0, reads: 0, writes: 0, writeSyncs: 0 };
  private known: KnownTable[] | null = null;
  private readonly excel: ExcelHost;
  private readonly timeout: number;

  constructor(private readonly opts: OfficePortOptions = {}) {
    const g = globalThis as unknown as { Excel?: ExcelHost; Office?: { context?: { requirements?: Requirements } } };
    const req = opts.requirements ?? g.Office?.context?.requirements;
    if (!req) throw new PortError('unsupported', 'Office tidak tersedia.', 'Office is not available.');
    this.features = checkRequirements(req);
    const excel = opts.excel ?? g.Excel;
    if (!excel) throw new PortError('unsupported', 'Excel tidak tersedia.', 'Excel is not available.');
    this.excel = excel;
    this.timeout = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.capabilities = { triggerSource: this.features.triggerSource, mergeUndo: this.features.mergeUndo, cellEditor: false, download: false };
  }

  private async run<T>(write: boolean, batch: (context: PortContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = write && this.features.mergeUndo ? { mergeUndoGroup: true, delayForCellEdit: true } : { delayForCellEdit: true };
    try {
      return await this.excel.run(options, (ctx) => batch({
        workbook: ctx.workbook,
        sync: async () => {
          if (write) this.stats.writeSyncs++;
          await syncWithWatchdog(ctx, this.timeout, this.stats);
        },
      }));
    } catch (e) {
      throw isStaleReference(e) ? e : portFailure(e);
    }
  }

  /** Re-reads the table list (start, Validasi button, tables added or removed). */
  async refreshTables(): Promise<KnownTable[]> {
    this.known = await this.run(false, (context) => listCanonicalTables(context));
    return this.known;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.stats.reads++;
    const known = this.known ?? (await this.refreshTables());
    try {
      return (await this.run(false, (context) => readKnownTables(context, known, this.opts.payloadBudget))).snapshot;
    } catch (e) {
      if (!isStaleReference(e)) throw portFailure(e);
      // A table was renamed or deleted since the list was read: list again, read again.
      const fresh = await this.refreshTables();
      return (await this.run(false, (context) => readKnownTables(context, fresh, this.opts.payloadBudget))).snapshot;
    }
  }

  async listSheets(): Promise<{ sheets: string[]; tables: string[] }> {
    const sheets = await this.run(false, async (context) => {
      const ws = context.workbook.worksheets;
      ws.load('items/name');
      await context.sync();
      return ws.items.map((s) => s.name);
    });
    const known = await this.refreshTables();
    return { sheets, tables: known.map((t) => t.name) };
  }

  async writeStatus(status: StatusRows): Promise<void> {
    const known = this.known ?? (await this.refreshTables());
    this.stats.writes++;
    await this.run(true, async (context) => {
      if (queueAllStatus(context, known, status) > 0) await context.sync();
    });
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
    this.stats.writes++;
    await this.run(true, async (context) => {
      // isNullObject is known after the sync without a load (docs: "*OrNullObject methods and properties").
      const old = context.workbook.worksheets.getItemOrNullObject(spec.name);
      await context.sync();
      if (!old.isNullObject) old.delete();
      const ws = context.workbook.worksheets.add(spec.name);
      await writeSheet(context, ws, spec, this.opts.payloadBudget);
      ws.activate();
      await context.sync();
    });
  }

  async renderTable(table: DataTable, onRows?: (written: number) => void): Promise<void> {
    this.stats.writes++;
    await this.run(true, (context) => writeDataTable(context, table, this.opts.payloadBudget, onRows));
  }

  async createTables(snapshot: WorkbookSnapshot, config: PokinConfig): Promise<void> {
    this.stats.writes++;
    await this.run(true, (context) => createCanonicalTables(context, snapshot, config));
    this.known = null;
  }

  async readRawSheet(name: string): Promise<RawSheetValues> {
    return this.run(false, async (context) => {
      const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      used.load('values,address');
      const merged = this.features.mergedAreas ? used.getMergedAreasOrNullObject() : null;
      merged?.load('areas/items/address');
      await context.sync();
      if (used.isNullObject) return { name, values: [], merges: [] };
      const origin = used.address.slice(used.address.lastIndexOf('!') + 1).split(':')[0];
      const merges = merged && !merged.isNullObject ? merged.areas.items.map((a) => a.address.slice(a.address.lastIndexOf('!') + 1)) : [];
      return { name, origin, values: (used.values as unknown[][]).map((r) => r.map((v) => (v === '' ? null : (v as CellValue)))), merges };
    });
  }

  async getIdentity(): Promise<TreeIdentity | null> {
    return this.run(false, async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load('value');
      await context.sync();
      if (item.isNullObject || typeof item.value !== 'string') return null;
      try { return JSON.parse(item.value) as TreeIdentity; } catch { return null; }
    });
  }

  async setIdentity(id: TreeIdentity): Promise<void> {
    await this.run(true, async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(id));
      await context.sync();
    });
  }

  /**
   * Change hints. With ExcelApi 1.14 the sheets' onChanged carries `triggerSource`, so our
   * own writes are recognised by Excel; below it, Table.onChanged plus the scheduler's flag.
   */
  onChange(listener: (hint: ChangeHint) => void): () => void {
    let handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
    let disposed = false;
    const source = (s: string | undefined, trigger?: string): ChangeHint['source'] =>
      trigger === 'ThisLocalAddin' ? 'own' : s === 'Remote' ? 'remote' : 'local';
    void (async () => {
      const known = this.known ?? (await this.refreshTables());
      handlers = await this.run(false, async (context) => {
        const out: OfficeExtension.EventHandlerResult<unknown>[] = [];
        if (this.features.triggerSource) {
          for (const sheet of new Set(known.map((t) => t.sheet))) {
            out.push(context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => listener({ source: source(e.source, e.triggerSource), where: sheet })));
          }
        } else {
          for (const t of known) {
            out.push(context.workbook.tables.getItem(t.name).onChanged.add(async (e) => listener({ source: source(e.source), where: t.name })));
          }
        }
        // Tables added or removed: the list must be read again.
        out.push(context.workbook.tables.onAdded.add(async () => { this.known = null; listener({ source: 'local' }); }));
        out.push(context.workbook.tables.onDeleted.add(async () => { this.known = null; listener({ source: 'local' }); }));
        await context.sync();
        return out;
      });
      if (disposed) await this.removeHandlers(handlers);
    })().catch(() => undefined);
    return () => {
      disposed = true;
      void this.removeHandlers(handlers);
    };
  }

  private async removeHandlers(handlers: OfficeExtension.EventHandlerResult<unknown>[]): Promise<void> {
    if (!handlers.length) return;
    await this.run(false, async (context) => {
      for (const h of handlers) h.remove();
      await context.sync();
    }).catch(() => undefined);
  }
}
