/// <reference types="office-js" />
/**
 * Every `context.sync()` of the port goes through here. Pokin runs its batches with
 * `delayForCellEdit: true`: while the planner types in a cell, Excel holds the batch and runs it
 * when they leave the cell ("the batch request is delayed until the user exits cell edit mode",
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions). A timeout that failed such
 * a batch would lie: the write still lands later, and a retry would run it twice. So the
 * watchdog does not fail the sync; it only tells the pane that Excel has not answered yet
 * ("menunggu Excel…"), and the sync goes on waiting.
 */
import { PortError } from '../port.js';

/** After this long without an answer the pane says it is waiting for Excel. */
export const DEFAULT_SLOW_MS = 4_000;

export function busyError(cause?: unknown): PortError {
  return new PortError('busy', 'Excel sedang sibuk (mis. sel sedang disunting). Selesaikan suntingan lalu coba lagi.',
    'Excel is busy (e.g. a cell is being edited). Finish the edit and try again.', cause === undefined ? undefined : { cause });
}

/**
 * What the port's Office.js functions get instead of the raw request context: its workbook
 * and a `sync()` that carries the watchdog. Named `context` at every use so that the
 * office-addins lint rules, which follow `context.sync()`, see each load → sync → read.
 */
export interface PortContext {
  readonly workbook: Excel.Workbook;
  sync(): Promise<void>;
  /** Bytes Excel on the web accepts per request and per response (the port's budget). */
  readonly budget: number;
}

export interface SyncCounter {
  syncs: number;
}

/** Tells listeners when a sync has been waiting longer than `slowMs`, and when it answered. */
export class SlowSignal {
  private waiting = 0;
  private listeners = new Set<(waiting: boolean) => void>();
  on(fn: (waiting: boolean) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  get isWaiting(): boolean { return this.waiting > 0; }
  enter(): void { if (this.waiting++ === 0) for (const fn of this.listeners) fn(true); }
  leave(): void { if (--this.waiting === 0) for (const fn of this.listeners) fn(false); }
}

export async function syncWithWatchdog(ctx: { sync(): Promise<unknown> }, slowMs: number, counter?: SyncCounter, slow?: SlowSignal): Promise<void> {
  if (counter) counter.syncs++;
  let flagged = false;
  const timer = setTimeout(() => { flagged = true; slow?.enter(); }, slowMs);
  try {
    await ctx.sync();
  } finally {
    clearTimeout(timer);
    if (flagged) slow?.leave();
  }
}

/** Office.js error codes worth a second attempt after the table list is refreshed. */
export function isStaleReference(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === 'ItemNotFound' || code === 'InvalidArgument' || code === 'InvalidReference';
}

/** Office.js `GeneralException` with debug info is turned into a bilingual failure. */
export function portFailure(e: unknown): PortError {
  if (e instanceof PortError) return e;
  const code = (e as { code?: unknown })?.code;
  if (code === 'InvalidOperationInCellEditMode') return busyError(e);
  const msg = e instanceof Error ? e.message : String(e);
  return new PortError('failed', `Excel menolak permintaan: ${msg}`, `Excel refused the request: ${msg}`, { cause: e });
}
