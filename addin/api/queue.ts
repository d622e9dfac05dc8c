/**
 * The offline queue: a push that could not reach the server (offline, 502/503/504) waits
 * here with its submissionId and is retried with backoff; the same submissionId means a push
 * that did commit answers with that same version instead of creating a second one.
 * One entry per tree: a newer push of the same tree replaces an older pending one.
 */
import type { PushAnswer, PushBody } from '../../core/wire/index.js';
import { ApiFailure, type TreeRef } from '../../client/api.js';

export interface PendingPush {
  ref: TreeRef;
  body: PushBody;
  attempts: number;
  nextAt: number;
  lastError: string;
}

export interface QueueDeps {
  send: (ref: TreeRef, body: PushBody) => Promise<{ created: boolean; answer: PushAnswer }>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (h: unknown) => void;
  /** Backoff: base · 2^attempts, capped. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type QueueEvent =
  | { kind: 'queued'; item: PendingPush }
  | { kind: 'landed'; item: PendingPush; answer: PushAnswer }
  | { kind: 'failed'; item: PendingPush; error: ApiFailure };

const key = (r: TreeRef) => `${r.pemda}|${r.periode}|${r.opd}`;

export class PushQueue {
  private items = new Map<string, PendingPush>();
  private timer: unknown = null;
  private listeners = new Set<(e: QueueEvent) => void>();
  private busy = false;

  constructor(private readonly deps: QueueDeps) {}

  get pending(): PendingPush[] {
    return [...this.items.values()];
  }

  on(fn: (e: QueueEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  enqueue(ref: TreeRef, body: PushBody, error: string): void {
    const item: PendingPush = { ref, body, attempts: 0, nextAt: this.now() + this.delay(0), lastError: error };
    this.items.set(key(ref), item);
    this.emit({ kind: 'queued', item });
    this.schedule();
  }

  /** Tries every pending push now (the "Coba lagi" button, the browser's `online` event). */
  async flush(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const item of [...this.items.values()]) {
        try {
          const r = await this.deps.send(item.ref, item.body);
          this.items.delete(key(item.ref));
          this.emit({ kind: 'landed', item, answer: r.answer });
        } catch (e) {
          const f = e instanceof ApiFailure ? e : new ApiFailure(0, null, true);
          if (f.retryable) {
            item.attempts++;
            item.nextAt = this.now() + this.delay(item.attempts);
            item.lastError = f.code;
          } else {
            this.items.delete(key(item.ref));
            this.emit({ kind: 'failed', item, error: f });
          }
        }
      }
    } finally {
      this.busy = false;
    }
    this.schedule();
  }

  dispose(): void {
    if (this.timer !== null) (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private delay(attempts: number): number {
    return Math.min(this.deps.maxDelayMs ?? 30_000, (this.deps.baseDelayMs ?? 1000) * 2 ** attempts);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private schedule(): void {
    this.dispose();
    if (!this.items.size) return;
    const next = Math.min(...[...this.items.values()].map((i) => i.nextAt));
    const wait = Math.max(0, next - this.now());
    this.timer = (this.deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms)))(() => { this.timer = null; void this.flush(); }, wait);
  }

  private emit(e: QueueEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}
