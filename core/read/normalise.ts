/**
 * Indonesian input hygiene (SAKIP.md §10). Each function returns the normalised value and,
 * when it changed something, a note the reader turns into an F02 issue with the cell.
 * Numbers Excel stored as numbers are taken as they are; only text is parsed.
 */
import type { CellValue } from '../snapshot.js';
import type { Target } from '../model.js';

export interface Normalised<T> {
  value: T;
  /** Set when the input was reinterpreted: the F02 message's before/after. */
  change?: { from: string; to: string };
}

const SPACES = /[\u00a0\u2007\u202f]/g;
const HAS_SPACE = /[\s\u00a0\u2007\u202f]/;
/** A code already in dotted form (`1.02.02.2.01.0001`, `X.XX.01`): nothing to normalise. */
const CLEAN_CODE = /^[0-9X]{1,4}(?:\.[0-9X]{1,4})*$/;
// eslint-disable-next-line no-control-regex -- control characters pasted from PDFs are exactly what this finds
const ODD_SPACE = /[\x00-\x1f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * True when text has line breaks, tabs, odd spaces, doubled spaces or space at an edge.
 * It runs on every text cell of every pass: edges by char code, the rest by native
 * substring and character-class scans (a regex with `^\s|\s$` alternatives costs far more).
 */
function needsTextCleanup(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  return s.includes('  ') || ODD_SPACE.test(s);
}

/** Could the text start with a bullet or numbering (`-`, `•`, `1.`, `a)`)? Cheap pre-check. */
function mayHaveBullet(s: string): boolean {
  const c = s.charCodeAt(0);
  const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!isLetter) return true;
  const d = s.charCodeAt(1);
  return d === 46 || d === 41; // `a.` or `a)`
}
const BULLET = /^(?:[-•·▪◦*–—]\s+|[-•·▪◦–—](?=\S)|(?:\d{1,2}|[a-zA-Z])[.)]\s+)/;
const LABEL_PREFIX = /^(?:indikator(?: kinerja)?(?: sasaran| program| kegiatan| sub kegiatan)?|sasaran|tujuan)\s*:\s*/i;
const MISSING_WORDS = new Set(['n/a', 'na', 'n.a', 'n.a.', 'tidak ada', 'tdk ada', '#n/a']);

export function show(v: CellValue): string {
  if (v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Plain text: line breaks, tabs, doubled and non-breaking spaces collapsed, trimmed. */
export function cleanText(v: CellValue): Normalised<string> {
  if (v === null) return { value: '' };
  if (typeof v !== 'string') return { value: String(v) };
  if (!needsTextCleanup(v)) return { value: v };
  const out = v.replace(SPACES, ' ').replace(/\s+/g, ' ').trim();
  // Whitespace-only trimming at the edges is not worth a warning; inner changes are.
  if (out === v.trim() || out === '') return { value: out };
  return { value: out, change: { from: v, to: out } };
}

/** Statement / indicator text: also strips bullets, numbering and `Indikator …:` labels. */
export function cleanStatement(v: CellValue): Normalised<string> {
  const base = cleanText(v);
  const s = base.value;
  if (s === '') return base;
  // Most statements start with a word and hold no label: skip both regexes for them.
  if (!s.includes(':') && !mayHaveBullet(s)) return base;
  const stripped = s.replace(LABEL_PREFIX, '').replace(BULLET, '').trim();
  if (stripped !== s && stripped !== '') {
    return { value: stripped, change: { from: show(v), to: stripped } };
  }
  return base;
}

/** Identifiers (ID, Induk, ID Jabatan…): numbers become text, whitespace trimmed. Never reported. */
export function idText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (!HAS_SPACE.test(v)) return v;
  return v.replace(SPACES, ' ').trim().replace(/\s+/g, ' ');
}

/**
 * Long free text that no rule reads beyond "is it empty" (Definisi Operasional, Formula,
 * Sumber Data, Catatan): only trimmed, so line breaks a planner typed stay as typed and the
 * hot path does not scan every character of every paragraph on every pass.
 */
export function proseText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const n = v.length;
  if (n === 0 || (v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32)) return v;
  return v.trim();
}

/**
 * Free text whose clean-up is not worth an F02 (Definisi, Catatan, Nama Pejabat…).
 * Returns a plain string: the reader's hot path allocates nothing for clean cells.
 */
export function plainText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  if (!needsTextCleanup(v)) return v;
  return v.replace(SPACES, ' ').replace(/\s+/g, ' ').trim();
}

/** Parses Indonesian number text: `1.234.567,50`, `75,5`, `1.234` (thousands), `1.5`. */
export function parseNumberText(text: string): number | null {
  let s = text.replace(SPACES, '').replace(/\s+/g, '');
  if (s === '') return null;
  let sign = 1;
  if (/^[-−]/.test(s)) { sign = -1; s = s.slice(1); }
  else if (s[0] === '+') s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots > 0 && commas > 0) {
    // Both: whichever comes last is the decimal separator.
    if (s.lastIndexOf(',') > s.lastIndexOf('.')) {
      if (!/^\d{1,3}(\.\d{3})*,\d+$/.test(s)) return null;
      normal = s.replace(/\./g, '').replace(',', '.');
    } else {
      if (!/^\d{1,3}(,\d{3})*\.\d+$/.test(s)) return null;
      normal = s.replace(/,/g, '');
    }
  } else if (commas > 0) {
    if (commas === 1) normal = s.replace(',', '.');
    else if (/^\d{1,3}(,\d{3})+$/.test(s)) normal = s.replace(/,/g, '');
    else return null;
  } else if (dots > 0) {
    // id-ID: a dot followed by exactly three digits is a thousands separator.
    if (dots > 1) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
      normal = s.replace(/\./g, '');
    } else if (/^\d{1,3}\.\d{3}$/.test(s)) normal = s.replace('.', '');
    else normal = s;
  } else normal = s;
  const n = Number(normal);
  return Number.isFinite(n) ? sign * n : null;
}

/** Pagu: whole rupiah. Text loses `Rp`, spaces and separators; what is left must be a number. */
export function parseAmount(v: CellValue): Normalised<number | null> & { invalid?: string } {
  if (v === null) return { value: null };
  if (typeof v === 'number') return { value: v };
  if (typeof v === 'boolean') return { value: null, invalid: String(v) };
  const t = v.replace(SPACES, ' ').trim();
  if (t === '' ) return { value: null };
  if (t === '-' || MISSING_WORDS.has(t.toLowerCase())) return { value: null, change: { from: v, to: '' } };
  const s = t.replace(/^rp\.?\s*/i, '').replace(/,-$/, '').replace(/\.-$/, '');
  const n = parseNumberText(s);
  if (n === null) return { value: null, invalid: v };
  return { value: n, change: { from: v, to: String(n) } };
}

const ZERO_PADDED_CLASS = /^[^.]+\.[^.]+\.\d{2}\.0[12]\.\d{2}/;
const RANGE = /^\s*([-−]?[\d.,]+)\s*(?:-|–|—|s\.?\s*d\.?|s\/d|sampai(?: dengan)?)\s*([-−]?[\d.,]+)\s*(.*)$/i;
const NUM_UNIT = /^\s*([-−+]?[\d.,]*\d)\s*(%|[A-Za-z][A-Za-z ./-]*)?\s*$/;

/** Satuan that mean percent. */
/**
 * A number format that shows the value ×100 with a percent sign: a `%` that is a format
 * character, not literal text (`0.0"%"`, `0.0\%` show the value as it is, with a sign after
 * it; ECMA-376 Part 1 §18.8.31). Planners use both: 0.985 under `0.0%` and 98.5 under
 * `0.0"%"` both read 98.5 %.
 */
export function scalesAsPercent(numFmt: string | null | undefined): boolean {
  if (!numFmt || !numFmt.includes('%')) return false;
  return formatSymbols(numFmt).includes('%');
}

/**
 * A number format code without its literal parts: escaped characters (`\h`), quoted text and
 * `[…]` sections (colours, locales, conditions). What is left is what formats the number.
 */
export function formatSymbols(code: string): string {
  return code.replace(/\\./g, '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '');
}

export function isPercentUnit(satuan: string): boolean {
  const s = satuan.trim().toLowerCase();
  return s === '%' || s === 'persen' || s === 'persentase' || s === 'prosentase';
}

export interface TargetParse extends Normalised<Target | null> {
  /** Unit found glued to the number (`3 Laporan` → `Laporan`). */
  unit?: string;
}

/**
 * A target, baseline or end condition. `-` = deliberately none; `n/a`/blank = missing;
 * `98%`/`3 Laporan` split into number + unit; `80-90`/`80 s.d. 90` a range; anything else
 * stays text (K04 decides whether text is allowed).
 */
export function parseTarget(v: CellValue, satuan: string, numFmt?: string | null): TargetParse {
  if (v === null) return { value: null };
  if (typeof v === 'number') {
    if (scalesAsPercent(numFmt) && isPercentUnit(satuan)) {
      const scaled = Math.round(v * 100 * 1e9) / 1e9;
      return { value: { kind: 'number', value: scaled }, change: { from: `${v} (format %)`, to: String(scaled) } };
    }
    return { value: { kind: 'number', value: v } };
  }
  if (typeof v === 'boolean') return { value: { kind: 'text', text: String(v) } };
  const t = v.replace(SPACES, ' ').replace(/\s+/g, ' ').trim();
  if (t === '') return { value: null };
  if (t === '-' || t === '–' || t === '—') {
    return { value: { kind: 'none' }, ...(v !== '-' ? { change: { from: v, to: '-' } } : {}) };
  }
  if (MISSING_WORDS.has(t.toLowerCase())) return { value: null, change: { from: v, to: '' } };
  const plain = parseNumberText(t);
  if (plain !== null) return { value: { kind: 'number', value: plain }, change: { from: v, to: String(plain) } };
  const r = RANGE.exec(t);
  if (r && (r[3] === '' || r[3] === '%' || /^[A-Za-z%]/.test(r[3]))) {
    const low = parseNumberText(r[1].replace('−', '-'));
    const high = parseNumberText(r[2].replace('−', '-'));
    if (low !== null && high !== null) {
      const unit = r[3].trim() || undefined;
      return { value: { kind: 'range', low, high }, change: { from: v, to: `${low} - ${high}` }, ...(unit ? { unit } : {}) };
    }
  }
  const m = NUM_UNIT.exec(t);
  if (m && m[2]) {
    const n = parseNumberText(m[1].replace('−', '-'));
    if (n !== null) {
      const unit = m[2].trim();
      return { value: { kind: 'number', value: n }, change: { from: v, to: `${n} (${unit})` }, unit };
    }
  }
  return { value: { kind: 'text', text: t }, ...(t !== v ? { change: { from: v, to: t } } : {}) };
}

/**
 * Nomenclature code: `2,01` → `2.01`; `X XX 01 2.01 01` → `X.XX.01.2.01.01`; a zero-padded
 * class digit `1.01.01.02.01.0001` → `1.01.01.2.01.0001`; a number is read as text and reported.
 */
export function normaliseCode(v: CellValue, numFmt?: string | null): Normalised<string> {
  if (v === null) return { value: '' };
  if (typeof v === 'number') {
    // Excel dropped trailing zeros (`1.10` → 1.1) unless the format shows them.
    const decimals = numFmt ? (/0\.(0+)/.exec(numFmt)?.[1].length ?? 0) : 0;
    const text = decimals > 0 ? v.toFixed(decimals) : String(v);
    return { value: text, change: { from: `${v} (angka/number)`, to: text } };
  }
  if (typeof v === 'boolean') return { value: String(v) };
  if (CLEAN_CODE.test(v) && !ZERO_PADDED_CLASS.test(v)) return { value: v };
  const t = v.replace(SPACES, ' ').trim();
  if (t === '') return { value: '' };
  let s = t.replace(/\s*,\s*/g, '.').replace(/\s*\.\s*/g, '.').replace(/\s+/g, '.').replace(/x/g, 'X');
  s = s.replace(/\.+/g, '.').replace(/^\.|\.$/g, '');
  // Zero-padded class digit: U.BB.PP.0G.KK(.SSSS) → U.BB.PP.G.KK(.SSSS)
  const parts = s.split('.');
  if (parts.length >= 5 && /^0[12]$/.test(parts[3]) && /^\d{2}$/.test(parts[2]) && /^\d{2}$/.test(parts[4])) {
    parts[3] = parts[3][1];
    s = parts.join('.');
  }
  if (s === t) return { value: s };
  return { value: s, change: { from: t, to: s } };
}

const listKey = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const LIST_INDEX = new WeakMap<readonly string[], Map<string, string>>();

/** Enumerated value matched case- and space-insensitively against its list. */
export function matchListValue(v: string, list: readonly string[]): Normalised<string | null> {
  if (v === '') return { value: null };
  if (list.includes(v)) return { value: v };
  let index = LIST_INDEX.get(list);
  if (!index) {
    index = new Map(list.map((item) => [listKey(item), item]));
    LIST_INDEX.set(list, index);
  }
  const item = index.get(listKey(v));
  return item === undefined ? { value: null } : { value: item, change: { from: v, to: item } };
}

/** Controlled satuan list: spelling variants normalised (SAKIP.md §10). */
const SATUAN_CANON: Record<string, string> = {
  '%': '%', persen: '%', prosen: '%', persentase: '%',
  dokumen: 'Dokumen', dok: 'Dokumen', laporan: 'Laporan', lap: 'Laporan',
  orang: 'Orang', org: 'Orang', unit: 'Unit', kegiatan: 'Kegiatan', keg: 'Kegiatan',
  bulan: 'Bulan', bln: 'Bulan', hari: 'Hari', tahun: 'Tahun', kali: 'Kali',
  nilai: 'Nilai', indeks: 'Indeks', poin: 'Poin', angka: 'Angka', predikat: 'Predikat',
  opini: 'Opini', kategori: 'Kategori', rekomendasi: 'Rekomendasi', paket: 'Paket',
  desa: 'Desa', kecamatan: 'Kecamatan', sekolah: 'Sekolah', rumahtangga: 'Rumah Tangga',
  kk: 'KK', jiwa: 'Jiwa', km: 'Km', ha: 'Ha', ton: 'Ton', rp: 'Rp', rupiah: 'Rupiah',
  permil: 'Per Mil', 'per1000kh': 'per 1.000 KH', 'per100000kh': 'per 100.000 KH',
  'per1.000kh': 'per 1.000 KH', 'per100.000kh': 'per 100.000 KH', fasilitas: 'Fasilitas',
  puskesmas: 'Puskesmas', kasus: 'Kasus', inovasi: 'Inovasi', opd: 'OPD', 'perangkatdaerah': 'Perangkat Daerah',
};

const CANONICAL_SATUAN = new Set(Object.values(SATUAN_CANON));

export function normaliseSatuan(v: string): Normalised<string> {
  if (v === '' || CANONICAL_SATUAN.has(v)) return { value: v };
  const key = v.toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
  const canon = SATUAN_CANON[key];
  if (canon === undefined || canon === v) return { value: v };
  // A case-only difference from a listed unit is normalised too, and reported.
  return { value: canon, change: { from: v, to: canon } };
}
