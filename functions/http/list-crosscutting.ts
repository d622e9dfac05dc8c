/**
 * GET /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/crosscutting
 * Who: as for reading the tree (the OPD's perencana; organisasi, bappeda, admin of the pemda).
 * 200 {pemda, periode, opd, outgoing, incoming}: the links as recorded at each source's latest
 * push, with their effective status (one Query of the pemda/periode's link items, no tree load).
 * The pane's Konsolidasi/crosscutting views and `pokin pull` read it; incoming items carry the
 * `linkId` the decision route needs.
 */
import { linkContentHash } from '../../core/derive/consolidate/ids.js';
import { effectiveStatus } from '../../core/derive/consolidate/links.js';
import type { CrosscuttingAnswer, LinkView } from '../../core/wire/index.js';
import { toDecision } from '../store/dynamo-links.js';
import type { StoredLink } from '../store/types.js';
import { lambda } from './deps.js';
import { requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

export function storedView(l: StoredLink): LinkView {
  const e = effectiveStatus({ ...l, contentHash: l.contentHash || linkContentHash(l) }, toDecision(l) ?? undefined);
  const v: LinkView = {
    linkId: l.linkId, sourceOpd: l.sourceOpd, nodeId: l.nodeId, targetOpd: l.targetOpd, nodeTujuan: l.nodeTujuan,
    kontribusi: l.kontribusi, keterangan: l.keterangan, status: e.status, alasanTolak: e.alasanTolak,
  };
  if (e.decision) { v.decidedBy = e.decision.by; v.decidedAt = e.decision.at; }
  return v;
}

const byNode = (a: LinkView, b: LinkView) => (a.sourceOpd + a.nodeId + a.nodeTujuan < b.sourceOpd + b.nodeId + b.nodeTujuan ? -1 : 1);

export const listCrosscutting: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = treePath(event);
  requireAccess(principal, 'read', path.pemda, path.opd);
  const [stored, heads] = await Promise.all([deps.store.links(path.pemda, path.periode), deps.store.list(path.pemda, path.periode)]);
  const links = stored.filter((l) => l.active);
  // OPD names from each OPD's HEAD (one GSI query), so a request reads "Dinas Kesehatan", not 22 digits.
  const names = new Map(heads.filter((h) => h.namaOpd).map((h) => [h.opd, h.namaOpd as string]));
  const view = (l: StoredLink): LinkView => {
    const v = storedView(l);
    const s = names.get(l.sourceOpd), t = names.get(l.targetOpd);
    if (s) v.sourceNama = s;
    if (t) v.targetNama = t;
    return v;
  };
  const body: CrosscuttingAnswer = {
    pemda: path.pemda, periode: path.periode, opd: path.opd,
    outgoing: links.filter((l) => l.sourceOpd === path.opd).map(view).sort(byNode),
    incoming: links.filter((l) => l.targetOpd === path.opd).map(view).sort(byNode),
  };
  return { status: 200, body };
};

export const handle = httpHandler(listCrosscutting);
export const handler = lambda(handle);
