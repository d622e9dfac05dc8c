/**
 * Finding the header of a foreign sheet: the first row that reads like column titles, up to
 * two more title rows under it (multi-row headers of the Renstra forms, often merged), and
 * the row of column numbers (1, 2, 3 …) that Permendagri 86/2017 forms print below them.
 */
import { headerKey } from '../layout/tables.js';
import { isBlank, type CellValue } from '../snapshot.js';
import type { Grid } from './grid.js';

/** How far down titles and notes may push the header. */
const SEARCH_ROWS = 30;
const MAX_HEADER_ROWS = 3;

/** Words that make a cell read as a column title (compared as `headerKey` substrings). */
const TITLE_WORDS = [
  'kode', 'indikator', 'tujuan', 'sasaran', 'program', 'kegiatan', 'target', 'pagu', 'anggaran', 'satuan',
  'kondisi', 'capaian', 'lokasi', 'unitkerja', 'penanggungjawab', 'level', 'uraian', 'nomenklatur', 'baseline',
  'pendanaan', 'urusan', 'bidang', 'realisasi', 'keterangan', 'catatan', 'jabatan', 'pernyataan', 'induk', 'kunci',
];
/** Short sub-titles under a group title (`Target | Rp`, `K | Rp`). */
const SUB_TITLES = new Set(['target', 'rp', 'k', 'tk', 'kinerja', 'pagu', 'anggaran', 'dana', 'rupiah', 'rpjuta', 'volume', 'capaian', 'realisasi', 'satuan', 'no', 'nomor']);

export interface HeaderBlock {
  /** Sheet rows holding titles. */
  titleRows: number[];
  /** Sheet row of the column-number row, when present. */
  numberRow?: number;
  /** First row after the header. */
  dataStart: number;
  /** Per 0-based sheet column: its title parts from top to bottom (merges resolved). */
  labels: Map<number, string[]>;
}

export function text(v: CellValue): string {
  if (v === null) return '';
  return String(v).replace(/[\u00a0\s]+/g, ' ').trim();
}

export const isYear = (v: CellValue): boolean => {
  const t = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^(?:tahun\s*)?(19|20)\d\d$/i.test(t);
};

function isTitleCell(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const k = headerKey(v);
  return k.length > 0 && k.length <= 90 && TITLE_WORDS.some((w) => k.includes(w));
}

/**
 * A row under the first title row that still belongs to the header. Besides reading like
 * titles, a sub-title must sit under a group title (a merge across columns) or under an
 * empty cell: text right under a plain single title is the first data row.
 */
function isSubTitleRow(g: Grid, row: number): boolean {
  let any = false;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    const v = g.raw(row, c);
    if (isBlank(v)) continue;
    any = true;
    if (isYear(v)) continue;
    if (typeof v !== 'string') return false;
    const k = headerKey(v);
    if (SUB_TITLES.has(k)) continue;
    if (k.length > 45 || !isTitleCell(v) || !underGroup(g, row - 1, c)) return false;
  }
  return any;
}

function underGroup(g: Grid, above: number, c: number): boolean {
  const m = g.coveredBy(above, c) ?? g.anchorOf(above, c);
  if (m) return m.right > m.left;
  return isBlank(g.raw(above, c));
}

/** Integers 1, 2, 3 … (or `(1)`, `(2)` …), increasing, at least three of them. */
export function isColumnNumberRow(g: Grid, row: number): boolean {
  let prev = 0;
  let count = 0;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    const v = g.raw(row, c);
    if (isBlank(v)) continue;
    const t = typeof v === 'number' ? String(v) : String(v).trim().replace(/^\((\d+)\)$/, '$1');
    if (!/^\d{1,3}$/.test(t)) return false;
    const n = Number(t);
    if (n <= prev) return false;
    prev = n;
    count++;
  }
  return count >= 3;
}

/** Title rows must hold at least `minTitles` title cells; returns undefined when none does. */
export function findHeader(g: Grid, minTitles = 3): HeaderBlock | undefined {
  const last = Math.min(g.lastRow, g.firstRow + SEARCH_ROWS);
  for (let row = g.firstRow; row <= last; row++) {
    // Only cells typed in this row count: a title merged across the sheet is one cell.
    let titles = 0;
    for (let c = g.firstCol; c <= g.lastCol; c++) if (g.fresh(row, c) && isTitleCell(g.raw(row, c))) titles++;
    if (titles < minTitles) continue;
    const titleRows = [row];
    while (titleRows.length < MAX_HEADER_ROWS && row + titleRows.length <= g.lastRow) {
      const next = row + titleRows.length;
      if (isColumnNumberRow(g, next) || !isSubTitleRow(g, next)) break;
      titleRows.push(next);
    }
    let dataStart = titleRows[titleRows.length - 1] + 1;
    const block: HeaderBlock = { titleRows, dataStart, labels: new Map() };
    if (dataStart <= g.lastRow && isColumnNumberRow(g, dataStart)) {
      block.numberRow = dataStart;
      dataStart++;
    }
    block.dataStart = dataStart;
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      const parts: string[] = [];
      for (const r of titleRows) {
        const t = text(g.shown(r, c));
        // A title merged down over several header rows repeats: keep it once.
        if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
      }
      if (parts.length) block.labels.set(c, parts);
    }
    return block;
  }
  return undefined;
}

/** The header rows of a block in sheet order (titles, then the column-number row). */
export function headerRows(h: HeaderBlock): number[] {
  return h.numberRow !== undefined ? [...h.titleRows, h.numberRow] : [...h.titleRows];
}
