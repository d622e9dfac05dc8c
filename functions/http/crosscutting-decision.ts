/**
 * POST /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/crosscutting/{id}/decision
 * body {"status":"disetujui"|"ditolak","reason":"…"}  (a reason is required to reject)
 * Who: the perencana of the TARGET OPD `{opd}` (SAKIP.md §9.2).
 * 200 {link, rev} · 404 no such request to this OPD, or it left the source's tree ·
 * 409 ALREADY_DECIDED when the link is not waiting (Disetujui is final; a Ditolak link waits
 * again only after the source changed it) or another decision won the race.
 * The request is checked against the source OPD's HEAD tree, so the decision applies to the
 * content the target actually sees, even if recording the request at push time was lost.
 */
import { linkView, treeLinks, effectiveStatus } from '../../core/derive/consolidate/links.js';
import { readWorkbook } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { checkLinkId, parseDecisionBody, type DecisionAnswer } from '../../core/wire/index.js';
import { toDecision } from '../store/dynamo-links.js';
import { ApiError } from './errors.js';
import { lambda } from './deps.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

const notFound = () => new ApiError('NOT_FOUND', 'Permintaan crosscutting ini tidak ditemukan untuk OPD ini.', 'No such crosscutting request to this OPD.');

export const decideCrosscutting: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = treePath(event);
  const id = checkLinkId(event.pathParameters?.id);
  if (!id.ok) throw new ApiError('INVALID_PATH', id.message, id.messageEn, { field: id.field });
  requireAccess(principal, 'decide', path.pemda, path.opd);
  const parsed = parseDecisionBody(jsonBody(event));
  if (!parsed.ok) throw invalidBody(parsed.problems);

  const item = await deps.store.link(path.pemda, path.periode, id.value);
  if (!item || item.targetOpd !== path.opd || !item.active) throw notFound();
  const source = await deps.store.get({ pemda: path.pemda, periode: path.periode, opd: item.sourceOpd });
  if (!source) throw notFound();
  const tree = readWorkbook(JSON.parse(source.json) as WorkbookSnapshot).tree;
  const link = treeLinks(item.sourceOpd, tree).find((l) => l.linkId === id.value);
  if (!link || link.targetOpd !== path.opd) throw notFound();

  const current = effectiveStatus(link, toDecision(item) ?? undefined);
  if (current.status !== 'Menunggu') {
    throw new ApiError('ALREADY_DECIDED', `Permintaan ini sudah ${current.status}; hanya permintaan yang Menunggu dapat diputuskan.`,
      `This request is already ${current.status}; only waiting requests can be decided.`, { status: current.status });
  }
  const stored = await deps.store.decide({
    pemda: path.pemda, periode: path.periode, linkId: id.value, expectRev: item.rev, status: parsed.value.status,
    reason: parsed.value.reason, actor: principal.sub, contentHash: link.contentHash, sourceVersion: source.meta.version,
    fromStatus: current.status,
  });
  const body: DecisionAnswer = { link: linkView(link, toDecision(stored) ?? undefined), rev: stored.rev };
  return { status: 200, body };
};

export const handle = httpHandler(decideCrosscutting);
export const handler = lambda(handle);
