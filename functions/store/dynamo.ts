/**
 * TreeStore on DynamoDB without transactions (ARCHITECTURE §3).
 *
 * Commit: write the version's gzip chunks (immutable, attribute_not_exists, each with a TTL so
 * an orphan expires), then ONE conditional put of HEAD (`version = :base AND sealed`, or
 * attribute_not_exists for the first). Only HEAD makes a version visible: a crash or a lost
 * race leaves invisible orphans, never a half tree. After the commit, `seal` removes the TTL
 * from the committed chunks and writes the push audit item; the next commit requires a sealed
 * HEAD and seals it itself when the committer crashed before doing so.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReviewInfo, StaleDetails, VersionMeta } from '../../core/wire/index.js';
import {
  chunkSk, HEAD_SK, listPk, logSk, pad6, splitChunks, treePk, versionPrefix,
  type ChunkItem, type HeadItem, type PushLogItem, type ReviewLogItem,
} from './keys.js';
import { headMeta, queryAll, readLogs, versionsFrom } from './dynamo-read.js';
import { decide, readLink, readLinks, recordLinks } from './dynamo-links.js';
import { GSI1 } from './table.js';
import {
  NotFoundError, StaleBaseError, StoreError, StoreUnavailableError, SubmissionReusedError, VersionConflictError,
  type CommitInput, type CommitResult, type DecideInput, type LinkRecordInput, type ReviewInput, type StoredLink, type StoredVersion,
  type TreeKey, type TreeStore,
} from './types.js';

export interface DynamoTreeStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /**
   * Lifetime of unreferenced chunks (default 7 days). Removing the TTL from committed chunks
   * rewrites them, which doubles the write units of a push; 0 writes chunks without TTL
   * (orphans then stay, unread, until a clean-up).
   */
  orphanTtlSeconds?: number;
  now?: () => Date;
  /** Called with the write/read capacity units DynamoDB reports (ReturnConsumedCapacity). */
  onCapacity?: (units: number, operation: string) => void;
  /** Post-commit failures that the next writer repairs (logged, never thrown). */
  log?: (message: string, error: unknown) => void;
}

const DEFAULT_TTL = 7 * 24 * 3600;
const PARALLEL_CHUNKS = 4;
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError',
  'ServiceUnavailable', 'LimitExceededException', 'TimeoutError', 'RequestTimeout', 'TransactionInProgressException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

function isConditionFailure(e: unknown): boolean {
  return e instanceof Error && e.name === 'ConditionalCheckFailedException';
}

/** Throttling, 5xx and network failures that survived the SDK's retries become a 503. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const x = e as Error & { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string };
  return TRANSIENT.has(x.name) || x.$retryable !== undefined || (x.$metadata?.httpStatusCode ?? 0) >= 500 ||
    (x.code !== undefined && NETWORK.has(x.code));
}

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => { while (next < items.length) await fn(items[next++]); };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class DynamoTreeStore implements TreeStore {
  readonly doc: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly ttlSeconds: number;
  private readonly now: () => Date;
  private readonly opts: DynamoTreeStoreOptions;

  constructor(opts: DynamoTreeStoreOptions) {
    this.opts = opts;
    this.doc = DynamoDBDocumentClient.from(opts.client, { marshallOptions: { removeUndefinedValues: true } });
    this.table = opts.tableName;
    this.ttlSeconds = opts.orphanTtlSeconds ?? DEFAULT_TTL;
    this.now = opts.now ?? (() => new Date());
  }

  /** Every SDK call goes through here: capacity accounting and transient-error mapping. */
  async send<T = unknown>(op: string, command: { input: object }): Promise<T> {
    if (this.opts.onCapacity) (command.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    try {
      const out = (await this.doc.send(command as never)) as unknown as T & { ConsumedCapacity?: { CapacityUnits?: number } };
      if (this.opts.onCapacity) {
        const cc = out.ConsumedCapacity;
        this.opts.onCapacity(cc?.CapacityUnits ?? 0, op);
      }
      return out;
    } catch (e) {
      if (isTransient(e)) throw new StoreUnavailableError(`DynamoDB ${op}: ${(e as Error).name}`, { cause: e });
      throw e;
    }
  }

  async head(key: TreeKey): Promise<HeadItem | null> {
    const out = await this.send<{ Item?: Record<string, unknown> }>('GetItem', new GetCommand({
      TableName: this.table, Key: { PK: treePk(key), SK: HEAD_SK }, ConsistentRead: true,
    }));
    return (out.Item as HeadItem | undefined) ?? null;
  }

  async commit(input: CommitInput): Promise<CommitResult> {
    const { key, baseVersion, submissionId } = input;
    const gz = gzipSync(input.json);
    const hash = createHash('sha256').update(input.json).digest('hex');
    const version = baseVersion + 1;
    const head = await this.head(key);

    if (head && head.submissionId === submissionId) return this.repeated(head, hash);
    if ((head?.version ?? 0) !== baseVersion) {
      // A retry whose first attempt committed, after which others pushed on top of it.
      const earlier = head && head.version > baseVersion ? await this.committedAs(key, version, submissionId) : null;
      if (earlier) {
        if (earlier.hash !== hash) throw new SubmissionReusedError(`submissionId ${submissionId} was used for another tree`);
        return { version, hash, created: false };
      }
      throw new StaleBaseError(stale(head));
    }
    if (head && !head.sealed) await this.seal(head);

    const at = this.now().toISOString();
    const chunks = splitChunks(gz);
    const ttl = this.ttlSeconds > 0 ? Math.floor(this.now().getTime() / 1000) + this.ttlSeconds : undefined;
    await inParallel(chunks.map((data, i) => ({ data, i })), PARALLEL_CHUNKS, async ({ data, i }) => {
      const item: ChunkItem = {
        PK: treePk(key), SK: chunkSk(version, submissionId, i), version, submissionId, chunk: i, chunkCount: chunks.length,
        hash, author: input.author, at, baseVersion, data, ttl,
      };
      await this.putChunk(item);
    });

    const next: HeadItem = {
      PK: treePk(key), SK: HEAD_SK, GSI1PK: listPk(key.pemda, key.periode), GSI1SK: key.opd, opd: key.opd,
      version, submissionId, hash, author: input.author, at, baseVersion, counts: input.counts,
      jsonBytes: Buffer.byteLength(input.json), gzipBytes: gz.length, chunkCount: chunks.length,
      status: 'diajukan', sealed: false, chunksTtl: ttl !== undefined,
      ...(input.namaOpd ? { namaOpd: input.namaOpd } : {}),
    };
    try {
      await this.send('PutItem HEAD', new PutCommand({
        TableName: this.table, Item: next,
        ...(baseVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
            ConditionExpression: '#v = :base AND sealed = :t',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':base': baseVersion, ':t': true },
          }),
      }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      // Lost the race, or an SDK retry of our own put that had gone through: HEAD tells which.
      const now = await this.head(key);
      if (now && now.submissionId === submissionId) return this.repeated(now, hash);
      throw new StaleBaseError(stale(now));
    }
    try {
      await this.seal(next);
    } catch (e) {
      (this.opts.log ?? (() => {}))(`seal of version ${version} postponed to the next writer`, e);
    }
    return { version, hash, created: true };
  }

  private async repeated(head: HeadItem, hash: string): Promise<CommitResult> {
    if (head.hash !== hash) throw new SubmissionReusedError(`submissionId ${head.submissionId} was used for another tree`);
    if (!head.sealed) await this.seal(head).catch(() => undefined);
    return { version: head.version, hash, created: false };
  }

  private async putChunk(item: ChunkItem): Promise<void> {
    try {
      await this.send('PutItem chunk', new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      // Written by an earlier attempt of the same submission (a retry after a crash): fine if identical.
      const out = await this.send<{ Item?: Record<string, unknown> }>('GetItem chunk', new GetCommand({
        TableName: this.table, Key: { PK: item.PK, SK: item.SK }, ConsistentRead: true, ProjectionExpression: 'hash',
      }));
      if (out.Item?.hash !== item.hash) throw new SubmissionReusedError(`submissionId ${item.submissionId} was used for another tree`);
    }
  }

  /** The push audit of `version` when `submissionId` is the one that committed it. */
  private async committedAs(key: TreeKey, version: number, submissionId: string): Promise<PushLogItem | null> {
    const logs = await readLogs(this, this.table, key);
    return logs.find((l): l is PushLogItem => l.action === 'push' && l.toVersion === version && l.submissionId === submissionId) ?? null;
  }

  /**
   * Post-commit work, idempotent and safe to repeat by anyone: chunks lose their TTL, the
   * push audit item is written, then HEAD is marked sealed (only if it still is this version).
   */
  async seal(head: HeadItem): Promise<void> {
    const pk = head.PK;
    if (head.chunksTtl !== false) {
      const indexes = Array.from({ length: head.chunkCount }, (_, i) => i);
      await inParallel(indexes, PARALLEL_CHUNKS, async (i) => {
        await this.send('UpdateItem chunk ttl', new UpdateCommand({
          TableName: this.table, Key: { PK: pk, SK: chunkSk(head.version, head.submissionId, i) },
          UpdateExpression: 'REMOVE #ttl', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#ttl': 'ttl' },
        }));
      });
    }
    const log: PushLogItem = {
      PK: pk, SK: logSk(head.at, `v${pad6(head.version)}-push`), action: 'push', actor: head.author, at: head.at,
      fromVersion: head.baseVersion, toVersion: head.version, submissionId: head.submissionId, hash: head.hash,
      counts: head.counts, jsonBytes: head.jsonBytes, gzipBytes: head.gzipBytes, chunkCount: head.chunkCount,
    };
    await this.send('PutItem audit', new PutCommand({ TableName: this.table, Item: log }));
    try {
      await this.send('UpdateItem HEAD sealed', new UpdateCommand({
        TableName: this.table, Key: { PK: pk, SK: HEAD_SK }, UpdateExpression: 'SET sealed = :t',
        ConditionExpression: '#v = :v AND submissionId = :s',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':t': true, ':v': head.version, ':s': head.submissionId },
      }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }

  async get(key: TreeKey, version?: number | null): Promise<StoredVersion | null> {
    const head = await this.head(key);
    if (!head) return null;
    let meta: VersionMeta;
    let chunkCount: number;
    if (version === undefined || version === null || version === head.version) {
      meta = headMeta(head);
      chunkCount = head.chunkCount;
      if (!head.sealed) await this.seal(head).catch(() => undefined);
    } else {
      if (version > head.version) return null;
      const all = versionsFrom(await readLogs(this, this.table, key), head);
      const found = all.find((v) => v.version === version);
      if (!found) return null;
      meta = found;
      chunkCount = found.chunkCount;
    }
    const items = await queryAll(this, {
      TableName: this.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': treePk(key), ':p': versionPrefix(meta.version, meta.submissionId) }, ConsistentRead: true,
    }, 'Query chunks') as unknown as ChunkItem[];
    items.sort((a, b) => a.chunk - b.chunk);
    if (items.length !== chunkCount || items.some((c, i) => c.chunk !== i)) {
      throw new StoreError(`version ${meta.version}: ${items.length} of ${chunkCount} chunks found`);
    }
    const json = gunzipSync(Buffer.concat(items.map((c) => c.data))).toString('utf8');
    if (createHash('sha256').update(json).digest('hex') !== meta.hash) throw new StoreError(`version ${meta.version}: hash mismatch`);
    const { chunkCount: _c, ...publicMeta } = meta as VersionMeta & { chunkCount?: number };
    return { meta: publicMeta, headVersion: head.version, json };
  }

  async versions(key: TreeKey): Promise<VersionMeta[]> {
    const head = await this.head(key);
    if (!head) return [];
    return versionsFrom(await readLogs(this, this.table, key), head).map(({ chunkCount: _c, ...m }) => m);
  }

  async list(pemda: string, periode: string): Promise<(VersionMeta & { opd: string })[]> {
    const items = await queryAll(this, {
      TableName: this.table, IndexName: GSI1, KeyConditionExpression: 'GSI1PK = :l',
      ExpressionAttributeValues: { ':l': listPk(pemda, periode) },
    }, 'Query GSI1') as unknown as HeadItem[];
    return items.map((h) => ({ opd: h.opd, ...headMeta(h) }));
  }

  async review(input: ReviewInput): Promise<{ version: number; status: VersionMeta['status']; review: ReviewInfo }> {
    const head = await this.head(input.key);
    if (!head) throw new NotFoundError('no tree');
    if (head.version !== input.version) throw new VersionConflictError(stale(head));
    const status = input.action === 'terima' ? 'diterima' : 'dikembalikan';
    const review: ReviewInfo = { action: input.action, by: input.actor, at: this.now().toISOString(), note: input.note };
    try {
      await this.send('UpdateItem HEAD review', new UpdateCommand({
        TableName: this.table, Key: { PK: head.PK, SK: HEAD_SK },
        UpdateExpression: 'SET #st = :st, review = :r', ConditionExpression: '#v = :v AND submissionId = :s',
        ExpressionAttributeNames: { '#st': 'status', '#v': 'version' },
        ExpressionAttributeValues: { ':st': status, ':r': review, ':v': head.version, ':s': head.submissionId },
      }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      throw new VersionConflictError(stale(await this.head(input.key)));
    }
    // HEAD carries the current status; the audit item keeps the history (a lost one loses only history).
    const log: ReviewLogItem = {
      PK: head.PK, SK: logSk(review.at, `v${pad6(head.version)}-${input.action}-${Math.random().toString(36).slice(2, 8)}`),
      action: input.action, actor: input.actor, at: review.at, fromVersion: head.version, toVersion: head.version, note: input.note,
    };
    await this.send('PutItem audit', new PutCommand({ TableName: this.table, Item: log }));
    return { version: head.version, status, review };
  }

  // Crosscutting links and decisions: functions/store/dynamo-links.ts.
  links(pemda: string, periode: string): Promise<StoredLink[]> { return readLinks(this, this.table, pemda, periode); }
  link(pemda: string, periode: string, linkId: string): Promise<StoredLink | null> { return readLink(this, this.table, pemda, periode, linkId); }
  recordLinks(input: LinkRecordInput): Promise<void> { return recordLinks(this, this.table, input, this.now().toISOString()); }
  decide(input: DecideInput): Promise<StoredLink> { return decide(this, this.table, input, this.now().toISOString()); }
}

function stale(head: HeadItem | null): StaleDetails {
  return head ? { currentVersion: head.version, by: head.author, at: head.at } : { currentVersion: 0, by: '', at: '' };
}
