/**
 * The level a nomenclature code stands for, from its segments (SAKIP.md §3.2), and the
 * codes an importer must refuse rather than guess (§10): a missing urusan digit, stray text.
 */
import type { NomenklaturType } from '../config.js';

export type CodeLevel = 'urusan' | 'bidang' | NomenklaturType;

const U = '(?:[1-9]|X)';
const B = '(?:\\d{2}|XX)';
const SHAPES: [CodeLevel, RegExp][] = [
  ['urusan', new RegExp(`^${U}$`)],
  ['bidang', new RegExp(`^${U}\\.${B}$`)],
  ['program', new RegExp(`^${U}\\.${B}\\.\\d{2}$`)],
  ['kegiatan', new RegExp(`^${U}\\.${B}\\.\\d{2}\\.[0-9]\\.\\d{2}$`)],
  ['sub_kegiatan', new RegExp(`^${U}\\.${B}\\.\\d{2}\\.[0-9]\\.\\d{2}\\.\\d{2,4}$`)],
];

/** The level of a code by shape; null when no shape fits (N01 in the canonical workbook). */
export function levelOfCode(kode: string): CodeLevel | null {
  for (const [level, re] of SHAPES) if (re.test(kode)) return level;
  return null;
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

export const PARENT_TYPE: Record<NomenklaturType, NomenklaturType | null> = {
  program: null,
  kegiatan: 'program',
  sub_kegiatan: 'kegiatan',
};
