/** Which year and quarter to show when the caller names none. */
import type { PohonKinerja } from '../model.js';
import type { Triwulan } from './model.js';

/** Years named by pengukuran rows (within the period), ascending. */
export function tahunTersedia(tree: PohonKinerja): number[] {
  const p = tree.pengukuran;
  const ys = new Set<number>();
  for (const r of p?.rencanaAksi ?? []) ys.add(r.tahun);
  for (const r of p?.realisasi ?? []) ys.add(r.tahun);
  return [...ys].filter((y) => tree.config.years.includes(y)).sort((a, b) => a - b);
}

/** The latest quarter of `tahun` with any realisasi; null when none. */
export function twTerakhir(tree: PohonKinerja, tahun: number): Triwulan | null {
  let tw: Triwulan | null = null;
  for (const r of tree.pengukuran?.realisasi ?? []) {
    if (r.tahun === tahun && r.realisasi !== null && (tw === null || r.periode > tw)) tw = r.periode;
  }
  return tw;
}
