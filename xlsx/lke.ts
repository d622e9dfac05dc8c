/**
 * The LKE sheets with ExcelJS (SAKIP.md §13): the `LKE` table with a dropdown per answer type
 * and a `Nilai` formula per row, the optional `Kriteria LKE` variant table, and the generated
 * `LKE Rekap`. Layout, dropdown blocks and formulas come from core (`core/layout/lke.ts`,
 * `core/lke/lembar.ts`, `core/derive/lke.ts`); this file only renders them.
 *
 * A workbook that holds a tree gets its canonical tables through the same writer as
 * `pokin template` and `pokin export` (`buildCanonicalWorkbook`): the LKE is added to a
 * freshly written workbook, never by rewriting the user's file in place, because ExcelJS 4.4
 * can corrupt tables it read from another tool's file (exceljs/exceljs#1959, #2184).
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { columnLetter } from '../core/a1.js';
import type { PokinConfig } from '../core/config.js';
import type { SheetSpec } from '../core/derive/spec.js';
import { inlineFormula } from '../core/layout/lists.js';
import { jawabanDropdowns, kriteriaLkeTableSpec, lkeColumnLetter, lkeTableSpec, nilaiFormula } from '../core/layout/lke.js';
import type { TableSpec } from '../core/layout/tables.js';
import type { LembarLke } from '../core/lke/lembar.js';
import { mapTable } from '../core/read/table.js';
import { JENIS_JAWABAN } from '../core/lke/types.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../core/snapshot.js';
import { renderSheets } from './render.js';
import { buildCanonicalWorkbook, dataValidations, neutralise, validation } from './write.js';

export interface LkeWorkbookInput {
  /** The workbook's canonical tables, placed at A1 of their sheets, with their configuration. */
  canonical?: { snapshot: WorkbookSnapshot; config: PokinConfig };
  lembar: LembarLke;
  /** A `Kriteria LKE` table to write (the workbook's own variant, or the shipped list to start one). */
  kriteria?: TableSnapshot;
  /** Generated sheets to add (`LKE Rekap`). */
  generated?: readonly SheetSpec[];
}

/** Long text columns wrap and align to the top, so a printed LKE stays readable. */
const WRAP = new Set(['komponen', 'subKomponen', 'kriteria', 'buktiDukung', 'tautan', 'saranPokin', 'catatanEvaluator', 'komponen_kode', 'sub_komponen', 'bukti_dukung', 'nilai_jawaban']);

function addTable(wb: ExcelJS.Workbook, spec: TableSpec, header: string[], rows: unknown[][], xSplit = 0): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit }] });
  const mapped = mapTable({ sheet: spec.sheet, address: 'A1', header, rows: [] }, spec, []);
  header.forEach((h, i) => {
    const key = Object.keys(mapped.index).find((k) => mapped.index[k] === i);
    const c = key ? spec.columns.find((x) => x.key === key) : undefined;
    const col = ws.getColumn(i + 1);
    col.width = c?.width ?? Math.max(10, Math.min(40, h.length + 2));
    // Column styles before the rows exist: ExcelJS gives new cells their column's style.
    if (c?.numFmt) col.numFmt = c.numFmt;
    col.alignment = c && WRAP.has(c.key) ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  });
  ws.addTable({
    name: spec.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: header.map((name) => ({ name, filterButton: true })),
    // Excel never keeps a table without a data row.
    rows: (rows.length ? rows : [header.map(() => null)]) as ExcelJS.CellValue[][],
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  return ws;
}

/** Excel needs unique, non-empty table column names (as `xlsx/write.ts` does for the tree tables). */
function uniqueHeaders(headers: readonly CellValue[]): string[] {
  const seen = new Set<string>();
  return headers.map((raw, i) => {
    const h = String(neutralise(raw) ?? '');
    let name = h.trim() === '' ? `Kolom${i + 1}` : h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The `LKE` table: values neutralised, `Nilai` as a formula with its cached result, answer dropdowns by block. */
export function addLkeSheet(wb: ExcelJS.Workbook, lembar: LembarLke): ExcelJS.Worksheet {
  const spec = lkeTableSpec();
  const jawabanCol = lkeColumnLetter('jawaban', spec);
  const nilaiIndex = spec.columns.findIndex((c) => c.key === 'nilai');
  const rows = lembar.table.rows.map((row, r) => row.map((v, i) => {
    const plain = neutralise(v as CellValue);
    const skala = lembar.skala[r];
    if (i !== nilaiIndex || !skala) return plain;
    // The formula is built from the scale's own codes and numbers (core/layout/lke.ts), never
    // from cell text; the cached result is what core computed, so a reader that does not
    // recalculate (ExcelJS, LibreOffice on open) sees the same value as Excel.
    return { formula: nilaiFormula(`${jawabanCol}${r + 2}`, skala), result: plain ?? '' };
  }));
  const ws = addTable(wb, spec, spec.columns.map((c) => c.header), rows, 4);
  // Row heights for the wrapped texts: neither Excel nor Calc grows a written row on open.
  const wrapped = spec.columns.map((c, i) => ({ i, width: c.width })).filter(({ i }) => WRAP.has(spec.columns[i].key));
  rows.forEach((row, r) => {
    const lines = Math.max(1, ...wrapped.map(({ i, width }) => {
      const v = row[i];
      const text = typeof v === 'string' ? v : '';
      return Math.ceil(text.length / (width * 1.15));
    }));
    if (lines > 1) ws.getRow(r + 2).height = Math.min(409, 13 * lines + 3);
  });
  ws.getRow(1).height = 30;
  // Printable as it stands: A4 landscape, all columns on the page width, the header on every page.
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  for (const d of jawabanDropdowns(jawabanCol, 2, lembar.skala.map((s) => s?.map((p) => p.kode) ?? null))) {
    dataValidations(ws).add(d.range, validation(inlineFormula(d.values)));
  }
  return ws;
}

/**
 * The `Kriteria LKE` table as the workbook had it (its own headers, extra columns kept), or the
 * shipped list; a dropdown of the answer types on `jenis_jawaban`.
 */
export function addKriteriaLkeSheet(wb: ExcelJS.Workbook, table: TableSnapshot): ExcelJS.Worksheet {
  const spec = kriteriaLkeTableSpec();
  const header = uniqueHeaders(table.header);
  const rows = table.rows.map((row) => header.map((_, i) => neutralise(row[i] ?? null)));
  const ws = addTable(wb, spec, header, rows);
  const i = mapTable({ sheet: spec.sheet, address: 'A1', header, rows: [] }, spec, []).index.jenis_jawaban;
  if (i !== undefined) {
    const jenis = columnLetter(i);
    dataValidations(ws).add(`${jenis}2:${jenis}${Math.max(rows.length, 1) + 500}`, validation(inlineFormula(JENIS_JAWABAN)));
  }
  return ws;
}

export function buildLkeWorkbook(input: LkeWorkbookInput): ExcelJS.Workbook {
  const wb = input.canonical ? buildCanonicalWorkbook(input.canonical.snapshot, input.canonical.config) : new ExcelJS.Workbook();
  wb.creator = 'Pokin';
  if (input.kriteria) addKriteriaLkeSheet(wb, input.kriteria);
  addLkeSheet(wb, input.lembar);
  if (input.generated?.length) renderSheets(wb, input.generated);
  return wb;
}

/** Writes the workbook; returns the names of the sheets it holds. */
export async function writeLkeWorkbook(target: string, input: LkeWorkbookInput): Promise<string[]> {
  const wb = buildLkeWorkbook(input);
  await writeFile(target, Buffer.from(await wb.xlsx.writeBuffer()));
  return wb.worksheets.map((w) => w.name);
}
