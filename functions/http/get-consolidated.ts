/**
 * GET /v1/pemda/{pemda}/periode/{periode}/consolidated[?basis=diterima|terbaru][&tahun=Y][&cursor=C]
 * Who: organisasi, bappeda, admin of the pemda.
 * 200 ConsolidatedAnswer (core/wire/consolidated.ts), gzip when accepted. When the whole
 * consolidation would pass Lambda's 6 MB response limit it is cut between OPD sections:
 * `page.next` is the cursor of the next page (null on the last). Every request recomputes the
 * consolidation; a cursor whose data changed meanwhile answers 409 CONSOLIDATION_CHANGED
 * (start again without a cursor), so the pages of one pull always belong together.
 * `tahun` (a year of the period): each OPD's realisasi and LKE of that year (their HEAD) come
 * computed as `capaian`, `lke` and the rekap rows' `capaian` (core/derive/consolidate/dokumen.ts).
 */
import { gzipSync } from 'node:zlib';
import { consolidate } from '../../core/derive/consolidate/model.js';
import { pageAnswer } from '../../core/derive/consolidate/pages.js';
import { checkBasis, checkTahun, decodeCursor, LIMITS } from '../../core/wire/index.js';
import { ApiError } from './errors.js';
import { loadConsolidation } from './consolidation-load.js';
import { lambda } from './deps.js';
import { acceptsGzip, pemdaPath, requireAccess, requirePrincipal } from './request.js';
import { httpHandler, type RouteFn } from './route.js';

/** Room for the status line, headers and the JSON envelope Lambda wraps a response in. */
const ENVELOPE_BYTES = 32 * 1024;

/** Largest body that still fits: base64 turns 3 bytes of gzip into 4. */
export function pageBudget(gzip: boolean): number {
  const room = LIMITS.maxResponseBytes - ENVELOPE_BYTES;
  return gzip ? Math.floor((room * 3) / 4) : room;
}

export const getConsolidated: RouteFn = async (event, deps) => {
  const principal = requirePrincipal(event);
  const path = pemdaPath(event);
  requireAccess(principal, 'consolidate', path.pemda);
  const q = event.queryStringParameters ?? {};
  const basis = checkBasis(q.basis);
  if (!basis.ok) throw new ApiError('INVALID_PATH', basis.message, basis.messageEn, { field: basis.field });
  const tahun = q.tahun === undefined ? null : checkTahun(q.tahun, path.tahunAwal, path.tahunAkhir);
  if (tahun && !tahun.ok) throw new ApiError('INVALID_PATH', tahun.message, tahun.messageEn, { field: tahun.field });
  const cursor = decodeCursor(q.cursor);
  if (!cursor.ok) throw new ApiError('INVALID_PATH', cursor.message, cursor.messageEn, { field: cursor.field });

  const year = tahun?.ok ? tahun.value : null;
  const loaded = await loadConsolidation(deps.store, path.pemda, path.periode, basis.value, year);
  const years: number[] = [];
  for (let y = path.tahunAwal; y <= path.tahunAkhir; y++) years.push(y);
  const c = consolidate({
    pemda: path.pemda, periode: path.periode, years, basis: basis.value, generatedAt: new Date().toISOString(),
    opds: loaded.opds, decisions: loaded.decisions, tahun: year,
  });
  const start = cursor.value?.start ?? 0;
  if (cursor.value && (cursor.value.fingerprint !== c.fingerprint || start > c.sections.length)) {
    throw new ApiError('CONSOLIDATION_CHANGED', 'Data berubah sejak halaman pertama; tarik ulang dari awal (tanpa cursor).',
      'The data changed since the first page; pull again from the start (without a cursor).', { fingerprint: c.fingerprint });
  }

  // Cut: all remaining sections if they fit, else shrink in proportion to the overshoot.
  const gzip = acceptsGzip(event);
  const budget = deps.consolidatedPageBytes ?? pageBudget(gzip);
  const index = cursor.value?.index ?? 0;
  let end = c.sections.length;
  for (;;) {
    const json = JSON.stringify(pageAnswer(c, start, end, index));
    const body = gzip ? gzipSync(json) : Buffer.from(json, 'utf8');
    if (body.length <= budget || end - start <= 1) {
      // One OPD larger than a page cannot be cut further: it goes alone (a 10,000-box tree is ~1.5 MB of gzip).
      return gzip ? { status: 200, json, gzip: body } : { status: 200, json };
    }
    end = start + Math.max(1, Math.min(end - start - 1, Math.floor(((end - start) * budget * 0.9) / body.length)));
  }
};

export const handle = httpHandler(getConsolidated);
export const handler = lambda(handle);
