/**
 * PUT /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/tree  body {baseVersion, submissionId, tree}
 * Who: the perencana of that OPD; Bappeda for the pemda tree (opd = PEMDA).
 * 201 {version, hash, issues} · 200 the same for a repeated submissionId · 409 stale base ·
 * 422 {issues} when error rules fail · 400 bad body or Info ≠ path · 413 too large.
 */
import { isPemdaTree, type PokinConfig } from '../../core/config.js';
import { readWorkbook } from '../../core/read/index.js';
import { validateTree } from '../../core/validate.js';
import { parsePushBody, type PushAnswer, type TreePath } from '../../core/wire/index.js';
import { ApiError } from './errors.js';
import { lambda } from './deps.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal, treePath } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

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

  // The same core/ as in Excel: a tree clean in the pane is clean here. Reference checks
  // (N03/N04/K14, T06 existence) stay with the client, which holds the reference lists.
  const read = readWorkbook(body.tree);
  checkInfo(read.tree.config, path);
  const result = validateTree(read.tree, read.issues);
  if (result.summary.errors > 0) {
    throw new ApiError('INVALID_TREE', `Pohon memuat ${result.summary.errors} galat; perbaiki sebelum mengirim.`,
      `The tree has ${result.summary.errors} errors; fix them before pushing.`,
      { issues: result.issues.filter((i) => i.severity === 'E'), summary: result.summary });
  }
  const { errors, warnings, infos, boxes, indicators } = result.summary;
  const commit = await deps.store.commit({
    key: { pemda: path.pemda, periode: path.periode, opd: path.opd },
    baseVersion: body.baseVersion,
    submissionId: body.submissionId,
    author: principal.sub,
    json: JSON.stringify(body.tree),
    counts: { boxes, indicators, errors, warnings, infos },
  });
  const answer: PushAnswer = { version: commit.version, hash: commit.hash, issues: result.issues };
  return { status: commit.created ? 201 : 200, body: answer };
};

export const handle = httpHandler(putTree);
export const handler = lambda(handle);
