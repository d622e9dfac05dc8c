/**
 * The pengukuran tables of the canonical workbook (SAKIP.md §12) as data, like the tree tables
 * in `tables.ts`: `RencanaAksi` (sheet `Rencana Aksi`), `Realisasi` and the optional
 * `Pembanding`. They are kept apart from `canonicalTables` because they are a separate
 * document: a tree push never carries them, and a fresh Renstra template does not hold them
 * (`pokin template --tambah pengukuran` adds them). Readers that see the whole workbook use
 * `workbookTables`.
 */
import { TINGKAT_PEMBANDING, TRIWULAN } from '../pengukuran/model.js';
import type { WorkbookSnapshot } from '../snapshot.js';
import { canonicalTables, headerKey, type ColumnKind, type ColumnSpec, type TableSpec } from './tables.js';

const TEXT = '@';
const MONEY = '#,##0';

const c = (key: string, header: string, kind: ColumnKind, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key, header, kind, width, required: true, ...(kind === 'text' || kind === 'code' ? { numFmt: TEXT } : {}), ...extra,
});

/** Shown beside the indicator for reference, written by Pokin, never read (SAKIP.md §12). */
const shown = (key: string, header: string, width: number, kind: ColumnKind = 'text'): ColumnSpec =>
  c(key, header, kind, width, { required: false, output: true });

/** `TW1` … `TW4`: the values of `Periode`. */
export const PERIODE = TRIWULAN.map((n) => `TW${n}`);
export { TINGKAT_PEMBANDING };

const ROMAN = ['I', 'II', 'III', 'IV'];
const tahun = () => c('tahun', 'Tahun', 'year', 7, { numFmt: '0', synonyms: ['Tahun Anggaran', 'Tahun Kinerja'] });
const nodeId = () => c('nodeId', 'ID Node', 'text', 10, { synonyms: ['ID', 'ID Box', 'ID Pohon'] });
const indikator = () => c('nama', 'Indikator', 'text', 40, { synonyms: ['Indikator Kinerja', 'Nama Indikator'] });

export function rencanaAksiColumns(): ColumnSpec[] {
  return [
    tahun(),
    nodeId(),
    indikator(),
    shown('satuan', 'Satuan', 10),
    shown('akumulasi', 'Akumulasi', 12),
    shown('targetTahun', 'Target Tahun', 11, 'target'),
    c('idJabatan', 'ID Jabatan', 'enum', 16, { list: 'jabatan', numFmt: TEXT, synonyms: ['Penanggung Jawab', 'PJ', 'Pelaksana'] }),
    c('no', 'No', 'text', 5, { synonyms: ['No Aksi', 'Nomor'] }),
    c('rencanaAksi', 'Rencana Aksi', 'text', 45, { synonyms: ['Aksi', 'Uraian Rencana Aksi'] }),
    c('kodeSubKegiatan', 'Kode Sub Kegiatan', 'code', 20, { synonyms: ['Kode Subkegiatan', 'Sub Kegiatan'] }),
    ...TRIWULAN.map((n) => c(`targetTw${n}`, `Target TW${n}`, 'target', 9, {
      synonyms: [`Target TW ${ROMAN[n - 1]}`, `Target Triwulan ${ROMAN[n - 1]}`, `Target Triwulan ${n}`, `TW ${ROMAN[n - 1]}`],
    })),
    ...TRIWULAN.map((n) => c(`anggaranTw${n}`, `Anggaran TW${n}`, 'money', 15, {
      numFmt: MONEY, synonyms: [`Anggaran TW ${ROMAN[n - 1]}`, `Anggaran Triwulan ${ROMAN[n - 1]}`, `Anggaran Triwulan ${n}`, `Rp TW${n}`],
    })),
    c('outputAksi', 'Output Aksi', 'text', 30, { synonyms: ['Output', 'Keluaran Aksi'] }),
    c('catatan', 'Catatan', 'text', 25, { synonyms: ['Keterangan'] }),
  ];
}

export function realisasiColumns(): ColumnSpec[] {
  return [
    tahun(),
    c('periode', 'Periode', 'enum', 9, { list: 'periode', synonyms: ['Triwulan', 'TW'] }),
    nodeId(),
    indikator(),
    c('realisasi', 'Realisasi', 'target', 12, { synonyms: ['Realisasi Kinerja', 'Realisasi Fisik'] }),
    c('realisasiAnggaran', 'Realisasi Anggaran', 'money', 17, { numFmt: MONEY, synonyms: ['Realisasi Keuangan', 'Realisasi Anggaran (Rp)'] }),
    c('bukti', 'Bukti', 'text', 25, { synonyms: ['Bukti Dukung', 'Data Dukung', 'Tautan Bukti'] }),
    c('penjelasan', 'Penjelasan', 'text', 35, { synonyms: ['Analisis', 'Keterangan'] }),
    c('faktorPendukung', 'Faktor Pendukung', 'text', 28, { synonyms: ['Faktor Pendorong'] }),
    c('faktorPenghambat', 'Faktor Penghambat', 'text', 28),
    c('solusi', 'Solusi', 'text', 28, { synonyms: ['Tindak Lanjut', 'Upaya'] }),
    // The Ya/Tidak list of IKU serves Diverifikasi too.
    c('diverifikasi', 'Diverifikasi', 'enum', 11, { list: 'iku', synonyms: ['Verifikasi', 'Terverifikasi'] }),
  ];
}

export function pembandingColumns(): ColumnSpec[] {
  return [
    tahun(),
    nodeId(),
    indikator(),
    c('nilai', 'Nilai Pembanding', 'target', 14, { synonyms: ['Pembanding', 'Nilai'] }),
    c('tingkat', 'Tingkat', 'enum', 16, { list: 'tingkatPembanding', synonyms: ['Tingkat Pembanding', 'Level Pembanding'] }),
    c('sumber', 'Sumber', 'text', 30, { synonyms: ['Sumber Data'] }),
  ];
}

/** The three tables; only Pembanding is optional (SAKIP.md §12). */
export function pengukuranTables(): TableSpec[] {
  return [
    { key: 'rencanaAksi', sheet: 'Rencana Aksi', table: 'RencanaAksi', required: false, columns: rencanaAksiColumns() },
    { key: 'realisasi', sheet: 'Realisasi', table: 'Realisasi', required: false, columns: realisasiColumns(), formulas: true },
    { key: 'pembanding', sheet: 'Pembanding', table: 'Pembanding', required: false, columns: pembandingColumns() },
  ];
}

/** Every table a canonical workbook may hold: the tree tables, then the pengukuran tables. */
export function workbookTables(years: number[]): TableSpec[] {
  return [...canonicalTables(years), ...pengukuranTables()];
}

const PENGUKURAN_NAMES = new Set(pengukuranTables().map((t) => headerKey(t.table)));

/** True for a snapshot table that belongs to pengukuran, not to the tree. */
export function isPengukuranTable(name: string | undefined): boolean {
  return name !== undefined && PENGUKURAN_NAMES.has(headerKey(name));
}

/** The tree document alone: what a tree push carries (realisasi is its own document, §12). */
export function treeSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  if (!snapshot.tables.some((t) => isPengukuranTable(t.name))) return snapshot;
  return { tables: snapshot.tables.filter((t) => !isPengukuranTable(t.name)) };
}

/**
 * The pengukuran tables alone: the realisasi document of an OPD (SAKIP.md §12), optionally
 * for one year (rows whose `Tahun` is another year are left out). Formula texts are dropped:
 * a document that crosses to the server carries values only.
 */
export function pengukuranSnapshot(snapshot: WorkbookSnapshot, tahun?: number): WorkbookSnapshot {
  const tables = snapshot.tables.filter((t) => isPengukuranTable(t.name)).map((t) => {
    const { formulas: _formulas, ...rest } = t;
    if (tahun === undefined) return rest;
    const col = t.header.findIndex((h) => headerKey(h) === 'tahun');
    if (col < 0) return rest;
    const keep = t.rows.map((r) => { const v = r[col]; return v === tahun || (typeof v === 'string' && Number(v.trim()) === tahun); });
    return {
      ...rest,
      rows: t.rows.filter((_, i) => keep[i]),
      ...(t.numberFormats && t.numberFormats.length === t.rows.length ? { numberFormats: t.numberFormats.filter((_, i) => keep[i]) } : {}),
    };
  });
  return { tables };
}
