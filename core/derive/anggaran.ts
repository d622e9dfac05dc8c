/**
 * The budget block of a PK (SAKIP.md §8), shared by the PK sheet and rule B05: which coded
 * boxes a position's PK lists, from which pagu column, and what they should add up to.
 * - Level: the coded boxes at the level configured for the jenjang (`Anggaran PK <jenjang>`)
 *   that the position owns or that lie below its boxes. An owned coded box with none below
 *   it (a tree that stops at kegiatan) is listed itself, at the nearest coded level the
 *   position owns: the block is never empty by accident.
 * - Source: `Pagu DPA <year>` when the workbook has that column (the approved budget the PK
 *   is signed with), else `Pagu <year>`, the Renstra's indicative pagu.
 */
import type { BudgetLevel, NomenklaturType } from '../config.js';
import type { Box, PohonKinerja } from '../model.js';
import { treeOrder } from './matriks.js';

const TYPE: Record<BudgetLevel, NomenklaturType> = { Program: 'program', Kegiatan: 'kegiatan', 'Sub Kegiatan': 'sub_kegiatan' };
const LEVEL_OF: Record<NomenklaturType, BudgetLevel> = { program: 'Program', kegiatan: 'Kegiatan', sub_kegiatan: 'Sub Kegiatan' };

export type PaguSource = 'DPA' | 'Renstra';

export interface BudgetBlock {
  /** The level configured for the position's jenjang. */
  configured: BudgetLevel;
  /** The level listed: `configured`, or the nearest coded level the position owns when every item falls back. */
  level: BudgetLevel;
  items: Box[];
  /** Owned coded boxes with nothing at the configured level below them, listed at their own level. */
  fallback: Box[];
  source: PaguSource;
  /** The amount of each item for the year (null = blank). */
  amounts: (number | null)[];
  total: number;
}

/** The coded boxes at `level` that the owned boxes are, or that lie below them (tree order, once each). */
export function budgetItems(owned: Box[], level: BudgetLevel): Box[] {
  const type = TYPE[level];
  const out: Box[] = [];
  const seen = new Set<Box>();
  const visit = (b: Box) => {
    if (seen.has(b)) return;
    seen.add(b);
    if (b.level?.nomenklatur === type) { out.push(b); return; }
    for (const c of b.children) visit(c);
  };
  for (const b of owned) visit(b);
  return out;
}

/** `DPA` when the workbook has a `Pagu DPA <year>` column, else `Renstra`. */
export function paguSource(tree: PohonKinerja, tahun: number): PaguSource {
  return tree.tables.pohon?.cols[`paguDpa:${tahun}`] !== undefined ? 'DPA' : 'Renstra';
}

/** A box's pagu for the year from the given source. */
export function paguOf(b: Box, yi: number, source: PaguSource): number | null {
  if (yi < 0) return null;
  return (source === 'DPA' ? b.paguDpa[yi] : b.pagu[yi]) ?? null;
}

/** The boxes a position owns, in tree order. */
export function ownedBoxes(tree: PohonKinerja, idJabatan: string): Box[] {
  return treeOrder(tree).filter((b) => b.penanggungJawab === idJabatan);
}

/** The items of a position's budget block (any year): the level part of `budgetBlock`. */
export function budgetItemsOf(tree: PohonKinerja, idJabatan: string, owned: Box[]): Pick<BudgetBlock, 'configured' | 'level' | 'items' | 'fallback'> {
  const j = tree.jabatanById.get(idJabatan);
  const configured: BudgetLevel = j?.jenjang ? tree.config.anggaranPk[j.jenjang] : 'Sub Kegiatan';
  const type = TYPE[configured];
  const items: Box[] = [];
  const fallback: Box[] = [];
  const seen = new Set<Box>();
  const visit = (b: Box, found: Box[]) => {
    if (seen.has(b)) return;
    seen.add(b);
    if (b.level?.nomenklatur === type) { found.push(b); return; }
    for (const c of b.children) visit(c, found);
  };
  for (const b of owned) {
    if (seen.has(b)) continue;
    const found: Box[] = [];
    visit(b, found);
    if (found.length) items.push(...found);
    else if (b.level?.nomenklatur) {
      // Nothing at the configured level below this box (a tree that stops at kegiatan):
      // the box itself, the nearest coded level the position owns.
      items.push(b);
      fallback.push(b);
    }
  }
  const levels = [...new Set(items.map((b) => LEVEL_OF[b.level!.nomenklatur!]))];
  const level = fallback.length === 0 ? configured : levels.length === 1 ? levels[0] : configured;
  return { configured, level, items, fallback };
}

export function budgetBlock(tree: PohonKinerja, idJabatan: string, tahun: number, owned = ownedBoxes(tree, idJabatan), of = budgetItemsOf(tree, idJabatan, owned)): BudgetBlock {
  const yi = tree.config.years.indexOf(tahun);
  const source = paguSource(tree, tahun);
  const amounts = of.items.map((b) => paguOf(b, yi, source));
  const total = amounts.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return { ...of, source, amounts, total };
}

/** Every position's owned boxes in tree order, in one pass over the tree. */
export function ownedByPosition(tree: PohonKinerja): Map<string, Box[]> {
  const out = new Map<string, Box[]>();
  for (const b of treeOrder(tree)) {
    if (!b.penanggungJawab) continue;
    (out.get(b.penanggungJawab) ?? out.set(b.penanggungJawab, []).get(b.penanggungJawab)!).push(b);
  }
  return out;
}

/**
 * What the block should add up to: the pagu of the coded boxes the position owns that have
 * no owned coded ancestor (an owned program already holds its owned kegiatan). Null when
 * the position owns no coded box (e.g. a Kepala OPD owning only Sasaran Strategis).
 */
export function ownedPagu(owned: Box[], yi: number, source: PaguSource): number | null {
  const mine = new Set(owned);
  let total: number | null = null;
  for (const b of owned) {
    if (!b.level?.nomenklatur) continue;
    let p = b.parent;
    const seen = new Set<Box>([b]);
    let covered = false;
    while (p && !seen.has(p)) {
      if (mine.has(p) && p.level?.nomenklatur) { covered = true; break; }
      seen.add(p);
      p = p.parent;
    }
    if (covered) continue;
    total = (total ?? 0) + (paguOf(b, yi, source) ?? 0);
  }
  return total;
}
