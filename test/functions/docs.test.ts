/**
 * The per-year documents through their handlers on dynalite (SAKIP.md §12, §13;
 * core/wire/docs.ts): realisasi judged against the OPD's HEAD tree, LKE judged by core/lke, both
 * versioned like the tree; the evaluator's notes on an LKE and an OPD push never lose each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { DocAnswer } from '../../core/wire/index.js';
import { handle as getLke } from '../../functions/http/get-lke.js';
import { handle as getRealisasi } from '../../functions/http/get-realisasi.js';
import { handle as lkeCatatan } from '../../functions/http/lke-catatan.js';
import { handle as putLke } from '../../functions/http/put-lke.js';
import { handle as putRealisasi } from '../../functions/http/put-realisasi.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import type { Handler } from '../../functions/http/route.js';
import { catatanOf } from '../../core/dokumen/index.js';
import { allItems, apiEvent, opdTree, PEMDA, PERIODE, pushBody, startStore, type TestStore, type Who } from './fixtures.js';
import { best, docBody, kodeKriteria, lkeDoc, realisasiDoc, second } from './doc-fixtures.js';

let t: TestStore;
let seq = 0;
/** A fresh OPD per test: 1.04.0.00.0.00.<nn>.0000. */
const freshOpd = () => `1.04.0.00.0.00.${String(++seq).padStart(2, '0')}.0000`;
const perencana = (opd: string): Who => ({ role: 'perencana', pemda: PEMDA, opd, sub: `perencana-${opd}` });
const organisasi: Who = { role: 'organisasi', pemda: PEMDA, sub: 'org-ana' };

beforeAll(async () => { t = await startStore(); });
afterAll(() => t.close());

async function call(h: Handler, method: string, opd: string, tahun: string | number, who: Who, body?: unknown, query?: Record<string, string>) {
  const a = await h(apiEvent({ method, path: { pemda: PEMDA, periode: PERIODE, opd, tahun: String(tahun) }, who, body, query }), { store: t.store, log: () => {} });
  return { status: a.statusCode ?? 0, body: JSON.parse(a.body ?? '{}') };
}

async function withTree(opd: string): Promise<WorkbookSnapshot> {
  const tree = opdTree({ 'Kode OPD': opd });
  const a = await putTree(apiEvent({ method: 'PUT', path: { pemda: PEMDA, periode: PERIODE, opd }, who: perencana(opd), body: pushBody(tree) }), { store: t.store, log: () => {} });
  expect(a.statusCode, a.body).toBe(201);
  return tree;
}

describe('realisasi', () => {
  it('is pushed as version 1, read back whole, and versioned apart from the tree', async () => {
    const opd = freshOpd();
    const tree = await withTree(opd);
    const doc = realisasiDoc(tree, 2025);
    const put = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(doc));
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    expect(put.body).toMatchObject({ version: 1, issues: [] });
    const got = await call(getRealisasi, 'GET', opd, 2025, perencana(opd));
    expect(got.status).toBe(200);
    const answer = got.body as DocAnswer;
    expect(answer.doc).toEqual(doc);
    expect(answer).toMatchObject({ headVersion: 1, meta: { version: 1, counts: { indicators: 4, errors: 0 } } });
    // The tree is still at its version 1, and the OPD list shows trees only.
    expect((await t.store.get({ pemda: PEMDA, periode: PERIODE, opd }))?.meta.version).toBe(1);
    expect((await t.store.list(PEMDA, PERIODE)).filter((r) => r.opd === opd)).toHaveLength(1);
    expect((await t.store.listDocs('realisasi', PEMDA, PERIODE, 2025)).map((r) => r.opd)).toContain(opd);
    expect(await t.store.listDocs('realisasi', PEMDA, PERIODE, 2026)).toEqual([]);
    // Another year is another document.
    expect((await call(getRealisasi, 'GET', opd, 2026, perencana(opd))).status).toBe(404);
  });

  it('answers a repeated submissionId with its version (200) and a stale base with 409 naming who and when', async () => {
    const opd = freshOpd();
    const tree = await withTree(opd);
    const body = docBody(realisasiDoc(tree, 2025));
    expect((await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), body)).status).toBe(201);
    const again = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), body);
    expect(again).toMatchObject({ status: 200, body: { version: 1 } });
    const stale = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(realisasiDoc(tree, 2025, { quarters: 2 }), 0));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_BASE', details: { currentVersion: 1, by: `perencana-${opd}` } });
    expect(stale.body.error.details.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses errors of the R and U rules with 422 INVALID_DOC naming the cells, and stores nothing', async () => {
    const opd = freshOpd();
    const tree = await withTree(opd);
    const doc = realisasiDoc(tree, 2025, { patch: (rows) => { rows[0].Realisasi = 'belum ada data'; } });
    const before = (await allItems(t)).length;
    const r = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(doc));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_DOC');
    expect(r.body.error.details.issues).toEqual([expect.objectContaining({ rule: 'U01', severity: 'E', sheet: 'Realisasi', cell: 'E2' })]);
    expect((await allItems(t)).length).toBe(before);
  });

  it('judges the document against the tree on the server, not the one in the planner\'s workbook', async () => {
    const opd = freshOpd();
    const tree = await withTree(opd);
    const doc = realisasiDoc(tree, 2025, { patch: (rows) => { rows[0]['ID Node'] = 'S9'; } });
    const r = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(doc));
    expect(r.status).toBe(422);
    expect(r.body.error.details.issues[0]).toMatchObject({ rule: 'F01', sheet: 'Realisasi', cell: 'C2' });
    expect(r.body.error.details.issues[0].message).toContain('S9');
  });

  it('refuses a realisasi before the OPD pushed its tree, a row of another year, a tree table, a year outside the period', async () => {
    const opd = freshOpd();
    const noTree = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(realisasiDoc(opdTree({ 'Kode OPD': opd }), 2025)));
    expect(noTree.status).toBe(422);
    expect(noTree.body.error.details.issues[0]).toMatchObject({ rule: 'F03', sheet: 'Pohon Kinerja' });
    const tree = await withTree(opd);
    const otherYear = realisasiDoc(tree, 2025);
    otherYear.tables[0].rows[3][0] = 2026;
    const y = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(otherYear));
    expect(y.status).toBe(422);
    expect(y.body.error.details.issues).toContainEqual(expect.objectContaining({ rule: 'F01', cell: 'A5' }));
    const withTreeTable = { tables: [...realisasiDoc(tree, 2025).tables, tree.tables[0]] };
    const x = await call(putRealisasi, 'PUT', opd, 2025, perencana(opd), docBody(withTreeTable));
    expect(x.status).toBe(400);
    expect(x.body.error.code).toBe('INVALID_BODY');
    expect((await call(putRealisasi, 'PUT', opd, 2031, perencana(opd), docBody(realisasiDoc(tree, 2025)))).body.error.code).toBe('INVALID_PATH');
    expect((await call(putRealisasi, 'PUT', opd, '25', perencana(opd), docBody(realisasiDoc(tree, 2025)))).status).toBe(400);
  });
});

describe('LKE', () => {
  it('is pushed, read back, and refused with 422 when an answer is off its scale', async () => {
    const opd = freshOpd();
    const put = await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc()));
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    expect((await call(getLke, 'GET', opd, 2025, organisasi)).body).toMatchObject({ headVersion: 1, meta: { counts: { indicators: 76 } } });
    const bad = await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc({ answer: (_k, i, codes) => (i === 0 ? 'Z' : codes[0]) }), 1));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_DOC', details: { issues: [expect.objectContaining({ rule: 'F01', sheet: 'LKE', cell: 'G2' })] } });
  });

  it('refuses a criteria list whose weights do not add up (V01/V02) with 422', async () => {
    const opd = freshOpd();
    const doc = lkeDoc();
    const variant: WorkbookSnapshot = {
      tables: [...doc.tables, {
        sheet: 'Kriteria LKE', name: 'KriteriaLKE', address: 'A1',
        header: ['komponen_kode', 'komponen', 'komponen_bobot', 'sub_kode', 'sub_komponen', 'sub_bobot', 'kriteria_kode', 'kriteria', 'jenis_jawaban'],
        rows: [['1', 'Perencanaan', 30, '1.a', 'Pemenuhan', 6, '1.a.1', 'Ada Renstra', 'Y/T'], ['2', 'Pengukuran', 60, '2.a', 'Pemenuhan', 50, '2.a.1', 'Ada IKU', 'Y/T']],
      }],
    };
    const r = await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(variant));
    expect(r.status).toBe(422);
    expect(r.body.error.details.issues.map((i: { rule: string }) => i.rule)).toEqual(expect.arrayContaining(['V01', 'V02']));
  });

  it('lets the evaluator write notes that the OPD sees on its next pull, as a new version made from HEAD', async () => {
    const opd = freshOpd();
    const [k1, k2] = kodeKriteria(2);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc()))).status).toBe(201);
    const note = await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'Renstra belum ditetapkan Perkada' }, { kode: k2, catatan: 'Lampirkan SK' }] });
    expect(note).toMatchObject({ status: 200, body: { version: 2 } });
    const pulled = (await call(getLke, 'GET', opd, 2025, perencana(opd))).body as DocAnswer;
    expect([...catatanOf(pulled.doc)]).toEqual([[k1, 'Renstra belum ditetapkan Perkada'], [k2, 'Lampirkan SK']]);
    expect(pulled.meta).toMatchObject({ version: 2, author: 'org-ana', origin: 'catatan' });
    // The answers are the OPD's, untouched.
    const v1 = (await call(getLke, 'GET', opd, 2025, perencana(opd), undefined, { version: '1' })).body as DocAnswer;
    const answers = (d: WorkbookSnapshot) => d.tables[0].rows.map((r) => r[6]);
    expect(answers(pulled.doc)).toEqual(answers(v1.doc));
    // Sending the same notes again makes no new version; an empty text removes a note.
    expect((await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'Renstra belum ditetapkan Perkada' }] })).body).toEqual({ version: 2 });
    expect((await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k2, catatan: '' }] })).body).toEqual({ version: 3 });
    expect([...catatanOf(((await call(getLke, 'GET', opd, 2025, organisasi)).body as DocAnswer).doc).keys()]).toEqual([k1]);
  });

  it('commits an OPD push based on the version before a note on top of the note, keeping both', async () => {
    const opd = freshOpd();
    const [k1] = kodeKriteria(1);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc()))).status).toBe(201);
    expect((await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'Perbaiki bukti' }] })).body).toEqual({ version: 2 });
    // The OPD answers everything with A, still on its version 1.
    const push = await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc({ answer: best }), 1));
    expect(push.status, JSON.stringify(push.body)).toBe(201);
    expect(push.body.version).toBe(3);
    const head = (await call(getLke, 'GET', opd, 2025, perencana(opd))).body as DocAnswer;
    expect(catatanOf(head.doc).get(k1)).toBe('Perbaiki bukti');
    expect(head.doc.tables[0].rows.every((r) => r[6] === 'A' || r[6] === 'Y')).toBe(true);
    expect(head.meta.origin).toBeUndefined();
  });

  it('keeps the evaluator\'s notes when the OPD pushes its own text in Catatan Evaluator, and says so (V04)', async () => {
    const opd = freshOpd();
    const [k1, k2] = kodeKriteria(2);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc()))).status).toBe(201);
    await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'Catatan evaluator' }] });
    const push = await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc({ catatan: { [k1]: 'Sudah kami perbaiki', [k2]: 'Catatan OPD' } }), 2));
    expect(push.status).toBe(201);
    expect(push.body.issues.map((i: { rule: string; id: string }) => `${i.rule} ${i.id}`).sort()).toEqual([`V04 ${k1}`, `V04 ${k2}`].sort());
    const head = (await call(getLke, 'GET', opd, 2025, perencana(opd))).body as DocAnswer;
    expect([...catatanOf(head.doc)]).toEqual([[k1, 'Catatan evaluator']]);
  });

  it('still refuses a push over another push of the OPD (409 STALE_BASE), with or without notes between', async () => {
    const opd = freshOpd();
    const [k1] = kodeKriteria(1);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc()))).status).toBe(201);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc({ answer: best }), 1))).status).toBe(201);
    await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'x' }] });
    const stale = await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc({ answer: second }), 1));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_BASE', details: { currentVersion: 3, by: 'org-ana' } });
  });

  it('answers a retried push after a later note with the version it made (200), not a second one', async () => {
    const opd = freshOpd();
    const [k1] = kodeKriteria(1);
    const body = docBody(lkeDoc());
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), body)).status).toBe(201);
    await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'x' }] });
    expect(await call(putLke, 'PUT', opd, 2025, perencana(opd), body)).toMatchObject({ status: 200, body: { version: 1 } });
    const rebased = docBody(lkeDoc({ answer: best }), 1);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), rebased)).body.version).toBe(3);
    await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: k1, catatan: 'y' }] });
    expect(await call(putLke, 'PUT', opd, 2025, perencana(opd), rebased)).toMatchObject({ status: 200, body: { version: 3 } });
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), { ...rebased, doc: lkeDoc({ answer: second }) })).body.error.code).toBe('SUBMISSION_REUSED');
    expect((await t.store.versions({ pemda: PEMDA, periode: PERIODE, opd, doc: { kind: 'lke', tahun: 2025 } })).map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('refuses notes on an LKE that does not exist (404) or on a code it does not hold (400)', async () => {
    const opd = freshOpd();
    expect((await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: '1.a.1', catatan: 'x' }] })).status).toBe(404);
    expect((await call(putLke, 'PUT', opd, 2025, perencana(opd), docBody(lkeDoc()))).status).toBe(201);
    const r = await call(lkeCatatan, 'POST', opd, 2025, organisasi, { catatan: [{ kode: 'TIDAK.ADA', catatan: 'x' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.details.problems[0]).toMatchObject({ path: 'catatan[0].kode' });
  });
});
