/**
 * The fault and race suite of the per-year documents (realisasi, LKE), run on dynalite
 * (faults.test.ts) and DynamoDB Local (conformance.test.ts) like the tree's (fault-suite.ts,
 * race-suite.ts): a crash at every write of a document commit, of an LKE push and of an
 * evaluator's note, each followed by a retry; identical retries at once; twenty pushes on one
 * base; and the race the LKE adds: notes and an OPD push landing in any order, none lost.
 */
import { describe, expect, it } from 'vitest';
import { catatanOf } from '../../core/dokumen/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { DocKind, TreeCounts } from '../../core/wire/index.js';
import { handle as getLke } from '../../functions/http/get-lke.js';
import { handle as lkeCatatan } from '../../functions/http/lke-catatan.js';
import { handle as putLke } from '../../functions/http/put-lke.js';
import { handle as putRealisasi } from '../../functions/http/put-realisasi.js';
import type { Handler } from '../../functions/http/route.js';
import type { DynamoTreeStore } from '../../functions/store/dynamo.js';
import type { TreeKey, TreeStore } from '../../functions/store/types.js';
import { prng } from '../helpers/generate.js';
import { KODE_PEMDA, PERIODE } from '../helpers/opds.js';
import { dyingStore, orphanChunks, type Engine } from './engine.js';
import { bigJson, linkedTree, opdCounter, put, unit, who } from './fault-suite.js';
import { best, docBody, kodeKriteria, lkeDoc, realisasiDoc, second } from './doc-fixtures.js';
import { apiEvent, pushBody, type Who } from './fixtures.js';

const counts: TreeCounts = { boxes: 0, indicators: 1, errors: 0, warnings: 0, infos: 0 };
const TAHUN = 2026;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const evaluator = (sub = 'org-evaluator'): Who => ({ role: 'organisasi', pemda: KODE_PEMDA, sub });
const docKey = (opd: string, kind: DocKind): TreeKey => ({ pemda: KODE_PEMDA, periode: PERIODE, opd, doc: { kind, tahun: TAHUN } });
const docPk = (opd: string, kind: DocKind) => `${kind === 'lke' ? 'LKE' : 'REALISASI'}#${KODE_PEMDA}#${PERIODE}#${opd}#${TAHUN}`;

async function route(store: TreeStore, h: Handler, method: string, opd: string, caller: Who, body: unknown) {
  const a = await h(apiEvent({ method, path: { pemda: KODE_PEMDA, periode: PERIODE, opd, tahun: String(TAHUN) }, who: caller, body }), { store, log: () => {} });
  return { status: a.statusCode ?? 0, body: JSON.parse(a.body ?? '{}') };
}

const note = (store: TreeStore, opd: string, catatan: { kode: string; catatan: string }[], sub?: string) =>
  route(store, lkeCatatan, 'POST', opd, evaluator(sub), { catatan });
const pushLke = (store: TreeStore, opd: string, body: unknown) => route(store, putLke, 'PUT', opd, who(opd), body);

async function headLke(store: TreeStore, opd: string): Promise<{ version: number; doc: WorkbookSnapshot }> {
  const r = await route(store, getLke, 'GET', opd, evaluator(), undefined);
  return { version: r.body.meta.version, doc: r.body.doc };
}

const answers = (doc: WorkbookSnapshot) => doc.tables[0].rows.map((r) => r[6]);

export function docSuite(name: string, engine: () => Engine, store: () => DynamoTreeStore, firstOpd: number, rounds: number): void {
  const nextOpd = opdCounter(firstOpd);

  describe(`${name}: a crash at any write of a document commit, then a retry with the same submissionId`, () => {
    for (const kind of ['realisasi', 'lke'] as const) {
      // Writes: 3 chunks, the audit item of version 1, HEAD.
      for (let write = 1; write <= 5; write++) {
        for (const when of ['before', 'after'] as const) {
          it(`${kind}: commits exactly once and loses nothing (crash ${when} write #${write})`, async () => {
            const opd = unit(nextOpd());
            const key = docKey(opd, kind);
            const v1 = bigJson();
            await store().commit({ key, baseVersion: 0, submissionId: 'doc-crash-v1', author: 't', json: v1, counts });
            const v2 = bigJson();
            const dying = dyingStore(engine(), write, when);
            const first = await dying.store.commit({ key, baseVersion: 1, submissionId: 'doc-crash-v2', author: 't', json: v2, counts }).then(() => 'acknowledged', () => 'crashed');
            dying.close();
            expect(first).toBe('crashed');
            const retry = await store().commit({ key, baseVersion: 1, submissionId: 'doc-crash-v2', author: 't', json: v2, counts });
            expect(retry).toMatchObject({ version: 2, created: !(write === 5 && when === 'after'), isHead: true });
            expect((await store().get(key))?.json).toBe(v2);
            expect((await store().get(key, 1))?.json).toBe(v1);
            expect((await store().versions(key)).map((v) => v.submissionId)).toEqual(['doc-crash-v2', 'doc-crash-v1']);
            expect(await orphanChunks(store(), docPk(opd, kind))).toEqual([]);
            // The tree of the OPD is another partition: untouched.
            expect(await store().get({ pemda: KODE_PEMDA, periode: PERIODE, opd })).toBeNull();
          });
        }
      }
    }
  });

  describe(`${name}: an LKE push and an evaluator's note, crashed at any write and retried`, () => {
    // Writes of a version on top of version 1: 1 chunk, the audit item of version 1, HEAD.
    for (let write = 1; write <= 3; write++) {
      for (const when of ['before', 'after'] as const) {
        it(`the push commits once (crash ${when} write #${write})`, async () => {
          const opd = unit(nextOpd());
          expect((await pushLke(store(), opd, docBody(lkeDoc()))).status).toBe(201);
          const body = docBody(lkeDoc({ answer: second }), 1);
          const dying = dyingStore(engine(), write, when);
          expect((await pushLke(dying.store, opd, body)).status).toBe(500);
          dying.close();
          const retry = await pushLke(store(), opd, body);
          expect(retry.status).toBe(write === 3 && when === 'after' ? 200 : 201);
          expect(retry.body.version).toBe(2);
          expect(answers((await headLke(store(), opd)).doc)).toEqual(answers(body.doc));
          expect(await orphanChunks(store(), docPk(opd, 'lke'))).toEqual([]);
        });

        it(`the note lands once (crash ${when} write #${write})`, async () => {
          const opd = unit(nextOpd());
          const [k1] = kodeKriteria(1);
          expect((await pushLke(store(), opd, docBody(lkeDoc()))).status).toBe(201);
          const dying = dyingStore(engine(), write, when);
          expect((await note(dying.store, opd, [{ kode: k1, catatan: 'Lengkapi bukti' }])).status).toBe(500);
          dying.close();
          expect(await note(store(), opd, [{ kode: k1, catatan: 'Lengkapi bukti' }])).toMatchObject({ status: 200, body: { version: 2 } });
          const head = await headLke(store(), opd);
          expect(head.version).toBe(2);
          expect(catatanOf(head.doc).get(k1)).toBe('Lengkapi bukti');
          expect(await orphanChunks(store(), docPk(opd, 'lke'))).toEqual([]);
        });
      }
    }
  });

  describe(`${name}: documents pushed at once`, () => {
    for (const kind of ['realisasi', 'lke'] as const) {
      it(`answers twenty identical concurrent PUTs of a ${kind} with one 201 and nineteen 200 of the same version`, async () => {
        const n = nextOpd();
        const opd = unit(n);
        let body;
        if (kind === 'realisasi') {
          const tree = linkedTree(n);
          expect((await put(store(), opd, pushBody(tree, 0))).status).toBe(201);
          body = docBody(realisasiDoc(tree, TAHUN));
        } else body = docBody(lkeDoc());
        const h = kind === 'lke' ? putLke : putRealisasi;
        const all = await Promise.all(Array.from({ length: 20 }, () => route(store(), h, 'PUT', opd, who(opd), body)));
        expect(all.map((a) => a.status).sort()).toEqual([...Array(19).fill(200), 201]);
        expect(new Set(all.map((a) => a.body.version))).toEqual(new Set([1]));
        expect(await orphanChunks(store(), docPk(opd, kind))).toEqual([]);
      });
    }

    it('gives twenty different realisasi pushes on one base one 201 and nineteen 409 STALE_BASE, no orphans', async () => {
      const n = nextOpd();
      const opd = unit(n);
      const tree = linkedTree(n);
      expect((await put(store(), opd, pushBody(tree, 0))).status).toBe(201);
      expect((await route(store(), putRealisasi, 'PUT', opd, who(opd), docBody(realisasiDoc(tree, TAHUN, { quarters: 1 })))).status).toBe(201);
      const all = await Promise.all(Array.from({ length: 20 }, (_, k) =>
        route(store(), putRealisasi, 'PUT', opd, who(opd), docBody(realisasiDoc(tree, TAHUN, { quarters: 2, seed: k + 1 }), 1))));
      expect(all.map((a) => a.status).sort()).toEqual([201, ...Array(19).fill(409)]);
      for (const a of all.filter((x) => x.status === 409)) expect(a.body.error).toMatchObject({ code: 'STALE_BASE', details: { currentVersion: 2 } });
      expect(await orphanChunks(store(), docPk(opd, 'realisasi'))).toEqual([]);
    });
  });

  describe(`${name}: the evaluator's notes and the OPD's push never lose each other`, () => {
    it(`keeps both a note and a push sent at the same time, whichever lands first (${rounds} rounds)`, async () => {
      const rand = prng(29);
      const outcomes = { noteFirst: 0, pushFirst: 0 };
      const [k1] = kodeKriteria(1);
      for (let round = 0; round < rounds; round++) {
        const opd = unit(nextOpd());
        expect((await pushLke(store(), opd, docBody(lkeDoc()))).status).toBe(201);
        // A note reads HEAD and commits; a push reads the history and the notes first, so it gets
        // the longer head start in its third of the rounds: either lands first, and many overlap.
        const wait = rand() * 40;
        const [noteDelay, pushDelay] = round % 3 === 0 ? [0, wait / 2] : round % 3 === 1 ? [0, 0] : [15 + wait, 0];
        const body = docBody(lkeDoc({ answer: second }), 1);
        const [n, p] = await Promise.all([
          sleep(noteDelay).then(() => note(store(), opd, [{ kode: k1, catatan: `Catatan putaran ${round}` }])),
          sleep(pushDelay).then(() => pushLke(store(), opd, body)),
        ]);
        expect(n.status, JSON.stringify(n.body)).toBe(200);
        expect(p.status, JSON.stringify(p.body)).toBe(201);
        const head = await headLke(store(), opd);
        expect(head.version).toBe(3);
        expect(answers(head.doc)).toEqual(answers(body.doc));
        expect(catatanOf(head.doc).get(k1)).toBe(`Catatan putaran ${round}`);
        if (n.body.version === 2) outcomes.noteFirst++;
        else outcomes.pushFirst++;
        expect(await orphanChunks(store(), docPk(opd, 'lke'))).toEqual([]);
      }
      expect(outcomes.noteFirst).toBeGreaterThan(0);
      expect(outcomes.pushFirst).toBeGreaterThan(0);
      console.log(`[${name}] note × push: note first ${outcomes.noteFirst}, push first ${outcomes.pushFirst} of ${rounds}`);
    }, 120_000);

    it('keeps every note of five evaluators and the OPD push sent at once', async () => {
      const opd = unit(nextOpd());
      const kode = kodeKriteria(5);
      expect((await pushLke(store(), opd, docBody(lkeDoc()))).status).toBe(201);
      const body = docBody(lkeDoc({ answer: best }), 1);
      const all = await Promise.all([
        ...kode.map((k, i) => note(store(), opd, [{ kode: k, catatan: `Catatan ${i + 1}` }], `org-${i}`)),
        pushLke(store(), opd, body),
      ]);
      for (const a of all) expect(a.status, JSON.stringify(a.body)).toBeLessThan(300);
      const head = await headLke(store(), opd);
      expect(head.version).toBe(7);
      expect([...catatanOf(head.doc)].sort()).toEqual(kode.map((k, i) => [k, `Catatan ${i + 1}`]).sort());
      expect(answers(head.doc)).toEqual(answers(body.doc));
      expect(await orphanChunks(store(), docPk(opd, 'lke'))).toEqual([]);
    }, 60_000);
  });
}
