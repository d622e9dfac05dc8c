/**
 * Live validation (ARCHITECTURE §2): port change hints → scheduler (debounce, coalesce,
 * ignore own writes) → one read of the canonical tables → core read + validate → listeners.
 * Writes nothing while the planner types; Status is written only by `writeStatus()`.
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
  /** Co-authors' edits only: refresh without popping UI. */
  quiet: boolean;
  /** Time spent in core (read + validate), ms. */
  coreMs: number;
  /** Time spent reading the workbook, ms. */
  readMs: number;
  at: number;
}

export interface LiveOptions {
  debounceMs?: number;
  clock?: Clock;
  nomenklatur?: () => NomenklaturIndex | null;
  /** The pemda tree's Sasaran Pemda IDs when known (T06; core/reference.ts). */
  pemdaSasaranIds?: () => ReadonlySet<string> | null;
  now?: () => number;
}

export class LiveValidation {
  readonly scheduler: ValidationScheduler;
  private listeners = new Set<(r: LiveResult) => void>();
  private stateListeners = new Set<(s: SchedulerState, error?: unknown) => void>();
  private unsubscribe: (() => void) | null = null;
  private final = false;
  last: LiveResult | null = null;
  lastError: unknown = null;

  constructor(private readonly port: WorkbookPort, private readonly opts: LiveOptions = {}) {
    this.scheduler = new ValidationScheduler({
      debounceMs: opts.debounceMs ?? 300,
      ...(opts.clock ? { clock: opts.clock } : {}),
      run: (req) => this.run(req),
      onError: (e) => { this.lastError = e; this.emitState('idle', e); },
      onState: (s) => this.emitState(s),
    });
  }

  start(): void {
    this.unsubscribe ??= this.port.onChange((h) => this.scheduler.hint(h));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.scheduler.dispose();
  }

  onResult(fn: (r: LiveResult) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onState(fn: (s: SchedulerState, error?: unknown) => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  /** The full pass (Validasi button, before a push); `final` adds the Final rules. */
  async validateNow(final = false): Promise<LiveResult> {
    this.final = final;
    this.lastError = null;
    try {
      await this.scheduler.now();
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

  /** Any Pokin write (generated sheets, templates) goes through here so it never re-triggers validation. */
  ownWrite<T>(write: () => Promise<T>): Promise<T> {
    return this.scheduler.ownWrite(write);
  }

  private async run(req: RunRequest): Promise<void> {
    const now = this.opts.now ?? (() => performance.now());
    const t0 = now();
    const snapshot = await this.port.readSnapshot();
    const t1 = now();
    const result = validateSnapshot(snapshot, { nomenklatur: this.opts.nomenklatur?.() ?? null, pemdaSasaranIds: this.opts.pemdaSasaranIds?.() ?? null, final: this.final });
    const t2 = now();
    this.lastError = null;
    this.last = { result, snapshot, quiet: req.quiet, readMs: t1 - t0, coreMs: t2 - t1, at: Date.now() };
    for (const fn of this.listeners) fn(this.last);
  }

  private emitState(s: SchedulerState, error?: unknown): void {
    for (const fn of this.stateListeners) fn(s, error);
  }
}
