/**
 * Opening a workbook in Node (the CLI, import, tests): the shared loader (load.ts) with the
 * Node build of ExcelJS, and reading a file with its size checked before a byte is read.
 */
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { XlsxError } from './errors.js';
import { checkSignature, loadWorkbookWith, type LoadOptions } from './load.js';
import { PACKAGE_LIMITS } from './package-limits.js';

export { checkSignature, IGNORED_NODES, packageReportOf } from './load.js';

/** Loads the bytes with ExcelJS behind the package guard; unusable files become an `XlsxError`. */
export function loadWorkbook(bytes: Uint8Array, file?: string, opts: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  return loadWorkbookWith(ExcelJS, bytes, file, opts);
}

function unreadable(file: string, e: unknown): XlsxError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new XlsxError('not-found', { id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` }, { file, cause: e });
  if (code === 'EISDIR') return new XlsxError('is-directory', { id: `${file} adalah folder, bukan berkas .xlsx.`, en: `${file} is a folder, not an .xlsx file.` }, { file, cause: e });
  return new XlsxError('unreadable', {
    id: `Berkas tidak dapat dibaca (${code ?? 'galat'}): ${file}`, en: `The file cannot be read (${code ?? 'error'}): ${file}`,
  }, { file, cause: e });
}

/** The bytes of a workbook file; a file above the size limit is refused before it is read. */
export async function readWorkbookFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = s.size;
  } catch (e) {
    throw unreadable(file, e);
  }
  if (size > PACKAGE_LIMITS.fileBytes) {
    const mb = (n: number, l: string) => `${Math.round(n / 1024 / 1024).toLocaleString(l)} MB`;
    throw new XlsxError('too-large', {
      id: `${file}: berkas ditolak: ukuran berkas ${mb(size, 'id-ID')} melebihi batas Pokin ${mb(PACKAGE_LIMITS.fileBytes, 'id-ID')}.`,
      en: `${file}: file refused: file size ${mb(size, 'en-US')} exceeds Pokin's limit of ${mb(PACKAGE_LIMITS.fileBytes, 'en-US')}.`,
    }, { file });
  }
  try {
    const bytes = await readFile(file);
    checkSignature(bytes, file);
    return bytes;
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw unreadable(file, e);
  }
}

/** A workbook file, guarded and loaded. */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await readWorkbookFile(file), file);
}
