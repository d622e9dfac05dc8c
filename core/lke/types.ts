/**
 * The LKE self-assessment (SAKIP.md §13, PermenPANRB 88/2021) as data: the criteria list
 * (komponen → sub komponen → kriteria, with bobot and answer scales) and the answers.
 * Everything a pemda may vary (weights, answer values, names, codes) is data here, never code.
 */
import type { Bilingual } from '../issues.js';
import type { RowLoc } from '../model.js';

/** Answer types: Y/T, four grades, five grades (SAKIP.md §13). */
export type JenisJawaban = 'Y/T' | 'A/B/C/D' | 'A/B/C/D/E';
export const JENIS_JAWABAN: readonly JenisJawaban[] = ['Y/T', 'A/B/C/D', 'A/B/C/D/E'];

/** One answer and the value it scores (0–1). */
export interface Pilihan {
  kode: string;
  nilai: number;
}

/**
 * One row of the criteria list, keyed by the shared CSV's column names
 * (`../shared/domain/lke/kriteria-88-2021.csv`). `nilai_jawaban` (`A=1; B=0,7; …`) and
 * `saran_pokin` (an evaluator ID, or `-`) are optional additions a variant may carry.
 */
export interface BarisKriteria {
  komponen_kode: string;
  komponen: string;
  komponen_bobot: string;
  sub_kode: string;
  sub_komponen: string;
  sub_bobot: string;
  kriteria_kode: string;
  kriteria: string;
  jenis_jawaban: string;
  bukti_dukung: string;
  nilai_jawaban?: string;
  saran_pokin?: string;
}

export interface Kriteria {
  kode: string;
  teks: string;
  jenis: JenisJawaban;
  /** Best first (A or Y first), as the dropdown lists them. */
  skala: Pilihan[];
  /** The evidence asked for, items separated by ` | `. */
  buktiDukung: string;
  /** Evaluator ID forced by the variant (`saran_pokin`); `-` = none; undefined = match by text. */
  saranPokin?: string;
  sub: SubKomponen;
  /** Position in the list (0-based), the order of the LKE sheet and of tie-breaks. */
  urutan: number;
  /** Row in a `Kriteria LKE` table; undefined for the shipped list. */
  loc?: RowLoc;
}

export interface SubKomponen {
  kode: string;
  nama: string;
  bobot: number;
  komponen: Komponen;
  kriteria: Kriteria[];
}

export interface Komponen {
  kode: string;
  nama: string;
  bobot: number;
  sub: SubKomponen[];
}

export interface KriteriaLke {
  /** Where the list came from: the shipped list, or the workbook's `Kriteria LKE` table. */
  sumber: Bilingual;
  varian: boolean;
  komponen: Komponen[];
  /** Every criterion in list order. */
  semua: Kriteria[];
  byKode: Map<string, Kriteria>;
}

/** An answer as read from the `LKE` table. */
export interface JawabanLke {
  kode: string;
  /** The normalised answer code (`Y`, `A` …); null when empty or not a valid choice. */
  jawaban: string | null;
  /** What the cell held, when it was not a valid choice (counted as unanswered, F01). */
  tidakSah?: string;
  buktiDukung: string;
  tautan: string;
  catatanEvaluator: string;
  loc?: RowLoc;
}
