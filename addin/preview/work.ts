/**
 * Preview work survives a reload: while the planner edits a workbook in the preview pane,
 * its bytes are kept in IndexedDB (debounced, never on every keystroke); after a reload the
 * pane offers to continue it. Downloading it (or discarding) forgets it. The browser also
 * asks before leaving a page with edits not downloaded.
 */
import type { KeyValueStore } from '../api/persist.js';
import type { Workspace } from '../workspace.js';
import type { PreviewPort } from './port.js';

const KEY = 'preview-work';
const DEBOUNCE_MS = 1500;

export interface SavedWork {
  fileName: string;
  at: number;
  bytes: Uint8Array;
}

export function savedWork(store: KeyValueStore): Promise<SavedWork | undefined> {
  return store.get<SavedWork>(KEY).catch(() => undefined);
}

export function forgetWork(store: KeyValueStore): Promise<void> {
  return store.delete(KEY).catch(() => undefined);
}

/** Keeps the port's workbook while it has edits; returns the unsubscribe. */
export function keepWork(ws: Workspace, port: PreviewPort, store: KeyValueStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = async () => {
    timer = null;
    if (!ws.state.dirty) return;
    try {
      await store.set(KEY, { fileName: port.fileName, at: Date.now(), bytes: await port.workbookBytes() } satisfies SavedWork);
    } catch {
      // Storage full or blocked: the beforeunload warning still protects the work.
    }
  };
  const off = port.onChange((h) => {
    if (h.source !== 'local' && h.source !== 'own') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), DEBOUNCE_MS);
  });
  return () => { off(); if (timer) clearTimeout(timer); };
}

/** The browser's "leave site?" question while there are edits not downloaded. */
export function warnBeforeUnload(isDirty: () => boolean): void {
  addEventListener('beforeunload', (e) => {
    if (!isDirty()) return;
    e.preventDefault();
    // Chrome shows its own text; returnValue must be set for older engines.
    (e as BeforeUnloadEvent).returnValue = '';
  });
}
