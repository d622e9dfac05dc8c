/** Every rule, in catalogue order. Live rules run on every pass; Final rules at finalisation. */
import { BUDGET_RULES } from './budget.js';
import type { Rule } from './context.js';
import { CROSSCUTTING_FINAL_RULES, CROSSCUTTING_RULES } from './crosscutting.js';
import { INDIKATOR_RULES } from './indikator.js';
import { JABATAN_FINAL_RULES, JABATAN_RULES } from './jabatan.js';
import { KUALITAS_RULES } from './kualitas.js';
import { PK_FINAL_RULES } from './pk.js';
import { NOMENKLATUR_RULES } from './nomenklatur.js';
import { REALISASI_RULES } from './realisasi.js';
import { RENAKSI_FINAL_RULES, RENAKSI_RULES } from './renaksi.js';
import { TREE_RULES } from './tree.js';

export const ALL_RULES: Rule[] = [
  ...TREE_RULES, ...INDIKATOR_RULES, ...KUALITAS_RULES, ...NOMENKLATUR_RULES, ...BUDGET_RULES, ...JABATAN_RULES, ...CROSSCUTTING_RULES,
  // Pengukuran (SAKIP.md §12): silent unless the workbook holds Rencana Aksi / Realisasi rows.
  ...RENAKSI_RULES, ...REALISASI_RULES,
];

/** Rules that judge a finished tree (before push, PK generation, `pokin validate --final`): J04, P01–P03, B05, X03, R01. */
export const FINAL_RULES: Rule[] = [...JABATAN_FINAL_RULES, ...PK_FINAL_RULES, ...CROSSCUTTING_FINAL_RULES, ...RENAKSI_FINAL_RULES];

/** L01–L03 run when the LKjIP of a year is generated (`ValidateOptions.lkjip`). */
export { lkjipRules } from './lkjip.js';
