/**
 * What the routes of the per-year documents share (SAKIP.md §12, §13; core/wire/docs.ts): the
 * `{tahun}` path, the store key, the PUT body, the 422 answer, and GET. Realisasi and LKE are
 * stored by the tree's own commit (functions/store/dynamo-commit.ts) under their own key.
 */
import type { Issue } from '../../core/issues.js';
import type { PemeriksaanDokumen } from '../../core/dokumen/index.js';
import {
  checkTahun, checkVersionParam, parseDocPushBody, type DocKind, type DocPushBody, type TreePath, type WireProblem,
} from '../../core/wire/index.js';
import type { TreeKey } from '../store/types.js';
import { ApiError } from './errors.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal, snapshotLimitIssues, treePath, type ApiEvent } from './request.js';
import type { RouteFn } from './route.js';

export interface DocPath extends TreePath {
  tahun: number;
}

export function docPath(event: ApiEvent): DocPath {
  const path = treePath(event);
  const t = checkTahun(event.pathParameters?.tahun, path.tahunAwal, path.tahunAkhir);
  if (!t.ok) throw new ApiError('INVALID_PATH', t.message, t.messageEn, { field: t.field });
  return { ...path, tahun: t.value };
}

export const docKey = (p: DocPath, kind: DocKind): TreeKey => ({ pemda: p.pemda, periode: p.periode, opd: p.opd, doc: { kind, tahun: p.tahun } });
export const treeKeyOf = (p: TreePath): TreeKey => ({ pemda: p.pemda, periode: p.periode, opd: p.opd });

const NAMES: Record<DocKind, { id: string; en: string }> = { realisasi: { id: 'realisasi', en: 'realisasi' }, lke: { id: 'LKE', en: 'LKE' } };

/** The PUT body; `foreign` names the tables this kind of document may not carry (400). */
export function docBody(event: ApiEvent, kind: DocKind, foreign: (b: DocPushBody) => string[]): DocPushBody {
  const raw = jsonBody(event);
  const parsed = parseDocPushBody(raw);
  if (!parsed.ok) throw invalidBody(parsed.problems, snapshotLimitIssues((raw as { doc?: unknown } | null)?.doc));
  const extra = foreign(parsed.value);
  if (extra.length > 0) {
    const problems: WireProblem[] = extra.slice(0, 20).map((t) => ({
      path: 'doc.tables', message: `Tabel "${t}" bukan bagian dokumen ${NAMES[kind].id}.`, messageEn: `Table "${t}" is not part of the ${NAMES[kind].en} document.`,
    }));
    throw invalidBody(problems);
  }
  return parsed.value;
}

/** 422 INVALID_DOC with the errors (as INVALID_TREE answers a tree with errors). */
export function invalidDoc(kind: DocKind, check: PemeriksaanDokumen | { issues: Issue[] }): ApiError {
  const errors = check.issues.filter((i) => i.severity === 'E');
  return new ApiError('INVALID_DOC', `Dokumen ${NAMES[kind].id} memuat ${errors.length} Error; perbaiki sebelum mengirim.`,
    `The ${NAMES[kind].en} document has ${errors.length} errors; fix them before pushing.`, { issues: errors });
}

/**
 * GET …/{kind}/{tahun}[?version=N] → `{ meta, headVersion, doc }` (core/wire DocAnswer). The
 * stored JSON text goes out as it is, as the tree's does.
 */
export function getDoc(kind: DocKind): RouteFn {
  return async (event, deps) => {
    const principal = requirePrincipal(event);
    const path = docPath(event);
    requireAccess(principal, 'read', path.pemda, path.opd);
    const v = checkVersionParam(event.queryStringParameters?.version);
    if (!v.ok) throw new ApiError('INVALID_PATH', v.message, v.messageEn, { field: v.field });
    const stored = await deps.store.get(docKey(path, kind), v.value);
    if (!stored) {
      throw new ApiError('NOT_FOUND',
        v.value === null ? `Belum ada dokumen ${NAMES[kind].id} ${path.tahun} untuk OPD ini.` : `Versi ${v.value} tidak ditemukan.`,
        v.value === null ? `No ${NAMES[kind].en} document ${path.tahun} has been pushed for this OPD yet.` : `Version ${v.value} was not found.`);
    }
    const head = JSON.stringify({ meta: stored.meta, headVersion: stored.headVersion });
    return { status: 200, json: `${head.slice(0, -1)},"doc":${stored.json}}` };
  };
}

/** Every handler of a document route starts the same way: who, where, allowed. */
export function pushTarget(event: ApiEvent): { sub: string; path: DocPath } {
  const principal = requirePrincipal(event);
  const path = docPath(event);
  requireAccess(principal, 'push', path.pemda, path.opd);
  return { sub: principal.sub, path };
}
