/**
 * PUT /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/lke/{tahun}  body {baseVersion, submissionId, doc}
 * Who: as for the tree (the perencana of that OPD; Bappeda for PEMDA).
 * 201 {version, hash, issues} · 200 repeated submissionId · 409 stale base · 422 INVALID_DOC
 * (a criteria list that cannot score: V01/V02/F01/F03; an answer off its scale: F01) · 400/413.
 *
 * The evaluator's notes and the OPD's answers never lose each other (SAKIP.md §13):
 * - `Catatan Evaluator` is the server's column: the version stored keeps the notes of the version
 *   it replaces, whatever the OPD's copy says (V04 names each cell it said something else in);
 * - a note (POST …/catatan) is a version of its own, marked `origin: 'catatan'`. A push whose base
 *   is older than HEAD only by such versions is committed on top of HEAD, carrying its notes:
 *   the note that landed first is kept and the OPD's push still succeeds. A push over another
 *   push is a conflict as for the tree (409 STALE_BASE with who and when).
 * Both writes go through the one conditional update of HEAD, so whichever lands second is
 * rebuilt from the first and retried (a few times), never written over it.
 */
import { createHash } from 'node:crypto';
import { catatanOf, denganCatatan, periksaLke, tabelAsingLke } from '../../core/dokumen/index.js';
import { sortIssues } from '../../core/issues.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { DocPushBody, PushAnswer } from '../../core/wire/index.js';
import { StaleBaseError, SubmissionReusedError, type TreeKey, type TreeStore } from '../store/types.js';
import { lambda } from './deps.js';
import { docBody, docKey, invalidDoc, pushTarget } from './docs.js';
import { httpHandler, type RouteFn } from './route.js';

/** Attempts when a note lands between reading HEAD and moving it (each one re-reads HEAD). */
export const LKE_ATTEMPTS = 6;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The notes of a version (none before the first). */
async function notesAt(store: TreeStore, key: TreeKey, version: number): Promise<Map<string, string>> {
  if (version === 0) return new Map();
  const v = await store.get(key, version);
  return v ? catatanOf(JSON.parse(v.json) as WorkbookSnapshot) : new Map();
}

/**
 * The base to commit on: the pushed base, or HEAD when every version after the pushed base was
 * a note. `repeat` when this submission already committed (a retry after later notes).
 */
async function baseFor(store: TreeStore, key: TreeKey, body: DocPushBody, head: number): Promise<{ base: number; rebased: boolean; repeat?: { version: number; hash: string } }> {
  if (body.baseVersion >= head) return { base: body.baseVersion, rebased: false };
  const later = (await store.versions(key)).filter((v) => v.version > body.baseVersion);
  const mine = later.find((v) => v.submissionId === body.submissionId);
  if (mine) return { base: mine.baseVersion, rebased: false, repeat: { version: mine.version, hash: mine.hash } };
  if (later.length > 0 && later.every((v) => v.origin === 'catatan')) return { base: head, rebased: true };
  return { base: body.baseVersion, rebased: false };
}

export const putLke: RouteFn = async (event, deps) => {
  const { sub, path } = pushTarget(event);
  const body = docBody(event, 'lke', (b) => tabelAsingLke(b.doc));
  const check = periksaLke(body.doc);
  if (check.counts.errors > 0) throw invalidDoc('lke', check);
  const key = docKey(path, 'lke');
  for (let attempt = 1; ; attempt++) {
    const head = (await deps.store.versions(key))[0]?.version ?? 0;
    const { base, rebased, repeat } = await baseFor(deps.store, key, body, head);
    const carried = denganCatatan(body.doc, await notesAt(deps.store, key, Math.min(base, head)));
    const json = JSON.stringify(carried.doc);
    const issues = sortIssues([...check.issues, ...carried.issues]);
    if (repeat) {
      // The same submission committed earlier on `base`: the same document, or a reused ID.
      if (sha256(json) !== repeat.hash) throw new SubmissionReusedError(`submissionId ${body.submissionId} was used for another LKE`);
      const answer: PushAnswer = { version: repeat.version, hash: repeat.hash, issues };
      return { status: 200, body: answer };
    }
    try {
      const commit = await deps.store.commit({
        key, baseVersion: base, submissionId: body.submissionId, author: sub, json, counts: check.counts,
      });
      const answer: PushAnswer = { version: commit.version, hash: commit.hash, issues };
      return { status: commit.created ? 201 : 200, body: answer };
    } catch (e) {
      // HEAD moved between reading it and the commit: a note (try again on top of it) or a push
      // (the next round finds it and answers 409 as for the tree).
      if (!(e instanceof StaleBaseError) || attempt >= LKE_ATTEMPTS || !(rebased || base === head)) throw e;
    }
  }
};

export const handle = httpHandler(putLke);
export const handler = lambda(handle);
