/**
 * The consolidated workbook written into the CURRENT workbook through the port (SAKIP.md §4.4):
 * `Rekap OPD`, `Matriks Crosscutting`, the five tables with a leading `Kode OPD` as Excel
 * tables, and the cross-OPD `Validasi`. The table sheets carry a `Konsolidasi ` prefix (and
 * Validasi a suffix) so a workbook that holds its own Pokin tables (Bappeda's pemda tree) keeps
 * them; the .xlsx download (xlsx/consolidated.ts) uses the plain names.
 * Also the read-only view of one OPD's tree (`Tinjau <kode OPD>`).
 */
import { consolidatedSmallSheets } from '../../core/derive/consolidate/sheets.js';
import { consolidatedSheet, KODE_OPD_HEADER } from '../../core/derive/consolidate/tables.js';
import { SheetBuilder, sheetName, STYLES, type SheetSpec } from '../../core/derive/spec.js';
import { canonicalTables, headerKey } from '../../core/layout/tables.js';
import { findTable } from '../../core/read/index.js';
import { readInfo } from '../../core/read/info.js';
import type { CellValue } from '../../core/snapshot.js';
import { CONSOLIDATED_TABLES, type ConsolidatedAnswer, type ConsolidatedTableKey, type TreeAnswer } from '../../core/wire/index.js';
import { writeAll, type DataTable, type WorkbookPort, type WriteOp } from '../port.js';
import { waktuText } from '../../core/waktu.js';

const TABLE_NAMES: Record<ConsolidatedTableKey, string> = {
  info: 'InfoKonsolidasi', jabatan: 'JabatanKonsolidasi', pohon: 'PohonKinerjaKonsolidasi', indikator: 'IndikatorKonsolidasi', crosscutting: 'CrosscuttingKonsolidasi',
};
export const VALIDASI_IN_WORKBOOK = 'Validasi Konsolidasi';

export function tableSheetInWorkbook(key: ConsolidatedTableKey): string {
  return sheetName(`Konsolidasi ${consolidatedSheet(key)}`);
}

/** The five consolidated tables as data tables (Kode OPD and the canonical text columns as text). */
export function consolidatedDataTables(a: ConsolidatedAnswer): DataTable[] {
  const specs = canonicalTables(a.years);
  return CONSOLIDATED_TABLES.map((key) => {
    const header = a.headers[key];
    const spec = specs.find((s) => s.key === key);
    const cols = header.map((h) => spec?.columns.find((c) => headerKey(c.header) === headerKey(h)));
    const rows: CellValue[][] = [];
    for (const s of a.sections) for (const r of s.tables[key].rows) rows.push([s.opd, ...header.slice(1).map((_, i) => r[i] ?? null)]);
    return {
      sheet: tableSheetInWorkbook(key), table: TABLE_NAMES[key], header, rows,
      textColumns: header.flatMap((h, i) => (h === KODE_OPD_HEADER || cols[i]?.numFmt === '@' ? [i] : [])),
      widths: header.map((h, i) => (h === KODE_OPD_HEADER ? 24 : cols[i]?.width ?? Math.max(10, h.length + 2))),
    };
  });
}

/** Rekap OPD, Matriks Crosscutting, Validasi (renamed so an OPD's own Validasi sheet stays). */
export function consolidatedSpecs(a: ConsolidatedAnswer, lang: 'id' | 'en'): SheetSpec[] {
  const [rekap, matriks, validasi] = consolidatedSmallSheets(a, lang, { utcOffsetMinutes: -new Date().getTimezoneOffset() });
  return [rekap, matriks, { ...validasi, name: VALIDASI_IN_WORKBOOK }];
}

export interface WriteReport {
  sheets: string[];
  rows: number;
}

/**
 * Writes everything as ONE user action (one Excel.run where the port can: one undo step);
 * `onProgress` gets the fraction written (by rows; a small sheet counts as its cells' rows).
 */
export async function writeConsolidated(port: WorkbookPort, a: ConsolidatedAnswer, lang: 'id' | 'en', onProgress?: (f: number) => void): Promise<WriteReport> {
  const specs = consolidatedSpecs(a, lang);
  const tables = consolidatedDataTables(a);
  const specRows = (s: SheetSpec) => s.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const [rekap, matriks, validasi] = specs;
  const ops: WriteOp[] = [
    { kind: 'sheet', spec: rekap }, { kind: 'sheet', spec: matriks },
    ...tables.map((table): WriteOp => ({ kind: 'table', table })), { kind: 'sheet', spec: validasi },
  ];
  const weights = [specRows(rekap), specRows(matriks), ...tables.map((t) => t.rows.length), specRows(validasi)];
  const total = Math.max(1, weights.reduce((n, w) => n + w, 0));
  await writeAll(port, ops, (done) => onProgress?.(Math.min(1, weights.slice(0, done).reduce((n, w) => n + w, 0) / total)));
  return { sheets: [rekap.name, matriks.name, ...tables.map((t) => t.sheet), validasi.name], rows: tables.reduce((n, t) => n + t.rows.length, 0) };
}

export function tinjauSheetName(opd: string): string {
  return sheetName(`Tinjau ${opd}`);
}

/**
 * One OPD's tree as the server holds it, read-only: a note row, then each canonical table
 * (title, header, rows) one under another. Strings are styled text (`@`), so codes and NIP
 * stay text; the port writes text that starts like a formula as text.
 */
export function tinjauSheet(t: TreeAnswer, lang: 'id' | 'en' = 'id'): SheetSpec {
  const tables = canonicalTables([]);
  const rank = (sheet: string) => { const i = tables.findIndex((s) => s.sheet === sheet); return i < 0 ? 99 : i; };
  const ordered = [...t.tree.tables].sort((a, b) => rank(a.sheet) - rank(b.sheet));
  const width = Math.max(1, ...ordered.map((x) => x.header.length));
  const b = new SheetBuilder(tinjauSheetName(t.opd), Array.from({ length: width }, (_, i) => (i < 3 ? 16 : 22)), {
    paper: 'A4', orientation: 'landscape', fitToWidth: true,
  });
  b.spec.styles = { ...STYLES, teks: { ...STYLES.text, numFmt: '@' } };
  const m = t.meta;
  // The OPD by its name (from the tree's Info) beside its code, the time as people read it.
  const nama = readInfo(findTable(t.tree, canonicalTables([]).find((s) => s.key === 'info')!), []).config.namaOpd.trim();
  const who = nama ? `${nama} (${t.opd})` : t.opd;
  const when = waktuText(m.at, lang);
  b.set(1, 1, lang === 'en'
    ? `Read only: tree of ${who} version ${m.version} (${m.status}), pushed ${when} by ${m.author}. A copy from the server; edits here are not sent.`
    : `Hanya baca: pohon ${who} versi ${m.version} (${m.status}), dikirim ${when} oleh ${m.author}. Salinan dari server; suntingan di sini tidak dikirim.`, 'bold');
  let row = 3;
  for (const table of ordered) {
    b.set(row++, 1, table.sheet, 'bold');
    table.header.forEach((h, i) => b.set(row, i + 1, h === null ? '' : String(h), 'header'));
    row++;
    for (const r of table.rows) {
      r.forEach((v, i) => { if (v !== null && v !== '') b.set(row, i + 1, typeof v === 'boolean' ? String(v) : v, typeof v === 'number' ? 'number' : 'teks'); });
      row++;
    }
    row++;
  }
  return b.spec;
}
