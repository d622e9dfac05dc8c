/**
 * GET /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/lke/{tahun}[?version=N]
 * Who: as for reading the tree. 200 {meta, headVersion, doc}: the OPD's answers with the
 * evaluator's `Catatan Evaluator` as of that version · 404 when there is none.
 */
import { lambda } from './deps.js';
import { getDoc } from './docs.js';
import { httpHandler } from './route.js';

export const handle = httpHandler(getDoc('lke'));
export const handler = lambda(handle);
