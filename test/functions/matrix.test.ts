/**
 * The role matrix: every role × every route × own and other OPD (and the pemda tree) × own
 * and other pemda, through the real handlers on dynalite. Allowed calls succeed (2xx);
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
import type { Handler } from '../../functions/http/route.js';
import {
  apiEvent, OPD, opdTree, OTHER_OPD, OTHER_PEMDA, PEMDA, PERIODE, pushBody, startStore, treeFor, type TestStore, type Who,
} from './fixtures.js';

type RouteName = 'put' | 'get' | 'versions' | 'list' | 'review' | 'consolidated' | 'crosscutting' | 'decision';
type Target = 'own' | 'other' | 'PEMDA';
const ROLES: (Role | 'none' | 'anonymous')[] = ['perencana', 'organisasi', 'bappeda', 'admin', 'none', 'anonymous'];
const ROUTES: RouteName[] = ['put', 'get', 'versions', 'list', 'review', 'consolidated', 'crosscutting', 'decision'];
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
      await t.store.commit({ key: { pemda, periode: PERIODE, opd }, baseVersion: 0, submissionId: `seed-${pemda}-${target}`, author: 'seed', json: JSON.stringify(tree), counts: { boxes: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 } });
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
  const deps = { store: t.store, log: () => {} };
  const handlers: Record<RouteName, Handler> = {
    put: putTree, get: getTree, versions: listVersions, list: listOpd, review: reviewTree,
    consolidated: getConsolidated, crosscutting: listCrosscutting, decision: decideCrosscutting,
  };
  const head = (await t.store.get({ pemda, periode: PERIODE, opd }))?.meta.version ?? 0;
  const body = route === 'put' ? pushBody(treeFor(opd, pemda), head)
    : route === 'review' ? { version: head, action: 'terima', note: '' }
    : route === 'decision' ? { status: 'disetujui', reason: '' } : undefined;
  const method = route === 'put' ? 'PUT' : route === 'review' || route === 'decision' ? 'POST' : 'GET';
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
