/**
 * What the pane keeps across a reload: the offline push queue and the preview's workbook
 * (IndexedDB: both can be megabytes), the sign-in (localStorage, only while the token is
 * valid: `session.ts`) and the language. IndexedDB is asynchronous and may be missing (a
 * private window, an old webview): then localStorage, then memory, so the pane always works
 * and only loses what it could not store.
 */

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryStore(): KeyValueStore {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => structuredClone(m.get(k)) as T | undefined,
    set: async (k, v) => { m.set(k, structuredClone(v)); },
    delete: async (k) => { m.delete(k); },
  };
}

const DB = 'pokin';
const STORE = 'kv';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
}

function idbStore(idb: IDBFactory): KeyValueStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => (db ??= new Promise<IDBDatabase>((ok, fail) => {
    const r = idb.open(DB, 1);
    r.onupgradeneeded = () => { r.result.createObjectStore(STORE); };
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  }));
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    get: async <T>(k: string) => (await request((await tx('readonly')).get(k))) as T | undefined,
    set: async (k, v) => { await request((await tx('readwrite')).put(v, k)); },
    delete: async (k) => { await request((await tx('readwrite')).delete(k)); },
  };
}

function localStore(ls: Storage): KeyValueStore {
  const key = (k: string) => `pokin:${k}`;
  return {
    get: async <T>(k: string) => { const v = ls.getItem(key(k)); return v === null ? undefined : (JSON.parse(v) as T); },
    set: async (k, v) => { ls.setItem(key(k), JSON.stringify(v)); },
    delete: async (k) => { ls.removeItem(key(k)); },
  };
}

/** The best store the browser offers; every call falls back to the next one when it fails. */
export function browserStore(): KeyValueStore {
  const chain: KeyValueStore[] = [];
  const g = globalThis as { indexedDB?: IDBFactory; localStorage?: Storage };
  try { if (g.indexedDB) chain.push(idbStore(g.indexedDB)); } catch { /* no IndexedDB */ }
  try { if (g.localStorage) chain.push(localStore(g.localStorage)); } catch { /* storage blocked */ }
  chain.push(memoryStore());
  const attempt = async <R>(fn: (s: KeyValueStore) => Promise<R>): Promise<R> => {
    let last: unknown;
    for (const s of chain) {
      try { return await fn(s); } catch (e) { last = e; }
    }
    throw last;
  };
  return {
    get: (k) => attempt((s) => s.get(k)),
    set: (k, v) => attempt((s) => s.set(k, v)),
    delete: (k) => attempt((s) => s.delete(k)),
  };
}

/** Small synchronous settings (language): localStorage when allowed, else nothing is kept. */
export function setting(key: string): { get(): string | null; set(v: string | null): void } {
  const ls = (): Storage | null => { try { return (globalThis as { localStorage?: Storage }).localStorage ?? null; } catch { return null; } };
  return {
    get: () => { try { return ls()?.getItem(`pokin:${key}`) ?? null; } catch { return null; } },
    set: (v) => { try { if (v === null) ls()?.removeItem(`pokin:${key}`); else ls()?.setItem(`pokin:${key}`, v); } catch { /* not kept */ } },
  };
}
