/**
 * GET /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/tree[?version=N]
 * Who: the perencana of that OPD; organisasi, bappeda, admin of the pemda.
 * 200 TreeAnswer {pemda, periode, opd, headVersion, meta, tree} · 404 when there is none.
 */
import { checkVersionParam } from '../../core/wire/index.js';
import { ApiError } from './errors.js';
import { lambda } from './deps.js';
import { requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

export const getTree: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = treePath(event);
  requireAccess(principal, 'read', path.pemda, path.opd);
  const v = checkVersionParam(event.queryStringParameters?.version);
  if (!v.ok) throw new ApiError('INVALID_PATH', v.message, v.messageEn, { field: v.field });
  const stored = await deps.store.get({ pemda: path.pemda, periode: path.periode, opd: path.opd }, v.value);
  if (!stored) {
    throw new ApiError('NOT_FOUND', v.value === null ? 'Belum ada pohon untuk OPD ini.' : `Versi ${v.value} tidak ditemukan.`,
      v.value === null ? 'No tree has been pushed for this OPD yet.' : `Version ${v.value} was not found.`);
  }
  // The stored JSON text goes out as is: no parse and re-stringify of a multi-MB tree.
  const head = JSON.stringify({ pemda: path.pemda, periode: path.periode, opd: path.opd, headVersion: stored.headVersion, meta: stored.meta });
  return { status: 200, json: `${head.slice(0, -1)},"tree":${stored.json}}` };
};

export const handle = httpHandler(getTree);
export const handler = lambda(handle);
