/**
 * The small sheets of the consolidated workbook as sheet specifications (SAKIP.md §4.4):
 * `Rekap OPD`, `Matriks Crosscutting` (OPD × OPD, `Disetujui/Menunggu/Ditolak`) and
 * `Validasi` with a leading `Kode OPD`. The big tables (Pohon Kinerja, Indikator, …) are
 * data (`ConsolidatedAnswer.sections`) that adapters write as Excel tables: as cell
 * specifications 70,000 indicator rows would cost hundreds of MB.
 */
import { sheetRef } from '../../a1.js';
import { sortIssues, type Issue } from '../../issues.js';
import type { ConsolidatedAnswer, ConsolidatedIssue } from '../../wire/consolidated.js';
import { SheetBuilder, STYLES, type SheetSpec } from '../spec.js';
import { fixText } from '../validasi.js';
import { MATRIKS_CROSSCUTTING_SHEET, REKAP_SHEET } from './model.js';

export const REKAP_HEADERS = [
  'Kode OPD', 'Nama OPD', 'Jumlah Tujuan', 'Jumlah Sasaran', 'Jumlah Program', 'Jumlah Kegiatan', 'Jumlah Sub Kegiatan',
  'Jumlah Indikator', 'Error', 'Peringatan', 'Status Reviu', 'Versi', 'Terakhir Dikirim',
] as const;

/** `Rekap OPD`'s capaian columns, when the consolidation has a year (`?tahun=Y`). */
export const REKAP_CAPAIAN_HEADERS = [
  'Tahun Pengukuran', 'Versi Realisasi', 'Triwulan Terakhir', 'Indikator PK', 'Indikator Terukur', 'Capaian Rata-rata (%)', 'Kategori Capaian',
  'Serapan Anggaran (%)', 'Versi LKE', 'Nilai LKE', 'Predikat LKE',
] as const;

export const VALIDASI_KONSOLIDASI_SHEET = 'Validasi';

const LANDSCAPE = { paper: 'A4' as const, orientation: 'landscape' as const, fitToWidth: true, titleRows: [1, 1] as [number, number] };

/** How the consolidated sheets show times: the reader's UTC offset (the pane's or the CLI machine's). */
export interface TimeOptions {
  /** Minutes east of UTC, e.g. 420 for WIB; default 0. */
  utcOffsetMinutes?: number;
}

/**
 * An ISO time as an Excel date serial in the reader's time zone, so `Terakhir Dikirim` shows
 * `22/11/2026 23:05` and sorts as a date (not `2026-11-22T16:05:12.345Z` as text).
 */
export function excelDate(iso: string, utcOffsetMinutes = 0): number | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return (ms + utcOffsetMinutes * 60_000) / 86_400_000 + 25569;
}

const STATUS_TEXT: Record<string, string> = {
  diajukan: 'Diajukan', diterima: 'Diterima', dikembalikan: 'Dikembalikan', 'belum dikirim': 'Belum dikirim', 'belum diterima': 'Belum diterima',
};

export function rekapSheet(a: Pick<ConsolidatedAnswer, 'rekap'> & { tahun?: number }, time: TimeOptions = {}): SheetSpec {
  const s = new SheetBuilder(REKAP_SHEET, [24, 40, 9, 9, 9, 9, 11, 10, 8, 11, 14, 7, 17, ...(a.tahun ? [10, 9, 9, 9, 9, 11, 12, 11, 8, 8, 9] : [])], LANDSCAPE);
  s.spec.styles = {
    ...STYLES, waktu: { border: true, vertical: 'top', horizontal: 'center', numFmt: 'dd/mm/yyyy hh:mm' },
    persen: { border: true, vertical: 'top', horizontal: 'right', numFmt: '0.00' },
  };
  s.spec.freezeRows = 1;
  REKAP_HEADERS.forEach((h, i) => s.set(1, i + 1, h, 'header'));
  if (a.tahun) REKAP_CAPAIAN_HEADERS.forEach((h, i) => s.set(1, REKAP_HEADERS.length + 1 + i, h, 'header'));
  a.rekap.forEach((r, k) => {
    const row = k + 2;
    const values = [r.opd, r.namaOpd, r.tujuan, r.sasaran, r.program, r.kegiatan, r.subKegiatan, r.indikator, r.errors, r.warnings, STATUS_TEXT[r.statusReviu] ?? r.statusReviu, r.version];
    values.forEach((v, i) => s.set(row, i + 1, v, typeof v === 'number' ? 'number' : i >= 10 ? 'center' : 'text'));
    s.set(row, 13, r.lastPush ? excelDate(r.lastPush, time.utcOffsetMinutes) : null, 'waktu');
    if (a.tahun) {
      const c = r.capaian;
      const cells: [string | number | null, string][] = [
        [a.tahun, 'center'], [c?.realisasiVersion ?? null, 'number'], [c?.tw ? `TW${c.tw}` : null, 'center'], [c?.jumlahIndikator ?? null, 'number'],
        [c?.dihitung ?? null, 'number'], [c?.capaian ?? null, 'persen'], [c?.kategori ?? null, 'center'], [c?.serapan ?? null, 'persen'],
        [c?.lkeVersion ?? null, 'number'], [c?.lkeNilai ?? null, 'persen'], [c?.predikat ?? null, 'center'],
      ];
      cells.forEach(([v, style], i) => s.set(row, REKAP_HEADERS.length + 1 + i, v, style));
    }
  });
  return s.spec;
}

/** `D/M/T` of a pair, or null when the pair has no link. */
export function matriksText(c: { disetujui: number; menunggu: number; ditolak: number } | undefined): string | null {
  return c ? `${c.disetujui}/${c.menunggu}/${c.ditolak}` : null;
}

export function matriksCrosscuttingSheet(a: Pick<ConsolidatedAnswer, 'matriks' | 'rekap'>, lang: 'id' | 'en' = 'id'): SheetSpec {
  const axis = a.matriks.opd;
  const s = new SheetBuilder(MATRIKS_CROSSCUTTING_SHEET, [24, 30, ...axis.map(() => 12)], LANDSCAPE);
  s.spec.freezeRows = 1;
  const names = new Map(a.rekap.map((r) => [r.opd, r.namaOpd]));
  s.set(1, 1, lang === 'en' ? 'Source OPD \\ Target OPD' : 'OPD Sumber \\ OPD Tujuan', 'header');
  s.set(1, 2, 'Nama OPD', 'header');
  axis.forEach((o, j) => s.set(1, j + 3, o, 'header'));
  const cells = new Map(a.matriks.cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  axis.forEach((from, i) => {
    const row = i + 2;
    s.set(row, 1, from, 'text');
    s.set(row, 2, names.get(from) ?? null, 'text');
    axis.forEach((to, j) => s.set(row, j + 3, matriksText(cells.get(`${from}\u0000${to}`)), 'center'));
  });
  s.set(axis.length + 3, 1, lang === 'en'
    ? 'Each cell: approved/waiting/rejected links from the row OPD to the column OPD (Disetujui/Menunggu/Ditolak).'
    : 'Isi sel: jumlah tautan Disetujui/Menunggu/Ditolak dari OPD baris ke OPD kolom.', 'plain');
  return s.spec;
}

/**
 * The cross-OPD issues with a leading `Kode OPD` and the OPD's name beside it (from the
 * trees' Info, as in Rekap OPD), and the rule catalogue's how-to-fix text at the end.
 */
export function validasiKonsolidasiSheet(issues: readonly ConsolidatedIssue[], lang: 'id' | 'en' = 'id', names: ReadonlyMap<string, string> = new Map()): SheetSpec {
  const s = new SheetBuilder(VALIDASI_KONSOLIDASI_SHEET, [24, 30, 8, 8, 26, 16, 70, 60], LANDSCAPE);
  s.spec.freezeRows = 1;
  ['Kode OPD', 'Nama OPD', 'Aturan', 'Tingkat', 'Lokasi', 'ID', 'Pesan', 'Cara Memperbaiki'].forEach((h, i) => s.set(1, i + 1, h, 'header'));
  (sortIssues([...issues] as Issue[]) as ConsolidatedIssue[]).forEach((i, k) => {
    const r = k + 2;
    const where = sheetRef(i.sheet, i.cell);
    s.set(r, 1, i.opd, 'text');
    s.set(r, 2, names.get(i.opd) || null, 'text');
    s.set(r, 3, i.rule, 'center');
    s.set(r, 4, i.severity, 'center');
    s.set(r, 5, where, 'link', where);
    s.set(r, 6, i.id ?? null, 'text');
    s.set(r, 7, lang === 'en' ? i.messageEn : i.message, 'text');
    s.set(r, 8, fixText(i.rule, lang), 'text');
  });
  return s.spec;
}

export function consolidatedSmallSheets(a: ConsolidatedAnswer, lang: 'id' | 'en' = 'id', time: TimeOptions = {}): SheetSpec[] {
  const names = new Map(a.rekap.filter((r) => r.namaOpd).map((r) => [r.opd, r.namaOpd as string]));
  return [rekapSheet(a, time), matriksCrosscuttingSheet(a, lang), validasiKonsolidasiSheet(a.issues, lang, names)];
}
