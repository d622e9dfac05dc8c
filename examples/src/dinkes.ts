/**
 * Example: the pohon kinerja of the Dinas Kesehatan of a kabupaten, Renstra 2025–2029, in the
 * canonical layout (SAKIP.md §4). It is meant to be VALID: `pokin validate` reports no error.
 *
 * Codes and names are the kabupaten/kota rows of Kepmendagri 050-3708/2020 (bidang 1.02
 * kesehatan; the support programme `X.XX.01` resolved to the OPD's bidang as `1.02.01`).
 * Statements, indicators, targets, pagu and officials are illustrative, not official data.
 */
import type { CellValue } from '../../core/snapshot.js';
import { TANPA_INDUK_PEMDA } from '../../core/layout/tables.js';
import type { ExampleWorkbook, FieldRow } from './workbook.js';

export const TAHUN_AWAL = 2025;
export const TAHUN_AKHIR = 2029;
export const YEARS = [2025, 2026, 2027, 2028, 2029];
export const KODE_OPD = '1.02.0.00.0.00.01.0000';

type Polaritas = 'Positif' | 'Negatif';
type Akumulasi = 'Nilai Akhir' | 'Kumulatif' | 'Rata-rata';

interface IndDef {
  nama: string;
  satuan: string;
  polaritas?: Polaritas;
  akumulasi?: Akumulasi;
  iku?: boolean;
  definisi: string;
  formula: string;
  sumber: string;
  awal: number;
  targets: [number, number, number, number, number];
}

interface BoxDef {
  id: string;
  level: 'Tujuan' | 'Sasaran Strategis' | 'Sasaran Program' | 'Sasaran Kegiatan' | 'Sasaran Sub Kegiatan';
  pernyataan: string;
  kode?: string;
  nomenklatur?: string;
  pj: string;
  refPemda?: string;
  /** Sub kegiatan only: pagu of Tahun Awal; later years grow 4 % a year (rounded to Rp 1.000). */
  pagu?: number;
  catatan?: string;
  ind: IndDef[];
  children?: BoxDef[];
}

/** Kondisi Akhir consistent with Akumulasi (K07): last target, sum or mean. */
export function kondisiAkhir(akumulasi: Akumulasi, t: readonly number[]): number {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  if (akumulasi === 'Kumulatif') return r(t.reduce((a, b) => a + b, 0));
  if (akumulasi === 'Rata-rata') return r(t.reduce((a, b) => a + b, 0) / t.length);
  return t[t.length - 1];
}

const pct = (nama: string, definisi: string, formula: string, sumber: string, awal: number, targets: IndDef['targets'], extra: Partial<IndDef> = {}): IndDef =>
  ({ nama, satuan: '%', definisi, formula, sumber, awal, targets, ...extra });

// ---------------------------------------------------------------------------------------------
// Tree (depth-first = row order)
// ---------------------------------------------------------------------------------------------

const TREE: BoxDef[] = [
  {
    id: 'T1', level: 'Tujuan', pj: 'KADIS', refPemda: 'SASPEM-2.1',
    pernyataan: 'Meningkatnya derajat kesehatan masyarakat',
    catatan: 'Mendukung Sasaran RPJMD 2.1 "Meningkatnya kualitas kesehatan masyarakat".',
    ind: [
      { nama: 'Angka Harapan Hidup', satuan: 'Tahun', iku: true, definisi: 'Perkiraan rata-rata lama hidup penduduk sejak lahir', formula: 'Dihitung BPS dengan metode tabel kematian (life table)', sumber: 'BPS Kabupaten', awal: 72.55, targets: [72.7, 72.85, 73, 73.15, 73.3] },
      { nama: 'Indeks Keluarga Sehat', satuan: 'Indeks', iku: true, definisi: 'Rerata capaian 12 indikator keluarga sehat Program Indonesia Sehat dengan Pendekatan Keluarga', formula: 'Jumlah keluarga sehat / jumlah keluarga yang didata', sumber: 'Aplikasi Keluarga Sehat (PIS-PK)', awal: 0.21, targets: [0.25, 0.29, 0.33, 0.37, 0.41] },
    ],
    children: [
      {
        id: 'SS1', level: 'Sasaran Strategis', pj: 'KADIS',
        pernyataan: 'Meningkatnya akses dan mutu pelayanan kesehatan',
        ind: [
          { nama: 'Angka Kematian Ibu', satuan: 'per 100.000 KH', polaritas: 'Negatif', iku: true, definisi: 'Kematian ibu selama kehamilan, persalinan dan nifas per 100.000 kelahiran hidup', formula: 'Jumlah kematian ibu / jumlah kelahiran hidup × 100.000', sumber: 'Laporan KIA Puskesmas', awal: 98.5, targets: [95, 92, 89, 86, 83] },
          { nama: 'Angka Kematian Bayi', satuan: 'per 1.000 KH', polaritas: 'Negatif', iku: true, definisi: 'Kematian bayi usia 0–11 bulan per 1.000 kelahiran hidup', formula: 'Jumlah kematian bayi / jumlah kelahiran hidup × 1.000', sumber: 'Laporan KIA Puskesmas', awal: 6.8, targets: [6.6, 6.4, 6.2, 6, 5.8] },
          pct('Prevalensi Balita Stunting', 'Balita dengan tinggi badan menurut umur di bawah −2 SD standar WHO', 'Jumlah balita stunting / jumlah balita diukur × 100', 'e-PPGBM', 14.2, [13, 12, 11, 10, 9], { polaritas: 'Negatif', iku: true }),
        ],
        children: [
          {
            id: 'P1', level: 'Sasaran Program', pj: 'KABID-YANKES', kode: '1.02.02',
            nomenklatur: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
            pernyataan: 'Meningkatnya cakupan dan mutu pelayanan kesehatan perorangan dan masyarakat',
            ind: [
              pct('Persentase Puskesmas Terakreditasi Paripurna', 'Puskesmas dengan status akreditasi paripurna dari lembaga akreditasi', 'Puskesmas terakreditasi paripurna / seluruh puskesmas × 100', 'Sertifikat akreditasi', 30, [40, 50, 60, 70, 80]),
              pct('Cakupan Pelayanan Kesehatan Sesuai Standar Pelayanan Minimal', 'Rerata capaian 12 indikator SPM bidang kesehatan kabupaten', 'Jumlah capaian 12 indikator SPM / 12', 'Laporan SPM Dinas Kesehatan', 88, [90, 92, 94, 96, 98]),
              { nama: 'Indeks Kepuasan Masyarakat terhadap Layanan Puskesmas', satuan: 'Nilai', definisi: 'Nilai survei kepuasan masyarakat atas layanan puskesmas (skala 0–100)', formula: 'Rerata tertimbang unsur pelayanan × 25', sumber: 'Survei Kepuasan Masyarakat', awal: 81.2, targets: [82, 83, 84, 85, 86] },
            ],
            children: [
              {
                id: 'K1.1', level: 'Sasaran Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.01',
                nomenklatur: 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten Kota',
                pernyataan: 'Meningkatnya ketersediaan sarana, prasarana dan alat kesehatan fasilitas pelayanan kesehatan sesuai standar',
                ind: [pct('Persentase Puskesmas dengan Sarana, Prasarana dan Alat Kesehatan Sesuai Standar', 'Puskesmas yang memenuhi standar sarana, prasarana dan alat kesehatan (ASPAK)', 'Puskesmas memenuhi standar / seluruh puskesmas × 100', 'Aplikasi ASPAK', 62, [68, 74, 80, 86, 92])],
                children: [
                  { id: 'S1.1.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.01.0006', nomenklatur: 'Pengembangan Puskesmas', pagu: 3_250_000_000,
                    pernyataan: 'Meningkatnya kapasitas gedung puskesmas',
                    ind: [{ nama: 'Jumlah Puskesmas yang Dikembangkan', satuan: 'Unit', akumulasi: 'Kumulatif', definisi: 'Puskesmas yang gedungnya diperluas atau ditingkatkan sesuai rencana induk', formula: 'Jumlah puskesmas selesai dikembangkan dalam tahun berjalan', sumber: 'Berita acara serah terima pekerjaan', awal: 1, targets: [1, 2, 3, 4, 5] }] },
                  { id: 'S1.1.2', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.01.0009', nomenklatur: 'Rehabilitasi dan Pemeliharaan Puskesmas', pagu: 1_450_000_000,
                    pernyataan: 'Meningkatnya kelayakan bangunan puskesmas',
                    ind: [{ nama: 'Jumlah Puskesmas yang Direhabilitasi dan Dipelihara', satuan: 'Unit', akumulasi: 'Kumulatif', definisi: 'Puskesmas yang bangunannya direhabilitasi atau dipelihara dalam tahun berjalan', formula: 'Jumlah puskesmas selesai direhabilitasi/dipelihara', sumber: 'Berita acara serah terima pekerjaan', awal: 3, targets: [3, 4, 5, 6, 7] }] },
                  { id: 'S1.1.3', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.01.0014', nomenklatur: 'Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan', pagu: 2_800_000_000,
                    pernyataan: 'Tersedianya alat kesehatan fasilitas pelayanan kesehatan sesuai standar',
                    ind: [{ nama: 'Jumlah Alat Kesehatan/Alat Penunjang Medik yang Disediakan', satuan: 'Unit', akumulasi: 'Kumulatif', definisi: 'Alat kesehatan dan alat penunjang medik yang diterima fasilitas pelayanan kesehatan', formula: 'Jumlah unit alat diterima dalam tahun berjalan', sumber: 'Berita acara serah terima barang', awal: 120, targets: [130, 140, 150, 160, 170] }] },
                  { id: 'S1.1.4', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.01.0016', nomenklatur: 'Pengadaan Obat, Vaksin', pagu: 4_150_000_000,
                    pernyataan: 'Tersedianya obat dan vaksin di puskesmas',
                    ind: [pct('Persentase Ketersediaan Obat Esensial di Puskesmas', 'Puskesmas dengan 40 item obat esensial tersedia', 'Puskesmas dengan obat esensial lengkap / seluruh puskesmas × 100', 'Laporan Instalasi Farmasi', 90, [92, 94, 96, 98, 100])] },
                ],
              },
              {
                id: 'K1.2', level: 'Sasaran Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02',
                nomenklatur: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
                pernyataan: 'Meningkatnya pelayanan kesehatan masyarakat sesuai standar pelayanan minimal',
                ind: [pct('Persentase Puskesmas yang Mencapai Target SPM Bidang Kesehatan', 'Puskesmas yang mencapai seluruh target indikator SPM bidang kesehatan', 'Puskesmas mencapai target SPM / seluruh puskesmas × 100', 'Laporan SPM Puskesmas', 70, [75, 80, 85, 90, 95])],
                children: [
                  { id: 'S1.2.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0001', nomenklatur: 'Pengelolaan Pelayanan Kesehatan Ibu Hamil', pagu: 385_000_000,
                    pernyataan: 'Meningkatnya pelayanan kesehatan ibu hamil sesuai standar',
                    ind: [pct('Persentase Ibu Hamil Mendapatkan Pelayanan Kesehatan Sesuai Standar', 'Ibu hamil yang mendapat minimal 6 kali pemeriksaan kehamilan sesuai standar', 'Ibu hamil K6 / sasaran ibu hamil × 100', 'Laporan KIA Puskesmas', 95.5, [96, 97, 98, 99, 100])] },
                  { id: 'S1.2.2', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0004', nomenklatur: 'Pengelolaan Pelayanan Kesehatan Balita', pagu: 312_500_000,
                    pernyataan: 'Meningkatnya pelayanan kesehatan balita sesuai standar',
                    ind: [pct('Persentase Balita Mendapatkan Pelayanan Kesehatan Sesuai Standar', 'Balita yang mendapat pemantauan pertumbuhan dan perkembangan sesuai standar', 'Balita dilayani sesuai standar / sasaran balita × 100', 'Laporan KIA Puskesmas', 91, [93, 95, 97, 99, 100])] },
                  { id: 'S1.2.3', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0008', nomenklatur: 'Pengelolaan Pelayanan Kesehatan Penderita Hipertensi', pagu: 176_000_000,
                    pernyataan: 'Meningkatnya pelayanan kesehatan penderita hipertensi',
                    ind: [pct('Persentase Penderita Hipertensi Mendapatkan Pelayanan Kesehatan Sesuai Standar', 'Penderita hipertensi usia 15 tahun ke atas yang mendapat pelayanan sesuai standar', 'Penderita dilayani sesuai standar / estimasi penderita × 100', 'Laporan PTM Puskesmas', 62, [70, 78, 86, 94, 100])] },
                  { id: 'S1.2.4', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0011', nomenklatur: 'Pengelolaan Pelayanan Kesehatan Orang Terduga Tuberkulosis', pagu: 248_750_000,
                    pernyataan: 'Meningkatnya penemuan dan pelayanan orang terduga tuberkulosis',
                    ind: [pct('Persentase Orang Terduga Tuberkulosis Mendapatkan Pelayanan Sesuai Standar', 'Orang terduga TBC yang diperiksa sesuai standar', 'Terduga TBC diperiksa / sasaran terduga TBC × 100', 'Sistem Informasi Tuberkulosis (SITB)', 75, [80, 85, 90, 95, 100])] },
                  { id: 'S1.2.5', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0015', nomenklatur: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat', pagu: 1_125_000_000,
                    pernyataan: 'Meningkatnya pelayanan gizi masyarakat',
                    catatan: 'Penurunan stunting butuh kontribusi Dinas Ketahanan Pangan (lihat Crosscutting).',
                    ind: [
                      pct('Persentase Balita Gizi Kurang yang Mendapat Makanan Tambahan', 'Balita gizi kurang yang menerima PMT pemulihan', 'Balita gizi kurang mendapat PMT / balita gizi kurang × 100', 'e-PPGBM', 80, [84, 88, 92, 96, 100]),
                      { nama: 'Jumlah Posyandu yang Melaksanakan Pemantauan Pertumbuhan Balita', satuan: 'Unit', definisi: 'Posyandu yang menimbang dan mengukur balita setiap bulan', formula: 'Jumlah posyandu yang melapor pemantauan pertumbuhan 12 bulan', sumber: 'e-PPGBM', awal: 780, targets: [800, 820, 840, 860, 880] },
                    ] },
                  { id: 'S1.2.6', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0026', nomenklatur: 'Pengelolaan Jaminan Kesehatan Masyarakat', pagu: 18_600_000_000,
                    pernyataan: 'Meningkatnya kepesertaan jaminan kesehatan masyarakat',
                    ind: [pct('Persentase Penduduk yang Menjadi Peserta Jaminan Kesehatan Nasional', 'Penduduk yang terdaftar sebagai peserta JKN aktif', 'Peserta JKN / jumlah penduduk × 100', 'Data kepesertaan BPJS Kesehatan', 94.1, [95, 96, 97, 98, 99])] },
                  { id: 'S1.2.7', level: 'Sasaran Sub Kegiatan', pj: 'KASI-YANKES', kode: '1.02.02.2.02.0033', nomenklatur: 'Operasional Pelayanan Puskesmas', pagu: 9_750_000_000,
                    pernyataan: 'Tersedianya dukungan operasional pelayanan puskesmas',
                    ind: [pct('Persentase Puskesmas yang Beroperasi Sesuai Standar', 'Puskesmas yang menerima dukungan operasional dan melayani sesuai jam layanan standar', 'Puskesmas beroperasi sesuai standar / seluruh puskesmas × 100', 'Laporan bulanan puskesmas', 100, [100, 100, 100, 100, 100])] },
                ],
              },
              {
                id: 'K1.3', level: 'Sasaran Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.03',
                nomenklatur: 'Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi',
                pernyataan: 'Meningkatnya keterpaduan sistem informasi kesehatan',
                ind: [pct('Persentase Fasilitas Pelayanan Kesehatan yang Melapor melalui Sistem Informasi Terintegrasi', 'Fasilitas pelayanan kesehatan yang melapor melalui SATUSEHAT', 'Fasyankes melapor / seluruh fasyankes × 100', 'Dasbor SATUSEHAT', 65, [72, 79, 86, 93, 100])],
                children: [
                  { id: 'S1.3.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.03.0001', nomenklatur: 'Pengelolaan Data dan Informasi Kesehatan', pagu: 135_000_000,
                    pernyataan: 'Tersedianya data dan informasi kesehatan yang mutakhir',
                    ind: [pct('Persentase Data Kesehatan Dasar yang Dimutakhirkan Tepat Waktu', 'Data kesehatan dasar profil kesehatan yang dimutakhirkan sebelum 31 Maret', 'Data dimutakhirkan tepat waktu / seluruh data dasar × 100', 'Profil Kesehatan Kabupaten', 80, [84, 88, 92, 96, 100])] },
                  { id: 'S1.3.2', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FASKES', kode: '1.02.02.2.03.0002', nomenklatur: 'Pengelolaan Sistem Informasi Kesehatan', pagu: 420_000_000,
                    pernyataan: 'Meningkatnya pemanfaatan sistem informasi kesehatan di puskesmas',
                    ind: [{ nama: 'Jumlah Puskesmas yang Menerapkan Rekam Medis Elektronik', satuan: 'Unit', definisi: 'Puskesmas yang seluruh layanannya memakai rekam medis elektronik', formula: 'Jumlah puskesmas dengan RME di semua poli', sumber: 'Dasbor SATUSEHAT', awal: 8, targets: [12, 16, 20, 24, 26] }] },
                ],
              },
            ],
          },
          {
            id: 'P2', level: 'Sasaran Program', pj: 'KABID-SDK', kode: '1.02.03',
            nomenklatur: 'PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN',
            pernyataan: 'Meningkatnya pemenuhan sumber daya manusia kesehatan sesuai standar',
            ind: [pct('Persentase Puskesmas dengan Sembilan Jenis Tenaga Kesehatan Sesuai Standar', 'Puskesmas yang memiliki sembilan jenis tenaga kesehatan sesuai Permenkes', 'Puskesmas lengkap / seluruh puskesmas × 100', 'Aplikasi SISDMK', 58, [65, 72, 79, 86, 93])],
            children: [
              {
                id: 'K2.1', level: 'Sasaran Kegiatan', pj: 'KASI-SDMK', kode: '1.02.03.2.01',
                nomenklatur: 'Pemberian Izin Praktik Tenaga Kesehatan Di Wilayah Kabupaten/Kota',
                pernyataan: 'Meningkatnya kepatuhan praktik tenaga kesehatan terhadap perizinan',
                ind: [pct('Persentase Tenaga Kesehatan yang Berpraktik dengan Surat Izin Praktik Berlaku', 'Tenaga kesehatan berpraktik yang memiliki SIP berlaku', 'Nakes dengan SIP berlaku / nakes berpraktik × 100', 'Aplikasi perizinan (OSS/SIMPEL)', 88, [90, 92, 94, 96, 98])],
                children: [
                  { id: 'S2.1.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-SDMK', kode: '1.02.03.2.01.0001', nomenklatur: 'Pengendalian dan Pengawasan serta Tindak Lanjut Perizinan Praktik Tenaga Kesehatan', pagu: 95_000_000,
                    pernyataan: 'Meningkatnya pengawasan perizinan praktik tenaga kesehatan',
                    ind: [{ nama: 'Jumlah Tenaga Kesehatan yang Izin Praktiknya Diawasi', satuan: 'Orang', akumulasi: 'Kumulatif', definisi: 'Tenaga kesehatan yang tempat praktiknya diverifikasi lapangan', formula: 'Jumlah nakes diverifikasi dalam tahun berjalan', sumber: 'Laporan pengawasan perizinan', awal: 400, targets: [420, 440, 460, 480, 500] }] },
                ],
              },
              {
                id: 'K2.2', level: 'Sasaran Kegiatan', pj: 'KASI-SDMK', kode: '1.02.03.2.02',
                nomenklatur: 'Perencanaan Kebutuhan dan Pendayagunaan Sumberdaya Manusia Kesehatan untuk UKP dan UKM di Wilayah Kabupaten/Kota',
                pernyataan: 'Meningkatnya pemerataan sumber daya manusia kesehatan',
                ind: [{ nama: 'Rasio Tenaga Kesehatan per 1.000 Penduduk', satuan: 'per 1.000 penduduk', definisi: 'Jumlah tenaga kesehatan dibanding jumlah penduduk', formula: 'Jumlah nakes / jumlah penduduk × 1.000', sumber: 'Aplikasi SISDMK', awal: 3.1, targets: [3.2, 3.3, 3.4, 3.5, 3.6] }],
                children: [
                  { id: 'S2.2.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-SDMK', kode: '1.02.03.2.02.0001', nomenklatur: 'Perencanaan dan Distribusi serta Pemerataan Sumber Daya Manusia Kesehatan', pagu: 160_000_000,
                    pernyataan: 'Meningkatnya pemerataan distribusi tenaga kesehatan antar puskesmas',
                    ind: [pct('Persentase Puskesmas dengan Dokter Umum Sesuai Standar', 'Puskesmas yang memiliki jumlah dokter umum sesuai standar ketenagaan', 'Puskesmas memenuhi standar dokter / seluruh puskesmas × 100', 'Aplikasi SISDMK', 88, [90, 92, 96, 98, 100])] },
                  { id: 'S2.2.2', level: 'Sasaran Sub Kegiatan', pj: 'KASI-SDMK', kode: '1.02.03.2.02.0002', nomenklatur: 'Pemenuhan Kebutuhan Sumber Daya Manusia Kesehatan sesuai Standar', pagu: 2_340_000_000,
                    pernyataan: 'Meningkatnya pemenuhan kebutuhan tenaga kesehatan sesuai standar',
                    ind: [{ nama: 'Jumlah Tenaga Kesehatan yang Direkrut Sesuai Analisis Kebutuhan', satuan: 'Orang', akumulasi: 'Kumulatif', definisi: 'Tenaga kesehatan yang direkrut (PPPK atau kontrak BLUD) sesuai analisis kebutuhan', formula: 'Jumlah nakes direkrut dalam tahun berjalan', sumber: 'SK pengangkatan', awal: 20, targets: [25, 30, 35, 40, 45] }] },
                ],
              },
            ],
          },
          {
            id: 'P3', level: 'Sasaran Program', pj: 'KABID-SDK', kode: '1.02.04',
            nomenklatur: 'PROGRAM SEDIAAN FARMASI, ALAT KESEHATAN DAN MAKANAN MINUMAN',
            pernyataan: 'Meningkatnya keamanan pangan olahan dan tempat pengelolaan makanan yang beredar',
            ind: [pct('Persentase Sarana Produksi dan Pengelolaan Pangan yang Memenuhi Syarat Keamanan', 'Sarana produksi pangan IRT dan TPM yang memenuhi syarat keamanan pangan saat diperiksa', 'Sarana memenuhi syarat / sarana diperiksa × 100', 'Laporan pengawasan pangan', 70, [74, 78, 82, 86, 90])],
            children: [
              {
                id: 'K3.1', level: 'Sasaran Kegiatan', pj: 'KASI-FARMALKES', kode: '1.02.04.2.03',
                nomenklatur: 'Penerbitan Sertifikat Produksi Pangan Industri Rumah Tangga dan Nomor P-IRT sebagai Izin Produksi, untuk Produk Makanan Minuman tertentu yang Dapat Diproduksi oleh Industri Rumah Tangga',
                pernyataan: 'Meningkatnya kepatuhan industri rumah tangga pangan terhadap standar keamanan pangan',
                ind: [pct('Persentase Industri Rumah Tangga Pangan yang Memenuhi Standar', 'IRT pangan bersertifikat SPP-IRT yang memenuhi standar saat diperiksa', 'IRT memenuhi standar / IRT diperiksa × 100', 'Laporan pengawasan pangan', 60, [65, 70, 75, 80, 85])],
                children: [
                  { id: 'S3.1.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FARMALKES', kode: '1.02.04.2.03.0001', pagu: 87_500_000,
                    nomenklatur: 'Pengendalian dan Pengawasan Serta Tindak Lanjut Pengawasan Sertifikat Produksi Pangan Industri Rumah Tangga dan Nomor P-IRT Sebagai Izin Produksi, untuk Produk Makanan Minuman Tertentu yang Dapat Diproduksi oleh Industri Rumah Tangga',
                    pernyataan: 'Meningkatnya pengawasan sertifikat produksi pangan industri rumah tangga',
                    ind: [{ nama: 'Jumlah Industri Rumah Tangga Pangan yang Diawasi', satuan: 'Unit', akumulasi: 'Kumulatif', definisi: 'IRT pangan yang dikunjungi dan diperiksa sarana produksinya', formula: 'Jumlah IRT diperiksa dalam tahun berjalan', sumber: 'Laporan pengawasan pangan', awal: 50, targets: [55, 60, 65, 70, 75] }] },
                ],
              },
              {
                id: 'K3.2', level: 'Sasaran Kegiatan', pj: 'KASI-FARMALKES', kode: '1.02.04.2.04',
                nomenklatur: 'Penerbitan Sertifikat Laik Higiene Sanitasi Tempat Pengelolaan Makanan (TPM) Antara Lain Jasa Boga, Rumah Makan/Restoran dan Depot Air Minum (DAM)',
                pernyataan: 'Meningkatnya tempat pengelolaan makanan yang laik higiene sanitasi',
                ind: [pct('Persentase Tempat Pengelolaan Makanan yang Laik Higiene Sanitasi', 'TPM yang memenuhi syarat higiene sanitasi saat inspeksi kesehatan lingkungan', 'TPM laik / TPM diinspeksi × 100', 'Laporan kesehatan lingkungan', 45, [50, 55, 60, 65, 70])],
                children: [
                  { id: 'S3.2.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-FARMALKES', kode: '1.02.04.2.04.0001', pagu: 112_000_000,
                    nomenklatur: 'Pengendalian dan Pengawasan serta Tindak Lanjut Pengawasan Penerbitan Sertifikat Laik Higiene Sanitasi Tempat Pengelolaan Makanan (TPM) antara lain jasa boga, rumah makan/restoran dan Depot Air Minum (DAM)',
                    pernyataan: 'Meningkatnya pengawasan laik higiene sanitasi tempat pengelolaan makanan',
                    ind: [{ nama: 'Jumlah Tempat Pengelolaan Makanan yang Diinspeksi', satuan: 'Unit', akumulasi: 'Kumulatif', definisi: 'TPM yang menjalani inspeksi kesehatan lingkungan', formula: 'Jumlah TPM diinspeksi dalam tahun berjalan', sumber: 'Laporan kesehatan lingkungan', awal: 150, targets: [160, 170, 180, 190, 200] }] },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'SS2', level: 'Sasaran Strategis', pj: 'KADIS',
        pernyataan: 'Meningkatnya perilaku hidup bersih dan sehat masyarakat',
        ind: [
          pct('Persentase Rumah Tangga Ber-PHBS', 'Rumah tangga yang memenuhi 10 indikator PHBS tatanan rumah tangga', 'Rumah tangga ber-PHBS / rumah tangga dipantau × 100', 'Laporan PHBS Puskesmas', 62, [65, 68, 71, 74, 77], { iku: true }),
          pct('Persentase Desa Stop Buang Air Besar Sembarangan', 'Desa/kelurahan yang terverifikasi stop BABS (ODF)', 'Desa ODF / seluruh desa × 100', 'Aplikasi STBM', 78, [82, 86, 90, 95, 100], { iku: true }),
        ],
        children: [
          {
            id: 'P4', level: 'Sasaran Program', pj: 'KABID-KESMAS', kode: '1.02.05',
            nomenklatur: 'PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN',
            pernyataan: 'Meningkatnya peran serta masyarakat dalam upaya kesehatan',
            ind: [
              pct('Persentase Posyandu Aktif', 'Posyandu yang buka minimal 12 kali setahun dengan cakupan kegiatan sesuai standar', 'Posyandu aktif / seluruh posyandu × 100', 'Laporan UKBM', 55, [60, 65, 70, 75, 80]),
              pct('Persentase Desa Siaga Aktif Mandiri', 'Desa/kelurahan siaga aktif dengan strata mandiri', 'Desa siaga aktif mandiri / seluruh desa × 100', 'Laporan UKBM', 20, [25, 30, 35, 40, 45]),
            ],
            children: [
              {
                id: 'K4.1', level: 'Sasaran Kegiatan', pj: 'KASI-PROMKES', kode: '1.02.05.2.01',
                nomenklatur: 'Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor Tingkat Daerah Kabupaten/ Kota',
                pernyataan: 'Meningkatnya kemitraan dan peran lintas sektor dalam promosi kesehatan',
                ind: [pct('Persentase Desa yang Memanfaatkan Dana Desa untuk Upaya Kesehatan', 'Desa yang menganggarkan dana desa untuk kegiatan kesehatan', 'Desa menganggarkan / seluruh desa × 100', 'APBDes (Dinas PMD)', 60, [65, 70, 75, 80, 85])],
                children: [
                  { id: 'S4.1.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-PROMKES', kode: '1.02.05.2.01.0001', pagu: 145_000_000,
                    nomenklatur: 'Peningkatan Upaya Promosi Kesehatan, Advokasi, Kemitraan dan Pemberdayaan Masyarakat',
                    pernyataan: 'Meningkatnya advokasi dan kemitraan promosi kesehatan',
                    catatan: 'Mitra desa di luar perangkat daerah dicatat sebagai Lembaga Lain (lihat Crosscutting).',
                    ind: [{ nama: 'Jumlah Mitra yang Terlibat dalam Promosi Kesehatan', satuan: 'Lembaga', definisi: 'Organisasi masyarakat, dunia usaha dan lembaga yang menandatangani kemitraan promosi kesehatan', formula: 'Jumlah mitra dengan perjanjian kerja sama aktif', sumber: 'Dokumen perjanjian kerja sama', awal: 12, targets: [15, 18, 21, 24, 27] }] },
                ],
              },
              {
                id: 'K4.2', level: 'Sasaran Kegiatan', pj: 'KASI-PROMKES', kode: '1.02.05.2.02',
                nomenklatur: 'Pelaksadan Sehat dalam Rangka Promotif Preventif Tingkat Daerah Kabupaten/ Kota',
                pernyataan: 'Meningkatnya penerapan Gerakan Masyarakat Hidup Sehat',
                catatan: 'Nomenklatur disalin persis dari daftar Kepmendagri 050-3708/2020 (termasuk salah ketik aslinya).',
                ind: [pct('Persentase Tatanan yang Menerapkan Germas', 'Tatanan rumah tangga, sekolah, tempat kerja dan tempat umum yang menerapkan Germas', 'Tatanan menerapkan Germas / tatanan dibina × 100', 'Laporan promosi kesehatan', 40, [48, 56, 64, 72, 80])],
                children: [
                  { id: 'S4.2.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-PROMKES', kode: '1.02.05.2.02.0001', pagu: 210_000_000,
                    nomenklatur: 'Penyelenggaraan Promosi Kesehatan dan Gerakan Hidup Bersih dan Sehat',
                    pernyataan: 'Meningkatnya jangkauan promosi kesehatan dan gerakan hidup bersih dan sehat',
                    ind: [{ nama: 'Jumlah Sekolah yang Melaksanakan Gerakan Hidup Bersih dan Sehat', satuan: 'Sekolah', definisi: 'Sekolah yang melaksanakan UKS dan gerakan PHBS sekolah', formula: 'Jumlah sekolah dengan UKS aktif dan PHBS', sumber: 'Laporan UKS (Tim Pembina UKS)', awal: 120, targets: [140, 160, 180, 200, 220] }] },
                ],
              },
              {
                id: 'K4.3', level: 'Sasaran Kegiatan', pj: 'KASI-KESGA', kode: '1.02.05.2.03',
                nomenklatur: 'Pengembangan dan Pelaksanaan Upaya Kesehatan Bersumber daya Masyarakat (UKBM) Tingkat Daerah Kabupaten/Kota',
                pernyataan: 'Meningkatnya kualitas upaya kesehatan bersumber daya masyarakat',
                ind: [pct('Persentase Posyandu Purnama dan Mandiri', 'Posyandu dengan strata purnama atau mandiri', 'Posyandu purnama dan mandiri / seluruh posyandu × 100', 'Laporan UKBM', 48, [54, 60, 66, 72, 78])],
                children: [
                  { id: 'S4.3.1', level: 'Sasaran Sub Kegiatan', pj: 'KASI-KESGA', kode: '1.02.05.2.03.0001', pagu: 365_000_000,
                    nomenklatur: 'Bimbingan Teknis Dan Supervisi Pengembangan Dan Pelaksanaan Upaya Kesehatan Bersumber Daya Masyarakat (UKBM)',
                    pernyataan: 'Meningkatnya kapasitas kader upaya kesehatan bersumber daya masyarakat',
                    ind: [{ nama: 'Jumlah Kader Posyandu yang Dibina', satuan: 'Orang', akumulasi: 'Kumulatif', definisi: 'Kader posyandu yang mengikuti bimbingan teknis dan supervisi', formula: 'Jumlah kader dibina dalam tahun berjalan', sumber: 'Daftar hadir bimbingan teknis', awal: 800, targets: [850, 900, 950, 1000, 1050] }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'T2', level: 'Tujuan', pj: 'KADIS', refPemda: TANPA_INDUK_PEMDA,
    pernyataan: 'Meningkatnya akuntabilitas kinerja Dinas Kesehatan',
    catatan: 'Tujuan penunjang internal; RPJMD tidak memuat sasaran pemda yang khusus untuk tata kelola internal perangkat daerah.',
    ind: [{ nama: 'Nilai SAKIP Dinas Kesehatan', satuan: 'Nilai', iku: true, definisi: 'Nilai evaluasi akuntabilitas kinerja Dinas Kesehatan oleh Inspektorat', formula: 'Jumlah nilai komponen LKE (PermenPANRB 88/2021)', sumber: 'Laporan Hasil Evaluasi Inspektorat', awal: 68.5, targets: [70, 72, 74, 76, 78] }],
    children: [
      {
        id: 'SS3', level: 'Sasaran Strategis', pj: 'KADIS',
        pernyataan: 'Meningkatnya kualitas tata kelola dan pelayanan administrasi Dinas Kesehatan',
        ind: [{ nama: 'Indeks Reformasi Birokrasi Dinas Kesehatan', satuan: 'Nilai', iku: true, definisi: 'Nilai penilaian mandiri pelaksanaan reformasi birokrasi perangkat daerah', formula: 'Jumlah nilai komponen pengungkit dan hasil', sumber: 'Laporan PMPRB', awal: 65, targets: [67, 69, 71, 73, 75] }],
        children: [
          {
            id: 'P5', level: 'Sasaran Program', pj: 'SEKDIS', kode: '1.02.01',
            nomenklatur: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA',
            pernyataan: 'Meningkatnya kualitas layanan penunjang urusan pemerintahan bidang kesehatan',
            ind: [
              pct('Persentase Pemenuhan Kebutuhan Layanan Penunjang Perangkat Daerah', 'Kebutuhan layanan penunjang (perencanaan, keuangan, kepegawaian, umum) yang terpenuhi', 'Kebutuhan terpenuhi / kebutuhan teridentifikasi × 100', 'Laporan Sekretariat', 92, [94, 96, 98, 99, 100]),
              { nama: 'Indeks Kepuasan Pegawai terhadap Layanan Kesekretariatan', satuan: 'Indeks', definisi: 'Survei kepuasan pegawai atas layanan sekretariat (skala 1–4)', formula: 'Rerata skor seluruh unsur survei', sumber: 'Survei internal Sekretariat', awal: 3.2, targets: [3.3, 3.4, 3.5, 3.6, 3.7] },
            ],
            children: [
              {
                id: 'K5.1', level: 'Sasaran Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.01',
                nomenklatur: 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah',
                pernyataan: 'Meningkatnya kualitas dokumen perencanaan, penganggaran dan evaluasi kinerja',
                ind: [pct('Persentase Dokumen Perencanaan dan Pelaporan Kinerja yang Tepat Waktu', 'Dokumen perencanaan, penganggaran dan laporan kinerja yang disampaikan sesuai jadwal', 'Dokumen tepat waktu / dokumen wajib × 100', 'Tanda terima dokumen', 86, [88, 91, 94, 97, 100])],
                children: [
                  { id: 'S5.1.1', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.01.0001', nomenklatur: 'Penyusunan Dokumen Perencanaan Perangkat Daerah', pagu: 85_000_000,
                    pernyataan: 'Tersedianya dokumen perencanaan perangkat daerah yang berkualitas',
                    ind: [pct('Persentase Dokumen Perencanaan yang Disusun Tepat Waktu', 'Renja dan RKA yang disahkan sesuai jadwal', 'Dokumen tepat waktu / dokumen wajib × 100', 'Tanda terima Bappeda', 100, [100, 100, 100, 100, 100])] },
                  { id: 'S5.1.2', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.01.0006', nomenklatur: 'Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', pagu: 45_000_000,
                    pernyataan: 'Tersedianya laporan capaian kinerja perangkat daerah tepat waktu',
                    ind: [pct('Persentase Laporan Capaian Kinerja yang Disampaikan Tepat Waktu', 'Laporan kinerja triwulanan dan LKjIP yang disampaikan sesuai jadwal', 'Laporan tepat waktu / laporan wajib × 100', 'Tanda terima Bagian Organisasi', 100, [100, 100, 100, 100, 100])] },
                  { id: 'S5.1.3', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.01.0007', nomenklatur: 'Evaluasi Kinerja Perangkat Daerah', pagu: 60_000_000,
                    pernyataan: 'Meningkatnya tindak lanjut evaluasi kinerja perangkat daerah',
                    ind: [pct('Persentase Rekomendasi Evaluasi Kinerja yang Ditindaklanjuti', 'Rekomendasi LHE SAKIP yang ditindaklanjuti dalam tahun berjalan', 'Rekomendasi ditindaklanjuti / seluruh rekomendasi × 100', 'Laporan Hasil Evaluasi SAKIP', 70, [75, 80, 85, 90, 95])] },
                ],
              },
              {
                id: 'K5.2', level: 'Sasaran Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.02',
                nomenklatur: 'Administrasi Keuangan Perangkat Daerah',
                pernyataan: 'Meningkatnya tertib administrasi keuangan perangkat daerah',
                ind: [pct('Persentase Temuan Pemeriksaan Keuangan yang Ditindaklanjuti', 'Temuan BPK dan Inspektorat yang selesai ditindaklanjuti', 'Temuan selesai / seluruh temuan × 100', 'Laporan tindak lanjut hasil pemeriksaan', 80, [84, 88, 92, 96, 100])],
                children: [
                  { id: 'S5.2.1', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.02.0001', nomenklatur: 'Penyediaan Gaji dan Tunjangan ASN', pagu: 38_450_000_000,
                    pernyataan: 'Tersedianya gaji dan tunjangan ASN tepat waktu',
                    ind: [pct('Persentase ASN yang Menerima Gaji dan Tunjangan Tepat Waktu', 'ASN yang menerima gaji dan tunjangan pada tanggal pembayaran', 'ASN dibayar tepat waktu / seluruh ASN × 100', 'Daftar gaji (SIPD)', 100, [100, 100, 100, 100, 100])] },
                  { id: 'S5.2.2', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-PK', kode: '1.02.01.2.02.0003', nomenklatur: 'Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD', pagu: 125_000_000,
                    pernyataan: 'Meningkatnya ketepatan penatausahaan dan verifikasi keuangan',
                    ind: [pct('Persentase Dokumen Pertanggungjawaban Keuangan yang Diverifikasi Tepat Waktu', 'SPJ yang diverifikasi dalam batas waktu', 'SPJ diverifikasi tepat waktu / seluruh SPJ × 100', 'Buku register SPJ', 90, [92, 94, 96, 98, 100])] },
                ],
              },
              {
                id: 'K5.3', level: 'Sasaran Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.05',
                nomenklatur: 'Administrasi Kepegawaian Perangkat Daerah',
                pernyataan: 'Meningkatnya kompetensi aparatur Dinas Kesehatan',
                ind: [pct('Persentase Pegawai yang Memenuhi Standar Kompetensi Jabatan', 'Pegawai yang hasil uji kompetensinya memenuhi standar jabatan', 'Pegawai memenuhi standar / seluruh pegawai × 100', 'Data kepegawaian (SIMPEG)', 60, [65, 70, 75, 80, 85])],
                children: [
                  { id: 'S5.3.1', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.05.0009', nomenklatur: 'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi', pagu: 150_000_000,
                    pernyataan: 'Meningkatnya partisipasi pegawai dalam pendidikan dan pelatihan sesuai tugas dan fungsi',
                    ind: [{ nama: 'Jumlah Pegawai yang Mengikuti Pendidikan dan Pelatihan', satuan: 'Orang', definisi: 'Pegawai yang menyelesaikan diklat sesuai tugas dan fungsi', formula: 'Jumlah pegawai bersertifikat diklat dalam tahun berjalan', sumber: 'Sertifikat diklat', awal: 40, targets: [45, 50, 55, 60, 65] }] },
                ],
              },
              {
                id: 'K5.4', level: 'Sasaran Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.06',
                nomenklatur: 'Administrasi Umum Perangkat Daerah',
                pernyataan: 'Meningkatnya kualitas layanan administrasi umum perangkat daerah',
                ind: [pct('Persentase Layanan Administrasi Umum yang Diselesaikan Sesuai Standar', 'Permintaan layanan umum yang diselesaikan dalam waktu standar', 'Layanan selesai sesuai standar / seluruh permintaan × 100', 'Register layanan umum', 85, [88, 91, 94, 97, 100])],
                children: [
                  { id: 'S5.4.1', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.06.0004', nomenklatur: 'Penyediaan Bahan Logistik Kantor', pagu: 230_000_000,
                    pernyataan: 'Tersedianya bahan logistik kantor sesuai kebutuhan',
                    ind: [pct('Persentase Kebutuhan Logistik Kantor yang Terpenuhi', 'Permintaan bahan logistik kantor yang dipenuhi', 'Permintaan dipenuhi / seluruh permintaan × 100', 'Kartu persediaan', 90, [92, 94, 96, 98, 100])] },
                  { id: 'S5.4.2', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.06.0009', nomenklatur: 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', pagu: 180_000_000,
                    pernyataan: 'Meningkatnya efektivitas rapat koordinasi dan konsultasi',
                    ind: [pct('Persentase Hasil Rapat Koordinasi yang Ditindaklanjuti', 'Keputusan rapat koordinasi yang ditindaklanjuti unit kerja', 'Keputusan ditindaklanjuti / seluruh keputusan × 100', 'Notulen dan laporan tindak lanjut', 75, [80, 85, 90, 95, 100])] },
                ],
              },
              {
                id: 'K5.5', level: 'Sasaran Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.08',
                nomenklatur: 'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah',
                pernyataan: 'Tersedianya jasa penunjang urusan pemerintahan daerah',
                ind: [pct('Persentase Ketersediaan Jasa Penunjang Perkantoran', 'Jasa surat-menyurat, komunikasi, air, listrik dan pelayanan umum yang tersedia tanpa putus', 'Jasa tersedia / jasa dibutuhkan × 100', 'Laporan Sub Bagian Umum', 95, [96, 97, 98, 99, 100])],
                children: [
                  { id: 'S5.5.1', level: 'Sasaran Sub Kegiatan', pj: 'KASUBAG-UMPEG', kode: '1.02.01.2.08.0002', nomenklatur: 'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik', pagu: 640_000_000,
                    pernyataan: 'Tersedianya jasa komunikasi, sumber daya air dan listrik kantor',
                    ind: [pct('Persentase Tagihan Komunikasi, Air dan Listrik Kantor yang Dibayar Tepat Waktu', 'Tagihan bulanan telepon, internet, air dan listrik yang dibayar sebelum jatuh tempo', 'Tagihan dibayar tepat waktu / seluruh tagihan × 100', 'Bukti pembayaran', 100, [100, 100, 100, 100, 100])] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------------

const JABATAN: [id: string, nama: string, jenjang: string, atasan: string | null, nip: string | null, pejabat: string, unit: string][] = [
  ['BUPATI', 'Bupati', 'Kepala Daerah', null, null, 'H. Ahmad Fauzi, S.H., M.Si.', 'Pemerintah Kabupaten Contoh'],
  ['KADIS', 'Kepala Dinas Kesehatan', 'JPT Pratama', 'BUPATI', '197205141998032004', 'dr. Siti Rahmawati, M.Kes.', 'Dinas Kesehatan'],
  ['SEKDIS', 'Sekretaris Dinas Kesehatan', 'Administrator', 'KADIS', '197803222005011003', 'Bambang Setiawan, S.E., M.M.', 'Sekretariat'],
  ['KABID-KESMAS', 'Kepala Bidang Kesehatan Masyarakat', 'Administrator', 'KADIS', '197911082006042007', 'Ns. Dewi Lestari, S.Kep., M.Kes.', 'Bidang Kesehatan Masyarakat'],
  ['KABID-YANKES', 'Kepala Bidang Pelayanan Kesehatan', 'Administrator', 'KADIS', '198004152006041012', 'drg. Hendra Wijaya, M.M.', 'Bidang Pelayanan Kesehatan'],
  ['KABID-SDK', 'Kepala Bidang Sumber Daya Kesehatan', 'Administrator', 'KADIS', '197709302003122005', 'apt. Rina Marlina, S.Farm., M.Kes.', 'Bidang Sumber Daya Kesehatan'],
  ['KASUBAG-PK', 'Kepala Sub Bagian Perencanaan dan Keuangan', 'Pengawas', 'SEKDIS', '198506172010012015', 'Yuni Astuti, S.E.', 'Sub Bagian Perencanaan dan Keuangan'],
  ['KASUBAG-UMPEG', 'Kepala Sub Bagian Umum dan Kepegawaian', 'Pengawas', 'SEKDIS', '198202112009011006', 'Agus Prasetyo, S.Sos.', 'Sub Bagian Umum dan Kepegawaian'],
  ['KASI-PROMKES', 'Kepala Seksi Promosi dan Pemberdayaan Masyarakat', 'Pengawas', 'KABID-KESMAS', '198608242011012008', 'Nur Aini, S.K.M.', 'Seksi Promosi dan Pemberdayaan Masyarakat'],
  ['KASI-KESGA', 'Kepala Seksi Kesehatan Keluarga dan Gizi', 'Pengawas', 'KABID-KESMAS', '198403052009032011', 'Endang Sulistyowati, S.S.T., M.Gz.', 'Seksi Kesehatan Keluarga dan Gizi'],
  ['KASI-FASKES', 'Kepala Seksi Fasilitas dan Informasi Kesehatan', 'Pengawas', 'KABID-YANKES', '198701192010011009', 'Rudi Hartono, S.T., M.Kes.', 'Seksi Fasilitas dan Informasi Kesehatan'],
  ['KASI-YANKES', 'Kepala Seksi Pelayanan Kesehatan Primer', 'Pengawas', 'KABID-YANKES', '198312272008012004', 'dr. Maya Sari', 'Seksi Pelayanan Kesehatan Primer'],
  ['KASI-SDMK', 'Kepala Seksi Sumber Daya Manusia Kesehatan', 'Pengawas', 'KABID-SDK', '198109092006041010', 'Dedi Kurniawan, S.K.M., M.M.', 'Seksi Sumber Daya Manusia Kesehatan'],
  ['KASI-FARMALKES', 'Kepala Seksi Kefarmasian, Alat Kesehatan dan PKRT', 'Pengawas', 'KABID-SDK', '198805032011012013', 'apt. Lina Marlina, S.Farm.', 'Seksi Kefarmasian, Alat Kesehatan dan PKRT'],
];

// ---------------------------------------------------------------------------------------------
// Crosscutting (SAKIP.md §9)
// ---------------------------------------------------------------------------------------------

const CROSSCUTTING: FieldRow[] = [
  { nodeId: 'S1.2.5', opdTujuan: '2.09.0.00.0.00.01.0000', nodeTujuan: 'K2.1', namaMitra: 'Dinas Ketahanan Pangan', kontribusi: 'Persentase keluarga berisiko stunting yang menerima bantuan pangan bergizi', keterangan: 'Intervensi sensitif penurunan stunting', status: 'Disetujui', alasanTolak: null },
  { nodeId: 'S1.2.6', opdTujuan: 'Lembaga Lain', nodeTujuan: null, namaMitra: 'BPJS Kesehatan Kantor Cabang', kontribusi: 'Persentase penduduk terdaftar sebagai peserta JKN aktif', keterangan: 'Pemadanan data kepesertaan dan penduduk', status: null, alasanTolak: null },
  { nodeId: 'S4.2.1', opdTujuan: '1.01.0.00.0.00.01.0000', nodeTujuan: 'S3.2.4', namaMitra: 'Dinas Pendidikan', kontribusi: 'Persentase sekolah dengan UKS aktif', keterangan: 'Pembinaan UKS bersama Tim Pembina UKS', status: 'Disetujui', alasanTolak: null },
];

// ---------------------------------------------------------------------------------------------
// Flattening into rows
// ---------------------------------------------------------------------------------------------

/** Pagu of a sub kegiatan for a year: 4 % growth a year, rounded to Rp 1.000. */
export function paguFor(base: number, year: number): number {
  return Math.round((base * Math.pow(1.04, year - TAHUN_AWAL)) / 1000) * 1000;
}

function flatten(nodes: BoxDef[], parent: string | null, out: { box: BoxDef; parent: string | null }[]): void {
  for (const n of nodes) {
    out.push({ box: n, parent });
    flatten(n.children ?? [], n.id, out);
  }
}

/** Pagu per year: sub kegiatan from its base; coded parents as the sum of their children. */
function paguOf(box: BoxDef, year: number): number | null {
  if (!box.kode) return null;
  if (box.pagu !== undefined) return paguFor(box.pagu, year);
  return (box.children ?? []).reduce((s, c) => s + (paguOf(c, year) ?? 0), 0);
}

function indicatorRow(nodeId: string, d: IndDef): FieldRow {
  const akumulasi = d.akumulasi ?? 'Nilai Akhir';
  const row: FieldRow = {
    nodeId,
    nama: d.nama,
    satuan: d.satuan,
    polaritas: d.polaritas ?? 'Positif',
    akumulasi,
    iku: d.iku ? 'Ya' : 'Tidak',
    definisi: d.definisi,
    formula: d.formula,
    sumberData: d.sumber,
    kondisiAwal: d.awal,
  };
  YEARS.forEach((y, i) => { row[`target:${y}`] = d.targets[i]; });
  row.kondisiAkhir = kondisiAkhir(akumulasi, d.targets);
  return row;
}

export function dinkesWorkbook(): ExampleWorkbook {
  const flat: { box: BoxDef; parent: string | null }[] = [];
  flatten(TREE, null, flat);
  const pohon: FieldRow[] = [];
  const indikator: FieldRow[] = [];
  for (const { box, parent } of flat) {
    const row: FieldRow = {
      id: box.id,
      induk: parent,
      level: box.level,
      pernyataan: box.pernyataan,
      kode: box.kode ?? null,
      nomenklatur: box.nomenklatur ?? null,
      penanggungJawab: box.pj,
      refPemda: parent === null ? (box.refPemda ?? null) : null,
    };
    for (const y of YEARS) row[`pagu:${y}`] = paguOf(box, y);
    row.catatan = box.catatan ?? null;
    pohon.push(row);
    for (const d of box.ind) indikator.push(indicatorRow(box.id, d));
  }
  const info: [string, CellValue][] = [
    ['Pemda', 'Kabupaten Contoh'],
    ['Kode Pemda', '35.19'],
    ['Jenis Pemda', 'Kabupaten'],
    ['Kode OPD', KODE_OPD],
    ['Nama OPD', 'Dinas Kesehatan'],
    ['Jenis Periode', 'Renstra'],
    ['Tahun Awal', TAHUN_AWAL],
    ['Tahun Akhir', TAHUN_AKHIR],
    ['Versi Nomenklatur', 'Kepmendagri 050-3708/2020'],
  ];
  const jabatan: FieldRow[] = JABATAN.map(([id, nama, jenjang, atasan, nip, namaPejabat, unitKerja]) => ({
    id, nama, jenjang, atasan, nip, namaPejabat, unitKerja,
  }));
  return { info, jabatan, pohon, indikator, crosscutting: CROSSCUTTING.map((r) => ({ ...r })) };
}
