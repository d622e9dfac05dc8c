/**
 * POST /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/review  body {version, action, note}
 * Who: organisasi of the pemda. Sets the review status on HEAD and writes an audit item.
 * 200 {version, status, review} · 409 when `version` is not the HEAD · 404 no tree.
 * A note is required to return ("kembalikan") a tree.
 */
import { parseReviewBody, type ReviewAnswer } from '../../core/wire/index.js';
import { lambda } from './deps.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

export const reviewTree: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = treePath(event);
  requireAccess(principal, 'review', path.pemda, path.opd);
  const parsed = parseReviewBody(jsonBody(event));
  if (!parsed.ok) throw invalidBody(parsed.problems);
  const r = await deps.store.review({
    key: { pemda: path.pemda, periode: path.periode, opd: path.opd },
    version: parsed.value.version, action: parsed.value.action, note: parsed.value.note, actor: principal.sub,
  });
  const body: ReviewAnswer = r;
  return { status: 200, body };
};

export const handle = httpHandler(reviewTree);
export const handler = lambda(handle);
