/**
 * Shared types of the capaian computation (SAKIP.md §6).
 *
 * Every computation returns a `CapaianResult` instead of throwing or returning NaN:
 * a capaian that cannot be computed is a normal outcome in planning data (no target,
 * target 0, text target without a scale), and callers must be able to show why.
 */
import type { PokinConfig } from '../config.js';

/** Indicator direction (SAKIP.md §1 "Polaritas"). */
export type Polaritas = 'Positif' | 'Negatif' | 'Rentang';
/** Which R and T are compared over several periods (SAKIP.md §4.2 `Akumulasi`). */
export type Akumulasi = 'Kumulatif' | 'Nilai Akhir' | 'Rata-rata';

/**
 * - `ok`: a number was computed.
 * - `tidak terdefinisi`: the inputs are complete but the formula has no value (e.g. Positif with target 0).
 * - `tidak dihitung`: inputs are missing or unusable (no target, `-`, text without a scale, bad range).
 */
export type CapaianStatus = 'ok' | 'tidak terdefinisi' | 'tidak dihitung';

/** A reason in both product languages, so every front end can show it without a lookup table. */
export interface Alasan {
  id: string;
  en: string;
}

export interface CapaianResult {
  /** Capaian murni: uncapped, unrounded percent. null unless status is `ok`. */
  murni: number | null;
  /** Capped by `Batas Capaian` (SAKIP.md §6.2); averages and categories use this one. */
  capaian: number | null;
  status: CapaianStatus;
  /** Present whenever status is not `ok`. */
  alasan?: Alasan;
}

/** The configuration keys the computation reads; a full `PokinConfig` satisfies it. */
export interface OpsiCapaian {
  batasCapaian: PokinConfig['batasCapaian'];
  rumusNegatif: PokinConfig['rumusNegatif'];
  rentangDiAtas: PokinConfig['rentangDiAtas'];
  /**
   * Ordinal scale for qualitative targets, worst first (e.g. `['D','C','CC','B','BB','A','AA']`).
   * Absent = only met / not met can be judged (SAKIP.md §6.1 "Qualitative").
   */
  skalaKualitatif?: readonly string[];
}

/** Defaults are the first-listed Info values (SAKIP.md §4.2). */
export const OPSI_BAWAAN: Readonly<OpsiCapaian> = Object.freeze({
  batasCapaian: 'Tanpa',
  rumusNegatif: '2T-R',
  rentangDiAtas: 'Baik',
});

/** Options this function completed (frozen): passed back in, they are returned as they are. */
const LENGKAP = new WeakSet<object>([OPSI_BAWAAN]);

/**
 * The options with the defaults filled in. Every capaian of every indicator and quarter goes
 * through here, so completed options are returned as they are instead of being copied again.
 */
export function opsiCapaian(opsi?: Partial<OpsiCapaian>): OpsiCapaian {
  if (opsi === undefined) return OPSI_BAWAAN;
  if (LENGKAP.has(opsi)) return opsi as OpsiCapaian;
  const o = Object.freeze({ ...OPSI_BAWAAN, ...opsi });
  LENGKAP.add(o);
  return o;
}

/** Internal: a formula either yields a percent or explains why not. */
export interface Gagal {
  status: 'tidak terdefinisi' | 'tidak dihitung';
  alasan: Alasan;
}
export type Murni = number | Gagal;

export const tidakTerdefinisi = (id: string, en: string): Gagal => ({ status: 'tidak terdefinisi', alasan: { id, en } });
export const tidakDihitung = (id: string, en: string): Gagal => ({ status: 'tidak dihitung', alasan: { id, en } });

/** Column values are typed by planners, so matching is case- and space-insensitive. */
const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function parsePolaritas(text: string): Polaritas | null {
  const t = norm(text);
  if (t === 'positif') return 'Positif';
  if (t === 'negatif') return 'Negatif';
  if (t === 'rentang') return 'Rentang';
  return null;
}

export function parseAkumulasi(text: string): Akumulasi | null {
  const t = norm(text).replace(/\s*-\s*/g, '-');
  if (t === 'kumulatif') return 'Kumulatif';
  if (t === 'nilai akhir') return 'Nilai Akhir';
  if (t === 'rata-rata') return 'Rata-rata';
  return null;
}
