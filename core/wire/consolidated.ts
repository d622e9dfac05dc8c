/**
 * Wire contract of the Bagian Organisasi routes (SAKIP.md §4.4, §9):
 *
 *   GET  /v1/pemda/{pemda}/periode/{periode}/consolidated[?basis=diterima|terbaru][&cursor=C]
 *        → 200 ConsolidatedAnswer (gzip). `cursor` pages by OPD when one answer would pass
 *        Lambda's 6 MB response limit; follow `page.next` until it is null.
 *   GET  /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/crosscutting
 *        → 200 CrosscuttingAnswer: the OPD's outgoing and incoming links with their status.
 *   POST /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/crosscutting/{id}/decision
 *        body {"status":"disetujui"|"ditolak","reason":"…"} → 200 DecisionAnswer.
 *        `{opd}` is the TARGET OPD (the caller's own); `{id}` is the link ID (`linkId`).
 */
import type { Issue } from '../issues.js';
import type { CellValue } from '../snapshot.js';
import type { ReviewStatus } from './api.js';
import { LIMITS } from './limits.js';
import type { Parsed, WireProblem } from './schema.js';

export type ConsolidationBasis = 'diterima' | 'terbaru';
export const CONSOLIDATION_BASES: readonly ConsolidationBasis[] = ['diterima', 'terbaru'];
/** The official consolidation is over accepted versions (ARCHITECTURE §2). */
export const DEFAULT_BASIS: ConsolidationBasis = 'diterima';

/** Decision values on the wire (lower case, like review statuses); shown capitalised in sheets. */
export type DecisionStatus = 'disetujui' | 'ditolak';
/** The effective status of a link, as written in the workbook `Status` column (SAKIP.md §4.2). */
export type LinkStatus = 'Menunggu' | 'Disetujui' | 'Ditolak';

/** Tables of the consolidated workbook that carry the OPD tables with a leading `Kode OPD`. */
export type ConsolidatedTableKey = 'info' | 'jabatan' | 'pohon' | 'indikator' | 'crosscutting';
export const CONSOLIDATED_TABLES: readonly ConsolidatedTableKey[] = ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'];

/** An issue of the consolidation: where it sits in the consolidated workbook and in the OPD's own. */
export interface ConsolidatedIssue extends Issue {
  /** Kode OPD of the row (or `PEMDA`). */
  opd: string;
  /** The same place in the OPD's own workbook, when the issue comes from one of its rows. */
  source?: { sheet: string; cell: string };
}

/** One OPD's rows in the consolidated tables (without the leading Kode OPD: it is `opd`). */
export interface OpdSection {
  opd: string;
  namaOpd: string;
  version: number;
  /** Per table: the consolidated sheet row of the first row, and the rows in canonical column order. */
  tables: Record<ConsolidatedTableKey, { firstRow: number; rows: CellValue[][] }>;
  /**
   * With `?tahun=Y`: the OPD's capaian per indicator (`Capaian OPD`). It rides in its section,
   * so paging by OPD cuts it with the OPD's rows (60 OPDs × 1,200 indicators is 1.3 MB of gzip).
   */
  capaian?: CapaianIndikatorOpd[];
}

/** A row of `Rekap OPD` (SAKIP.md §4.4). */
export interface RekapRow {
  opd: string;
  namaOpd: string;
  tujuan: number;
  sasaran: number;
  program: number;
  kegiatan: number;
  subKegiatan: number;
  indikator: number;
  /** Errors and warnings: the OPD's own at push time plus the cross-OPD ones at its rows. */
  errors: number;
  warnings: number;
  /** Review status of the version used; `belum dikirim` / `belum diterima` when there is none. */
  statusReviu: ReviewStatus | 'belum dikirim' | 'belum diterima';
  /** Version used (null = none); `headVersion` = the latest push. */
  version: number | null;
  headVersion: number | null;
  /** ISO time of the latest push (HEAD), whatever the basis. */
  lastPush: string | null;
  /** With `?tahun=Y`: the OPD's capaian and LKE of that year (SAKIP.md §12, §13). */
  capaian?: RekapCapaian;
}

/** A target or realisasi on the wire: a number, `[low, high]`, text, met/not met, `-`, or null. */
export type NilaiWire = number | string | boolean | [number, number] | null;

/** `Rekap OPD`'s capaian columns of one OPD for the consolidation's year. */
export interface RekapCapaian {
  /** HEAD version of the realisasi of the year; null = none pushed. */
  realisasiVersion: number | null;
  /** The latest quarter reported; null = nothing reported. */
  tw: number | null;
  /** PK indicators of the year, and those with a computed capaian. */
  jumlahIndikator: number;
  dihitung: number;
  /** Mean capped capaian against the year's target (%), unrounded; null = none computed. */
  capaian: number | null;
  kategori: string | null;
  /** Serapan anggaran s.d. the latest quarter (%). */
  serapan: number | null;
  lkeVersion: number | null;
  /** LKE score (rounded to two decimals, as printed) and predikat; null = no LKE pushed. */
  lkeNilai: number | null;
  predikat: string | null;
}

/** One indicator's capaian in one OPD (`Capaian OPD`). */
export interface CapaianIndikatorOpd {
  opd: string;
  idNode: string;
  indikator: string;
  satuan: string;
  iku: boolean;
  /** A PK indicator of the year. */
  pk: boolean;
  targetTahun: NilaiWire;
  realisasi: NilaiWire;
  /** Capped capaian against the year's target (%), unrounded. */
  capaian: number | null;
  kategori: string | null;
  /** `ok`, or why there is no capaian (core/capaian CapaianStatus). */
  status: string;
  penanggungJawab: string;
}

/** One OPD's LKE of the year (`LKE OPD`). */
export interface LkeOpd {
  opd: string;
  version: number;
  /** Total score, rounded to two decimals as printed; predikat and its label from it. */
  nilai: number;
  predikat: string | null;
  label: string | null;
  terjawab: number;
  jumlahKriteria: number;
  komponen: { kode: string; nama: string; bobot: number; nilai: number }[];
  /** The criteria list could not score (F01/F03/V01/V02): the figures are not meaningful. */
  kriteriaSah: boolean;
}

/** Link counts per (source OPD, target OPD); absent pairs have none. */
export interface MatriksCell {
  from: string;
  to: string;
  disetujui: number;
  menunggu: number;
  ditolak: number;
}

export interface ConsolidatedPage {
  /** 0-based page number. */
  index: number;
  /** Cursor of the next page, null on the last. */
  next: string | null;
  /** Number of OPD sections in the whole consolidation (all pages). */
  sectionCount: number;
}

export interface ConsolidatedAnswer {
  pemda: string;
  periode: string;
  basis: ConsolidationBasis;
  generatedAt: string;
  /** Identifies the data (versions and decisions) behind the answer: equal on every page. */
  fingerprint: string;
  years: number[];
  /** The year of the realisasi and LKE (`?tahun=Y`); absent without one. */
  tahun?: number;
  /** With `tahun`: every OPD's LKE score (first page only), in rekap order; capaian rides in the sections. */
  lke?: LkeOpd[];
  /** Consolidated column headers per table, `Kode OPD` first. */
  headers: Record<ConsolidatedTableKey, string[]>;
  /** Every expected OPD, PEMDA first (on every page). */
  rekap: RekapRow[];
  /** OPD codes of the matrix axes, in order, and the non-empty cells (on every page). */
  matriks: { opd: string[]; cells: MatriksCell[] };
  /** Cross-OPD issues (first page only), in Validasi order. */
  issues: ConsolidatedIssue[];
  /** The OPD sections of this page, in workbook order. */
  sections: OpdSection[];
  page: ConsolidatedPage;
}

/** One crosscutting link with its effective status, as the pane and the pulls see it. */
export interface LinkView {
  linkId: string;
  sourceOpd: string;
  /** Names of the two OPDs (from their latest push), when known. */
  sourceNama?: string;
  targetNama?: string;
  nodeId: string;
  targetOpd: string;
  nodeTujuan: string;
  kontribusi: string;
  keterangan: string;
  status: LinkStatus;
  alasanTolak: string;
  decidedBy?: string;
  decidedAt?: string;
}

export interface CrosscuttingAnswer {
  pemda: string;
  periode: string;
  opd: string;
  /** Links in this OPD's own tree (HEAD), with the decisions of their targets. */
  outgoing: LinkView[];
  /** Links other OPDs' HEAD trees address to this OPD. */
  incoming: LinkView[];
}

export interface DecisionBody {
  status: DecisionStatus;
  reason: string;
}

export interface DecisionAnswer {
  link: LinkView;
  /** Increases with every decision on the link (optimistic lock of the decision item). */
  rev: number;
}

/** Link IDs are 26 lower-case hex digits (core/derive/consolidate/ids.ts). */
export const LINK_ID_RE = /^[0-9a-f]{26}$/;

export function checkLinkId(v: string | undefined): { ok: true; value: string } | { ok: false; field: string; message: string; messageEn: string } {
  if (v !== undefined && LINK_ID_RE.test(v)) return { ok: true, value: v };
  return { ok: false, field: 'id', message: 'ID tautan crosscutting tidak valid (26 digit heksadesimal).', messageEn: 'Invalid crosscutting link ID (26 hex digits).' };
}

export function checkBasis(v: string | undefined): { ok: true; value: ConsolidationBasis } | { ok: false; field: string; message: string; messageEn: string } {
  if (v === undefined || v === '') return { ok: true, value: DEFAULT_BASIS };
  if ((CONSOLIDATION_BASES as readonly string[]).includes(v)) return { ok: true, value: v as ConsolidationBasis };
  return { ok: false, field: 'basis', message: 'basis harus "diterima" atau "terbaru".', messageEn: 'basis must be "diterima" or "terbaru".' };
}

/** Cursor: base64url of {f: fingerprint, s: first section index, p: page index}; opaque to clients. */
export interface Cursor {
  fingerprint: string;
  start: number;
  index: number;
}

export function encodeCursor(c: Cursor): string {
  const text = JSON.stringify({ f: c.fingerprint, s: c.start, p: c.index });
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(v: string | undefined): { ok: true; value: Cursor | null } | { ok: false; field: string; message: string; messageEn: string } {
  if (v === undefined || v === '') return { ok: true, value: null };
  const bad = { ok: false as const, field: 'cursor', message: 'cursor tidak valid.', messageEn: 'Invalid cursor.' };
  if (v.length > 200 || !/^[A-Za-z0-9_-]+$/.test(v)) return bad;
  try {
    const o = JSON.parse(atob(v.replace(/-/g, '+').replace(/_/g, '/'))) as { f?: unknown; s?: unknown; p?: unknown };
    const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 && n <= 100_000;
    if (typeof o.f !== 'string' || !/^[0-9a-f]{1,64}$/.test(o.f) || !whole(o.s) || !whole(o.p)) return bad;
    return { ok: true, value: { fingerprint: o.f, start: o.s, index: o.p } };
  } catch {
    return bad;
  }
}

export function parseDecisionBody(v: unknown): Parsed<DecisionBody> {
  const problems: WireProblem[] = [];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { ok: false, problems: [{ path: '', message: 'Badan permintaan harus berupa objek JSON.', messageEn: 'The request body must be a JSON object.' }] };
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (k !== 'status' && k !== 'reason') problems.push({ path: k.slice(0, 40), message: `Kolom "${k.slice(0, 40)}" tidak dikenal.`, messageEn: `Unknown field "${k.slice(0, 40)}".` });
  }
  if (o.status !== 'disetujui' && o.status !== 'ditolak') {
    problems.push({ path: 'status', message: 'status harus "disetujui" atau "ditolak".', messageEn: 'status must be "disetujui" or "ditolak".' });
  }
  const reason = o.reason === undefined ? '' : o.reason;
  if (typeof reason !== 'string') {
    problems.push({ path: 'reason', message: 'reason harus berupa teks.', messageEn: 'reason must be a string.' });
  } else if (reason.length > LIMITS.maxNoteChars) {
    problems.push({ path: 'reason', message: `reason terlalu panjang (> ${LIMITS.maxNoteChars} karakter).`, messageEn: `reason is too long (> ${LIMITS.maxNoteChars} characters).` });
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  } else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(reason)) {
    problems.push({ path: 'reason', message: 'reason berisi karakter kontrol.', messageEn: 'reason contains control characters.' });
  } else if (o.status === 'ditolak' && reason.trim() === '') {
    problems.push({ path: 'reason', message: 'Alasan wajib diisi untuk menolak.', messageEn: 'A reason is required to reject.' });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { status: o.status as DecisionStatus, reason: (reason as string).trim() } };
}

/** `/v1/pemda/{pemda}/periode/{periode}/consolidated` */
export function consolidatedUrl(pemda: string, periode: string): string {
  return `/v1/pemda/${encodeURIComponent(pemda)}/periode/${encodeURIComponent(periode)}/consolidated`;
}
