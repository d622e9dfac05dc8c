/**
 * The canonical workbook layout (SAKIP.md §4) as data. The same description drives
 * reading (`core/read`), the template (CLI, ExcelJS) and the Office.js adapter.
 */
import { JENJANG } from '../config.js';
import type { TableKey } from '../model.js';

export type ColumnKind = 'text' | 'code' | 'number' | 'money' | 'target' | 'enum' | 'year';

/** Which dropdown a column gets; resolved against the configuration by `lists.ts`. */
export type ListSource =
  | 'level' | 'polaritas' | 'akumulasi' | 'iku' | 'jenjang' | 'jabatan' | 'statusCrosscutting'
  | 'infoKey' | 'pohon' | 'jenisNomenklatur'
  /** Pengukuran tables (SAKIP.md §12, core/layout/pengukuran.ts). */
  | 'periode' | 'tingkatPembanding';

export interface ColumnSpec {
  /** Field key in the model; year columns use `pagu:2026` / `target:2026`. */
  key: string;
  header: string;
  /** Other headers accepted for this column (compared after `headerKey`). */
  synonyms?: string[];
  /** Missing → F03. Every listed column except `Status` is required (SAKIP.md §4.1). */
  required: boolean;
  kind: ColumnKind;
  list?: ListSource;
  width: number;
  /** Excel number format for the template. */
  numFmt?: string;
  /** The add-in writes it; never read as input. */
  output?: boolean;
}

export interface TableSpec {
  key: TableKey;
  sheet: string;
  table: string;
  /** Missing table → F03 (required) or nothing (optional). */
  required: boolean;
  columns: ColumnSpec[];
  /** Adapters also deliver the formula text of its cells (`TableSnapshot.formulas`; U07). */
  formulas?: boolean;
}

const TEXT = '@';
const MONEY = '#,##0';

const c = (key: string, header: string, kind: ColumnKind, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key, header, kind, width, required: true, ...(kind === 'text' || kind === 'code' ? { numFmt: TEXT } : {}), ...extra,
});

/** Normalises a header for matching: case, spaces and punctuation ignored. */
export function headerKey(h: unknown): string {
  return String(h ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function infoColumns(): ColumnSpec[] {
  return [c('kunci', 'Kunci', 'text', 22, { synonyms: ['Key', 'Parameter', 'Uraian'] }), c('nilai', 'Nilai', 'text', 48, { synonyms: ['Value', 'Isi'] })];
}

export function jabatanColumns(): ColumnSpec[] {
  return [
    c('id', 'ID Jabatan', 'text', 16, { synonyms: ['Kode Jabatan'] }),
    c('nama', 'Nama Jabatan', 'text', 40, { synonyms: ['Jabatan'] }),
    c('jenjang', 'Jenjang', 'enum', 16, { list: 'jenjang', synonyms: ['Jenjang Jabatan', 'Eselon'] }),
    c('atasan', 'ID Atasan', 'text', 14, { synonyms: ['Atasan', 'Kode Atasan'] }),
    c('nip', 'NIP', 'text', 22),
    c('namaPejabat', 'Nama Pejabat', 'text', 30, { synonyms: ['Nama', 'Pejabat'] }),
    c('unitKerja', 'Unit Kerja', 'text', 30),
  ];
}

export function pohonColumns(years: number[]): ColumnSpec[] {
  return [
    c('id', 'ID', 'text', 10, { synonyms: ['ID Node', 'Kode Node'] }),
    c('induk', 'Induk', 'text', 10, { synonyms: ['ID Induk', 'Parent', 'Induk ID'] }),
    c('level', 'Level', 'enum', 20, { list: 'level', synonyms: ['Tingkat', 'Level Pohon'] }),
    c('pernyataan', 'Pernyataan Kinerja', 'text', 50, { synonyms: ['Pernyataan', 'Sasaran', 'Kondisi'] }),
    c('kode', 'Kode', 'code', 20, { synonyms: ['Kode Nomenklatur', 'Kode Rekening'] }),
    c('nomenklatur', 'Nomenklatur', 'text', 40, { synonyms: ['Nama Program/Kegiatan/Sub Kegiatan', 'Uraian'] }),
    c('penanggungJawab', 'Penanggung Jawab', 'enum', 16, { list: 'jabatan', numFmt: TEXT, synonyms: ['PJ', 'Pemilik', 'ID Jabatan'] }),
    c('refPemda', 'Ref Pemda', 'text', 16, { synonyms: ['Referensi Pemda', 'Sasaran Pemda'] }),
    ...years.map((y) => c(`pagu:${y}`, `Pagu ${y}`, 'money', 17, { numFmt: MONEY, synonyms: [`Anggaran ${y}`, `Rp ${y}`] })),
    c('catatan', 'Catatan', 'text', 30, { synonyms: ['Keterangan'] }),
    c('status', 'Status', 'text', 24, { required: false, output: true }),
  ];
}

/**
 * Optional `Pagu DPA <year>` columns of `PohonKinerja` (SAKIP.md §8): the budget of the
 * approved DPA (or DPPA after a change), which a PK follows. Read when present, never
 * required, and not in the template: a planner adds them once the DPA is approved.
 */
export function paguDpaColumns(years: number[]): ColumnSpec[] {
  return years.map((y) => c(`paguDpa:${y}`, `Pagu DPA ${y}`, 'money', 17, { numFmt: MONEY, required: false, synonyms: [`Pagu DPPA ${y}`, `Anggaran DPA ${y}`] }));
}

export function indikatorColumns(years: number[]): ColumnSpec[] {
  return [
    c('nodeId', 'ID Node', 'text', 10, { synonyms: ['ID', 'ID Box', 'ID Pohon'] }),
    c('nama', 'Indikator', 'text', 45, { synonyms: ['Indikator Kinerja', 'Nama Indikator'] }),
    c('satuan', 'Satuan', 'text', 12),
    c('polaritas', 'Polaritas', 'enum', 11, { list: 'polaritas' }),
    c('akumulasi', 'Akumulasi', 'enum', 12, { list: 'akumulasi' }),
    c('iku', 'IKU', 'enum', 7, { list: 'iku' }),
    c('definisi', 'Definisi Operasional', 'text', 35),
    c('formula', 'Formula', 'text', 25, { synonyms: ['Rumus', 'Formulasi'] }),
    c('sumberData', 'Sumber Data', 'text', 22),
    c('kondisiAwal', 'Kondisi Awal', 'target', 12, { synonyms: ['Baseline'] }),
    ...years.map((y) => c(`target:${y}`, `Target ${y}`, 'target', 11)),
    c('kondisiAkhir', 'Kondisi Akhir', 'target', 12),
    c('status', 'Status', 'text', 24, { required: false, output: true }),
  ];
}

export function crosscuttingColumns(): ColumnSpec[] {
  return [
    c('nodeId', 'ID Node', 'text', 10),
    c('opdTujuan', 'OPD Tujuan', 'text', 24, { synonyms: ['Kode OPD Tujuan', 'OPD Mitra'] }),
    c('nodeTujuan', 'ID Node Tujuan', 'text', 14),
    c('namaMitra', 'Nama Mitra', 'text', 28),
    c('kontribusi', 'Kontribusi', 'text', 35),
    c('keterangan', 'Keterangan', 'text', 25),
    c('status', 'Status', 'enum', 12, { list: 'statusCrosscutting', required: false }),
    c('alasanTolak', 'Alasan Tolak', 'text', 25, { required: false }),
  ];
}

export function konfigurasiLevelColumns(): ColumnSpec[] {
  return [
    c('urutan', 'Urutan', 'number', 8),
    c('level', 'Level', 'text', 22),
    c('pohon', 'Pohon', 'enum', 8, { list: 'pohon' }),
    c('jenisHasil', 'Jenis Hasil', 'text', 24),
    c('jenjang', 'Jenjang', 'text', 28),
    c('jenisNomenklatur', 'Jenis Nomenklatur', 'enum', 16, { list: 'jenisNomenklatur' }),
    c('induk', 'Induk', 'text', 28),
    c('opsional', 'Opsional', 'enum', 9, { list: 'iku' }),
  ];
}

export function nomenklaturColumns(): ColumnSpec[] {
  return [
    c('kode', 'Kode', 'code', 20),
    c('nama', 'Nomenklatur', 'text', 50),
    c('kinerja', 'Kinerja', 'text', 40, { required: false }),
    c('indikator', 'Indikator', 'text', 40, { required: false }),
    c('satuan', 'Satuan', 'text', 12, { required: false }),
  ];
}

/** Every canonical table for a period; `years` = Tahun Awal … Tahun Akhir. */
export function canonicalTables(years: number[]): TableSpec[] {
  return [
    { key: 'info', sheet: 'Info', table: 'Info', required: true, columns: infoColumns() },
    { key: 'jabatan', sheet: 'Jabatan', table: 'Jabatan', required: true, columns: jabatanColumns() },
    { key: 'pohon', sheet: 'Pohon Kinerja', table: 'PohonKinerja', required: true, columns: pohonColumns(years) },
    { key: 'indikator', sheet: 'Indikator', table: 'Indikator', required: true, columns: indikatorColumns(years) },
    { key: 'crosscutting', sheet: 'Crosscutting', table: 'Crosscutting', required: false, columns: crosscuttingColumns() },
    { key: 'konfigurasiLevel', sheet: 'Konfigurasi Level', table: 'KonfigurasiLevel', required: false, columns: konfigurasiLevelColumns() },
    { key: 'nomenklatur', sheet: 'Nomenklatur', table: 'Nomenklatur', required: false, columns: nomenklaturColumns() },
  ];
}

/** Static lists (dropdowns and enum checks). */
export const POLARITAS = ['Positif', 'Negatif', 'Rentang'] as const;
export const AKUMULASI = ['Kumulatif', 'Nilai Akhir', 'Rata-rata'] as const;
export const YA_TIDAK = ['Ya', 'Tidak'] as const;
export const STATUS_CROSSCUTTING = ['Menunggu', 'Disetujui', 'Ditolak'] as const;
export const JENIS_PEMDA = ['Provinsi', 'Kabupaten', 'Kota'] as const;
export const JENIS_PERIODE = ['RPJMD', 'RPD', 'Renstra'] as const;
export const LEMBAGA_LAIN = 'Lembaga Lain';
export const TANPA_INDUK_PEMDA = 'Tanpa Induk Pemda';
export { JENJANG };

/** Info keys in template order, with their dropdowns where the value is enumerated. */
export const INFO_KEYS: { key: string; list?: readonly string[]; required: boolean }[] = [
  { key: 'Pemda', required: true },
  { key: 'Kode Pemda', required: true },
  { key: 'Jenis Pemda', list: JENIS_PEMDA, required: true },
  { key: 'Kode OPD', required: true },
  { key: 'Nama OPD', required: true },
  { key: 'Jenis Periode', list: JENIS_PERIODE, required: true },
  { key: 'Tahun Awal', required: true },
  { key: 'Tahun Akhir', required: true },
  { key: 'Versi Nomenklatur', required: true },
];

/** Info key kept by `pokin pull` / push and the add-in: the server version the workbook is based on. */
export const INFO_VERSI_SERVER = 'Versi Server';

/** Matches a header cell against a column spec (exact key or a synonym). */
export function matchesColumn(spec: ColumnSpec, header: string): boolean {
  const k = headerKey(header);
  if (k === headerKey(spec.header)) return true;
  return (spec.synonyms ?? []).some((s) => headerKey(s) === k);
}

/** Year columns in a header: `Pagu 2026`, `Target 2027` (any case/spacing). */
export function yearsInHeader(header: unknown[], prefix: 'pagu' | 'target'): number[] {
  const out: number[] = [];
  for (const h of header) {
    const m = new RegExp(`^${prefix}(\\d{4})$`).exec(headerKey(h));
    if (m) out.push(Number(m[1]));
  }
  return out;
}
