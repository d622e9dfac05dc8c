/**
 * SAKIP evaluation predikat AA … D from the LKE score (SAKIP.md §7, PermenPANRB 88/2021).
 * This grades the evaluation score, not a capaian; it lives here because it uses the same
 * band mechanics and the same configurable-boundary idea (`Batas Predikat`).
 */
import type { PokinConfig } from '../config.js';
import { pitaUntuk, type TabelPita } from './kategori.js';

export type PredikatSakip = 'AA' | 'A' | 'BB' | 'B' | 'CC' | 'C' | 'D';
export type BatasPredikat = PokinConfig['batasPredikat'];

export const LABEL_PREDIKAT_SAKIP: Readonly<Record<PredikatSakip, string>> = Object.freeze({
  AA: 'Sangat Memuaskan',
  A: 'Memuaskan',
  BB: 'Sangat Baik',
  B: 'Baik',
  CC: 'Cukup (Memadai)',
  C: 'Kurang',
  D: 'Sangat Kurang',
});

/** Lower bounds from [R12][R13]: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D 0–30. */
const BAWAH: readonly (readonly [PredikatSakip, number])[] = [
  ['AA', 90], ['A', 80], ['BB', 70], ['B', 60], ['CC', 50], ['C', 30],
];

/**
 * The band table for a `Batas Predikat` setting. `Bawah Eksklusif` (default) reads "> 90 – 100"
 * literally, so 90,00 is A; `Bawah Inklusif` follows the implementation that uses ≥ 90 → AA.
 * D starts at 0 inclusive either way: 0 is a valid score.
 */
export function tabelPredikatSakip(batas: BatasPredikat = 'Bawah Eksklusif'): TabelPita<PredikatSakip> {
  const inklusif = batas === 'Bawah Inklusif';
  return [
    ...BAWAH.map(([label, min]) => ({ label, min, inklusif })),
    { label: 'D' as const, min: 0, inklusif: true },
  ];
}

const TABEL: Record<BatasPredikat, TabelPita<PredikatSakip>> = {
  'Bawah Eksklusif': tabelPredikatSakip('Bawah Eksklusif'),
  'Bawah Inklusif': tabelPredikatSakip('Bawah Inklusif'),
};

/**
 * Predikat of an LKE score in 0–100. Outside that range (or not finite) → null: such a score
 * means the weights or answers are wrong, and a grade would hide that.
 */
export function predikatSakip(nilai: number, batas: BatasPredikat = 'Bawah Eksklusif'): PredikatSakip | null {
  if (!Number.isFinite(nilai) || nilai < 0 || nilai > 100) return null;
  return pitaUntuk(nilai, TABEL[batas]);
}
