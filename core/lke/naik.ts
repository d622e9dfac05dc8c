/**
 * What would raise the predikat to the next band: the smallest set of answers.
 *
 * "Smallest", precisely:
 * 1. Fewest criteria whose answer changes. Each criterion adds at most `hilang` points (its top
 *    answer), and points add up linearly, so the k criteria with the largest `hilang` add the
 *    most any k criteria can; the shortest prefix of the criteria ranked by `hilang`
 *    (descending, ties in list order) that reaches the band is therefore a set of minimum size.
 * 2. Among sets of that size, the one made of those largest-`hilang` criteria (the same ones
 *    `LKE Rekap` lists as costing the most).
 * 3. Each proposed answer is the lowest that still reaches the band: starting from the top
 *    answer for all of them, answers are lowered grade by grade, the criterion with the
 *    smallest `hilang` first. No proposed answer can then be lowered by one grade, the others
 *    kept, without leaving the band, and none falls back to the current answer (that would
 *    contradict 1).
 * "Reaches the band" means the total, rounded to two decimals as printed, gets the next
 * predikat under the configured `Batas Predikat` (> 70,00 for B → BB by default).
 */
import { LABEL_PREDIKAT_SAKIP, tabelPredikatSakip, predikatSakip, type PredikatSakip } from '../capaian/predikat.js';
import { bulat, bobotKriteria, type RekapLke, type SkorKriteria } from './skor.js';
import type { Pilihan } from './types.js';

export interface PerubahanJawaban {
  kode: string;
  kriteria: string;
  dari: string | null;
  ke: string;
  /** Points the change adds. */
  tambah: number;
}

export interface UsulanNaik {
  dari: PredikatSakip | null;
  /** The next band; null when the predikat is already AA. */
  ke: PredikatSakip | null;
  labelKe: string | null;
  /** Lower bound of the next band and whether it belongs to the band. */
  batasBawah: number | null;
  inklusif: boolean;
  /** Points the total must gain at least (to the next band's threshold, two decimals). */
  perlu: number;
  /** The changes, largest gain first; empty when there is no next band or it cannot be reached. */
  perubahan: PerubahanJawaban[];
  /** Total after the changes (rounded); null when there are none. */
  totalBaru: number | null;
  /** False when even every criterion at its top answer stays below the next band. */
  tercapai: boolean;
}

const RANK: readonly PredikatSakip[] = ['D', 'C', 'CC', 'B', 'BB', 'A', 'AA'];

/** Answers of a scale above `nilai`, lowest first. */
function lebihTinggi(skala: readonly Pilihan[], nilai: number): Pilihan[] {
  return skala.filter((p) => p.nilai > nilai + 1e-12).sort((a, b) => a.nilai - b.nilai);
}

export function usulanNaik(rekap: RekapLke): UsulanNaik {
  const now = rekap.predikat;
  const next = now === null ? null : RANK[RANK.indexOf(now) + 1] ?? null;
  const base = { dari: now, ke: next, labelKe: next ? LABEL_PREDIKAT_SAKIP[next] : null, perubahan: [] as PerubahanJawaban[], totalBaru: null };
  if (!next) return { ...base, batasBawah: null, inklusif: false, perlu: 0, tercapai: false };
  const band = tabelPredikatSakip(rekap.batas).find((p) => p.label === next)!;
  const reaches = (total: number) => {
    const p = predikatSakip(bulat(total), rekap.batas);
    return p !== null && RANK.indexOf(p) >= RANK.indexOf(next);
  };
  // The smallest printed total in the band: 70,01 for "> 70", 70,00 for "≥ 70".
  const perlu = Math.max(0, bulat(band.min + (band.inklusif ? 0 : 0.01) - rekap.totalBulat));
  const meta = { batasBawah: band.min, inklusif: band.inklusif, perlu };

  const ranked = rekap.kriteria.filter((k) => k.hilang > 1e-9)
    .sort((a, b) => b.hilang - a.hilang || a.kriteria.urutan - b.kriteria.urutan);
  const chosen: SkorKriteria[] = [];
  let total = rekap.total;
  for (const k of ranked) {
    if (reaches(total)) break;
    chosen.push(k);
    total += k.hilang;
  }
  if (!reaches(total)) return { ...base, ...meta, tercapai: false };

  // Lower each answer as far as the band allows, smallest gain first.
  const proposed = new Map<SkorKriteria, Pilihan>();
  const top = (k: SkorKriteria) => lebihTinggi(k.kriteria.skala, k.nilai).at(-1) as Pilihan;
  for (const k of chosen) proposed.set(k, top(k));
  const gain = (k: SkorKriteria, p: Pilihan) => (p.nilai - k.nilai) * bobotKriteria(k.kriteria);
  for (const k of [...chosen].reverse()) {
    const current = proposed.get(k) as Pilihan;
    for (const p of lebihTinggi(k.kriteria.skala, k.nilai)) {
      if (p.nilai >= current.nilai) break;
      if (reaches(total - gain(k, current) + gain(k, p))) {
        total = total - gain(k, current) + gain(k, p);
        proposed.set(k, p);
        break;
      }
    }
  }
  const perubahan = chosen.map((k) => {
    const p = proposed.get(k) as Pilihan;
    return { kode: k.kriteria.kode, kriteria: k.kriteria.teks, dari: k.jawaban, ke: p.kode, tambah: gain(k, p) };
  }).sort((a, b) => b.tambah - a.tambah);
  return { ...base, ...meta, perubahan, totalBaru: bulat(total), tercapai: true };
}
