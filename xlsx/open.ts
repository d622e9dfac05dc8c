/**
 * Opening a workbook file: recognise what the bytes are before ExcelJS sees them, so a
 * password-protected workbook, an old .xls, an .ods or a renamed CSV gets a message the
 * planner can act on instead of a zip library's error.
 */
import ExcelJS from 'exceljs';
import { XlsxError } from './errors.js';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

/**
 * Parts of a sheet the snapshot never uses. Data validations in particular: ExcelJS 4.4
 * expands every validation range into one entry per cell while reading, so a dropdown on a
 * whole column (`C1:C1048576`) costs a million objects.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

/** Web-platform only (no Buffer): the preview pane checks a file with this too. */
function containsUtf16(b: Uint8Array, text: string): boolean {
  const want = Array.from(text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
  outer: for (let i = 0; i + want.length <= b.length; i++) {
    for (let j = 0; j < want.length; j++) if (b[i + j] !== want[j]) continue outer;
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
        id: `${where(file)}buku kerja dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Protect Workbook), lalu simpan lagi.`,
        en: `${where(file)}the workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook) and save again.`,
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
  if (String.fromCharCode(...bytes.subarray(0, 200)).includes('opendocument.spreadsheet')) {
    throw new XlsxError('ods', {
      id: `${where(file)}berkas OpenDocument (.ods). Simpan sebagai .xlsx (Excel 2007-365) lalu coba lagi.`,
      en: `${where(file)}an OpenDocument file (.ods). Save it as .xlsx (Excel 2007-365) and try again.`,
    }, opts);
  }
}

/** Loads the zip with ExcelJS; a damaged or non-workbook zip becomes an `XlsxError`. */
export async function loadWorkbook(bytes: Uint8Array, file?: string): Promise<ExcelJS.Workbook> {
  const opts = file !== undefined ? { file } : {};
  const corrupt = (cause: unknown) => new XlsxError('corrupt', {
    id: `${where(file)}berkas .xlsx rusak atau tidak lengkap dan tidak dapat dibuka.`,
    en: `${where(file)}the .xlsx file is damaged or incomplete and cannot be opened.`,
  }, { ...opts, cause });
  const load = async (ignore: string[]) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, { ignoreNodes: ignore });
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
  return wb;
}
