/**
 * Opening an .xlsx, the same way in the CLI (open.ts passes the Node ExcelJS) and in the preview
 * pane (its lazily loaded browser ExcelJS): recognise the bytes, run the package guard, load with
 * ExcelJS without the parts it would expand dangerously, then apply the merges the guard read.
 * Web-platform APIs only.
 */
import type ExcelJS from 'exceljs';
import { XlsxError } from './errors.js';
import { checkPackage, type PackageReport } from './guard.js';
import { applyMerges } from './merges.js';
import type { Area } from './package-scan.js';

type ExcelJSModule = typeof ExcelJS;

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

/**
 * Parts of a sheet ExcelJS must not read. Data validations and conditional formats: ExcelJS
 * 4.4 expands every range into one entry per cell (a dropdown on `C1:C1048576` is a million
 * objects) and the snapshot never uses them. Merges: read by the guard, applied by merges.ts.
 */
export const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'mergeCells'];

const reports = new WeakMap<ExcelJS.Workbook, PackageReport>();

/** What the guard found in the file a workbook was loaded from (merges, formulas without values). */
export function packageReportOf(wb: ExcelJS.Workbook): PackageReport | undefined {
  return reports.get(wb);
}

const formatCodes = new WeakMap<ExcelJS.Workbook, Map<string, string>>();

/**
 * A cell's number format code as the file writes it. ExcelJS 4.4 drops every backslash of a
 * custom code (`0.0\%`, a literal percent sign, becomes `0.0%`, which scales ×100); the
 * guard kept the codes, so each is found again by its backslash-free spelling (when two
 * codes share one, ExcelJS's stays).
 */
export function numFmtOf(wb: ExcelJS.Workbook, code: string | undefined): string | undefined {
  if (!code) return code;
  let map = formatCodes.get(wb);
  if (!map) {
    map = new Map();
    const seen = new Map<string, Set<string>>();
    for (const raw of reports.get(wb)?.formats ?? []) {
      if (raw === undefined || !raw.includes('\\')) continue;
      const plain = raw.replace(/\\(.)/g, '$1');
      seen.set(plain, (seen.get(plain) ?? new Set()).add(raw));
    }
    for (const [plain, raws] of seen) if (raws.size === 1) map.set(plain, [...raws][0]);
    formatCodes.set(wb, map);
  }
  return map.get(code) ?? code;
}

const mergesReported = new WeakSet<ExcelJS.Workbook>();

/**
 * A sheet's merged areas when the load left them out of ExcelJS (`merges: 'report'`): the
 * guard's. Undefined when ExcelJS holds them (the default), or for a sheet added since.
 */
export function mergesLeftOut(wb: ExcelJS.Workbook, sheet: string): Area[] | undefined {
  if (!mergesReported.has(wb)) return undefined;
  return reports.get(wb)?.sheets.get(sheet)?.merges ?? [];
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

function containsUtf16(b: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = b.indexOf(needle[0]); i >= 0 && i + needle.length <= b.length; i = b.indexOf(needle[0], i + 1)) {
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1024);
  for (let i = 0; i < n; i++) if (b[i] === 0) return false;
  return true;
}

const where = (file?: string) => (file ? `${file}: ` : '');

/** Throws an `XlsxError` unless the bytes can be an .xlsx (a zip). */
export function checkSignature(bytes: Uint8Array, file?: string): void {
  const opts = file !== undefined ? { file } : {};
  if (bytes.length === 0) {
    throw new XlsxError('empty', { id: `${where(file)}berkas kosong (0 byte).`, en: `${where(file)}the file is empty (0 bytes).` }, opts);
  }
  if (startsWith(bytes, CFB)) {
    // An encrypted .xlsx is an OLE compound file holding `EncryptionInfo` + `EncryptedPackage`.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new XlsxError('encrypted', {
        id: `${where(file)}buku kerja dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Proteksi Buku Kerja › Enkripsikan dengan Kata Sandi, kosongkan isiannya), lalu simpan lagi.`,
        en: `${where(file)}the workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear the password) and save again.`,
      }, opts);
    }
    throw new XlsxError('legacy-xls', {
      id: `${where(file)}format .xls lama (Excel 97–2003). Simpan sebagai .xlsx (Excel Workbook) lalu coba lagi.`,
      en: `${where(file)}old .xls format (Excel 97–2003). Save it as .xlsx (Excel Workbook) and try again.`,
    }, opts);
  }
  if (!startsWith(bytes, ZIP)) {
    const kind = looksLikeText(bytes) ? { id: 'berkas teks (mis. CSV)', en: 'a text file (e.g. CSV)' } : { id: 'format tidak dikenal', en: 'an unknown format' };
    throw new XlsxError('not-xlsx', {
      id: `${where(file)}bukan berkas .xlsx, melainkan ${kind.id}. Buka di Excel dan simpan sebagai .xlsx.`,
      en: `${where(file)}not an .xlsx file but ${kind.en}. Open it in Excel and save it as .xlsx.`,
    }, opts);
  }
  // OpenDocument stores its mimetype uncompressed at the start of the zip.
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 200)).includes('opendocument.spreadsheet')) {
    throw new XlsxError('ods', {
      id: `${where(file)}berkas OpenDocument (.ods). Simpan sebagai .xlsx (Excel 2007-365) lalu coba lagi.`,
      en: `${where(file)}an OpenDocument file (.ods). Save it as .xlsx (Excel 2007-365) and try again.`,
    }, opts);
  }
}

export interface LoadOptions {
  /**
   * `apply` (default): merged areas go into the ExcelJS sheets (merges.ts), as callers that
   * write the workbook back need. `report`: left in the guard's report (`packageReportOf`)
   * for readers that only list them (`readRawSheets`): a matrix with a merge per cell then
   * costs no ExcelJS cell object per merged cell.
   */
  merges?: 'apply' | 'report';
}

/** Recognises, guards and loads the bytes with `X` (the ExcelJS module); unusable files become an `XlsxError`. */
export async function loadWorkbookWith(X: ExcelJSModule, bytes: Uint8Array, file?: string, load0: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  checkSignature(bytes, file);
  const report = await checkPackage(bytes, file !== undefined ? { file } : {});
  const opts = file !== undefined ? { file } : {};
  const corrupt = (cause: unknown) => new XlsxError('corrupt', {
    id: `${where(file)}berkas .xlsx rusak atau tidak lengkap dan tidak dapat dibuka.`,
    en: `${where(file)}the .xlsx file is damaged or incomplete and cannot be opened.`,
  }, { ...opts, cause });
  const load = async (ignore: string[]) => {
    const wb = new X.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: ignore } as never);
    return wb;
  };
  let wb: ExcelJS.Workbook;
  try {
    wb = await load(IGNORED_NODES);
  } catch (first) {
    if (!(first instanceof TypeError)) throw corrupt(first);
    // ExcelJS 4.4 crashes on table parts whose relationship target it cannot resolve
    // (absolute `/xl/tables/…` targets written by some tools). Without the table objects the
    // tables are still found by their header rows.
    try {
      wb = await load([...IGNORED_NODES, 'tableParts']);
    } catch (second) {
      throw corrupt(second);
    }
  }
  if (wb.worksheets.length === 0) {
    throw new XlsxError('not-xlsx', {
      id: `${where(file)}arsip zip ini bukan buku kerja Excel (tidak ada lembar kerja).`,
      en: `${where(file)}this zip archive is not an Excel workbook (no worksheets).`,
    }, opts);
  }
  try {
    if (load0.merges !== 'report') applyMerges(wb, report);
    else mergesReported.add(wb);
  } catch (e) {
    throw corrupt(e);
  }
  reports.set(wb, report);
  return wb;
}
