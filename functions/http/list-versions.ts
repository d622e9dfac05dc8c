/**
 * GET /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/versions
 * Who: as for reading the tree. 200 {pemda, periode, opd, versions: VersionMeta[] newest first}.
 */
import type { VersionsAnswer } from '../../core/wire/index.js';
import { lambda } from './deps.js';
import { requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

export const listVersions: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = treePath(event);
  requireAccess(principal, 'read', path.pemda, path.opd);
  const versions = await deps.store.versions({ pemda: path.pemda, periode: path.periode, opd: path.opd });
  const body: VersionsAnswer = { pemda: path.pemda, periode: path.periode, opd: path.opd, versions };
  return { status: 200, body };
};

export const handle = httpHandler(listVersions);
export const handler = lambda(handle);
