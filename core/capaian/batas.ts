/** `Batas Capaian` (SAKIP.md §6.2) and the one place a formula result becomes a `CapaianResult`. */
import type { CapaianResult, Murni, OpsiCapaian } from './types.js';
import { tidakTerdefinisi } from './types.js';

/**
 * Caps a capaian murni. `Tanpa` leaves it as is. Only the top is capped: the floor of
 * Negatif is part of its formula (§6.1), not of the cap.
 */
export function terapkanBatas(murni: number, batas: OpsiCapaian['batasCapaian']): number {
  return batas === 'Tanpa' ? murni : Math.min(murni, batas);
}

/**
 * Turns a formula outcome into the public result. Both values are always returned so the
 * workbook can store capaian murni next to the capped value (§6.2).
 */
export function hasil(m: Murni, batas: OpsiCapaian['batasCapaian']): CapaianResult {
  if (typeof m !== 'number') return { murni: null, capaian: null, status: m.status, alasan: m.alasan };
  // Finite but extreme inputs (R 1e308 / T 1e-10) overflow; report that instead of Infinity.
  if (!Number.isFinite(m)) {
    const g = tidakTerdefinisi('hasil di luar jangkauan angka', 'result outside the numeric range');
    return { murni: null, capaian: null, status: g.status, alasan: g.alasan };
  }
  // Normalise -0 (e.g. R 0 / T 5) so that stored and displayed values never show "-0".
  const murni = m === 0 ? 0 : m;
  return { murni, capaian: terapkanBatas(murni, batas), status: 'ok' };
}
