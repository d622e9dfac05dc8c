/**
 * The LKjIP tables of year n (SAKIP.md §12; PermenPANRB 53/2014, Bab III A and B), one sheet
 * each: `LKjIP PK`, `LKjIP Capaian`, `LKjIP Tren`, `LKjIP Renstra`, `LKjIP Pembanding`,
 * `LKjIP Efisiensi`, `LKjIP Anggaran`, `LKjIP Rekap`. Year-end figures: realisasi s.d. TW4
 * against the year's target. Bab I and IV stay in Word; these tables are pasted into it.
 */
import { tabelKategori } from '../../capaian/index.js';
import type { PohonKinerja } from '../../model.js';
import { hitungPengukuran, realisasiAnggaranSampai, serapan, urutanPohon, type BoxTahun, type PengukuranTahun } from '../../pengukuran/hitung.js';
import { perOpd, perSasaran } from '../../pengukuran/ringkasan.js';
import { budgetItems } from '../pk.js';
import type { SheetSpec } from '../spec.js';
import { lingkup, lkjipBuilder, perKotak, type LkjipOptions } from './lkjip-common.js';
import { pembandingSheet, renstraSheet, trenSheet } from './lkjip-tahunan.js';
import {
  capaianTeks, kategoriStyle, kedalaman, kepalaOpd, komponenTeks, nilaiTeks, persenTeks, rupiahTeks, sasaranTeks,
} from './teks.js';
import { sesuaikanTinggi } from './tinggi.js';

export type { LkjipOptions } from './lkjip-common.js';

export const LKJIP_SHEETS = [
  'LKjIP PK', 'LKjIP Capaian', 'LKjIP Tren', 'LKjIP Renstra', 'LKjIP Pembanding', 'LKjIP Efisiensi', 'LKjIP Anggaran', 'LKjIP Rekap',
] as const;

/** `LKjIP PK`: the PK targets of the year, then the PK's programmes and their anggaran. */
export function lkjipPkSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const inScope = lingkup(tree, opts);
  const s = lkjipBuilder(tree, 'LKjIP PK', `Perjanjian Kinerja Tahun ${p.tahun}`, ['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target'], [5, 38, 38, 12, 17]);
  let r = 5;
  perKotak(p.indikator.filter(inScope)).forEach((items, k) => {
    const top = r;
    for (const it of items) {
      s.set(r, 3, it.indikator.nama, 'text');
      s.set(r, 4, it.indikator.satuan || null, 'center');
      s.set(r, 5, nilaiTeks(it.targetTahun), 'angka');
      r++;
    }
    s.merge(top, 1, r - 1, 1, k + 1, 'center');
    s.merge(top, 2, r - 1, 2, sasaranTeks(items[0].box), 'text');
  });
  r++;
  s.set(r, 1, 'No', 'header');
  s.merge(r, 2, r, 4, 'Program/Kegiatan/Sub Kegiatan', 'header');
  s.set(r, 5, 'Anggaran (Rp)', 'header');
  r++;
  const kepala = kepalaOpd(tree);
  const owned = tree.boxes.filter((b) => (opts.cakupan === 'semua' ? !b.parent : b.penanggungJawab === kepala));
  const jenjang = kepala ? tree.jabatanById.get(kepala)?.jenjang : undefined;
  const level = jenjang ? tree.config.anggaranPk[jenjang] : 'Program';
  let total = 0;
  budgetItems(owned, level).forEach((b, k) => {
    const pagu = p.box.get(b)?.pagu ?? null;
    if (pagu !== null) total += pagu;
    s.set(r, 1, k + 1, 'center');
    s.merge(r, 2, r, 4, komponenTeks(b), 'text');
    s.set(r, 5, rupiahTeks(pagu), 'angka');
    r++;
  });
  s.merge(r, 1, r, 4, 'Jumlah', 'totalLabel');
  s.set(r, 5, rupiahTeks(total), 'angkaBold');
  return sesuaikanTinggi(s.spec, s.spans);
}

/** `LKjIP Capaian`: `No | Sasaran | Indikator | Satuan | Target | Realisasi | Capaian (%) | Kategori`. */
export function lkjipCapaianSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const inScope = lingkup(tree, opts);
  const s = lkjipBuilder(tree, 'LKjIP Capaian', `Capaian Kinerja Tahun ${p.tahun}`,
    ['No', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Kategori'], [5, 32, 36, 11, 11, 11, 11, 13]);
  let r = 5;
  perKotak(p.indikator.filter(inScope)).forEach((items, k) => {
    const top = r;
    for (const it of items) {
      const c = it.perTw[3];
      s.set(r, 3, it.indikator.nama, 'text');
      s.set(r, 4, it.indikator.satuan || null, 'center');
      s.set(r, 5, nilaiTeks(it.targetTahun), 'angka');
      s.set(r, 6, nilaiTeks(c.realisasiSd), 'angka');
      s.set(r, 7, capaianTeks(c.capaianTahun), 'angka');
      s.set(r, 8, c.kategoriTahun, kategoriStyle(c.kategoriTahun));
      r++;
    }
    s.merge(top, 1, r - 1, 1, k + 1, 'center');
    s.merge(top, 2, r - 1, 2, sasaranTeks(items[0].box), 'text');
  });
  const opd = perOpd(p, 4, 'tahun', inScope);
  s.merge(r, 1, r, 6, 'Rata-rata capaian kinerja', 'totalLabel');
  s.set(r, 7, persenTeks(opd.capaian) ?? '—', 'angkaBold');
  s.set(r, 8, opd.kategori, kategoriStyle(opd.kategori));
  s.merge(r + 2, 1, r + 2, 8, 'Realisasi dan capaian akhir tahun (s.d. triwulan IV) terhadap target tahun, menurut polaritas dan akumulasi tiap indikator.', 'note');
  return sesuaikanTinggi(s.spec, s.spans);
}

/** `LKjIP Efisiensi`: `Sasaran | Capaian rata-rata (%) | Pagu | Realisasi | Serapan (%) | Efisiensi`. */
export function lkjipEfisiensiSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const rasio = opts.efisiensi === 'rasio';
  const s = lkjipBuilder(tree, 'LKjIP Efisiensi', `Efisiensi Penggunaan Sumber Daya Tahun ${p.tahun}`,
    ['Sasaran', 'Capaian rata-rata (%)', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan (%)', 'Efisiensi'], [40, 12, 17, 17, 10, 11]);
  let r = 5;
  for (const x of perSasaran(p, 4, 'tahun', lingkup(tree, opts))) {
    const ef = x.capaian === null || x.serapan === null ? null : rasio ? (x.serapan > 0 ? (x.capaian / x.serapan) * 100 : null) : x.capaian - x.serapan;
    s.set(r, 1, sasaranTeks(x.box), 'text');
    s.set(r, 2, persenTeks(x.capaian), 'angka');
    s.set(r, 3, rupiahTeks(x.pagu), 'angka');
    s.set(r, 4, rupiahTeks(x.realisasiAnggaran), 'angka');
    s.set(r, 5, persenTeks(x.serapan), 'angka');
    s.set(r, 6, persenTeks(ef), 'angka');
    r++;
  }
  r++;
  s.merge(r, 1, r, 6, rasio
    ? 'Efisiensi = capaian rata-rata / serapan anggaran × 100 (di atas 100: kinerja tercapai dengan anggaran lebih hemat).'
    : 'Efisiensi = capaian rata-rata − serapan anggaran (poin persen; positif: kinerja tercapai dengan anggaran lebih hemat). Rumus ini konvensi dan dapat diganti.', 'note');
  s.height(r, 24);
  return sesuaikanTinggi(s.spec, s.spans);
}

/** `LKjIP Anggaran`: every programme, kegiatan and sub kegiatan with pagu, realisasi and capaian kinerja. */
export function lkjipAnggaranSheet(tree: PohonKinerja, p: PengukuranTahun): SheetSpec {
  const s = lkjipBuilder(tree, 'LKjIP Anggaran', `Realisasi Anggaran dan Capaian Kinerja Tahun ${p.tahun}`,
    ['No', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Capaian Kinerja (%)'], [5, 52, 17, 17, 9, 12]);
  const depth = kedalaman(tree);
  const capaian = new Map(perSasaran(p, 4, 'tahun', lingkup(tree, { cakupan: 'semua' })).map((x) => [x.box, x.capaian]));
  let r = 5, no = 0, pagu: number | null = null, real: number | null = null;
  const order = urutanPohon(tree).map((b) => p.box.get(b)).filter((b): b is BoxTahun => !!b?.box.level?.nomenklatur);
  const top = order.reduce((m, b) => Math.min(m, depth(b.box)), Infinity);
  for (const b of order) {
    const type = b.box.level?.nomenklatur;
    const rb = realisasiAnggaranSampai(b, 4);
    const d = depth(b.box) - top;
    s.set(r, 1, ++no, 'center');
    s.set(r, 2, `${'   '.repeat(Math.max(0, d))}${komponenTeks(b.box)}`, type === 'program' ? 'textProgram' : 'text');
    s.set(r, 3, rupiahTeks(b.pagu), 'angka');
    s.set(r, 4, rupiahTeks(rb), 'angka');
    s.set(r, 5, persenTeks(serapan(b.pagu, rb)), 'angka');
    s.set(r, 6, persenTeks(capaian.get(b.box) ?? null), 'angka');
    if (d === 0) {
      if (b.pagu !== null) pagu = (pagu ?? 0) + b.pagu;
      if (rb !== null) real = (real ?? 0) + rb;
    }
    r++;
  }
  s.merge(r, 1, r, 2, 'Jumlah', 'totalLabel');
  s.set(r, 3, rupiahTeks(pagu), 'angkaBold');
  s.set(r, 4, rupiahTeks(real), 'angkaBold');
  s.set(r, 5, persenTeks(serapan(pagu, real)), 'angkaBold');
  s.set(r, 6, null, 'angkaBold');
  return sesuaikanTinggi(s.spec, s.spans);
}

/** `LKjIP Rekap`: indicators per Kategori, then mean capaian per sasaran and for the OPD. */
export function lkjipRekapSheet(tree: PohonKinerja, p: PengukuranTahun, opts: LkjipOptions = {}): SheetSpec {
  const inScope = lingkup(tree, opts);
  const s = lkjipBuilder(tree, 'LKjIP Rekap', `Rekapitulasi Capaian Kinerja Tahun ${p.tahun}`,
    ['Kategori', 'Jumlah Indikator', 'Persentase (%)'], [40, 14, 14, 14]);
  const opd = perOpd(p, 4, 'tahun', inScope);
  let r = 5;
  for (const band of tabelKategori(p.config.kategoriCapaian)) {
    const n = opd.perKategori[band.label] ?? 0;
    s.set(r, 1, band.label, kategoriStyle(band.label));
    s.set(r, 2, n, 'center');
    s.set(r, 3, persenTeks(opd.jumlahIndikator ? (n / opd.jumlahIndikator) * 100 : null), 'angka');
    r++;
  }
  const lain = opd.jumlahIndikator - opd.dihitung;
  s.set(r, 1, 'Belum dapat dihitung', 'text');
  s.set(r, 2, lain, 'center');
  s.set(r, 3, persenTeks(opd.jumlahIndikator ? (lain / opd.jumlahIndikator) * 100 : null), 'angka');
  r++;
  s.set(r, 1, 'Jumlah', 'totalLabel');
  s.set(r, 2, opd.jumlahIndikator, 'center');
  s.set(r, 3, persenTeks(opd.jumlahIndikator ? 100 : null), 'angkaBold');
  r += 2;
  ['Sasaran', 'Jumlah Indikator', 'Capaian rata-rata (%)', 'Kategori'].forEach((h, i) => s.set(r, i + 1, h, 'header'));
  r++;
  for (const x of perSasaran(p, 4, 'tahun', inScope)) {
    s.set(r, 1, sasaranTeks(x.box), 'text');
    s.set(r, 2, x.jumlahIndikator, 'center');
    s.set(r, 3, persenTeks(x.capaian), 'angka');
    s.set(r, 4, x.kategori, kategoriStyle(x.kategori));
    r++;
  }
  s.set(r, 1, 'Rata-rata capaian kinerja', 'totalLabel');
  s.set(r, 2, opd.dihitung, 'center');
  s.set(r, 3, persenTeks(opd.capaian) ?? '—', 'angkaBold');
  s.set(r, 4, opd.kategori, kategoriStyle(opd.kategori));
  return sesuaikanTinggi(s.spec, s.spans);
}

/** All eight LKjIP tables of the year. */
export function lkjipSheets(tree: PohonKinerja, tahun: number, opts: LkjipOptions = {}, p: PengukuranTahun = hitungPengukuran(tree, tahun)): SheetSpec[] {
  return [
    lkjipPkSheet(tree, p, opts),
    lkjipCapaianSheet(tree, p, opts),
    trenSheet(tree, p, opts),
    renstraSheet(tree, p, opts),
    pembandingSheet(tree, p, opts),
    lkjipEfisiensiSheet(tree, p, opts),
    lkjipAnggaranSheet(tree, p),
    lkjipRekapSheet(tree, p, opts),
  ];
}
