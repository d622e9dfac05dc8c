/**
 * PUT /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/tree  body {baseVersion, submissionId, tree}
 * Who: the perencana of that OPD; Bappeda for the pemda tree (opd = PEMDA).
 * 201 {version, hash, issues} · 200 the same for a repeated submissionId · 409 stale base ·
 * 422 {issues} when error rules fail · 400 bad body or Info ≠ path · 413 too large.
 */
import { isPemdaTree, type PokinConfig } from '../../core/config.js';
import { treeLinks } from '../../core/derive/consolidate/links.js';
import { countIssues, issue, sortIssues, type Issue } from '../../core/issues.js';
import type { PohonKinerja } from '../../core/model.js';
import { ApprovedLinkRemovedError, type StoredLink, type TreeStore } from '../store/types.js';
import { readWorkbook } from '../../core/read/index.js';
import { referenceFor } from '../../core/reference.js';
import { ikuChanges } from '../../core/rules/k15.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { validateTree, type ValidationSummary } from '../../core/validate.js';
import { parsePushBody, type PushAnswer, type TreePath } from '../../core/wire/index.js';
import { ApiError } from './errors.js';
import { lambda } from './deps.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal, snapshotLimitIssues, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

const x05 = (sheet: string, l: { nodeId: string; targetOpd: string; nodeTujuan: string }): Issue => issue('X05', 'E', { sheet, cell: 'A1', id: l.nodeId }, {
  id: `Crosscutting ${l.nodeId} → ${l.targetOpd} (${l.nodeTujuan}) sudah disetujui OPD tujuan dan tidak boleh dihapus.`,
  en: `Crosscutting ${l.nodeId} → ${l.targetOpd} (${l.nodeTujuan}) was approved by the target OPD and cannot be deleted.`,
});

function refuseX05(issues: Issue[], summary: ValidationSummary): ApiError {
  return new ApiError('INVALID_TREE', `Pohon menghapus ${issues.length} crosscutting yang sudah disetujui.`,
    `The tree deletes ${issues.length} approved crosscutting links.`, { issues, summary: { ...summary, errors: issues.length } });
}

/**
 * X05 (E, Server): a link its target OPD approved cannot be deleted by the source (SAKIP.md §9.3).
 * One Query of the link items answers the common case before anything is written; the race
 * with a decision arriving meanwhile is settled by the store, which claims every dropped link
 * on its own item before HEAD moves (functions/store/dynamo-links.ts).
 */
async function droppedLinks(store: TreeStore, path: TreePath, kept: Set<string>): Promise<{ approved: StoredLink[]; dropped: StoredLink[] }> {
  const dropped = (await store.links(path.pemda, path.periode)).filter((l) => l.sourceOpd === path.opd && l.active && !kept.has(l.linkId));
  return { approved: dropped.filter((l) => l.decision?.status === 'disetujui'), dropped };
}

/**
 * K15 (I, Server): the IKU changes since the last accepted (`diterima`) version of this OPD
 * and period. Two reads (the version list, then that version); none when nothing was accepted.
 */
async function ikuSinceAccepted(store: TreeStore, path: TreePath, tree: PohonKinerja): Promise<Issue[]> {
  const key = { pemda: path.pemda, periode: path.periode, opd: path.opd };
  const accepted = (await store.versions(key)).find((v) => v.status === 'diterima');
  const stored = accepted ? await store.get(key, accepted.version) : null;
  if (!accepted || !stored) return [];
  return ikuChanges(tree, readWorkbook(JSON.parse(stored.json)).tree, accepted.version);
}

/** The tree's Info must name the pemda, period and OPD of the path it is pushed to. */
function checkInfo(config: PokinConfig, path: TreePath): void {
  const mismatches: { field: string; path: string; workbook: string }[] = [];
  const opd = isPemdaTree(config) ? 'PEMDA' : config.kodeOpd.trim();
  if (config.kodePemda.trim() !== '' && config.kodePemda.trim() !== path.pemda) {
    mismatches.push({ field: 'Kode Pemda', path: path.pemda, workbook: config.kodePemda.trim() });
  }
  if (opd !== '' && opd !== path.opd) mismatches.push({ field: 'Kode OPD', path: path.opd, workbook: opd });
  if (config.tahunAwal !== null && config.tahunAwal !== path.tahunAwal) {
    mismatches.push({ field: 'Tahun Awal', path: String(path.tahunAwal), workbook: String(config.tahunAwal) });
  }
  if (config.tahunAkhir !== null && config.tahunAkhir !== path.tahunAkhir) {
    mismatches.push({ field: 'Tahun Akhir', path: String(path.tahunAkhir), workbook: String(config.tahunAkhir) });
  }
  if (mismatches.length > 0) {
    const f = mismatches.map((m) => m.field).join(', ');
    throw new ApiError('INFO_MISMATCH', `Info buku kerja tidak sesuai alamat tujuan (${f}).`,
      `The workbook's Info does not match the target path (${f}).`, { mismatches });
  }
}

export const putTree: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = treePath(event);
  requireAccess(principal, 'push', path.pemda, path.opd);
  const raw = jsonBody(event);
  const parsed = parsePushBody(raw);
  if (!parsed.ok) throw invalidBody(parsed.problems, snapshotLimitIssues((raw as { tree?: unknown } | null)?.tree));
  const body = parsed.value;

  // The same core/ and the same reference data as the pane and the CLI (core/reference.ts):
  // a tree clean in the pane is clean here. The Kepmendagri list loads on the container's
  // first push and stays cached (bench/reference.ts: bundle size and first-push cost); the
  // pemda tree's Sasaran Pemda IDs come from its HEAD when Bappeda has pushed one.
  const read = readWorkbook(body.tree);
  checkInfo(read.tree.config, path);
  const pemdaTree = path.opd === 'PEMDA' ? null : await deps.store.get({ pemda: path.pemda, periode: path.periode, opd: 'PEMDA' });
  const ref = await referenceFor(read.tree.config.versiNomenklatur, {
    pemdaTree: pemdaTree ? (JSON.parse(pemdaTree.json) as WorkbookSnapshot) : null,
  });
  const result = validateTree(read.tree, read.issues, ref);
  if (result.summary.errors > 0) {
    throw new ApiError('INVALID_TREE', `Pohon memuat ${result.summary.errors} Error; perbaiki sebelum mengirim.`,
      `The tree has ${result.summary.errors} errors; fix them before pushing.`,
      { issues: result.issues.filter((i) => i.severity === 'E'), summary: result.summary });
  }
  const links = treeLinks(path.opd, read.tree);
  const kept = new Set(links.map((l) => l.linkId));
  const sheet = read.tree.tables.crosscutting?.sheet ?? 'Crosscutting';
  const { approved, dropped } = await droppedLinks(deps.store, path, kept);
  if (approved.length > 0) throw refuseX05(approved.map((l) => x05(sheet, l)), result.summary);
  const issues = sortIssues([...result.issues, ...(await ikuSinceAccepted(deps.store, path, read.tree))]);
  const { errors, warnings, infos } = countIssues(issues);
  const { boxes, indicators } = result.summary;
  const commit = await deps.store.commit({
    key: { pemda: path.pemda, periode: path.periode, opd: path.opd },
    baseVersion: body.baseVersion,
    submissionId: body.submissionId,
    author: principal.sub,
    json: JSON.stringify(body.tree),
    counts: { boxes, indicators, errors, warnings, infos },
    crosscutting: { pemda: path.pemda, periode: path.periode, linkIds: [...kept], removed: dropped.map((l) => l.linkId) },
    ...(read.tree.config.namaOpd.trim() ? { namaOpd: read.tree.config.namaOpd.trim() } : {}),
  }).catch(async (e: unknown) => {
    if (!(e instanceof ApprovedLinkRemovedError)) throw e;
    // A decision approved a dropped link while this push was on its way: it won the race.
    const now = await Promise.all(e.linkIds.map((id) => deps.store.link(path.pemda, path.periode, id)));
    throw refuseX05(now.map((l, i) => x05(sheet, l ?? { nodeId: e.linkIds[i], targetOpd: '?', nodeTujuan: '?' })), result.summary);
  });
  if (commit.isHead) {
    // The requests of this version (SAKIP.md §9.1: recorded as Menunggu on push). Best effort
    // after the commit: the push stands; a lost write is redone by a retry of this push or the
    // source's next push (never undone by a late older one: dynamo-links.ts), and consolidation
    // reads statuses from the trees and decisions, not from these records.
    const records = links.map((l) => ({
      linkId: l.linkId, nodeId: l.nodeId, targetOpd: l.targetOpd, nodeTujuan: l.nodeTujuan,
      kontribusi: l.row.kontribusi, keterangan: l.row.keterangan, contentHash: l.contentHash,
    }));
    try {
      await deps.store.recordLinks({ pemda: path.pemda, periode: path.periode, sourceOpd: path.opd, version: commit.version, links: records });
    } catch (e) {
      (deps.log ?? (() => {}))(`crosscutting links of ${path.opd} v${commit.version} not recorded`, e);
    }
  }
  const answer: PushAnswer = { version: commit.version, hash: commit.hash, issues };
  return { status: commit.created ? 201 : 200, body: answer };
};

export const handle = httpHandler(putTree);
export const handler = lambda(handle);
