/**
 * Host calls of the review and consolidation panels, built over a Workspace (API client with
 * the in-memory token, the workbook port, own-write marking): components receive these as
 * props and never touch fetch or the port themselves.
 */
import type {
  ConsolidationBasis, DecisionStatus, LinkView, OpdRow, ReviewAction, ReviewAnswer, VersionMeta,
} from '../../core/wire/index.js';
import type { TreeRef } from '../../client/api.js';
import { identityOf } from '../auth/roles.js';
import type { Workspace } from '../workspace.js';
import { tinjauSheet, writeConsolidated } from './write.js';

export interface PullReport {
  sheets: string[];
  rows: number;
  /** Office syncs spent writing (null outside Excel). */
  syncs: number | null;
}

export interface KonsolidasiCalls {
  /** Pemda of the signed-in user (`custom:pemda`). */
  pemda: string;
  listOpd(periode: string): Promise<OpdRow[]>;
  review(periode: string, opd: string, version: number, action: ReviewAction, note: string): Promise<ReviewAnswer>;
  /** Writes the OPD's HEAD tree as a read-only sheet; answers the sheet name. */
  openTree(periode: string, opd: string): Promise<string>;
  /** All pages, then the sheets into the current workbook; progress 0…1. */
  pull(periode: string, basis: ConsolidationBasis, onProgress: (f: number) => void): Promise<PullReport>;
  /** Preview only: the consolidated workbook as a downloaded .xlsx; answers the file name. */
  saveXlsx?(periode: string, basis: ConsolidationBasis, onProgress: (f: number) => void): Promise<string>;
}

export interface PlannerCalls {
  ref: TreeRef;
  versions(): Promise<VersionMeta[]>;
  incoming(): Promise<LinkView[]>;
  decide(linkId: string, status: DecisionStatus, reason: string): Promise<LinkView>;
}

/** The browser download of bytes (an anchor with a blob URL). */
export function saveBytes(bytes: Uint8Array, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function syncsOf(ws: Workspace): number | null {
  const s = (ws.port as { stats?: { syncs?: unknown } }).stats?.syncs;
  return ws.port.kind === 'office' && typeof s === 'number' ? s : null;
}

export function konsolidasiCalls(ws: Workspace, lang: () => 'id' | 'en'): KonsolidasiCalls {
  const pemda = identityOf(ws.state.token)?.pemda ?? '';
  const ref = (periode: string, opd: string): TreeRef => ({ pemda, periode: periode.trim(), opd });
  return {
    pemda,
    listOpd: async (periode) => (await ws.api.listOpd(pemda, periode.trim())).opd,
    review: (periode, opd, version, action, note) => ws.api.review(ref(periode, opd), { version, action, note }),
    openTree: async (periode, opd) => {
      const spec = tinjauSheet(await ws.api.pull(ref(periode, opd)), lang());
      await ws.live.ownWrite(() => ws.port.renderSheet(spec));
      return spec.name;
    },
    pull: async (periode, basis, onProgress) => {
      const answer = await ws.api.consolidated(pemda, periode.trim(), basis, (n, of) => onProgress(0.3 * (of ? n / of : 1)));
      const s0 = syncsOf(ws);
      const r = await ws.live.ownWrite(() => writeConsolidated(ws.port, answer, lang(), (f) => onProgress(0.3 + 0.7 * f)));
      const s1 = syncsOf(ws);
      return { ...r, syncs: s0 === null || s1 === null ? null : s1 - s0 };
    },
    ...(ws.port.kind === 'preview' ? {
      saveXlsx: async (periode: string, basis: ConsolidationBasis, onProgress: (f: number) => void) => {
        const answer = await ws.api.consolidated(pemda, periode.trim(), basis, (n, of) => onProgress(0.6 * (of ? n / of : 1)));
        // ExcelJS and the workbook builder load only when asked (the pane's first paint stays small).
        const { buildConsolidatedWorkbook } = await import('../../xlsx/consolidated.js');
        const bytes = new Uint8Array(await buildConsolidatedWorkbook(answer, lang()).xlsx.writeBuffer());
        onProgress(1);
        const name = `Konsolidasi ${pemda} ${answer.periode} ${answer.basis}.xlsx`;
        saveBytes(bytes, name);
        return name;
      },
    } : {}),
  };
}

/** The planner's own tree: pemda and OPD from the token, the period (`2025-2029`) from the workbook's Info. */
export function plannerCalls(ws: Workspace, periode: string | null): PlannerCalls | null {
  const id = identityOf(ws.state.token);
  if (!id || id.opd === '' || !periode) return null;
  const ref: TreeRef = { pemda: id.pemda, periode, opd: id.opd };
  return {
    ref,
    versions: async () => (await ws.api.versions(ref)).versions,
    incoming: async () => (await ws.api.crosscutting(ref)).incoming,
    decide: async (linkId, status, reason) => (await ws.api.decide(ref, linkId, { status, reason })).link,
  };
}
