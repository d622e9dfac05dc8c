/**
 * The package guard: an .xlsx is checked BEFORE ExcelJS loads it, against PACKAGE_LIMITS
 * (package-limits.ts). Every part is inflated as a stream and counted (what the archive
 * declares may lie); worksheets are scanned as they inflate (rows, cells, merges, declared
 * dimension, column definitions), so a bomb is refused after a few megabytes. The answer also
 * carries what the loader needs afterwards: each sheet's merged areas (read here, so ExcelJS's
 * quadratic merge check never runs) and formulas saved without a value.
 *
 * Web-platform APIs only (DecompressionStream 'deflate-raw', TextDecoder): the CLI (guard-node.ts
 * reads the file) and the preview pane in the browser run this same code.
 */
import { XlsxError } from './errors.js';
import { PACKAGE_LIMITS, type PackageLimit, type PackageLimits } from './package-limits.js';
import {
  CellBudget, LimitExceeded, PackageDamaged, scanRels, scanStyles, scanTable, scanWorkbook, SheetScanner, type SheetFacts,
} from './package-scan.js';
import { XmlLexError } from './xml-lexer.js';
import { entryData, zipEntries, ZipFormatError, type ZipEntry } from './zip.js';

export type { SheetFacts } from './package-scan.js';

export interface PackageReport {
  /** Worksheets by sheet name (a sheet the relationships do not name is keyed by its part). */
  sheets: Map<string, SheetFacts>;
  /** Inflated bytes of all parts. */
  inflatedBytes: number;
  cells: number;
}

export interface GuardOptions {
  file?: string;
  limits?: Partial<PackageLimits>;
}

/** Input fed to the inflater at a time: small, so output is pulled (and counted) as it grows. */
const FEED = 64 * 1024;

const where = (file?: string) => (file ? `${file}: ` : '');
const norm = (name: string) => name.replace(/^\/+/, '');
const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const isTable = (name: string) => /^xl\/tables\/[^/]+\.xml$/i.test(name);

/** Inflates one entry chunk by chunk; `onChunk` sees every piece as it comes. */
async function inflate(e: ZipEntry, data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (e.method === 0) {
    onChunk(data);
    return;
  }
  if (e.method !== 8) throw new PackageDamaged(`${e.name}: compression method ${e.method}`);
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const feeding = (async () => {
    for (let i = 0; i < data.length; i += FEED) {
      await writer.ready;
      await writer.write(data.subarray(i, i + FEED) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  feeding.catch(() => undefined);
  const reader = ds.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk(value);
    }
    await feeding;
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    throw err;
  }
}

export async function checkPackage(bytes: Uint8Array, opts: GuardOptions = {}): Promise<PackageReport> {
  const limits: PackageLimits = { ...PACKAGE_LIMITS, ...opts.limits };
  try {
    return await scanPackage(bytes, limits);
  } catch (e) {
    if (e instanceof LimitExceeded) throw limitError(e, limits, opts.file);
    if (e instanceof ZipFormatError || e instanceof PackageDamaged || e instanceof XmlLexError) {
      throw new XlsxError('corrupt', {
        id: `${where(opts.file)}berkas .xlsx rusak dan tidak dapat dibuka (${e.message}).`,
        en: `${where(opts.file)}the .xlsx file is damaged and cannot be opened (${e.message}).`,
      }, { ...(opts.file !== undefined ? { file: opts.file } : {}), cause: e });
    }
    throw e;
  }
}

async function scanPackage(bytes: Uint8Array, limits: PackageLimits): Promise<PackageReport> {
  if (bytes.length > limits.fileBytes) throw new LimitExceeded('fileBytes', bytes.length, 'file');
  const { entries, declaredCount } = zipEntries(bytes, limits.entries);
  if (declaredCount > limits.entries) throw new LimitExceeded('entries', declaredCount, 'zip');
  for (const e of entries) {
    if (e.flags & 1) throw new PackageDamaged(`${e.name} is encrypted`);
    if (e.declaredSize > limits.partBytes) throw new LimitExceeded('partBytes', e.declaredSize, norm(e.name));
  }
  const budget = new CellBudget(limits);
  const merges = { count: 0 };
  const total = { bytes: 0 };
  const meta = new Map<string, string>();
  const sheets = new Map<string, SheetFacts>();
  const read = async (e: ZipEntry, names: Map<string, string>) => {
    const name = norm(e.name);
    if (name.endsWith('/')) return;
    const metaPart = name === 'xl/workbook.xml' || name === 'xl/styles.xml' || name.endsWith('.rels') || isTable(name);
    const label = names.get(name.toLowerCase());
    const scanner = isSheet(name) ? new SheetScanner(name, label ? quoted(label) : name, limits, budget, merges) : null;
    const text = await readPart(e, bytes, name, limits, total, metaPart ? 'utf-8' : scanner ? 'latin1' : null, (t) => scanner?.feed(t));
    if (scanner) {
      scanner.end();
      if (label !== undefined) scanner.facts.name = label;
      sheets.set(label ?? name, scanner.facts);
    }
    if (metaPart) meta.set(name, text);
  };
  // workbook.xml and its relationships first: the sheets' names label every message after.
  const first = (e: ZipEntry) => ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'].includes(norm(e.name));
  for (const e of entries.filter(first)) await read(e, new Map());
  const names = sheetNames(meta, budget, limits);
  for (const e of entries.filter((x) => !first(x))) await read(e, names);
  for (const [name, text] of meta) {
    if (isTable(name)) scanTable(text, name, limits);
    if (name === 'xl/styles.xml') scanStyles(text, limits);
  }
  return { sheets, inflatedBytes: total.bytes, cells: budget.used };
}

/** `'Pohon Kinerja'`, as Excel writes a sheet in a reference. */
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Worksheet part (lower case) → sheet name, from workbook.xml and its relationships. */
function sheetNames(meta: Map<string, string>, budget: CellBudget, limits: PackageLimits): Map<string, string> {
  const out = new Map<string, string>();
  if (!meta.has('xl/workbook.xml')) return out;
  const wb = scanWorkbook(meta.get('xl/workbook.xml') ?? '', budget, limits);
  const rels = scanRels(meta.get('xl/_rels/workbook.xml.rels') ?? '');
  for (const s of wb.sheets) {
    const target = rels.get(s.rid);
    if (target === undefined) continue;
    const part = target.startsWith('/') ? norm(target) : `xl/${target.replace(/^\.\//, '')}`;
    out.set(part.toLowerCase(), s.name);
  }
  return out;
}

/**
 * Inflates one part, counting its size and the total; `decode` = how the text reaches `onText`
 * (streamed) or is returned whole (utf-8 parts); null = only counted (media, shared strings…).
 */
async function readPart(
  e: ZipEntry, bytes: Uint8Array, name: string, limits: PackageLimits, total: { bytes: number },
  decode: 'utf-8' | 'latin1' | null, onText: (text: string) => void,
): Promise<string> {
  const decoder = decode ? new TextDecoder(decode) : null;
  const whole = decode === 'utf-8';
  const parts: string[] = [];
  let size = 0;
  try {
    await inflate(e, entryData(bytes, e), (chunk) => {
      size += chunk.length;
      total.bytes += chunk.length;
      if (size > limits.partBytes) throw new LimitExceeded('partBytes', size, name, true);
      if (total.bytes > limits.totalBytes) throw new LimitExceeded('totalBytes', total.bytes, name, true);
      if (whole && size > limits.metaPartBytes) throw new LimitExceeded('metaPartBytes', size, name, true);
      if (!decoder) return;
      // Markup is ASCII: a one-byte decoding never splits a character between chunks.
      const text = decoder.decode(chunk, { stream: true });
      if (whole) parts.push(text); else onText(text);
    });
  } catch (err) {
    if (err instanceof LimitExceeded || err instanceof PackageDamaged || err instanceof XmlLexError) throw err;
    throw new PackageDamaged(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return whole && decoder ? parts.join('') + decoder.decode() : '';
}

const fmt = (n: number, lang: 'id' | 'en') => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');
const mb = (n: number, lang: 'id' | 'en') => `${fmt(Math.round(n / 1024 / 1024), lang)} MB`;

/** What each limit is called in the message, and how the value is shown. */
const DESCRIBE: Record<PackageLimit, { id: string; en: string; show: (n: number, lang: 'id' | 'en') => string }> = {
  fileBytes: { id: 'ukuran berkas', en: 'file size', show: mb },
  entries: { id: 'jumlah bagian di dalam arsip zip', en: 'number of parts in the zip archive', show: fmt },
  partBytes: { id: 'ukuran satu bagian setelah dibuka (kemungkinan bom zip)', en: 'inflated size of one part (likely a zip bomb)', show: mb },
  totalBytes: { id: 'ukuran semua bagian setelah dibuka (kemungkinan bom zip)', en: 'inflated size of all parts (likely a zip bomb)', show: mb },
  metaPartBytes: { id: 'ukuran bagian struktur buku kerja', en: 'size of a workbook structure part', show: mb },
  rows: { id: 'nomor baris', en: 'row number', show: fmt },
  columns: { id: 'nomor kolom', en: 'column number', show: fmt },
  sheetArea: { id: 'luas rentang terpakai satu lembar (baris × kolom)', en: 'used range of one sheet (rows × columns)', show: fmt },
  cells: { id: 'jumlah sel buku kerja (termasuk sel gabungan dan rentang bernama)', en: 'cells in the workbook (merged cells and named ranges included)', show: fmt },
  merges: { id: 'jumlah sel gabungan (merge)', en: 'number of merged areas', show: fmt },
  styles: { id: 'jumlah format sel', en: 'number of cell formats', show: fmt },
};

/** What the planner can do about each limit. */
const HINTS: Record<'layout' | 'bomb' | 'styles', { id: string; en: string }> = {
  layout: {
    id: 'Hapus baris/kolom kosong, format, gabungan sel atau nama rentang di luar data (Ctrl+End menunjukkan sel terakhir yang dipakai), simpan ulang, lalu coba lagi.',
    en: 'Delete empty rows/columns, formatting, merged cells or named ranges beyond the data (Ctrl+End shows the last used cell), save again and retry.',
  },
  bomb: { id: 'Berkas ini bukan buku kerja biasa dan tidak dibuka.', en: 'This is not an ordinary workbook and is not opened.' },
  styles: {
    id: 'Kurangi format sel yang berbeda-beda (mis. salin nilai ke buku kerja baru), simpan ulang, lalu coba lagi.',
    en: 'Reduce the number of distinct cell formats (e.g. copy the values into a new workbook), save again and retry.',
  },
};

const HINT_OF: Record<PackageLimit, keyof typeof HINTS> = {
  fileBytes: 'bomb', entries: 'bomb', partBytes: 'bomb', totalBytes: 'bomb', metaPartBytes: 'bomb',
  rows: 'layout', columns: 'layout', sheetArea: 'layout', cells: 'layout', merges: 'layout', styles: 'styles',
};

function limitError(e: LimitExceeded, limits: PackageLimits, file?: string): XlsxError {
  const d = DESCRIBE[e.limit];
  const hint = HINTS[HINT_OF[e.limit]];
  const text = (lang: 'id' | 'en') => {
    const value = e.measured ? '' : ` ${d.show(e.value, lang)}`;
    return lang === 'id'
      ? `${where(file)}berkas ditolak: ${d.id}${value} (${e.where}) melebihi batas Pokin ${d.show(limits[e.limit], 'id')}. ${hint.id}`
      : `${where(file)}file refused: ${d.en}${value} (${e.where}) exceeds Pokin's limit of ${d.show(limits[e.limit], 'en')}. ${hint.en}`;
  };
  return new XlsxError('too-large', { id: text('id'), en: text('en') }, { ...(file !== undefined ? { file } : {}), cause: e });
}
