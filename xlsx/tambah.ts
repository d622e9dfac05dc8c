/**
 * `pokin template FILE.xlsx --tambah pengukuran --tahun Y`: adds the pengukuran tables
 * (SAKIP.md §12) to a workbook that already holds a tree, keeping every other sheet, its
 * dropdowns and its conditional formats. The rows come from `core/pengukuran/template`
 * (pre-filled for year Y; rows already there are kept); the sheets `Rencana Aksi`,
 * `Realisasi` and `Pembanding` are written anew with their dropdowns and live marks.
 *
 * The workbook is loaded in full here (unlike `open.ts`, which skips data validations and
 * conditional formats for speed), because it is written back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DEFAULT_LIST_ROWS } from '../core/layout/lists.js';
import { pengukuranTables } from '../core/layout/pengukuran.js';
import { canonicalTables, headerKey } from '../core/layout/tables.js';
import type { Placements } from '../core/layout/conditional.js';
import { pengukuranTemplate } from '../core/pengukuran/template.js';
import { readWorkbook } from '../core/read/index.js';
import { mapTable } from '../core/read/table.js';
import type { PokinConfig } from '../core/config.js';
import { XlsxError } from './errors.js';
import { locateTables } from './extract.js';
// From load.js, not open.js: the preview pane bundles this file, open.js is Node-only (stat, Node ExcelJS).
import { checkSignature } from './load.js';
import { addTables, type PlacedTables } from './write.js';

export interface TambahResult {
  tahun: number;
  config: PokinConfig;
  /** Rows per table after adding (data rows). */
  rows: { rencanaAksi: number; realisasi: number; pembanding: number };
  /** Rows that were added now. */
  added: { rencanaAksi: number; realisasi: number; pembanding: number };
}

async function loadFull(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new XlsxError('not-found', { id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` }, { file, cause: e });
  }
  checkSignature(bytes, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxError('corrupt', { id: `${file}: berkas .xlsx rusak dan tidak dapat dibuka.`, en: `${file}: the .xlsx file is damaged and cannot be opened.` }, { file, cause: e });
  }
  return wb;
}

/**
 * Adds (or completes) the pengukuran tables for `tahun` (default: this calendar year when it is
 * in the period, else the period's first year); writes to `out` (default: the file itself).
 */
export async function tambahPengukuran(file: string, tahunArg?: number, out: string = file): Promise<TambahResult> {
  const wb = await loadFull(file);
  const result = tambahPengukuranWorkbook(wb, tahunArg, file);
  await writeFile(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return result;
}

/**
 * The same on a loaded workbook (the CLI's file, the preview pane's workbook): the three
 * sheets are written anew with the rows core keeps and adds. `file` names the workbook in errors.
 */
export function tambahPengukuranWorkbook(wb: ExcelJS.Workbook, tahunArg: number | undefined, file: string): TambahResult {
  const located = locateTables(wb);
  const snapshot = { tables: located.map((t) => t.snapshot) };
  if (!located.some((t) => t.spec.key === 'pohon')) {
    throw new XlsxError('no-tables', {
      id: `${file}: tabel PohonKinerja tidak ditemukan; buat buku kerja dengan pokin template atau pokin import dahulu.`,
      en: `${file}: no PohonKinerja table; make the workbook with pokin template or pokin import first.`,
    }, { file });
  }
  const { tree } = readWorkbook(snapshot);
  const config = tree.config;
  const now = new Date().getFullYear();
  const tahun = tahunArg ?? (config.years.includes(now) ? now : (config.years[0] ?? now));
  if (!config.years.includes(tahun)) {
    throw new XlsxError('unreadable', {
      id: `Tahun ${tahun} di luar periode buku kerja (${config.years.join(', ') || 'periode kosong'}).`,
      en: `Year ${tahun} is outside the workbook's period (${config.years.join(', ') || 'no period'}).`,
    }, { file });
  }
  const specs = pengukuranTables();
  const existing = (key: string) => located.find((t) => t.spec.key === key);
  const before = Object.fromEntries(specs.map((s) => [s.key, existing(s.key)?.snapshot.rows.length ?? 0]));
  const tables = pengukuranTemplate(tree, tahun, (spec) => existing(spec.key)?.snapshot);

  // The three sheets are written anew; a table of the same name elsewhere would clash.
  for (const spec of specs) {
    const old = existing(spec.key);
    if (old && headerKey(old.ws.name) !== headerKey(spec.sheet)) {
      throw new XlsxError('unreadable', {
        id: `Tabel ${spec.table} ada di lembar "${old.ws.name}", bukan "${spec.sheet}": pindahkan atau ganti namanya dahulu.`,
        en: `Table ${spec.table} is on sheet "${old.ws.name}", not "${spec.sheet}": move or rename it first.`,
      }, { file });
    }
    const ws = wb.getWorksheet(spec.sheet);
    if (!ws) continue;
    if (!old && ws.actualRowCount > 0) {
      throw new XlsxError('unreadable', {
        id: `Lembar "${spec.sheet}" sudah ada dan berisi data yang bukan tabel ${spec.table}; ganti nama lembar itu dahulu.`,
        en: `Sheet "${spec.sheet}" already exists with data that is not table ${spec.table}; rename that sheet first.`,
      }, { file });
    }
    wb.removeWorksheet(ws.id);
  }

  // Lookups of the new tables reach the tree tables where they are.
  const treeSpecs = canonicalTables(config.years);
  const placements: Placements = {};
  const placedSpecs = [];
  for (const t of located) {
    const spec = treeSpecs.find((s) => s.key === t.spec.key);
    if (!spec) continue;
    const mapped = mapTable(t.snapshot, spec, []);
    // With the Excel table's name, lookups go through INDIRECT("Table[Column]"): short enough
    // for Excel's 255-character rule formulas, and following the table as it grows.
    const headers = Object.fromEntries(Object.entries(mapped.index).map(([k, i]) => [k, String(mapped.snapshot.header[i] ?? '')]));
    placements[spec.key] = {
      sheet: t.ws.name, headerRow: t.top, cols: mapped.loc.cols, lastRow: Math.max(DEFAULT_LIST_ROWS, t.top + t.snapshot.rows.length + 1000),
      ...(t.tableName ? { table: t.tableName, headers } : {}),
    };
    placedSpecs.push(spec);
  }
  const others: PlacedTables = { placements, specs: placedSpecs };
  addTables(wb, tables, specs, config, others);
  const count = (i: number) => tables.tables[i].rows.length;
  return {
    tahun, config,
    rows: { rencanaAksi: count(0), realisasi: count(1), pembanding: count(2) },
    added: { rencanaAksi: count(0) - before.rencanaAksi, realisasi: count(1) - before.realisasi, pembanding: count(2) - before.pembanding },
  };
}
