/**
 * The fault suite of the store and the write routes, run on dynalite (faults.test.ts) and on
 * DynamoDB Local (conformance.test.ts): a crash at every write of a commit followed by a retry
 * with the SAME submissionId; identical retries arriving at once; one submissionId reused for
 * different trees. Each asserts exactly one winner, no 5xx, nothing acknowledged lost and no
 * orphan left behind. Races between writers: race-suite.ts.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkId } from '../../core/derive/consolidate/ids.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { CrosscuttingAnswer, TreeCounts } from '../../core/wire/index.js';
import { handle as decideRoute } from '../../functions/http/crosscutting-decision.js';
import { handle as listCrosscutting } from '../../functions/http/list-crosscutting.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { DynamoTreeStore } from '../../functions/store/dynamo.js';
import type { TreeKey, TreeStore } from '../../functions/store/types.js';
import { KODE_PEMDA, opdSnapshot, PERIODE } from '../helpers/opds.js';
import { dyingStore, orphanChunks, type Engine } from './engine.js';
import { apiEvent, pushBody, type Who } from './fixtures.js';

const counts: TreeCounts = { boxes: 1, indicators: 1, errors: 0, warnings: 0, infos: 0 };
/** Incompressible text: ~1.2 MB of it gzips to 3 chunks of < 350 KB. */
export const bigJson = (n = 1_200_000): string => JSON.stringify({ blob: randomBytes(Math.ceil((n * 3) / 4)).toString('base64') });
const commitInput = (key: TreeKey, baseVersion: number, submissionId: string, json: string) =>
  ({ key, baseVersion, submissionId, author: 'tester', json, counts });

export const who = (opd: string): Who => ({ role: 'perencana', pemda: KODE_PEMDA, opd, sub: `perencana-${opd}` });
export const treePk = (opd: string) => `TREE#${KODE_PEMDA}#${PERIODE}#${opd}`;

export async function put(store: TreeStore, opd: string, body: ReturnType<typeof pushBody>) {
  const a = await putTree(apiEvent({ method: 'PUT', path: { pemda: KODE_PEMDA, periode: PERIODE, opd }, who: who(opd), body }), { store, log: () => {} });
  return { status: a.statusCode ?? 0, body: JSON.parse(a.body ?? '{}') };
}

export async function decide(store: TreeStore, target: string, id: string, status: 'disetujui' | 'ditolak') {
  const a = await decideRoute(apiEvent({
    method: 'POST', path: { pemda: KODE_PEMDA, periode: PERIODE, opd: target, id }, who: who(target), body: { status, reason: status === 'ditolak' ? 'Bukan kewenangan' : '' },
  }), { store, log: () => {} });
  return { status: a.statusCode ?? 0, body: JSON.parse(a.body ?? '{}') };
}

export async function outgoing(store: TreeStore, opd: string): Promise<CrosscuttingAnswer['outgoing']> {
  const a = await listCrosscutting(apiEvent({ method: 'GET', path: { pemda: KODE_PEMDA, periode: PERIODE, opd }, who: who(opd) }), { store, log: () => {} });
  return (JSON.parse(a.body ?? '{}') as CrosscuttingAnswer).outgoing;
}

/**
 * Kode OPD number `n` (all in bidang 1.02, so the generated tree's codes stay consistent):
 * 1.02.0.00.0.00.01.0000, …, ten thousand per unit segment.
 */
export function unit(n: number): string {
  return `1.02.0.00.0.00.${String(1 + Math.floor(n / 10_000)).padStart(2, '0')}.${String(n % 10_000).padStart(4, '0')}`;
}

/**
 * OPD `n`'s tree (the generator's OPD 1, moved to Kode OPD `unit(n)`), with one crosscutting
 * request S1 → OPD `target` S2 when `target` is given; `variant` changes Nama OPD.
 */
export function linkedTree(n: number, target?: number, variant?: string): WorkbookSnapshot {
  const tree = opdSnapshot(1, { crosscutting: target === undefined ? [] : [{ nodeId: 'S1', opdTujuan: unit(target), nodeTujuan: 'S2', kontribusi: 'Data sasaran' }] });
  return withOpd(tree, unit(n), variant);
}

export const requestId = (source: number, target: number) => linkId({ sourceOpd: unit(source), nodeId: 'S1', targetOpd: unit(target), nodeTujuan: 'S2' });

/** OPD numbers of one suite run never collide with another run's on the same table. */
export function opdCounter(start: number): () => number {
  let n = start;
  return () => n++;
}

export function commitFaultSuite(name: string, engine: () => Engine, store: () => DynamoTreeStore, firstOpd: number): void {
  const nextOpd = opdCounter(firstOpd);

  describe(`${name}: a crash at any write of a commit, then a retry with the same submissionId`, () => {
    // Writes of this commit: 3 chunks, the audit item of version 1, HEAD.
    for (let write = 1; write <= 5; write++) {
      for (const when of ['before', 'after'] as const) {
        it(`commits exactly once and loses nothing (crash ${when} write #${write})`, async () => {
          const opd = unit(nextOpd());
          const key = { pemda: KODE_PEMDA, periode: PERIODE, opd };
          const v1 = bigJson();
          await store().commit(commitInput(key, 0, 'sub-crash-v1', v1));
          const v2 = bigJson();
          const dying = dyingStore(engine(), write, when);
          const first = await dying.store.commit(commitInput(key, 1, 'sub-crash-v2', v2)).then(() => 'acknowledged', () => 'crashed');
          dying.close();
          expect(first).toBe('crashed');

          const retry = await store().commit(commitInput(key, 1, 'sub-crash-v2', v2));
          const headMoved = write === 5 && when === 'after';
          expect(retry).toMatchObject({ version: 2, created: !headMoved, isHead: true });
          expect((await store().get(key))?.json).toBe(v2);
          expect((await store().get(key, 1))?.json).toBe(v1);
          expect((await store().versions(key)).map((v) => [v.version, v.submissionId])).toEqual([[2, 'sub-crash-v2'], [1, 'sub-crash-v1']]);
          expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
          // …and the retry again, once more, after a later push: the same version, 200.
          await store().commit(commitInput(key, 2, 'sub-crash-v3', '{"v":3}'));
          expect(await store().commit(commitInput(key, 1, 'sub-crash-v2', v2))).toMatchObject({ version: 2, created: false, isHead: false });
          expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
        });
      }
    }
  });

  describe(`${name}: a push that drops a crosscutting request, crashed at any write and retried`, () => {
    // Writes: the claim on the link item, 1 chunk, the audit item of version 1, HEAD, the
    // link item marked inactive.
    for (let write = 1; write <= 5; write++) {
      for (const when of ['before', 'after'] as const) {
        it(`commits once, records the drop, and the request can no longer be decided (crash ${when} write #${write})`, async () => {
          const i = nextOpd();
          const target = i + 5000;
          const opd = unit(i);
          expect((await put(store(), opd, pushBody(linkedTree(i, target), 0))).status).toBe(201);
          expect((await outgoing(store(), opd)).map((l) => l.status)).toEqual(['Menunggu']);
          const body = pushBody(linkedTree(i), 1);
          const dying = dyingStore(engine(), write, when);
          const first = await put(dying.store, opd, body);
          dying.close();
          // The process died: the client saw no answer (the handler's own 500 stands for that),
          // except at the last write, the best-effort recording after the commit.
          expect(first.status).toBe(write === 5 ? 201 : 500);

          const retry = await put(store(), opd, body);
          expect([200, 201]).toContain(retry.status);
          expect(retry.body.version).toBe(2);
          expect(retry.status === 200).toBe(write >= 4 && !(write === 4 && when === 'before'));
          expect(await outgoing(store(), opd)).toEqual([]);
          const late = await decide(store(), unit(target), requestId(i, target), 'disetujui');
          expect([404, 409]).toContain(late.status);
          expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
        });
      }
    }
  });

  describe(`${name}: identical retries at once`, () => {
    it('answers twenty identical concurrent PUTs with one 201 and nineteen 200 of the same version, no 5xx', async () => {
      const n = nextOpd();
      const opd = unit(n);
      const body = pushBody(linkedTree(n), 0);
      const answers = await Promise.all(Array.from({ length: 20 }, () => put(store(), opd, body)));
      expect(answers.map((a) => a.status).sort()).toEqual([...Array(19).fill(200), 201]);
      expect(new Set(answers.map((a) => a.body.version))).toEqual(new Set([1]));
      expect((await store().versions({ pemda: KODE_PEMDA, periode: PERIODE, opd })).map((v) => v.version)).toEqual([1]);
      expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
    });

    it('answers twenty concurrent retries of a push that crashed after writing its chunks with one 201 and nineteen 200', async () => {
      const n = nextOpd();
      const opd = unit(n);
      const body = pushBody(linkedTree(n), 0);
      const dying = dyingStore(engine(), 2, 'before'); // chunk written, HEAD never
      expect((await put(dying.store, opd, body)).status).toBe(500);
      dying.close();
      const answers = await Promise.all(Array.from({ length: 20 }, () => put(store(), opd, body)));
      expect(answers.map((a) => a.status).sort()).toEqual([...Array(19).fill(200), 201]);
      expect(new Set(answers.map((a) => a.body.version))).toEqual(new Set([1]));
      expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
    });

    it('answers one submissionId sent with ten different trees with one 201 and nine 409 SUBMISSION_REUSED', async () => {
      const n = nextOpd();
      const opd = unit(n);
      const sub = 'reused-submission-0001';
      const bodies = Array.from({ length: 10 }, (_, k) => pushBody(linkedTree(n, undefined, `Dinas Contoh varian ${k}`), 0, sub));
      const answers = await Promise.all(bodies.map((b) => put(store(), opd, b)));
      expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error.code).toBe('SUBMISSION_REUSED');
      const winner = bodies[answers.findIndex((a) => a.status === 201)];
      const head = await store().get({ pemda: KODE_PEMDA, periode: PERIODE, opd });
      expect(JSON.parse(head?.json ?? '')).toEqual(winner.tree);
      // Later, too: the same submissionId with another tree is refused, with the same one answered.
      expect((await put(store(), opd, bodies[(answers.findIndex((a) => a.status === 201) + 1) % 10])).status).toBe(409);
      expect((await put(store(), opd, winner)).status).toBe(200);
    });
  });
}

/** The tree with its Info moved to `opd` (and a distinct Nama OPD when given). */
export function withOpd(tree: WorkbookSnapshot, opd: string, nama?: string): WorkbookSnapshot {
  return {
    tables: tree.tables.map((t) => (t.name !== 'Info' ? t : {
      ...t,
      rows: t.rows.map((r) => (r[0] === 'Kode OPD' ? [r[0], opd, ...r.slice(2)] : nama && r[0] === 'Nama OPD' ? [r[0], nama, ...r.slice(2)] : r)),
    })),
  };
}
