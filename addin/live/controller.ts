/**
 * Live validation (ARCHITECTURE §2): port change hints → scheduler (debounce, coalesce, skip
 * own writes) → one read of the canonical tables → core read + validate → listeners.
 * Writes nothing while the planner types; Status is written only by `writeStatus()`.
 *
 * Events are hints and some never come (Excel on the web fires nothing for a dropdown pick or
 * a row deletion, OfficeDev/office-js#3888, #294), so live validation also re-reads in full when
 * the pane regains focus and after a quiet spell (`idleMs`), shows when the list was last
 * validated, and reports a failed registration instead of going silent. `rebind()` registers
 * again after Pokin rebuilt the tables (first run, adopt, pull).
 */
import type { NomenklaturIndex } from '../../core/nomenklatur/types.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { validateSnapshot, type ValidationResult } from '../../core/validate.js';
import type { WorkbookPort } from '../port.js';
import { ValidationScheduler, type Clock, type RunRequest, type SchedulerState } from './scheduler.js';
import { statusRows } from './status.js';

export interface LiveResult {
  result: ValidationResult;
  snapshot: WorkbookSnapshot;
  /** Co-authors' edits or a periodic check only: refresh without popping UI. */
  quiet: boolean;
  /** Time spent in core (read + validate), ms. */
  coreMs: number;
  /** Time spent reading the workbook, ms. */
  readMs: number;
  at: number;
  /** This result came from a full read (not a patch of the last one). */
  full?: boolean;
}

/** Whether live validation hears the workbook. */
export interface LiveHealth {
  /** Change events are registered. */
  listening: boolean;
  /** Why they are not (a refused registration), else null. */
  error: unknown;
  /** When the last full read was validated (ms since epoch), else null. */
  lastFullAt: number | null;
}

/** What the pane listens on for focus (window in the pane; absent in tests). */
export interface FocusSource {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

/**
 * The pane's focus: the pane window gaining focus, or the pane becoming visible again (a
 * reopened task pane). Null outside a browser.
 */
export function paneFocus(): FocusSource | null {
  const w = (globalThis as { window?: Window }).window;
  const doc = (globalThis as { document?: Document }).document;
  if (!w || !doc) return null;
  const wrapped = new Map<() => void, () => void>();
  const visible = (fn: () => void) => () => { if (doc.visibilityState === 'visible') fn(); };
  return {
    addEventListener: (type, fn) => {
      if (type === 'focus') w.addEventListener('focus', fn);
      else { const v = visible(fn); wrapped.set(fn, v); doc.addEventListener('visibilitychange', v); }
    },
    removeEventListener: (type, fn) => {
      if (type === 'focus') w.removeEventListener('focus', fn);
      else { doc.removeEventListener('visibilitychange', wrapped.get(fn) ?? fn); wrapped.delete(fn); }
    },
  };
}

export interface LiveOptions {
  debounceMs?: number;
  clock?: Clock;
  nomenklatur?: () => NomenklaturIndex | null;
  /** The pemda tree's Sasaran Pemda IDs when known (T06; core/reference.ts). */
  pemdaSasaranIds?: () => ReadonlySet<string> | null;
  now?: () => number;
  /** A full check after this long without a run (default 45 s); it then backs off to 4×. */
  idleMs?: number;
  focus?: FocusSource | null;
}

const realClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class LiveValidation {
  readonly scheduler: ValidationScheduler;
  private listeners = new Set<(r: LiveResult) => void>();
  private stateListeners = new Set<(s: SchedulerState, error?: unknown) => void>();
  private healthListeners = new Set<(h: LiveHealth) => void>();
  private unsubscribe: (() => void) | null = null;
  private final = false;
  private idleTimer: unknown = null;
  private idleRuns = 0;
  private idleFired = false;
  private readonly clock: Clock;
  private readonly onFocus = () => this.scheduler.hint({ source: 'check', full: true });
  last: LiveResult | null = null;
  lastError: unknown = null;
  health: LiveHealth = { listening: false, error: null, lastFullAt: null };

  constructor(private readonly port: WorkbookPort, private readonly opts: LiveOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.scheduler = new ValidationScheduler({
      debounceMs: opts.debounceMs ?? 300,
      clock: this.clock,
      run: (req) => this.run(req),
      onError: (e) => { this.lastError = e; this.emitState('idle', e); },
      onState: (s) => this.emitState(s),
    });
  }

  start(): void {
    if (this.unsubscribe) return;
    this.listen();
    this.opts.focus?.addEventListener('focus', this.onFocus);
    this.opts.focus?.addEventListener('visibilitychange', this.onFocus);
    this.armIdle();
  }

  /** Registers the change events again (after the tables were rebuilt, or after an error). */
  rebind(): void {
    this.unsubscribe?.();
    this.listen();
  }

  private listen(): void {
    this.setHealth({ listening: true, error: null });
    this.unsubscribe = this.port.onChange((h) => this.scheduler.hint(h), (e) => this.setHealth({ listening: false, error: e }));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.opts.focus?.removeEventListener('focus', this.onFocus);
    this.opts.focus?.removeEventListener('visibilitychange', this.onFocus);
    this.disarmIdle();
    this.scheduler.dispose();
    this.setHealth({ listening: false });
  }

  onResult(fn: (r: LiveResult) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onState(fn: (s: SchedulerState, error?: unknown) => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  onHealth(fn: (h: LiveHealth) => void): () => void {
    this.healthListeners.add(fn);
    return () => this.healthListeners.delete(fn);
  }

  /**
   * The full pass (Validasi button, before a push); `final` adds the Final rules. `full` false:
   * a pass over the rows the port knows changed (after Pokin wrote an LKE answer).
   */
  async validateNow(final = false, full = true): Promise<LiveResult> {
    this.final = final;
    this.lastError = null;
    try {
      await this.scheduler.now(full);
    } finally {
      this.final = false;
    }
    if (this.lastError) throw this.lastError;
    if (!this.last) throw new Error('validation produced no result');
    return this.last;
  }

  /** Writes the Status columns of the last result (on request, before a push). */
  async writeStatus(): Promise<void> {
    const last = this.last ?? (await this.validateNow());
    await this.scheduler.ownWrite(() => this.port.writeStatus(statusRows(last.result, last.snapshot)));
  }

  /** Any Pokin write (generated sheets, templates) goes through here. */
  ownWrite<T>(write: () => Promise<T>): Promise<T> {
    return this.scheduler.ownWrite(write);
  }

  private async run(req: RunRequest): Promise<void> {
    this.disarmIdle();
    const now = this.opts.now ?? (() => performance.now());
    const t0 = now();
    const snapshot = await this.port.readSnapshot({ full: req.full });
    const t1 = now();
    const result = validateSnapshot(snapshot, { nomenklatur: this.opts.nomenklatur?.() ?? null, pemdaSasaranIds: this.opts.pemdaSasaranIds?.() ?? null, final: this.final });
    const t2 = now();
    this.lastError = null;
    const at = Date.now();
    this.last = { result, snapshot, quiet: req.quiet, readMs: t1 - t0, coreMs: t2 - t1, at, full: req.full };
    if (req.full) this.setHealth({ lastFullAt: at });
    // Back off only while the idle checks themselves find the workbook quiet.
    this.idleRuns = this.idleFired ? this.idleRuns + 1 : 0;
    this.idleFired = false;
    for (const fn of this.listeners) fn(this.last);
    this.armIdle();
  }

  private armIdle(): void {
    if (!this.unsubscribe) return;
    this.disarmIdle();
    const base = this.opts.idleMs ?? 45_000;
    // After a quiet check found nothing new to do, check less often (at most every 4× idleMs).
    const ms = this.idleRuns > 0 ? base * 4 : base;
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = null;
      this.idleFired = true;
      this.scheduler.hint({ source: 'check', full: true });
    }, ms);
  }

  private disarmIdle(): void {
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private setHealth(patch: Partial<LiveHealth>): void {
    this.health = { ...this.health, ...patch };
    for (const fn of this.healthListeners) fn(this.health);
  }

  private emitState(s: SchedulerState, error?: unknown): void {
    for (const fn of this.stateListeners) fn(s, error);
  }
}
