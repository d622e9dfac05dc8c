/**
 * The package guard: an .xlsx is checked BEFORE ExcelJS loads it, against PACKAGE_LIMITS
 * (package-limits.ts). Every part is inflated as a stream and counted (what the archive
 * declares may lie); worksheets are scanned as they inflate (rows, cells, merges, declared
 * dimension, column definitions), so a bomb is refused after a few megabytes. The answer also
 * carries what the loader needs afterwards: each sheet's merged areas (read here, so ExcelJS's
 * quadratic merge check never runs) and formulas saved without a value. With `collect`, the same
 * pass also keeps every cell, the shared strings and the number formats: `pokin import` reads
 * its sheets from that (raw-read.ts) and never loads ExcelJS.
 *
 * Web-platform APIs only (DecompressionStream 'deflate-raw', TextDecoder): the CLI (open.ts
 * reads the file) and the preview pane in the browser run this same code.
 */
import { XlsxError } from './errors.js';
import { PACKAGE_LIMITS, type PackageLimit, type PackageLimits } from './package-limits.js';
import { cellFormats } from './number-formats.js';
import {
  CellBudget, LimitExceeded, PackageDamaged, scanRels, scanStyles, scanTable, scanWorkbook, SheetScanner, type SheetFacts,
} from './package-scan.js';
import { SharedStringsScanner } from './shared-strings.js';
import { CellCollector } from './sheet-cells.js';
import { XmlLexError } from './xml-lexer.js';
import { entryData, zipEntries, ZipFormatError, type ZipEntry } from './zip.js';

export type { SheetFacts } from './package-scan.js';

export interface PackageReport {
  /** Worksheets by sheet name (a sheet the relationships do not name is keyed by its part). */
  sheets: Map<string, SheetFacts>;
  /** Inflated bytes of all parts. */
  inflatedBytes: number;
  cells: number;
  /** What the sheets hold, when asked for (`collect`): raw-read.ts builds the raw sheets from it. */
  contents?: PackageContents;
  /** The number format code of each cell style (cellXfs index), as written (backslashes kept). */
  formats: (string | undefined)[];
}

export interface PackageContents {
  /** Worksheets in tab order: name and the facts (cells included) of their part. */
  sheets: { name: string; facts: SheetFacts }[];
  date1904: boolean;
  sharedStrings: string[];
  /** Number format code of each cell style (cellXfs index). */
  formats: (string | undefined)[];
}

export interface GuardOptions {
  file?: string;
  limits?: Partial<PackageLimits>;
  /**
   * Also collect every cell, the shared strings and the number formats while scanning
   * (`pokin import` reads the sheets from that, without ExcelJS): one pass over the package.
   */
  collect?: boolean;
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
    return await scanPackage(bytes, limits, opts.collect === true);
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

async function scanPackage(bytes: Uint8Array, limits: PackageLimits, collect: boolean): Promise<PackageReport> {
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
  const byPart = new Map<string, SheetFacts>();
  let sharedStrings: SharedStringsScanner | null = null;
  const read = async (e: ZipEntry, names: Map<string, string>, stringsPart?: string) => {
    const name = norm(e.name);
    if (name.endsWith('/')) return;
    const metaPart = name === 'xl/workbook.xml' || name === 'xl/styles.xml' || name.endsWith('.rels') || isTable(name);
    const label = names.get(name.toLowerCase());
    const scanner = isSheet(name) ? new SheetScanner(name, label ? quoted(label) : name, limits, budget, merges, collect ? new CellCollector() : undefined) : null;
    const strings = collect && name.toLowerCase() === stringsPart ? (sharedStrings = new SharedStringsScanner()) : null;
    const stream = scanner ?? strings;
    // Markup is ASCII, so a one-byte decoding serves the guard alone; values need UTF-8
    // (TextDecoder's stream mode keeps a character split between chunks whole).
    const decode = metaPart || (stream && collect) ? 'utf-8' : stream ? 'latin1' : null;
    const text = await readPart(e, bytes, name, limits, total, decode, metaPart, (t) => stream?.feed(t));
    stream?.end();
    if (scanner) {
      if (label !== undefined) scanner.facts.name = label;
      sheets.set(label ?? name, scanner.facts);
      byPart.set(name.toLowerCase(), scanner.facts);
    }
    if (metaPart) meta.set(name, text);
  };
  // workbook.xml and its relationships first: the sheets' names label every message after.
  const first = (e: ZipEntry) => ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'].includes(norm(e.name));
  for (const e of entries.filter(first)) await read(e, new Map());
  const book = workbookOf(meta, budget, limits);
  for (const e of entries.filter((x) => !first(x))) await read(e, book.names, book.sharedStrings);
  for (const [name, text] of meta) {
    if (isTable(name)) scanTable(text, name, limits);
    if (name === 'xl/styles.xml') scanStyles(text, limits);
  }
  const styles = meta.get('xl/styles.xml');
  const formats = styles ? cellFormats(styles) : [];
  const report: PackageReport = { sheets, inflatedBytes: total.bytes, cells: budget.used, formats };
  if (collect) {
    report.contents = {
      sheets: book.order.map(({ name, part }) => {
        const facts = byPart.get(part);
        // A sheet the workbook lists but the archive lacks: its rows would vanish unseen.
        if (!facts) throw new PackageDamaged(`${quoted(name)}: ${part} is missing from the archive`);
        return { name, facts };
      }),
      date1904: book.date1904,
      sharedStrings: (sharedStrings as SharedStringsScanner | null)?.strings ?? [],
      formats,
    };
  }
  return report;
}

/** `'Pohon Kinerja'`, as Excel writes a sheet in a reference. */
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

interface WorkbookParts {
  /** Worksheet part (lower case) → sheet name, from workbook.xml and its relationships. */
  names: Map<string, string>;
  /** The worksheets in tab order, with their part (lower case). */
  order: { name: string; part: string }[];
  /** The shared strings part (lower case). */
  sharedStrings: string;
  date1904: boolean;
}

const partOf = (target: string) => (target.startsWith('/') ? norm(target) : `xl/${target.replace(/^\.\//, '')}`).toLowerCase();

function workbookOf(meta: Map<string, string>, budget: CellBudget, limits: PackageLimits): WorkbookParts {
  const out: WorkbookParts = { names: new Map(), order: [], sharedStrings: 'xl/sharedstrings.xml', date1904: false };
  if (!meta.has('xl/workbook.xml')) return out;
  const wb = scanWorkbook(meta.get('xl/workbook.xml') ?? '', budget, limits);
  const rels = scanRels(meta.get('xl/_rels/workbook.xml.rels') ?? '');
  out.date1904 = wb.date1904;
  for (const s of wb.sheets) {
    const rel = rels.get(s.rid);
    if (rel === undefined) continue;
    const part = partOf(rel.target);
    out.names.set(part, s.name);
    // A chartsheet or dialog sheet is listed among the sheets too; only worksheets hold cells.
    if (isSheet(part)) out.order.push({ name: s.name, part });
  }
  for (const rel of rels.values()) if (rel.type === 'sharedStrings') out.sharedStrings = partOf(rel.target);
  return out;
}

/**
 * Inflates one part, counting its size and the total; `decode` = how the text reaches `onText`
 * (streamed) or is returned whole (`whole`: workbook structure parts); null = only counted (media;
 * shared strings unless collecting).
 */
async function readPart(
  e: ZipEntry, bytes: Uint8Array, name: string, limits: PackageLimits, total: { bytes: number },
  decode: 'utf-8' | 'latin1' | null, whole: boolean, onText: (text: string) => void,
): Promise<string> {
  const decoder = decode ? new TextDecoder(decode) : null;
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
      const text = decoder.decode(chunk, { stream: true });
      if (whole) parts.push(text); else onText(text);
    });
    const rest = decoder && !whole ? decoder.decode() : '';
    if (rest) onText(rest);
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
