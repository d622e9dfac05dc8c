/**
 * `Matriks Cascading` (SAKIP.md §4.3): one row per indicator of every box in depth-first
 * order; the columns left of a box's own level repeat its ancestors, merged vertically over
 * the rows below them. Satuan, Kondisi Awal, targets, pagu and Penanggung Jawab belong to the
 * row's own indicator and box. `core/adopt` reads this sheet back (round trip).
 */
import { levelsOfTree } from '../config.js';
import type { Box, Indikator, PohonKinerja, Target } from '../model.js';
import { SheetBuilder, type SheetSpec, type SpecValue } from './spec.js';

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

export function targetValue(t: Target | null): SpecValue {
  if (!t) return null;
  switch (t.kind) {
    case 'number': return t.value;
    case 'range': return `${t.low} - ${t.high}`;
    case 'none': return '-';
    default: return t.text;
  }
}

export function matriksSheet(tree: PohonKinerja): SheetSpec {
  const years = tree.config.years;
  const headers = matriksHeaders(years);
  const widths = headers.map((h, i) => (i >= 17 ? (h.startsWith('Pagu') ? 16 : 10) : [0, 2, 6, 9, 13].includes(i) ? 30 : [1, 3, 7, 11, 14].includes(i) ? 30 : i === 16 ? 10 : 14));
  const s = new SheetBuilder(MATRIKS_SHEET, widths, { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [1, 1] });
  s.spec.freezeRows = 1;
  headers.forEach((h, i) => s.set(1, i + 1, h, 'header'));
  const groupOf = groupIndex(tree);
  const firstTarget = 18;
  const firstPagu = firstTarget + years.length;
  const pjCol = firstPagu + years.length;
  // Rows each box spans (its own indicator rows plus its subtree), computed bottom-up.
  const ordered = treeOrder(tree).filter((b) => groupOf(b) !== undefined);
  const own = new Map<Box, number>(ordered.map((b) => [b, Math.max(1, b.indicators.length)]));
  const span = new Map<Box, number>();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const b = ordered[i];
    let n = own.get(b) as number;
    for (const c of b.children) n += span.get(c) ?? 0;
    span.set(b, n);
  }
  let row = 2;
  for (const b of ordered) {
    const gc = MATRIKS_GROUPS[groupOf(b) as number];
    const first = row;
    const last = row + (span.get(b) as number) - 1;
    const ownLast = row + (own.get(b) as number) - 1;
    const text = (col: number | undefined, v: string) => { if (col !== undefined) s.merge(first, col, last, col, v || null, 'text'); };
    text(gc.stmt, b.pernyataan);
    text(gc.kode, b.kode);
    text(gc.name, b.nomenklatur);
    const inds: (Indikator | undefined)[] = b.indicators.length ? b.indicators : [undefined];
    inds.forEach((ind, k) => {
      const r = row + k;
      s.set(r, gc.ind, ind?.nama ?? null, 'text');
      s.set(r, 16, ind?.satuan || null, 'center');
      s.set(r, 17, ind ? targetValue(ind.kondisiAwal) : null, 'number');
      years.forEach((_, y) => s.set(r, firstTarget + y, ind ? targetValue(ind.targets[y]) : null, 'number'));
    });
    // Pagu and owner sit on the box's first row only, unmerged: numbers are never read from
    // a merge, and ExcelJS checks each new merge against all others (quadratic on large sheets).
    years.forEach((_, y) => s.set(first, firstPagu + y, b.pagu[y] ?? b.paguRaw[y], 'money'));
    s.set(first, pjCol, b.penanggungJawab || null, 'text');
    for (let r = first + 1; r <= ownLast; r++) {
      years.forEach((_, y) => s.set(r, firstPagu + y, null, 'money'));
      s.set(r, pjCol, null, 'text');
    }
    row = ownLast + 1;
  }
  return s.spec;
}
