/**
 * The LKE score (SAKIP.md §13, §7), a pure function of the criteria and the answers:
 * sub komponen = mean answer value × bobot (an unanswered criterion counts 0); komponen = Σ
 * its sub komponen; total = Σ komponen; predikat and label from §7 with the configured
 * `Batas Predikat`. The predikat is taken from the total rounded to two decimals, the figure
 * every LKE prints, so the printed score and its predikat never disagree (60,00 → CC).
 */
import { LABEL_PREDIKAT_SAKIP, predikatSakip, type BatasPredikat, type PredikatSakip } from '../capaian/predikat.js';
import { nilaiDari, nilaiTertinggi } from './skala.js';
import type { Kriteria, KriteriaLke } from './types.js';

/** Only the answer code matters to the score; `JawabanLke` fits, and so does a plain `{ jawaban }`. */
export interface JawabanSkor {
  jawaban: string | null;
}

export interface SkorKriteria {
  kriteria: Kriteria;
  jawaban: string | null;
  /** Answer value 0–1 (0 when unanswered). */
  nilai: number;
  /** Points this criterion adds to the total now. */
  poin: number;
  /** Points it would add more at the top answer: what it costs. */
  hilang: number;
}

export interface RekapSub {
  kode: string;
  nama: string;
  bobot: number;
  nilai: number;
  terjawab: number;
  jumlah: number;
  hilang: number;
}

export interface RekapKomponen {
  kode: string;
  nama: string;
  bobot: number;
  nilai: number;
  hilang: number;
  sub: RekapSub[];
}

export interface BelumDijawab {
  kode: string;
  kriteria: string;
}

export interface RekapLke {
  komponen: RekapKomponen[];
  /** Unrounded. */
  total: number;
  /** Rounded to two decimals, as printed; the predikat comes from this. */
  totalBulat: number;
  predikat: PredikatSakip | null;
  label: string | null;
  batas: BatasPredikat;
  belumDijawab: BelumDijawab[];
  /** Every criterion in list order with its points. */
  kriteria: SkorKriteria[];
}

/** Rounds to `d` decimals after removing binary noise (4.98 × … = 4.9799999 stays 4.98). */
export function bulat(x: number, d = 2): number {
  const clean = Number(x.toPrecision(12));
  const f = 10 ** d;
  return Math.round(clean * f + (clean >= 0 ? 1e-9 : -1e-9)) / f;
}

/** Weight of one criterion in points: its sub komponen's bobot shared equally. */
export function bobotKriteria(k: Kriteria): number {
  return k.sub.bobot / k.sub.kriteria.length;
}

export function hitungSkor(kriteria: KriteriaLke, jawaban: ReadonlyMap<string, JawabanSkor>, batas: BatasPredikat = 'Bawah Eksklusif'): RekapLke {
  const perKriteria: SkorKriteria[] = [];
  const belum: BelumDijawab[] = [];
  const komponen: RekapKomponen[] = kriteria.komponen.map((kp) => {
    const sub: RekapSub[] = kp.sub.map((s) => {
      let sum = 0;
      let terjawab = 0;
      for (const k of s.kriteria) {
        const code = jawaban.get(k.kode)?.jawaban ?? null;
        const v = nilaiDari(k.skala, code);
        if (v === null) belum.push({ kode: k.kode, kriteria: k.teks });
        else terjawab++;
        const nilai = v ?? 0;
        sum += nilai;
        const w = bobotKriteria(k);
        perKriteria.push({ kriteria: k, jawaban: v === null ? null : code, nilai, poin: nilai * w, hilang: (nilaiTertinggi(k.skala) - nilai) * w });
      }
      const n = s.kriteria.length;
      const nilai = n ? (sum / n) * s.bobot : 0;
      const maks = n ? (s.kriteria.reduce((m, k) => m + nilaiTertinggi(k.skala), 0) / n) * s.bobot : 0;
      return { kode: s.kode, nama: s.nama, bobot: s.bobot, nilai, terjawab, jumlah: n, hilang: maks - nilai };
    });
    const nilai = sub.reduce((t, s) => t + s.nilai, 0);
    return { kode: kp.kode, nama: kp.nama, bobot: kp.bobot, nilai, hilang: sub.reduce((t, s) => t + s.hilang, 0), sub };
  });
  const total = komponen.reduce((t, k) => t + k.nilai, 0);
  const totalBulat = bulat(total);
  const predikat = predikatSakip(totalBulat, batas);
  perKriteria.sort((a, b) => a.kriteria.urutan - b.kriteria.urutan);
  belum.sort((a, b) => (kriteria.byKode.get(a.kode)?.urutan ?? 0) - (kriteria.byKode.get(b.kode)?.urutan ?? 0));
  return { komponen, total, totalBulat, predikat, label: predikat ? LABEL_PREDIKAT_SAKIP[predikat] : null, batas, belumDijawab: belum, kriteria: perKriteria };
}

/** The JSON of `pokin lke score --json` (issue 17), also what the API and the pane can send. */
export interface RekapJson {
  komponen: { kode: string; nama: string; bobot: number; nilai: number; sub: { kode: string; nama: string; bobot: number; nilai: number; terjawab: number; jumlah: number }[] }[];
  total: number;
  predikat: PredikatSakip | null;
  label: string | null;
  belumDijawab: string[];
}

/** Figures rounded to two decimals, as printed; `belumDijawab` lists criterion codes in list order. */
export function rekapJson(r: RekapLke): RekapJson {
  return {
    komponen: r.komponen.map((k) => ({
      kode: k.kode, nama: k.nama, bobot: k.bobot, nilai: bulat(k.nilai),
      sub: k.sub.map((s) => ({ kode: s.kode, nama: s.nama, bobot: s.bobot, nilai: bulat(s.nilai), terjawab: s.terjawab, jumlah: s.jumlah })),
    })),
    total: r.totalBulat,
    predikat: r.predikat,
    label: r.label,
    belumDijawab: r.belumDijawab.map((b) => b.kode),
  };
}

/** The criteria costing the most points (largest `hilang` first, ties in list order). */
export function kriteriaTermahal(r: RekapLke, n = 10): SkorKriteria[] {
  return r.kriteria.filter((k) => k.hilang > 1e-9).sort((a, b) => b.hilang - a.hilang || a.kriteria.urutan - b.kriteria.urutan).slice(0, n);
}
