/**
 * The Evaluasi tab's journeys (SAKIP.md §13): the `LKE` table added when missing (core's
 * `lembarLke`: criteria, answer dropdowns, Nilai formulas, the Saran Pokin beside `Jawaban`),
 * an answer the planner picks written into `Jawaban` (never the Saran by itself: "pakai saran"
 * is the planner's click), the LKE pushed as its own document per year, and the evaluator's
 * notes (`Catatan Evaluator`) brought in by a pull. The score is core's `evaluasiLke`.
 */
import { dokumenOf } from '../core/dokumen/index.js';
import { evaluasiLke, lembarLke, type EvaluasiLke } from '../core/lke/index.js';
import { pullDocument, pushDocument, withDocVersion, type DocHost, type DocPushOutcome, type Text } from './docs.js';
import type { CellWrite } from './port.js';

/** The cell of a criterion's `Jawaban` (or another column) in the workbook's LKE table. */
export function lkeCell(ev: EvaluasiLke, kode: string, field: 'jawaban' | 'catatanEvaluator' = 'jawaban'): { sheet: string; cell: string } | null {
  const loc = ev.bacaan.jawaban.get(kode)?.loc;
  const col = loc?.table.cols[field];
  return loc && col ? { sheet: loc.table.sheet, cell: `${col}${loc.row}` } : null;
}

/** Adds the `LKE` table: the criteria (the workbook's variant or the shipped list), with the Saran Pokin. */
export async function tambahLke(h: DocHost, lang: 'id' | 'en'): Promise<void> {
  const r = await h.live.validateNow();
  const ev = evaluasiLke(r.snapshot);
  if (!ev.kriteriaSah) {
    throw new Error(lang === 'en' ? 'The criteria list (Kriteria LKE) cannot score: fix it first.' : 'Daftar kriteria (Kriteria LKE) tidak dapat menilai: perbaiki dahulu.');
  }
  const lembar = lembarLke(ev.kriteria, ev.bacaan, ev.saran, lang);
  await h.live.ownWrite(() => h.port.addLke({ table: lembar.table, skala: lembar.skala }));
  h.live.rebind();
  await h.live.validateNow();
}

/** Writes the planner's answer (or clears it with ''), then reads the changed row back. */
export async function jawab(h: DocHost, ev: EvaluasiLke, kode: string, jawaban: string): Promise<void> {
  const at = lkeCell(ev, kode);
  if (!at) throw new Error(`LKE: ${kode}`);
  await h.live.ownWrite(() => h.port.writeCells([{ ...at, value: jawaban }]));
  await h.live.validateNow(false, false);
}

export async function pushLke(h: DocHost, tahun: number, base?: number): Promise<DocPushOutcome> {
  const r = await h.live.validateNow();
  // The document and its check are `pokin push --lke`'s and the server's (core/dokumen).
  const { doc, check } = dokumenOf('lke', r.snapshot, tahun);
  if (!doc.tables.some((t) => t.name !== undefined && t.name.toLowerCase() === 'lke')) {
    return { kind: 'failed', message: { id: 'Buku kerja ini belum memiliki tabel LKE.', en: 'This workbook has no LKE table yet.' } };
  }
  if (check.counts.errors > 0) {
    return { kind: 'blocked', errors: check.counts.errors, message: { id: `Dokumen LKE memuat ${check.counts.errors} error (kriteria atau jawaban): perbaiki dahulu.`, en: `The LKE document has ${check.counts.errors} errors (criteria or answers): fix them first.` } };
  }
  return pushDocument(h, 'lke', tahun, r.snapshot, doc, base);
}

export type PullNotesOutcome =
  | { kind: 'pulled'; version: number; notes: { kode: string; catatan: string }[]; written: number; notWritten: string[] }
  | { kind: 'failed'; message: Text; error?: unknown };

/**
 * Pulls the LKE of `tahun` and brings the evaluator's notes into the workbook's `Catatan
 * Evaluator` cells (by Kode); the planner's answers stay as they are. The pulled version becomes
 * the LKE's base, so the next push goes on top of the notes.
 */
export async function pullLkeNotes(h: DocHost, tahun: number): Promise<PullNotesOutcome> {
  const r = await h.live.validateNow();
  const got = await pullDocument(h, 'lke', tahun, r.snapshot);
  if ('kind' in got) return got;
  const server = evaluasiLke(got.answer.doc, { saran: false });
  const local = evaluasiLke(r.snapshot, { saran: false });
  const notes: { kode: string; catatan: string }[] = [];
  const writes: CellWrite[] = [];
  const notWritten: string[] = [];
  for (const [kode, j] of server.bacaan.jawaban) {
    if (!j.catatanEvaluator) continue;
    notes.push({ kode, catatan: j.catatanEvaluator });
    if (local.bacaan.jawaban.get(kode)?.catatanEvaluator === j.catatanEvaluator) continue;
    const at = lkeCell(local, kode, 'catatanEvaluator');
    if (at) writes.push({ ...at, value: j.catatanEvaluator });
    else notWritten.push(kode);
  }
  await h.live.ownWrite(() => h.port.writeCells(writes, withDocVersion(h, got.ref, 'lke', tahun, got.answer.meta.version)));
  await h.live.validateNow(false, false);
  return { kind: 'pulled', version: got.answer.meta.version, notes, written: writes.length, notWritten };
}

