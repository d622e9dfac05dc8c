/**
 * Example with deliberate mistakes: the valid Dinas Kesehatan workbook (`dinkes.ts`) with
 * errors planted for every rule family the workbook alone (plus the shipped Kepmendagri list)
 * can decide: F, T, K, N, B, J, X. `EXPECTED` lists the issue each planted mistake must raise
 * ({ rule, sheet, cell, id }); a mistake may raise further, consequential issues too.
 *
 * Not planted: F03 (a missing column kills the whole table, so it needs its own file), K14
 * (the 2020 list has no kinerja/indikator/satuan), K15/T06-existence/X02-server/X04 (Server),
 * B04 (needs a pagu indikatif), B05, J04, P01, P02, X03 (Final).
 */
import type { RuleId } from '../../core/issues.js';
import { dinkesWorkbook, KODE_OPD, YEARS } from './dinkes.js';
import { cellAddress, cloneWorkbook, sheetOf, type ExampleWorkbook, type FieldRow, type InputTable } from './workbook.js';

export interface ExpectedIssue {
  rule: RuleId;
  sheet: string;
  cell: string;
  /** Box ID, ID Jabatan or ID Node the issue names. */
  id: string;
  /** What was planted (Bahasa Indonesia). */
  kesalahan: string;
}

interface Plant {
  rule: RuleId;
  table: InputTable;
  row: FieldRow;
  field: string;
  id: string;
  kesalahan: string;
}

export interface FaultyExample {
  workbook: ExampleWorkbook;
  expected: ExpectedIssue[];
}

export function dinkesSalah(): FaultyExample {
  const wb = cloneWorkbook(dinkesWorkbook());
  const plants: Plant[] = [];
  const plant = (rule: RuleId, table: InputTable, row: FieldRow, field: string, id: string, kesalahan: string) =>
    plants.push({ rule, table, row, field, id, kesalahan });

  const box = (id: string): FieldRow => {
    const r = wb.pohon.find((x) => x.id === id);
    if (!r) throw new Error(`no box ${id}`);
    return r;
  };
  const indOf = (id: string, n = 0): FieldRow => {
    const r = wb.indikator.filter((x) => x.nodeId === id)[n];
    if (!r) throw new Error(`no indicator ${n} of ${id}`);
    return r;
  };
  /** Inserts rows after the last row matching `after` (keeps the table in tree order). */
  const insertAfter = (rows: FieldRow[], after: (r: FieldRow) => boolean, ...add: FieldRow[]) => {
    let at = -1;
    rows.forEach((r, i) => { if (after(r)) at = i; });
    if (at < 0) throw new Error('insert anchor not found');
    rows.splice(at + 1, 0, ...add);
  };
  const indicator = (nodeId: string, nama: string, satuan: string, awal: number, targets: number[], extra: FieldRow = {}): FieldRow => {
    const r: FieldRow = {
      nodeId, nama, satuan, polaritas: 'Positif', akumulasi: 'Nilai Akhir', iku: 'Tidak',
      definisi: `Definisi operasional ${nama.toLowerCase()}`, formula: 'Realisasi / sasaran × 100', sumberData: 'Laporan Dinas Kesehatan',
      kondisiAwal: awal,
    };
    YEARS.forEach((y, i) => { r[`target:${y}`] = targets[i]; });
    r.kondisiAkhir = targets[targets.length - 1];
    return { ...r, ...extra };
  };
  const newBox = (fields: FieldRow): FieldRow => {
    const r: FieldRow = { id: null, induk: null, level: null, pernyataan: null, kode: null, nomenklatur: null, penanggungJawab: null, refPemda: null };
    for (const y of YEARS) r[`pagu:${y}`] = null;
    r.catatan = null;
    return { ...r, ...fields };
  };

  // ---------------------------------------------------------------- F: parse
  const s131 = box('S1.3.1');
  s131.pernyataan = '';
  plant('F01', 'pohon', s131, 'pernyataan', 'S1.3.1', 'Pernyataan Kinerja dikosongkan.');

  const s221 = box('S2.2.1');
  s221.catatan = '#REF!';
  plant('F01', 'pohon', s221, 'catatan', 'S2.2.1', 'Nilai galat #REF! (rumus rusak) di Catatan.');

  const xlvl = newBox({ id: 'SX1', induk: 'SS2', level: 'Sasaran Antara', pernyataan: 'Meningkatnya kualitas lingkungan sehat', penanggungJawab: 'KADIS' });
  plant('F01', 'pohon', xlvl, 'level', 'SX1', 'Level "Sasaran Antara" tidak ada dalam konfigurasi level.');

  const s421 = box('S4.2.1');
  s421['pagu:2025'] = 'Rp 210.000.000';
  plant('F02', 'pohon', s421, 'pagu:2025', 'S4.2.1', 'Pagu ditulis sebagai teks "Rp 210.000.000" (dinormalkan).');

  const s122ind = indOf('S1.2.2');
  s122ind['target:2025'] = '93%';
  plant('F02', 'indikator', s122ind, 'target:2025', 'S1.2.2', 'Target ditulis "93%" (angka dan satuan digabung).');

  // ---------------------------------------------------------------- T: tree
  const dup = box('S5.4.2');
  dup.id = 'S5.4.1';
  plant('T01', 'pohon', dup, 'id', 'S5.4.1', 'ID S5.4.1 dipakai dua kali (baris kedua semula S5.4.2).');
  // …so the indicator of the former S5.4.2 no longer finds its box:
  plant('F01', 'indikator', indOf('S5.4.2'), 'nodeId', 'S5.4.2', 'ID Node S5.4.2 tidak lagi ada di Pohon Kinerja.');

  const s411 = box('S4.1.1');
  s411.induk = 'K4.9';
  plant('T02', 'pohon', s411, 'induk', 'S4.1.1', 'Induk "K4.9" tidak ada.');

  const s321 = box('S3.2.1');
  s321.induk = 'S3.2.1';
  plant('T02', 'pohon', s321, 'induk', 'S3.2.1', 'Kotak menunjuk dirinya sendiri sebagai induk.');

  const cy1 = newBox({ id: 'CY1', induk: 'CY2', level: 'Sasaran Kegiatan', pernyataan: 'Meningkatnya kunjungan rumah oleh kader kesehatan', penanggungJawab: 'KASI-KESGA' });
  const cy2 = newBox({ id: 'CY2', induk: 'CY1', level: 'Sasaran Sub Kegiatan', pernyataan: 'Meningkatnya keterampilan kader dalam kunjungan rumah', penanggungJawab: 'KASI-KESGA' });
  plant('T03', 'pohon', cy1, 'induk', 'CY1', 'Siklus induk CY1 → CY2 → CY1.');
  plant('T03', 'pohon', cy2, 'induk', 'CY2', 'Siklus induk CY2 → CY1 → CY2.');
  plant('T04', 'pohon', cy1, 'level', 'CY1', 'Sasaran Kegiatan di bawah Sasaran Sub Kegiatan (bagian dari siklus).');

  const tx1 = newBox({ id: 'TX1', induk: 'SS2', level: 'Tujuan', pernyataan: 'Meningkatnya kesehatan lingkungan permukiman', penanggungJawab: 'KADIS' });
  plant('T04', 'pohon', tx1, 'level', 'TX1', 'Tujuan di bawah Sasaran Strategis.');
  plant('T07', 'pohon', tx1, 'id', 'TX1', 'Tujuan tanpa turunan (pohon tidak sampai ke Sasaran Sub Kegiatan).');

  const kx1 = newBox({ id: 'KX1', induk: 'SS2', level: 'Sasaran Kegiatan', pernyataan: 'Meningkatnya sanitasi tempat-tempat umum', penanggungJawab: 'KABID-KESMAS' });
  plant('T05', 'pohon', kx1, 'level', 'KX1', 'Sasaran Kegiatan langsung di bawah Sasaran Strategis (melompati Sasaran Program).');
  plant('J02', 'pohon', kx1, 'penanggungJawab', 'KX1', 'Administrator memegang Sasaran Kegiatan (lazim Pengawas/Fungsional).');

  const t2 = box('T2');
  t2.refPemda = null;
  plant('T06', 'pohon', t2, 'refPemda', 'T2', 'Akar T2 tanpa Ref Pemda.');

  const s132 = box('S1.3.2');
  s132.pernyataan = box('K1.3').pernyataan;
  plant('T08', 'pohon', s132, 'pernyataan', 'S1.3.2', 'Pernyataan dan penanggung jawab sama persis dengan induknya K1.3.');

  const s128 = newBox({
    id: 'S1.2.8', induk: 'K1.2', level: 'Sasaran Sub Kegiatan', pernyataan: 'Meningkatnya kelengkapan laporan surveilans kesehatan',
    kode: '1.02.02.2.02.0020', nomenklatur: 'Pengelolaan Surveilans Kesehatan', penanggungJawab: 'KASI-YANKES',
  });
  YEARS.forEach((y, i) => { s128[`pagu:${y}`] = 150_000_000 + i * 10_000_000; });
  for (const y of YEARS) {
    // Keep the budget consistent: the eighth sub kegiatan is added to its kegiatan and program.
    box('K1.2')[`pagu:${y}`] = (box('K1.2')[`pagu:${y}`] as number) + (s128[`pagu:${y}`] as number);
    box('P1')[`pagu:${y}`] = (box('P1')[`pagu:${y}`] as number) + (s128[`pagu:${y}`] as number);
  }
  plant('T09', 'pohon', box('K1.2'), 'id', 'K1.2', 'Delapan anak (maksimum 7).');

  // T10: a child moved above its parent.
  const s431 = box('S4.3.1');
  wb.pohon.splice(wb.pohon.indexOf(s431), 1);
  wb.pohon.splice(wb.pohon.indexOf(box('K4.3')), 0, s431);
  plant('T10', 'pohon', s431, 'id', 'S4.3.1', 'Baris anak berada di atas induknya K4.3.');

  // ---------------------------------------------------------------- K: statements and indicators
  const s114ind = indOf('S1.1.4');
  wb.indikator.splice(wb.indikator.indexOf(s114ind), 1);
  plant('K01', 'pohon', box('S1.1.4'), 'id', 'S1.1.4', 'Baris indikatornya dihapus.');

  const s113ind = indOf('S1.1.3');
  s113ind.satuan = null;
  plant('K02', 'indikator', s113ind, 'satuan', 'S1.1.3', 'Satuan kosong.');

  const s112ind = indOf('S1.1.2');
  s112ind['target:2027'] = null;
  plant('K03', 'indikator', s112ind, 'target:2027', 'S1.1.2', 'Target 2027 kosong.');
  plant('B03', 'pohon', box('S1.1.2'), 'pagu:2027', 'S1.1.2', 'Ada pagu 2027 tanpa target 2027.');

  const s111ind = indOf('S1.1.1');
  s111ind.kondisiAkhir = null;
  plant('K03', 'indikator', s111ind, 'kondisiAkhir', 'S1.1.1', 'Kondisi Akhir kosong.');

  s122ind['target:2026'] = 'meningkat';
  plant('K04', 'indikator', s122ind, 'target:2026', 'S1.2.2', 'Target teks "meningkat" dengan satuan % (bukan kualitatif).');

  const s123ind = indOf('S1.2.3');
  s123ind.polaritas = 'Naik';
  plant('K05', 'indikator', s123ind, 'polaritas', 'S1.2.3', 'Polaritas "Naik" bukan pilihan yang sah.');

  const s124ind = indOf('S1.2.4');
  s124ind.akumulasi = null;
  plant('K05', 'indikator', s124ind, 'akumulasi', 'S1.2.4', 'Akumulasi kosong.');

  const s125ind = indOf('S1.2.5');
  Object.assign(s125ind, { 'target:2025': 84, 'target:2026': 82, 'target:2027': 86, 'target:2028': 90, 'target:2029': 94, kondisiAkhir: 94 });
  plant('K06', 'indikator', s125ind, 'target:2026', 'S1.2.5', 'Indikator Positif turun dari 84 ke 82 pada 2026.');

  // A flat series is judged at Tujuan, Sasaran Strategis and Program only (a flat yearly
  // output at sub kegiatan level is normal).
  const p1ikm = indOf('P1', 2);
  Object.assign(p1ikm, { 'target:2025': 84, 'target:2026': 84, 'target:2027': 84, 'target:2028': 84, 'target:2029': 84, kondisiAkhir: 84 });
  plant('K06', 'indikator', p1ikm, 'target:2025', 'P1', 'Target program datar 84 setiap tahun (belum maksimum).');

  const s126ind = indOf('S1.2.6');
  s126ind.kondisiAkhir = 100;
  plant('K07', 'indikator', s126ind, 'kondisiAkhir', 'S1.2.6', 'Kondisi Akhir 100 ≠ target 2029 (99) untuk akumulasi Nilai Akhir.');

  const s211ind = indOf('S2.1.1');
  s211ind.kondisiAwal = 'n/a';
  plant('K08', 'indikator', s211ind, 'kondisiAwal', 'S2.1.1', 'Kondisi Awal "n/a".');

  const s222ind = indOf('S2.2.2');
  s222ind.definisi = null;
  plant('K09', 'indikator', s222ind, 'definisi', 'S2.2.2', 'Definisi Operasional kosong.');

  const k31ind = indOf('K3.1');
  const k31twin = { ...k31ind, definisi: 'Salinan baris indikator yang sama' };
  insertAfter(wb.indikator, (r) => r === k31ind, k31twin);
  plant('K10', 'indikator', k31twin, 'nama', 'K3.1', 'Nama indikator yang sama dua kali di kotak K3.1 (E).');

  const s321ind = indOf('S3.2.1');
  s321ind.nama = indOf('S3.1.1').nama;
  plant('K10', 'indikator', s321ind, 'nama', 'S3.2.1', 'Nama indikator sama dengan indikator kotak S3.1.1 (W).');

  const p2jumlah = indicator('P2', 'Jumlah Tenaga Kesehatan Strategis di Puskesmas', 'Orang', 310, [320, 330, 340, 350, 360]);
  insertAfter(wb.indikator, (r) => r.nodeId === 'P2', p2jumlah);
  plant('K11', 'indikator', p2jumlah, 'nama', 'P2', 'Indikator output ("Jumlah …") di Sasaran Program.');

  const k22 = box('K2.2');
  k22.pernyataan = 'Penyusunan rencana kebutuhan sumber daya manusia kesehatan';
  plant('K12', 'pohon', k22, 'pernyataan', 'K2.2', 'Pernyataan berbentuk kegiatan ("Penyusunan …"), bukan kondisi.');

  insertAfter(wb.indikator, (r) => r.nodeId === 'SS1', indicator('SS1', 'Angka Kesakitan Demam Berdarah Dengue', 'per 100.000 penduduk', 42, [40, 38, 36, 34, 32], { polaritas: 'Negatif', iku: 'Ya' }));
  plant('K13', 'pohon', box('SS1'), 'id', 'SS1', 'Empat indikator (maksimum 3).');

  const s4311ind = indOf('S4.3.1');
  s4311ind['target:2025'] = '850 - 900';
  plant('K16', 'indikator', s4311ind, 'target:2025', 'S4.3.1', 'Target rentang "850 - 900" pada indikator berpolaritas Positif.');

  const s127ind = indOf('S1.2.7');
  Object.assign(s127ind, { 'target:2029': 105, kondisiAkhir: 105 });
  plant('K18', 'indikator', s127ind, 'target:2029', 'S1.2.7', 'Target persentase 105 (di atas 100).');

  const k13ind = indOf('K1.3');
  k13ind.definisi = k13ind.nama;
  plant('K19', 'indikator', k13ind, 'definisi', 'K1.3', 'Definisi Operasional hanya mengulang nama indikator.');

  const serapan = indicator('SS3', 'Tingkat Penyerapan Anggaran Dinas Kesehatan', '%', 90, [92, 94, 95, 96, 97], { formula: 'Realisasi belanja / pagu × 100', sumberData: 'Laporan realisasi anggaran (SIPD)' });
  insertAfter(wb.indikator, (r) => r.nodeId === 'SS3', serapan);
  plant('K20', 'indikator', serapan, 'nama', 'SS3', 'Indikator proses (penyerapan anggaran) di Sasaran Strategis.');

  const s311 = box('S3.1.1');
  s311.pernyataan = 'Menurunnya industri rumah tangga pangan tanpa pengawasan';
  plant('K21', 'indikator', indOf('S3.1.1'), 'polaritas', 'S3.1.1', '"Menurunnya …" diukur dengan indikator Positif yang targetnya naik.');

  // ---------------------------------------------------------------- N: codes
  const s121 = box('S1.2.1');
  s121.kode = '1.02.02.2.02.001';
  plant('N01', 'pohon', s121, 'kode', 'S1.2.1', 'Kode sub kegiatan dengan segmen 3 digit.');

  const s222 = box('S2.2.2');
  s222.kode = '1.02.03.2.01.0002';
  s222.nomenklatur = 'Pembinaan dan Pengawasan Tenaga Kesehatan serta Tindak Lanjut Perizinan Praktik Tenaga Kesehatan';
  plant('N02', 'pohon', s222, 'kode', 'S2.2.2', 'Sub kegiatan 1.02.03.2.01.0002 di bawah kegiatan 1.02.03.2.02.');

  const s111 = box('S1.1.1');
  s111.kode = '1.02.02.2.01.0099';
  plant('N03', 'pohon', s111, 'kode', 'S1.1.1', 'Kode 1.02.02.2.01.0099 tidak ada dalam daftar Kepmendagri 050-3708/2020.');

  const s126 = box('S1.2.6');
  s126.nomenklatur = 'Pengelolaan Jaminan Kesehatan';
  plant('N04', 'pohon', s126, 'nomenklatur', 'S1.2.6', 'Nomenklatur tidak sama dengan nama acuan ("… Kesehatan Masyarakat").');

  const s522 = box('S5.2.2');
  s522.kode = '1.02.01.1.02.0003';
  plant('N05', 'pohon', s522, 'kode', 'S5.2.2', 'Digit kelas 1 (provinsi) pada pemda kabupaten.');

  const s513 = box('S5.1.3');
  s513.kode = 'X.XX.01.2.01.0007';
  plant('N06', 'pohon', s513, 'kode', 'S5.1.3', 'X.XX dipertahankan di satu kode, padahal kode penunjang lain sudah diuraikan ke 1.02.');

  const px1 = newBox({
    id: 'PX1', induk: 'SS2', level: 'Sasaran Program', pernyataan: 'Meningkatnya akses rumah tangga terhadap air minum layak',
    kode: '1.03.03', nomenklatur: 'PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM', penanggungJawab: 'KABID-KESMAS',
    'pagu:2025': 100_000_000, 'pagu:2026': 105_000_000, 'pagu:2027': 110_000_000, 'pagu:2028': 'Rp 7,5 juta', 'pagu:2029': -150_000_000,
  });
  plant('N07', 'pohon', px1, 'kode', 'PX1', 'Program bidang 1.03 (PUPR) di OPD berbidang 1.02.');
  plant('B02', 'pohon', px1, 'pagu:2028', 'PX1', 'Pagu "Rp 7,5 juta" bukan jumlah rupiah.');
  plant('B02', 'pohon', px1, 'pagu:2029', 'PX1', 'Pagu negatif.');

  const k53 = box('K5.3');
  k53.kode = '1.02.01.2.05.0009';
  plant('N08', 'pohon', k53, 'kode', 'K5.3', 'Sasaran Kegiatan berisi kode sub kegiatan.');
  plant('N09', 'pohon', box('S5.3.1'), 'kode', 'S5.3.1', 'Kode 1.02.01.2.05.0009 juga dipakai K5.3.');

  // ---------------------------------------------------------------- B: budget
  const p3 = box('P3');
  p3['pagu:2026'] = (p3['pagu:2026'] as number) + 1_000_000;
  plant('B01', 'pohon', p3, 'pagu:2026', 'P3', 'Pagu 2026 program lebih Rp 1.000.000 dari jumlah pagu kegiatannya.');

  const s512ind = indOf('S5.1.2');
  s512ind['target:2029'] = '-';
  plant('B03', 'pohon', box('S5.1.2'), 'pagu:2029', 'S5.1.2', 'Target 2029 "-" (sengaja tanpa target) padahal pagu 2029 terisi.');

  // ---------------------------------------------------------------- J: positions
  const ss2 = box('SS2');
  ss2.penanggungJawab = null;
  plant('J01', 'pohon', ss2, 'penanggungJawab', 'SS2', 'Sasaran Strategis tanpa Penanggung Jawab.');

  const s113 = box('S1.1.3');
  s113.penanggungJawab = 'KASI-ALKES';
  plant('J01', 'pohon', s113, 'penanggungJawab', 'S1.1.3', 'Penanggung Jawab "KASI-ALKES" tidak ada di lembar Jabatan.');

  p3.penanggungJawab = 'KASI-FARMALKES';
  plant('J02', 'pohon', p3, 'penanggungJawab', 'P3', 'Pengawas memegang Sasaran Program (lazim Administrator).');
  plant('J03', 'pohon', p3, 'penanggungJawab', 'P3', 'KASI-FARMALKES bukan bawahan langsung KADIS (pemilik SS1).');

  const s124 = box('S1.2.4');
  s124.penanggungJawab = 'KASI-PROMKES';
  plant('J03', 'pohon', s124, 'penanggungJawab', 'S1.2.4', 'KASI-PROMKES (Bidang Kesmas) bukan bawahan KASI-YANKES dan bukan pemilik induk K1.2.');

  const staf: FieldRow = { id: 'STAF-UMUM', nama: 'Pengadministrasi Umum', jenjang: 'Staf', atasan: 'KASUBAG-UMPEG', nip: '199501012020121001', namaPejabat: 'Rizky Ramadhan', unitKerja: 'Sub Bagian Umum dan Kepegawaian' };
  wb.jabatan.push(staf);
  plant('F01', 'jabatan', staf, 'jenjang', 'STAF-UMUM', 'Jenjang "Staf" tidak dikenal.');

  // ---------------------------------------------------------------- X: crosscutting
  const x01: FieldRow = { nodeId: 'SS2', opdTujuan: KODE_OPD, nodeTujuan: 'P4', namaMitra: 'Bidang Kesehatan Masyarakat', kontribusi: 'Persentase posyandu aktif', keterangan: 'Seharusnya kotak anak biasa', status: null, alasanTolak: null };
  const x02a: FieldRow = { nodeId: 'S1.2.3', opdTujuan: '2.09.0.00.0.00.01.0000', nodeTujuan: null, namaMitra: 'Dinas Ketahanan Pangan', kontribusi: 'Edukasi pangan rendah garam', keterangan: null, status: null, alasanTolak: null };
  const x02b: FieldRow = { nodeId: 'S4.1.1', opdTujuan: 'Lembaga Lain', nodeTujuan: null, namaMitra: null, kontribusi: 'Dukungan tokoh agama untuk promosi kesehatan', keterangan: null, status: null, alasanTolak: null };
  const x02c: FieldRow = { nodeId: 'S1.2.6', opdTujuan: 'Dinas Sosial', nodeTujuan: 'SS1', namaMitra: 'Dinas Sosial', kontribusi: 'Data penerima bantuan iuran', keterangan: null, status: null, alasanTolak: null };
  const xf01: FieldRow = { nodeId: 'S9.9.9', opdTujuan: 'Lembaga Lain', nodeTujuan: null, namaMitra: 'Puskesmas Pembantu Desa', kontribusi: 'Pelaporan kasus', keterangan: null, status: null, alasanTolak: null };
  wb.crosscutting.push(x01, x02a, x02b, x02c, xf01);
  plant('X01', 'crosscutting', x01, 'opdTujuan', 'SS2', 'OPD Tujuan adalah Kode OPD sendiri.');
  plant('X02', 'crosscutting', x02a, 'nodeTujuan', 'S1.2.3', 'Kode OPD mitra tanpa ID Node Tujuan.');
  plant('X02', 'crosscutting', x02b, 'namaMitra', 'S4.1.1', 'Lembaga Lain tanpa Nama Mitra.');
  plant('X02', 'crosscutting', x02c, 'opdTujuan', 'S1.2.6', 'OPD Tujuan "Dinas Sosial" bukan kode OPD.');
  plant('F01', 'crosscutting', xf01, 'nodeId', 'S9.9.9', 'ID Node S9.9.9 tidak ada di Pohon Kinerja.');

  // ---------------------------------------------------------------- new rows in place
  insertAfter(wb.pohon, (r) => r.id === 'K4.3', tx1, kx1, xlvl, px1, cy1, cy2);
  insertAfter(wb.pohon, (r) => r.id === 'S1.2.7', s128);
  const ind = (nodeId: string, nama: string, targets: number[]) => indicator(nodeId, nama, '%', targets[0] - 5, targets);
  insertAfter(wb.indikator, (r) => r.nodeId === 'S4.3.1',
    ind('TX1', 'Persentase Rumah Sehat', [70, 73, 76, 79, 82]),
    ind('KX1', 'Persentase Tempat-Tempat Umum Memenuhi Syarat Kesehatan', [60, 64, 68, 72, 76]),
    ind('SX1', 'Persentase Sarana Air Minum yang Diawasi', [50, 55, 60, 65, 70]),
    ind('PX1', 'Persentase Rumah Tangga dengan Akses Air Minum Layak', [88, 90, 92, 94, 96]),
    ind('CY1', 'Persentase Keluarga yang Dikunjungi Kader', [40, 45, 50, 55, 60]),
    ind('CY2', 'Persentase Kader Terlatih Kunjungan Rumah', [30, 40, 50, 60, 70]),
  );
  insertAfter(wb.indikator, (r) => r.nodeId === 'S1.2.7', ind('S1.2.8', 'Persentase Laporan Surveilans Mingguan Tepat Waktu', [80, 84, 88, 92, 96]));

  const expected: ExpectedIssue[] = plants.map((p) => {
    const index = wb[p.table].indexOf(p.row);
    if (index < 0) throw new Error(`planted row for ${p.rule} (${p.id}) is not in ${p.table}`);
    return { rule: p.rule, sheet: sheetOf(wb, p.table), cell: cellAddress(wb, p.table, p.field, index), id: p.id, kesalahan: p.kesalahan };
  });
  return { workbook: wb, expected };
}
