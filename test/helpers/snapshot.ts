/**
 * Builds canonical workbook snapshots for tests: a few readable rows in, the exact shape
 * an adapter delivers out (header row + rows of cell values, tables at A1).
 */
import { pengukuranTables } from '../../core/layout/pengukuran.js';
import { canonicalTables, type TableSpec } from '../../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';

export type Row = Record<string, CellValue>;

export interface WorkbookInput {
  info?: Record<string, CellValue>;
  jabatan?: Row[];
  /** Keys are column headers (`ID`, `Induk`, `Pagu 2025`, …). */
  pohon?: Row[];
  indikator?: Row[];
  crosscutting?: Row[];
  nomenklatur?: Row[];
  /** Pengukuran tables (SAKIP.md §12); a table is written only when its rows are given. */
  rencanaAksi?: Row[];
  realisasi?: Row[];
  pembanding?: Row[];
  /** Drop whole tables (e.g. to test F03 / exit 2). */
  omit?: string[];
}

export const DEFAULT_INFO: Record<string, CellValue> = {
  Pemda: 'Kabupaten Contoh',
  'Kode Pemda': '32.04',
  'Jenis Pemda': 'Kabupaten',
  'Kode OPD': '1.02.0.00.0.00.01.0000',
  'Nama OPD': 'Dinas Kesehatan',
  'Jenis Periode': 'Renstra',
  'Tahun Awal': 2025,
  'Tahun Akhir': 2027,
  'Versi Nomenklatur': 'Kepmendagri 050-3708/2020',
};

function table(spec: TableSpec, rows: Row[]): TableSnapshot {
  const header = spec.columns.map((c) => c.header);
  return {
    sheet: spec.sheet,
    name: spec.table,
    address: 'A1',
    header,
    rows: rows.map((r) => header.map((h) => (h in r ? r[h] : null))),
  };
}

export function years(info: Record<string, CellValue>): number[] {
  const a = Number(info['Tahun Awal']);
  const b = Number(info['Tahun Akhir']);
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

export function makeSnapshot(input: WorkbookInput): WorkbookSnapshot {
  const info = { ...DEFAULT_INFO, ...(input.info ?? {}) };
  const specs = canonicalTables(years(info));
  const rowsFor: Record<string, Row[]> = {
    info: Object.entries(info).map(([k, v]) => ({ Kunci: k, Nilai: v })),
    jabatan: input.jabatan ?? [],
    pohon: input.pohon ?? [],
    indikator: input.indikator ?? [],
    crosscutting: input.crosscutting ?? [],
    nomenklatur: input.nomenklatur ?? [],
  };
  const tables: TableSnapshot[] = [];
  for (const spec of specs) {
    if (input.omit?.includes(spec.key)) continue;
    if (spec.key === 'konfigurasiLevel') continue;
    if (spec.key === 'nomenklatur' && !input.nomenklatur) continue;
    tables.push(table(spec, rowsFor[spec.key] ?? []));
  }
  for (const spec of pengukuranTables()) {
    const rows = input[spec.key as 'rencanaAksi' | 'realisasi' | 'pembanding'];
    if (rows) tables.push(table(spec, rows));
  }
  return { tables };
}

/** A small, valid OPD tree: one Sasaran Strategis → program → kegiatan → sub kegiatan. */
export function validInput(): WorkbookInput {
  const target = (v: CellValue) => ({ 'Target 2025': v, 'Target 2026': v, 'Target 2027': v });
  const ind = (id: string, nama: string, satuan: string, base: number[]): Row => ({
    'ID Node': id, Indikator: nama, Satuan: satuan, Polaritas: 'Positif', Akumulasi: 'Nilai Akhir', IKU: 'Tidak',
    'Definisi Operasional': 'Definisi', Formula: satuan === '%' ? 'Jumlah yang memenuhi / jumlah seluruhnya × 100' : 'Rumus', 'Sumber Data': 'Laporan', 'Kondisi Awal': base[0],
    'Target 2025': base[1], 'Target 2026': base[2], 'Target 2027': base[3], 'Kondisi Akhir': base[3],
  });
  void target;
  return {
    jabatan: [
      { 'ID Jabatan': 'BUPATI', 'Nama Jabatan': 'Bupati', Jenjang: 'Kepala Daerah', 'ID Atasan': null, NIP: null, 'Nama Pejabat': 'Budi', 'Unit Kerja': 'Pemda' },
      { 'ID Jabatan': 'KADIS', 'Nama Jabatan': 'Kepala Dinas Kesehatan', Jenjang: 'JPT Pratama', 'ID Atasan': 'BUPATI', NIP: '197001012000031001', 'Nama Pejabat': 'Siti', 'Unit Kerja': 'Dinas Kesehatan' },
      { 'ID Jabatan': 'KABID-KESMAS', 'Nama Jabatan': 'Kepala Bidang Kesehatan Masyarakat', Jenjang: 'Administrator', 'ID Atasan': 'KADIS', NIP: '197501012000031002', 'Nama Pejabat': 'Agus', 'Unit Kerja': 'Bidang Kesmas' },
      { 'ID Jabatan': 'KASI-GIZI', 'Nama Jabatan': 'Kepala Seksi Gizi', Jenjang: 'Pengawas', 'ID Atasan': 'KABID-KESMAS', NIP: '198001012005031003', 'Nama Pejabat': 'Rina', 'Unit Kerja': 'Seksi Gizi' },
    ],
    pohon: [
      { ID: 'SS1', Induk: null, Level: 'Sasaran Strategis', 'Pernyataan Kinerja': 'Meningkatnya derajat kesehatan masyarakat', Kode: null, Nomenklatur: null, 'Penanggung Jawab': 'KADIS', 'Ref Pemda': 'Tanpa Induk Pemda' },
      { ID: 'P1', Induk: 'SS1', Level: 'Sasaran Program', 'Pernyataan Kinerja': 'Meningkatnya pemenuhan upaya kesehatan', Kode: '1.02.02', Nomenklatur: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT', 'Penanggung Jawab': 'KABID-KESMAS', 'Pagu 2025': 300, 'Pagu 2026': 300, 'Pagu 2027': 300 },
      { ID: 'K1', Induk: 'P1', Level: 'Sasaran Kegiatan', 'Pernyataan Kinerja': 'Tersedianya layanan kesehatan', Kode: '1.02.02.2.02', Nomenklatur: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota', 'Penanggung Jawab': 'KASI-GIZI', 'Pagu 2025': 300, 'Pagu 2026': 300, 'Pagu 2027': 300 },
      { ID: 'S1', Induk: 'K1', Level: 'Sasaran Sub Kegiatan', 'Pernyataan Kinerja': 'Terkelolanya pelayanan kesehatan gizi masyarakat', Kode: '1.02.02.2.02.0015', Nomenklatur: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat', 'Penanggung Jawab': 'KASI-GIZI', 'Pagu 2025': 300, 'Pagu 2026': 300, 'Pagu 2027': 300 },
    ],
    indikator: [
      ind('SS1', 'Angka Harapan Hidup', 'Tahun', [71, 71.2, 71.4, 71.6]),
      ind('P1', 'Persentase fasilitas kesehatan terakreditasi', '%', [60, 70, 80, 90]),
      ind('K1', 'Persentase puskesmas dengan layanan sesuai standar', '%', [50, 60, 70, 80]),
      ind('S1', 'Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat', 'Orang', [100, 120, 140, 160]),
    ],
  };
}
