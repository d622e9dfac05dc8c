/** Test helpers: answers for the shipped list, and criteria lists built from a few rows. */
import { bangunKriteria, kriteriaBawaan, type BarisKriteria, type KriteriaLke } from '../../../core/lke/index.js';
import type { Issue } from '../../../core/issues.js';

/** Answers by code: `pick(kriteria)` gives the answer code for each criterion. */
export function jawab(k: KriteriaLke, pick: (c: KriteriaLke['semua'][number]) => string | null): Map<string, { jawaban: string | null }> {
  return new Map(k.semua.map((c) => [c.kode, { jawaban: pick(c) }]));
}

export const shipped = () => kriteriaBawaan();

/** A row of a criteria list with sensible defaults. */
export function baris(kk: string, kb: number, sk: string, sb: number, kode: string, jenis = 'A/B/C/D', extra: Partial<BarisKriteria> = {}): BarisKriteria {
  return {
    komponen_kode: kk, komponen: `Komponen ${kk}`, komponen_bobot: String(kb), sub_kode: sk, sub_komponen: `Sub ${sk}`, sub_bobot: String(sb),
    kriteria_kode: kode, kriteria: `Kriteria ${kode}`, jenis_jawaban: jenis, bukti_dukung: '', ...extra,
  };
}

export function build(rows: BarisKriteria[]): { kriteria: KriteriaLke; issues: Issue[] } {
  const issues: Issue[] = [];
  const kriteria = bangunKriteria(rows.map((b) => ({ baris: b })), issues, { id: 'uji', en: 'test' }, true);
  return { kriteria, issues };
}
