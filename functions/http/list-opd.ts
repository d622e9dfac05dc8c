/**
 * GET /v1/pemda/{pemda}/periode/{periode}/opd
 * Who: organisasi, bappeda, admin (every OPD); a perencana sees its own OPD only.
 * 200 {pemda, periode, opd: OpdRow[]}: one row per OPD HEAD, sorted by kode OPD.
 */
import type { OpdListAnswer } from '../../core/wire/index.js';
import { listFilter } from '../auth/principal.js';
import { lambda } from './deps.js';
import { pemdaPath, requireAccess, requirePrincipal } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

export const listOpd: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = pemdaPath(event);
  requireAccess(principal, 'list', path.pemda);
  const only = listFilter(principal);
  const rows = (await deps.store.list(path.pemda, path.periode))
    .filter((r) => only === null || only.includes(r.opd))
    .sort((a, b) => (a.opd < b.opd ? -1 : a.opd > b.opd ? 1 : 0));
  const body: OpdListAnswer = { pemda: path.pemda, periode: path.periode, opd: rows };
  return { status: 200, body };
};

export const handle = httpHandler(listOpd);
export const handler = lambda(handle);
