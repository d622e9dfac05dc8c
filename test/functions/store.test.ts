/**
 * The DynamoDB TreeStore on dynalite: commit and visibility, idempotent retries, stale bases,
 * a race of 20 pushes, and injected throttling. Crashes and races: faults.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreeCounts } from '../../core/wire/index.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { startDynalite, type LocalDynamo } from '../../functions/local/dynalite.js';
import { StaleBaseError, SubmissionReusedError, type TreeKey } from '../../functions/store/types.js';
import {
  allItems, apiEvent, fastRetry, OPD, OTHER_OPD, PEMDA, PERIODE, pushBody, seeded, startStore, treeFor, treeParams, type TestStore,
} from './fixtures.js';

const counts: TreeCounts = { boxes: 1, indicators: 1, errors: 0, warnings: 0, infos: 0 };
let dynamo: LocalDynamo;
let t: TestStore;
let seq = 0;
const freshKey = (): TreeKey => ({ pemda: PEMDA, periode: PERIODE, opd: `5.01.0.00.0.00.${String(++seq).padStart(2, '0')}.0000` });
const commitInput = (key: TreeKey, baseVersion: number, submissionId: string, json: string) =>
  ({ key, baseVersion, submissionId, author: 'tester', json, counts });
/** Incompressible text: ~1.2 MB of it gzips to 3 chunks of < 350 KB. */
const bigJson = (n = 1_200_000) => JSON.stringify({ blob: randomBytes(Math.ceil((n * 3) / 4)).toString('base64') });

beforeAll(async () => {
  dynamo = await startDynalite();
  t = await startStore({ dynamo });
});
afterAll(async () => {
  await t.close();
  await dynamo.close();
});

describe('commit and read', () => {
  it('makes a version visible only through HEAD, whole, in chunks below 350 KB', async () => {
    const key = freshKey();
    expect(await t.store.get(key)).toBeNull();
    const json = bigJson();
    const r = await t.store.commit(commitInput(key, 0, 'sub-first-1', json));
    expect(r).toMatchObject({ version: 1, created: true });
    const got = await t.store.get(key);
    expect(got?.json).toBe(json);
    expect(got?.meta).toMatchObject({ version: 1, hash: r.hash, status: 'diajukan', author: 'tester' });
    const chunks = (await allItems(t)).filter((i) => String(i.PK).endsWith(key.opd) && String(i.SK).startsWith('V#'));
    expect(chunks.length).toBe(3);
    for (const c of chunks) {
      expect((c.data as Uint8Array).length).toBeLessThanOrEqual(350 * 1024);
      expect(c.ttl).toBeUndefined(); // written once, without a TTL
    }
  });

  it('answers a retried submissionId with the same version, even after later pushes', async () => {
    const key = freshKey();
    const a = await t.store.commit(commitInput(key, 0, 'sub-retry-a', '{"a":1}'));
    expect(await t.store.commit(commitInput(key, 0, 'sub-retry-a', '{"a":1}'))).toEqual({ ...a, created: false, isHead: true });
    await t.store.commit(commitInput(key, 1, 'sub-retry-b', '{"b":1}'));
    await t.store.commit(commitInput(key, 2, 'sub-retry-c', '{"c":1}'));
    expect(await t.store.commit(commitInput(key, 0, 'sub-retry-a', '{"a":1}'))).toEqual({ ...a, created: false, isHead: false });
    expect(await t.store.commit(commitInput(key, 1, 'sub-retry-b', '{"b":1}'))).toMatchObject({ version: 2, created: false });
    await expect(t.store.commit(commitInput(key, 0, 'sub-retry-a', '{"a":2}'))).rejects.toBeInstanceOf(SubmissionReusedError);
    expect((await t.store.versions(key)).map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('refuses a stale base with the current version, author and time', async () => {
    const key = freshKey();
    await t.store.commit(commitInput(key, 0, 'sub-stale-a', '{"a":1}'));
    const err = await t.store.commit(commitInput(key, 0, 'sub-stale-b', '{"b":1}')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleBaseError);
    expect((err as StaleBaseError).current).toMatchObject({ currentVersion: 1, by: 'tester' });
    await expect(t.store.commit(commitInput(key, 5, 'sub-stale-c', '{"c":1}'))).rejects.toBeInstanceOf(StaleBaseError);
    expect((await t.store.get(key))?.json).toBe('{"a":1}');
  });

  it('reads older versions by number and lists the history newest first', async () => {
    const key = freshKey();
    for (let v = 0; v < 3; v++) await t.store.commit(commitInput(key, v, `sub-hist-${v}`, `{"v":${v + 1}}`));
    expect((await t.store.get(key, 2))?.json).toBe('{"v":2}');
    expect(await t.store.get(key, 9)).toBeNull();
    const hist = await t.store.versions(key);
    expect(hist.map((h) => [h.version, h.baseVersion])).toEqual([[3, 2], [2, 1], [1, 0]]);
  });
});

describe('a race of 20 pushes on the same base', () => {
  it('gives exactly one 201 and nineteen 409, and a consistent HEAD', async () => {
    const path = treeParams(OPD, PEMDA, '2025-2027');
    const who = { role: 'perencana' as const, opd: OPD };
    const first = await putTree(apiEvent({ method: 'PUT', path, who, body: pushBody() }), { store: t.store });
    expect(first.statusCode).toBe(201);
    const bodies = Array.from({ length: 20 }, () => pushBody(undefined, 1));
    const answers = await Promise.all(bodies.map((b) => putTree(apiEvent({ method: 'PUT', path, who, body: b }), { store: t.store })));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201).length).toBe(1);
    expect(codes.filter((c) => c === 409).length).toBe(19);
    const winner = bodies[answers.findIndex((a) => a.statusCode === 201)];
    const loser = JSON.parse(answers.find((a) => a.statusCode === 409)?.body ?? '{}');
    expect(loser.error).toMatchObject({ code: 'STALE_BASE', details: { currentVersion: 2 } });
    const key = { pemda: PEMDA, periode: '2025-2027', opd: OPD };
    const head = await t.store.get(key);
    expect(head?.meta).toMatchObject({ version: 2, submissionId: winner.submissionId });
    expect(JSON.parse(head?.json ?? '')).toEqual(winner.tree);
    expect((await t.store.versions(key)).map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('throttling', () => {
  it('retries throttled calls; what still fails is a retryable 503 and nothing partial is readable', async () => {
    const rand = seeded(42);
    const client = dynamo.client({ retryStrategy: fastRetry(3) as never });
    let injected = 0;
    client.middlewareStack.add((next) => async (args) => {
      if (rand() < 0.3) {
        injected++;
        throw new ProvisionedThroughputExceededException({ message: 'injected throttling', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    }, { step: 'deserialize', name: 'throttle' });
    const { DynamoTreeStore } = await import('../../functions/store/dynamo.js');
    const throttled = new DynamoTreeStore({ client, tableName: t.tableName, log: () => {} });
    const path = treeParams(OTHER_OPD);
    const key = { pemda: PEMDA, periode: PERIODE, opd: OTHER_OPD };
    const who = { role: 'perencana' as const, opd: OTHER_OPD };
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const base = (await t.store.get(key))?.meta.version ?? 0;
      const body = pushBody(treeFor(OTHER_OPD), base);
      const a = await putTree(apiEvent({ method: 'PUT', path, who, body }), { store: throttled, log: () => {} });
      statuses.push(a.statusCode ?? 0);
      if (a.statusCode === 503) {
        expect(JSON.parse(a.body ?? '').error).toMatchObject({ code: 'UNAVAILABLE', details: { retryable: true } });
        expect(a.headers?.['retry-after']).toBeDefined();
      } else expect([200, 201, 409]).toContain(a.statusCode);
      const seen = await t.store.get(key); // hash-checked: throws on a partial version
      if (seen) expect(seen.meta.version).toBeGreaterThanOrEqual(base);
    }
    client.destroy();
    expect(injected).toBeGreaterThan(10);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(10);
    const hist = await t.store.versions(key);
    expect(hist.map((h) => h.version)).toEqual(Array.from({ length: hist.length }, (_, i) => hist.length - i));
  });
});
