/**
 * Example: the LKE self-assessment (SAKIP.md §13) of the example Dinas Kesehatan, as its
 * Inspektorat might fill it in before the evaluators come: the shipped criteria (PermenPANRB
 * 88/2021 as Kabupaten Trenggalek applies it), most criteria answered, two still open, a few
 * links and evaluator notes. Answers are illustrative, not an official assessment.
 */
import { kriteriaBawaan } from '../../core/lke/index.js';
import type { CellValue } from '../../core/snapshot.js';

/** Answers per sub komponen in the list's order; `.` = not answered yet. */
const JAWABAN: Record<string, string> = {
  AREN001: 'Y Y Y Y',
  AREN002: 'Y T Y A B B A A A',
  AREN003: 'B B C B C B C',
  BKUR001: 'Y Y T',
  BKUR002: 'B B B Y C Y T',
  BKUR003: 'C C C C B C D C C',
  CLAP001: 'Y Y Y T Y Y',
  CLAP002: 'B B B C C D B C B',
  CLAP003: 'C C C C B B .',
  DVAL001: 'Y Y T',
  DVAL002: 'B C B D',
  DVAL003: 'C C C C C',
  DVAL004: 'B B .',
};

const TAUTAN: Record<string, string> = {
  'AREN001.1': 'https://dinkes.contoh.go.id/dokumen/renstra-2025-2029.pdf',
  'AREN001.2': 'https://dinkes.contoh.go.id/dokumen/renja-2025.pdf',
  'AREN002.2': 'https://dinkes.contoh.go.id/dokumen/',
  'CLAP001.1': 'https://dinkes.contoh.go.id/dokumen/lkjip-2024.pdf',
};

const CATATAN: Record<string, string> = {
  'AREN002.2': 'Renja 2025 baru diunggah Maret; lewat batas waktu.',
  'BKUR001.3': 'Belum ada SOP pengumpulan data kinerja.',
  'CLAP001.4': 'LKjIP 2024 belum direviu Inspektorat.',
};

/** The answer rows keyed by LKE column header (Kode, Jawaban, Tautan, Catatan Evaluator). */
export function dinkesLkeJawaban(): Record<string, CellValue>[] {
  const k = kriteriaBawaan();
  const out: Record<string, CellValue>[] = [];
  for (const sub of k.komponen.flatMap((x) => x.sub)) {
    const answers = (JAWABAN[sub.kode] ?? '').split(/\s+/);
    if (answers.length !== sub.kriteria.length) throw new Error(`${sub.kode}: ${answers.length} answers for ${sub.kriteria.length} criteria`);
    sub.kriteria.forEach((c, i) => {
      out.push({
        Kode: c.kode, Jawaban: answers[i] === '.' ? null : answers[i],
        Tautan: TAUTAN[c.kode] ?? null, 'Catatan Evaluator': CATATAN[c.kode] ?? null,
      });
    });
  }
  return out;
}
