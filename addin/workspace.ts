/**
 * The pane's host calls in one place: the workbook port, live validation, the API client,
 * the offline queue and the in-memory token. Components get a `Workspace` and call its
 * methods; they never touch Office.js, ExcelJS or fetch themselves.
 */
import type { PokinConfig } from '../core/config.js';
import type { Issue } from '../core/issues.js';
import { readWorkbook } from '../core/read/index.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { checkOpd, checkPemda, type StaleDetails, type VersionMeta } from '../core/wire/index.js';
import { ApiFailure, newSubmissionId, PokinApi, pushBody, type TreeRef } from '../client/api.js';
import { withInfoValue } from '../client/info.js';
import { INFO_VERSI_SERVER } from '../core/layout/tables.js';
import { PushQueue, type PendingPush } from './api/queue.js';
import { LiveValidation, paneFocus, type LiveHealth, type LiveResult } from './live/controller.js';
import type { SchedulerState } from './live/scheduler.js';
import type { WorkbookPort } from './port.js';

export type PullOutcome = { kind: 'pulled'; version: number } | { kind: 'failed'; message: { id: string; en: string } };

export type PushOutcome =
  | { kind: 'pushed'; version: number }
  | { kind: 'blocked'; errors: number }
  | { kind: 'conflict'; stale: StaleDetails; ref: TreeRef }
  | { kind: 'queued' }
  | { kind: 'failed'; message: { id: string; en: string } };

export interface WorkspaceState {
  live: LiveResult | null;
  liveState: SchedulerState;
  error: unknown;
  token: string | null;
  pending: PendingPush[];
  lastVersion: number | null;
  baseVersion: number;
  /** Live validation hears the workbook (or why not), and when it last read everything. */
  liveHealth: LiveHealth;
  /** Excel has kept Pokin waiting (a cell is being edited, a long recalculation). */
  waitingForExcel: boolean;
}

export class Workspace {
  readonly live: LiveValidation;
  readonly api: PokinApi;
  readonly queue: PushQueue;
  private token: string | null = null;
  private listeners = new Set<() => void>();
  state: WorkspaceState;

  constructor(readonly port: WorkbookPort, apiBase = '') {
    // Re-validate when the pane comes back into focus: events may have been missed meanwhile.
    this.live = new LiveValidation(port, { focus: paneFocus() });
    this.api = new PokinApi({ base: apiBase, token: () => this.token });
    this.queue = new PushQueue({ send: (ref, body) => this.api.push(ref, body), baseDelayMs: 1000, maxDelayMs: 15_000 });
    this.state = {
      live: null, liveState: 'idle', error: null, token: null, pending: [], lastVersion: null, baseVersion: 0,
      liveHealth: this.live.health, waitingForExcel: false,
    };
    this.live.onResult((r) => this.set({ live: r, error: null }));
    this.live.onHealth((h) => this.set({ liveHealth: h }));
    (port as { onSlow?: (fn: (w: boolean) => void) => () => void }).onSlow?.((w) => this.set({ waitingForExcel: w }));
    this.live.onState((s, error) => this.set({ liveState: s, ...(error ? { error } : {}) }));
    this.queue.on((e) => {
      if (e.kind === 'landed') {
        void this.port.getIdentity().then((id) => this.port.setIdentity({ ...(id ?? { ...e.item.ref, baseVersion: 0 }), ...e.item.ref, baseVersion: e.answer.version }));
        this.set({ pending: this.queue.pending, lastVersion: e.answer.version, baseVersion: e.answer.version });
      } else this.set({ pending: this.queue.pending });
    });
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): WorkspaceState => this.state;

  private set(patch: Partial<WorkspaceState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  async start(): Promise<void> {
    this.live.start();
    const id = await this.port.getIdentity().catch(() => null);
    if (id) this.set({ baseVersion: id.baseVersion });
    await this.validate().catch(() => undefined);
  }

  stop(): void {
    this.live.stop();
    this.queue.dispose();
  }

  async validate(final = false): Promise<LiveResult> {
    try {
      return await this.live.validateNow(final);
    } catch (e) {
      this.set({ error: e });
      throw e;
    }
  }

  async selectIssue(i: Issue): Promise<void> {
    await this.port.selectCell(i.sheet, i.cell);
  }

  async writeStatus(): Promise<void> {
    await this.live.validateNow();
    await this.live.writeStatus();
  }

  setToken(token: string | null): void {
    this.token = token;
    this.set({ token });
  }

  /** Where this workbook pushes to, from its Info table. */
  treeRef(snapshot: WorkbookSnapshot): TreeRef | { id: string; en: string } {
    const c = readWorkbook(snapshot).tree.config;
    const opd = c.kodeOpd.trim().toUpperCase() === 'PEMDA' ? 'PEMDA' : c.kodeOpd.trim();
    if (!checkPemda(c.kodePemda.trim()).ok) return { id: `Info "Kode Pemda" tidak valid: "${c.kodePemda}".`, en: `Info "Kode Pemda" is invalid: "${c.kodePemda}".` };
    if (!checkOpd(opd).ok) return { id: `Info "Kode OPD" tidak valid: "${opd}".`, en: `Info "Kode OPD" is invalid: "${opd}".` };
    if (c.tahunAwal === null || c.tahunAkhir === null) return { id: 'Tahun Awal/Tahun Akhir belum diisi.', en: 'Tahun Awal/Tahun Akhir are missing.' };
    return { pemda: c.kodePemda.trim(), periode: `${c.tahunAwal}-${c.tahunAkhir}`, opd };
  }

  /** Full pass (Final rules too) → Status written → PUT with baseVersion and a new submissionId. */
  async push(onProgress: (step: 'validate' | 'status' | 'send') => void, baseOverride?: number): Promise<PushOutcome> {
    onProgress('validate');
    const r = await this.validate(true);
    if (r.result.summary.errors > 0) return { kind: 'blocked', errors: r.result.summary.errors };
    onProgress('status');
    await this.live.writeStatus();
    const ref = this.treeRef(r.snapshot);
    if (!('pemda' in ref)) return { kind: 'failed', message: ref };
    const base = baseOverride ?? this.state.baseVersion;
    const body = pushBody(r.snapshot, base, newSubmissionId());
    onProgress('send');
    try {
      const { answer } = await this.api.push(ref, body);
      await this.port.setIdentity({ ...ref, baseVersion: answer.version });
      this.set({ lastVersion: answer.version, baseVersion: answer.version });
      return { kind: 'pushed', version: answer.version };
    } catch (e) {
      if (e instanceof ApiFailure && e.stale) return { kind: 'conflict', stale: e.stale, ref };
      if (e instanceof ApiFailure && e.retryable) {
        this.queue.enqueue(ref, body, e.code);
        this.set({ pending: this.queue.pending });
        return { kind: 'queued' };
      }
      const f = e instanceof ApiFailure ? e : null;
      return { kind: 'failed', message: f ? { id: f.text('id'), en: f.text('en') } : { id: String(e), en: String(e) } };
    }
  }

  /**
   * Pulls a version from the server into the workbook (after a 409, or to start from the
   * server's tree): its canonical tables replace the current ones (Excel keeps the old sheets,
   * renamed "(asal)"), and the workbook's base becomes that version.
   */
  async pull(version?: number): Promise<PullOutcome> {
    const r = this.state.live ? this.treeRef(this.state.live.snapshot) : null;
    if (!r) return { kind: 'failed', message: { id: 'Buka atau buat lembar Pokin dulu.', en: 'Open or create the Pokin sheets first.' } };
    if (!('pemda' in r)) return { kind: 'failed', message: r };
    try {
      const answer = await this.api.pull(r, version);
      // Info `Versi Server` travels with the tables (as `pokin pull` writes it): the base version
      // survives a workbook opened by another deployment's Pokin (settings are per add-in Id).
      const tree = withInfoValue(answer.tree, INFO_VERSI_SERVER, answer.meta.version);
      const config = readWorkbook(tree).tree.config;
      // One user action, one Excel.run: the tables and the identity together.
      await this.live.ownWrite(() => this.port.createTables(tree, config, { ...r, baseVersion: answer.meta.version }));
      this.set({ baseVersion: answer.meta.version });
      this.live.rebind();
      await this.validate();
      return { kind: 'pulled', version: answer.meta.version };
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      return { kind: 'failed', message: f ? { id: f.text('id'), en: f.text('en') } : { id: String(e), en: String(e) } };
    }
  }

  async history(): Promise<VersionMeta[]> {
    const r = this.state.live ? this.treeRef(this.state.live.snapshot) : null;
    if (!r || !('pemda' in r)) return [];
    try {
      return (await this.api.versions(r)).versions;
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 404) return [];
      throw e;
    }
  }

  async createTemplate(snapshot: WorkbookSnapshot, config: PokinConfig): Promise<void> {
    await this.live.ownWrite(() => this.port.createTables(snapshot, config));
    // The tables are new: register the change events again, then read everything.
    this.live.rebind();
    await this.validate();
  }

  /** "Pasang ulang format": Pokin's conditional formats and dropdowns again (a paste replaced them). */
  async reapplyFormats(): Promise<void> {
    if (!this.port.reapplyFormats) return;
    const r = this.state.live ?? (await this.validate());
    await this.live.ownWrite(() => this.port.reapplyFormats!(r.result.tree.config));
  }
}
