/**
 * When to re-validate: change events are hints (they can be missed, and `details` is empty
 * for multi-cell edits), so every hint only schedules ONE read + validate (the Office port
 * patches its last read from the events' addresses; `full` hints ask for a full read).
 * - debounce: a burst of hints (typing, a paste firing one event per table) → one run,
 *   ~300 ms after the last hint;
 * - coalesce: hints arriving while a run is in flight → exactly one more run afterwards;
 * - own writes: ports say which hints are Pokin's own (`source: 'own'`; the Office port drops
 *   them where they land: Status columns and generated sheets, and by ExcelApi 1.14's
 *   `triggerSource`), so nothing here depends on timing and a planner's edit made while Pokin
 *   writes is never swallowed (issue 11 #16);
 * - remote hints (co-authors) refresh the model but are marked quiet (no UI pop).
 * Pure: time and the run function are injected, so tests drive it with fake timers.
 */
import type { ChangeHint } from '../port.js';

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RunRequest {
  /** Only co-authors' edits (or a periodic check) since the last run: refresh quietly. */
  quiet: boolean;
  /** How many hints this run stands for. */
  hints: number;
  /** Read everything, not just what the events reported. */
  full: boolean;
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
  private pendingFull = false;
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
    if (h.source === 'own') {
      this.stats.ignored++;
      return;
    }
    this.pendingHints++;
    if (h.source === 'local') this.pendingLocal = true;
    if (h.full) this.pendingFull = true;
    if (this.running) {
      this.dirtyDuringRun = true;
      return;
    }
    this.arm();
  }

  /**
   * Runs now (the Validasi button, before a push): cancels the debounce, waits for a running
   * pass. `full` false: the port may patch its last read (after Pokin wrote known cells).
   */
  async now(full = true): Promise<void> {
    this.disarm();
    if (this.running) {
      await this.running.catch(() => undefined);
      // The finished run may have re-armed for hints that came in meanwhile: this pass covers them.
      this.disarm();
    }
    this.pendingLocal = true;
    if (full) this.pendingFull = true;
    await this.start();
  }

  /** Wraps a Pokin write (kept for callers; own hints are recognised by their source). */
  async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    return write();
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
    const req: RunRequest = { quiet: !this.pendingLocal, hints: this.pendingHints, full: this.pendingFull };
    this.pendingHints = 0;
    this.pendingLocal = false;
    this.pendingFull = false;
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
