/// <reference types="office-js" />
/**
 * Every `context.sync()` goes through `syncWithWatchdog`: a sync that does not answer in
 * time (Excel in cell-edit mode, a long recalculation, a dialog open) becomes a typed
 * "Excel sedang sibuk" error the pane shows with a retry button, instead of a pane that
 * waits forever.
 */
import { PortError } from '../port.js';

export const DEFAULT_SYNC_TIMEOUT_MS = 15_000;

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
}

export interface SyncCounter {
  syncs: number;
}

export async function syncWithWatchdog(ctx: { sync(): Promise<unknown> }, timeoutMs: number, counter?: SyncCounter): Promise<void> {
  if (counter) counter.syncs++;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(busyError()), timeoutMs);
  });
  try {
    await Promise.race([ctx.sync(), watchdog]);
  } finally {
    clearTimeout(timer);
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
  const msg = e instanceof Error ? e.message : String(e);
  return new PortError('failed', `Excel menolak permintaan: ${msg}`, `Excel refused the request: ${msg}`, { cause: e });
}
