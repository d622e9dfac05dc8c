/**
 * Qualitative targets (SAKIP.md §6.1 "Qualitative"): met / not met → 100 / 0, or a configured
 * ordinal scale; otherwise not computed (convention).
 */
import { hasil } from './batas.js';
import type { CapaianResult, Murni, OpsiCapaian } from './types.js';
import { opsiCapaian, tidakDihitung } from './types.js';

/** SAKIP evaluation grades, worst first (§7); a ready-made `skalaKualitatif`. */
export const SKALA_PREDIKAT_SAKIP: readonly string[] = Object.freeze(['D', 'C', 'CC', 'B', 'BB', 'A', 'AA']);

// Planners type "wtp", "WTP " or "W T P"-like spacing; none of that changes the meaning.
const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase();

/**
 * - `realisasi` true / false: an explicit met / not met → 100 / 0.
 * - the same text as the target → met → 100.
 * - a scale with both values: (rank R / rank T) × 100, ranks counted from 1 at the worst
 *   grade, i.e. the Positif formula on ranks (proposed: §6.1 names the scale but no formula).
 * - different texts without a usable scale → not computed: "A" against target "AA" is not
 *   met, but "AA" against "A" is exceeded, and only a scale can tell the two apart.
 */
export function murniKualitatif(target: string, realisasi: string | boolean, skala?: readonly string[]): Murni {
  if (typeof realisasi === 'boolean') return realisasi ? 100 : 0;
  const t = norm(target);
  const r = norm(realisasi);
  if (t === '') return tidakDihitung('target kualitatif kosong', 'qualitative target empty');
  if (r === '') return tidakDihitung('realisasi belum ada', 'no realisation yet');
  if (skala && skala.length > 0) {
    const s = skala.map(norm);
    const rt = s.indexOf(t) + 1;
    const rr = s.indexOf(r) + 1;
    if (rt > 0 && rr > 0) return (rr / rt) * 100;
  }
  if (t === r) return 100;
  return tidakDihitung(
    'target kualitatif: tidak ada skala ordinal untuk membandingkan nilai yang berbeda; tandai tercapai/tidak',
    'qualitative target: no ordinal scale to compare different values; mark it met / not met',
  );
}

export function capaianKualitatif(target: string, realisasi: string | boolean, opsi?: Partial<OpsiCapaian>): CapaianResult {
  const o = opsiCapaian(opsi);
  return hasil(murniKualitatif(target, realisasi, o.skalaKualitatif), o.batasCapaian);
}
