/**
 * The OPD's yearly documents beside the tree (core/wire/docs.ts): the realisasi of a year and
 * its LKE answers, pushed and pulled like the tree (a base version per document and year, kept
 * in the workbook's identity as `realisasi/2025`, `lke/2025`; a 409 names who pushed which
 * version when). A push is one user action: the request and the version it answers are one
 * `Excel.run` (port.pushAction).
 */
import { ApiFailure, newSubmissionId, type PokinApi, type TreeRef } from '../client/api.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import type { DocAnswer, DocKind, StaleDetails } from '../core/wire/index.js';
import type { LiveValidation } from './live/controller.js';
import type { TreeIdentity, WorkbookPort } from './port.js';

export type Text = { id: string; en: string };

export type DocPushOutcome =
  | { kind: 'pushed'; version: number }
  | { kind: 'blocked'; errors: number; message: Text }
  | { kind: 'conflict'; stale: StaleDetails }
  | { kind: 'failed'; message: Text; error?: unknown };

/** What the document journeys need from the workspace. */
export interface DocHost {
  readonly port: WorkbookPort;
  readonly api: PokinApi;
  readonly live: LiveValidation;
  treeRef(snapshot: WorkbookSnapshot): TreeRef | Text;
  /** The tree's base version now (kept as it is by a document push). */
  treeBase(): number;
  failed(e: unknown): { kind: 'failed'; message: Text; error: unknown };
}

export const docKey = (kind: DocKind, tahun: number) => `${kind}/${tahun}`;

/** The document's base version recorded in the workbook (0: never pushed or pulled here). */
export async function docBase(port: WorkbookPort, kind: DocKind, tahun: number): Promise<number> {
  const id = await port.getIdentity().catch(() => null);
  return id?.docs?.[docKey(kind, tahun)] ?? 0;
}

/** The identity to record after a document push or pull: the tree's as it is, this document's version. */
export function withDocVersion(h: DocHost, ref: TreeRef, kind: DocKind, tahun: number, version: number): TreeIdentity {
  return { ...ref, baseVersion: h.treeBase(), docs: { [docKey(kind, tahun)]: version } };
}

/** PUT the document; `base` overrides the recorded base ("kirim di atas versi N" after a 409). */
export async function pushDocument(h: DocHost, kind: DocKind, tahun: number, snapshot: WorkbookSnapshot, doc: WorkbookSnapshot, base?: number): Promise<DocPushOutcome> {
  const ref = h.treeRef(snapshot);
  if (!('pemda' in ref)) return { kind: 'failed', message: ref };
  const baseVersion = base ?? (await docBase(h.port, kind, tahun));
  const body = { baseVersion, submissionId: newSubmissionId(), doc };
  let out = { kind: 'failed', message: { id: 'Tidak terkirim.', en: 'Not sent.' } } as DocPushOutcome;
  await h.live.ownWrite(() => h.port.pushAction(null, async () => {
    try {
      const { answer } = await h.api.pushDoc(kind, ref, tahun, body);
      out = { kind: 'pushed', version: answer.version };
      return withDocVersion(h, ref, kind, tahun, answer.version);
    } catch (e) {
      out = e instanceof ApiFailure && e.stale ? { kind: 'conflict', stale: e.stale } : h.failed(e);
      return null;
    }
  }));
  return out;
}

/** GET the document (the latest, or `version`); failures as the pane words them. */
export async function pullDocument(h: DocHost, kind: DocKind, tahun: number, snapshot: WorkbookSnapshot, version?: number): Promise<{ ref: TreeRef; answer: DocAnswer } | { kind: 'failed'; message: Text; error?: unknown }> {
  const ref = h.treeRef(snapshot);
  if (!('pemda' in ref)) return { kind: 'failed', message: ref };
  try {
    return { ref, answer: await h.api.pullDoc(kind, ref, tahun, version ?? null) };
  } catch (e) {
    return h.failed(e);
  }
}
