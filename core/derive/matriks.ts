/**
 * `Matriks Cascading` (SAKIP.md §4.3): one row per indicator of every box in depth-first
 * order; the columns left of a box's own level repeat its ancestors, merged vertically over
 * the rows below them. Satuan, Kondisi Awal, targets, pagu and Penanggung Jawab belong to the
 * row's own indicator and box. `core/adopt` reads this sheet back (round trip; pass the
 * Jabatan table, since `Penanggung Jawab` shows position names).
 *
 * Made to be read on paper: one year (`tahun`) or the whole period, position names instead
 * of IDs, fit to the page width only (rows flow over pages, the header row repeats on each),
 * A4/A3/F4 landscape, and optionally a band per Sasaran Strategis that replaces the four
 * Tujuan/Sasaran columns. Merged hierarchy columns are narrow (they span many rows); the
 * indicator columns, which set the row heights, are wider.
 */
import { levelsOfTree } from '../config.js';
import type { Box, Indikator, PohonKinerja, Target } from '../model.js';
import { fitColumnWidths, fitRowHeights } from './fit.js';
import { angkaText, numberStyle, SheetBuilder, type Paper, type SheetSpec, type SpecValue } from './spec.js';

export const MATRIKS_SHEET = 'Matriks Cascading';

interface GroupCols { stmt?: number; ind: number; kode?: number; name?: number }

/**
 * The contract's columns (SAKIP.md §4.3) per group. The sub kegiatan group has no statement
 * column in the contract, so a Sasaran Sub Kegiatan statement is not shown here.
 */
export const MATRIKS_GROUPS: GroupCols[] = [
  { stmt: 1, ind: 2 },
  { stmt: 3, ind: 4 },
  { kode: 5, name: 6, stmt: 7, ind: 8 },
  { kode: 9, name: 10, stmt: 11, ind: 12 },
  { kode: 13, name: 14, ind: 15 },
];
const FIXED_HEADERS = [
  'Tujuan', 'Indikator Tujuan', 'Sasaran Strategis', 'Indikator Sasaran', 'Kode', 'Program', 'Sasaran Program', 'Indikator Program',
  'Kode', 'Kegiatan', 'Sasaran Kegiatan', 'Indikator Kegiatan', 'Kode', 'Sub Kegiatan', 'Indikator Sub Kegiatan', 'Satuan', 'Kondisi Awal',
];
/**
 * Widths (Excel character units) of the 17 fixed columns: merged statement and name columns
 * 14, indicator columns 20, code columns as wide as their longest code (`1.02.02.2.01.0006`).
 */
const FIXED_WIDTHS = [14, 20, 14, 20, 9, 14, 14, 20, 12.5, 14, 14, 20, 17, 14, 20, 9, 9];
const TARGET_WIDTH = 9;
/** Wide enough for Rp 99.999.999.999. */
const PAGU_WIDTH = 14.5;
const PJ_WIDTH = 16;

export interface MatriksOptions {
  /** One year's Target and Pagu columns; default every year of the period. */
  tahun?: number;
  /** Default A4 (landscape). */
  kertas?: Paper;
  /** A band per Tujuan and Sasaran Strategis instead of their four columns (a print view; not read back). */
  perSasaran?: boolean;
  /** `Penanggung Jawab` as `ID Jabatan` instead of the position's name. */
  idJabatan?: boolean;
}

export function matriksHeaders(years: number[]): string[] {
  return [...FIXED_HEADERS, ...years.map((y) => `Target ${y}`), ...years.map((y) => `Pagu ${y}`), 'Penanggung Jawab'];
}

/** Boxes in tree order: roots in row order, each followed by its subtree (children in row order). */
export function treeOrder(tree: PohonKinerja): Box[] {
  const out: Box[] = [];
  const seen = new Set<Box>();
  const visit = (b: Box) => {
    if (seen.has(b)) return;
    seen.add(b);
    out.push(b);
    for (const c of b.children) visit(c);
  };
  for (const b of tree.boxes) if (!b.parent) visit(b);
  // Boxes caught in a cycle (T03) have no root above them; list them last rather than lose them.
  for (const b of tree.boxes) visit(b);
  return out;
}

/**
 * The rows of a nested view (Matriks, level table): boxes shown in a column, each followed by
 * the boxes nested under it, with the number of rows each spans (its own rows plus its
 * nested boxes'). A box nests under its nearest shown ancestor only when its column lies to
 * the right of that ancestor's; otherwise (a level inversion, T04, or a cycle) it starts
 * its own block (after the block it would have sat in), so no merged ancestor covers it and
 * hides its text.
 */
export function nestedRows(tree: PohonKinerja, colOf: (b: Box) => number | undefined, ownRows: (b: Box) => number): { ordered: Box[]; span: Map<Box, number> } {
  const kids = new Map<Box, Box[]>();
  const roots: Box[] = [];
  for (const b of treeOrder(tree)) {
    const c = colOf(b);
    if (c === undefined) continue;
    let a = b.parent;
    const seen = new Set<Box>([b]);
    while (a && !seen.has(a) && colOf(a) === undefined) { seen.add(a); a = a.parent; }
    const ac = a && !seen.has(a) ? colOf(a) : undefined;
    if (a && ac !== undefined && ac < c) (kids.get(a) ?? kids.set(a, []).get(a)!).push(b);
    else roots.push(b);
  }
  const ordered: Box[] = [];
  const span = new Map<Box, number>();
  const visit = (b: Box): number => {
    ordered.push(b);
    let n = ownRows(b);
    for (const k of kids.get(b) ?? []) n += visit(k);
    span.set(b, n);
    return n;
  };
  for (const r of roots) visit(r);
  return { ordered, span };
}

/** Which matrix group a box's level falls in: uncoded levels fill Tujuan/Sasaran from the bottom. */
export function groupIndex(tree: PohonKinerja): (b: Box) => number | undefined {
  const uncoded = levelsOfTree(tree.config).filter((l) => !l.nomenklatur).map((l) => l.name);
  return (b) => {
    const l = b.level;
    if (!l) return undefined;
    if (l.nomenklatur === 'program') return 2;
    if (l.nomenklatur === 'kegiatan') return 3;
    if (l.nomenklatur === 'sub_kegiatan') return 4;
    const i = uncoded.indexOf(l.name);
    if (i < 0) return undefined;
    return i === uncoded.length - 1 ? 1 : 0;
  };
}

/** A target as a cell: numbers stay numbers; a range prints with the decimal comma (`13,5 - 15`). */
export function targetValue(t: Target | null): SpecValue {
  if (!t) return null;
  switch (t.kind) {
    case 'number': return t.value;
    case 'range': return `${angkaText(t.low)} - ${angkaText(t.high)}`;
    case 'none': return '-';
    default: return t.text;
  }
}

/** `Penanggung Jawab` as printed: the position's name, or its ID when unknown (or asked). */
function ownerText(tree: PohonKinerja, id: string, asId: boolean): string | null {
  if (!id) return null;
  return asId ? id : (tree.jabatanById.get(id)?.nama || id);
}

export function matriksSheet(tree: PohonKinerja, opts: MatriksOptions = {}): SheetSpec {
  const all = tree.config.years;
  const shownYears = opts.tahun !== undefined && all.includes(opts.tahun) ? [opts.tahun] : all;
  const yearIdx = shownYears.map((y) => all.indexOf(y));
  const band = opts.perSasaran === true;
  const headers = matriksHeaders(shownYears);
  const widths = [...FIXED_WIDTHS, ...shownYears.map(() => TARGET_WIDTH), ...shownYears.map(() => PAGU_WIDTH), PJ_WIDTH];
  // In band mode the four Tujuan/Sasaran columns go; every column moves 4 to the left.
  const drop = band ? 4 : 0;
  const col = (c: number) => c - drop;
  const period = shownYears.length === 1 ? `Tahun ${shownYears[0]}` : `Tahun ${shownYears[0]}–${shownYears[shownYears.length - 1]}`;
  const s = new SheetBuilder(MATRIKS_SHEET, widths.slice(drop), {
    paper: opts.kertas ?? 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [1, 1],
    header: `Matriks Cascading ${tree.config.namaOpd} ${period}`.replace(/\s+/g, ' '), pageNumbers: true,
  });
  s.spec.freezeRows = 1;
  headers.slice(drop).forEach((h, i) => s.set(1, i + 1, h, 'header'));
  const groupOf = groupIndex(tree);
  const firstTarget = col(18);
  const firstPagu = firstTarget + shownYears.length;
  const pjCol = firstPagu + shownYears.length;
  const lastCol = pjCol;
  const isBand = (b: Box) => band && (groupOf(b) as number) <= 1;
  // The column a box's statement (or code) sits in; bands sit left of everything.
  const colOfBox = (b: Box): number | undefined => {
    const g = groupOf(b);
    if (g === undefined) return undefined;
    if (band && g <= 1) return g - 2;
    const gc = MATRIKS_GROUPS[g];
    return gc.kode ?? gc.stmt;
  };
  const own = (b: Box) => Math.max(1, b.indicators.length) + (isBand(b) ? 1 : 0);
  const { ordered, span } = nestedRows(tree, colOfBox, own);
  const numbers = (r: number, ind: Indikator | undefined) => {
    s.set(r, col(16), ind?.satuan || null, 'center');
    const awal = ind ? targetValue(ind.kondisiAwal) : null;
    s.set(r, col(17), awal, numberStyle(awal));
    yearIdx.forEach((y, k) => { const v = ind ? targetValue(ind.targets[y]) : null; s.set(r, firstTarget + k, v, numberStyle(v)); });
  };
  let row = 2;
  for (const b of ordered) {
    const g = groupOf(b) as number;
    const inds: (Indikator | undefined)[] = b.indicators.length ? b.indicators : [undefined];
    if (isBand(b)) {
      // The band: the statement across the whole width, then one row per indicator.
      const label = g === 0 ? 'Tujuan' : 'Sasaran Strategis';
      s.merge(row, 1, row, lastCol, `${label}: ${b.pernyataan || b.id}`, 'band');
      row++;
      inds.forEach((ind, k) => {
        s.merge(row, 1, row, col(15), ind ? `Indikator ${label}: ${ind.nama}` : null, 'text');
        numbers(row, ind);
        yearIdx.forEach((_, y) => s.set(row, firstPagu + y, null, 'money'));
        s.set(row, pjCol, k === 0 ? ownerText(tree, b.penanggungJawab, opts.idJabatan === true) : null, 'text');
        row++;
      });
      continue;
    }
    const gc = MATRIKS_GROUPS[g];
    const first = row;
    const last = row + (span.get(b) as number) - 1;
    const ownLast = row + own(b) - 1;
    const text = (c: number | undefined, v: string) => { if (c !== undefined) s.merge(first, col(c), last, col(c), v || null, 'text'); };
    text(gc.stmt, b.pernyataan);
    text(gc.kode, b.kode);
    text(gc.name, b.nomenklatur);
    inds.forEach((ind, k) => {
      const r = row + k;
      s.set(r, col(gc.ind), ind?.nama ?? null, 'text');
      numbers(r, ind);
    });
    // Pagu and owner sit on the box's first row only, unmerged: numbers are never read from
    // a merge, and ExcelJS checks each new merge against all others (quadratic on large sheets).
    yearIdx.forEach((y, k) => s.set(first, firstPagu + k, b.pagu[y] ?? b.paguRaw[y], 'money'));
    s.set(first, pjCol, ownerText(tree, b.penanggungJawab, opts.idJabatan === true), 'text');
    for (let r = first + 1; r <= ownLast; r++) {
      yearIdx.forEach((_, k) => s.set(r, firstPagu + k, null, 'money'));
      s.set(r, pjCol, null, 'text');
    }
    row = ownLast + 1;
  }
  return fitRowHeights(fitColumnWidths(s.spec));
}
