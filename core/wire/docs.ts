/**
 * The OPD's yearly documents beside the tree (SAKIP.md §12, §13): the realisasi (the
 * pengukuran tables of a year, `pengukuranSnapshot`) and the LKE answers (the `LKE` table, and
 * `Kriteria LKE` when the pemda uses its own list). Each is versioned per OPD and year like the
 * tree, with the same conditional HEAD and the same roles.
 *
 *   PUT  {treeUrl}/realisasi/{tahun} | {treeUrl}/lke/{tahun}   DocPushBody → 201/200 PushAnswer,
 *        409 STALE_BASE { currentVersion, by, at }, 422 INVALID_DOC { issues }, 400/403/413
 *   GET  {treeUrl}/realisasi/{tahun}[?version=N] | …/lke/{tahun}  → DocAnswer
 *   POST {treeUrl}/lke/{tahun}/catatan  { catatan: [{ kode, catatan }] } → { version }
 *        (organisasi, admin): the evaluator's notes, seen by the OPD on its next pull.
 */
import type { WorkbookSnapshot } from '../snapshot.js';
import type { VersionMeta } from './api.js';
import { treeUrl, type TreePath } from './paths.js';

export type DocKind = 'realisasi' | 'lke';

export interface DocPushBody {
  baseVersion: number;
  submissionId: string;
  doc: WorkbookSnapshot;
}

export interface DocAnswer {
  meta: VersionMeta;
  headVersion: number;
  doc: WorkbookSnapshot;
}

export interface LkeCatatanBody {
  catatan: { kode: string; catatan: string }[];
}

/** `{treeUrl}/realisasi/2025`, `{treeUrl}/lke/2025`. */
export function docUrl(kind: DocKind, p: Pick<TreePath, 'pemda' | 'periode' | 'opd'>, tahun: number): string {
  return `${treeUrl(p)}/${kind}/${tahun}`;
}
