/**
 * The route table, as API Gateway declares it (infra/) and as the local server matches it.
 */
import { handle as decideCrosscutting } from './crosscutting-decision.js';
import { handle as getConsolidated } from './get-consolidated.js';
import { handle as getLke } from './get-lke.js';
import { handle as getRealisasi } from './get-realisasi.js';
import { handle as getTree } from './get-tree.js';
import { handle as listCrosscutting } from './list-crosscutting.js';
import { handle as listOpd } from './list-opd.js';
import { handle as lkeCatatan } from './lke-catatan.js';
import { handle as listVersions } from './list-versions.js';
import { handle as putLke } from './put-lke.js';
import { handle as putRealisasi } from './put-realisasi.js';
import { handle as putTree } from './put-tree.js';
import { handle as reviewTree } from './review.js';
import type { Handler } from './route.js';

export interface RouteSpec {
  method: 'GET' | 'PUT' | 'POST';
  /** API Gateway route key path, e.g. `/v1/pemda/{pemda}/periode/{periode}/opd`. */
  path: string;
  /** Lambda entry: `functions/http/<file>.ts`, export `handler`. */
  file: string;
  handle: Handler;
}

const PERIODE = '/v1/pemda/{pemda}/periode/{periode}';
const BASE = `${PERIODE}/opd`;

export const ROUTES: RouteSpec[] = [
  { method: 'PUT', path: `${BASE}/{opd}/tree`, file: 'put-tree', handle: putTree },
  { method: 'GET', path: `${BASE}/{opd}/tree`, file: 'get-tree', handle: getTree },
  { method: 'GET', path: `${BASE}/{opd}/versions`, file: 'list-versions', handle: listVersions },
  { method: 'GET', path: BASE, file: 'list-opd', handle: listOpd },
  { method: 'POST', path: `${BASE}/{opd}/review`, file: 'review', handle: reviewTree },
  { method: 'GET', path: `${PERIODE}/consolidated`, file: 'get-consolidated', handle: getConsolidated },
  { method: 'GET', path: `${BASE}/{opd}/crosscutting`, file: 'list-crosscutting', handle: listCrosscutting },
  { method: 'POST', path: `${BASE}/{opd}/crosscutting/{id}/decision`, file: 'crosscutting-decision', handle: decideCrosscutting },
  // The per-year documents (SAKIP.md §12, §13; core/wire/docs.ts).
  { method: 'PUT', path: `${BASE}/{opd}/realisasi/{tahun}`, file: 'put-realisasi', handle: putRealisasi },
  { method: 'GET', path: `${BASE}/{opd}/realisasi/{tahun}`, file: 'get-realisasi', handle: getRealisasi },
  { method: 'PUT', path: `${BASE}/{opd}/lke/{tahun}`, file: 'put-lke', handle: putLke },
  { method: 'GET', path: `${BASE}/{opd}/lke/{tahun}`, file: 'get-lke', handle: getLke },
  { method: 'POST', path: `${BASE}/{opd}/lke/{tahun}/catatan`, file: 'lke-catatan', handle: lkeCatatan },
];

/** Matches a request path against the table; path parameters are URL-decoded. */
export function matchRoute(method: string, pathname: string): { route: RouteSpec; params: Record<string, string> } | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const names: string[] = [];
    const re = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_m, n: string) => { names.push(n); return '([^/]+)'; })}$`);
    const m = re.exec(pathname);
    if (!m) continue;
    if (route.method !== method) { allowed.push(route.method); continue; }
    const params: Record<string, string> = {};
    try {
      names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
    } catch {
      return null;
    }
    return { route, params };
  }
  return allowed.length ? { allowed } : null;
}
