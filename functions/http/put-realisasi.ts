/**
 * PUT /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/realisasi/{tahun}  body {baseVersion, submissionId, doc}
 * Who: as for the tree (the perencana of that OPD; Bappeda for PEMDA).
 * The document (`RencanaAksi`, `Realisasi`, `Pembanding` rows of the year) is judged against the
 * OPD's current tree (HEAD) with the R and U rules (core/dokumen/realisasi.ts), then committed as
 * a version of its own by the tree's commit (ARCHITECTURE §3).
 * 201 {version, hash, issues} · 200 the same for a repeated submissionId · 409 stale base ·
 * 422 INVALID_DOC {issues} (errors, or no tree pushed yet) · 400 bad body · 413 too large.
 */
import { periksaRealisasi, tabelAsingRealisasi } from '../../core/dokumen/index.js';
import { issue } from '../../core/issues.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { PushAnswer } from '../../core/wire/index.js';
import { lambda } from './deps.js';
import { docBody, docKey, invalidDoc, pushTarget, treeKeyOf } from './docs.js';
import { httpHandler, type RouteFn } from './route.js';

export const putRealisasi: RouteFn = async (event, deps) => {
  const { sub, path } = pushTarget(event);
  const body = docBody(event, 'realisasi', (b) => tabelAsingRealisasi(b.doc));
  const tree = await deps.store.get(treeKeyOf(path));
  if (!tree) {
    throw invalidDoc('realisasi', { issues: [issue('F03', 'E', { sheet: 'Pohon Kinerja', cell: 'A1' }, {
      id: 'Belum ada pohon kinerja OPD ini di server: realisasi dinilai terhadap pohonnya. Kirim pohonnya dulu (pokin push).',
      en: "This OPD has no tree on the server yet: realisasi is judged against its tree. Push the tree first (pokin push).",
    })] });
  }
  const check = periksaRealisasi(JSON.parse(tree.json) as WorkbookSnapshot, body.doc, path.tahun);
  if (check.counts.errors > 0) throw invalidDoc('realisasi', check);
  const commit = await deps.store.commit({
    key: docKey(path, 'realisasi'), baseVersion: body.baseVersion, submissionId: body.submissionId, author: sub,
    json: JSON.stringify(body.doc), counts: check.counts,
  });
  const answer: PushAnswer = { version: commit.version, hash: commit.hash, issues: check.issues };
  return { status: commit.created ? 201 : 200, body: answer };
};

export const handle = httpHandler(putRealisasi);
export const handler = lambda(handle);
