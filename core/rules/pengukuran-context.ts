/**
 * What the R, U and L rules share within one validation pass: the capaian of a year, computed
 * once (U04 and L02 both need it) and forgotten with the pass, so nothing stale survives an edit.
 */
import { cellOf, type RowLoc } from '../model.js';
import { hitungPengukuran, type PengukuranTahun } from '../pengukuran/hitung.js';
import type { RuleContext } from './context.js';

const memo = new WeakMap<RuleContext, Map<number, PengukuranTahun>>();

export function pengukuranOf(ctx: RuleContext, tahun: number): PengukuranTahun {
  let m = memo.get(ctx);
  if (!m) { m = new Map(); memo.set(ctx, m); }
  let p = m.get(tahun);
  if (!p) { p = hitungPengukuran(ctx.tree, tahun); m.set(tahun, p); }
  return p;
}

const years = new WeakMap<RuleContext, number[]>();

/** The years the pengukuran rows speak of, ascending (once per pass). */
export function tahunPengukuran(ctx: RuleContext): number[] {
  let ys = years.get(ctx);
  if (!ys) {
    const p = ctx.tree.pengukuran;
    const set = new Set<number>();
    for (const r of p?.rencanaAksi ?? []) set.add(r.tahun);
    for (const r of p?.realisasi ?? []) set.add(r.tahun);
    ys = [...set].sort((a, b) => a - b);
    years.set(ctx, ys);
  }
  return ys;
}

export const at = (loc: RowLoc, field: string, id: string) => ({ sheet: loc.table.sheet, cell: cellOf(loc, field), id });

/** Numbers in messages the Indonesian way, up to 4 decimals: 1234.5 → "1.234,5". */
export function angkaId(x: number): string {
  const neg = x < 0;
  const [int, frac = ''] = Math.abs(Number(x.toFixed(4))).toString().split('.');
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac ? ',' + frac : '');
  return neg ? '-' + body : body;
}
