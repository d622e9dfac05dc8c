/**
 * Crosscutting links of a tree and their effective status (SAKIP.md §9). The workbook's own
 * `Status` / `Alasan Tolak` cells are never trusted (the source OPD cannot set them): the
 * status comes from the target OPD's decision, stored by the backend.
 */
import { LEMBAGA_LAIN } from '../../layout/tables.js';
import type { CrosscuttingLink, PohonKinerja } from '../../model.js';
import type { DecisionStatus, LinkStatus, LinkView } from '../../wire/consolidated.js';
import { KODE_OPD_RE } from '../../wire/paths.js';
import { linkContentHash, linkId, sameLink, type LinkKey } from './ids.js';

/** A stored decision of the target OPD on one link (functions/store keeps these). */
export interface LinkDecision extends LinkKey {
  linkId: string;
  status: DecisionStatus;
  reason: string;
  by: string;
  at: string;
  /** Content hash of the link when it was decided (a rejection applies to that content only). */
  contentHash: string;
  rev: number;
}

/** A link of a tree that takes part in the approval flow (Lembaga Lain links do not). */
export interface TreeLink extends LinkKey {
  linkId: string;
  contentHash: string;
  row: CrosscuttingLink;
}

/** True when `OPD Tujuan` names an OPD of the pemda (so the link goes through the approval flow). */
export function isOpdTarget(l: Pick<CrosscuttingLink, 'opdTujuan'>, sourceOpd: string): boolean {
  return l.opdTujuan !== LEMBAGA_LAIN && KODE_OPD_RE.test(l.opdTujuan) && l.opdTujuan !== sourceOpd;
}

/** The approval-flow links of a tree, first row per link ID (a repeated row is the same request). */
export function treeLinks(sourceOpd: string, tree: Pick<PohonKinerja, 'crosscutting'>): TreeLink[] {
  const out: TreeLink[] = [];
  const seen = new Set<string>();
  for (const row of tree.crosscutting) {
    if (!isOpdTarget(row, sourceOpd) || row.nodeId === '' || row.nodeTujuan === '') continue;
    const key: LinkKey = { sourceOpd, nodeId: row.nodeId, targetOpd: row.opdTujuan, nodeTujuan: row.nodeTujuan };
    const id = linkId(key);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...key, linkId: id, contentHash: linkContentHash(row), row });
  }
  return out;
}

export interface Effective {
  status: LinkStatus;
  alasanTolak: string;
  decision?: LinkDecision;
}

/**
 * Menunggu without a decision; Disetujui is final (later edits of the content keep it);
 * Ditolak holds while the content is the one judged, and turns back into Menunggu once the
 * source has changed it (a resubmission).
 */
export function effectiveStatus(link: LinkKey & { contentHash: string }, d: LinkDecision | undefined): Effective {
  if (!d || !sameLink(link, d)) return { status: 'Menunggu', alasanTolak: '' };
  if (d.status === 'disetujui') return { status: 'Disetujui', alasanTolak: '', decision: d };
  if (d.contentHash === link.contentHash) return { status: 'Ditolak', alasanTolak: d.reason, decision: d };
  return { status: 'Menunggu', alasanTolak: '' };
}

export function linkView(link: TreeLink, d: LinkDecision | undefined): LinkView {
  const e = effectiveStatus(link, d);
  const v: LinkView = {
    linkId: link.linkId, sourceOpd: link.sourceOpd, nodeId: link.nodeId, targetOpd: link.targetOpd, nodeTujuan: link.nodeTujuan,
    kontribusi: link.row.kontribusi, keterangan: link.row.keterangan, status: e.status, alasanTolak: e.alasanTolak,
  };
  if (e.decision) { v.decidedBy = e.decision.by; v.decidedAt = e.decision.at; }
  return v;
}

export function decisionIndex(decisions: readonly LinkDecision[]): Map<string, LinkDecision> {
  return new Map(decisions.map((d) => [d.linkId, d]));
}
