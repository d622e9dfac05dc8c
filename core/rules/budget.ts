/** Budget rules B01–B03 (SAKIP.md §5.5; B05, a Final rule, in `pk.ts`). Which levels carry pagu comes from the level configuration. */
import type { NomenklaturType } from '../config.js';
import { issue, rupiah } from '../issues.js';
import { cellOf, type Box } from '../model.js';
import type { Rule } from './context.js';

const at = (b: Box, field: string) => ({ sheet: b.loc.table.sheet, cell: cellOf(b.loc, field), id: b.id });

/** The nomenclature type whose pagu must add up to a box's pagu. */
const CHILD_TYPE: Partial<Record<NomenklaturType, NomenklaturType>> = { program: 'kegiatan', kegiatan: 'sub_kegiatan' };
const LABEL: Record<NomenklaturType, { id: string; en: string }> = {
  program: { id: 'program', en: 'programme' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan' },
  sub_kegiatan: { id: 'sub kegiatan', en: 'sub kegiatan' },
};

/**
 * Budget children: the nearest descendants of the next nomenclature type, looking through
 * uncoded intermediate boxes (allowed by SAKIP.md §3.3).
 */
function budgetChildren(b: Box, type: NomenklaturType): Box[] {
  const out: Box[] = [];
  const seen = new Set<Box>([b]);
  const stack = [...b.children];
  while (stack.length) {
    const c = stack.pop() as Box;
    if (seen.has(c)) continue;
    seen.add(c);
    if (c.level?.nomenklatur === type) out.push(c);
    else if (c.level && c.level.nomenklatur === null) stack.push(...c.children);
  }
  return out;
}

export const B01: Rule = ({ tree, issues }) => {
  const tol = tree.config.toleransiPagu;
  for (const b of tree.boxes) {
    const type = b.level?.nomenklatur;
    const childType = type ? CHILD_TYPE[type] : undefined;
    if (!type || !childType) continue;
    const kids = budgetChildren(b, childType);
    if (kids.length === 0) continue;
    for (let yi = 0; yi < tree.config.years.length; yi++) {
      const y = tree.config.years[yi];
      let sum = 0;
      let any = false;
      for (const k of kids) {
        const v = k.pagu[yi];
        if (v !== null) { sum += v; any = true; }
      }
      const own = b.pagu[yi];
      if (own === null && !any) continue;
      if (own !== null && Math.abs(own - sum) <= tol) continue;
      const name = b.kode || b.id;
      const t = LABEL[type];
      const k = LABEL[childType];
      issues.push(issue('B01', 'E', at(b, `pagu:${y}`), own === null
        ? { id: `Pagu ${y} ${t.id} ${name} kosong, padahal pagu ${k.id}nya berjumlah ${rupiah(sum)}.`, en: `Pagu ${y} of ${t.en} ${name} is blank while its ${k.en} add up to ${rupiah(sum)}.` }
        : { id: `Pagu ${y} ${t.id} ${name} (${rupiah(own)}) ≠ jumlah pagu ${k.id}nya (${rupiah(sum)}).`, en: `Pagu ${y} of ${t.en} ${name} (${rupiah(own)}) ≠ the sum of its ${k.en} (${rupiah(sum)}).` }));
    }
  }
};

export const B02: Rule = ({ tree, issues }) => {
  const dpa = tree.config.years.some((y) => tree.tables.pohon?.cols[`paguDpa:${y}`] !== undefined);
  for (const b of tree.boxes) {
    for (let yi = 0; yi < tree.config.years.length; yi++) {
      const y = tree.config.years[yi];
      const cols = [{ key: `pagu:${y}`, label: `Pagu ${y}`, raw: b.paguRaw[yi], v: b.pagu[yi] }];
      if (dpa) cols.push({ key: `paguDpa:${y}`, label: `Pagu DPA ${y}`, raw: b.paguDpaRaw[yi], v: b.paguDpa[yi] });
      for (const { key, label, raw, v } of cols) {
        if (raw !== null) {
          issues.push(issue('B02', 'E', at(b, key), {
            id: `${label} "${raw}" bukan jumlah rupiah.`, en: `${label} "${raw}" is not an amount of rupiah.`,
          }));
        } else if (v !== null && (v < 0 || !Number.isInteger(v))) {
          issues.push(issue('B02', 'E', at(b, key), {
            id: `${label} (${rupiah(v)}) harus bilangan bulat rupiah yang tidak negatif.`,
            en: `${label} (${rupiah(v)}) must be a non-negative whole number of rupiah.`,
          }));
        }
      }
    }
  }
};

export const B03: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    // Draft boxes without a Kode are allowed (SAKIP.md §2.1): B03 judges coded boxes only.
    if (b.kode === '' || !b.level?.nomenklatur || b.indicators.length === 0) continue;
    for (let yi = 0; yi < tree.config.years.length; yi++) {
      const y = tree.config.years[yi];
      const v = b.pagu[yi];
      const hasPagu = v !== null && v > 0;
      const hasTarget = b.indicators.some((i) => { const t = i.targets[yi]; return !!t && t.kind !== 'none'; });
      if (hasPagu === hasTarget) continue;
      issues.push(issue('B03', 'W', at(b, `pagu:${y}`), hasPagu
        ? { id: `Ada pagu ${y} tetapi tidak ada target ${y} pada indikator "${b.id}".`, en: `Pagu ${y} is set but no indicator of "${b.id}" has a ${y} target.` }
        : { id: `Ada target ${y} tetapi pagu ${y} kotak "${b.id}" kosong.`, en: `A ${y} target is set but box "${b.id}" has no pagu ${y}.` }));
    }
  }
};

export const BUDGET_RULES: Rule[] = [B01, B02, B03];
