/**
 * Item keys and shapes of the single table (ARCHITECTURE §3):
 *   HEAD    PK=TREE#<pemda>#<periode>#<opd>  SK=HEAD                          (+ GSI1PK/GSI1SK)
 *   chunk   PK=…                             SK=V#<000042>#<submissionId>#<0003>   (no TTL)
 *   audit   PK=…                             SK=LOG#<iso time>#<id>
 * A per-year document (SAKIP.md §12, §13) has the same items under its own partition,
 *   PK=REALISASI#<pemda>#<periode>#<opd>#<tahun>, PK=LKE#<pemda>#<periode>#<opd>#<tahun>,
 * and its HEAD is listed under GSI1PK=LIST#<pemda>#<periode>#REALISASI#<tahun> (or …#LKE#…),
 * never under the trees' LIST#<pemda>#<periode>.
 * Path parameters are checked by core/wire/paths before they get here, so `#` never
 * appears inside a key part.
 */
import type { DocKind, ReviewInfo, TreeCounts, VersionMeta } from '../../core/wire/index.js';
import type { TreeKey } from './types.js';

/** DynamoDB items are limited to 400 KB; chunks stay below 350 KB to leave room for attributes. */
export const CHUNK_BYTES = 350 * 1024;

export const HEAD_SK = 'HEAD';

const DOC_PREFIX: Record<DocKind, string> = { realisasi: 'REALISASI', lke: 'LKE' };

/** The partition of a tree, or of a document when the key names one. */
export const treePk = (k: TreeKey): string => (k.doc
  ? `${DOC_PREFIX[k.doc.kind]}#${k.pemda}#${k.periode}#${k.opd}#${k.doc.tahun}`
  : `TREE#${k.pemda}#${k.periode}#${k.opd}`);
export const listPk = (pemda: string, periode: string): string => `LIST#${pemda}#${periode}`;
export const docListPk = (kind: DocKind, pemda: string, periode: string, tahun: number): string =>
  `${listPk(pemda, periode)}#${DOC_PREFIX[kind]}#${tahun}`;
/** The GSI1 partition that lists a HEAD: the trees of a period, or the documents of a kind and year. */
export const headListPk = (k: TreeKey): string => (k.doc ? docListPk(k.doc.kind, k.pemda, k.periode, k.doc.tahun) : listPk(k.pemda, k.periode));
export const pad6 = (n: number): string => String(n).padStart(6, '0');
export const versionPrefix = (version: number, submissionId: string): string => `V#${pad6(version)}#${submissionId}#`;
export const chunkSk = (version: number, submissionId: string, index: number): string =>
  `${versionPrefix(version, submissionId)}${String(index).padStart(4, '0')}`;
export const LOG_PREFIX = 'LOG#';
export const logSk = (at: string, id: string): string => `${LOG_PREFIX}${at}#${id}`;

/** The HEAD item: the only thing that makes a version visible. */
export interface HeadItem extends VersionMeta {
  PK: string;
  SK: typeof HEAD_SK;
  GSI1PK: string;
  GSI1SK: string;
  opd: string;
  chunkCount: number;
  /**
   * Crosscutting link IDs of this version (core/derive/consolidate/ids.ts); absent when it has
   * none. The next push claims the ones it drops (dynamo-links.ts `claimRemoval`).
   */
  linkIds?: string[];
  /** A version made by the evaluator's notes alone (LKE); absent for every other push. */
  origin?: 'catatan';
  /** Legacy (HEADs written while chunks carried a TTL): whether the post-commit work was done. */
  sealed?: boolean;
  /** Legacy: the chunks were written with a TTL that sealing removes. */
  chunksTtl?: boolean;
}

export interface ChunkItem {
  PK: string;
  SK: string;
  version: number;
  submissionId: string;
  chunk: number;
  chunkCount: number;
  hash: string;
  author: string;
  at: string;
  baseVersion: number;
  data: Uint8Array;
  /** Legacy: chunks were once written with a TTL (epoch seconds); new chunks carry none. */
  ttl?: number;
}

export interface PushLogItem {
  PK: string;
  SK: string;
  action: 'push';
  actor: string;
  at: string;
  fromVersion: number;
  toVersion: number;
  submissionId: string;
  hash: string;
  counts: TreeCounts;
  jsonBytes: number;
  gzipBytes: number;
  chunkCount: number;
  /** The version's review as HEAD held it when this item was written. */
  review?: ReviewInfo;
  origin?: 'catatan';
}

export interface ReviewLogItem {
  PK: string;
  SK: string;
  action: 'terima' | 'kembalikan';
  actor: string;
  at: string;
  fromVersion: number;
  toVersion: number;
  note: string;
}

export type LogItem = PushLogItem | ReviewLogItem;

/** Splits the gzip bytes into chunks of at most CHUNK_BYTES (an empty tree still has one chunk). */
export function splitChunks(bytes: Uint8Array, size = CHUNK_BYTES): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
  if (out.length === 0) out.push(new Uint8Array(0));
  return out;
}
