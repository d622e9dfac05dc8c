/**
 * The LKjIP tables that look beyond year n (SAKIP.md §12): `LKjIP Tren` (realisasi n−2, n−1,
 * n; capaian n−1 and n; Kondisi Awal standing in for the year before the period), `LKjIP
 * Renstra` (against the end-of-period target) and `LKjIP Pembanding`.
 */
import { hitungAkumulasi, type CapaianResult, type OpsiCapaian, type Realisasi } from '../../capaian/index.js';
import type { Indikator, PohonKinerja, Target } from '../../model.js';
import { hitungPengukuran, opsiDari, type IndikatorTahun, type PengukuranTahun } from '../../pengukuran/hitung.js';
import type { SheetSpec } from '../spec.js';
import { lingkup, lkjipBuilder, type LkjipOptions } from './lkjip-common.js';
import { capaianTeks, nilaiTeks } from './teks.js';
import { sesuaikanTinggi } from './tinggi.js';

/** Year-end figures of the other years of the period, computed once per year. */
class Tahunan {
  private readonly cache = new Map<number, PengukuranTahun>();
  constructor(private readonly tree: PohonKinerja, p: PengukuranTahun) {
    this.cache.set(p.tahun, p);
  }
  /** Year-end (s.d. TW4) figures of an indicator in year y; undefined outside the period or unmeasured. */
  of(i: Indikator, y: number): IndikatorTahun | undefined {
    if (!this.tree.config.years.includes(y)) return undefined;
    let p = this.cache.get(y);
    if (!p) { p = hitungPengukuran(this.tree, y); this.cache.set(y, p); }
    return p.byIndikator.get(i);
  }
  realisasi(i: Indikator, y: number): Realisasi | null {
    return this.of(i, y)?.perTw[3].realisasiSd ?? null;
  }
}

const baseline = (t: Target | null): Realisasi | null => (t === null ? null : t.kind === 'number' ? t.value : t.kind === 'text' ? t.text : null);

/** A realisasi of the Tren table: `-` when missing, starred when Kondisi Awal stands in for it. */
function tampil(v: Realisasi | null, dariAwal: boolean): string {
  const x = nilaiTeks(v);
  return x === null ? '-' : dariAwal ? `${x}*` : x;
}

/** Performance up or down: by capaian when both years have one, else by realisasi and polarity. */
function arah(it: IndikatorTahun, cPrev: CapaianResult | null, cNow: CapaianResult, rPrev: Realisasi | null, rNow: Realisasi | null): string | null {
  const a = cPrev?.murni ?? null, b = cNow.murni;
  if (a !== null && b !== null) return b > a ? 'Naik' : b < a ? 'Turun' : 'Tetap';
  if (typeof rPrev !== 'number' || typeof rNow !== 'number' || (it.polaritas !== 'Positif' && it.polaritas !== 'Negatif')) return null;
  if (rNow === rPrev) return 'Tetap';
  const better = it.polaritas === 'Positif' ? rNow > rPrev : rNow < rPrev;
  return better ? 'Naik' : 'Turun';
}

/** `LKjIP Tren`: `Indikator | Realisasi n−2 | n−1 | n | Capaian n−1 | Capaian n | Naik/Turun`. */
export function trenSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const n = p.tahun;
  const awal = tree.config.tahunAwal ?? tree.config.years[0] ?? n;
  const s = lkjipBuilder(tree, 'LKjIP Tren', `Perbandingan Realisasi dan Capaian Tahun ${n - 2}–${n}`,
    ['Indikator', `Realisasi ${n - 2}`, `Realisasi ${n - 1}`, `Realisasi ${n}`, `Capaian ${n - 1} (%)`, `Capaian ${n} (%)`, 'Naik/Turun'], [42, 12, 12, 12, 12, 12, 11]);
  const t = new Tahunan(tree, p);
  let r = 5;
  let ka = false;
  // One pass per indicator without closures or temporary objects: 5,000 rows × 7 cells.
  const diLuar = awal - 1;
  for (const it of p.indikator.filter(lingkup(tree, opts))) {
    const i = it.indikator;
    const kaAwal = i.kondisiAwal !== null;
    const r2 = n - 2 === diLuar ? baseline(i.kondisiAwal) : t.realisasi(i, n - 2);
    const r1 = n - 1 === diLuar ? baseline(i.kondisiAwal) : t.realisasi(i, n - 1);
    const rNow = it.perTw[3].realisasiSd;
    const cPrev = t.of(i, n - 1)?.perTw[3].capaianTahun ?? null;
    const cNow = it.perTw[3].capaianTahun;
    if (kaAwal && (n - 2 === diLuar || n - 1 === diLuar)) ka = true;
    s.set(r, 1, i.nama, 'text');
    s.set(r, 2, tampil(r2, n - 2 === diLuar && kaAwal), 'angka');
    s.set(r, 3, tampil(r1, n - 1 === diLuar && kaAwal), 'angka');
    s.set(r, 4, nilaiTeks(rNow) ?? '-', 'angka');
    s.set(r, 5, cPrev ? capaianTeks(cPrev) : '-', 'angka');
    s.set(r, 6, capaianTeks(cNow), 'angka');
    s.set(r, 7, arah(it, cPrev, cNow, r1, rNow), 'center');
    r++;
  }
  r++;
  const notes = ['Naik/Turun: kinerja dibanding tahun sebelumnya, menurut capaian bila keduanya ada, selain itu menurut realisasi dan polaritas.'];
  if (ka) notes.unshift(`* Kondisi Awal (kondisi tahun ${awal - 1}, sebelum periode Renstra).`);
  for (const note of notes) { s.merge(r, 1, r, 7, note, 'note'); r++; }
  return sesuaikanTinggi(s.spec, s.spans);
}

/**
 * Capaian against the end-of-period target (`Kondisi Akhir`): the yearly realisasi of the
 * period so far, accumulated as the indicator says (§6.1 "period Σ yearly R / Kondisi Akhir").
 */
function capaianAkhir(it: IndikatorTahun, t: Tahunan, years: readonly number[], opsi: OpsiCapaian): CapaianResult {
  const periode = years.map((y, k) => ({ target: it.indikator.targets[k] ?? null, realisasi: t.realisasi(it.indikator, y) }));
  return hitungAkumulasi({ akumulasi: it.akumulasi, polaritas: it.polaritas, periode, targetAkhir: it.indikator.kondisiAkhir }, opsi);
}

/** `LKjIP Renstra`: `Indikator | Kondisi Awal | Target Akhir Renstra | Realisasi n | Capaian thd Target Akhir (%)`. */
export function renstraSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const n = p.tahun;
  const akhir = tree.config.tahunAkhir ?? n;
  const s = lkjipBuilder(tree, 'LKjIP Renstra', `Capaian Tahun ${n} terhadap Target Akhir Renstra (${akhir})`,
    ['Indikator', 'Kondisi Awal', 'Target Akhir Renstra', `Realisasi ${n}`, 'Capaian thd Target Akhir (%)'], [46, 13, 13, 13, 15]);
  const t = new Tahunan(tree, p);
  // The years of the period up to n, in order (targets are indexed like config.years).
  const years = tree.config.years.filter((y) => y <= n);
  const opsi = opsiDari(tree.config);
  let r = 5;
  for (const it of p.indikator.filter(lingkup(tree, opts))) {
    s.set(r, 1, it.indikator.nama, 'text');
    s.set(r, 2, nilaiTeks(it.indikator.kondisiAwal) ?? '-', 'angka');
    s.set(r, 3, nilaiTeks(it.indikator.kondisiAkhir) ?? '-', 'angka');
    s.set(r, 4, nilaiTeks(it.perTw[3].realisasiSd) ?? '-', 'angka');
    s.set(r, 5, capaianTeks(capaianAkhir(it, t, years, opsi)), 'angka');
    r++;
  }
  s.merge(r + 1, 1, r + 1, 5, 'Kumulatif: jumlah realisasi tahunan sampai tahun ini terhadap Kondisi Akhir; Nilai Akhir: realisasi tahun ini terhadap Kondisi Akhir; Rata-rata: rata-rata realisasi tahunan terhadap Kondisi Akhir.', 'note');
  s.height(r + 1, 24);
  return sesuaikanTinggi(s.spec, s.spans);
}

/**
 * `LKjIP Pembanding`: each comparison value of the year beside the OPD's realisasi, with
 * whether the OPD did better (by polarity); IKU without a comparison are listed too (L03).
 */
export function pembandingSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const n = p.tahun;
  const s = lkjipBuilder(tree, 'LKjIP Pembanding', `Perbandingan Realisasi Kinerja Tahun ${n}`,
    ['No', 'Indikator', 'Satuan', `Realisasi ${n}`, 'Nilai Pembanding', 'Tingkat', 'Sumber', 'Keterangan'], [5, 36, 10, 11, 14, 14, 26, 14], 'landscape');
  const inScope = lingkup(tree, opts);
  const rows = (tree.pengukuran?.pembanding ?? []).filter((x) => x.tahun === n);
  let r = 5, no = 0;
  for (const it of p.indikator.filter(inScope)) {
    const mine = rows.filter((x) => x.indikator === it.indikator);
    if (!mine.length && it.indikator.iku !== true) continue;
    const real = it.perTw[3].realisasiSd;
    const top = r;
    no++;
    for (const x of mine.length ? mine : [null]) {
      s.set(r, 4, nilaiTeks(real) ?? '-', 'angka');
      s.set(r, 5, x ? nilaiTeks(x.nilai) ?? '-' : '-', 'angka');
      s.set(r, 6, x?.tingkat ?? null, 'center');
      s.set(r, 7, x ? x.sumber || null : 'Belum ada pembanding', 'text');
      s.set(r, 8, x ? banding(it, real, x.nilai) : null, 'center');
      r++;
    }
    s.merge(top, 1, r - 1, 1, no, 'center');
    s.merge(top, 2, r - 1, 2, it.indikator.nama, 'text');
    s.merge(top, 3, r - 1, 3, it.indikator.satuan || null, 'center');
  }
  if (no === 0) { s.merge(r, 1, r, 8, `Belum ada nilai pembanding tahun ${n}.`, 'text'); r++; }
  s.merge(r + 1, 1, r + 1, 8, `Keterangan menurut polaritas indikator: realisasi ${n} dibanding nilai pembanding.`, 'note');
  return sesuaikanTinggi(s.spec, s.spans);
}

function banding(it: IndikatorTahun, real: Realisasi | null, nilai: Target | null): string | null {
  if (typeof real !== 'number' || nilai?.kind !== 'number') return null;
  if (real === nilai.value) return 'Sama';
  if (it.polaritas === 'Rentang' || it.polaritas === null) return real > nilai.value ? 'Lebih tinggi' : 'Lebih rendah';
  const better = it.polaritas === 'Positif' ? real > nilai.value : real < nilai.value;
  return better ? 'Lebih baik' : 'Lebih buruk';
}
