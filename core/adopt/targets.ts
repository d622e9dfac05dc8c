/**
 * Target, baseline and end-condition text as real matrices type it (SAKIP.md §10): numbers in
 * either notation (`numbers.ts`), a unit or `%` glued to the number (`3 Laporan`, `98 %`),
 * ranges (`70,38-70,76`, `80 s.d. 90`), comparators (`<22`, `≤ 5`, `> 80%`, `maks. 5`), `-`
 * for "no target this year", and predikat / opini / kategori targets (`A`, `WTP`, `Baik`)
 * that make the indicator qualitative. The canonical cell gets the clean value; everything
 * else the caller needs (unit, comparator, qualitative satuan) comes back beside it.
 */
import type { CellValue } from '../snapshot.js';
import { parseToken, styleOf, type NumberLocale } from './numbers.js';

export type Comparator = '<' | '≤' | '>' | '≥';
export type Qualitative = 'Predikat' | 'Opini' | 'Kategori';

export interface TargetRead {
  value: CellValue;
  /** A unit glued to the number (`3 Laporan` → `Laporan`, `98%` → `%`). */
  unit?: string;
  comparator?: Comparator;
  /** A range (`70,38-70,76`): the indicator's Polaritas is Rentang. */
  range?: boolean;
  /** A grade or category target: the satuan it needs. */
  qualitative?: Qualitative;
  /** The text was reinterpreted: F02's before/after. */
  change?: { from: string; to: string };
  /** A `1.234` / `1,234` read in the column's notation without the column deciding it. */
  ambiguous?: boolean;
}

const MISSING = new Set(['n/a', 'na', 'n.a', 'n.a.', 'tidak ada', 'tdk ada', '#n/a', 'tidak tersedia', 'belum ada', 'belum tersedia']);
const NUM = '[-−+]?\\d[\\d.,]*';
const SEP = '(?:-|–|—|s\\.?\\s*d\\.?|s/d|sampai(?:\\s+dengan)?|hingga|sd)';
const RANGE = new RegExp(`^(${NUM})\\s*(%)?\\s*${SEP}\\s*(${NUM})\\s*(%|[A-Za-z][A-Za-z ./-]*)?$`, 'i');
const NUM_UNIT = new RegExp(`^(${NUM})\\s*(%|persen\\b|[A-Za-z][A-Za-z ./²³-]*)?$`, 'i');
const COMPARATOR: [RegExp, Comparator][] = [
  [/^(?:<=|=<|≤|maks(?:imal|imum)?\.?|max\.?|paling banyak|setinggi-tingginya|tidak lebih dari)\s*/i, '≤'],
  [/^(?:>=|=>|≥|min(?:imal|imum)?\.?|paling sedikit|sekurang-kurangnya|tidak kurang dari)\s*/i, '≥'],
  [/^(?:<|kurang dari)\s*/i, '<'],
  [/^(?:>|lebih dari)\s*/i, '>'],
];
const OPINI = /^(?:opini\s+)?(?:wtp|wdp|tmp|tw|wajar tanpa pengecualian|wajar dengan pengecualian)$/i;
const PREDIKAT = /^(?:predikat\s+|nilai\s+)?(?:aa|a|bb|b|cc|c|d|a\+|a-|b\+|b-)(?:\s*\([^)]*\))?$/i;
const KATEGORI = /^(?:sangat\s+)?(?:baik|cukup|kurang|memuaskan|tinggi|sedang|rendah|maju|mandiri|berkembang|tertinggal|informatif|menuju informatif|cukup informatif|patuh|zona hijau|zona kuning|madya|utama|pratama|paripurna|nindya|tercapai)(?:\s+sekali)?$/i;

function num(token: string, locale: NumberLocale): { n: number; ambiguous: boolean } | null {
  const n = parseToken(token.replace('−', '-'), locale);
  return n === null ? null : { n, ambiguous: styleOf(token.replace(/^[-−+]/, '')) === 'ambiguous' };
}

/** The kind of qualitative target a text is, if any. */
export function qualitativeOf(t: string): Qualitative | undefined {
  if (OPINI.test(t)) return 'Opini';
  if (PREDIKAT.test(t)) return 'Predikat';
  if (KATEGORI.test(t)) return 'Kategori';
  return undefined;
}

/** A number stored as text, or text with a number in it, for a target-like cell. */
export function readTargetText(v: string, locale: NumberLocale): TargetRead {
  const t = v.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/\s*\*+\)?$/, '');
  if (t === '') return { value: null };
  if (t === '-' || t === '–' || t === '—' || t === '--') return t === v ? { value: '-' } : { value: '-', change: { from: v, to: '-' } };
  if (MISSING.has(t.toLowerCase())) return { value: null, change: { from: v, to: '' } };
  let rest = t;
  let comparator: Comparator | undefined;
  for (const [re, c] of COMPARATOR) {
    const m = re.exec(rest);
    if (m && m[0].length < rest.length && /^[-−+]?\d/.test(rest.slice(m[0].length))) { comparator = c; rest = rest.slice(m[0].length); break; }
  }
  const out = (r: Omit<TargetRead, 'change'>, to: string): TargetRead => {
    const read: TargetRead = { ...r, ...(comparator ? { comparator } : {}) };
    if (to !== v) read.change = { from: v, to };
    return read;
  };
  const r = RANGE.exec(rest);
  if (r && !comparator) {
    const low = num(r[1], locale);
    const high = num(r[3], locale);
    if (low && high) {
      const unit = (r[4] ?? r[2] ?? '').trim();
      const value = `${low.n} - ${high.n}`;
      return out({ value, range: true, ...(unit ? { unit } : {}), ...(low.ambiguous || high.ambiguous ? { ambiguous: true } : {}) }, unit ? `${value} (${unit})` : value);
    }
  }
  const m = NUM_UNIT.exec(rest);
  if (m) {
    const n = num(m[1], locale);
    if (n) {
      const unit = (m[2] ?? '').trim();
      const note = comparator ? `${comparator} ` : '';
      return out({ value: n.n, ...(unit ? { unit: /^persen$/i.test(unit) ? '%' : unit } : {}), ...(n.ambiguous ? { ambiguous: true } : {}) },
        unit ? `${note}${n.n} (${unit})` : `${note}${n.n}`);
    }
  }
  const q = qualitativeOf(t);
  if (q) return out({ value: t, qualitative: q }, t);
  return out({ value: t }, t);
}

/** The same for any cell value; numbers stored as numbers are taken as they are. */
export function readTarget(v: CellValue, locale: NumberLocale): TargetRead {
  if (v === null) return { value: null };
  if (typeof v === 'number') return { value: v };
  if (typeof v === 'boolean') return { value: String(v) };
  return readTargetText(v, locale);
}

/** Pagu text: `Rp`, `Rp.`, `,-`, spaces; what is left must be one number. */
export function readAmountText(v: string, locale: NumberLocale): { value: number | null; ambiguous?: boolean; invalid?: boolean } {
  const t = v.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  if (t === '' || t === '-' || MISSING.has(t.toLowerCase())) return { value: null };
  const s = t.replace(/^rp\.?\s*/i, '').replace(/\s*(?:,-|\.-)$/, '').replace(/\s+/g, '');
  if (!/^[-−+]?\d[\d.,]*$/.test(s)) return { value: null, invalid: true };
  const n = num(s, locale);
  if (!n) return { value: null, invalid: true };
  return n.ambiguous ? { value: n.n, ambiguous: true } : { value: n.n };
}
