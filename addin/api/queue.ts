/**
 * The offline queue: a push that could not reach the server (offline, 502/503/504) waits
 * here with its submissionId and is retried with backoff; the same submissionId means a push
 * that did commit answers with that same version instead of creating a second one.
 * One entry per tree: a newer push of the same tree replaces an older pending one.
 * With a store the queue survives a reload (IndexedDB in the pane: persist.ts): `restore()`
 * puts the pushes back and retries them; a push that fails for good (a 409 on retry, a 422)
 * leaves the queue with a `failed` event, which the pane shows as it shows a direct push's.
 */
import type { PushAnswer, PushBody } from '../../core/wire/index.js';
import { ApiFailure, type TreeRef } from '../../client/api.js';
import type { KeyValueStore } from './persist.js';

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
  /** Where pending pushes are kept across a reload. */
  store?: KeyValueStore;
}

const STORE_KEY = 'push-queue';

export type QueueEvent =
  | { kind: 'queued'; item: PendingPush }
  | { kind: 'restored'; items: PendingPush[] }
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
    this.save();
    this.emit({ kind: 'queued', item });
    this.schedule();
  }

  /** Puts back the pushes kept before a reload and retries them soon. */
  async restore(): Promise<PendingPush[]> {
    let kept: PendingPush[] | undefined;
    try { kept = await this.deps.store?.get<PendingPush[]>(STORE_KEY); } catch { kept = undefined; }
    if (!kept?.length) return [];
    for (const item of kept) if (!this.items.has(key(item.ref))) this.items.set(key(item.ref), { ...item, nextAt: this.now() });
    this.emit({ kind: 'restored', items: this.pending });
    this.schedule();
    return this.pending;
  }

  private saving: Promise<void> = Promise.resolve();
  /** Writes the pending list (serialised, so an older list never overwrites a newer one). */
  private save(): void {
    const store = this.deps.store;
    if (!store) return;
    const list = this.pending;
    this.saving = this.saving.then(() => (list.length ? store.set(STORE_KEY, list) : store.delete(STORE_KEY))).catch(() => undefined);
  }

  /** Resolves once the pending list is stored (tests, and before the pane reloads). */
  flushed(): Promise<void> {
    return this.saving;
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
          this.save();
          this.emit({ kind: 'landed', item, answer: r.answer });
        } catch (e) {
          const f = e instanceof ApiFailure ? e : new ApiFailure(0, null, true);
          if (f.retryable) {
            item.attempts++;
            item.nextAt = this.now() + this.delay(item.attempts);
            item.lastError = f.code;
            this.save();
          } else {
            this.items.delete(key(item.ref));
            this.save();
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
