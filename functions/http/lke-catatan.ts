/**
 * POST /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/lke/{tahun}/catatan
 * body {"catatan":[{"kode":"1.a.1","catatan":"…"}]}   (an empty text removes the note)
 * Who: organisasi, admin of the pemda (SAKIP.md §13: the evaluator's `Catatan Evaluator`).
 * 200 {version}: the LKE version that carries the notes, visible to the OPD on its next pull ·
 * 404 no LKE of that year yet · 400 a kode the OPD's LKE does not hold.
 *
 * A note is a new version made from HEAD (`origin: 'catatan'`, the OPD's answers untouched),
 * committed by the one conditional update of HEAD. When an OPD push lands first, the note is
 * applied again on top of it; when the note lands first, the push is committed on top of the
 * note (put-lke.ts). Neither overwrites the other. The same notes sent twice answer the version
 * that already holds them, without a new one.
 */
import { createHash } from 'node:crypto';
import { catatanOf, denganCatatan, kodeLke } from '../../core/dokumen/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { parseCatatanBody, type CatatanAnswer, type WireProblem } from '../../core/wire/index.js';
import { StaleBaseError } from '../store/types.js';
import { lambda } from './deps.js';
import { docKey, docPath } from './docs.js';
import { ApiError } from './errors.js';
import { LKE_ATTEMPTS } from './put-lke.js';
import { invalidBody, jsonBody, requireAccess, requirePrincipal } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

const sameNotes = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export const lkeCatatan: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = docPath(event);
  requireAccess(principal, 'catatan', path.pemda, path.opd);
  const parsed = parseCatatanBody(jsonBody(event));
  if (!parsed.ok) throw invalidBody(parsed.problems);
  const key = docKey(path, 'lke');
  for (let attempt = 1; ; attempt++) {
    const head = await deps.store.get(key);
    if (!head) {
      throw new ApiError('NOT_FOUND', `OPD ini belum mengirim LKE ${path.tahun}.`, `This OPD has not pushed its LKE ${path.tahun} yet.`);
    }
    const doc = JSON.parse(head.json) as WorkbookSnapshot;
    const known = kodeLke(doc);
    const unknown: WireProblem[] = parsed.value.catatan.flatMap((c, i) => (known.has(c.kode) ? [] : [{
      path: `catatan[${i}].kode`, message: `Kode "${c.kode}" tidak ada di LKE OPD ini.`, messageEn: `Kode "${c.kode}" is not in this OPD's LKE.`,
    }]));
    if (unknown.length > 0) throw invalidBody(unknown.slice(0, 20));
    const before = catatanOf(doc);
    const notes = new Map(before);
    for (const c of parsed.value.catatan) {
      if (c.catatan === '') notes.delete(c.kode);
      else notes.set(c.kode, c.catatan);
    }
    if (sameNotes(before, notes)) {
      const answer: CatatanAnswer = { version: head.meta.version };
      return { status: 200, body: answer };
    }
    const json = JSON.stringify(denganCatatan(doc, notes).doc);
    // Deterministic: the same notes on the same version are one submission (concurrent retries agree).
    const submissionId = `catatan-${createHash('sha256').update(`${head.meta.version}\n${json}`).digest('hex').slice(0, 40)}`;
    try {
      const commit = await deps.store.commit({
        key, baseVersion: head.meta.version, submissionId, author: principal.sub, json, counts: head.meta.counts, origin: 'catatan',
      });
      const answer: CatatanAnswer = { version: commit.version };
      return { status: 200, body: answer };
    } catch (e) {
      // An OPD push (or another note) moved HEAD first: apply the notes again on top of it.
      if (!(e instanceof StaleBaseError) || attempt >= LKE_ATTEMPTS) throw e;
    }
  }
};

export const handle = httpHandler(lkeCatatan);
export const handler = lambda(handle);
