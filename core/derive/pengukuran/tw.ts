/**
 * `Pengukuran <tahun> TW<n>` (SAKIP.md §12), A4 landscape: every measured indicator of the OPD
 * with its capaian s.d. TWn against the quarterly plan and against the year's target, the
 * Kategori (coloured), the box's pagu, realisasi anggaran and serapan, the owner and the
 * quarter's Penjelasan; then the OPD's mean and its count per Kategori.
 */
import { tabelKategori } from '../../capaian/index.js';
import type { PohonKinerja } from '../../model.js';
import { hitungPengukuran, realisasiAnggaranSampai, serapan, type IndikatorTahun, type PengukuranTahun } from '../../pengukuran/hitung.js';
import type { Triwulan } from '../../pengukuran/model.js';
import { perOpd } from '../../pengukuran/ringkasan.js';
import { sheetName, type SheetSpec } from '../spec.js';
import { Lembar } from './lembar.js';
import { capaianTeks, kategoriStyle, nilaiTeks, PENGUKURAN_STYLES, persenTeks, rupiahTeks, sasaranTeks } from './teks.js';
import { sesuaikanTinggi } from './tinggi.js';

export function pengukuranSheetName(tahun: number, tw: Triwulan): string {
  return sheetName(`Pengukuran ${tahun} TW${tw}`);
}

export function pengukuranHeaders(tw: Triwulan): string[] {
  return [
    'No', 'Sasaran', 'Indikator', 'Satuan', 'Target Tahun', `Target s.d. TW${tw}`, `Realisasi s.d. TW${tw}`, `Capaian s.d. TW${tw} (%)`,
    'Capaian thd Target Tahun (%)', 'Kategori', 'Pagu', 'Realisasi Anggaran', 'Serapan (%)', 'Penanggung Jawab', 'Penjelasan',
  ];
}
const WIDTHS = [5, 28, 28, 9, 10, 11, 11, 11, 11, 11, 17, 17, 10, 18, 30];

export function pengukuranSheet(tree: PohonKinerja, tahun: number, tw: Triwulan, p: PengukuranTahun = hitungPengukuran(tree, tahun)): SheetSpec {
  const cfg = tree.config;
  const headers = pengukuranHeaders(tw);
  const s = new Lembar(pengukuranSheetName(tahun, tw), WIDTHS, { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [4, 4] });
  s.spec.styles = PENGUKURAN_STYLES;
  s.spec.freezeRows = 4;
  const last = headers.length;
  s.merge(1, 1, 1, last, `PENGUKURAN KINERJA TAHUN ${tahun} S.D. TRIWULAN ${['I', 'II', 'III', 'IV'][tw - 1]}`, 'title');
  s.merge(2, 1, 2, last, `${cfg.namaOpd} ${cfg.pemda}`.trim().toUpperCase(), 'subtitle');
  headers.forEach((h, i) => s.set(4, i + 1, h, 'header'));
  let r = 5;
  const groups = new Map<string, IndikatorTahun[]>();
  for (const it of p.indikator) {
    const g = groups.get(it.box.id);
    if (g) g.push(it); else groups.set(it.box.id, [it]);
  }
  let no = 0;
  for (const items of groups.values()) {
    const box = items[0].box;
    const top = r;
    const bottom = r + items.length - 1;
    no++;
    for (const it of items) {
      const c = it.perTw[tw - 1];
      s.set(r, 3, it.indikator.nama, 'text');
      s.set(r, 4, it.indikator.satuan || null, 'center');
      s.set(r, 5, nilaiTeks(it.targetTahun), 'angka');
      s.set(r, 6, nilaiTeks(c.targetSd), 'angka');
      s.set(r, 7, nilaiTeks(c.realisasiSd), 'angka');
      s.set(r, 8, capaianTeks(c.capaian), 'angka');
      s.set(r, 9, capaianTeks(c.capaianTahun), 'angka');
      // The Kategori of the column beside it; without a quarterly plan only TW4 (= the year) has one.
      const k = c.kategori ?? (tw === 4 ? c.kategoriTahun : null);
      s.set(r, 10, k, kategoriStyle(k));
      s.set(r, 15, it.realisasi[tw - 1]?.penjelasan || null, 'text');
      r++;
    }
    const b = p.box.get(box);
    const real = b ? realisasiAnggaranSampai(b, tw) : null;
    s.merge(top, 1, bottom, 1, no, 'center');
    s.merge(top, 2, bottom, 2, sasaranTeks(box), 'text');
    s.merge(top, 11, bottom, 11, rupiahTeks(b?.pagu ?? null), 'angka');
    s.merge(top, 12, bottom, 12, rupiahTeks(real), 'angka');
    s.merge(top, 13, bottom, 13, persenTeks(serapan(b?.pagu ?? null, real)), 'angka');
    s.merge(top, 14, bottom, 14, tree.jabatanById.get(box.penanggungJawab)?.nama || box.penanggungJawab || null, 'text');
  }
  if (no === 0) { s.merge(r, 1, r, last, `Belum ada indikator PK tahun ${tahun}.`, 'text'); r++; }

  // The OPD: mean capaian s.d. TWn (Kategori from the mean) and the count per Kategori.
  const opd = perOpd(p, tw, 'tw');
  const opdTahun = perOpd(p, tw, 'tahun');
  s.merge(r, 1, r, 7, 'Rata-rata capaian (indikator PK)', 'totalLabel');
  s.set(r, 8, persenTeks(opd.capaian) ?? '—', 'angkaBold');
  s.set(r, 9, persenTeks(opdTahun.capaian) ?? '—', 'angkaBold');
  const kOpd = opd.kategori ?? (tw === 4 ? opdTahun.kategori : null);
  s.set(r, 10, kOpd, kategoriStyle(kOpd));
  s.set(r, 11, rupiahTeks(opd.pagu), 'angkaBold');
  s.set(r, 12, rupiahTeks(opd.realisasiAnggaran), 'angkaBold');
  s.set(r, 13, persenTeks(opd.serapan), 'angkaBold');
  r += 2;
  const counts = tabelKategori(cfg.kategoriCapaian).map((band) => `${band.label}: ${opd.perKategori[band.label] ?? 0}`);
  const lain = opd.jumlahIndikator - opd.dihitung;
  s.merge(r, 1, r, last, `Jumlah indikator per kategori (capaian s.d. TW${tw}): ${counts.join('; ')}${lain ? `; belum dapat dihitung: ${lain}` : ''}.`, 'plain');
  r++;
  s.merge(r, 1, r, last, 'Capaian dihitung menurut polaritas dan akumulasi tiap indikator, terhadap target triwulan Rencana Aksi dan terhadap target tahun; bila ada Batas Capaian, rata-rata dan kategori memakai nilai yang dibatasi. Serapan = realisasi anggaran / pagu × 100.', 'note');
  s.height(r, 24);
  return sesuaikanTinggi(s.spec, s.spans);
}
