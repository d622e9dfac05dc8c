/**
 * Saran Pokin for a criteria list: each criterion gets the first evaluator that matches it
 * (by text, or the one its variant row names in `saran_pokin`; `-` turns it off), and the
 * answer nearest the measured share (`jawabanUntukBagian`).
 */
import type { KriteriaLke } from '../types.js';
import { jawabanUntukBagian } from '../skala.js';
import { EVALUATOR_PENGUKURAN } from './pengukuran.js';
import { EVALUATOR_POHON } from './pohon.js';
import type { Saran, SaranContext, SaranEvaluator, Temuan } from './types.js';

export type { Saran, SaranContext, SaranEvaluator, Temuan } from './types.js';
export {
  EVALUATOR_PENGUKURAN, SARAN_LKJIP_ANALISIS, SARAN_LKJIP_EFISIENSI, SARAN_LKJIP_PEMBANDING, SARAN_LKJIP_RENSTRA, SARAN_LKJIP_TAHUNAN, SARAN_LKJIP_TREN,
  SARAN_PENGUKURAN, SARAN_RENAKSI, tahunPengukuran,
} from './pengukuran.js';
export { EVALUATOR_POHON, SARAN_CASCADE, SARAN_CROSSCUTTING, SARAN_PK, SARAN_POKIN, SARAN_SMART, SARAN_TARGET } from './pohon.js';

/**
 * Every evaluator Pokin runs: the tree's, then those reading Renaksi, Realisasi and the LKjIP
 * figures (silent on a workbook without pengukuran tables).
 */
export const SARAN_EVALUATORS: readonly SaranEvaluator[] = [...EVALUATOR_POHON, ...EVALUATOR_PENGUKURAN];

/** The evaluator a criterion gets, if any. */
export function evaluatorUntuk(k: KriteriaLke['semua'][number], evaluators: readonly SaranEvaluator[] = SARAN_EVALUATORS): SaranEvaluator | undefined {
  if (k.saranPokin === '-') return undefined;
  if (k.saranPokin !== undefined) return evaluators.find((e) => e.id === k.saranPokin);
  return evaluators.find((e) => e.cocok(k));
}

/** Saran by criterion code. Each evaluator runs once, however many criteria it serves. */
export function saranLke(kriteria: KriteriaLke, ctx: SaranContext, evaluators: readonly SaranEvaluator[] = SARAN_EVALUATORS): Map<string, Saran> {
  const out = new Map<string, Saran>();
  const measured = new Map<string, Temuan | null>();
  for (const k of kriteria.semua) {
    const e = evaluatorUntuk(k, evaluators);
    if (!e) continue;
    if (!measured.has(e.id)) measured.set(e.id, e.nilai(ctx));
    const t = measured.get(e.id);
    if (!t) continue;
    out.set(k.kode, { kode: k.kode, evaluator: e.id, jawaban: jawabanUntukBagian(k.skala, t.bagian), bagian: t.bagian, alasan: t.alasan });
  }
  return out;
}

/** The `Saran Pokin` cell text: `B: 82 %: 41 dari 50 indikator …`. */
export function teksSaran(s: Saran, lang: 'id' | 'en' = 'id'): string {
  return `${s.jawaban.kode}: ${lang === 'en' ? s.alasan.en : s.alasan.id}`;
}
