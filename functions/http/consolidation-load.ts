/**
 * Loads what a consolidation needs from the store: every OPD HEAD (one GSI query), the version
 * of each on the chosen basis (HEAD for `terbaru`; the newest accepted one for `diterima`), and
 * every crosscutting decision (one Query). Trees are fetched a few at a time in parallel.
 */
import { OPD_PEMDA, type ConsolidationBasis, type DocKind, type VersionMeta } from '../../core/wire/index.js';
import type { DokumenTahun } from '../../core/derive/consolidate/dokumen.js';
import type { OpdInput } from '../../core/derive/consolidate/model.js';
import type { LinkDecision } from '../../core/derive/consolidate/links.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { toDecision } from '../store/dynamo-links.js';
import type { StoredLink, TreeKey, TreeStore } from '../store/types.js';

const PARALLEL_TREES = 8;

async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i]); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface Loaded {
  opds: OpdInput[];
  decisions: LinkDecision[];
  links: StoredLink[];
}

/** The HEAD of a document of the year (documents are not reviewed: the latest push counts). */
async function dokumen(store: TreeStore, key: TreeKey, kind: DocKind, tahun: number): Promise<DokumenTahun | null> {
  const stored = await store.get({ ...key, doc: { kind, tahun } });
  return stored ? { version: stored.meta.version, doc: JSON.parse(stored.json) as WorkbookSnapshot } : null;
}

/** With `tahun`: each OPD's realisasi and LKE of that year beside its tree. */
export async function loadConsolidation(store: TreeStore, pemda: string, periode: string, basis: ConsolidationBasis, tahun: number | null = null): Promise<Loaded> {
  const [heads, links] = await Promise.all([store.list(pemda, periode), store.links(pemda, periode)]);
  const opds = await inParallel(heads, PARALLEL_TREES, async (h): Promise<OpdInput> => {
    const key = { pemda, periode, opd: h.opd };
    if (tahun === null) return treeOf(store, key, h, basis);
    const [o, realisasi, lke] = await Promise.all([treeOf(store, key, h, basis), dokumen(store, key, 'realisasi', tahun), dokumen(store, key, 'lke', tahun)]);
    return { ...o, realisasi, lke };
  });
  const decisions = links.map(toDecision).filter((d): d is LinkDecision => d !== null);
  return { opds: opds.sort((a, b) => (a.opd === OPD_PEMDA ? -1 : b.opd === OPD_PEMDA ? 1 : a.opd < b.opd ? -1 : 1)), decisions, links };
}

/** The OPD's tree on the basis: HEAD for `terbaru`, the newest accepted version for `diterima`. */
async function treeOf(store: TreeStore, key: TreeKey, h: VersionMeta & { opd: string }, basis: ConsolidationBasis): Promise<OpdInput> {
  const head = { version: h.version, at: h.at };
  let meta: VersionMeta | null = h;
  if (basis === 'diterima' && h.status !== 'diterima') {
    meta = (await store.versions(key)).find((v) => v.status === 'diterima') ?? null;
  }
  if (!meta) return { opd: h.opd, snapshot: null, version: null, status: null, counts: null, head };
  const stored = await store.get(key, meta.version === h.version ? null : meta.version);
  if (!stored) return { opd: h.opd, snapshot: null, version: null, status: null, counts: null, head };
  return {
    opd: h.opd, snapshot: JSON.parse(stored.json) as WorkbookSnapshot, version: stored.meta.version,
    status: stored.meta.status, counts: stored.meta.counts, head,
  };
}
