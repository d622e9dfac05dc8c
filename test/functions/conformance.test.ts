/**
 * Conformance tier: the same store behaviour on DynamoDB Local, AWS's own engine (the jar
 * inside the npm package amplify-dynamodb-simulator, run with the machine's Java): the basic
 * commit/read/review cycle, then the whole fault suite (fault-suite.ts, race-suite.ts, doc-suite.ts) that
 * faults.test.ts runs on dynalite. Skips with
 * a printed reason when Java or the package is unavailable (outside CI: in CI it must run).
 * The package is fetched once with `npm pack` into node_modules/.cache/pokin-ddb-local.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../functions/local/dynalite.js';
import { DynamoTreeStore } from '../../functions/store/dynamo.js';
import { ensureTable } from '../../functions/store/table.js';
import { StaleBaseError } from '../../functions/store/types.js';
import type { Engine } from './engine.js';
import { commitFaultSuite } from './fault-suite.js';
import { PEMDA, PERIODE } from './fixtures.js';
import { raceSuite } from './race-suite.js';
import { docSuite } from './doc-suite.js';

const PKG = 'amplify-dynamodb-simulator@2.9.30';
const CACHE = process.env.POKIN_DDB_LOCAL_CACHE ?? join(process.cwd(), 'node_modules', '.cache', 'pokin-ddb-local');
const JAR_DIR = join(CACHE, 'package', 'emulator');

function prepare(): string | null {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    return 'Java is not installed';
  }
  if (existsSync(join(JAR_DIR, 'DynamoDBLocal.jar'))) return null;
  try {
    mkdirSync(CACHE, { recursive: true });
    const file = execFileSync('npm', ['pack', PKG, '--pack-destination', CACHE, '--silent'], { encoding: 'utf8', timeout: 120_000 }).trim().split('\n').pop() ?? '';
    execFileSync('tar', ['xzf', join(CACHE, file), '-C', CACHE], { timeout: 60_000 });
  } catch (e) {
    return `could not fetch ${PKG}: ${(e as Error).message.split('\n')[0]}`;
  }
  return existsSync(join(JAR_DIR, 'DynamoDBLocal.jar')) ? null : `${PKG} has no DynamoDBLocal.jar`;
}

const skipReason = prepare();
if (skipReason && process.env.CI) throw new Error(`DynamoDB Local conformance tier cannot run in CI: ${skipReason}`);
if (skipReason) console.log(`[conformance] skipped: ${skipReason}`);

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

describe.skipIf(skipReason !== null)('DynamoDB Local conformance', () => {
  let java: ChildProcess;
  let client: DynamoDBClient;
  let store: DynamoTreeStore;
  let engine: Engine;
  const counts = { boxes: 1, indicators: 1, errors: 0, warnings: 0, infos: 0 };
  const key = (opd: string) => ({ pemda: PEMDA, periode: PERIODE, opd });

  beforeAll(async () => {
    const port = await freePort();
    java = spawn('java', ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-inMemory', '-port', String(port)], { cwd: JAR_DIR, stdio: 'ignore' });
    client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: LOCAL_CREDENTIALS });
    for (let i = 0; ; i++) {
      try { await client.send(new ListTablesCommand({})); break; } catch (e) { if (i > 100) throw e; await new Promise((r) => setTimeout(r, 100)); }
    }
    await ensureTable(client, 'pokin');
    store = new DynamoTreeStore({ client, tableName: 'pokin', log: () => {} });
    engine = {
      name: 'DynamoDB Local', tableName: 'pokin',
      client: (config = {}) => new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: LOCAL_CREDENTIALS, ...config }),
    };
  }, 60_000);
  afterAll(() => {
    client?.destroy();
    java?.kill();
  });

  it('commits, retries idempotently, refuses stale bases, reads history', async () => {
    const k = key('PEMDA');
    expect(await store.commit({ key: k, baseVersion: 0, submissionId: 'conf-aaaa', author: 'a', json: '{"v":1}', counts })).toMatchObject({ version: 1, created: true });
    expect(await store.commit({ key: k, baseVersion: 0, submissionId: 'conf-aaaa', author: 'a', json: '{"v":1}', counts })).toMatchObject({ version: 1, created: false });
    await expect(store.commit({ key: k, baseVersion: 0, submissionId: 'conf-bbbb', author: 'b', json: '{"v":2}', counts })).rejects.toBeInstanceOf(StaleBaseError);
    await store.commit({ key: k, baseVersion: 1, submissionId: 'conf-cccc', author: 'c', json: '{"v":3}', counts });
    expect((await store.get(k))?.json).toBe('{"v":3}');
    expect((await store.get(k, 1))?.json).toBe('{"v":1}');
    await store.review({ key: k, version: 2, action: 'kembalikan', note: 'perbaiki', actor: 'org' });
    expect((await store.versions(k)).map((v) => [v.version, v.status])).toEqual([[2, 'dikembalikan'], [1, 'diajukan']]);
    expect((await store.list(PEMDA, PERIODE)).map((r) => r.opd)).toEqual(['PEMDA']);
  });

  it('lets exactly one of 20 concurrent commits on the same base win', async () => {
    const k = key('1.02.0.00.0.00.01.0000');
    await store.commit({ key: k, baseVersion: 0, submissionId: 'race-base', author: 'a', json: '{}', counts });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      store.commit({ key: k, baseVersion: 1, submissionId: `race-${String(i).padStart(4, '0')}`, author: 'a', json: `{"i":${i}}`, counts })));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof StaleBaseError).length).toBe(19);
    expect((await store.get(k))?.meta.version).toBe(2);
  });

  commitFaultSuite('DynamoDB Local', () => engine, () => store, 0);
  raceSuite('DynamoDB Local', () => engine, () => store, 1000, 30);
  docSuite('DynamoDB Local', () => engine, () => store, 2000, 21);
});
