/**
 * Wire contract of the per-OPD, per-year documents (SAKIP.md §12, §13), versioned like the tree:
 *
 *   PUT  /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/realisasi/{tahun}   body DocPushBody
 *   PUT  …/opd/{opd}/lke/{tahun}                                           body DocPushBody
 *        → 201 PushAnswer (200 for a repeated submissionId) · 409 STALE_BASE {currentVersion, by, at}
 *          · 422 INVALID_DOC {issues} · 400/403/413 as for the tree
 *   GET  …/opd/{opd}/realisasi/{tahun}[?version=N], …/opd/{opd}/lke/{tahun}[?version=N] → 200 DocAnswer
 *   POST …/opd/{opd}/lke/{tahun}/catatan   body CatatanBody (organisasi, admin) → 200 CatatanAnswer
 *
 * `doc` of realisasi: `pengukuranSnapshot(snapshot, tahun)` (core/layout/pengukuran.ts: the
 * `RencanaAksi`, `Realisasi` and `Pembanding` rows of that year); of LKE: `lkeSnapshot(snapshot)`
 * (core/dokumen/lke.ts: the `LKE` table and, when present, `Kriteria LKE`). `tahun` is a year of
 * the period. A version's `counts` of a document: `indicators` = the indicators with realisasi
 * (realisasi) or the criteria answered (LKE), `boxes` = 0, and its own issues.
 */
import type { WorkbookSnapshot } from '../snapshot.js';
import type { VersionMeta } from './api.js';
import { LIMITS } from './limits.js';
import { treeUrl, type PathCheck, type TreePath } from './paths.js';
import { parseSnapshot, type Parsed, type WireProblem } from './schema.js';

/** The documents an OPD keeps per year besides its tree. */
export type DocKind = 'realisasi' | 'lke';
export const DOC_KINDS: readonly DocKind[] = ['realisasi', 'lke'];

export interface DocPushBody {
  baseVersion: number;
  submissionId: string;
  doc: WorkbookSnapshot;
}

export interface DocAnswer {
  meta: VersionMeta;
  /** The current HEAD version (the returned one may be older when ?version was given). */
  headVersion: number;
  doc: WorkbookSnapshot;
}

/** One evaluator's note on one criterion; an empty text removes the note. */
export interface CatatanItem {
  kode: string;
  catatan: string;
}

export interface CatatanBody {
  catatan: CatatanItem[];
}

export interface CatatanAnswer {
  /** The LKE version that carries the notes (a new one, or the HEAD when it already held them). */
  version: number;
}

/** `${treeUrl(ref)}/realisasi/2026`, `${treeUrl(ref)}/lke/2026`. */
export function docUrl(kind: DocKind, ref: Pick<TreePath, 'pemda' | 'periode' | 'opd'>, tahun: number): string {
  return `${treeUrl(ref)}/${kind}/${tahun}`;
}

/**
 * The Info key that remembers the server version a workbook's document is based on (as `Versi
 * Server` does for the tree): `Versi Server Realisasi 2026`, `Versi Server LKE 2026`.
 */
export function docInfoKey(kind: DocKind, tahun: number): string {
  return `Versi Server ${kind === 'lke' ? 'LKE' : 'Realisasi'} ${tahun}`;
}

/** The `{tahun}` path parameter: a year of the period `tahunAwal`–`tahunAkhir`. */
export function checkTahun(v: string | undefined, tahunAwal: number, tahunAkhir: number): PathCheck<number> {
  if (v !== undefined && /^\d{4}$/.test(v)) {
    const y = Number(v);
    if (y >= tahunAwal && y <= tahunAkhir) return { ok: true, value: y };
  }
  return {
    ok: false, field: 'tahun',
    message: `Tahun harus tahun 4 digit dalam periode ${tahunAwal}-${tahunAkhir}.`,
    messageEn: `The year must be a 4-digit year within the period ${tahunAwal}-${tahunAkhir}.`,
  };
}

const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const unknownKeys = (path: string, o: Record<string, unknown>, allowed: readonly string[]): WireProblem[] =>
  Object.keys(o).filter((k) => !allowed.includes(k)).map((k) => ({
    path: `${path}${path ? '.' : ''}${k.slice(0, 40)}`, message: `Kolom "${k.slice(0, 40)}" tidak dikenal.`, messageEn: `Unknown field "${k.slice(0, 40)}".`,
  }));
const NOT_OBJECT: WireProblem = { path: '', message: 'Badan permintaan harus berupa objek JSON.', messageEn: 'The request body must be a JSON object.' };

/** The PUT body of a document: the tree's body with `doc` in place of `tree`, the same limits. */
export function parseDocPushBody(v: unknown): Parsed<DocPushBody> {
  if (!isPlainObject(v)) return { ok: false, problems: [NOT_OBJECT] };
  const problems = unknownKeys('', v, ['baseVersion', 'submissionId', 'doc']);
  if (typeof v.baseVersion !== 'number' || !Number.isSafeInteger(v.baseVersion) || v.baseVersion < 0) {
    problems.push({ path: 'baseVersion', message: 'baseVersion harus bilangan bulat ≥ 0.', messageEn: 'baseVersion must be an integer ≥ 0.' });
  }
  if (typeof v.submissionId !== 'string' || !SUBMISSION_ID.test(v.submissionId)) {
    problems.push({ path: 'submissionId', message: 'submissionId harus 8–64 karakter [A-Za-z0-9_-].', messageEn: 'submissionId must be 8–64 characters [A-Za-z0-9_-].' });
  }
  if (!isPlainObject(v.doc)) {
    problems.push({ path: 'doc', message: 'doc harus berupa objek { tables }.', messageEn: 'doc must be an object { tables }.' });
  } else {
    const s = parseSnapshot(v.doc, 'doc');
    if (!s.ok) problems.push(...s.problems);
  }
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, value: v as unknown as DocPushBody };
}

/** At most this many notes in one request (a pemda variant has ~100 criteria). */
export const MAX_CATATAN = 1000;
/** Criterion codes are short keys (`1.a.1`, `P.1.2`). */
const KODE_CHARS = 40;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function parseCatatanBody(v: unknown): Parsed<CatatanBody> {
  if (!isPlainObject(v)) return { ok: false, problems: [NOT_OBJECT] };
  const problems = unknownKeys('', v, ['catatan']);
  const list = v.catatan;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_CATATAN) {
    problems.push({ path: 'catatan', message: `catatan harus larik 1–${MAX_CATATAN} catatan.`, messageEn: `catatan must be an array of 1–${MAX_CATATAN} notes.` });
    return { ok: false, problems };
  }
  const seen = new Set<string>();
  const out: CatatanItem[] = [];
  list.forEach((item: unknown, i) => {
    const at = `catatan[${i}]`;
    if (problems.length >= 20) return;
    if (!isPlainObject(item)) { problems.push({ path: at, message: `${at} harus objek { kode, catatan }.`, messageEn: `${at} must be an object { kode, catatan }.` }); return; }
    problems.push(...unknownKeys(at, item, ['kode', 'catatan']));
    const kode = typeof item.kode === 'string' ? item.kode.trim() : '';
    if (kode === '' || kode.length > KODE_CHARS || CONTROL.test(kode) || kode.includes('#')) {
      problems.push({ path: `${at}.kode`, message: `${at}.kode wajib diisi (≤ ${KODE_CHARS} karakter, tanpa "#").`, messageEn: `${at}.kode is required (≤ ${KODE_CHARS} characters, no "#").` });
    } else if (seen.has(kode)) {
      problems.push({ path: `${at}.kode`, message: `Kode "${kode}" dua kali.`, messageEn: `Kode "${kode}" appears twice.` });
    }
    seen.add(kode);
    const text = item.catatan;
    if (typeof text !== 'string' || text.length > LIMITS.maxNoteChars || CONTROL.test(text)) {
      problems.push({ path: `${at}.catatan`, message: `${at}.catatan harus teks ≤ ${LIMITS.maxNoteChars} karakter tanpa karakter kontrol.`, messageEn: `${at}.catatan must be text ≤ ${LIMITS.maxNoteChars} characters without control characters.` });
      return;
    }
    out.push({ kode, catatan: text.trim() });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, value: { catatan: out } };
}
