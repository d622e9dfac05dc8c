/**
 * Pengukuran (SAKIP.md §12): the year's capaian per indicator and quarter, per sasaran and per
 * OPD, serapan anggaran, and the JSON report. The CLI, the pane and the backend call these;
 * the rules (core/rules/renaksi, realisasi, lkjip) and the sheets (core/derive) use them too.
 */
export type { NilaiRealisasi, PembandingRow, Pengukuran, PerTriwulan, RealisasiRow, RencanaAksiRow, TingkatPembanding, Triwulan } from './model.js';
export { TINGKAT_PEMBANDING, TRIWULAN } from './model.js';
export type { BoxTahun, CapaianTw, IndikatorTahun, PengukuranTahun } from './hitung.js';
export {
  hitungPengukuran, isPkIndikator, opsiDari, paguTahun, realisasiAnggaranSampai, realisasiSampai, serapan, targetSampai, urutanPohon,
} from './hitung.js';
export type { Basis, Ringkasan, RingkasanSasaran } from './ringkasan.js';
export { capaianOf, perOpd, perSasaran } from './ringkasan.js';
export type { LaporanIndikator, LaporanPengukuran, LaporanSasaran, NilaiJson } from './laporan.js';
export { laporanIndikator, laporanPengukuran, nilaiJson } from './laporan.js';
export { tahunTersedia, twTerakhir } from './tahun.js';
export { pengukuranTemplate } from './template.js';
