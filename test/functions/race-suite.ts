/**
 * Races between writers, run on dynalite (faults.test.ts) and DynamoDB Local
 * (conformance.test.ts): a crosscutting decision against a push that drops the request (X05),
 * two reviews of one version, twenty pushes on one base; and the orphans such races and crashes
 * leave: never read, and gone by the next commit at the latest.
 */
import { describe, expect, it } from 'vitest';
import { handle as reviewRoute } from '../../functions/http/review.js';
import type { DynamoTreeStore } from '../../functions/store/dynamo.js';
import type { TreeCounts } from '../../core/wire/index.js';
import { prng } from '../helpers/generate.js';
import { KODE_PEMDA, PERIODE } from '../helpers/opds.js';
import { dyingStore, gatedStore, orphanChunks, type Engine } from './engine.js';
import { decide, linkedTree, opdCounter, outgoing, put, requestId, treePk, unit } from './fault-suite.js';
import { apiEvent, pushBody } from './fixtures.js';

const counts: TreeCounts = { boxes: 1, indicators: 1, errors: 0, warnings: 0, infos: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function review(store: DynamoTreeStore, opd: string, version: number, action: 'terima' | 'kembalikan', sub: string) {
  const a = await reviewRoute(apiEvent({
    method: 'POST', path: { pemda: KODE_PEMDA, periode: PERIODE, opd }, who: { role: 'organisasi', pemda: KODE_PEMDA, sub },
    body: { version, action, note: action === 'kembalikan' ? 'Lengkapi indikator' : '' },
  }), { store, log: () => {} });
  return { status: a.statusCode ?? 0, body: JSON.parse(a.body ?? '{}') };
}

export function raceSuite(name: string, engine: () => Engine, store: () => DynamoTreeStore, firstOpd: number, rounds: number): void {
  const nextOpd = opdCounter(firstOpd);

  describe(`${name}: races with exactly one winner`, () => {
    it(`settles a decision against a push that drops the request with exactly one winner (${rounds} rounds)`, async () => {
      const rand = prng(13);
      const outcomes = { decision: 0, push: 0 };
      for (let round = 0; round < rounds; round++) {
        const source = nextOpd();
        const target = source + 5000;
        const opd = unit(source);
        expect((await put(store(), opd, pushBody(linkedTree(source, target), 0))).status).toBe(201);
        const id = requestId(source, target);
        // The push validates its tree before it writes anything; the decision loads the source
        // tree first. A third of the rounds give the decision a head start, a third the push,
        // a third start both at once: either side lands first, and many overlap.
        const wait = rand() * 40;
        const [decisionDelay, pushDelay] = round % 3 === 0 ? [0, wait / 2] : round % 3 === 1 ? [0, 0] : [wait, 0];
        const [d, p] = await Promise.all([
          sleep(decisionDelay).then(() => decide(store(), unit(target), id, 'disetujui')),
          sleep(pushDelay).then(() => put(store(), opd, pushBody(linkedTree(source), 1))),
        ]);
        expect(d.status, JSON.stringify(d.body)).toBeLessThan(500);
        expect(p.status, JSON.stringify(p.body)).toBeLessThan(500);
        const decided = d.status === 200;
        const pushed = p.status === 201;
        expect(decided !== pushed, `round ${round}: decision ${d.status}, push ${p.status}`).toBe(true);
        const head = await store().get({ pemda: KODE_PEMDA, periode: PERIODE, opd });
        const link = await store().link(KODE_PEMDA, PERIODE, id);
        if (decided) {
          outcomes.decision++;
          expect(p.status).toBe(422);
          expect(p.body.error.details.issues.map((i: { rule: string }) => i.rule)).toEqual(['X05']);
          expect(head?.meta.version).toBe(1);
          expect(link?.decision?.status).toBe('disetujui');
          expect((await outgoing(store(), opd)).map((l) => l.status)).toEqual(['Disetujui']);
        } else {
          outcomes.push++;
          expect([404, 409]).toContain(d.status);
          expect(head?.meta.version).toBe(2);
          expect(link?.decision).toBeUndefined();
        }
      }
      // Both sides won some rounds: the race is real, not one side always first.
      expect(outcomes.decision).toBeGreaterThan(0);
      expect(outcomes.push).toBeGreaterThan(0);
      console.log(`[${name}] decision × push: decision won ${outcomes.decision}, push won ${outcomes.push} of ${rounds}`);
    }, 120_000);

    it(`answers terima and kembalikan of one version at once with one 200 and one 409 naming who decided what (${rounds} rounds)`, async () => {
      for (let round = 0; round < rounds; round++) {
        const n = nextOpd();
        const opd = unit(n);
        expect((await put(store(), opd, pushBody(linkedTree(n), 0))).status).toBe(201);
        const [a, b] = await Promise.all([review(store(), opd, 1, 'terima', 'org-ana'), review(store(), opd, 1, 'kembalikan', 'org-budi')]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const [won, lost] = a.status === 200 ? [a, b] : [b, a];
        const winner = a.status === 200 ? 'org-ana' : 'org-budi';
        expect(lost.body.error.code).toBe('ALREADY_DECIDED');
        expect(lost.body.error.details.review).toMatchObject({ by: winner, action: won.body.review.action });
        expect(lost.body.error.message).toContain(winner);
        expect(lost.body.error.message).toContain(won.body.status);
        const head = await store().get({ pemda: KODE_PEMDA, periode: PERIODE, opd });
        expect(head?.meta.review).toEqual(won.body.review);
        // The winner's retry is answered with its own decision; the history keeps exactly it.
        expect((await review(store(), opd, 1, won.body.review.action, winner)).status).toBe(200);
        expect((await store().versions({ pemda: KODE_PEMDA, periode: PERIODE, opd }))[0]).toMatchObject({ status: won.body.status, review: won.body.review });
      }
    }, 120_000);

    it('gives twenty different pushes on one base one 201 and nineteen 409, and the losers leave no orphans', async () => {
      const n = nextOpd();
      const opd = unit(n);
      expect((await put(store(), opd, pushBody(linkedTree(n), 0))).status).toBe(201);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, k) => put(store(), opd, pushBody(linkedTree(n, undefined, `Varian ${k}`), 1))));
      expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(19).fill(409)]);
      for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error).toMatchObject({ code: 'STALE_BASE', details: { currentVersion: 2 } });
      expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
    });
  });

  describe(`${name}: orphans`, () => {
    it('never reads the orphans of a crashed attempt, and the next commit of that version removes them', async () => {
      const opd = unit(nextOpd());
      const key = { pemda: KODE_PEMDA, periode: PERIODE, opd };
      await store().commit({ key, baseVersion: 0, submissionId: 'orph-v1-0001', author: 'a', json: '{"v":1}', counts });
      const dying = dyingStore(engine(), 2, 'before'); // chunk written, the audit item and HEAD never
      await expect(dying.store.commit({ key, baseVersion: 1, submissionId: 'orph-dead-0001', author: 'a', json: '{"v":"dead"}', counts })).rejects.toThrow();
      dying.close();
      expect(await orphanChunks(store(), treePk(opd))).toHaveLength(1);
      // Reading never touches it: every Query of a read names the committed submission.
      const seen: string[] = [];
      const spy = gatedStore(engine(), async (command, input) => {
        if (command === 'QueryCommand') seen.push(JSON.stringify(input.ExpressionAttributeValues ?? {}));
      });
      expect((await spy.store.get(key))?.json).toBe('{"v":1}');
      spy.close();
      expect(seen.join(' ')).not.toContain('orph-dead');
      // Someone else commits version 2: its sweep removes the dead attempt's chunk.
      await store().commit({ key, baseVersion: 1, submissionId: 'orph-v2-0001', author: 'b', json: '{"v":2}', counts });
      expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
    });

    it('removes the chunks of a loser that died before cleaning up at the next commit', async () => {
      const opd = unit(nextOpd());
      const key = { pemda: KODE_PEMDA, periode: PERIODE, opd };
      await store().commit({ key, baseVersion: 0, submissionId: 'late-v1-0001', author: 'a', json: '{"v":1}', counts });
      // The loser reads HEAD, then stalls before its chunk; the winner commits version 2 (and
      // sweeps it, finding nothing yet); the loser writes its chunk, loses HEAD, and dies before
      // deleting it.
      let release: () => void = () => {};
      const stalled = new Promise<void>((r) => { release = r; });
      let writes = 0;
      const loser = gatedStore(engine(), async (command) => {
        if (!/^(Put|Update|Delete)ItemCommand$/.test(command)) return;
        writes++;
        if (writes === 1) await stalled;
        if (command === 'DeleteItemCommand') throw new Error('simulated crash before cleaning up');
      });
      const losing = loser.store.commit({ key, baseVersion: 1, submissionId: 'late-loser-01', author: 'l', json: '{"v":"loser"}', counts }).catch((e: unknown) => e);
      await sleep(20);
      await store().commit({ key, baseVersion: 1, submissionId: 'late-v2-0001', author: 'w', json: '{"v":2}', counts });
      release();
      expect(await losing).toMatchObject({ name: 'StaleBaseError' });
      loser.close();
      expect(await orphanChunks(store(), treePk(opd))).toHaveLength(1);
      await store().commit({ key, baseVersion: 2, submissionId: 'late-v3-0001', author: 'w', json: '{"v":3}', counts });
      expect(await orphanChunks(store(), treePk(opd))).toEqual([]);
      expect((await store().versions(key)).map((v) => v.version)).toEqual([3, 2, 1]);
    });
  });
}
