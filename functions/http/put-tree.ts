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
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { TreeStore } from '../store/types.js';
import { readWorkbook } from '../../core/read/index.js';
import { referenceFor } from '../../core/reference.js';
import { ikuChanges } from '../../core/rules/k15.js';
import { validateTree } from '../../core/validate.js';
import { parsePushBody, type PushAnswer, type TreePath } from '../../core/wire/index.js';
import { ApiError } from './errors.js';
import { lambda } from './deps.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

/**
 * X05 (E, Server): a link its target OPD approved cannot be deleted by the source (SAKIP.md §9.3).
 * One Query of the link items before the commit; nothing is written when it fails.
 */
async function removedApprovedLinks(store: TreeStore, path: TreePath, tree: PohonKinerja): Promise<Issue[]> {
  const kept = new Set(treeLinks(path.opd, tree).map((l) => l.linkId));
  const approved = (await store.links(path.pemda, path.periode))
    .filter((l) => l.sourceOpd === path.opd && l.active && l.decision?.status === 'disetujui' && !kept.has(l.linkId));
  const sheet = tree.tables.crosscutting?.sheet ?? 'Crosscutting';
  return approved.map((l) => issue('X05', 'E', { sheet, cell: 'A1', id: l.nodeId }, {
    id: `Crosscutting ${l.nodeId} → ${l.targetOpd} (${l.nodeTujuan}) sudah disetujui OPD tujuan dan tidak boleh dihapus.`,
    en: `Crosscutting ${l.nodeId} → ${l.targetOpd} (${l.nodeTujuan}) was approved by the target OPD and cannot be deleted.`,
  }));
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
  const parsed = parsePushBody(jsonBody(event));
  if (!parsed.ok) throw invalidBody(parsed.problems);
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
  const removed = await removedApprovedLinks(deps.store, path, read.tree);
  if (removed.length > 0) {
    throw new ApiError('INVALID_TREE', `Pohon menghapus ${removed.length} crosscutting yang sudah disetujui.`,
      `The tree deletes ${removed.length} approved crosscutting links.`,
      { issues: removed, summary: { ...result.summary, errors: removed.length } });
  }
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
    ...(read.tree.config.namaOpd.trim() ? { namaOpd: read.tree.config.namaOpd.trim() } : {}),
  });
  if (commit.created) {
    // The requests of this version (SAKIP.md §9.1: recorded as Menunggu on push). Best effort
    // after the commit: the push stands; a lost write is redone by the source's next push, and
    // consolidation reads statuses from the trees and decisions, not from these records.
    const links = treeLinks(path.opd, read.tree).map((l) => ({
      linkId: l.linkId, nodeId: l.nodeId, targetOpd: l.targetOpd, nodeTujuan: l.nodeTujuan,
      kontribusi: l.row.kontribusi, keterangan: l.row.keterangan, contentHash: l.contentHash,
    }));
    try {
      await deps.store.recordLinks({ pemda: path.pemda, periode: path.periode, sourceOpd: path.opd, version: commit.version, links });
    } catch (e) {
      (deps.log ?? (() => {}))(`crosscutting links of ${path.opd} v${commit.version} not recorded`, e);
    }
  }
  const answer: PushAnswer = { version: commit.version, hash: commit.hash, issues };
  return { status: commit.created ? 201 : 200, body: answer };
};

export const handle = httpHandler(putTree);
export const handler = lambda(handle);
