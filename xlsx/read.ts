/**
 * The ExcelJS workbook adapter, reading side: an .xlsx file → `WorkbookSnapshot`.
 * Canonical tables are found by their Excel table name; when a sheet has no table object
 * (LibreOffice saves, copied sheets) by their header row (`locate.ts`). Unusable files
 * become an `XlsxError` with a bilingual message, never a stack trace.
 */
import { parseA1 } from '../core/a1.js';
import { XlsxError } from './errors.js';
import { extract, type XlsxRead } from './extract.js';
import { checkSignature, loadWorkbook, packageReportOf, readWorkbookFile } from './open.js';
import type { LoadOptions } from './load.js';
import { parseCell } from './package-scan.js';
import type ExcelJS from 'exceljs';
import { workbookTables } from '../core/layout/pengukuran.js';
import { headerKey, type TableSpec } from '../core/layout/tables.js';
import { mapTable } from '../core/read/table.js';

export type { SheetSummary, XlsxRead } from './extract.js';

/** Reads a workbook from a path or from its bytes; `extra` tables (e.g. `lkeTables()`) besides the canonical ones. */
export async function readXlsx(input: string | Uint8Array, extra: readonly TableSpec[] = []): Promise<XlsxRead> {
  return (await readXlsxWorkbook(input, extra, { merges: 'report' })).read;
}

/**
 * The snapshot and the ExcelJS workbook it came from (for the sheets that are not tables: PKs).
 * `merges: 'report'` when the workbook is only read (its merged areas stay the guard's, not
 * ExcelJS cells: a matrix with a merge per cell loads at the speed of one without).
 */
export async function readXlsxWorkbook(input: string | Uint8Array, extra: readonly TableSpec[] = [], opts: LoadOptions = {}): Promise<{ read: XlsxRead; wb: ExcelJS.Workbook }> {
  const file = typeof input === 'string' ? input : undefined;
  const bytes = file !== undefined ? await readWorkbookFile(file) : input as Uint8Array;
  checkSignature(bytes, file);
  const wb = await loadWorkbook(bytes, file, opts);
  const read = extract(wb, extra);
  refuseUncachedFormulas(wb, read, file, [...workbookTables([]), ...extra]);
  return { read, wb };
}

/**
 * Formulas saved without their values (a file written by a program and never opened in a
 * spreadsheet) read as blank cells: a tree table full of them would read as an empty tree with
 * errors everywhere else. Refused with what to do instead.
 */
export function refuseUncachedFormulas(wb: ExcelJS.Workbook, read: XlsxRead, file?: string, specs: readonly TableSpec[] = []): void {
  const report = packageReportOf(wb);
  if (!report) return;
  const hits: string[] = [];
  let count = 0;
  for (const t of read.snapshot.tables) {
    const facts = report.sheets.get(t.sheet);
    if (!facts || facts.uncachedCount === 0) continue;
    const { col, row } = parseA1(t.address);
    // Columns Pokin computes itself and never reads (an LKE row's `Nilai`, Status): a formula
    // there without a saved value loses nothing.
    const spec = specs.find((s) => t.name !== undefined && headerKey(s.table) === headerKey(t.name));
    const mapped = spec ? mapTable(t, spec, []) : null;
    const outputs = new Set(spec?.columns.filter((c) => c.output).map((c) => mapped?.index[c.key]).filter((i): i is number => i !== undefined) ?? []);
    const inTable = facts.uncached.filter((ref) => {
      const c = parseCell(ref);
      return c !== null && c.row >= row && c.row <= row + t.rows.length && c.col - 1 >= col && c.col - 1 < col + t.header.length && !outputs.has(c.col - 1 - col);
    });
    // Only the first few cells are known: any inside the table, or all formulas on its sheet.
    if (inTable.length > 0 || (facts.uncached.length < facts.uncachedCount && outputs.size === 0)) {
      count += facts.uncachedCount;
      for (const ref of inTable.slice(0, 3)) hits.push(`'${t.sheet}'!${ref}`);
      if (inTable.length === 0) hits.push(`'${t.sheet}'!${facts.uncached[0]}`);
    }
  }
  if (count === 0) return;
  const at = hits.slice(0, 3).join(', ');
  const where = file ? `${file}: ` : '';
  throw new XlsxError('uncached-formulas', {
    id: `${where}${count.toLocaleString('id-ID')} sel berisi rumus tanpa nilai tersimpan (mis. ${at}): berkas ini dibuat oleh program dan belum pernah dihitung. Buka di Excel atau LibreOffice Calc, simpan, lalu coba lagi.`,
    en: `${where}${count.toLocaleString('en-US')} cells hold formulas saved without their values (e.g. ${at}): the file was written by a program and never calculated. Open it in Excel or LibreOffice Calc, save it, and try again.`,
  }, file !== undefined ? { file } : {});
}
