/** The pohon kinerja model: what `core/read` builds and `core/rules` judge. */
import type { Jenjang, LevelConfig, PokinConfig } from './config.js';
import type { Pengukuran } from './pengukuran/model.js';

/** Where a row came from: its table's sheet and column letters, and its sheet row. */
export interface TableLoc {
  sheet: string;
  /** field key → column letters, for the columns that were found. */
  cols: Record<string, string>;
  /** Column letters of the table's first column (fallback location). */
  firstCol: string;
  /** Sheet row of the header. */
  headerRow: number;
}

export interface RowLoc {
  table: TableLoc;
  /** 1-based sheet row. */
  row: number;
}

/** A1 address of a field in a row; falls back to the table's first column. */
export function cellOf(loc: RowLoc, field: string): string {
  return (loc.table.cols[field] ?? loc.table.firstCol) + loc.row;
}

/** A target or baseline value (SAKIP.md §4.2 `Target <year>`). */
export type Target =
  | { kind: 'number'; value: number }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'text'; text: string }
  /** `-`: deliberately no target that year. */
  | { kind: 'none' };

export interface Indikator {
  nodeId: string;
  nama: string;
  satuan: string;
  polaritas: string;
  akumulasi: string;
  /** `Ya` → true, `Tidak` → false, empty → null; anything else kept in `ikuRaw`. */
  iku: boolean | null;
  ikuRaw: string;
  definisi: string;
  formula: string;
  sumberData: string;
  /** null = blank or `n/a`. */
  kondisiAwal: Target | null;
  /** Targets in the order of `config.years` (index k ↔ years[k]); null = missing. */
  targets: (Target | null)[];
  kondisiAkhir: Target | null;
  /** A second unit glued to a target that differs from `Satuan` (K04). */
  unitConflicts: { year: number | 'awal' | 'akhir'; unit: string }[];
  box?: Box;
  loc: RowLoc;
}

export interface Box {
  id: string;
  induk: string;
  /** The `Level` text as typed (after trimming). */
  levelName: string;
  /** Resolved level; undefined when the Level is empty or unknown (F01). */
  level?: LevelConfig;
  pernyataan: string;
  kode: string;
  nomenklatur: string;
  penanggungJawab: string;
  refPemda: string;
  /**
   * Pagu in whole rupiah in the order of `config.years` (index k ↔ years[k]); null = blank.
   * Arrays, not year-keyed objects: integer keys like 2026 push V8 into slow dictionaries.
   */
  pagu: (number | null)[];
  /** Text that could not be read as an amount (B02), by year index; null = none. */
  paguRaw: (string | null)[];
  /**
   * `Pagu DPA <year>` (optional columns, SAKIP.md §8): the approved budget the PK is signed
   * with, by year index; null = blank or no such column (`TableLoc.cols['paguDpa:<year>']`
   * says whether the column exists).
   */
  paguDpa: (number | null)[];
  paguDpaRaw: (string | null)[];
  catatan: string;
  indicators: Indikator[];
  parent?: Box;
  children: Box[];
  /** Position in row order (0-based), for T10 and tree order. */
  index: number;
  loc: RowLoc;
}

export interface Jabatan {
  id: string;
  nama: string;
  jenjangRaw: string;
  jenjang: Jenjang | null;
  atasan: string;
  nip: string;
  namaPejabat: string;
  unitKerja: string;
  loc: RowLoc;
}

export interface CrosscuttingLink {
  nodeId: string;
  opdTujuan: string;
  nodeTujuan: string;
  namaMitra: string;
  kontribusi: string;
  keterangan: string;
  status: string;
  alasanTolak: string;
  loc: RowLoc;
}

/** A row of the workbook's own `Nomenklatur` table (takes precedence over the shipped list). */
export interface NomenklaturRow {
  kode: string;
  nama: string;
  kinerja: string;
  indikator: string;
  satuan: string;
  loc: RowLoc;
}

export interface PohonKinerja {
  config: PokinConfig;
  /** Boxes in row order. The first box with a given ID wins `byId` (T01 reports the rest). */
  boxes: Box[];
  byId: Map<string, Box>;
  indikator: Indikator[];
  jabatan: Jabatan[];
  jabatanById: Map<string, Jabatan>;
  crosscutting: CrosscuttingLink[];
  nomenklatur: NomenklaturRow[];
  /** Where each table was found (sheet, header row, columns); absent when the table is missing. */
  tables: Partial<Record<TableKey, TableLoc>>;
  /** Rencana Aksi, Realisasi and Pembanding rows (SAKIP.md §12); absent when none of those tables exists. */
  pengukuran?: Pengukuran;
}

export type TableKey = 'info' | 'jabatan' | 'pohon' | 'indikator' | 'crosscutting' | 'konfigurasiLevel' | 'nomenklatur'
  | 'rencanaAksi' | 'realisasi' | 'pembanding'
  /** The LKE self-assessment (SAKIP.md §13; core/layout/lke.ts). */
  | 'lke' | 'kriteriaLke';
