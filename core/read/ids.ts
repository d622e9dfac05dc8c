/**
 * Characters in IDs that no planner can see or tell apart: zero-width and bidirectional
 * control characters (copied from web pages, PDFs, chat apps; a right-to-left override even
 * reverses what is shown), and letters from other scripts that look like Latin ones (Cyrillic
 * "С" for "C") or full-width forms ("ＳＳ１"). In an ID they break every link silently:
 * `Induk "SS⟨U+200B⟩1" does not exist` while SS1 exists. The reader removes or replaces them in the ID
 * columns before reading, and reports each change as F02 with the characters named; `visible`
 * prints any that remain in a message as ⟨U+200B⟩.
 */
import { headerKey } from '../layout/tables.js';
import { issue, type Issue } from '../issues.js';
import { a1, parseA1 } from '../a1.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../snapshot.js';

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN', 0x061c: 'ARABIC LETTER MARK', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, the common subset). */
const LOOKALIKE: Record<string, [string, string]> = {
  'А': ['A', 'CYRILLIC CAPITAL LETTER A'], 'В': ['B', 'CYRILLIC CAPITAL LETTER VE'], 'Е': ['E', 'CYRILLIC CAPITAL LETTER IE'],
  'К': ['K', 'CYRILLIC CAPITAL LETTER KA'], 'М': ['M', 'CYRILLIC CAPITAL LETTER EM'], 'Н': ['H', 'CYRILLIC CAPITAL LETTER EN'],
  'О': ['O', 'CYRILLIC CAPITAL LETTER O'], 'Р': ['P', 'CYRILLIC CAPITAL LETTER ER'], 'С': ['C', 'CYRILLIC CAPITAL LETTER ES'],
  'Т': ['T', 'CYRILLIC CAPITAL LETTER TE'], 'Х': ['X', 'CYRILLIC CAPITAL LETTER HA'], 'І': ['I', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'],
  'Ј': ['J', 'CYRILLIC CAPITAL LETTER JE'], 'Ѕ': ['S', 'CYRILLIC CAPITAL LETTER DZE'],
  'а': ['a', 'CYRILLIC SMALL LETTER A'], 'е': ['e', 'CYRILLIC SMALL LETTER IE'], 'о': ['o', 'CYRILLIC SMALL LETTER O'],
  'р': ['p', 'CYRILLIC SMALL LETTER ER'], 'с': ['c', 'CYRILLIC SMALL LETTER ES'], 'у': ['y', 'CYRILLIC SMALL LETTER U'],
  'х': ['x', 'CYRILLIC SMALL LETTER HA'], 'і': ['i', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'], 'ј': ['j', 'CYRILLIC SMALL LETTER JE'],
  'ѕ': ['s', 'CYRILLIC SMALL LETTER DZE'],
  'Α': ['A', 'GREEK CAPITAL LETTER ALPHA'], 'Β': ['B', 'GREEK CAPITAL LETTER BETA'], 'Ε': ['E', 'GREEK CAPITAL LETTER EPSILON'],
  'Ζ': ['Z', 'GREEK CAPITAL LETTER ZETA'], 'Η': ['H', 'GREEK CAPITAL LETTER ETA'], 'Ι': ['I', 'GREEK CAPITAL LETTER IOTA'],
  'Κ': ['K', 'GREEK CAPITAL LETTER KAPPA'], 'Μ': ['M', 'GREEK CAPITAL LETTER MU'], 'Ν': ['N', 'GREEK CAPITAL LETTER NU'],
  'Ο': ['O', 'GREEK CAPITAL LETTER OMICRON'], 'Ρ': ['P', 'GREEK CAPITAL LETTER RHO'], 'Τ': ['T', 'GREEK CAPITAL LETTER TAU'],
  'Υ': ['Y', 'GREEK CAPITAL LETTER UPSILON'], 'Χ': ['X', 'GREEK CAPITAL LETTER CHI'], 'ο': ['o', 'GREEK SMALL LETTER OMICRON'],
};

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Invisible and direction-changing characters shown as ⟨U+200B⟩, so a message never hides them. */
export function visible(s: string): string {
  return s.replace(INVISIBLE, (ch) => `⟨${codePoint(ch)}⟩`);
}

export interface IdChange {
  value: string;
  /** Each change, named: `U+200B ZERO WIDTH SPACE`, `U+0421 CYRILLIC CAPITAL LETTER ES → C`. */
  notes: string[];
}

/** The ID without invisible characters, with look-alikes and full-width forms made plain; null if unchanged. */
export function cleanIdCharacters(s: string): IdChange | null {
  // Plain ASCII (nearly every ID) has nothing to clean.
  if (!/[^\u0020-\u007e]/.test(s)) return null;
  const notes: string[] = [];
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (NAMES[cp] !== undefined) { notes.push(`${codePoint(ch)} ${NAMES[cp]}`); continue; }
    const look = LOOKALIKE[ch];
    if (look) { notes.push(`${codePoint(ch)} ${look[1]} → ${look[0]}`); out += look[0]; continue; }
    // Full-width ASCII (U+FF01–U+FF5E) → ASCII; the rest (accents, real non-Latin IDs) stays.
    if (cp >= 0xff01 && cp <= 0xff5e) { const plain = String.fromCharCode(cp - 0xfee0); notes.push(`${codePoint(ch)} FULLWIDTH ${plain} → ${plain}`); out += plain; continue; }
    out += ch;
  }
  return notes.length ? { value: out, notes } : null;
}

/** Columns holding IDs or references to IDs (header keys). */
const ID_COLUMNS = new Set(['id', 'induk', 'idnode', 'idjabatan', 'idatasan', 'idnodetujuan', 'refpemda', 'penanggungjawab', 'opdtujuan']);

/**
 * Cleans the ID columns of every table and reports each change (F02, W) at its cell. Returns the
 * snapshot to read: the same object when nothing changed, else a copy of the changed tables.
 */
export function reportIdCharacters(snapshot: WorkbookSnapshot, issues: Issue[]): WorkbookSnapshot {
  let tables: TableSnapshot[] | null = null;
  snapshot.tables.forEach((t, ti) => {
    const cols: number[] = [];
    t.header.forEach((h, i) => { if (ID_COLUMNS.has(headerKey(h))) cols.push(i); });
    if (cols.length === 0) return;
    let rows: CellValue[][] | null = null;
    for (let r = 0; r < t.rows.length; r++) {
      for (const c of cols) {
        const v = t.rows[r][c];
        if (typeof v !== 'string') continue;
        const change = cleanIdCharacters(v);
        if (!change) continue;
        if (!rows) rows = t.rows.slice();
        if (rows[r] === t.rows[r]) rows[r] = t.rows[r].slice();
        rows[r][c] = change.value;
        let cell: string;
        try { const o = parseA1(t.address); cell = a1(o.col + c, o.row + 1 + r); } catch { cell = 'A1'; }
        const list = change.notes.join('; ');
        issues.push(issue('F02', 'W', { sheet: t.sheet, cell, id: change.value }, {
          id: `${String(t.header[c])} "${visible(v)}" memuat karakter tak terlihat atau mirip huruf Latin (${list}); dibaca sebagai "${change.value}".`,
          en: `${String(t.header[c])} "${visible(v)}" holds invisible or Latin look-alike characters (${list}); read as "${change.value}".`,
        }, { from: v, to: change.value }));
      }
    }
    if (rows) {
      tables ??= snapshot.tables.slice();
      tables[ti] = { ...t, rows };
    }
  });
  return tables ? { tables } : snapshot;
}
