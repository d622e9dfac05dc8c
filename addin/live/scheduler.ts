/**
 * When to re-validate: change events are hints (they can be missed, and `details` is empty
 * for multi-cell edits), so every hint only schedules ONE full read + validate.
 * - debounce: a burst of hints (typing, a paste firing one event per table) → one run,
 *   ~300 ms after the last hint;
 * - coalesce: hints arriving while a run is in flight → exactly one more run afterwards;
 * - own writes: while Pokin writes (Status columns, generated sheets) hints are ignored, so
 *   a write never re-triggers validation (ExcelApi 1.14 `triggerSource` does this in the
 *   host; below 1.14 this flag does);
 * - remote hints (co-authors) refresh the model but are marked quiet (no UI pop).
 * Pure: time and the run function are injected, so tests drive it with fake timers.
 */
import type { ChangeHint } from '../port.js';

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RunRequest {
  /** Only co-authors' edits since the last run: refresh quietly. */
  quiet: boolean;
  /** How many hints this run stands for. */
  hints: number;
}

export interface SchedulerOptions {
  debounceMs?: number;
  clock?: Clock;
  run: (req: RunRequest) => Promise<void>;
  /** Called when a run fails; the scheduler keeps going. */
  onError?: (e: unknown) => void;
  /** Called on state changes (for the live indicator). */
  onState?: (state: SchedulerState) => void;
}

export type SchedulerState = 'idle' | 'pending' | 'running';

const realClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class ValidationScheduler {
  private readonly debounceMs: number;
  private readonly clock: Clock;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private dirtyDuringRun = false;
  private pendingHints = 0;
  private pendingLocal = false;
  private ownWrites = 0;
  private state: SchedulerState = 'idle';
  /** Counters for tests and the bench. */
  readonly stats = { hints: 0, ignored: 0, runs: 0 };

  constructor(private readonly opts: SchedulerOptions) {
    this.debounceMs = opts.debounceMs ?? 300;
    this.clock = opts.clock ?? realClock;
  }

  /** A change hint from the port. */
  hint(h: ChangeHint): void {
    this.stats.hints++;
    if (h.source === 'own' || this.ownWrites > 0) {
      this.stats.ignored++;
      return;
    }
    this.pendingHints++;
    if (h.source !== 'remote') this.pendingLocal = true;
    if (this.running) {
      this.dirtyDuringRun = true;
      return;
    }
    this.arm();
  }

  /** Runs now (the Validasi button, before a push): cancels the debounce, waits for a running pass. */
  async now(): Promise<void> {
    this.disarm();
    if (this.running) {
      await this.running.catch(() => undefined);
      // The finished run may have re-armed for hints that came in meanwhile: this pass covers them.
      this.disarm();
    }
    this.pendingLocal = true;
    await this.start();
  }

  /**
   * Wraps a Pokin write: hints fired while it runs (and the ones Excel delivers just after
   * it, on the same turn) are ignored.
   */
  async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.ownWrites++;
    try {
      return await write();
    } finally {
      // Excel delivers the events of a sync after the sync resolves; keep the flag up for
      // one more turn of the clock so they still count as ours.
      this.clock.setTimeout(() => { this.ownWrites--; }, 0);
    }
  }

  get current(): SchedulerState {
    return this.state;
  }

  dispose(): void {
    this.disarm();
  }

  private setState(s: SchedulerState): void {
    if (s === this.state) return;
    this.state = s;
    this.opts.onState?.(s);
  }

  private arm(): void {
    this.disarm();
    this.setState('pending');
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.start();
    }, this.debounceMs);
  }

  private disarm(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private async start(): Promise<void> {
    const req: RunRequest = { quiet: !this.pendingLocal, hints: this.pendingHints };
    this.pendingHints = 0;
    this.pendingLocal = false;
    this.dirtyDuringRun = false;
    this.stats.runs++;
    this.setState('running');
    const p = this.opts.run(req);
    this.running = p;
    try {
      await p;
    } catch (e) {
      this.opts.onError?.(e);
    } finally {
      this.running = null;
    }
    if (this.dirtyDuringRun) this.arm();
    else this.setState('idle');
  }
}
