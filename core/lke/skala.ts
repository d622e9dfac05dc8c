/**
 * Answer scales (SAKIP.md §13): default values per answer type, a variant's own values, and
 * reading an answer cell. Y/T = 1/0; A/B/C/D = 1/0,66/0,33/0 [KKE]; A–E = 1/0,75/0,5/0,25/0.
 */
import { SINONIM_JAWABAN } from '../layout/lke.js';
import { parseNumberText } from '../read/normalise.js';
import type { JenisJawaban, Pilihan } from './types.js';

export const SKALA_BAWAAN: Readonly<Record<JenisJawaban, readonly Pilihan[]>> = Object.freeze({
  'Y/T': [{ kode: 'Y', nilai: 1 }, { kode: 'T', nilai: 0 }],
  'A/B/C/D': [{ kode: 'A', nilai: 1 }, { kode: 'B', nilai: 0.66 }, { kode: 'C', nilai: 0.33 }, { kode: 'D', nilai: 0 }],
  'A/B/C/D/E': [{ kode: 'A', nilai: 1 }, { kode: 'B', nilai: 0.75 }, { kode: 'C', nilai: 0.5 }, { kode: 'D', nilai: 0.25 }, { kode: 'E', nilai: 0 }],
});

/** `Y/T`, `ya/tidak`, `A/B/C/D`, `A-D`, `A–E`, `ABCDE` … → the answer type; null if unknown. */
export function bacaJenis(text: string): JenisJawaban | null {
  const k = text.toUpperCase().replace(/\s+/g, '').replace(/[–—]/g, '-');
  if (k === '') return null;
  if (['Y/T', 'Y-T', 'YT', 'YA/TIDAK', 'YA-TIDAK'].includes(k)) return 'Y/T';
  const letters = k.replace(/[/,;-]/g, '');
  if (letters === 'ABCD' || k === 'A-D') return 'A/B/C/D';
  if (letters === 'ABCDE' || k === 'A-E') return 'A/B/C/D/E';
  return null;
}

/**
 * A variant's answer values, `A=1; B=0,7; C=0,4; D=0` (`:` also works, decimal comma or
 * point). Every code of the type must be given exactly once, each value in 0–1; the result
 * is ordered as the type lists its codes. Returns the problem text when it cannot be used.
 */
export function bacaNilaiJawaban(text: string, jenis: JenisJawaban): { skala: Pilihan[] } | { masalah: { id: string; en: string } } {
  const codes = SKALA_BAWAAN[jenis].map((p) => p.kode);
  const seen = new Map<string, number>();
  for (const part of text.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*[=:]\s*(.+)$/.exec(part);
    const code = m ? (SINONIM_JAWABAN[m[1].toUpperCase()] ?? m[1].toUpperCase()) : '';
    const n = m ? parseNumberText(m[2]) : null;
    if (!m || n === null || !codes.includes(code) || n < 0 || n > 1 || seen.has(code)) {
      return { masalah: {
        id: `nilai_jawaban "${part}" tidak dapat dipakai: tulis ${codes.map((c) => `${c}=angka 0–1`).join('; ')}, tiap kode sekali.`,
        en: `nilai_jawaban "${part}" cannot be used: write ${codes.map((c) => `${c}=a number 0–1`).join('; ')}, each code once.`,
      } };
    }
    seen.set(code, n);
  }
  const missing = codes.filter((c) => !seen.has(c));
  if (missing.length) {
    return { masalah: {
      id: `nilai_jawaban tidak memberi nilai untuk ${missing.join(', ')} (jenis ${jenis}).`,
      en: `nilai_jawaban gives no value for ${missing.join(', ')} (type ${jenis}).`,
    } };
  }
  return { skala: codes.map((kode) => ({ kode, nilai: seen.get(kode) as number })) };
}

/** The answer code an answer cell means (`ya` → `Y`, ` b ` → `B`), or null when it is none of the scale's. */
export function bacaJawaban(text: string, skala: readonly Pilihan[]): string | null {
  const k = text.trim().toUpperCase();
  const code = SINONIM_JAWABAN[k] ?? k;
  return skala.some((p) => p.kode === code) ? code : null;
}

export function nilaiDari(skala: readonly Pilihan[], kode: string | null): number | null {
  if (kode === null) return null;
  return skala.find((p) => p.kode === kode)?.nilai ?? null;
}

/** The top value of a scale (what a fully met criterion scores). */
export function nilaiTertinggi(skala: readonly Pilihan[]): number {
  return skala.reduce((m, p) => Math.max(m, p.nilai), 0);
}

/**
 * The answer a measured share (0–1) of "what the criterion asks" proposes: the answer whose
 * value is nearest the share, ties going to the lower answer; on a two-answer scale (Y/T) only
 * a fully met criterion gets the top answer. So a proposal never scores more than the share
 * measured, rounded to the nearest grade.
 */
export function jawabanUntukBagian(skala: readonly Pilihan[], bagian: number): Pilihan {
  const sorted = [...skala].sort((a, b) => b.nilai - a.nilai);
  const share = Math.min(1, Math.max(0, bagian));
  if (sorted.length <= 2) {
    const top = sorted[0];
    return share >= top.nilai - 1e-9 ? top : sorted[sorted.length - 1];
  }
  let best = sorted[0];
  for (const p of sorted) {
    const d = Math.abs(p.nilai - share);
    const bd = Math.abs(best.nilai - share);
    // Later (lower) answers win ties: round down.
    if (d < bd - 1e-9 || Math.abs(d - bd) <= 1e-9) best = p;
  }
  return best;
}
