/**
 * Example with deliberate pengukuran mistakes: the clean year (`dinkes-pengukuran.ts`) with a
 * mistake planted for every rule of SAKIP.md §12 (R01–R06, U01–U07, L01–L03) and for the
 * reading of the new tables (F01, F02). `expected` lists the issue each planted mistake must
 * raise ({ rule, sheet, cell, id }); run with `pokin pengukuran … --final` (R01 and the L rules
 * are Final). A mistake may raise further, consequential issues too (a falling quarter is
 * also U06, an unexplained low year also U04 on its quarters).
 */
import type { RuleId } from '../../core/issues.js';
import { dinkesPengukuran } from './dinkes-pengukuran.js';
import { cellAddress, sheetOf, type ExampleWorkbook, type FieldRow, type InputTable, type PengukuranTable } from './workbook.js';

export interface ExpectedIssue {
  rule: RuleId;
  sheet: string;
  cell: string;
  id: string;
  kesalahan: string;
}

export interface FaultyPengukuran {
  workbook: ExampleWorkbook;
  expected: ExpectedIssue[];
}

type Table = InputTable | PengukuranTable;

export function dinkesPengukuranSalah(): FaultyPengukuran {
  const wb = dinkesPengukuran();
  const ra = wb.rencanaAksi as FieldRow[];
  const re = wb.realisasi as FieldRow[];
  const pb = wb.pembanding as FieldRow[];
  const plants: { rule: RuleId; table: Table; row: FieldRow; field: string; id: string; kesalahan: string }[] = [];
  const plant = (rule: RuleId, table: Table, row: FieldRow, field: string, id: string, kesalahan: string) => plants.push({ rule, table, row, field, id, kesalahan });
  const plan = (nama: string, n = 0) => {
    const r = ra.filter((x) => x.nama === nama)[n];
    if (!r) throw new Error(`no Rencana Aksi row ${n} of ${nama}`);
    return r;
  };
  const real = (nama: string, tw: number) => {
    const r = re.find((x) => x.nama === nama && x.periode === `TW${tw}`);
    if (!r) throw new Error(`no Realisasi TW${tw} of ${nama}`);
    return r;
  };
  const ind = (nama: string) => wb.indikator.find((x) => x.nama === nama) as FieldRow;

  // ---------------------------------------------------------------- R: Rencana Aksi
  const posyandu = 'Persentase Posyandu Aktif';
  for (let i = ra.length - 1; i >= 0; i--) if (ra[i].nama === posyandu) ra.splice(i, 1);
  plant('R01', 'indikator', ind(posyandu), 'target:2025', 'P4', 'Indikator PK tanpa satu pun baris Rencana Aksi.');

  const tpm = plan('Jumlah Tempat Pengelolaan Makanan yang Diinspeksi');
  tpm.targetTw4 = 40;
  plant('R02', 'rencanaAksi', tpm, 'targetTw1', 'S3.2.1', 'Kumulatif: 32 + 48 + 48 + 40 = 168 ≠ target 160.');

  const odf = plan('Persentase Desa Stop Buang Air Besar Sembarangan');
  odf.targetTw4 = 80;
  plant('R02', 'rencanaAksi', odf, 'targetTw4', 'SS2', 'Nilai Akhir: target TW4 80 ≠ target tahun 82.');

  const akreditasi = plan('Persentase Puskesmas Terakreditasi Paripurna');
  akreditasi.targetTw3 = 34;
  plant('R03', 'rencanaAksi', akreditasi, 'targetTw3', 'P1', 'Target TW3 (34) turun dari TW2 (35) pada indikator Positif Nilai Akhir.');

  const sekolah = plan('Jumlah Sekolah yang Melaksanakan Gerakan Hidup Bersih dan Sehat');
  sekolah.anggaranTw2 = Number(sekolah.anggaranTw2) + 10_000_000;
  plant('R04', 'rencanaAksi', sekolah, 'anggaranTw1', 'S4.2.1', 'Anggaran TW2 ditambah Rp 10.000.000: jumlahnya ≠ pagu.');

  const hipertensi = plan('Persentase Penderita Hipertensi Mendapatkan Pelayanan Kesehatan Sesuai Standar', 1);
  hipertensi.idJabatan = 'KASUBAG-PK';
  plant('R05', 'rencanaAksi', hipertensi, 'idJabatan', 'S1.2.3', 'Aksi kotak milik KASI-YANKES diberikan ke KASUBAG-PK (bukan bawahannya).');

  const renja = plan('Persentase Dokumen Perencanaan yang Disusun Tepat Waktu');
  renja.kodeSubKegiatan = '1.02.02.2.01.0006';
  plant('R06', 'rencanaAksi', renja, 'kodeSubKegiatan', 'S5.1.1', 'Kode sub kegiatan dari program lain (1.02.02…) pada kotak 1.02.01.2.01.0001.');

  const lain = { ...plan('Persentase Data Kesehatan Dasar yang Dimutakhirkan Tepat Waktu'), tahun: 2031 };
  ra.push(lain);
  plant('F01', 'rencanaAksi', lain, 'tahun', 'S1.3.1', 'Tahun 2031 di luar periode 2025–2029.');

  // ---------------------------------------------------------------- U: Realisasi
  const data = real('Persentase Data Kesehatan Dasar yang Dimutakhirkan Tepat Waktu', 2);
  data.realisasi = 'sekitar 85';
  plant('U01', 'realisasi', data, 'realisasi', 'S1.3.1', 'Realisasi teks "sekitar 85" untuk indikator persen.');

  const izin2 = real('Jumlah Tenaga Kesehatan yang Izin Praktiknya Diawasi', 2);
  izin2.realisasi = null;
  plant('U02', 'realisasi', real('Jumlah Tenaga Kesehatan yang Izin Praktiknya Diawasi', 3), 'realisasi', 'S2.1.1', 'TW3 dilaporkan, TW2 kosong.');

  const balita = real('Persentase Balita Mendapatkan Pelayanan Kesehatan Sesuai Standar', 4);
  balita.realisasi = 104;
  plant('U03', 'realisasi', balita, 'realisasi', 'S1.2.2', 'Persentase 104 (di atas 100).');

  const tbc = real('Persentase Orang Terduga Tuberkulosis Mendapatkan Pelayanan Sesuai Standar', 2);
  tbc.realisasi = 50;
  plant('U04', 'realisasi', tbc, 'penjelasan', 'S1.2.4', 'Capaian TW2 sekitar 65 % tanpa Penjelasan.');

  const bumil = real('Persentase Ibu Hamil Mendapatkan Pelayanan Kesehatan Sesuai Standar', 4);
  bumil.realisasiAnggaran = 300_000_000;
  plant('U05', 'realisasi', bumil, 'realisasiAnggaran', 'S1.2.1', 'Realisasi anggaran TW4 Rp 300 juta: jumlah setahun melebihi pagu Rp 385 juta.');

  const jkn2 = real('Persentase Penduduk yang Menjadi Peserta Jaminan Kesehatan Nasional', 2);
  const jkn3 = real('Persentase Penduduk yang Menjadi Peserta Jaminan Kesehatan Nasional', 3);
  jkn3.realisasi = Math.round((Number(jkn2.realisasi) - 1.5) * 100) / 100;
  plant('U06', 'realisasi', jkn3, 'realisasi', 'S1.2.6', 'Realisasi TW3 turun 1,5 poin dari TW2 (Positif, Nilai Akhir).');

  const logistik = real('Persentase Kebutuhan Logistik Kantor yang Terpenuhi', 1);
  const logistikPlan = plan('Persentase Kebutuhan Logistik Kantor yang Terpenuhi');
  logistik.realisasi = logistikPlan.targetTw1;
  plant('U07', 'realisasi', logistik, 'realisasi', 'S5.4.1', 'Realisasi TW1 berupa rumus yang menyalin Target TW1 dari Rencana Aksi.');

  const mitraPlan = plan('Jumlah Mitra yang Terlibat dalam Promosi Kesehatan');
  for (let q = 1; q <= 4; q++) real('Jumlah Mitra yang Terlibat dalam Promosi Kesehatan', q).realisasi = mitraPlan[`targetTw${q}`];
  plant('U07', 'realisasi', real('Jumlah Mitra yang Terlibat dalam Promosi Kesehatan', 1), 'realisasi', 'S4.1.1', 'Realisasi keempat triwulan sama persis dengan targetnya.');

  const extra = { ...real('Persentase Hasil Rapat Koordinasi yang Ditindaklanjuti', 1), nodeId: 'S9.9.9' };
  re.push(extra);
  plant('F01', 'realisasi', extra, 'nodeId', 'S9.9.9', 'ID Node S9.9.9 tidak ada di Pohon Kinerja.');

  const tw5 = { ...real('Persentase Hasil Rapat Koordinasi yang Ditindaklanjuti', 1), periode: 'TW5' };
  re.push(tw5);
  plant('F01', 'realisasi', tw5, 'periode', 'S5.4.2', 'Periode "TW5" tidak ada.');

  const roman = real('Persentase Tagihan Komunikasi, Air dan Listrik Kantor yang Dibayar Tepat Waktu', 3);
  roman.periode = 'triwulan III';
  plant('F02', 'realisasi', roman, 'periode', 'S5.5.1', 'Periode "triwulan III" dibaca sebagai TW3.');

  // ---------------------------------------------------------------- L: LKjIP
  const diklat = real('Jumlah Pegawai yang Mengikuti Pendidikan dan Pelatihan', 4);
  diklat.realisasi = null;
  plant('L01', 'realisasi', diklat, 'realisasi', 'S5.3.1', 'Realisasi TW4 (akhir tahun) kosong.');

  const irt = 'Jumlah Industri Rumah Tangga Pangan yang Diawasi';
  for (let q = 1; q <= 4; q++) real(irt, q).penjelasan = null;
  plant('L02', 'realisasi', real(irt, 4), 'penjelasan', 'S3.1.1', 'Capaian tahun sekitar 45 % tanpa analisis apa pun.');

  const iks = pb.findIndex((x) => x.nama === 'Indeks Keluarga Sehat');
  pb.splice(iks, 1);
  plant('L03', 'indikator', ind('Indeks Keluarga Sehat'), 'iku', 'T1', 'IKU tanpa nilai pembanding.');

  const expected = plants.map((p) => {
    const rows = p.table === 'indikator' ? wb.indikator : (wb[p.table as PengukuranTable] as FieldRow[]);
    const index = rows.indexOf(p.row);
    if (index < 0) throw new Error(`planted row for ${p.rule} (${p.id}) is not in ${p.table}`);
    return { rule: p.rule, sheet: sheetOf(wb, p.table), cell: cellAddress(wb, p.table, p.field, index), id: p.id, kesalahan: p.kesalahan };
  });
  // The U07 formula: the realisasi cell reads Target TW1 of its Rencana Aksi row.
  wb.formulas = [{
    table: 'realisasi', row: re.indexOf(logistik), field: 'realisasi',
    formula: `'Rencana Aksi'!${cellAddress(wb, 'rencanaAksi', 'targetTw1', ra.indexOf(logistikPlan))}`,
  }];
  return { workbook: wb, expected };
}
