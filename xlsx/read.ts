/**
 * The ExcelJS workbook adapter, reading side: an .xlsx file → `WorkbookSnapshot`.
 * Canonical tables are found by their Excel table name; when a sheet has no table object
 * (LibreOffice saves, copied sheets) by their header row (`locate.ts`). Unusable files
 * become an `XlsxError` with a bilingual message, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { TableSpec } from '../core/layout/tables.js';
import { XlsxError } from './errors.js';
import { extract, type XlsxRead } from './extract.js';
import { checkSignature, loadWorkbook } from './open.js';

export type { SheetSummary, XlsxRead } from './extract.js';

/** Reads a workbook from a path or from its bytes; `extra` tables (e.g. `lkeTables()`) besides the canonical ones. */
export async function readXlsx(input: string | Uint8Array, extra: readonly TableSpec[] = []): Promise<XlsxRead> {
  return (await readXlsxWorkbook(input, extra)).read;
}

/** The snapshot and the ExcelJS workbook it came from (for the sheets that are not tables: PKs). */
export async function readXlsxWorkbook(input: string | Uint8Array, extra: readonly TableSpec[] = []): Promise<{ read: XlsxRead; wb: ExcelJS.Workbook }> {
  const file = typeof input === 'string' ? input : undefined;
  const bytes = file !== undefined ? await readBytes(file) : Buffer.from(input as Uint8Array);
  checkSignature(bytes, file);
  const wb = await loadWorkbook(bytes, file);
  return { read: extract(wb, extra), wb };
}

/** A file's bytes; a missing file, a folder or an unreadable one is an `XlsxError`. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new XlsxError('not-found', { id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` }, { file, cause: e });
    }
    if (code === 'EISDIR') {
      throw new XlsxError('is-directory', { id: `${file} adalah folder, bukan berkas .xlsx.`, en: `${file} is a folder, not an .xlsx file.` }, { file, cause: e });
    }
    throw new XlsxError('unreadable', {
      id: `Berkas tidak dapat dibaca (${code ?? 'galat'}): ${file}`, en: `The file cannot be read (${code ?? 'error'}): ${file}`,
    }, { file, cause: e });
  }
}
