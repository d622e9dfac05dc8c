/**
 * The CLI's push and pull of the per-year documents (SAKIP.md §12, §13; core/wire/docs.ts):
 *   pokin push FILE.xlsx --realisasi --tahun Y   the Rencana Aksi / Realisasi / Pembanding rows of Y
 *   pokin push FILE.xlsx --lke --tahun Y         the LKE answers (and `Kriteria LKE`)
 *   pokin pull --opd O … --realisasi|--lke --tahun Y --out FILE.xlsx
 * A push is judged first by the same core function the server runs (errors stop it); the base
 * version is Info `Versi Server Realisasi Y` / `Versi Server LKE Y` (written by pull), else 0.
 */
import { writeFile } from 'node:fs/promises';
import { dokumenOf, type PemeriksaanDokumen } from '../core/dokumen/index.js';
import type { Issue } from '../core/issues.js';
import { canonicalTables, headerKey, INFO_VERSI_SERVER } from '../core/layout/tables.js';
import { kriteriaLkeTableSpec, lkeTables } from '../core/layout/lke.js';
import { bacaJawabanLke, bacaKriteria, lembarLke } from '../core/lke/index.js';
import { findTable, readWorkbook } from '../core/read/index.js';
import { parseNumberText } from '../core/read/normalise.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { docInfoKey, type DocAnswer, type DocKind, type PushAnswer } from '../core/wire/index.js';
import { crosscuttingMasukSheet, withLinkStatuses } from '../core/derive/consolidate/pull.js';
import { addKriteriaLkeSheet, addLkeSheet } from '../xlsx/lke.js';
import { readXlsx } from '../xlsx/read.js';
import { renderSheet } from '../xlsx/render.js';
import { buildCanonicalWorkbook } from '../xlsx/write.js';
import { ApiFailure, apiOf, newSubmissionId, tokenClaims, type ApiOptions, type TreeRef } from './api.js';
import { withInfoValue } from './info.js';
import { treeRefOf, type PullOptions } from './workbook.js';

export interface DocPushOptions extends ApiOptions {
  /** Default: Info `Versi Server Realisasi Y` / `Versi Server LKE Y`, else 0 (a first push). */
  baseVersion?: number;
  submissionId?: string;
}

export type DocPushOutcome =
  | { kind: 'invalid'; check: PemeriksaanDokumen }
  | { kind: 'pushed'; ref: TreeRef; created: boolean; answer: PushAnswer; check: PemeriksaanDokumen };

/** A whole-number Info value, or null (the documents' `Versi Server …` keys are not tree settings). */
export function infoNumber(snapshot: WorkbookSnapshot, key: string): number | null {
  const spec = canonicalTables([]).find((s) => s.key === 'info');
  const info = spec ? findTable(snapshot, spec) : undefined;
  if (!info) return null;
  const k = info.header.findIndex((h) => headerKey(h) === 'kunci');
  const v = info.header.findIndex((h) => headerKey(h) === 'nilai');
  const row = k < 0 || v < 0 ? undefined : info.rows.find((r) => headerKey(r[k]) === headerKey(key));
  const raw = row?.[v];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberText(raw.trim()) : null;
  return n !== null && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export async function pushDocSnapshot(kind: DocKind, snapshot: WorkbookSnapshot, tahun: number, o: DocPushOptions): Promise<DocPushOutcome> {
  const { doc, check } = dokumenOf(kind, snapshot, tahun);
  if (check.counts.errors > 0) return { kind: 'invalid', check };
  const target = treeRefOf(snapshot);
  if (!('ref' in target)) throw new ApiFailure(400, { error: { code: 'INFO_MISMATCH', message: target.message, messageEn: target.messageEn } });
  const baseVersion = o.baseVersion ?? infoNumber(snapshot, docInfoKey(kind, tahun)) ?? 0;
  const r = await apiOf(o).pushDoc(kind, target.ref, tahun, { baseVersion, submissionId: o.submissionId ?? newSubmissionId(), doc }, 3);
  return { kind: 'pushed', ref: target.ref, created: r.created, answer: r.answer, check };
}

/** `pokin push FILE.xlsx --realisasi|--lke --tahun Y` */
export async function pushDocWorkbook(kind: DocKind, file: string, tahun: number, o: DocPushOptions): Promise<DocPushOutcome> {
  const { snapshot } = await readXlsx(file, kind === 'lke' ? lkeTables() : []);
  return pushDocSnapshot(kind, snapshot, tahun, o);
}

/** The issues of a 422 INVALID_DOC answer (rule, sheet, cell), [] for any other failure. */
export function refusedIssues(e: unknown): Issue[] {
  if (!(e instanceof ApiFailure) || e.code !== 'INVALID_DOC') return [];
  const d = e.body?.error.details as { issues?: Issue[] } | undefined;
  return Array.isArray(d?.issues) ? d.issues : [];
}

export interface DocPullOptions extends PullOptions {
  kind: DocKind;
  tahun: number;
}

/**
 * `pokin pull --opd O … --realisasi|--lke --tahun Y`: the HEAD tree (as `pokin pull` writes it)
 * with the document of the year (`version` = the document's version), and both server versions
 * in Info, so the file can be edited and pushed again. The LKE comes with its `Catatan Evaluator`.
 */
export async function pullDocWorkbook(o: DocPullOptions): Promise<{ version: number; headVersion: number; treeVersion: number; out: string }> {
  const pemda = o.pemda ?? String(tokenClaims(o.token ?? '')['custom:pemda'] ?? '');
  const ref = { pemda, periode: o.periode, opd: o.opd };
  const api = apiOf(o);
  const answer: DocAnswer = await api.pullDoc(o.kind, ref, o.tahun, o.version);
  const tree = await api.pull(ref);
  let links = null;
  try {
    links = await api.crosscutting(ref);
  } catch (e) {
    if (!(e instanceof ApiFailure && e.code === 'ROUTE_NOT_FOUND')) throw e;
  }
  let snapshot = withInfoValue(tree.tree, INFO_VERSI_SERVER, tree.meta.version);
  snapshot = withInfoValue(snapshot, docInfoKey(o.kind, o.tahun), answer.meta.version);
  if (links) snapshot = withLinkStatuses(snapshot, o.opd, links.outgoing);
  const config = readWorkbook(snapshot).tree.config;
  const withDoc = o.kind === 'realisasi' ? { tables: [...snapshot.tables, ...answer.doc.tables] } : snapshot;
  const wb = buildCanonicalWorkbook(withDoc, config);
  if (o.kind === 'lke') {
    const issues: Issue[] = [];
    const kriteria = bacaKriteria(answer.doc, issues);
    const variant = findTable(answer.doc, kriteriaLkeTableSpec());
    if (variant) addKriteriaLkeSheet(wb, variant);
    addLkeSheet(wb, lembarLke(kriteria, bacaJawabanLke(answer.doc, kriteria, issues), new Map()));
  }
  if (links && links.incoming.length > 0) renderSheet(wb, crosscuttingMasukSheet(links.incoming));
  await writeFile(o.out, Buffer.from(await wb.xlsx.writeBuffer()));
  return { version: answer.meta.version, headVersion: answer.headVersion, treeVersion: tree.meta.version, out: o.out };
}
