/**
 * The pengukuran rows of the canonical workbook (SAKIP.md §12) as `core/read` builds them:
 * `RencanaAksi` (the quarterly plan of each PK indicator), `Realisasi` (one row per indicator
 * per quarter) and the optional `Pembanding`. Every row keeps its sheet row for addresses.
 */
import type { Box, Indikator, RowLoc, Target } from '../model.js';

/** Quarter number. Arrays indexed by quarter use index 0 for TW1. */
export type Triwulan = 1 | 2 | 3 | 4;
export const TRIWULAN: readonly Triwulan[] = [1, 2, 3, 4];

/** Four values, TW1…TW4. */
export type PerTriwulan<T> = [T, T, T, T];

export interface RencanaAksiRow {
  tahun: number;
  nodeId: string;
  /** The indicator name as the model knows it (after matching the typed text). */
  indikatorNama: string;
  box: Box;
  indikator: Indikator;
  idJabatan: string;
  no: string;
  rencanaAksi: string;
  kodeSubKegiatan: string;
  /** Target TW1…TW4 (null = blank). */
  target: PerTriwulan<Target | null>;
  /** Anggaran TW1…TW4 in rupiah (null = blank or unreadable; unreadable is reported F01). */
  anggaran: PerTriwulan<number | null>;
  outputAksi: string;
  catatan: string;
  loc: RowLoc;
}

/** A realisation value: a number, text (qualitative), or an explicit met / not met. */
export type NilaiRealisasi = number | string | boolean;

export interface RealisasiRow {
  tahun: number;
  periode: Triwulan;
  nodeId: string;
  indikatorNama: string;
  box: Box;
  indikator: Indikator;
  /** null = not reported (blank, `-`, `n/a`). */
  realisasi: NilaiRealisasi | null;
  /** Formula text of the Realisasi cell when the adapter delivered it (U07). */
  realisasiFormula?: string;
  /** Rupiah; the box's value for the quarter (given once per box and quarter). */
  realisasiAnggaran: number | null;
  bukti: string;
  penjelasan: string;
  faktorPendukung: string;
  faktorPenghambat: string;
  solusi: string;
  /** `Ya` → true, `Tidak` → false, blank → null. */
  diverifikasi: boolean | null;
  loc: RowLoc;
}

export const TINGKAT_PEMBANDING = ['Nasional', 'Provinsi', 'Kabupaten lain'] as const;
export type TingkatPembanding = (typeof TINGKAT_PEMBANDING)[number];

export interface PembandingRow {
  tahun: number;
  nodeId: string;
  indikatorNama: string;
  box: Box;
  indikator: Indikator;
  nilai: Target | null;
  tingkat: TingkatPembanding | null;
  sumber: string;
  loc: RowLoc;
}

export interface Pengukuran {
  rencanaAksi: RencanaAksiRow[];
  realisasi: RealisasiRow[];
  pembanding: PembandingRow[];
  /** Which of the three tables the workbook holds (R01 judges only a workbook that plans). */
  ada: { rencanaAksi: boolean; realisasi: boolean; pembanding: boolean };
}
