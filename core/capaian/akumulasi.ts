/**
 * `Akumulasi` over several periods (SAKIP.md §6.1): which R and T are compared. The polarity
 * formula is then applied to that pair by `murniPasangan`, so a Negatif Kumulatif indicator
 * uses (2ΣT − ΣR) / ΣT, a Rentang one sums the band ends, and so on.
 *
 * The same functions serve quarters within a year (T per quarter, or T_year as `targetAkhir`)
 * and years within the period (yearly R against `Kondisi Akhir` as `targetAkhir`).
 */
import type { Target } from '../model.js';
import { hasil } from './batas.js';
import { murniPasangan, type Realisasi } from './rumus.js';
import type { Akumulasi, CapaianResult, Gagal, OpsiCapaian, Polaritas } from './types.js';
import { opsiCapaian, tidakDihitung } from './types.js';

export interface PeriodeCapaian {
  target: Target | null;
  /** null = not reported yet. */
  realisasi: Realisasi | null;
}

export interface InputAkumulasi {
  /** null when `Akumulasi` is missing or unknown (K05); parse with `parseAkumulasi`. */
  akumulasi: Akumulasi | null;
  polaritas: Polaritas | null;
  /** Periods in order (TW1..TW4, or the years of the period). */
  periode: readonly PeriodeCapaian[];
  /**
   * The target the aggregate is measured against: T_year for quarters, `Kondisi Akhir` for
   * the period. Omitted = aggregate the period targets of the reported periods instead.
   * Given as null = that target is missing, and the result says so rather than falling back.
   */
  targetAkhir?: Target | null;
}

type Agregat = 'jumlah' | 'rerata';

const gabung = (xs: number[], cara: Agregat): number => {
  const s = xs.reduce((a, b) => a + b, 0);
  return cara === 'jumlah' ? s : s / xs.length;
};

/** Sum or mean of the period targets; all numbers or all ranges, anything else is not computed. */
function agregatTarget(ts: readonly (Target | null)[], cara: Agregat): Target | Gagal {
  const nums: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (t === null || t.kind === 'none') {
      return tidakDihitung(`target periode ke-${i + 1} kosong`, `target of period ${i + 1} missing`);
    }
    if (t.kind === 'text') return tidakDihitung('target kualitatif tidak dapat diakumulasi', 'qualitative targets cannot be accumulated');
    if (t.kind === 'number') nums.push(t.value);
    else {
      lows.push(t.low);
      highs.push(t.high);
    }
  }
  if (nums.length > 0 && lows.length > 0) {
    return tidakDihitung('target campuran angka dan rentang', 'targets mix numbers and ranges');
  }
  if (lows.length > 0) return { kind: 'range', low: gabung(lows, cara), high: gabung(highs, cara) };
  return { kind: 'number', value: gabung(nums, cara) };
}

/** Sum or mean of the reported realisations; a gap is not treated as 0 (it would understate C). */
function agregatRealisasi(rs: readonly (Realisasi | null)[], cara: Agregat): number | Gagal {
  const xs: number[] = [];
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i];
    if (r === null) return tidakDihitung(`realisasi periode ke-${i + 1} kosong`, `realisation of period ${i + 1} missing`);
    if (typeof r !== 'number') return tidakDihitung('realisasi kualitatif tidak dapat diakumulasi', 'qualitative realisations cannot be accumulated');
    xs.push(r);
  }
  return gabung(xs, cara);
}

const gagal = (x: unknown): x is Gagal => typeof x === 'object' && x !== null && 'status' in x;

/**
 * Capaian to date. Periods after the last reported realisation are ignored, so C(TW3) uses
 * TW1..TW3 of both R and T. Kumulatif: ΣR vs ΣT; Rata-rata: mean R vs mean T (an assumption
 * in §6.1); Nilai Akhir: the last reported R vs the target of that period.
 */
export function hitungAkumulasi(input: InputAkumulasi, opsi?: Partial<OpsiCapaian>): CapaianResult {
  const o = opsiCapaian(opsi);
  const { akumulasi, polaritas, periode } = input;
  const adaTargetAkhir = input.targetAkhir !== undefined;
  if (akumulasi === null) return hasil(tidakDihitung('akumulasi kosong atau tidak dikenal', 'accumulation missing or unknown'), o.batasCapaian);

  let n = periode.length;
  while (n > 0 && periode[n - 1].realisasi === null) n--;
  if (n === 0) return hasil(tidakDihitung('realisasi belum ada', 'no realisation yet'), o.batasCapaian);
  const dilaporkan = periode.slice(0, n);

  if (akumulasi === 'Nilai Akhir') {
    const akhir = dilaporkan[n - 1];
    const target = adaTargetAkhir ? (input.targetAkhir ?? null) : akhir.target;
    return hasil(murniPasangan({ polaritas, target, realisasi: akhir.realisasi }, o), o.batasCapaian);
  }

  const cara: Agregat = akumulasi === 'Kumulatif' ? 'jumlah' : 'rerata';
  const r = agregatRealisasi(dilaporkan.map((p) => p.realisasi), cara);
  if (gagal(r)) return hasil(r, o.batasCapaian);
  const t = adaTargetAkhir ? (input.targetAkhir ?? null) : agregatTarget(dilaporkan.map((p) => p.target), cara);
  if (t !== null && gagal(t)) return hasil(t, o.batasCapaian);
  return hasil(murniPasangan({ polaritas, target: t, realisasi: r }, o), o.batasCapaian);
}
