/**
 * The consolidation routes through the real handlers on dynalite: thirty generated OPDs and a
 * pemda tree pushed through PUT …/tree (so crosscutting requests are recorded as on a real
 * push), reviews, the consolidated answer on both bases, paging by OPD with cursors, and the
 * crosscutting decision flow with its refusals (nothing written on bad input).
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkId } from '../../core/derive/consolidate/ids.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { ConsolidatedAnswer, CrosscuttingAnswer } from '../../core/wire/index.js';
import { handle as decide } from '../../functions/http/crosscutting-decision.js';
import { handle as getConsolidated } from '../../functions/http/get-consolidated.js';
import { handle as listCrosscutting } from '../../functions/http/list-crosscutting.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { handle as review } from '../../functions/http/review.js';
import type { Deps } from '../../functions/http/route.js';
import { KODE_PEMDA, kodeOpd, opdSnapshot, PERIODE, pemdaSnapshot } from '../helpers/opds.js';
import { allItems, apiEvent, pushBody, startStore, type TestStore, type Who } from './fixtures.js';

const N = 30;
let t: TestStore;
let deps: Deps;
const versions = new Map<string, number>();

const org: Who = { role: 'organisasi', pemda: KODE_PEMDA };
const perencana = (i: number): Who => ({ role: 'perencana', pemda: KODE_PEMDA, opd: kodeOpd(i), sub: `perencana-${i}` });
const kontribusi = (i: number) => `Dukungan data dari OPD ${i + 1}`;
const request = (i: number) => ({ sourceOpd: kodeOpd(i), nodeId: 'S1', targetOpd: kodeOpd((i + 1) % N), nodeTujuan: 'S2' });

function tree(i: number, text = kontribusi(i), links = true): WorkbookSnapshot {
  return opdSnapshot(i, { refPemda: `SP${1 + (i % 3)}`, crosscutting: links ? [{ nodeId: 'S1', opdTujuan: kodeOpd((i + 1) % N), nodeTujuan: 'S2', kontribusi: text }] : [] });
}

async function push(opd: string, snap: WorkbookSnapshot, who: Who) {
  const base = versions.get(opd) ?? 0;
  const a = await putTree(apiEvent({ method: 'PUT', path: { pemda: KODE_PEMDA, periode: PERIODE, opd }, who, body: pushBody(snap, base) }), deps);
  if (a.statusCode === 201) versions.set(opd, base + 1);
  return { status: a.statusCode, body: JSON.parse(a.body ?? '{}') };
}

async function consolidated(query: Record<string, string> = {}, headers: Record<string, string> = {}, who: Who = org, d: Deps = deps) {
  const a = await getConsolidated(apiEvent({ method: 'GET', path: { pemda: KODE_PEMDA, periode: PERIODE }, who, query, headers }), d);
  const text = a.isBase64Encoded ? gunzipSync(Buffer.from(a.body ?? '', 'base64')).toString('utf8') : (a.body ?? '');
  return { status: a.statusCode, headers: a.headers ?? {}, raw: a.body ?? '', body: JSON.parse(text) as ConsolidatedAnswer & { error?: { code: string } } };
}

async function decision(target: number, id: string, body: unknown, who: Who = perencana(target)) {
  const a = await decide(apiEvent({ method: 'POST', path: { pemda: KODE_PEMDA, periode: PERIODE, opd: kodeOpd(target), id }, who, body }), deps);
  return { status: a.statusCode, body: JSON.parse(a.body ?? '{}') };
}

async function links(i: number): Promise<CrosscuttingAnswer> {
  const a = await listCrosscutting(apiEvent({ method: 'GET', path: { pemda: KODE_PEMDA, periode: PERIODE, opd: kodeOpd(i) }, who: perencana(i) }), deps);
  return JSON.parse(a.body ?? '{}') as CrosscuttingAnswer;
}

beforeAll(async () => {
  t = await startStore();
  deps = { store: t.store, log: () => {} };
  expect((await push('PEMDA', pemdaSnapshot(4), { role: 'bappeda', pemda: KODE_PEMDA })).status).toBe(201);
  for (let i = 0; i < N; i++) expect((await push(kodeOpd(i), tree(i), perencana(i))).status).toBe(201);
  // The Bagian Organisasi accepts the pemda tree and the first ten OPDs.
  for (const opd of ['PEMDA', ...Array.from({ length: 10 }, (_, i) => kodeOpd(i))]) {
    const r = await review(apiEvent({ method: 'POST', path: { pemda: KODE_PEMDA, periode: PERIODE, opd }, who: org, body: { version: 1, action: 'terima', note: '' } }), deps);
    expect(r.statusCode).toBe(200);
  }
}, 60_000);
afterAll(() => t.close());

describe('GET …/consolidated', () => {
  it('consolidates the latest versions (terbaru): every OPD, its rows, Rekap and the waiting links', async () => {
    const r = await consolidated({ basis: 'terbaru' });
    expect(r.status).toBe(200);
    const a = r.body;
    expect(a.sections.map((s) => s.opd)).toEqual(['PEMDA', ...Array.from({ length: N }, (_, i) => kodeOpd(i)).sort()]);
    expect(a.page).toEqual({ index: 0, next: null, sectionCount: N + 1 });
    expect(a.rekap.filter((x) => x.statusReviu === 'diterima')).toHaveLength(11);
    expect(a.issues.filter((i) => i.rule === 'X03')).toHaveLength(N);
    expect(a.issues.filter((i) => i.rule === 'T11').map((i) => i.id)).toEqual(['SP4']);
    expect(a.matriks.cells).toHaveLength(N);
    expect(a.issues.filter((i) => i.severity === 'E')).toEqual([]);
  });

  it('consolidates the accepted versions (diterima, the default) and reports the others (J05)', async () => {
    const a = (await consolidated()).body;
    expect(a.basis).toBe('diterima');
    expect(a.sections).toHaveLength(11);
    const j05 = a.issues.filter((i) => i.rule === 'J05');
    expect(j05).toHaveLength(N - 10);
    expect(j05[0].message).toContain('belum punya versi pohon yang diterima');
    // OPD 9 asks OPD 10, which has nothing accepted: the target box cannot exist here (E on the server).
    expect(a.issues.filter((i) => i.rule === 'X02').map((i) => i.opd)).toEqual([kodeOpd(9)]);
  });

  it('answers gzip when accepted, within the Lambda limit', async () => {
    const r = await consolidated({ basis: 'terbaru' }, { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.raw.length).toBeLessThan(6 * 1024 * 1024);
  });

  it('pages by OPD when the answer passes the budget, and the pages merge to the same consolidation', async () => {
    const whole = (await consolidated({ basis: 'terbaru' })).body;
    const small = { ...deps, consolidatedPageBytes: 40 * 1024 };
    const pages: ConsolidatedAnswer[] = [];
    let cursor: string | null = null;
    do {
      const r = await consolidated({ basis: 'terbaru', ...(cursor ? { cursor } : {}) }, { 'accept-encoding': 'gzip' }, org, small);
      expect(r.status).toBe(200);
      expect(Buffer.from(r.raw, 'base64').length).toBeLessThanOrEqual(40 * 1024);
      pages.push(r.body);
      cursor = r.body.page.next;
    } while (cursor);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((p) => p.page.index)).toEqual(pages.map((_, i) => i));
    expect(pages.flatMap((p) => p.sections)).toEqual(whole.sections);
    expect(pages.flatMap((p) => p.issues)).toEqual(whole.issues);
  });

  it('refuses a cursor once the data changed (409 CONSOLIDATION_CHANGED), without writing', async () => {
    const small = { ...deps, consolidatedPageBytes: 40 * 1024 };
    const first = await consolidated({ basis: 'terbaru' }, {}, org, small);
    expect((await push(kodeOpd(20), tree(20, 'Dukungan baru'), perencana(20))).status).toBe(201);
    const before = (await allItems(t)).length;
    const next = await consolidated({ basis: 'terbaru', cursor: first.body.page.next ?? '' }, {}, org, small);
    expect(next.status).toBe(409);
    expect(next.body.error?.code).toBe('CONSOLIDATION_CHANGED');
    expect((await allItems(t)).length).toBe(before);
  });

  it('refuses a perencana (403) and a bad basis (400)', async () => {
    expect((await consolidated({}, {}, perencana(0))).status).toBe(403);
    expect((await consolidated({ basis: 'semua' })).status).toBe(400);
  });
});

describe('crosscutting decisions', () => {
  it('shows the request to both OPDs, with the link ID the target decides on', async () => {
    const id = linkId(request(2));
    expect((await links(2)).outgoing).toEqual([expect.objectContaining({ linkId: id, status: 'Menunggu', targetOpd: kodeOpd(3) })]);
    expect((await links(3)).incoming).toEqual([expect.objectContaining({ linkId: id, status: 'Menunggu', sourceOpd: kodeOpd(2), kontribusi: kontribusi(2) })]);
  });

  it('needs a reason to reject; nothing is written on bad input', async () => {
    const id = linkId(request(2));
    const before = JSON.stringify(await allItems(t));
    for (const body of [{ status: 'ditolak' }, { status: 'ditolak', reason: '  ' }, { status: 'tunda' }, { status: 'disetujui', extra: 1 }, []]) {
      expect((await decision(3, id, body)).status).toBe(400);
    }
    expect((await decision(2, id, { status: 'disetujui' })).status).toBe(404); // the source cannot decide its own request
    expect((await decision(3, id, { status: 'disetujui' }, perencana(4))).status).toBe(403); // another OPD's perencana
    expect((await decision(3, 'f'.repeat(26), { status: 'disetujui' })).status).toBe(404);
    expect((await decision(3, 'nope', { status: 'disetujui' })).status).toBe(400);
    expect(JSON.stringify(await allItems(t))).toBe(before);
  });

  it('rejects, waits again after the source edits, approves; approval is final and cannot be deleted', async () => {
    const id = linkId(request(2));
    const no = await decision(3, id, { status: 'ditolak', reason: 'Bukan kewenangan kami' });
    expect(no.status).toBe(200);
    expect(no.body.link).toMatchObject({ status: 'Ditolak', alasanTolak: 'Bukan kewenangan kami', decidedBy: 'perencana-3' });
    expect((await links(2)).outgoing[0]).toMatchObject({ status: 'Ditolak', alasanTolak: 'Bukan kewenangan kami' });
    expect((await decision(3, id, { status: 'disetujui' })).body.error.code).toBe('ALREADY_DECIDED');

    // The source rewords its request and pushes: waiting again, and decidable again.
    expect((await push(kodeOpd(2), tree(2, 'Data kasus per kecamatan, bulanan'), perencana(2))).status).toBe(201);
    expect((await links(3)).incoming[0]).toMatchObject({ status: 'Menunggu', kontribusi: 'Data kasus per kecamatan, bulanan' });
    const yes = await decision(3, id, { status: 'disetujui', reason: '' });
    expect(yes.body.link.status).toBe('Disetujui');
    expect(yes.body.rev).toBe(2);

    const c = (await consolidated({ basis: 'terbaru' })).body;
    expect(c.matriks.cells.find((x) => x.from === kodeOpd(2) && x.to === kodeOpd(3))).toMatchObject({ disetujui: 1, menunggu: 0, ditolak: 0 });
    const rows = c.sections.find((s) => s.opd === kodeOpd(2))?.tables.crosscutting.rows ?? [];
    const h = c.headers.crosscutting;
    expect(rows[0][h.indexOf('Status') - 1]).toBe('Disetujui');
    expect(c.issues.some((i) => i.rule === 'X03' && i.opd === kodeOpd(2))).toBe(false);

    // Removing the approved link: 422 with X05, nothing written.
    const before = JSON.stringify(await allItems(t));
    const gone = await push(kodeOpd(2), tree(2, '', false), perencana(2));
    expect(gone.status).toBe(422);
    expect(gone.body.error.details.issues.map((i: { rule: string }) => i.rule)).toEqual(['X05']);
    expect(JSON.stringify(await allItems(t))).toBe(before);
    expect((await decision(3, id, { status: 'ditolak', reason: 'Berubah pikiran' })).status).toBe(409);
  });
});
