/**
 * The role matrix: every role × every route × own and other OPD (and the pemda tree) × own
 * and other pemda, through the real handlers on dynalite. Allowed calls succeed (2xx);
 * refused ones answer 403 (401 without identity) with the error body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/auth/principal.js';
import { handle as getTree } from '../../functions/http/get-tree.js';
import { handle as listOpd } from '../../functions/http/list-opd.js';
import { handle as listVersions } from '../../functions/http/list-versions.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { handle as reviewTree } from '../../functions/http/review.js';
import type { Handler } from '../../functions/http/route.js';
import {
  apiEvent, OPD, OTHER_OPD, OTHER_PEMDA, PEMDA, PERIODE, pushBody, startStore, treeFor, type TestStore, type Who,
} from './fixtures.js';

type RouteName = 'put' | 'get' | 'versions' | 'list' | 'review';
type Target = 'own' | 'other' | 'PEMDA';
const ROLES: (Role | 'none' | 'anonymous')[] = ['perencana', 'organisasi', 'bappeda', 'admin', 'none', 'anonymous'];
const ROUTES: RouteName[] = ['put', 'get', 'versions', 'list', 'review'];
const TARGETS: Target[] = ['own', 'other', 'PEMDA'];

/** The expected rule, written out independently of functions/auth. */
function allowed(role: Role | 'none', route: RouteName, target: Target, samePemda: boolean): boolean {
  if (!samePemda || role === 'none') return false;
  switch (route) {
    case 'put': return (role === 'perencana' && target === 'own') || (role === 'bappeda' && target === 'PEMDA');
    case 'get': case 'versions': return role === 'perencana' ? target === 'own' : true;
    case 'list': return true;
    case 'review': return role === 'organisasi';
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
      await t.store.commit({ key: { pemda, periode: PERIODE, opd }, baseVersion: 0, submissionId: `seed-${pemda}-${target}`, author: 'seed', json: JSON.stringify(treeFor(opd, pemda)), counts: { boxes: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 } });
    }
  }
});
afterAll(() => t.close());

async function call(route: RouteName, who: Who | null, pemda: string, opd: string): Promise<{ statusCode?: number; body?: string }> {
  const path: Record<string, string> = route === 'list' ? { pemda, periode: PERIODE } : { pemda, periode: PERIODE, opd };
  const deps = { store: t.store, log: () => {} };
  const handlers: Record<RouteName, Handler> = { put: putTree, get: getTree, versions: listVersions, list: listOpd, review: reviewTree };
  const head = (await t.store.get({ pemda, periode: PERIODE, opd }))?.meta.version ?? 0;
  const body = route === 'put' ? pushBody(treeFor(opd, pemda), head)
    : route === 'review' ? { version: head, action: 'terima', note: '' } : undefined;
  const method = route === 'put' ? 'PUT' : route === 'review' ? 'POST' : 'GET';
  return handlers[route](apiEvent({ method, path, who, body }), deps);
}

describe.each(ROLES)('role %s', (role) => {
  for (const route of ROUTES) {
    for (const target of route === 'list' ? (['own'] as Target[]) : TARGETS) {
      for (const samePemda of [true, false]) {
        const pemda = samePemda ? PEMDA : OTHER_PEMDA;
        const name = `${route} ${route === 'list' ? '' : target + ' '}in ${samePemda ? 'own' : 'other'} pemda`;
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
          } else {
            expect(a.statusCode, a.body).toBe(403);
            expect(JSON.parse(a.body ?? '').error.code).toBe('FORBIDDEN');
          }
        });
      }
    }
  }
});
