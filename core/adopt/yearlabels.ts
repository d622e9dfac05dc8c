/**
 * Year labels of matrix headers. Absolute: `2021`, `Tahun 2019`, `Th. 2022`, `TA 2023`,
 * `Target 2024`. Relative to the period: `Tahun ke-3`, `Tahun-1` … `Tahun-5`, `Th. ke 2`,
 * `Tahun II`, `Tahun n+1`, `(n+2)`; `Tahun 0` / `Tahun n` is the baseline (kondisi awal).
 * A relative label only becomes a year with a known Tahun Awal (Info or `--tahun-awal`).
 */

export type YearLabelParse = { kind: 'absolute'; year: number } | { kind: 'relative'; k: number };

const ABSOLUTE = /(?:^|\D)((?:19|20)\d\d)(?!\d)/g;
const TAHUN = '(?:tahun|thn|th|ta)\\.?';
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7 };
const REL_NUMBER = new RegExp(`(?:^|[^a-z])${TAHUN}\\s*(?:ke)?\\s*[-–.]?\\s*([0-9])(?![0-9])`, 'i');
const REL_ROMAN = new RegExp(`(?:^|[^a-z])${TAHUN}\\s*(?:ke)?\\s*[-–.]?\\s*(vii|vi|iv|v|iii|ii|i)(?![a-z])`, 'i');
const REL_N = /(?:^|[^a-z])(?:(?:tahun|thn|th)\.?\s*)?\(?\s*n\s*\+\s*([1-9])\s*\)?(?![0-9])/i;
const REL_N0 = new RegExp(`(?:^|[^a-z])${TAHUN}\\s*\\(?\\s*n\\s*\\)?(?![a-z0-9+])`, 'i');

/** The year one label part names, if any. A part naming two years (`2021-2026`) names none. */
export function parseYearLabel(text: string): YearLabelParse | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return undefined;
  const years = new Set<number>();
  for (const m of t.matchAll(ABSOLUTE)) years.add(Number(m[1]));
  if (years.size === 1) return { kind: 'absolute', year: [...years][0] };
  if (years.size > 1) return undefined;
  const n = REL_N.exec(t);
  if (n) return { kind: 'relative', k: Number(n[1]) };
  if (REL_N0.test(t)) return { kind: 'relative', k: 0 };
  const d = REL_NUMBER.exec(t);
  if (d) return { kind: 'relative', k: Number(d[1]) };
  const r = REL_ROMAN.exec(t);
  if (r) return { kind: 'relative', k: ROMAN[r[1].toLowerCase()] };
  return undefined;
}

/** A header cell that is only a year label (a sub-title, never data): `2026`, `Tahun ke-2`, `(n+1)`. */
export function isYearLabel(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1900 && v <= 2099;
  if (typeof v !== 'string') return false;
  if (v.length > 40 || !/[0-9]|tahun|thn|th\b|ta\b/i.test(v)) return false;
  const t = v.replace(/\s+/g, ' ').trim();
  if (t.length > 30 || parseYearLabel(t) === undefined) return false;
  const rest = t.toLowerCase()
    .replace(/\b(?:tahun|thn|th|ta|ke|target|anggaran|n|vii|vi|iv|v|iii|ii|i)\b/g, ' ')
    .replace(/[0-9().,:;+*\-–/\s]/g, '');
  return rest === '';
}

/**
 * The year a column's label parts name: the deepest part that names one wins (a group title
 * `Kerangka Pendanaan 2022-2026` above `Tahun 2023`). Relative labels need `tahunAwal`.
 */
export function yearOfParts(parts: string[]): YearLabelParse | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parseYearLabel(parts[i]);
    if (p) return p;
  }
  return undefined;
}

/** Relative index k → a year: `Tahun ke-k` is Tahun Awal + k − 1; k = 0 is the baseline year. */
export function yearOfRelative(k: number, tahunAwal: number): number {
  return tahunAwal + k - 1;
}

/** A period in a title (`RENSTRA 2021-2026`, `Tahun 2022 – 2026`), for a suggestion only. */
export function periodInTitle(lines: string[]): { from: number; to: number } | undefined {
  for (const l of lines) {
    const m = /((?:19|20)\d\d)\s*(?:-|–|—|s\.?\s*d\.?|s\/d|sampai(?: dengan)?)\s*((?:19|20)\d\d)/i.exec(l);
    if (m && Number(m[2]) > Number(m[1])) return { from: Number(m[1]), to: Number(m[2]) };
  }
  return undefined;
}
