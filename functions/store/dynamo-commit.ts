/**
 * The commit of a version (ARCHITECTURE §3), without transactions:
 *   1. read HEAD; a submissionId that already committed answers with its version (200);
 *   2. write the gzip chunks once, without a TTL (`attribute_not_exists`; a chunk an earlier
 *      attempt of the same submission wrote is accepted when its hash matches);
 *   3. claim the crosscutting links the push removes (dynamo-links.ts `claimRemoval`): the one
 *      item a decision on that link also conditions on, so exactly one of the two wins;
 *   4. write the audit item of the version HEAD still shows (idempotent, deterministic key), so
 *      history never loses a version once HEAD moves past it;
 *   5. ONE conditional put of HEAD (`version = :base`, or `attribute_not_exists` for the first).
 * Only HEAD makes a version visible. Orphan chunks (a crash before 5, a lost race) are never
 * read and are deleted where they are cheap to find: the loser of a race deletes its own; the
 * winner of a version number sweeps that number's other submissions (two key-range Queries
 * that skip its own chunks, so they read nothing when there is nothing to delete) and the
 * previous number's; a retry that finds its version taken deletes what its attempt wrote.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaleDetails } from '../../core/wire/index.js';
import { readLogs, queryAll, type Sender } from './dynamo-read.js';
import { claimRemoval } from './dynamo-links.js';
import {
  chunkSk, HEAD_SK, headListPk, logSk, pad6, splitChunks, treePk, versionPrefix,
  type ChunkItem, type HeadItem, type PushLogItem,
} from './keys.js';
import { ApprovedLinkRemovedError, StaleBaseError, SubmissionReusedError, type CommitInput, type CommitResult, type TreeKey } from './types.js';

export interface CommitContext extends Sender {
  readonly table: string;
  now(): Date;
  log(message: string, error: unknown): void;
  head(key: TreeKey): Promise<HeadItem | null>;
  /** Chunks of HEADs written before chunks lost their TTL (see `legacySeal`). */
  legacySeal(head: HeadItem): Promise<void>;
}

const PARALLEL_CHUNKS = 4;

export function isConditionFailure(e: unknown): boolean {
  return e instanceof Error && e.name === 'ConditionalCheckFailedException';
}

export async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => { while (next < items.length) await fn(items[next++]); };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function stale(head: HeadItem | null): StaleDetails {
  return head ? { currentVersion: head.version, by: head.author, at: head.at } : { currentVersion: 0, by: '', at: '' };
}

const reused = (submissionId: string) => new SubmissionReusedError(`submissionId ${submissionId} was used for another tree`);

export async function commitVersion(s: CommitContext, input: CommitInput): Promise<CommitResult> {
  const { key, baseVersion, submissionId } = input;
  const gz = gzipSync(input.json);
  const hash = createHash('sha256').update(input.json).digest('hex');
  const version = baseVersion + 1;
  const head = await s.head(key);

  if (head && head.submissionId === submissionId) return repeated(head, hash);
  if ((head?.version ?? 0) !== baseVersion) {
    if (head && head.version >= version) {
      const settled = await lostAttempt(s, key, version, submissionId, hash, head);
      if (settled) return settled;
    }
    throw new StaleBaseError(stale(head));
  }
  if (head) await s.legacySeal(head);

  const at = s.now().toISOString();
  const chunks = splitChunks(gz);
  const pk = treePk(key);
  await inParallel(chunks.map((data, i) => ({ data, i })), PARALLEL_CHUNKS, async ({ data, i }) => {
    await putChunk(s, {
      PK: pk, SK: chunkSk(version, submissionId, i), version, submissionId, chunk: i, chunkCount: chunks.length,
      hash, author: input.author, at, baseVersion, data,
    });
  });
  const cc = input.crosscutting;
  if (cc) {
    const keep = new Set(cc.linkIds);
    const removed = [...new Set([...cc.removed, ...(head?.linkIds ?? []).filter((id) => !keep.has(id))])];
    try {
      for (const linkId of removed) await claimRemoval(s, s.table, { pemda: cc.pemda, periode: cc.periode, linkId, version, submissionId, at });
    } catch (e) {
      if (e instanceof ApprovedLinkRemovedError) await deleteAttempt(s, key, version, submissionId, chunks.length).catch(() => undefined);
      throw e;
    }
  }
  if (head) await putPushLog(s, head);

  const next: HeadItem = {
    PK: pk, SK: HEAD_SK, GSI1PK: headListPk(key), GSI1SK: key.opd, opd: key.opd,
    version, submissionId, hash, author: input.author, at, baseVersion, counts: input.counts,
    jsonBytes: Buffer.byteLength(input.json), gzipBytes: gz.length, chunkCount: chunks.length, status: 'diajukan',
    // `Nama OPD` from the tree's Info, for the OPD list (names wherever an OPD appears).
    ...(input.namaOpd ? { namaOpd: input.namaOpd } : {}),
    ...(input.origin ? { origin: input.origin } : {}),
  };
  if (cc && cc.linkIds.length > 0) next.linkIds = [...cc.linkIds].sort();
  try {
    await s.send('PutItem HEAD', new PutCommand({
      TableName: s.table, Item: next,
      ...(baseVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: '#v = :base', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':base': baseVersion } }),
    }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // Lost the race, or an identical attempt (a concurrent retry) won it: HEAD tells which.
    const now = await s.head(key);
    if (now && now.submissionId === submissionId) return repeated(now, hash);
    if (now && now.version >= version) {
      const settled = await lostAttempt(s, key, version, submissionId, hash, now, chunks.length);
      if (settled) return settled;
    }
    throw new StaleBaseError(stale(now));
  }
  // Orphans of other attempts at this version number and the previous one: none can become
  // visible any more. Best effort: a failure leaves them for the next commit.
  await Promise.all([
    sweep(s, key, version, submissionId),
    head ? sweep(s, key, head.version, head.submissionId) : Promise.resolve(),
  ]).catch((e: unknown) => s.log(`orphan sweep after version ${version} postponed`, e));
  return { version, hash, created: true, isHead: true };
}

function repeated(head: HeadItem, hash: string): CommitResult {
  if (head.hash !== hash) throw reused(head.submissionId);
  return { version: head.version, hash, created: false, isHead: true };
}

/**
 * HEAD is at or past `version` and not ours. If this submission committed `version` earlier
 * (a retry after later pushes), that is the answer; otherwise its chunks at `version` can
 * never be read, and this attempt deletes them.
 */
async function lostAttempt(
  s: CommitContext, key: TreeKey, version: number, submissionId: string, hash: string, head: HeadItem, knownChunks?: number,
): Promise<CommitResult | null> {
  if (head.version > version) {
    const earlier = await committedAs(s, key, version, submissionId);
    if (earlier) {
      if (earlier.hash !== hash) throw reused(submissionId);
      return { version, hash, created: false, isHead: false };
    }
  }
  try {
    await deleteAttempt(s, key, version, submissionId, knownChunks);
  } catch (e) {
    s.log(`orphans of ${submissionId} at version ${version} left for the next commit`, e);
  }
  return null;
}

async function putChunk(s: CommitContext, item: ChunkItem): Promise<void> {
  try {
    await s.send('PutItem chunk', new PutCommand({ TableName: s.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // Written by an earlier or concurrent attempt of the same submission: fine if identical.
    // `hash` is a DynamoDB reserved word: it must go through ExpressionAttributeNames.
    const out = await s.send<{ Item?: Record<string, unknown> }>('GetItem chunk', new GetCommand({
      TableName: s.table, Key: { PK: item.PK, SK: item.SK }, ConsistentRead: true,
      ProjectionExpression: '#h, chunkCount', ExpressionAttributeNames: { '#h': 'hash' },
    }));
    if (out.Item?.hash !== item.hash || out.Item?.chunkCount !== item.chunkCount) throw reused(item.submissionId);
  }
}

/** The push audit item of a committed version (deterministic key: rewriting it changes nothing). */
export function pushLogOf(head: HeadItem): PushLogItem {
  const log: PushLogItem = {
    PK: head.PK, SK: logSk(head.at, `v${pad6(head.version)}-push`), action: 'push', actor: head.author, at: head.at,
    fromVersion: head.baseVersion, toVersion: head.version, submissionId: head.submissionId, hash: head.hash,
    counts: head.counts, jsonBytes: head.jsonBytes, gzipBytes: head.gzipBytes, chunkCount: head.chunkCount,
  };
  if (head.review) log.review = head.review;
  if (head.origin) log.origin = head.origin;
  return log;
}

export async function putPushLog(s: Sender & { table: string }, head: HeadItem): Promise<void> {
  await s.send('PutItem audit', new PutCommand({ TableName: s.table, Item: pushLogOf(head) }));
}

/** The push audit of `version` when `submissionId` is the one that committed it. */
async function committedAs(s: CommitContext, key: TreeKey, version: number, submissionId: string): Promise<PushLogItem | null> {
  const logs = await readLogs(s, s.table, key);
  return logs.find((l): l is PushLogItem => l.action === 'push' && l.toVersion === version && l.submissionId === submissionId) ?? null;
}

async function deleteKeys(s: Sender & { table: string }, pk: string, sks: string[]): Promise<void> {
  await inParallel(sks, PARALLEL_CHUNKS, async (sk) => {
    await s.send('DeleteItem orphan', new DeleteCommand({ TableName: s.table, Key: { PK: pk, SK: sk } }));
  });
}

/** Deletes the chunks one attempt wrote at `version` (by index when known, else by its prefix). */
async function deleteAttempt(s: CommitContext, key: TreeKey, version: number, submissionId: string, count?: number): Promise<void> {
  const pk = treePk(key);
  const sks = count !== undefined
    ? Array.from({ length: count }, (_, i) => chunkSk(version, submissionId, i))
    : (await queryAll(s, {
      TableName: s.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': versionPrefix(version, submissionId) },
      ProjectionExpression: 'SK', ConsistentRead: true,
    }, 'Query own orphans')).map((i) => String(i.SK));
  await deleteKeys(s, pk, sks);
}

/**
 * Deletes every chunk at `version` that is not `committed`'s. Two key ranges around the
 * committed submission's own keys (`V#n#` … `V#n#<sub>` and `V#n#<sub>$` … `V#n$`; submission
 * IDs use [A-Za-z0-9_-], all above `$`), so the committed chunks are never read.
 */
export async function sweep(s: Sender & { table: string }, key: TreeKey, version: number, committed: string): Promise<number> {
  const pk = treePk(key);
  const prefix = `V#${pad6(version)}#`;
  const ranges: [string, string][] = [[prefix, `${prefix}${committed}`], [`${prefix}${committed}$`, `V#${pad6(version)}$`]];
  const found: string[] = [];
  for (const [lo, hi] of ranges) {
    const items = await queryAll(s, {
      TableName: s.table, KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': pk, ':lo': lo, ':hi': hi }, ProjectionExpression: 'SK', ConsistentRead: true,
    }, 'Query orphans');
    found.push(...items.map((i) => String(i.SK)));
  }
  await deleteKeys(s, pk, found);
  return found.length;
}
