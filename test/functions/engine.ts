/**
 * What the fault suites need from a DynamoDB engine (dynalite, or DynamoDB Local in the
 * conformance tier): clients with injected faults over one table, and the helpers that look
 * at the table from outside (a Scan: tests only).
 */
import type { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoTreeStore } from '../../functions/store/dynamo.js';
import { HEAD_SK } from '../../functions/store/keys.js';
import type { TreeKey } from '../../functions/store/types.js';

export interface Engine {
  name: string;
  tableName: string;
  client(config?: DynamoDBClientConfig): DynamoDBClient;
}

const WRITES = /^(PutItem|UpdateItem|DeleteItem)Command$/;

/**
 * A store whose process "dies" at one write: `before` = the request never leaves, `after` =
 * the engine applied it but the answer is lost (the process died right after sending). Every
 * later call fails too, like a killed Lambda.
 */
export function dyingStore(engine: Engine, write: number, when: 'before' | 'after'): { store: DynamoTreeStore; crashed: () => boolean; close(): void } {
  const client = engine.client({ maxAttempts: 1 });
  let seen = 0;
  let dead = false;
  client.middlewareStack.add((next, context) => async (args) => {
    if (dead) throw new Error('simulated crash (process gone)');
    if (!WRITES.test(String(context.commandName))) return next(args);
    const n = ++seen;
    if (n === write && when === 'before') { dead = true; throw new Error('simulated crash before the write'); }
    const out = await next(args);
    if (n === write) { dead = true; throw new Error('simulated crash after the write'); }
    return out;
  }, { step: 'initialize', name: 'crash' });
  const store = new DynamoTreeStore({ client, tableName: engine.tableName, log: () => {} });
  return { store, crashed: () => dead, close: () => client.destroy() };
}

/** A store whose writes pass through `gate` first (to order racing requests deliberately). */
export function gatedStore(engine: Engine, gate: (command: string, input: Record<string, unknown>) => Promise<void>): { store: DynamoTreeStore; close(): void } {
  const client = engine.client();
  client.middlewareStack.add((next, context) => async (args) => {
    await gate(String(context.commandName), (args.input ?? {}) as Record<string, unknown>);
    return next(args);
  }, { step: 'initialize', name: 'gate' });
  return { store: new DynamoTreeStore({ client, tableName: engine.tableName, log: () => {} }), close: () => client.destroy() };
}

/** The key of a partition: `TREE#p#per#opd`, or a document's `REALISASI#p#per#opd#tahun` / `LKE#…`. */
export function keyOfPk(pk: string): TreeKey {
  const [kind, pemda, periode, opd, tahun] = pk.split('#');
  if (kind === 'TREE') return { pemda, periode, opd };
  return { pemda, periode, opd, doc: { kind: kind === 'LKE' ? 'lke' : 'realisasi', tahun: Number(tahun) } };
}

export async function scanAll(store: DynamoTreeStore): Promise<Record<string, unknown>[]> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.table, ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Every item of one partition (a tree or a document), read with a paged Query. */
async function partition(store: DynamoTreeStore, pk: string): Promise<Record<string, unknown>[]> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new QueryCommand({
      TableName: store.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ExclusiveStartKey: start, ConsistentRead: true,
    }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Chunk items no committed version points to, for the tree (or document) of partition `pk`: a
 * chunk is committed when its (version, submissionId) is in the tree's history. A Query of the
 * partition, not a Scan: after the fault suites DynamoDB Local holds thousands of chunk items,
 * and a full Scan per round made the 21-round note × push test pass 120 s there (2 s alone).
 */
export async function orphanChunks(store: DynamoTreeStore, pk: string): Promise<string[]> {
  const items = await partition(store, pk);
  const committed = new Set<string>();
  for (const head of items.filter((i) => i.SK === HEAD_SK)) {
    for (const v of await store.versions(keyOfPk(String(head.PK)))) committed.add(`${head.PK}|${v.version}|${v.submissionId}`);
  }
  return items
    .filter((i) => String(i.SK).startsWith('V#') && !committed.has(`${i.PK}|${i.version}|${i.submissionId}`))
    .map((i) => `${i.PK} ${i.SK}`);
}
