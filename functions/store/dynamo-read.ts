/** Read-side helpers of the DynamoDB store: paginated queries, audit items → version history. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { VersionMeta } from '../../core/wire/index.js';
import { LOG_PREFIX, treePk, type HeadItem, type LogItem } from './keys.js';
import type { TreeKey } from './types.js';

/** What the readers need from the store (keeps this module free of the class). */
export interface Sender {
  send<T = unknown>(op: string, command: { input: object }): Promise<T>;
}

/** Follows LastEvaluatedKey: Query pages stop at 1 MB. */
export async function queryAll(s: Sender, input: QueryCommandInput, op: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await s.send<{ Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> }>(
      op, new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The audit items of a tree (or document), oldest first (SK order is time order). */
export async function readLogs(s: Sender, table: string, key: TreeKey): Promise<LogItem[]> {
  return (await queryAll(s, {
    TableName: table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :l)',
    ExpressionAttributeValues: { ':pk': treePk(key), ':l': LOG_PREFIX }, ConsistentRead: true,
  }, 'Query audit')) as unknown as LogItem[];
}

export function headMeta(h: HeadItem): VersionMeta {
  const m: VersionMeta = {
    version: h.version, submissionId: h.submissionId, hash: h.hash, author: h.author, at: h.at, baseVersion: h.baseVersion,
    counts: h.counts, jsonBytes: h.jsonBytes, gzipBytes: h.gzipBytes, status: h.status,
  };
  if (h.review) m.review = h.review;
  if (h.namaOpd) m.namaOpd = h.namaOpd;
  if (h.origin) m.origin = h.origin;
  return m;
}

/**
 * The history, newest first: one row per push audit item, statuses from the review items in
 * time order; HEAD is authoritative for its own version (its audit item may not exist yet).
 */
export function versionsFrom(logs: LogItem[], head: HeadItem): (VersionMeta & { chunkCount: number })[] {
  const rows = new Map<number, VersionMeta & { chunkCount: number }>();
  for (const l of logs) {
    if (l.action === 'push') {
      rows.set(l.toVersion, {
        version: l.toVersion, submissionId: l.submissionId, hash: l.hash, author: l.actor, at: l.at, baseVersion: l.fromVersion,
        counts: l.counts, jsonBytes: l.jsonBytes, gzipBytes: l.gzipBytes, status: 'diajukan', chunkCount: l.chunkCount,
        ...(l.origin ? { origin: l.origin } : {}),
      });
      if (l.review) {
        const row = rows.get(l.toVersion) as VersionMeta;
        row.status = l.review.action === 'terima' ? 'diterima' : 'dikembalikan';
        row.review = l.review;
      }
    } else {
      const row = rows.get(l.toVersion);
      if (row) {
        row.status = l.action === 'terima' ? 'diterima' : 'dikembalikan';
        row.review = { action: l.action, by: l.actor, at: l.at, note: l.note };
      }
    }
  }
  rows.set(head.version, { ...headMeta(head), chunkCount: head.chunkCount });
  return [...rows.values()].sort((a, b) => b.version - a.version);
}
