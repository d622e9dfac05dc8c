/**
 * The rule catalogue as help for the planner: for every rule ID of SAKIP.md §5 and §12 (and
 * the IDs Pokin added: T11, N10, J05, X05, U08) a short title and a how-to-fix text, in Bahasa
 * Indonesia and English. Shown beside an issue in the pane, in the `Validasi` sheet and by
 * `pokin rules [ID]`. IDs whose rule is not built yet (K18–K21, P01, P03, R…, U…, L…) have
 * their entry already, so help never lags behind a new rule.
 */
import type { Severity } from '../issues.js';

export type RuleFamily = 'F' | 'T' | 'K' | 'N' | 'B' | 'J' | 'P' | 'X' | 'R' | 'U' | 'L' | 'V';

/** When a rule runs (SAKIP.md §5): from the workbook alone, with reference data, at finalisation, on the server. */
export type RuleRun = 'Live' | 'Ref' | 'Final' | 'Server';

export interface RuleHelp {
  id: string;
  /** Severity as catalogued; `E/W` where the rule decides case by case (K10, X02). */
  severity: Severity | 'E/W';
  run: RuleRun[];
  title: { id: string; en: string };
  fix: { id: string; en: string };
}

type Row = [severity: RuleHelp['severity'], run: RuleRun[], titleId: string, titleEn: string, fixId: string, fixEn: string];

const L: RuleRun[] = ['Live'];
const R: RuleRun[] = ['Ref'];
const FIN: RuleRun[] = ['Final'];
const S: RuleRun[] = ['Server'];

const ROWS: Record<string, Row> = {
  // §5.1 Parse
  F01: ['E', L, 'Baris tidak dapat dibaca', 'A row cannot be read',
    'Isi sel wajib yang kosong (ID, Level, Pernyataan Kinerja; ID Node, Indikator; ID Jabatan, Jenjang), pilih Level/Jenjang dari daftar, perbaiki nilai kesalahan Excel (#REF!, #N/A) dan pisahkan sel yang digabung. Pesan menyebut sel dan alasannya.',
    'Fill the empty required cell (ID, Level, Pernyataan Kinerja; ID Node, Indikator; ID Jabatan, Jenjang), pick Level/Jenjang from the list, fix error values (#REF!, #N/A) and unmerge merged cells. The message names the cell and the reason.'],
  F02: ['W', L, 'Nilai dinormalkan', 'A value was normalised',
    'Pokin membaca nilai itu dengan cara lain (mis. "Rp 1.234" → 1234, "98%" → 98). Periksa hasilnya; bila benar, ketik ulang nilainya dalam bentuk baku agar peringatan hilang.',
    'Pokin read the value differently (e.g. "Rp 1.234" → 1234, "98%" → 98). Check the result; if it is right, retype the value in its plain form and the warning goes away.'],
  F03: ['E', L, 'Kolom wajib tidak ada', 'A required column is missing',
    'Tambahkan kolom yang disebut pesan ke tabel (judul kolom persis seperti di templat), atau buat ulang lembar dengan "Buat lembar Pokin".',
    'Add the column the message names to the table (header text as in the template), or recreate the sheets with "Create Pokin sheets".'],
  // Added by Pokin: the limits the server enforces (core/wire/limits.ts), reported before a push.
  F04: ['E', L, 'Nilai melampaui batas yang diterima server', 'A value exceeds what the server accepts',
    'Persingkat teks sel itu (mis. pindahkan uraian panjang ke Catatan atau dokumen terpisah), hapus karakter kontrol, atau kurangi jumlah baris; pesan menyebut batasnya.',
    'Shorten the cell\'s text (e.g. move long prose to Catatan or a separate document), remove control characters, or reduce the number of rows; the message names the limit.'],
  // §5.2 Tree structure
  T01: ['E', ['Live', 'Server'], 'ID kotak ganda', 'Duplicate box ID',
    'Beri ID baru yang belum dipakai pada salah satu baris (jangan memakai ulang ID lama), lalu sesuaikan Induk anak-anaknya dan ID Node indikatornya.',
    'Give one of the rows a new, unused ID (never reuse an old one), then update its children\'s Induk and its indicators\' ID Node.'],
  T02: ['E', L, 'Induk tidak ada atau kosong', 'Parent missing or empty',
    'Isi Induk dengan ID kotak di atasnya yang benar-benar ada di Pohon Kinerja; hanya akar (Tujuan) yang boleh tanpa Induk, dan kotak tidak boleh menunjuk dirinya sendiri.',
    'Set Induk to the ID of an existing box above it; only roots (Tujuan) may have no Induk, and a box may not name itself.'],
  T03: ['E', L, 'Siklus induk', 'Parent cycle',
    'Ikuti rantai Induk yang disebut pesan dan putuskan lingkarannya: salah satu kotak harus menunjuk ke kotak yang lebih tinggi (sampai ke akar).',
    'Follow the Induk chain in the message and break the loop: one box must point to a higher box (up to a root).'],
  T04: ['E', L, 'Level anak tidak di bawah induknya', 'Child level not below its parent',
    'Pilih Level yang lebih rendah untuk anak, atau pindahkan kotak ke induk yang levelnya lebih tinggi (mis. Sasaran Program di bawah Sasaran Strategis).',
    'Pick a lower Level for the child, or move the box under a parent of a higher level (e.g. a Sasaran Program under a Sasaran Strategis).'],
  T05: ['W', L, 'Lompatan level', 'Level skip',
    'Sisipkan kotak perantara pada level yang terlewat, atau jelaskan alasannya di Catatan bila lompatan itu disengaja.',
    'Insert an intermediate box on the skipped level, or explain in Catatan why the skip is intended.'],
  T06: ['E', ['Live', 'Ref', 'Server'], 'Akar tanpa Ref Pemda yang sah', 'Root without a valid Ref Pemda',
    'Isi Ref Pemda pada setiap akar dengan ID Sasaran Pemda (RPJMD) yang didukung, atau "Tanpa Induk Pemda". Minta daftar ID Sasaran Pemda ke Bappeda.',
    'Fill Ref Pemda on every root with the ID of the Sasaran Pemda (RPJMD) it supports, or "Tanpa Induk Pemda". Ask Bappeda for the Sasaran Pemda IDs.'],
  T07: ['W', L, 'Cabang berhenti terlalu tinggi', 'Branch stops too high',
    'Turunkan kotak itu sampai level terendah (mis. Sasaran Program → Sasaran Kegiatan → Sasaran Sub Kegiatan), atau jelaskan di Catatan.',
    'Cascade the box down to the lowest level (e.g. Sasaran Program → Sasaran Kegiatan → Sasaran Sub Kegiatan), or explain in Catatan.'],
  T08: ['W', L, 'Anak mengulang induknya', 'Children repeat their parent',
    'Rumuskan kondisi yang lebih sempit untuk setiap anak, atau jadikan satu anak saja (cascading langsung ke satu unit).',
    'Word a narrower condition for each child, or keep a single child (a direct cascade goes to one unit).'],
  T09: ['W', L, 'Terlalu banyak anak', 'Too many children',
    'Kelompokkan anak-anaknya di bawah kotak perantara, atau naikkan batas "Maks Anak" di Info bila memang perlu.',
    'Group the children under an intermediate box, or raise "Maks Anak" in Info if really needed.'],
  T10: ['I', L, 'Urutan baris bukan urutan pohon', 'Rows not in tree order',
    'Urutkan baris agar setiap kotak diikuti turunannya (induk di atas anak). Lembar cetak mengikuti urutan baris.',
    'Sort the rows so each box is followed by its descendants (parent above child). Printed sheets follow row order.'],
  T11: ['W', S, 'Sasaran Pemda tanpa pendukung', 'Sasaran Pemda without a supporting OPD',
    'Bagian Organisasi/Bappeda: pastikan ada OPD yang akarnya merujuk Sasaran Pemda itu (Ref Pemda), atau tinjau ulang sasaran itu.',
    'Bagian Organisasi/Bappeda: make sure some OPD root references that Sasaran Pemda (Ref Pemda), or review the sasaran.'],
  // §5.3 Statements and indicators
  K01: ['E', L, 'Kotak tanpa indikator', 'Box without an indicator',
    'Tambahkan minimal satu baris di tabel Indikator dengan ID Node kotak ini.',
    'Add at least one row to the Indikator table with this box\'s ID in ID Node.'],
  K02: ['E', L, 'Indikator tanpa satuan', 'Indicator without a unit',
    'Isi Satuan (mis. %, Dokumen, Indeks, Orang).',
    'Fill in Satuan (e.g. %, Dokumen, Indeks, Orang).'],
  K03: ['E', L, 'Target tahunan atau Kondisi Akhir kosong', 'Yearly target or Kondisi Akhir missing',
    'Isi Target setiap tahun periode dan Kondisi Akhir. Tulis "-" bila sengaja tanpa target pada tahun itu.',
    'Fill the Target of every year of the period and Kondisi Akhir. Type "-" for a deliberate "no target" that year.'],
  K04: ['E', L, 'Target bukan angka', 'Target is not a number',
    'Tulis satu angka (atau rentang "a - b" untuk polaritas Rentang). Target teks hanya untuk satuan kualitatif (mis. Predikat, Opini).',
    'Write one number (or a range "a - b" for Rentang polarity). Text targets only with a qualitative unit (e.g. Predikat, Opini).'],
  K05: ['E', L, 'Polaritas/Akumulasi kosong atau tidak dikenal', 'Polaritas/Akumulasi missing or unknown',
    'Pilih dari daftar: Polaritas Positif / Negatif / Rentang; Akumulasi Kumulatif / Nilai Akhir / Rata-rata.',
    'Pick from the list: Polaritas Positif / Negatif / Rentang; Akumulasi Kumulatif / Nilai Akhir / Rata-rata.'],
  K06: ['W', L, 'Target melawan polaritas', 'Targets against the polarity',
    'Periksa arah target: Positif naik, Negatif turun, dan target pertama melampaui Kondisi Awal. Target datar hanya wajar bila sudah maksimum.',
    'Check the direction: Positif rises, Negatif falls, and the first target improves on Kondisi Awal. Flat targets only when already at the maximum.'],
  K07: ['W', L, 'Kondisi Akhir tidak cocok dengan target', 'Kondisi Akhir does not match the targets',
    'Samakan Kondisi Akhir dengan target tahun terakhir (Nilai Akhir), jumlah target (Kumulatif) atau rata-ratanya (Rata-rata).',
    'Make Kondisi Akhir equal the last target (Nilai Akhir), the sum (Kumulatif) or the mean (Rata-rata) of the targets.'],
  K08: ['W', L, 'Kondisi Awal kosong', 'Baseline missing',
    'Isi Kondisi Awal dengan capaian tahun sebelum periode; tulis alasannya di Catatan bila data belum ada.',
    'Fill Kondisi Awal with the value of the year before the period; explain in Catatan if there is no data yet.'],
  K09: ['W', L, 'Definisi, formula atau sumber data kosong', 'Definition, formula or data source missing',
    'Lengkapi Definisi Operasional, Formula dan Sumber Data indikator.',
    'Complete the indicator\'s Definisi Operasional, Formula and Sumber Data.'],
  K10: ['E/W', L, 'Nama indikator ganda', 'Duplicate indicator name',
    'Dalam satu kotak: hapus atau ganti nama salah satunya (Error). Di dua kotak: wajar hanya untuk cascading langsung; bila bukan, bedakan namanya (Peringatan).',
    'Within one box: delete or rename one of them (Error). In two boxes: fine only for a direct cascade; otherwise word them differently (Warning).'],
  K11: ['W', ['Live', 'Ref'], 'Indikator output di level outcome', 'Output indicator at an outcome level',
    'Di Tujuan, Sasaran Strategis dan Sasaran Program, ukur hasil (outcome), bukan kegiatan: hindari "Jumlah …", "Terlaksananya …", "Tersusunnya …" atau indikator sub kegiatan Kepmendagri.',
    'At Tujuan, Sasaran Strategis and Sasaran Program, measure results (outcome), not activities: avoid "Jumlah …", "Terlaksananya …", "Tersusunnya …" or a Kepmendagri sub kegiatan indicator.'],
  K12: ['W', L, 'Pernyataan bukan kondisi', 'Statement is not a condition',
    'Tulis pernyataan sebagai kondisi yang ingin dicapai: "Meningkatnya …", "Menurunnya …", "Terwujudnya …", bukan kegiatan ("Penyusunan …") atau indikator ("Persentase …").',
    'Word the statement as the condition to reach: "Meningkatnya …", "Menurunnya …", "Terwujudnya …", not an activity ("Penyusunan …") or an indicator ("Persentase …").'],
  K13: ['W', L, 'Terlalu banyak indikator', 'Too many indicators',
    'Pilih indikator terpenting (paling banyak "Maks Indikator", bawaan 3) dan pindahkan yang lain ke kotak turunannya.',
    'Keep the most important indicators (at most "Maks Indikator", default 3) and move the others to child boxes.'],
  K14: ['W', R, 'Indikator sub kegiatan beda dari Kepmendagri', 'Sub kegiatan indicator differs from Kepmendagri',
    'Samakan indikator dan satuan sub kegiatan dengan daftar Kepmendagri untuk kode itu, atau jelaskan di Catatan.',
    'Use the Kepmendagri indicator and unit for that sub kegiatan code, or explain in Catatan.'],
  K15: ['I', S, 'IKU berubah', 'IKU changed',
    'Indikator Kinerja Utama berubah sejak versi terakhir yang diterima. Pastikan perubahannya disengaja dan dicatat.',
    'A key performance indicator changed since the last accepted version. Make sure the change is intended and recorded.'],
  K16: ['W', L, 'Target rentang tidak sah', 'Invalid range target',
    'Tulis rentang sebagai "bawah - atas" dengan bawah ≤ atas, dan pakai rentang hanya bila Polaritas = Rentang.',
    'Write a range as "low - high" with low ≤ high, and use ranges only when Polaritas = Rentang.'],
  K18: ['W', L, 'Target tidak realistis', 'Unrealistic target',
    'Periksa lonjakan antartahun (melebihi "Faktor Lonjakan", bawaan 3×), target persen di atas 100, atau outcome yang sudah 100% sejak awal.',
    'Check year-on-year jumps (beyond "Faktor Lonjakan", default 3×), percentage targets above 100, or an outcome already at 100 % from the baseline.'],
  K19: ['W', L, 'Indikator belum SMART', 'Indicator not SMART',
    'Tulis Definisi Operasional yang menjelaskan cara mengukur (bukan mengulang nama), formula dan sumber data khusus per indikator, dan rumus rasio untuk indikator persen.',
    'Write a Definisi Operasional that says how it is measured (not the name again), a formula and data source per indicator, and a ratio formula for percentage indicators.'],
  K20: ['W', L, 'Indikator input/proses di level hasil', 'Input or process indicator at a result level',
    'Di Tujuan dan Sasaran Strategis pakai indikator hasil, bukan penyerapan anggaran atau dokumen tepat waktu; kata "Tersedianya/Terlaksananya" cocok di kegiatan dan sub kegiatan.',
    'At Tujuan and Sasaran Strategis use result indicators, not budget absorption or documents on time; "Tersedianya/Terlaksananya" fits kegiatan and sub kegiatan.'],
  K21: ['W', L, 'Pernyataan dan polaritas bertentangan', 'Statement and polarity disagree',
    'Samakan arah: "Menurunnya …" dengan indikator Negatif yang targetnya turun, "Meningkatnya …" dengan indikator Positif yang naik.',
    'Align the direction: "Menurunnya …" with a Negatif indicator whose targets fall, "Meningkatnya …" with a Positif one that rises.'],
  // §5.4 Codes and nomenclature
  N01: ['E', L, 'Bentuk kode salah', 'Malformed code',
    'Tulis kode sebagai teks dengan titik sesuai jenisnya, mis. program 1.02.02, kegiatan 1.02.02.2.01, sub kegiatan 1.02.02.2.01.0001.',
    'Type the code as text with dots, as its type requires, e.g. program 1.02.02, kegiatan 1.02.02.2.01, sub kegiatan 1.02.02.2.01.0001.'],
  N02: ['E', L, 'Kode tidak diawali kode induknya', 'Code does not start with its parent\'s code',
    'Kode kegiatan harus diawali kode programnya, kode sub kegiatan diawali kode kegiatannya. Perbaiki kode atau pindahkan kotak ke induk yang benar.',
    'A kegiatan code starts with its program\'s code, a sub kegiatan code with its kegiatan\'s. Fix the code or move the box under the right parent.'],
  N03: ['E', R, 'Kode tidak ada di daftar Kepmendagri', 'Code not in the Kepmendagri list',
    'Periksa kode di daftar nomenklatur versi yang dipakai (Info "Versi Nomenklatur"). Kode baru dari SIPD dapat dicantumkan di tabel Nomenklatur buku kerja.',
    'Look the code up in the nomenclature list of the version used (Info "Versi Nomenklatur"). New codes from SIPD can be listed in the workbook\'s Nomenklatur table.'],
  N04: ['W', R, 'Nomenklatur beda dari nama resmi', 'Nomenclature differs from the official name',
    'Salin nama resmi program/kegiatan/sub kegiatan dari daftar Kepmendagri ke kolom Nomenklatur.',
    'Copy the official program/kegiatan/sub kegiatan name from the Kepmendagri list into Nomenklatur.'],
  N05: ['E', L, 'Digit kelas kegiatan tidak cocok dengan jenis pemda', 'Kegiatan class digit does not fit the pemda type',
    'Kegiatan provinsi memakai digit kelas 1, kabupaten/kota digit 2 (mis. 1.02.02.2.01). Periksa kode dan Info "Jenis Pemda".',
    'Provinsi kegiatan use class digit 1, kabupaten/kota digit 2 (e.g. 1.02.02.2.01). Check the code and Info "Jenis Pemda".'],
  N06: ['E', L, 'X.XX dipakai tidak konsisten', 'X.XX used inconsistently',
    'Pakai X.XX di semua kode program penunjang OPD ini, atau ganti di semua kode dengan bidang OPD sendiri.',
    'Keep X.XX in every supporting-programme code of this OPD, or replace it everywhere with the OPD\'s own bidang.'],
  N07: ['W', L, 'Bidang program bukan bidang OPD', 'Programme bidang is not the OPD\'s',
    'Periksa apakah program itu memang urusan OPD ini (lihat Kode OPD di Info); bila bukan, pindahkan ke OPD pengampunya atau jelaskan di Catatan.',
    'Check that the programme belongs to this OPD (see Kode OPD in Info); otherwise move it to the OPD in charge or explain in Catatan.'],
  N08: ['E', L, 'Level dan jenis kode tidak cocok', 'Level and code type disagree',
    'Sasaran Program memakai kode program, Sasaran Kegiatan kode kegiatan, Sasaran Sub Kegiatan kode sub kegiatan. Perbaiki Level atau Kode.',
    'Sasaran Program takes a program code, Sasaran Kegiatan a kegiatan code, Sasaran Sub Kegiatan a sub kegiatan code. Fix the Level or the Kode.'],
  N09: ['W', L, 'Kode sama di dua kotak', 'Same code on two boxes',
    'Boleh bila beberapa kotak memang bermuara ke satu komponen; bila tidak, perbaiki kode salah satunya.',
    'Fine when several boxes map to one component; otherwise correct one of the codes.'],
  N10: ['W', S, 'Kode diklaim dua OPD', 'Code claimed by two OPDs',
    'Bagian Organisasi: pastikan satu program/kegiatan/sub kegiatan hanya dimiliki satu OPD, kecuali program penunjang dan X.XX.',
    'Bagian Organisasi: make sure one program/kegiatan/sub kegiatan has one owner OPD, supporting programmes and X.XX excepted.'],
  // §5.5 Budget
  B01: ['E', L, 'Pagu tidak sama dengan jumlah turunannya', 'Budget does not equal its children\'s sum',
    'Samakan pagu program dengan jumlah pagu kegiatannya, dan pagu kegiatan dengan jumlah pagu sub kegiatannya, untuk setiap tahun.',
    'Make each year\'s program pagu equal the sum of its kegiatan, and each kegiatan pagu the sum of its sub kegiatan.'],
  B02: ['E', L, 'Pagu bukan rupiah bulat', 'Budget is not whole rupiah',
    'Tulis pagu sebagai angka rupiah bulat tanpa desimal dan tidak negatif (mis. 150000000).',
    'Write the pagu as a whole, non-negative rupiah number (e.g. 150000000).'],
  B03: ['W', L, 'Pagu tanpa target, atau target tanpa pagu', 'Budget without a target, or a target without budget',
    'Untuk kotak berkode, isi target pada tahun yang berpagu, dan pagu pada tahun yang bertarget (atau jelaskan di Catatan).',
    'For coded boxes, give a target in every year with pagu, and pagu in every year with a target (or explain in Catatan).'],
  B04: ['W', R, 'Total pagu melebihi pagu indikatif', 'Total budget exceeds the indicative ceiling',
    'Kurangi pagu agar total OPD per tahun tidak melebihi pagu indikatif yang ditetapkan.',
    'Reduce the pagu so the OPD total per year stays within the indicative ceiling.'],
  B05: ['W', FIN, 'Anggaran PK tidak cocok dengan pagu', 'PK budget does not match the pagu',
    'Periksa bahwa anggaran di PK pejabat sama dengan jumlah pagu kotak yang dimilikinya pada level anggaran PK.',
    'Check that the official\'s PK budget equals the pagu of the boxes they own at the PK budget level.'],
  // §5.6 Positions, PK, crosscutting
  J01: ['E', L, 'Penanggung jawab kosong atau tidak dikenal', 'Owner missing or unknown',
    'Isi Penanggung Jawab dengan ID Jabatan yang ada di tabel Jabatan (tambahkan jabatannya bila belum ada).',
    'Set Penanggung Jawab to an ID Jabatan from the Jabatan table (add the position if it is missing).'],
  J02: ['W', L, 'Jenjang jabatan tidak cocok dengan level', 'Position grade does not fit the level',
    'Pilih pemilik dengan jenjang yang sesuai level kotak (mis. Sasaran Program → Administrator), atau periksa Jenjang di tabel Jabatan.',
    'Choose an owner whose grade fits the box level (e.g. Sasaran Program → Administrator), or check Jenjang in Jabatan.'],
  J03: ['E', L, 'Pemilik anak bukan bawahan pemilik induk', 'Child owner is not under the parent owner',
    'Pemilik kotak anak harus sama dengan pemilik induk atau bawahan langsungnya. Perbaiki Penanggung Jawab atau ID Atasan di Jabatan.',
    'A child box\'s owner is the parent\'s owner or a direct subordinate. Fix Penanggung Jawab, or ID Atasan in Jabatan.'],
  J04: ['W', FIN, 'Jabatan struktural tanpa kotak', 'Structural position owns no box',
    'Beri jabatan itu minimal satu kotak (ia butuh PK), atau hapus dari tabel Jabatan bila tidak dipakai.',
    'Give the position at least one box (it needs a PK), or remove it from Jabatan if unused.'],
  J05: ['W', S, 'OPD belum ada di konsolidasi', 'OPD missing from the consolidation',
    'Bagian Organisasi: minta OPD itu mengirim pohonnya, atau terima versinya bila dasar konsolidasi "diterima".',
    'Bagian Organisasi: ask the OPD to push its tree, or accept its version when the basis is "diterima".'],
  P01: ['E', FIN, 'PK tidak sama dengan pohon', 'PK differs from the tree',
    'Buat ulang lembar PK dari pohon; jangan mengetik target di PK secara manual.',
    'Regenerate the PK sheet from the tree; do not type targets into the PK by hand.'],
  P02: ['W', FIN, 'PK Kepala OPD tanpa IKU', 'Head of OPD\'s PK without an IKU',
    'Tandai IKU = Ya pada indikator kotak milik Kepala OPD.',
    'Set IKU = Ya on an indicator of a box the head of the OPD owns.'],
  P03: ['W', FIN, 'Sasaran Strategis tanpa IKU', 'Sasaran Strategis without an IKU',
    'Tandai IKU = Ya pada minimal satu indikator setiap Sasaran Strategis.',
    'Set IKU = Ya on at least one indicator of each Sasaran Strategis.'],
  X01: ['E', L, 'Crosscutting ke OPD sendiri', 'Crosscutting to the own OPD',
    'Jangan mengisi OPD Tujuan dengan Kode OPD sendiri; jadikan kotak itu anak biasa di pohon.',
    'Do not put the own Kode OPD in OPD Tujuan; make the box a normal child in the tree.'],
  X02: ['E/W', ['Live', 'Server'], 'Rujukan crosscutting tidak lengkap', 'Incomplete crosscutting reference',
    'Isi OPD Tujuan dengan kode OPD dan ID Node Tujuan, atau "Lembaga Lain" dengan Nama Mitra. Tanyakan ID kotak tujuan ke OPD mitra. Bila keduanya sudah terisi tetapi OPD tujuan belum mengirim pohonnya atau kotak itu tidak ada di versi server mereka, minta OPD tujuan mengirim pohonnya, atau cocokkan ID Node Tujuan dengan versi mereka.',
    'Fill OPD Tujuan with a kode OPD and ID Node Tujuan, or "Lembaga Lain" with Nama Mitra. Ask the partner OPD for its box ID. When both are filled but the target OPD has not pushed its tree, or the box is not in its server version, ask that OPD to push, or match ID Node Tujuan to its version.'],
  X03: ['W', FIN, 'Crosscutting belum diputuskan', 'Crosscutting not decided',
    'Minta OPD tujuan memutuskan permintaan yang masih Menunggu; permintaan Ditolak harus disertai Alasan Tolak.',
    'Ask the target OPD to decide requests still Menunggu; a Ditolak request needs an Alasan Tolak.'],
  X04: ['W', S, 'Level kotak tujuan tidak cocok', 'Target box level does not fit',
    'Pilih kotak tujuan pada level yang sama atau lebih rendah dari kotak peminta.',
    'Pick a target box on the same or a lower level than the requesting box.'],
  X05: ['E', S, 'Crosscutting yang disetujui dihapus', 'Approved crosscutting removed',
    'Kembalikan baris crosscutting yang sudah disetujui OPD tujuan; tautan yang disetujui tidak boleh dihapus diam-diam.',
    'Put back the crosscutting row the target OPD approved; an approved link may not be removed silently.'],
  // §12 Rencana Aksi, pengukuran, LKjIP
  R01: ['W', FIN, 'Indikator PK tanpa Rencana Aksi', 'PK indicator without a Rencana Aksi',
    'Tambahkan baris Rencana Aksi untuk indikator itu pada tahun PK.',
    'Add a Rencana Aksi row for that indicator in the PK year.'],
  R02: ['E', L, 'Target triwulan tidak cocok dengan target tahun', 'Quarterly targets do not match the year',
    'Kumulatif: jumlah TW1–TW4 = target; Nilai Akhir: TW4 = target; Rata-rata: rata-rata TW = target.',
    'Kumulatif: TW1–TW4 add up to the target; Nilai Akhir: TW4 = target; Rata-rata: the mean of the quarters = target.'],
  R03: ['W', L, 'Target triwulan melawan polaritas', 'Quarterly targets against the polarity',
    'Untuk Nilai Akhir, buat target triwulan naik (Positif) atau turun (Negatif) menuju target tahun.',
    'For Nilai Akhir, make the quarterly targets rise (Positif) or fall (Negatif) towards the year\'s target.'],
  R04: ['W', L, 'Anggaran triwulan beda dari pagu', 'Quarterly budget differs from the pagu',
    'Samakan jumlah Anggaran TW1–TW4 dengan pagu kotak (pagu DPA bila ada).',
    'Make Anggaran TW1–TW4 add up to the box\'s pagu (the DPA pagu when present).'],
  R05: ['E', L, 'Pelaksana aksi bukan pemilik atau bawahannya', 'Action owner is not the box owner or a subordinate',
    'Isi ID Jabatan dengan pemilik kotak atau bawahan langsungnya.',
    'Set ID Jabatan to the box owner or a direct subordinate.'],
  R06: ['W', L, 'Kode sub kegiatan tidak diawali kode kotak', 'Sub kegiatan code does not start with the box code',
    'Pilih sub kegiatan yang kodenya diawali kode kegiatan/program kotak itu.',
    'Pick a sub kegiatan whose code starts with the box\'s kegiatan/program code.'],
  U01: ['E', L, 'Realisasi bukan angka', 'Realisation is not a number',
    'Tulis realisasi sebagai angka untuk indikator kuantitatif.',
    'Write the realisation as a number for a quantitative indicator.'],
  U02: ['W', L, 'Triwulan sebelumnya kosong', 'An earlier quarter is empty',
    'Isi realisasi triwulan sebelumnya lebih dulu, atau jelaskan di Penjelasan.',
    'Fill the earlier quarter first, or explain in Penjelasan.'],
  U03: ['W', L, 'Realisasi persen di luar 0–100', 'Percentage realisation outside 0–100',
    'Periksa angka dan satuannya (0,98 atau 98?).',
    'Check the number and its unit (0.98 or 98?).'],
  U04: ['W', L, 'Capaian ekstrem tanpa penjelasan', 'Extreme achievement without an explanation',
    'Capaian di bawah 75% atau di atas 120% perlu Penjelasan (faktor pendukung/penghambat).',
    'Achievement below 75 % or above 120 % needs a Penjelasan (supporting/hindering factors).'],
  U05: ['E', L, 'Realisasi anggaran melebihi pagu', 'Budget realisation above the pagu',
    'Periksa angka realisasi anggaran; tidak boleh melebihi pagu kotak.',
    'Check the budget realisation; it cannot exceed the box\'s pagu.'],
  U06: ['W', L, 'Realisasi kumulatif turun', 'Cumulative realisation falls',
    'Untuk indikator Positif, realisasi Nilai Akhir tidak turun dari triwulan ke triwulan; periksa angka atau jelaskan.',
    'For a Positif indicator the Nilai Akhir realisation should not fall between quarters; check or explain.'],
  U07: ['W', L, 'Realisasi disalin dari target', 'Realisation copied from the target',
    'Isi realisasi dari data terukur, bukan rumus yang menunjuk target atau salinan target.',
    'Enter measured realisation, not a formula pointing at the target or a copy of it.'],
  // Added by Pokin: what `pokin import` finds in a Renja evaluation form (Permendagri 86/2017).
  U08: ['W', L, 'Angka form evaluasi Renja berbeda dengan hitungan Pokin', 'A Renja evaluation form\'s figure differs from Pokin\'s arithmetic',
    'Form menghitung realisasi tahun ini, realisasi s.d. tahun ini, tingkat capaian, rata-rata, predikat atau jumlah dengan angka yang tidak cocok dengan nilai di barisnya (atau dengan rumus capaian Pokin menurut polaritas dan akumulasi, SAKIP.md §6). Angka form itu tidak diimpor: Pokin menghitungnya sendiri dari realisasi triwulan. Periksa rumus di form; bila realisasi triwulannya yang salah, perbaiki di tabel Realisasi.',
    'The form computes this year\'s realisation, the realisation to date, an achievement rate, the average, the predikat or a total with a figure that does not match the values in its row (or Pokin\'s capaian formula by polarity and accumulation, SAKIP.md §6). That figure is not imported: Pokin computes it from the quarterly realisation. Check the form\'s formula; if a quarterly realisation is wrong, correct it in the Realisasi table.'],
  L01: ['E', FIN, 'Indikator PK tanpa realisasi akhir tahun', 'PK indicator without year-end realisation',
    'Isi realisasi TW4 (akhir tahun) untuk setiap indikator PK sebelum menyusun LKjIP.',
    'Enter the TW4 (year-end) realisation of every PK indicator before generating the LKjIP.'],
  L02: ['W', FIN, 'Capaian ekstrem tanpa analisis', 'Extreme achievement without analysis',
    'Tulis analisis (penjelasan, faktor, solusi) untuk capaian di luar 75–120%.',
    'Write the analysis (explanation, factors, solution) for achievement outside 75–120 %.'],
  L03: ['W', FIN, 'IKU tanpa pembanding', 'IKU without a comparison',
    'Tambahkan nilai Pembanding (nasional, provinsi atau kabupaten lain) untuk setiap IKU.',
    'Add a Pembanding value (national, provincial or another kabupaten) for each IKU.'],
  // §13 The LKE self-assessment (IDs added by Pokin: the criteria list a pemda may replace)
  V01: ['E', L, 'Bobot sub komponen LKE tidak sesuai komponennya', 'LKE sub komponen weights do not add up to their komponen',
    'Samakan jumlah bobot sub komponen dengan bobot komponennya di tabel Kriteria LKE, dan beri setiap komponen/sub komponen satu bobot saja.',
    'Make the sub komponen weights add up to their komponen weight in the Kriteria LKE table, and give each komponen/sub komponen one weight only.'],
  V02: ['E', L, 'Bobot komponen LKE tidak berjumlah 100', 'LKE komponen weights do not add up to 100',
    'Perbaiki bobot komponen di tabel Kriteria LKE sampai jumlahnya 100.',
    'Fix the komponen weights in the Kriteria LKE table so that they add up to 100.'],
  V03: ['W', L, 'Baris LKE memuat salinan kriteria yang usang', 'An LKE row holds an outdated copy of its criterion',
    'Jalankan "pokin lke template" lagi: Bobot Sub dan Jenis Jawaban disalin ulang dari daftar kriteria, jawaban tetap.',
    'Run "pokin lke template" again: Bobot Sub and Jenis Jawaban are copied again from the criteria list, the answers stay.'],
  V04: ['W', S, 'Catatan Evaluator diisi oleh evaluator', 'Catatan Evaluator is written by the evaluator',
    'Kolom Catatan Evaluator diisi Bagian Organisasi lewat server; isian OPD di kolom itu tidak disimpan. Tulis tanggapan OPD di Bukti Dukung atau Tautan, lalu tarik LKE (pokin pull --lke) untuk melihat catatan terbaru.',
    'The Catatan Evaluator column is written by the Bagian Organisasi through the server; what the OPD types there is not stored. Put the OPD\'s reply in Bukti Dukung or Tautan, and pull the LKE (pokin pull --lke) to see the latest notes.'],
};

export const RULE_CATALOG: Readonly<Record<string, RuleHelp>> = Object.freeze(Object.fromEntries(
  Object.entries(ROWS).map(([id, [severity, run, titleId, titleEn, fixId, fixEn]]) =>
    [id, { id, severity, run, title: { id: titleId, en: titleEn }, fix: { id: fixId, en: fixEn } }]),
));

/** Every catalogued rule ID, in catalogue order. */
export const RULE_IDS: readonly string[] = Object.keys(ROWS);

export function ruleHelp(id: string): RuleHelp | undefined {
  return RULE_CATALOG[id.trim().toUpperCase()];
}

/** `K01 · Kotak tanpa indikator` in the chosen language; the bare ID when not catalogued. */
export function ruleTitle(id: string, lang: 'id' | 'en' = 'id'): string {
  const h = ruleHelp(id);
  return h ? h.title[lang] : id;
}

/** Severity words used everywhere (pane, CLI, generated sheets): Error / Peringatan / Info. */
export const SEVERITY_WORD: Record<'id' | 'en', Record<Severity, string>> = {
  id: { E: 'Error', W: 'Peringatan', I: 'Info' },
  en: { E: 'Error', W: 'Warning', I: 'Info' },
};
