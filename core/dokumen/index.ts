/**
 * The per-OPD, per-year documents besides the tree (SAKIP.md §12, §13): what a workbook sends
 * (`dokumenRealisasi`, `lkeSnapshot`), how the client and the server judge it (`periksaRealisasi`,
 * `periksaLke`: one function for both), and the evaluator's notes on an LKE.
 */
export { dokumenRealisasi, periksaRealisasi, tabelAsingRealisasi, type PemeriksaanDokumen } from './realisasi.js';
export { catatanOf, denganCatatan, kodeLke, lkeSnapshot, periksaLke, tabelAsingLke } from './lke.js';

import type { WorkbookSnapshot } from '../snapshot.js';
import type { DocKind } from '../wire/docs.js';
import { lkeSnapshot, periksaLke } from './lke.js';
import { dokumenRealisasi, periksaRealisasi, type PemeriksaanDokumen } from './realisasi.js';

/**
 * The document a workbook sends for `kind` and year, judged as the server will judge it: what
 * `pokin push --realisasi|--lke` and the pane's Kirim buttons both send and check.
 */
export function dokumenOf(kind: DocKind, snapshot: WorkbookSnapshot, tahun: number): { doc: WorkbookSnapshot; check: PemeriksaanDokumen } {
  if (kind === 'realisasi') {
    const doc = dokumenRealisasi(snapshot, tahun);
    return { doc, check: periksaRealisasi(snapshot, doc, tahun) };
  }
  const doc = lkeSnapshot(snapshot);
  return { doc, check: periksaLke(doc) };
}
