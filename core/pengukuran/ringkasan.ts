/**
 * Capaian per sasaran (box) and per OPD: the mean of the capped capaian (SAKIP.md §6.2:
 * averages and categories use the capped value), the uncapped mean beside it, counts per
 * Kategori, and serapan anggaran.
 */
import { kategoriCapaian, tabelKategori, type CapaianResult } from '../capaian/index.js';
import type { Box } from '../model.js';
import { realisasiAnggaranSampai, serapan, type IndikatorTahun, type PengukuranTahun } from './hitung.js';
import type { Triwulan } from './model.js';

/** Which capaian a summary averages: s.d. TWn against the quarterly plan, or against the year's target. */
export type Basis = 'tw' | 'tahun';

export interface Ringkasan {
  jumlahIndikator: number;
  /** Indicators with a computed capaian. */
  dihitung: number;
  /** Mean capped capaian; null when none is computed. */
  capaian: number | null;
  /** Mean capaian murni. */
  capaianMurni: number | null;
  kategori: string | null;
  /** Count per Kategori label, in the table's order (top band first), zeros included. */
  perKategori: Record<string, number>;
  pagu: number | null;
  realisasiAnggaran: number | null;
  /** Serapan anggaran s.d. TWn (%), uncapped. */
  serapan: number | null;
}

export interface RingkasanSasaran extends Ringkasan {
  box: Box;
}

/** The capaian an indicator contributes for quarter `tw` on `basis`. */
export function capaianOf(it: IndikatorTahun, tw: Triwulan, basis: Basis): CapaianResult {
  const c = it.perTw[tw - 1];
  return basis === 'tw' ? c.capaian : c.capaianTahun;
}

function ringkas(p: PengukuranTahun, items: IndikatorTahun[], tw: Triwulan, basis: Basis, anggaran: { pagu: number | null; real: number | null }): Ringkasan {
  const jenis = p.config.kategoriCapaian;
  const perKategori: Record<string, number> = {};
  for (const band of tabelKategori(jenis)) perKategori[band.label] = 0;
  let n = 0, sum = 0, sumMurni = 0;
  for (const it of items) {
    const c = capaianOf(it, tw, basis);
    if (c.capaian === null || c.murni === null) continue;
    n++;
    sum += c.capaian;
    sumMurni += c.murni;
    const k = kategoriCapaian(c, jenis);
    if (k) perKategori[k] = (perKategori[k] ?? 0) + 1;
  }
  const capaian = n ? sum / n : null;
  return {
    jumlahIndikator: items.length, dihitung: n, capaian, capaianMurni: n ? sumMurni / n : null,
    kategori: kategoriCapaian(capaian, jenis), perKategori,
    pagu: anggaran.pagu, realisasiAnggaran: anggaran.real, serapan: serapan(anggaran.pagu, anggaran.real),
  };
}

type Filter = (it: IndikatorTahun) => boolean;
const PK: Filter = (it) => it.pk;

/**
 * Summaries of one computed year, remembered per (filter, quarter, basis, kind): the LKjIP
 * tables ask for the same sasaran means several times. Results are shared; treat them as read-only.
 */
const memo = new WeakMap<PengukuranTahun, Map<Filter, Map<string, unknown>>>();
function cached<T>(p: PengukuranTahun, filter: Filter, key: string, f: () => T): T {
  let byFilter = memo.get(p);
  if (!byFilter) { byFilter = new Map(); memo.set(p, byFilter); }
  let m = byFilter.get(filter);
  if (!m) { m = new Map(); byFilter.set(filter, m); }
  if (!m.has(key)) m.set(key, f());
  return m.get(key) as T;
}

/** Per box with measured indicators, in tree order. `filter` narrows the indicators (e.g. one PK). */
export function perSasaran(p: PengukuranTahun, tw: Triwulan, basis: Basis, filter: Filter = PK): RingkasanSasaran[] {
  return cached(p, filter, `s${tw}${basis}`, () => hitungPerSasaran(p, tw, basis, filter));
}

function hitungPerSasaran(p: PengukuranTahun, tw: Triwulan, basis: Basis, filter: Filter): RingkasanSasaran[] {
  const groups = new Map<Box, IndikatorTahun[]>();
  for (const it of p.indikator) {
    if (!filter(it)) continue;
    const g = groups.get(it.box);
    if (g) g.push(it); else groups.set(it.box, [it]);
  }
  const out: RingkasanSasaran[] = [];
  for (const [box, items] of groups) {
    const b = p.box.get(box);
    out.push({ box, ...ringkas(p, items, tw, basis, { pagu: b?.pagu ?? null, real: b ? realisasiAnggaranSampai(b, tw) : null }) });
  }
  return out;
}

/** The OPD: every indicator passing `filter`; anggaran over the roots (which sum their subtrees). */
export function perOpd(p: PengukuranTahun, tw: Triwulan, basis: Basis, filter: Filter = PK): Ringkasan {
  return cached(p, filter, `o${tw}${basis}`, () => hitungPerOpd(p, tw, basis, filter));
}

function hitungPerOpd(p: PengukuranTahun, tw: Triwulan, basis: Basis, filter: Filter): Ringkasan {
  let pagu: number | null = null, real: number | null = null;
  for (const b of p.box.values()) {
    if (b.box.parent) continue;
    if (b.pagu !== null) pagu = (pagu ?? 0) + b.pagu;
    const r = realisasiAnggaranSampai(b, tw);
    if (r !== null) real = (real ?? 0) + r;
  }
  return ringkas(p, p.indikator.filter(filter), tw, basis, { pagu, real });
}
