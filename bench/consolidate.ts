/**
 * Consolidation benchmark (`npx tsx bench/consolidate.ts`): 60 generated OPDs × 400 boxes
 * (3 indicators each) and a pemda tree, pushed through the local stack (node:http adapter +
 * dynalite), each OPD with two crosscutting requests. Prints the GET …/consolidated handler
 * time (goal ≤ 2 s), its parts (store load, merge + rules, JSON + gzip), the compressed answer
 * and its ratio to Lambda's 6 MB response limit (the base64 of the gzip is what counts), the
 * number of pages, and the end-to-end time over HTTP. `terbaru+tahun` is the same with
 * `?tahun=Y`: every OPD also has a realisasi (four quarters of every PK indicator) and an LKE
 * of that year, computed into capaian and LKE scores (ratio to `terbaru` in the same run).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { consolidate } from '../core/derive/consolidate/model.js';
import { pageAnswer } from '../core/derive/consolidate/pages.js';
import { LIMITS } from '../core/wire/index.js';
import { apiOf, pushBody } from '../client/api.js';
import { loadConsolidation } from '../functions/http/consolidation-load.js';
import { handle, pageBudget } from '../functions/http/get-consolidated.js';
import type { ApiEvent } from '../functions/http/request.js';
import { startApiServer } from '../functions/local/server.js';
import { KODE_PEMDA, kodeOpd, opdSnapshot, PERIODE, pemdaSnapshot, YEARS } from '../test/helpers/opds.js';
import { lkeDoc, realisasiDoc } from '../test/functions/doc-fixtures.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const OPDS = Number(process.env.OPDS ?? 60);
const BOXES = Number(process.env.BOXES ?? 400);
const RUNS = 5;
const TAHUN = YEARS[0];
const f = (n: number, d = 0) => n.toFixed(d);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function event(basis: string, tahun?: number): ApiEvent {
  const now = new Date();
  return {
    version: '2.0', routeKey: 'GET /consolidated', rawPath: '/', rawQueryString: '', headers: { 'accept-encoding': 'gzip' },
    pathParameters: { pemda: KODE_PEMDA, periode: PERIODE }, queryStringParameters: { basis, ...(tahun ? { tahun: String(tahun) } : {}) }, isBase64Encoded: false,
    requestContext: {
      accountId: 'b', apiId: 'b', domainName: 'b', domainPrefix: 'b', requestId: randomUUID(), routeKey: 'GET /consolidated', stage: '$default',
      time: now.toISOString(), timeEpoch: now.getTime(), http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      authorizer: { jwt: { claims: { sub: 'bench', 'cognito:groups': '[organisasi]', 'custom:pemda': KODE_PEMDA }, scopes: null } },
    },
  } as ApiEvent;
}

const dir = await mkdtemp(join(tmpdir(), 'pokin-bench-konsolidasi-'));
const api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
try {
  const o = { api: api.url };
  const t0 = performance.now();
  const bappeda = await apiOf(o).devToken({ role: 'bappeda', pemda: KODE_PEMDA });
  const organisasi = await apiOf(o).devToken({ role: 'organisasi', pemda: KODE_PEMDA });
  await apiOf({ ...o, token: bappeda }).push({ pemda: KODE_PEMDA, periode: PERIODE, opd: 'PEMDA' }, pushBody(pemdaSnapshot(8), 0));
  let json = 0;
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < OPDS) {
      const i = next++;
      const opd = kodeOpd(i);
      const token = await apiOf(o).devToken({ role: 'perencana', pemda: KODE_PEMDA, opd });
      const tree = opdSnapshot(i, {
        boxes: BOXES, refPemda: `SP${1 + (i % 8)}`,
        crosscutting: [1, 2].map((d) => ({ nodeId: `S${d}`, opdTujuan: kodeOpd((i + d) % OPDS), nodeTujuan: `S${d + 2}`, kontribusi: `Kontribusi ${i}-${d}` })),
      });
      json += JSON.stringify(tree).length;
      await apiOf({ ...o, token }).push({ pemda: KODE_PEMDA, periode: PERIODE, opd }, pushBody(tree, 0));
      // The year's documents, straight into the store (the PUT routes have their own bench: push).
      const counts = { boxes: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 };
      for (const [kind, doc] of [['realisasi', realisasiDoc(tree, TAHUN)], ['lke', lkeDoc()]] as const) {
        await api.store.commit({ key: { pemda: KODE_PEMDA, periode: PERIODE, opd, doc: { kind, tahun: TAHUN } }, baseVersion: 0, submissionId: randomUUID(), author: 'bench', json: JSON.stringify(doc), counts });
      }
      // Half the OPDs accepted: basis diterima consolidates those.
      if (i % 2 === 0) await apiOf({ ...o, token: organisasi }).review({ pemda: KODE_PEMDA, periode: PERIODE, opd }, { version: 1, action: 'terima', note: '' });
    }
  }));
  console.log(`# Pokin consolidation benchmark: ${OPDS} OPDs × ${BOXES} boxes (3 indicators each) + pemda tree`);
  console.log(`seeded through the local stack in ${f((performance.now() - t0) / 1000, 1)} s; stored trees ${f(json / 1e6, 1)} MB of JSON\n`);

  const deps = { store: api.store, log: () => {} };
  console.log('basis         | handler p50 ms | min ms | goal ≤ 2000 | gzip KB | base64 KB | ÷ 6 MB limit | sections | pages');
  const p50: Record<string, number> = {};
  for (const variant of ['terbaru', 'diterima', 'terbaru+tahun']) {
    const [basis, withYear] = variant.split('+');
    const times: number[] = [];
    let body = '';
    let next: string | null = null;
    let sections = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      const a = await handle(event(basis, withYear ? TAHUN : undefined), deps);
      times.push(performance.now() - s);
      body = a.body ?? '';
      const parsed = JSON.parse(gunzipSync(Buffer.from(body, 'base64')).toString('utf8')) as { page: { next: string | null; sectionCount: number } };
      next = parsed.page.next;
      sections = parsed.page.sectionCount;
    }
    const gz = Buffer.from(body, 'base64').length;
    const pages = next === null ? 1 : (await apiOf({ ...o, token: organisasi }).consolidated(KODE_PEMDA, PERIODE, basis as 'terbaru')).page.index + 2;
    p50[variant] = median(times);
    console.log([
      variant.padEnd(13), f(median(times)).padStart(14), f(Math.min(...times)).padStart(6), (median(times) <= 2000 ? 'met' : 'MISSED').padStart(11),
      f(gz / 1024).padStart(7), f(body.length / 1024).padStart(9), f(body.length / LIMITS.maxResponseBytes, 2).padStart(12), String(sections).padStart(8), String(pages).padStart(5),
    ].join(' | '));
  }

  console.log(`terbaru+tahun ÷ terbaru (same run): ×${f(p50['terbaru+tahun'] / p50.terbaru, 2)}`);

  // Where the time goes (terbaru, then with the year).
  let c = null as ReturnType<typeof consolidate> | null;
  let text = '';
  for (const tahun of [null, TAHUN]) {
    const s1 = performance.now();
    const loaded = await loadConsolidation(api.store, KODE_PEMDA, PERIODE, 'terbaru', tahun);
    const s2 = performance.now();
    const ci = consolidate({ pemda: KODE_PEMDA, periode: PERIODE, years: YEARS, basis: 'terbaru', generatedAt: new Date().toISOString(), opds: loaded.opds, decisions: loaded.decisions, tahun });
    const s3 = performance.now();
    const t = JSON.stringify(pageAnswer(ci, 0, ci.sections.length, 0));
    gzipSync(t);
    const s4 = performance.now();
    console.log(`${tahun ? '\nparts (terbaru+tahun)' : '\nparts (terbaru)'}: store load ${f(s2 - s1)} ms · read + merge + rules${tahun ? ' + capaian + LKE' : ''} ${f(s3 - s2)} ms · JSON + gzip ${f(s4 - s3)} ms`);
    if (!tahun) { c = ci; text = t; }
  }
  if (!c) throw new Error('no consolidation');
  const gz = gzipSync(text);
  console.log(`answer: ${f(text.length / 1e6, 1)} MB JSON → ${f(gz.length / 1024)} KB gzip (×${f(text.length / gz.length, 1)}); page budget ${f(pageBudget(true) / 1024)} KB of gzip; issues ${c.issues.length}`);
  console.log(`real text compresses worse than generated text: at ×5 the same JSON would be ${f(text.length / 5 / 1024)} KB of gzip → ${text.length / 5 > pageBudget(true) ? 'paged by OPD' : 'one page'}`);

  const e0 = performance.now();
  const whole = await apiOf({ ...o, token: organisasi }).consolidated(KODE_PEMDA, PERIODE, 'terbaru');
  console.log(`end to end over HTTP (client pullConsolidated, gunzip + parse): ${f(performance.now() - e0)} ms, ${whole.sections.length} sections`);
} finally {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
}
