/**
 * Saran Pokin (SAKIP.md §13): a proposed answer, with its reason, for the criteria the
 * workbook can judge. An evaluator is a pure function of the workbook: it measures the share
 * (0–1) of what a criterion asks that the workbook shows, and says why. The proposal is only a
 * proposal: it goes to the `Saran Pokin` column, never to `Jawaban`; the evaluator decides.
 *
 * New evaluators plug in as data (`SARAN_EVALUATORS` in `index.ts`): the Renaksi, pengukuran
 * and LKjIP ones read their tables from `ctx.snapshot` the same way these read the tree.
 */
import type { Bilingual, Issue } from '../../issues.js';
import type { PohonKinerja } from '../../model.js';
import type { WorkbookSnapshot } from '../../snapshot.js';
import type { Kriteria, Pilihan } from '../types.js';

export interface SaranContext {
  /** The tree as `core/read` builds it. */
  tree: PohonKinerja;
  /** Every issue of a Final validation (Live + Final rules), so J04 and X03 are there. */
  issues: readonly Issue[];
  /** The whole workbook, for evaluators that read other tables (Renaksi, Realisasi, …). */
  snapshot: WorkbookSnapshot;
}

/** What an evaluator measured. */
export interface Temuan {
  /** Share of what the criterion asks that the workbook shows, 0–1. */
  bagian: number;
  /** Why, with the figures and rule IDs behind the share. */
  alasan: Bilingual;
}

export interface SaranEvaluator {
  /** Stable ID, also what a variant's `saran_pokin` column names (`pokin`, `smart` …). */
  id: string;
  judul: Bilingual;
  /** Does this evaluator judge that criterion? (by its text, so variants keep working) */
  cocok: (k: Kriteria) => boolean;
  /** null = the workbook cannot say (no saran). */
  nilai: (ctx: SaranContext) => Temuan | null;
}

export interface Saran {
  kode: string;
  evaluator: string;
  /** The proposed answer (on the criterion's scale) and its value. */
  jawaban: Pilihan;
  bagian: number;
  alasan: Bilingual;
}
