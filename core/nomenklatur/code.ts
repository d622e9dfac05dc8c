/**
 * Pure helpers for nomenclature codes (SAKIP.md §3): versions, segment grammar, the
 * level of a code from its shape, the OPD's bidang from its kode OPD and the `X.XX`
 * placeholder. No I/O; safe in the browser, Lambda and Node.
 */
import type { JenisPemda } from '../config.js';
import type { NomenklaturEntry, NomenklaturIndex, NomenklaturLevel } from './types.js';

// ---------------------------------------------------------------------------------------
// Versions (§3.1)

export type SubWidth = 2 | 4;
/** Which shipped list a version is checked against. */
export type ShippedList = '2020' | '2020+2024';

export interface VersionInfo {
  /** The exact §3.1 value, or the input when unknown. */
  label: string;
  known: boolean;
  year: number | null;
  /** Sub kegiatan widths N01 accepts. */
  widths: readonly SubWidth[];
  list: ShippedList;
  /** Whether the shipped list is complete for this version (N03 E vs W). */
  complete: boolean;
}

/** The `Versi Nomenklatur` values of SAKIP.md §3.1, oldest first, with their year. */
export const VERSI_NOMENKLATUR: readonly { label: string; year: number }[] = [
  { label: 'Permendagri 90/2019', year: 2019 },
  { label: 'Kepmendagri 050-3708/2020', year: 2020 },
  { label: 'Kepmendagri 050-5889/2021', year: 2021 },
  { label: 'Kepmendagri 900.1.15.5-1317/2023', year: 2023 },
  { label: 'Kepmendagri 900.1.15.5-3406/2024', year: 2024 },
  { label: 'Kepmendagri 900.1-2850/2025', year: 2025 },
  { label: 'Kepmendagri 900.1-861/2026', year: 2026 },
];

const versionKey = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/**
 * What a `Versi Nomenklatur` value means for checking. 2019–2021 accept both sub kegiatan
 * widths (convention); 2019/2020 are fully covered by the shipped 2020 list; later versions
 * use the 2020 list plus the observed 2024 subset (incomplete). Unknown or empty: the 2020
 * list, incomplete, both widths.
 */
export function versionInfo(versi: string): VersionInfo {
  const key = versionKey(versi ?? '');
  const v = VERSI_NOMENKLATUR.find((x) => versionKey(x.label) === key);
  if (!v) return { label: (versi ?? '').trim(), known: false, year: null, widths: [2, 4], list: '2020', complete: false };
  const widths: readonly SubWidth[] = v.year <= 2021 ? [2, 4] : [4];
  const list: ShippedList = v.year <= 2020 ? '2020' : '2020+2024';
  return { label: v.label, known: true, year: v.year, widths, list, complete: list === '2020' };
}

// ---------------------------------------------------------------------------------------
// Segment grammar (§3.2)

const NN = '(?:0[1-9]|[1-9]\\d)';
const BID = `(?:[1-9]\\.${NN}|X\\.XX)`;
const SUB4 = '(?!0000)\\d{4}';

export const CODE_REGEX = {
  urusan: /^(?:[1-9]|X)$/,
  bidang_urusan: new RegExp(`^${BID}$`),
  program: new RegExp(`^${BID}\\.${NN}$`),
  kegiatan: new RegExp(`^${BID}\\.${NN}\\.[12]\\.${NN}$`),
  sub_kegiatan_4: new RegExp(`^${BID}\\.${NN}\\.[12]\\.${NN}\\.${SUB4}$`),
  sub_kegiatan_2: new RegExp(`^${BID}\\.${NN}\\.[12]\\.${NN}\\.${NN}$`),
} as const;

/** Regexes for a level; sub kegiatan gets one per accepted width. */
export function regexesFor(level: NomenklaturLevel, widths: readonly SubWidth[] = [2, 4]): RegExp[] {
  if (level !== 'sub_kegiatan') return [CODE_REGEX[level]];
  return widths.map((w) => (w === 4 ? CODE_REGEX.sub_kegiatan_4 : CODE_REGEX.sub_kegiatan_2));
}

export function matchesLevel(kode: string, level: NomenklaturLevel, widths: readonly SubWidth[] = [2, 4]): boolean {
  return regexesFor(level, widths).some((r) => r.test(kode));
}

const LEVELS: readonly NomenklaturLevel[] = ['urusan', 'bidang_urusan', 'program', 'kegiatan', 'sub_kegiatan'];

/** The level of a code from its shape (§3.2), or null when it matches no level's regex. */
export function codeLevel(kode: string, widths: readonly SubWidth[] = [2, 4]): NomenklaturLevel | null {
  for (const l of LEVELS) if (matchesLevel(kode, l, widths)) return l;
  return null;
}

/** Width of a sub kegiatan segment (2 or 4), or null when the code is not a sub kegiatan shape. */
export function subWidth(kode: string): SubWidth | null {
  if (CODE_REGEX.sub_kegiatan_4.test(kode)) return 4;
  if (CODE_REGEX.sub_kegiatan_2.test(kode)) return 2;
  return null;
}

/** Indonesian and English names of a level, for messages. */
export const LEVEL_NAMES: Record<NomenklaturLevel, { id: string; en: string }> = {
  urusan: { id: 'urusan', en: 'urusan' },
  bidang_urusan: { id: 'bidang urusan', en: 'bidang urusan' },
  program: { id: 'program', en: 'program' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan' },
  sub_kegiatan: { id: 'sub kegiatan', en: 'sub kegiatan' },
};

/** Example code of a level, for messages. */
export function exampleCode(level: NomenklaturLevel, widths: readonly SubWidth[] = [4]): string {
  switch (level) {
    case 'urusan': return '1';
    case 'bidang_urusan': return '1.02';
    case 'program': return '1.02.02';
    case 'kegiatan': return '1.02.02.2.01';
    case 'sub_kegiatan': return widths.includes(4) ? '1.02.02.2.01.0024' : '1.02.02.2.01.24';
  }
}

/**
 * Why a code does not match a level (Bahasa Indonesia / English), as specific as the
 * shape allows; used by N01.
 */
export function explainInvalid(kode: string, level: NomenklaturLevel, widths: readonly SubWidth[]): { id: string; en: string } {
  const segs = kode.split('.');
  if (/[^0-9X.]/.test(kode)) return { id: 'kode hanya boleh berisi angka, titik dan X', en: 'a code may only contain digits, dots and X' };
  if (segs.some((s) => s === '')) return { id: 'ada segmen kosong (dua titik berurutan)', en: 'it has an empty segment (two dots in a row)' };
  if (/^X\.(?!XX\b)|^[1-9]\.XX\b/.test(kode)) return { id: 'placeholder campuran (hanya X.XX yang sah)', en: 'mixed placeholder (only X.XX is valid)' };
  if (segs.length >= 4 && !/^[12]$/.test(segs[3])) return { id: `digit kelas "${segs[3]}" harus 1 (provinsi) atau 2 (kabupaten/kota)`, en: `class digit "${segs[3]}" must be 1 (provinsi) or 2 (kabupaten/kota)` };
  if (segs.some((s, i) => i > 0 && i !== 3 && /^0+$/.test(s))) return { id: 'segmen bernilai nol (00/0000) tidak sah', en: 'a zero segment (00/0000) is not valid' };
  if (level === 'sub_kegiatan' && segs.length === 6) {
    const w = segs[5].length;
    if ((w === 2 || w === 4) && !widths.includes(w as SubWidth)) {
      return {
        id: `segmen sub kegiatan ${w} digit tidak berlaku untuk versi ini (harus ${widths.join(' atau ')} digit); jangan menambah nol, petakan lewat daftar acuan`,
        en: `a ${w}-digit sub kegiatan segment is not valid for this version (must be ${widths.join(' or ')} digits); do not zero-pad, map it through the reference list`,
      };
    }
  }
  return { id: `bentuknya harus seperti ${exampleCode(level, widths)}`, en: `it must look like ${exampleCode(level, widths)}` };
}

// ---------------------------------------------------------------------------------------
// Parts of a code

/** `U.BB` of a code (bidang or deeper), or null. */
export function bidangOf(kode: string): string | null {
  const m = /^([1-9]\.\d{2}|X\.XX)(?:\.|$)/.exec(kode);
  return m ? m[1] : null;
}

/** The code of the parent level (§3.3): sub kegiatan → kegiatan → program → bidang → urusan. */
export function parentCode(kode: string): string | null {
  const segs = kode.split('.');
  if (segs.length <= 1) return null;
  if (segs.length === 5) return segs.slice(0, 3).join('.');
  return segs.slice(0, -1).join('.');
}

/** The ancestor code of a given level, e.g. the program part of a kegiatan. */
export function partOf(kode: string, level: NomenklaturLevel): string | null {
  const n = { urusan: 1, bidang_urusan: 2, program: 3, kegiatan: 5, sub_kegiatan: 6 }[level];
  const segs = kode.split('.');
  return segs.length >= n ? segs.slice(0, n).join('.') : null;
}

/** Kegiatan class digit (1 provinsi, 2 kab/kota) of a kegiatan or sub kegiatan code. */
export function classDigitOf(kode: string): string | null {
  const segs = kode.split('.');
  return segs.length >= 5 ? segs[3] : null;
}

export const isPlaceholder = (kode: string): boolean => kode.startsWith('X.XX');

/** The supporting programme (program `01`, §3.3) written with a real bidang: a resolved `X.XX`. */
export function isResolvedSupport(kode: string): boolean {
  return /^[1-9]\.\d{2}\.01(?:\.|$)/.test(kode);
}

// ---------------------------------------------------------------------------------------
// Kode OPD (§3.7) and the X.XX placeholder (§3.6)

export const KODE_OPD_REGEX = /^[1-9]\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;

/** The OPD's bidang (`U.BB`, pairs other than `0.00`), or [] when the kode OPD is unparsable. */
export function opdBidang(kodeOpd: string): string[] {
  const k = (kodeOpd ?? '').trim();
  if (!KODE_OPD_REGEX.test(k)) return [];
  const s = k.split('.');
  const out: string[] = [];
  for (let i = 0; i < 6; i += 2) {
    const pair = `${s[i]}.${s[i + 1]}`;
    if (pair !== '0.00' && !out.includes(pair)) out.push(pair);
  }
  return out;
}

/** `X.XX…` → the OPD's first bidang; unchanged without `X.XX` or with an unparsable kode OPD. */
export function resolvePlaceholder(kode: string, kodeOpd: string): string {
  if (!isPlaceholder(kode)) return kode;
  const [first] = opdBidang(kodeOpd);
  return first ? first + kode.slice(4) : kode;
}

/**
 * Other spellings to look a code up under (§3.6): `B.01.…` with `B` one of the OPD's bidang
 * → `X.XX.01.…`; and `X.XX.…` → each `B.…`. Never changes widths.
 */
export function placeholderAlternatives(kode: string, bidang: readonly string[]): string[] {
  if (isPlaceholder(kode)) return bidang.map((b) => b + kode.slice(4));
  const b = bidangOf(kode);
  if (b && bidang.includes(b) && isResolvedSupport(kode)) return ['X.XX' + kode.slice(b.length)];
  return [];
}

/** True when two codes are the same up to `X.XX` standing for one of the OPD's bidang (any bidang if none known). */
export function sameUpToPlaceholder(a: string, b: string, bidang: readonly string[]): boolean {
  if (a === b) return true;
  const ba = bidangOf(a), bb = bidangOf(b);
  if (!ba || !bb || a.slice(ba.length) !== b.slice(bb.length)) return false;
  if (ba === 'X.XX') return bidang.length === 0 || bidang.includes(bb);
  if (bb === 'X.XX') return bidang.length === 0 || bidang.includes(ba);
  return false;
}

/** True when `kode` starts with `prefix` + "." (with the `X.XX` equivalence). */
export function startsWithCode(kode: string, prefix: string, bidang: readonly string[]): boolean {
  if (kode.startsWith(prefix + '.')) return true;
  const n = prefix.split('.').length;
  const head = kode.split('.').slice(0, n).join('.');
  return kode.length > head.length && sameUpToPlaceholder(head, prefix, bidang);
}

/** A look-up that also tries the `X.XX` spellings (§3.6). */
export function lookupKode(
  index: NomenklaturIndex, kode: string, jenis: JenisPemda | null, bidang: readonly string[],
): NomenklaturEntry | undefined {
  const direct = index.lookup(kode, jenis);
  if (direct) return direct;
  for (const alt of placeholderAlternatives(kode, bidang)) {
    const hit = index.lookup(alt, jenis);
    if (hit) return hit;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Text comparison

/** Name key for N04/K14: case, spacing and typographic quotes ignored. */
export function nameKey(s: string): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** Light clean-up of a code typed in the workbook's own `Nomenklatur` table. */
export function tidyCode(kode: string): string {
  return (kode ?? '').trim().replace(/\s*\.\s*/g, '.').replace(/x/g, 'X');
}
