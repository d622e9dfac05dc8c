/**
 * TreeStore on DynamoDB without transactions (ARCHITECTURE §3). The commit protocol lives in
 * dynamo-commit.ts, crosscutting links and decisions in dynamo-links.ts, read helpers in
 * dynamo-read.ts; this class wires them to one client and table.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocKind, ReviewInfo, VersionMeta } from '../../core/wire/index.js';
import { chunkSk, docListPk, HEAD_SK, listPk, logSk, pad6, treePk, versionPrefix, type ChunkItem, type HeadItem, type ReviewLogItem } from './keys.js';
import { commitVersion, inParallel, isConditionFailure, putPushLog, stale, type CommitContext } from './dynamo-commit.js';
import { headMeta, queryAll, readLogs, versionsFrom } from './dynamo-read.js';
import { decide, readLink, readLinks, recordLinks } from './dynamo-links.js';
import { GSI1 } from './table.js';
import {
  AlreadyReviewedError, NotFoundError, StoreError, StoreUnavailableError, VersionConflictError,
  type CommitInput, type CommitResult, type DecideInput, type LinkRecordInput, type ReviewInput, type StoredLink,
  type StoredVersion, type TreeKey, type TreeStore,
} from './types.js';

export interface DynamoTreeStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => Date;
  /** Called with the write/read capacity units DynamoDB reports (ReturnConsumedCapacity). */
  onCapacity?: (units: number, operation: string) => void;
  /** Post-commit failures that a later writer repairs (logged, never thrown). */
  log?: (message: string, error: unknown) => void;
}

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError',
  'ServiceUnavailable', 'LimitExceededException', 'TimeoutError', 'RequestTimeout', 'TransactionInProgressException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/** Throttling, 5xx and network failures that survived the SDK's retries become a 503. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const x = e as Error & { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string };
  return TRANSIENT.has(x.name) || x.$retryable !== undefined || (x.$metadata?.httpStatusCode ?? 0) >= 500 ||
    (x.code !== undefined && NETWORK.has(x.code));
}

export class DynamoTreeStore implements TreeStore, CommitContext {
  readonly doc: DynamoDBDocumentClient;
  readonly table: string;
  private readonly clock: () => Date;
  private readonly opts: DynamoTreeStoreOptions;

  constructor(opts: DynamoTreeStoreOptions) {
    this.opts = opts;
    this.doc = DynamoDBDocumentClient.from(opts.client, { marshallOptions: { removeUndefinedValues: true } });
    this.table = opts.tableName;
    this.clock = opts.now ?? (() => new Date());
  }

  now(): Date { return this.clock(); }
  log(message: string, error: unknown): void { (this.opts.log ?? (() => {}))(message, error); }

  /** Every SDK call goes through here: capacity accounting and transient-error mapping. */
  async send<T = unknown>(op: string, command: { input: object }): Promise<T> {
    if (this.opts.onCapacity) (command.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    try {
      const out = (await this.doc.send(command as never)) as unknown as T & { ConsumedCapacity?: { CapacityUnits?: number } };
      if (this.opts.onCapacity) this.opts.onCapacity(out.ConsumedCapacity?.CapacityUnits ?? 0, op);
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

  commit(input: CommitInput): Promise<CommitResult> {
    return commitVersion(this, input);
  }

  /**
   * HEADs written before chunks were stored without a TTL (`chunksTtl` and not `sealed`):
   * their chunks still expire unless the TTL is removed, and their audit item may be missing.
   * Done once, by whoever meets such a HEAD first.
   */
  async legacySeal(head: HeadItem): Promise<void> {
    if (head.chunksTtl !== true || head.sealed === true) return;
    await inParallel(Array.from({ length: head.chunkCount }, (_, i) => i), 4, async (i) => {
      try {
        await this.send('UpdateItem chunk ttl', new UpdateCommand({
          TableName: this.table, Key: { PK: head.PK, SK: chunkSk(head.version, head.submissionId, i) },
          UpdateExpression: 'REMOVE #ttl', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#ttl': 'ttl' },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    });
    await putPushLog(this, head);
    try {
      await this.send('UpdateItem HEAD sealed', new UpdateCommand({
        TableName: this.table, Key: { PK: head.PK, SK: HEAD_SK }, UpdateExpression: 'SET sealed = :t',
        ConditionExpression: '#v = :v AND submissionId = :s', ExpressionAttributeNames: { '#v': 'version' },
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
      await this.legacySeal(head).catch((e: unknown) => this.log('legacy seal postponed', e));
    } else {
      if (version > head.version) return null;
      const found = versionsFrom(await readLogs(this, this.table, key), head).find((v) => v.version === version);
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

  list(pemda: string, periode: string): Promise<(VersionMeta & { opd: string })[]> {
    return this.heads(listPk(pemda, periode));
  }

  listDocs(kind: DocKind, pemda: string, periode: string, tahun: number): Promise<(VersionMeta & { opd: string })[]> {
    return this.heads(docListPk(kind, pemda, periode, tahun));
  }

  private async heads(gsi1pk: string): Promise<(VersionMeta & { opd: string })[]> {
    const items = await queryAll(this, {
      TableName: this.table, IndexName: GSI1, KeyConditionExpression: 'GSI1PK = :l',
      ExpressionAttributeValues: { ':l': gsi1pk },
    }, 'Query GSI1') as unknown as HeadItem[];
    return items.map((h) => ({ opd: h.opd, ...headMeta(h) }));
  }

  /**
   * One decision per version: the first review wins (a condition on HEAD: same version and
   * submission, no review yet); a second one gets the decision that stands. The same reviewer
   * repeating the same decision (a retry) gets it back as a success.
   */
  async review(input: ReviewInput): Promise<{ version: number; status: VersionMeta['status']; review: ReviewInfo }> {
    const head = await this.head(input.key);
    if (!head) throw new NotFoundError('no tree');
    if (head.version !== input.version) throw new VersionConflictError(stale(head));
    if (head.review) return reviewedAlready(head, input);
    const status = input.action === 'terima' ? 'diterima' : 'dikembalikan';
    const review: ReviewInfo = { action: input.action, by: input.actor, at: this.now().toISOString(), note: input.note };
    try {
      await this.send('UpdateItem HEAD review', new UpdateCommand({
        TableName: this.table, Key: { PK: head.PK, SK: HEAD_SK },
        UpdateExpression: 'SET #st = :st, review = :r',
        ConditionExpression: '#v = :v AND submissionId = :s AND attribute_not_exists(review)',
        ExpressionAttributeNames: { '#st': 'status', '#v': 'version' },
        ExpressionAttributeValues: { ':st': status, ':r': review, ':v': head.version, ':s': head.submissionId },
      }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const now = await this.head(input.key);
      if (now && now.version === input.version && now.review) return reviewedAlready(now, input);
      throw new VersionConflictError(stale(now));
    }
    // HEAD carries the decision; the audit item keeps the history (the next push's audit item of
    // this version carries it too, so a lost one loses nothing).
    const log: ReviewLogItem = {
      PK: head.PK, SK: logSk(review.at, `v${pad6(head.version)}-${input.action}`),
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

function reviewedAlready(head: HeadItem, input: ReviewInput): { version: number; status: VersionMeta['status']; review: ReviewInfo } {
  const r = head.review as ReviewInfo;
  if (r.action === input.action && r.by === input.actor && r.note === input.note) return { version: head.version, status: head.status, review: r };
  throw new AlreadyReviewedError({ version: head.version, status: head.status, review: r });
}
