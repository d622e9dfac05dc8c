/**
 * Capaian of one (T, R) pair by polarity (SAKIP.md §6.1). `Akumulasi` (akumulasi.ts) decides
 * which pair is compared; this file only decides the formula applied to it.
 */
import type { Target } from '../model.js';
import { hasil } from './batas.js';
import { murniKualitatif } from './kualitatif.js';
import type { CapaianResult, Murni, OpsiCapaian, Polaritas } from './types.js';
import { opsiCapaian, tidakDihitung, tidakTerdefinisi } from './types.js';

/** A realisation: a number, a text for qualitative targets, or an explicit met / not met. */
export type Realisasi = number | string | boolean;

const tidakValid = (): Murni => tidakDihitung('nilai target/realisasi bukan angka berhingga', 'target/realisation is not a finite number');
// A ratio against a negative target points the wrong way (a "better" R gives a lower %), so
// rather than print a misleading number we refuse it (proposed; no source covers it).
const targetNegatif = (): Murni =>
  tidakTerdefinisi('target negatif: rasio capaian tidak bermakna', 'negative target: the capaian ratio is meaningless');

/** Positif: C = R / T × 100. Target 0 has no capaian (§6.1 "Target 0, Positif"). */
export function murniPositif(t: number, r: number): Murni {
  if (!Number.isFinite(t) || !Number.isFinite(r)) return tidakValid();
  if (t === 0) return tidakTerdefinisi('target 0 pada polaritas Positif', 'target 0 with Positif polarity');
  if (t < 0) return targetNegatif();
  return (r / t) * 100;
}

/**
 * Negatif. Default `2T-R`: C = (2T − R) / T × 100 floored at 0, so R = T gives 100 % (the
 * reduction formula (T − R) / T would give 0 %, which §6.1 forbids). Alternative `T/R`.
 * Target 0 follows [WES] for both formulas: R = 0 → 100 %, R > 0 → 0 %.
 */
export function murniNegatif(t: number, r: number, rumus: OpsiCapaian['rumusNegatif'] = '2T-R'): Murni {
  if (!Number.isFinite(t) || !Number.isFinite(r)) return tidakValid();
  // R below 0 cannot beat a target of 0 further; treat it like 0 rather than inventing a bonus.
  if (t === 0) return r <= 0 ? 100 : 0;
  if (t < 0) return targetNegatif();
  if (rumus === 'T/R') {
    if (r <= 0) return tidakTerdefinisi('realisasi 0 pada rumus T/R (pembagian dengan 0)', 'realisation 0 with the T/R formula (division by 0)');
    return (t / r) * 100;
  }
  return Math.max(0, ((2 * t - r) / t) * 100);
}

/**
 * Rentang [a, b]: inside the band 100 %; below it R / a; above it R / b when `Rentang Di Atas`
 * is Baik, else (2b − R) / b, floored at 0 like Negatif because it is the same mirror formula.
 */
export function murniRentang(a: number, b: number, r: number, diAtas: OpsiCapaian['rentangDiAtas'] = 'Baik'): Murni {
  if (![a, b, r].every(Number.isFinite)) return tidakValid();
  // K16 reports the inverted range; computing with it would hide the error.
  if (a > b) return tidakDihitung('rentang target terbalik (batas bawah > batas atas)', 'inverted target range (lower > upper)');
  if (r >= a && r <= b) return 100;
  if (r < a) {
    if (a <= 0) return a === 0 ? tidakTerdefinisi('batas bawah rentang 0', 'range lower bound 0') : targetNegatif();
    return (r / a) * 100;
  }
  if (b <= 0) return b === 0 ? tidakTerdefinisi('batas atas rentang 0', 'range upper bound 0') : targetNegatif();
  return diAtas === 'Baik' ? (r / b) * 100 : Math.max(0, ((2 * b - r) / b) * 100);
}

export function capaianPositif(t: number, r: number, opsi?: Partial<OpsiCapaian>): CapaianResult {
  return hasil(murniPositif(t, r), opsiCapaian(opsi).batasCapaian);
}

export function capaianNegatif(t: number, r: number, opsi?: Partial<OpsiCapaian>): CapaianResult {
  const o = opsiCapaian(opsi);
  return hasil(murniNegatif(t, r, o.rumusNegatif), o.batasCapaian);
}

export function capaianRentang(a: number, b: number, r: number, opsi?: Partial<OpsiCapaian>): CapaianResult {
  const o = opsiCapaian(opsi);
  return hasil(murniRentang(a, b, r, o.rentangDiAtas), o.batasCapaian);
}

export interface PasanganCapaian {
  /** null when `Polaritas` is missing or unknown (K05); parse with `parsePolaritas`. */
  polaritas: Polaritas | null;
  target: Target | null;
  realisasi: Realisasi | null;
}

/** The uncapped outcome for one pair; shared by `hitungCapaian` and the akumulasi modes. */
export function murniPasangan(p: PasanganCapaian, o: OpsiCapaian): Murni {
  const { target: t, realisasi: r } = p;
  if (t === null) return tidakDihitung('target kosong', 'target missing');
  if (t.kind === 'none') return tidakDihitung('tidak ada target periode ini (-)', 'no target for this period (-)');
  if (r === null) return tidakDihitung('realisasi belum ada', 'no realisation yet');
  // Text targets are qualitative whatever the polarity says: the scale carries the direction.
  if (t.kind === 'text') {
    if (typeof r === 'number') return tidakDihitung('target kualitatif dengan realisasi angka', 'qualitative target with a numeric realisation');
    return murniKualitatif(t.text, r, o.skalaKualitatif);
  }
  if (typeof r !== 'number') return tidakDihitung('realisasi bukan angka', 'realisation is not a number');
  if (p.polaritas === null) return tidakDihitung('polaritas kosong atau tidak dikenal', 'polarity missing or unknown');
  if (p.polaritas === 'Rentang') {
    // A single number under Rentang is read as the degenerate band [T, T]: on target = 100 %.
    return t.kind === 'range' ? murniRentang(t.low, t.high, r, o.rentangDiAtas) : murniRentang(t.value, t.value, r, o.rentangDiAtas);
  }
  // K16: a range with another polarity is ambiguous (which end is the target?), so no guess.
  if (t.kind === 'range') return tidakDihitung('target rentang tetapi polaritas bukan Rentang', 'range target but polarity is not Rentang');
  return p.polaritas === 'Positif' ? murniPositif(t.value, r) : murniNegatif(t.value, r, o.rumusNegatif);
}

/**
 * Capaian of one target and realisation (one period). "Target at its maximum" (§6.1) needs no
 * special case: R = T gives 100 % under every formula.
 */
export function hitungCapaian(p: PasanganCapaian, opsi?: Partial<OpsiCapaian>): CapaianResult {
  const o = opsiCapaian(opsi);
  return hasil(murniPasangan(p, o), o.batasCapaian);
}
