/** Shared plumbing of the nomenclature rules (N01–N09, K14). */
import type { Box, NomenklaturRow } from '../model.js';
import { cellOf } from '../model.js';
import type { NomenklaturIndex, NomenklaturLevel } from '../nomenklatur/types.js';
import { classDigitOf, codeLevel, opdBidang, versionInfo, LEVEL_NAMES, type VersionInfo } from '../nomenklatur/code.js';
import { classDigit, type JenisPemda } from '../config.js';
import { indexFromRows, type LoadedNomenklatur } from '../nomenklatur/load.js';
import type { RuleContext } from './context.js';

export interface CodedBox {
  box: Box;
  kode: string;
  /** Level of the code from its shape under the version's widths; null = malformed (N01). */
  shape: NomenklaturLevel | null;
}

/** Everything the nomenclature rules need, computed once per tree. */
export interface NomenklaturFacts {
  version: VersionInfo;
  /** Human label of the version for messages. */
  versi: string;
  bidang: string[];
  /** Boxes with a known level and a non-empty Kode (pemda-level boxes without a nomenclature type skipped). */
  coded: CodedBox[];
}

const factsCache = new WeakMap<object, { key: string; boxes: number; facts: NomenklaturFacts }>();

/** Boxes to judge: a resolved level, and not a pemda-level box without a nomenclature type. */
export function judged(box: Box): boolean {
  if (!box.level) return false;
  return !(box.level.tree === 'pemda' && box.level.nomenklatur === null);
}

export function facts(ctx: RuleContext): NomenklaturFacts {
  const { config, boxes } = ctx.tree;
  const key = `${config.versiNomenklatur}|${config.kodeOpd}`;
  const hit = factsCache.get(ctx.tree);
  if (hit && hit.key === key && hit.boxes === boxes.length) return hit.facts;
  const version = versionInfo(ctx.tree.config.versiNomenklatur);
  const coded: CodedBox[] = [];
  for (const box of ctx.tree.boxes) {
    const kode = (box.kode ?? '').trim();
    if (kode === '' || !judged(box)) continue;
    coded.push({ box, kode, shape: codeLevel(kode, version.widths) });
  }
  const out: NomenklaturFacts = {
    version,
    versi: version.label || '(Versi Nomenklatur kosong / empty)',
    bidang: opdBidang(ctx.tree.config.kodeOpd),
    coded,
  };
  factsCache.set(ctx.tree, { key, boxes: boxes.length, facts: out });
  return out;
}

const refCache = new WeakMap<object, { base: NomenklaturIndex | null; rows: readonly NomenklaturRow[]; index: LoadedNomenklatur | NomenklaturIndex | null }>();

/**
 * The reference list to check against: the workbook's own `Nomenklatur` table over the
 * shipped list, the shipped list alone, or null (nothing loaded and no table: the Ref
 * rules stay silent rather than flood).
 */
export function refIndex(ctx: RuleContext): (NomenklaturIndex & Partial<LoadedNomenklatur>) | null {
  const base = ctx.nomenklatur ?? null;
  const rows = ctx.tree.nomenklatur ?? [];
  const hit = refCache.get(ctx.tree);
  if (hit && hit.base === base && hit.rows === rows) return hit.index;
  const index = rows.length > 0 ? indexFromRows(rows, base) : base;
  refCache.set(ctx.tree, { base, rows, index });
  return index;
}

export function atKode(box: Box, field = 'kode'): { sheet: string; cell: string; id: string } {
  return { sheet: box.loc.table.sheet, cell: cellOf(box.loc, field), id: box.id };
}

export function levelName(l: NomenklaturLevel): { id: string; en: string } {
  return LEVEL_NAMES[l];
}

/** Nearest ancestor with a non-empty Kode (cycle-safe). */
export function nearestCodedAncestor(box: Box): Box | undefined {
  const seen = new Set<Box>([box]);
  let p = box.parent;
  while (p && !seen.has(p)) {
    if ((p.kode ?? '').trim() !== '') return p;
    seen.add(p);
    p = p.parent;
  }
  return undefined;
}

export function jenisText(j: string | null): { id: string; en: string } {
  if (j === 'Provinsi') return { id: 'provinsi', en: 'a provinsi' };
  if (j === 'Kabupaten' || j === 'Kota') return { id: 'kabupaten/kota', en: 'a kabupaten/kota' };
  return { id: 'jenis pemda mana pun', en: 'any jenis pemda' };
}

/**
 * A kegiatan or sub kegiatan code with its class digit (§3.5) put right for the jenis pemda,
 * or null when the digit is already right (or there is none). N02 and N03 judge this code
 * instead, so a wrong class digit gives N05 alone (one mistake, one message).
 */
export function classFixed(kode: string, jenis: JenisPemda | null): string | null {
  const want = classDigit(jenis);
  const d = classDigitOf(kode);
  if (!want || !d || d === want || !/^[12]$/.test(d)) return null;
  const segs = kode.split('.');
  segs[3] = want;
  return segs.join('.');
}
