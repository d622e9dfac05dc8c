/**
 * GET /v1/pemda/{pemda}/periode/{periode}/opd/{opd}/realisasi/{tahun}[?version=N]
 * Who: as for reading the tree. 200 {meta, headVersion, doc} · 404 when there is none.
 */
import { lambda } from './deps.js';
import { getDoc } from './docs.js';
import { httpHandler } from './route.js';

export const handle = httpHandler(getDoc('realisasi'));
export const handler = lambda(handle);
