/**
 * The Evaluasi tab's journeys (SAKIP.md §13): the `LKE` table added when missing (core's
 * `lembarLke`: criteria, answer dropdowns, Nilai formulas, the Saran Pokin beside `Jawaban`),
 * an answer the planner picks written into `Jawaban` (never the Saran by itself: "pakai saran"
 * is the planner's click), the LKE pushed as its own document per year, and the evaluator's
 * notes (`Catatan Evaluator`) brought in by a pull. The score is core's `evaluasiLke`.
 */
import { kriteriaLkeTableSpec, lkeTableSpec } from '../core/layout/lke.js';
import { evaluasiLke, lembarLke, type EvaluasiLke } from '../core/lke/index.js';
import { findTable } from '../core/read/index.js';
import type { TableSnapshot, WorkbookSnapshot } from '../core/snapshot.js';
import { pullDocument, pushDocument, withDocVersion, type DocHost, type DocPushOutcome, type Text } from './docs.js';
import type { CellWrite } from './port.js';

/** The LKE document of the contract: the `LKE` table, and `Kriteria LKE` when the pemda uses its own list. */
export function lkeDocument(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const tables = [findTable(snapshot, kriteriaLkeTableSpec()), findTable(snapshot, lkeTableSpec())]
    .filter((t): t is TableSnapshot => !!t)
    .map(({ formulas: _f, ...t }) => t);
  return { tables };
}

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
  const ev = evaluasiLke(r.snapshot, { saran: false });
  if (!ev.kriteriaSah) {
    return { kind: 'blocked', errors: ev.issues.filter((i) => i.severity === 'E').length, message: { id: 'Daftar kriteria LKE memuat error: perbaiki dahulu.', en: 'The LKE criteria list has errors: fix it first.' } };
  }
  const doc = lkeDocument(r.snapshot);
  if (!doc.tables.some((t) => t.name !== undefined && t.name.toLowerCase() === 'lke')) {
    return { kind: 'failed', message: { id: 'Buku kerja ini belum memiliki tabel LKE.', en: 'This workbook has no LKE table yet.' } };
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

