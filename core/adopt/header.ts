/**
 * Finding the header of a foreign sheet, as real matrices have it: title lines above it; the
 * first row that reads like column titles; up to four more title rows under it (group titles
 * merged across their columns, year labels in any row, `Target | Rp` / `K | Rp` /
 * `Target | Satuan | Rp` sub-titles, titles merged down); and the row of column numbers the
 * Permendagri 86/2017 forms print below (`1, 2, 3 …`, `(4)`, `12 = 8+9+10+11`).
 *
 * The result gives each column its title parts from top to bottom. It is the base of every
 * matrix adopter (Renstra, RPJMD, and the Renja evaluation form built on it).
 */
import { headerKey } from '../layout/tables.js';
import { isBlank, type CellValue } from '../snapshot.js';
import type { Grid, Merge } from './grid.js';
import { isYearLabel } from './yearlabels.js';

/** How far down titles and notes may push the header. */
const SEARCH_ROWS = 40;
export const MAX_HEADER_ROWS = 5;

/** Words that make a cell read as a column title (compared as `headerKey` substrings). */
const TITLE_WORDS = [
  'kode', 'indikator', 'tujuan', 'sasaran', 'program', 'kegiatan', 'target', 'pagu', 'anggaran', 'satuan',
  'kondisi', 'capaian', 'lokasi', 'unitkerja', 'penanggungjawab', 'level', 'uraian', 'nomenklatur', 'baseline',
  'pendanaan', 'urusan', 'bidang', 'realisasi', 'keterangan', 'catatan', 'jabatan', 'pernyataan', 'induk', 'kunci',
  'kinerja', 'perangkatdaerah', 'skpd', 'outcome', 'output', 'definisi', 'formula', 'rumus', 'sumberdata', 'polaritas',
];
const TITLE_EXACT = new Set(['no', 'nomor', 'nourut', 'opd', 'pd', 'pj', 'rp', 'k', 'iku', 'nilai']);
/** Short sub-titles under a group title. */
const SUB_TITLES = new Set([
  'target', 'rp', 'k', 'tk', 'kinerja', 'pagu', 'anggaran', 'dana', 'rupiah', 'volume', 'capaian', 'realisasi',
  'satuan', 'no', 'nomor', 'fisik', 'keuangan', 'persen', 'kuantitas', 'kualitas', 'waktu', 'biaya', 'nilai',
  // Code part sub-titles under `Kode`: urusan, bidang, program, kegiatan, sub kegiatan.
  'u', 'b', 'p', 'sk', 'urs', 'bid', 'prog', 'keg', 'subkeg', 'ub',
]);
/**
 * Quarters under `Realisasi Kinerja pada Triwulan` (the Renja evaluation form): sub-titles only
 * under such a title, so a kelompok urusan row `I` right under a header is never taken for one.
 */
const QUARTERS = new Set(['i', 'ii', 'iii', 'iv', '1', '2', '3', '4', 'twi', 'twii', 'twiii', 'twiv', 'tw1', 'tw2', 'tw3', 'tw4',
  'triwulani', 'triwulanii', 'triwulaniii', 'triwulaniv', 'triwulan1', 'triwulan2', 'triwulan3', 'triwulan4']);
function underQuarters(g: Grid, row: number, c: number): boolean {
  // The group title above, merged over the quarters or typed in its first column only.
  for (let x = c; x >= Math.max(g.firstCol, c - 8); x--) {
    const t = text(g.shown(row - 1, x));
    if (t !== '') return /triwulan|\btw\b/i.test(t);
  }
  return false;
}
/** `Rp (000)`, `Rp. (juta)`, `(Rp. 000)`, `Rp Juta`, `Anggaran (Rp)`, `Pagu (dalam ribuan)`. */
const MONEY_LABEL = /^\(?\s*(?:rp|pagu|anggaran|dana|biaya)\.?\s*\(?\s*(?:rp\.?)?\s*(?:000|ribu|ribuan|juta|jutaan|miliar|milyar|dalam\s+\w+(?:\s+rupiah)?)?\s*\)?\s*\)?$/i;

export interface HeaderBlock {
  /** Title lines above the header (the document's title block), as typed. */
  titleBlock: string[];
  /** Sheet rows holding titles. */
  titleRows: number[];
  /** Sheet row of the column-number row, when present. */
  numberRow?: number;
  /** Per column: the text of its column-number cell (`12 = 8+9+10+11`), merges resolved. */
  numberLabels?: Map<number, string>;
  /** First row after the header. */
  dataStart: number;
  /** Per 0-based sheet column: its title parts from top to bottom (merges resolved). */
  labels: Map<number, string[]>;
  /** Per column: the sheet cell its deepest title part comes from. */
  labelCells: Map<number, string>;
  /**
   * Grid columns that print as one column with the column left of them: one title merged
   * across both, identical parts (PDF-to-Excel copies). Column → its first column.
   */
  spans: Map<number, number>;
}

export function text(v: CellValue): string {
  if (v === null) return '';
  return String(v).replace(/[\u00a0\s]+/g, ' ').trim();
}

/** Kept for callers that only need "is this a 4-digit year label". */
export const isYear = (v: CellValue): boolean => isYearLabel(v);

function isTitleText(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const k = headerKey(v);
  if (k.length === 0 || k.length > 90) return false;
  return TITLE_EXACT.has(k) || TITLE_WORDS.some((w) => k.includes(w));
}

export function isMoneyLabel(v: string): boolean {
  return MONEY_LABEL.test(v.replace(/\s+/g, ' ').trim());
}

/** Data, never a title: a code (`1.02.02`), a number other than a year, long prose. */
function looksLikeData(v: CellValue): boolean {
  if (typeof v === 'number') return !isYearLabel(v);
  if (typeof v !== 'string') return v !== null;
  const t = v.trim();
  return /^[0-9X]{1,2}(?:[.,][0-9X]{1,4}){1,5}$/.test(t) || t.length > 90;
}

/** Is the cell above a title of a group this cell belongs to? */
function underGroup(g: Grid, above: number, c: number): boolean {
  const m = g.coveredBy(above, c) ?? g.anchorOf(above, c);
  if (m) return m.right > m.left;
  const v = g.raw(above, c);
  if (isBlank(v)) return true;
  if (isYearLabel(v)) return true;
  // A group title typed in its first column only, the rest of its width left blank.
  return c + 1 <= g.lastCol && isBlank(g.raw(above, c + 1)) && !g.coveredBy(above, c + 1);
}

/** A row under the title row that still belongs to the header. */
function isSubTitleRow(g: Grid, row: number): boolean {
  let any = false;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    if (!g.fresh(row, c)) continue;
    const v = g.raw(row, c);
    any = true;
    if ((typeof v === 'string' || typeof v === 'number') && QUARTERS.has(headerKey(v)) && underQuarters(g, row, c)) continue;
    if (looksLikeData(v)) return false;
    if (isYearLabel(v)) continue;
    if (typeof v !== 'string') return false;
    const k = headerKey(v);
    if (SUB_TITLES.has(k) || isMoneyLabel(v) || /^\(?\s*%\s*\)?$/.test(v.trim())) continue;
    if (k.length > 60 || !isTitleText(v) || !underGroup(g, row - 1, c)) return false;
  }
  return any;
}

/** A column-number label: `1`, `(1)`, `12 = 8+9+10+11`, `13=12/7*100`, `7 (5+6)`. */
function columnNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 300 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\(?\s*(\d{1,3})\s*\)?(?:\s*(?:=|:)?\s*\(?[\d\s+\-*/x×:().,%]*\)?)?$/.exec(v.trim());
  return m ? Number(m[1]) : undefined;
}

/** Column numbers 1, 2, 3 … (formula labels allowed), mostly increasing, at least three. */
export function isColumnNumberRow(g: Grid, row: number): boolean {
  let prev = 0;
  let count = 0;
  let falls = 0;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    if (!g.fresh(row, c)) continue;
    const n = columnNumber(g.raw(row, c));
    if (n === undefined) return false;
    if (n <= prev) falls++;
    prev = n;
    count++;
  }
  return count >= 3 && falls <= Math.floor(count / 8);
}

function titleCount(g: Grid, row: number): number {
  let n = 0;
  for (let c = g.firstCol; c <= g.lastCol; c++) if (g.fresh(row, c) && isTitleText(g.raw(row, c))) n++;
  return n;
}

/** The first row with `minTitles` title cells, and the header block from there. */
export function findHeader(g: Grid, minTitles = 3): HeaderBlock | undefined {
  const last = Math.min(g.lastRow, g.firstRow + SEARCH_ROWS);
  for (let row = g.firstRow; row <= last; row++) {
    // Only cells typed in this row count: a title merged across the sheet is one cell.
    if (titleCount(g, row) < minTitles) continue;
    return headerAt(g, row);
  }
  return undefined;
}

/** The header block whose first title row is `row`. */
export function headerAt(g: Grid, row: number): HeaderBlock {
  const titleRows = [row];
  // Titles merged down mark the header's depth (`Kode` over three rows).
  let bottom = row;
  const deepen = (r: number) => {
    for (const m of g.mergesFrom(r)) if (m.bottom > bottom && m.bottom - row < MAX_HEADER_ROWS) bottom = m.bottom;
  };
  deepen(row);
  for (let next = row + 1; titleRows.length < MAX_HEADER_ROWS && next <= g.lastRow; next++) {
    if (isColumnNumberRow(g, next)) break;
    if (next > bottom && !isSubTitleRow(g, next)) break;
    titleRows.push(next);
    deepen(next);
  }
  let dataStart = titleRows[titleRows.length - 1] + 1;
  const block: HeaderBlock = { titleBlock: titleLines(g, row), titleRows, dataStart, labels: new Map(), labelCells: new Map(), spans: new Map() };
  if (dataStart <= g.lastRow && isColumnNumberRow(g, dataStart)) {
    block.numberRow = dataStart;
    block.numberLabels = new Map();
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      const t = text(g.shown(dataStart, c));
      if (t !== '') block.numberLabels.set(c, t);
    }
    dataStart++;
  }
  block.dataStart = dataStart;
  const filled = fillGroupTitles(g, titleRows);
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    const parts: string[] = [];
    let cell = '';
    for (const r of titleRows) {
      const t = text(filled.get(key(r, c)) ?? g.shown(r, c));
      // A title merged down over several header rows repeats: keep it once.
      if (t !== '' && parts[parts.length - 1] !== t) { parts.push(t); cell = g.cell(anchorRow(g, r, c), anchorCol(g, r, c)); }
    }
    if (parts.length) { block.labels.set(c, parts); block.labelCells.set(c, cell); }
  }
  findSpans(g, block);
  return block;
}

const key = (r: number, c: number) => r * 16384 + c;
const anchorRow = (g: Grid, r: number, c: number) => g.coveredBy(r, c)?.top ?? r;
const anchorCol = (g: Grid, r: number, c: number) => g.coveredBy(r, c)?.left ?? c;

function titleLines(g: Grid, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = g.firstRow; r < headerRow; r++) {
    for (let c = g.firstCol; c <= g.lastCol; c++) if (g.fresh(r, c)) out.push(text(g.raw(r, c)));
  }
  return out.filter((t) => t !== '');
}

/**
 * A group title typed in its first column only (no merge), over sub-titles: its blank
 * neighbours to the right take it while they have titles below them and sit under the same
 * title in the row above (`Tahun 2019 | (blank)` over `Target | Rp`).
 */
function fillGroupTitles(g: Grid, rows: number[]): Map<number, string> {
  const out = new Map<number, string>();
  const seen = (r: number, c: number) => out.get(key(r, c)) ?? text(g.shown(r, c));
  for (let i = 0; i < rows.length - 1; i++) {
    const r = rows[i];
    const below = rows.slice(i + 1);
    const hasBelow = (col: number) => below.some((b) => !isBlank(g.shown(b, col)));
    let source: { col: number; value: string } | undefined;
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      if (g.coveredBy(r, c)) { source = undefined; continue; }
      const v = g.raw(r, c);
      if (!isBlank(v)) { source = hasBelow(c) ? { col: c, value: text(v) } : undefined; continue; }
      const sameParent = i === 0 || (source !== undefined && seen(rows[i - 1], c) === seen(rows[i - 1], source.col));
      if (source && hasBelow(c) && sameParent) out.set(key(r, c), source.value);
      else source = undefined;
    }
  }
  return out;
}

/** Columns joined to their left neighbour by one title merge, with identical parts. */
function findSpans(g: Grid, h: HeaderBlock): void {
  for (const [c, parts] of h.labels) {
    const left = h.labels.get(c - 1);
    if (!left || left.length !== parts.length || left.some((p, i) => p !== parts[i])) continue;
    const joined = h.titleRows.some((r) => {
      const m: Merge | undefined = g.coveredBy(r, c);
      return !!m && m.left <= c - 1;
    });
    if (joined) h.spans.set(c, h.spans.get(c - 1) ?? c - 1);
  }
}

/** The header rows of a block in sheet order (titles, then the column-number row). */
export function headerRows(h: HeaderBlock): number[] {
  return h.numberRow !== undefined ? [...h.titleRows, h.numberRow] : [...h.titleRows];
}
