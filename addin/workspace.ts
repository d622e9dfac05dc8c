/**
 * The pane's host calls in one place: the workbook port, live validation, the API client,
 * the offline queue and the token. Components get a `Workspace` and call its methods; they
 * never touch Office.js, ExcelJS or fetch themselves. The journeys live here: adopt (core/
 * adoption: questions, then the report, then the write), push (validation with the same
 * reference data as the CLI and the server), pull (the local tables kept), the queue and the
 * sign-in (both kept across a reload).
 */
import type { AdoptionHints, ReportView } from '../core/adoption/index.js';
import { adoptDraft, draftFromPort, identityHints, type AdoptionDraftResult, type AdoptionSource } from './adoption.js';
import type { PokinConfig } from '../core/config.js';
import type { Issue } from '../core/issues.js';
import { readWorkbook } from '../core/read/index.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { checkOpd, checkPemda, type StaleDetails, type VersionMeta } from '../core/wire/index.js';
import { ApiFailure, newSubmissionId, PokinApi, pushBody, type TreeRef } from '../client/api.js';
import { withInfoValue } from '../client/info.js';
import { canonicalTables, headerKey, INFO_VERSI_SERVER } from '../core/layout/tables.js';
import { memoryStore, type KeyValueStore } from './api/persist.js';
import { PushQueue, type PendingPush } from './api/queue.js';
import { keepToken, restoreToken } from './api/session.js';
import { LiveValidation, paneFocus, type LiveHealth, type LiveResult } from './live/controller.js';
import type { SchedulerState } from './live/scheduler.js';
import type { TambahOutcome, WorkbookPort } from './port.js';
import type { DocHost, DocPushOutcome } from './docs.js';
import { jawab, pullLkeNotes, pushLke, tambahLke, type PullNotesOutcome } from './evaluasi.js';
import { pushRealisasi, tambahPengukuran } from './pengukuran.js';
import { statusRows } from './live/status.js';
import { ReferenceLoader, type ReferenceState } from './reference.js';
import type { ReferenceData } from '../core/reference.js';
import type { EvaluasiLke } from '../core/lke/index.js';

type Text = { id: string; en: string };

export type PullOutcome =
  | { kind: 'pulled'; version: number; kept: string[] }
  | { kind: 'failed'; message: Text; error?: unknown };

export type PushOutcome =
  | { kind: 'pushed'; version: number }
  | { kind: 'blocked'; errors: number }
  | { kind: 'conflict'; stale: StaleDetails; ref: TreeRef }
  | { kind: 'queued' }
  | { kind: 'failed'; message: Text; error?: unknown };

/** Something the pane must tell the user without being asked (session ended, a queued push failed). */
export type Notice =
  | { kind: 'session-expired' }
  | { kind: 'queue-landed'; version: number }
  | { kind: 'queue-failed'; error: unknown };

export type { ReferenceState } from './reference.js';

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
  /** The Kepmendagri list for the workbook's version: the counts are final once 'ready'. */
  reference: ReferenceState;
  notice: Notice | null;
  /** A queued push met a newer version on retry: the same dialog as a direct push's 409. */
  queueConflict: { stale: StaleDetails; ref: TreeRef } | null;
  /** Preview: edits not yet downloaded. */
  dirty: boolean;
}

export interface WorkspaceOptions {
  /** Keeps the queue across a reload (IndexedDB in the pane); memory by default. */
  store?: KeyValueStore;
  /** Restore and keep the sign-in in localStorage (the pane; not the tests). */
  keepSession?: boolean;
  /** Loads the Kepmendagri list (core/reference.ts by default: a lazy chunk). */
  loadReference?: (versi: string) => Promise<ReferenceData['nomenklatur']>;
}

export type { AdoptionDraftResult, AdoptionDraftView } from './adoption.js';

/** The tree document: the tree tables only (no pengukuran, no LKE tables: each is a document of its own). */
export function treeTables(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const tree = new Set(canonicalTables([]).map((s) => headerKey(s.table)));
  return { tables: snapshot.tables.filter((t) => t.name !== undefined && tree.has(headerKey(t.name))) };
}

export class Workspace implements DocHost {
  readonly live: LiveValidation;
  readonly api: PokinApi;
  readonly queue: PushQueue;
  private token: string | null = null;
  private listeners = new Set<() => void>();
  private readonly reference: ReferenceLoader;
  private draftSource: AdoptionSource | null = null;
  state: WorkspaceState;

  constructor(readonly port: WorkbookPort, apiBase = '', private readonly opts: WorkspaceOptions = {}) {
    // Re-validate when the pane comes back into focus: events may have been missed meanwhile.
    this.live = new LiveValidation(port, {
      focus: paneFocus(), nomenklatur: () => this.reference.data.nomenklatur, pemdaSasaranIds: () => this.reference.data.pemdaSasaranIds,
    });
    this.api = new PokinApi({ base: apiBase, token: () => this.token });
    this.reference = new ReferenceLoader({
      api: this.api, token: () => this.token, treeRef: (snapshot) => this.treeRef(snapshot),
      revalidate: () => this.validate(), setState: (reference) => this.set({ reference }),
      expireSession: () => this.expireSession(), ...(opts.loadReference ? { loadList: opts.loadReference } : {}),
    });
    this.queue = new PushQueue({
      send: (ref, body) => this.api.push(ref, body), baseDelayMs: 1000, maxDelayMs: 15_000, store: opts.store ?? memoryStore(),
    });
    this.state = {
      live: null, liveState: 'idle', error: null, token: null, pending: [], lastVersion: null, baseVersion: 0,
      liveHealth: this.live.health, waitingForExcel: false,
      reference: 'idle', notice: null, queueConflict: null, dirty: false,
    };
    this.live.onResult((r) => { this.set({ live: r, error: null }); void this.reference.ensure(r); });
    this.live.onHealth((h) => this.set({ liveHealth: h }));
    (port as { onSlow?: (fn: (w: boolean) => void) => () => void }).onSlow?.((w) => this.set({ waitingForExcel: w }));
    this.live.onState((s, error) => this.set({ liveState: s, ...(error ? { error } : {}) }));
    this.queue.on((e) => {
      if (e.kind === 'landed') {
        void this.port.getIdentity().then((id) => this.port.setIdentity({ ...(id ?? { ...e.item.ref, baseVersion: 0 }), ...e.item.ref, baseVersion: e.answer.version }));
        this.set({ pending: this.queue.pending, lastVersion: e.answer.version, baseVersion: e.answer.version, notice: { kind: 'queue-landed', version: e.answer.version } });
      } else if (e.kind === 'failed') {
        // A pending push that fails for good never vanishes silently (issue: "the planner
        // believes it was sent"): a 409 opens the conflict dialog, anything else a notice.
        if (e.error.status === 401) this.expireSession();
        if (e.error.stale) this.set({ pending: this.queue.pending, queueConflict: { stale: e.error.stale, ref: e.item.ref } });
        else this.set({ pending: this.queue.pending, notice: { kind: 'queue-failed', error: e.error } });
      } else this.set({ pending: this.queue.pending });
    });
    // Preview only: edits not downloaded yet (inside Excel the workbook is Excel's to save, and
    // subscribing would register one more set of Excel event handlers).
    if (port.kind === 'preview') port.onChange((h) => { if (h.source === 'local' && !this.state.dirty) this.set({ dirty: true }); });
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
    if (this.opts.keepSession && !this.token) {
      const t = restoreToken();
      if (t) this.setToken(t);
    }
    void this.queue.restore().then((items) => { if (items.length) this.set({ pending: this.queue.pending }); });
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

  /** Waits for the reference data of the current workbook (before a push: the same checks as the server). */
  async referenceReady(): Promise<void> {
    const r = this.state.live ?? (await this.validate());
    await this.reference.ensure(r);
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
    if (this.opts.keepSession) keepToken(token);
    this.set({ token, ...(token ? { notice: this.state.notice?.kind === 'session-expired' ? null : this.state.notice } : {}) });
    this.reference.tokenChanged(this.state.live?.snapshot ?? null);
  }

  /** The server refused the token (expired, revoked): sign out and say so, instead of "Masuk sebagai …". */
  expireSession(): void {
    this.setToken(null);
    this.set({ notice: { kind: 'session-expired' } });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  dismissQueueConflict(): void {
    this.set({ queueConflict: null });
  }

  /** A failed call as the pane words it (a refused token signs the pane out). */
  failed(e: unknown): { kind: 'failed'; message: Text; error: unknown } {
    if (e instanceof ApiFailure && e.status === 401) this.expireSession();
    const f = e instanceof ApiFailure ? e : null;
    return { kind: 'failed', message: f ? { id: f.text('id'), en: f.text('en') } : { id: String(e), en: String(e) }, error: e };
  }

  /** Where this workbook pushes to, from its Info table. */
  treeRef(snapshot: WorkbookSnapshot): TreeRef | Text {
    const c = readWorkbook(snapshot).tree.config;
    const opd = c.kodeOpd.trim().toUpperCase() === 'PEMDA' ? 'PEMDA' : c.kodeOpd.trim();
    if (!checkPemda(c.kodePemda.trim()).ok) return { id: `Info "Kode Pemda" belum benar: "${c.kodePemda}" (contoh: 35.19). Perbaiki di lembar Info.`, en: `Info "Kode Pemda" is not right: "${c.kodePemda}" (e.g. 35.19). Fix it on the Info sheet.` };
    if (!checkOpd(opd).ok) return { id: `Info "Kode OPD" belum benar: "${opd}" (contoh: 1.02.0.00.0.00.01.0000). Perbaiki di lembar Info.`, en: `Info "Kode OPD" is not right: "${opd}" (e.g. 1.02.0.00.0.00.01.0000). Fix it on the Info sheet.` };
    if (c.tahunAwal === null || c.tahunAkhir === null) return { id: 'Tahun Awal/Tahun Akhir di lembar Info belum diisi.', en: 'Tahun Awal/Tahun Akhir on the Info sheet are missing.' };
    return { pemda: c.kodePemda.trim(), periode: `${c.tahunAwal}-${c.tahunAkhir}`, opd };
  }

  /**
   * Full pass (Final rules and the reference data too) → Status written → PUT with baseVersion
   * and a new submissionId → the version it answers recorded: ONE Excel.run, so the push is one
   * undo step where Excel groups them (issue 11 #10).
   */
  async push(onProgress: (step: 'validate' | 'status' | 'send') => void, baseOverride?: number): Promise<PushOutcome> {
    onProgress('validate');
    await this.referenceReady().catch(() => undefined);
    const r = await this.validate(true);
    if (r.result.summary.errors > 0) return { kind: 'blocked', errors: r.result.summary.errors };
    onProgress('status');
    const status = statusRows(r.result, r.snapshot);
    const ref = this.treeRef(r.snapshot);
    if (!('pemda' in ref)) {
      await this.live.ownWrite(() => this.port.writeStatus(status));
      return { kind: 'failed', message: ref };
    }
    const base = baseOverride ?? this.state.baseVersion;
    // The tree document only (client/api.ts pushBody also leaves the pengukuran tables out).
    const body = pushBody(treeTables(r.snapshot), base, newSubmissionId());
    let out = { kind: 'failed', message: { id: 'Tidak terkirim.', en: 'Not sent.' } } as PushOutcome;
    await this.live.ownWrite(() => this.port.pushAction(status, async () => {
      onProgress('send');
      try {
        const { answer } = await this.api.push(ref, body);
        out = { kind: 'pushed', version: answer.version };
        return { ...ref, baseVersion: answer.version };
      } catch (e) {
        if (e instanceof ApiFailure && e.stale) out = { kind: 'conflict', stale: e.stale, ref };
        else if (e instanceof ApiFailure && e.retryable) {
          this.queue.enqueue(ref, body, e.code);
          out = { kind: 'queued' };
        } else out = this.failed(e);
        return null;
      }
    }));
    if (out.kind === 'pushed') this.set({ lastVersion: out.version, baseVersion: out.version, queueConflict: null });
    if (out.kind === 'queued') this.set({ pending: this.queue.pending });
    return out;
  }

  /** The tree's base version (a document push keeps it). */
  treeBase(): number {
    return this.state.baseVersion;
  }

  /** Adds or completes the pengukuran tables of a year (SAKIP.md §12). */
  tambahPengukuran(tahun: number): Promise<TambahOutcome> {
    return tambahPengukuran(this, tahun);
  }

  /** Pushes the realisasi of a year (`base`: on top of that version after a 409). */
  pushRealisasi(tahun: number, base?: number): Promise<DocPushOutcome> {
    return pushRealisasi(this, tahun, base);
  }

  /** Adds the LKE table with its criteria and the Saran Pokin (SAKIP.md §13). */
  tambahLke(lang: 'id' | 'en'): Promise<void> {
    return tambahLke(this, lang);
  }

  /** Writes the planner's answer to one criterion ('' clears it). */
  jawabLke(ev: EvaluasiLke, kode: string, jawaban: string): Promise<void> {
    return jawab(this, ev, kode, jawaban);
  }

  pushLke(tahun: number, base?: number): Promise<DocPushOutcome> {
    return pushLke(this, tahun, base);
  }

  /** Pulls the LKE of a year and brings the evaluator's notes into the workbook. */
  pullLkeNotes(tahun: number): Promise<PullNotesOutcome> {
    return pullLkeNotes(this, tahun);
  }

  /**
   * The issues a PK is judged by (core/derive/pk-gate.ts): a Final validation with the same
   * reference data as the CLI, so the pane refuses a PK exactly when `pokin export` would.
   */
  async pkIssues(): Promise<LiveResult> {
    await this.referenceReady().catch(() => undefined);
    return this.validate(true);
  }

  /**
   * Pulls a version from the server into the workbook (after a 409, or to start from the
   * server's tree): its canonical tables replace the current ones, and the current ones stay
   * as `<sheet> (asal)` sheets (both ports), whose names come back in `kept`. The workbook's
   * base becomes that version.
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
      const before = new Set((await this.port.listSheets()).sheets);
      // The yearly documents' versions stay recorded (they are not part of the tree).
      const docs = (await this.port.getIdentity().catch(() => null))?.docs;
      // One user action, one Excel.run: the tables and the identity together.
      await this.live.ownWrite(() => this.port.createTables(tree, config, { ...r, baseVersion: answer.meta.version, ...(docs ? { docs } : {}) }));
      // The local tables are kept as "… (asal)" sheets: name them to the planner.
      const kept = (await this.port.listSheets()).sheets.filter((s) => !before.has(s) && /\(asal( \d+)?\)$/.test(s));
      this.set({ baseVersion: answer.meta.version, queueConflict: null });
      this.live.rebind();
      await this.validate();
      return { kind: 'pulled', version: answer.meta.version, kept };
    } catch (e) {
      return this.failed(e);
    }
  }

  /** The versions of this workbook's tree (empty when none was pushed); a failed call throws. */
  async history(): Promise<VersionMeta[]> {
    const r = this.state.live ? this.treeRef(this.state.live.snapshot) : null;
    if (!r || !('pemda' in r)) return [];
    try {
      return (await this.api.versions(r)).versions;
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 404) return [];
      if (e instanceof ApiFailure && e.status === 401) this.expireSession();
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

  /** What adoption would ask and report for a sheet: nothing is written yet (addin/adoption.ts). */
  async draftAdoption(sheet: string, hints: AdoptionHints = {}, given: { tahunAwal?: number } = {}, lang: 'id' | 'en' = 'id'): Promise<AdoptionDraftResult> {
    const d = await draftFromPort(this.port, sheet, { ...identityHints(this.token), ...hints }, given, lang);
    this.draftSource = d.source;
    return d.result;
  }

  /** Adopts the drafted sheet with the planner's answers and writes the canonical tables (the source sheet stays). */
  async adopt(answers: Record<string, string>, lang: 'id' | 'en' = 'id'): Promise<{ report: ReportView; counts: string }> {
    if (!this.draftSource) throw new Error('no adoption draft');
    const a = await adoptDraft(this.draftSource, answers, lang);
    await this.createTemplate(a.snapshot, a.config);
    this.draftSource = null;
    return { report: a.report, counts: a.counts };
  }

  markSaved(): void {
    this.set({ dirty: false });
  }

  /** Work restored after a reload is not downloaded yet. */
  markDirty(): void {
    this.set({ dirty: true });
  }
}
