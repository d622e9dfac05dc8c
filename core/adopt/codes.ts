/**
 * The level a nomenclature code stands for, from its segments (SAKIP.md §3.2), including the
 * codes real matrices get wrong (§10): a missing urusan digit (`03.02.2.01`), stray text
 * (`2 Paket`), a backslash or slash (`2.17.04\5`), Permendagri 13-style segments without the
 * kegiatan class digit (`3 | 1 | 01 | 01`). Such a code still tells its depth, so its row
 * still makes its box; the code itself is kept as typed and flagged (N01), never completed.
 */
import type { NomenklaturType } from '../config.js';
import { nameKey } from '../nomenklatur/code.js';
import type { NomenklaturIndex } from '../nomenklatur/types.js';

export type CodeLevel = 'urusan' | 'bidang' | NomenklaturType;
export type CodeProblem = 'missing-urusan' | 'stray-text' | 'separator' | 'permendagri-13' | 'unknown';

const U = '(?:[1-9]|X)';
const B = '(?:\\d{2}|XX)';
const SHAPES: [CodeLevel, RegExp][] = [
  ['urusan', new RegExp(`^${U}$`)],
  ['bidang', new RegExp(`^${U}\\.${B}$`)],
  ['program', new RegExp(`^${U}\\.${B}\\.\\d{2}$`)],
  ['kegiatan', new RegExp(`^${U}\\.${B}\\.\\d{2}\\.[0-9]\\.\\d{2}$`)],
  ['sub_kegiatan', new RegExp(`^${U}\\.${B}\\.\\d{2}\\.[0-9]\\.\\d{2}\\.\\d{2,4}$`)],
];
const LEVELS: CodeLevel[] = ['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan'];

/** The level of a well-formed code by shape; null when no shape fits. */
export function levelOfCode(kode: string): CodeLevel | null {
  for (const [level, re] of SHAPES) if (re.test(kode)) return level;
  return null;
}

/** The level a malformed code's segments still tell, and what is wrong with it. */
function tolerantLevel(kode: string): { level: CodeLevel; problem: CodeProblem } | null {
  const s = kode.split('.');
  const two = (x: string | undefined) => x !== undefined && /^(?:\d{2}|XX)$/.test(x);
  const one = (x: string | undefined) => x !== undefined && /^\d$/.test(x);
  // Starts at the bidang: BB.PP, BB.PP.G.KK, BB.PP.G.KK.SS(SS)
  if (two(s[0]) && two(s[1])) {
    if (s.length === 2) return { level: 'program', problem: 'missing-urusan' };
    if (s.length === 4 && /^[12]$/.test(s[2]) && two(s[3])) return { level: 'kegiatan', problem: 'missing-urusan' };
    if (s.length === 5 && /^[12]$/.test(s[2]) && two(s[3]) && /^\d{2,4}$/.test(s[4])) return { level: 'sub_kegiatan', problem: 'missing-urusan' };
  }
  // Permendagri 13/2006: U.BB.PP.KK (no class digit), bidang sometimes without its zero.
  if (one(s[0]) && /^\d{1,2}$/.test(s[1] ?? '')) {
    if (s.length === 3 && one(s[1]) && two(s[2])) return { level: 'program', problem: 'permendagri-13' };
    if (s.length === 4 && two(s[2]) && two(s[3])) return { level: 'kegiatan', problem: 'permendagri-13' };
    if (s.length === 5 && two(s[2]) && two(s[3]) && two(s[4]) && !/^[12]$/.test(s[3])) return { level: 'sub_kegiatan', problem: 'permendagri-13' };
  }
  return null;
}

export interface CodeRead {
  /** The code as typed, tidied only where §10 allows (kept in `Kode`). */
  kode: string;
  /** The level its depth tells; null when it tells none. */
  level: CodeLevel | null;
  problem?: CodeProblem;
  /** The well-formed code at the start of it, when there is one (`2.17.04` of `2.17.04\5`). */
  prefix?: string;
}

const LEADING = /^([0-9X]{1,4}(?:\.[0-9X]{1,4})*)(.*)$/;

/** Reads a joined code (comma and spaces already turned into dots where they were separators). */
export function readCode(typed: string): CodeRead {
  const kode = typed.trim();
  if (kode === '') return { kode, level: null };
  const exact = levelOfCode(kode);
  if (exact) return { kode, level: exact };
  const tol = tolerantLevel(kode);
  if (tol) return { kode, level: tol.level, problem: tol.problem };
  const m = LEADING.exec(kode);
  if (!m) return { kode, level: null, problem: 'unknown' };
  const head = m[1].replace(/\.$/, '');
  const rest = m[2];
  const headLevel = levelOfCode(head) ?? tolerantLevel(head)?.level ?? null;
  if (/^\s*[\\/|]\s*\d/.test(rest)) {
    const dotted = `${head}.${rest.replace(/^\s*[\\/|]\s*/, '').replace(/\s*[\\/|]\s*/g, '.')}`;
    const lv = levelOfCode(dotted) ?? tolerantLevel(dotted)?.level ?? null;
    return { kode, level: lv ?? headLevel, problem: 'separator', ...(levelOfCode(head) ? { prefix: head } : {}) };
  }
  if (/[A-Za-z]/.test(rest)) return { kode, level: headLevel, problem: 'stray-text', ...(levelOfCode(head) ? { prefix: head } : {}) };
  return { kode, level: null, problem: 'unknown' };
}

/** The level one below. */
export function childLevel(l: CodeLevel): CodeLevel | null {
  const i = LEVELS.indexOf(l);
  return i >= 0 && i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
}

/** The program / kegiatan part of a code. */
export function prefixOf(kode: string, level: NomenklaturType): string {
  const n = level === 'program' ? 3 : level === 'kegiatan' ? 5 : 6;
  return kode.split('.').slice(0, n).join('.');
}

/**
 * A code that starts at the bidang (`03.02.2.01`): suggests the urusan digit from a context
 * code whose bidang part matches, never completes it silently.
 */
export function suggestUrusan(kode: string, context: string[]): string | undefined {
  if (!/^\d{2}\./.test(kode)) return undefined;
  for (const c of context) {
    if (!c) continue;
    const [u, ...rest] = c.split('.');
    const tail = rest.join('.');
    if (tail && (kode.startsWith(tail + '.') || kode === tail)) return `${u}.${kode}`;
  }
  for (const c of context) {
    if (c) return `${c.split('.')[0]}.${kode}`;
  }
  return undefined;
}

/**
 * The child code of `parent` in the reference list whose name is `nama` (a name match under
 * the parent's code: never on the name alone, SAKIP.md §3.8).
 */
export function suggestByName(index: NomenklaturIndex | undefined, parent: string, level: NomenklaturType, nama: string, classDigit: string): string | undefined {
  if (!index || !parent || nama === '' || levelOfCode(parent) === null) return undefined;
  const want = nameKey(nama);
  const candidates: string[] = [];
  if (level === 'kegiatan') for (let k = 1; k <= 99; k++) candidates.push(`${parent}.${classDigit}.${String(k).padStart(2, '0')}`);
  else if (level === 'sub_kegiatan') for (let k = 1; k <= 150; k++) candidates.push(`${parent}.${String(k).padStart(4, '0')}`, `${parent}.${String(k).padStart(2, '0')}`);
  else return undefined;
  const placeholder = (c: string) => c.replace(/^\d\.\d{2}\.01\./, 'X.XX.01.');
  for (const c of candidates) {
    const hit = index.lookup(c, null) ?? index.lookup(placeholder(c), null);
    if (hit && nameKey(hit.nama) === want) return c;
  }
  return undefined;
}

export const PARENT_TYPE: Record<NomenklaturType, NomenklaturType | null> = {
  program: null,
  kegiatan: 'program',
  sub_kegiatan: 'kegiatan',
};
