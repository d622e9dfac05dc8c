/**
 * The fault suite on dynalite (the default engine): crashes at every write followed by a retry
 * with the same submissionId, identical retries at once, a reused submissionId, decision × push
 * and review × review races, orphans; the same for the per-year documents, and notes × LKE pushes
 * (doc-suite.ts). conformance.test.ts runs the same suites on DynamoDB Local.
 */
import { afterAll, beforeAll } from 'vitest';
import { startDynalite, type LocalDynamo } from '../../functions/local/dynalite.js';
import { DynamoTreeStore } from '../../functions/store/dynamo.js';
import { ensureTable } from '../../functions/store/table.js';
import type { Engine } from './engine.js';
import { commitFaultSuite } from './fault-suite.js';
import { raceSuite } from './race-suite.js';
import { docSuite } from './doc-suite.js';
import './fixtures.js';

let dynamo: LocalDynamo;
let engine: Engine;
let store: DynamoTreeStore;

beforeAll(async () => {
  dynamo = await startDynalite();
  engine = { name: 'dynalite', tableName: `pokin-faults-${process.pid}`, client: (c) => dynamo.client(c) };
  const admin = dynamo.client();
  await ensureTable(admin, engine.tableName);
  admin.destroy();
  store = new DynamoTreeStore({ client: dynamo.client(), tableName: engine.tableName, log: () => {} });
});
afterAll(async () => {
  store.doc.destroy();
  await dynamo.close();
});

commitFaultSuite('dynalite', () => engine, () => store, 0);
raceSuite('dynalite', () => engine, () => store, 1000, 30);
docSuite('dynalite', () => engine, () => store, 2000, 21);
