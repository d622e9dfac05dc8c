/**
 * The role matrix: every role × every route (the per-year documents and the evaluator's notes
 * included) × own and other OPD (and the pemda tree) × own and other pemda, through the real
 * handlers on dynalite. Allowed calls succeed (2xx);
 * refused ones answer 403 (401 without identity) with the error body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/auth/principal.js';
import { linkId } from '../../core/derive/consolidate/ids.js';
import { handle as decideCrosscutting } from '../../functions/http/crosscutting-decision.js';
import { handle as getConsolidated } from '../../functions/http/get-consolidated.js';
import { handle as getTree } from '../../functions/http/get-tree.js';
import { handle as listCrosscutting } from '../../functions/http/list-crosscutting.js';
import { handle as listOpd } from '../../functions/http/list-opd.js';
import { handle as listVersions } from '../../functions/http/list-versions.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { handle as reviewTree } from '../../functions/http/review.js';
import { handle as getLke } from '../../functions/http/get-lke.js';
import { handle as getRealisasi } from '../../functions/http/get-realisasi.js';
import { handle as lkeCatatan } from '../../functions/http/lke-catatan.js';
import { handle as putLke } from '../../functions/http/put-lke.js';
import { handle as putRealisasi } from '../../functions/http/put-realisasi.js';
import type { DocKind } from '../../core/wire/index.js';
import { docBody, kodeKriteria, lkeDoc, realisasiDoc } from './doc-fixtures.js';
import type { Handler } from '../../functions/http/route.js';
import {
  apiEvent, OPD, opdTree, OTHER_OPD, OTHER_PEMDA, PEMDA, PERIODE, pushBody, startStore, treeFor, type TestStore, type Who,
} from './fixtures.js';

type RouteName = 'put' | 'get' | 'versions' | 'list' | 'review' | 'consolidated' | 'crosscutting' | 'decision'
  | 'putRealisasi' | 'getRealisasi' | 'putLke' | 'getLke' | 'catatan';
type Target = 'own' | 'other' | 'PEMDA';
const ROLES: (Role | 'none' | 'anonymous')[] = ['perencana', 'organisasi', 'bappeda', 'admin', 'none', 'anonymous'];
const ROUTES: RouteName[] = [
  'put', 'get', 'versions', 'list', 'review', 'consolidated', 'crosscutting', 'decision', 'putRealisasi', 'getRealisasi', 'putLke', 'getLke', 'catatan',
];
/** The per-year documents of the routes (SAKIP.md §12, §13). */
const DOC_OF: Partial<Record<RouteName, DocKind>> = { putRealisasi: 'realisasi', getRealisasi: 'realisasi', putLke: 'lke', getLke: 'lke', catatan: 'lke' };
const TAHUN = 2025;
/** Routes without an {opd} in the path. */
const PEMDA_WIDE: RouteName[] = ['list', 'consolidated'];
/** OTHER_OPD asks OPD (the perencana's own) for its box S1: the request the decision calls decide. */
const REQUEST = { sourceOpd: OTHER_OPD, nodeId: 'S1', targetOpd: OPD, nodeTujuan: 'S1' };
const TARGETS: Target[] = ['own', 'other', 'PEMDA'];

/** The expected rule, written out independently of functions/auth. */
function allowed(role: Role | 'none', route: RouteName, target: Target, samePemda: boolean): boolean {
  if (!samePemda || role === 'none') return false;
  switch (route) {
    case 'put': return (role === 'perencana' && target === 'own') || (role === 'bappeda' && target === 'PEMDA');
    // The pemda tree (RPJMD) is readable by every user of the pemda: planners check Ref Pemda against it.
    case 'get': case 'versions': return role === 'perencana' ? target !== 'other' : true;
    case 'list': return true;
    case 'review': return role === 'organisasi';
    case 'consolidated': return role !== 'perencana';
    case 'crosscutting': return role === 'perencana' ? target !== 'other' : true;
    // Only the target OPD's own perencana decides (the request is addressed to OPD, "own").
    case 'decision': return role === 'perencana' && target === 'own';
    // The documents are pushed and read as the tree is; the evaluator's notes by organisasi and admin.
    case 'putRealisasi': case 'putLke': return allowed(role, 'put', target, samePemda);
    case 'getRealisasi': case 'getLke': return allowed(role, 'get', target, samePemda);
    case 'catatan': return role === 'organisasi' || role === 'admin';
  }
}

let t: TestStore;
const opdOf = (target: Target) => (target === 'own' ? OPD : target === 'other' ? OTHER_OPD : 'PEMDA');

beforeAll(async () => {
  t = await startStore();
  // Every tree exists in both pemda, so reads and reviews have something to find.
  for (const pemda of [PEMDA, OTHER_PEMDA]) {
    for (const target of TARGETS) {
      const opd = opdOf(target);
      const tree = opd === OTHER_OPD
        ? opdTree({ 'Kode OPD': opd, 'Kode Pemda': pemda }, { crosscutting: [{ 'ID Node': 'S1', 'OPD Tujuan': OPD, 'ID Node Tujuan': 'S1', Kontribusi: 'Data gizi' }] })
        : treeFor(opd, pemda);
      const counts = { boxes: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 };
      await t.store.commit({ key: { pemda, periode: PERIODE, opd }, baseVersion: 0, submissionId: `seed-${pemda}-${target}`, author: 'seed', json: JSON.stringify(tree), counts });
      // …and its documents of the year.
      for (const [kind, doc] of [['realisasi', realisasiDoc(tree, TAHUN)], ['lke', lkeDoc()]] as const) {
        await t.store.commit({ key: { pemda, periode: PERIODE, opd, doc: { kind, tahun: TAHUN } }, baseVersion: 0, submissionId: `seed-${kind}-${pemda}-${target}`, author: 'seed', json: JSON.stringify(doc), counts });
      }
    }
    await t.store.recordLinks({
      pemda, periode: PERIODE, sourceOpd: OTHER_OPD, version: 1,
      links: [{ ...REQUEST, linkId: linkId(REQUEST), kontribusi: 'Data gizi', keterangan: '', contentHash: '' }],
    });
  }
});
afterAll(() => t.close());

async function call(route: RouteName, who: Who | null, pemda: string, opd: string): Promise<{ statusCode?: number; body?: string }> {
  const path: Record<string, string> = PEMDA_WIDE.includes(route) ? { pemda, periode: PERIODE } : { pemda, periode: PERIODE, opd };
  if (route === 'decision') path.id = linkId(REQUEST);
  const kind = DOC_OF[route];
  if (kind) path.tahun = String(TAHUN);
  const deps = { store: t.store, log: () => {} };
  const handlers: Record<RouteName, Handler> = {
    put: putTree, get: getTree, versions: listVersions, list: listOpd, review: reviewTree,
    consolidated: getConsolidated, crosscutting: listCrosscutting, decision: decideCrosscutting,
    putRealisasi, getRealisasi, putLke, getLke, catatan: lkeCatatan,
  };
  const head = (await t.store.get({ pemda, periode: PERIODE, opd, ...(kind ? { doc: { kind, tahun: TAHUN } } : {}) }))?.meta.version ?? 0;
  const body = route === 'put' ? pushBody(treeFor(opd, pemda), head)
    : route === 'review' ? { version: head, action: 'terima', note: '' }
    : route === 'decision' ? { status: 'disetujui', reason: '' }
    : route === 'putRealisasi' ? docBody(realisasiDoc(treeFor(opd, pemda), TAHUN), head)
    : route === 'putLke' ? docBody(lkeDoc(), head)
    : route === 'catatan' ? { catatan: [{ kode: kodeKriteria(1)[0], catatan: 'Lengkapi bukti dukung' }] } : undefined;
  const method = route === 'put' || route === 'putRealisasi' || route === 'putLke' ? 'PUT'
    : route === 'review' || route === 'decision' || route === 'catatan' ? 'POST' : 'GET';
  return handlers[route](apiEvent({ method, path, who, body }), deps);
}

describe.each(ROLES)('role %s', (role) => {
  for (const route of ROUTES) {
    for (const target of PEMDA_WIDE.includes(route) ? (['own'] as Target[]) : TARGETS) {
      for (const samePemda of [true, false]) {
        const pemda = samePemda ? PEMDA : OTHER_PEMDA;
        const name = `${route} ${PEMDA_WIDE.includes(route) ? '' : target + ' '}in ${samePemda ? 'own' : 'other'} pemda`;
        it(name, async () => {
          // Every principal belongs to PEMDA; a perencana to OPD.
          const who: Who | null = role === 'anonymous' ? null : { role, pemda: PEMDA, opd: role === 'perencana' ? OPD : undefined };
          const a = await call(route, who, pemda, opdOf(target));
          if (role === 'anonymous') {
            expect(a.statusCode).toBe(401);
            expect(JSON.parse(a.body ?? '').error.code).toBe('UNAUTHENTICATED');
          } else if (allowed(role, route, target, samePemda)) {
            expect(a.statusCode, a.body).toBeGreaterThanOrEqual(200);
            expect(a.statusCode, a.body).toBeLessThan(300);
            if (route === 'list') {
              const rows = JSON.parse(a.body ?? '').opd.map((r: { opd: string }) => r.opd);
              expect(rows).toEqual(role === 'perencana' ? [OPD] : [OPD, OTHER_OPD, 'PEMDA'].sort());
            }
            if (route === 'decision') expect(JSON.parse(a.body ?? '').link.status).toBe('Disetujui');
          } else {
            expect(a.statusCode, a.body).toBe(403);
            expect(JSON.parse(a.body ?? '').error.code).toBe('FORBIDDEN');
          }
        });
      }
    }
  }
});
