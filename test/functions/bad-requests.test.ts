/**
 * A corpus of hostile and broken requests against the local server (the real HTTP adapter,
 * token check and handlers): each is answered 4xx with the error body, and the table is
 * byte-for-byte unchanged afterwards.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../core/wire/index.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { allItems, OPD, OTHER_OPD, OTHER_PEMDA, PEMDA, PERIODE, pushBody, opdTree, type TestStore } from './fixtures.js';
import { docBody, kodeKriteria, lkeDoc, realisasiDoc } from './doc-fixtures.js';

let api: ApiServer;
let dir: string;
let tokens: Record<string, string>;
const tree = `/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/${OPD}/tree`;
const realisasi = tree.replace(/tree$/, 'realisasi/2025');
const lke = tree.replace(/tree$/, 'lke/2025');
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-bad-'));
  api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
  const issue = (role: 'perencana' | 'organisasi', ttl?: number) => api.issuer.issue({ role, pemda: PEMDA, opd: role === 'perencana' ? OPD : undefined, sub: 'tester' }, ttl);
  const good = await issue('perencana');
  const [h, p] = good.split('.');
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  tokens = {
    perencana: good,
    organisasi: await issue('organisasi'),
    expired: await issue('perencana', -120),
    forged: await new SignJWT({ 'cognito:groups': ['perencana'], 'custom:pemda': PEMDA, 'custom:kode_opd': OPD })
      .setProtectedHeader({ alg: 'RS256', kid: api.issuer.jwks.keys[0].kid }).setSubject('x').setIssuer('pokin-local').setAudience('pokin')
      .setExpirationTime('1h').sign(foreign),
    none: `${b64url({ alg: 'none', typ: 'JWT' })}.${p}.`,
    hs256: await new SignJWT({ 'cognito:groups': ['perencana'], 'custom:pemda': PEMDA, 'custom:kode_opd': OPD })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('pokin-local').setAudience('pokin').setExpirationTime('1h').sign(randomBytes(32)),
    tampered: `${h}.${b64url({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), 'custom:pemda': OTHER_PEMDA })}.${good.split('.')[2]}`,
  };
  // Something to protect: one committed version, and a realisasi and an LKE of 2025.
  const r = await send('PUT', tree, JSON.stringify(pushBody()), { authorization: `Bearer ${good}` });
  expect(r.status).toBe(201);
  expect((await send('PUT', realisasi, JSON.stringify(docBody(realisasiDoc(opdTree(), 2025))), { authorization: `Bearer ${good}` })).status).toBe(201);
  expect((await send('PUT', lke, JSON.stringify(docBody(lkeDoc())), { authorization: `Bearer ${good}` })).status).toBe(201);
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

async function send(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}${path}`, { method, headers, body: body as BodyInit | undefined });
  return { status: res.status, text: await res.text() };
}

async function tableDigest(): Promise<string> {
  const t = { store: api.store, tableName: 'pokin' } as unknown as TestStore;
  const items = await allItems(t);
  const norm = items.map((i) => JSON.stringify(i, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))).sort();
  return createHash('sha256').update(norm.join('\n')).digest('hex');
}

type Case = { name: string; method?: string; path?: string; body?: string | Buffer | (() => string | Buffer); token?: string | null; headers?: Record<string, string>; status: number; code?: string };

const valid = () => pushBody(opdTree(), 1);
const consolidated = `/v1/pemda/${PEMDA}/periode/${PERIODE}/consolidated`;
const decisionPath = (id = 'a'.repeat(26), opd = OPD) => `/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/${opd}/crosscutting/${id}/decision`;
const staleCursor = encodeCursor({ fingerprint: '0'.repeat(26), start: 1, index: 1 });
const withBody = (mutate: (b: Record<string, unknown>) => void) => () => { const b = valid() as unknown as Record<string, unknown>; mutate(b); return JSON.stringify(b); };
const withTable = (mutate: (t: Record<string, unknown>) => void) => withBody((b) => mutate((b.tree as { tables: Record<string, unknown>[] }).tables[2]));
const pohonCell = (row: number, col: number, v: unknown) => withBody((b) => { ((b.tree as { tables: { sheet: string; rows: unknown[][] }[] }).tables.find((t) => t.sheet === 'Pohon Kinerja')!).rows[row][col] = v; });
const gz = (s: string | Buffer) => gzipSync(s);

const CASES: Case[] = [
  // Identity
  { name: 'no Authorization header', token: null, body: () => JSON.stringify(valid()), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'garbage bearer token', token: 'not-a-jwt', body: () => JSON.stringify(valid()), status: 401 },
  { name: 'Basic instead of Bearer', headers: { authorization: 'Basic dXNlcjpwYXNz' }, token: null, body: () => JSON.stringify(valid()), status: 401 },
  { name: 'token signed by another key', token: 'forged', body: () => JSON.stringify(valid()), status: 401 },
  { name: 'expired token', token: 'expired', body: () => JSON.stringify(valid()), status: 401 },
  { name: 'alg:none token', token: 'none', body: () => JSON.stringify(valid()), status: 401 },
  { name: 'HS256 token', token: 'hs256', body: () => JSON.stringify(valid()), status: 401 },
  { name: 'tampered payload (other pemda)', token: 'tampered', body: () => JSON.stringify(valid()), status: 401 },
  // Path
  { name: 'another pemda in the path', path: `/v1/pemda/${OTHER_PEMDA}/periode/${PERIODE}/opd/${OPD}/tree`, body: () => JSON.stringify(valid()), status: 403, code: 'FORBIDDEN' },
  { name: 'another OPD in the path', path: `/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/${OTHER_OPD}/tree`, body: () => JSON.stringify(valid()), status: 403 },
  { name: 'pemda code with #', path: `/v1/pemda/32.04%23X/periode/${PERIODE}/opd/${OPD}/tree`, body: () => JSON.stringify(valid()), status: 400, code: 'INVALID_PATH' },
  { name: 'periode of one year', path: `/v1/pemda/${PEMDA}/periode/2025/opd/${OPD}/tree`, body: () => JSON.stringify(valid()), status: 400 },
  { name: 'periode reversed', path: `/v1/pemda/${PEMDA}/periode/2027-2025/opd/${OPD}/tree`, body: () => JSON.stringify(valid()), status: 400 },
  { name: 'opd not a kode OPD', path: `/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/ABC/tree`, body: () => JSON.stringify(valid()), status: 400 },
  { name: 'opd with a NUL', path: `/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/1.02%00/tree`, body: () => JSON.stringify(valid()), status: 400 },
  { name: 'version query not a number', method: 'GET', path: `${tree}?version=abc`, status: 400 },
  { name: 'unknown route', method: 'DELETE', path: tree, status: 404, code: 'ROUTE_NOT_FOUND' },
  // JSON
  { name: 'empty body', body: '', status: 400, code: 'INVALID_JSON' },
  { name: 'malformed JSON', body: '{"baseVersion": 1,', status: 400, code: 'INVALID_JSON' },
  { name: 'truncated JSON', body: () => JSON.stringify(valid()).slice(0, 500), status: 400, code: 'INVALID_JSON' },
  { name: 'a JSON array', body: '[]', status: 400, code: 'INVALID_BODY' },
  { name: 'JSON null', body: 'null', status: 400, code: 'INVALID_BODY' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), status: 400 },
  { name: 'deeply nested arrays', body: '['.repeat(100_000) + ']'.repeat(100_000), status: 400, code: 'INVALID_JSON' },
  { name: 'deep nesting inside a cell', body: pohonCell(0, 0, [[[[['x']]]]]), status: 400 },
  // Schema
  { name: 'unknown top-level field', body: withBody((b) => { b.force = true; }), status: 400, code: 'INVALID_BODY' },
  { name: '__proto__ at top level', body: () => JSON.stringify(valid()).replace(/^\{/, '{"__proto__":{"admin":true},'), status: 400, code: 'INVALID_BODY' },
  { name: '__proto__ in a table', body: () => JSON.stringify(valid()).replace('{"sheet"', '{"__proto__":{"x":1},"sheet"'), status: 400, code: 'INVALID_BODY' },
  { name: 'constructor key in tree', body: withBody((b) => { (b.tree as Record<string, unknown>)['constructor'] = 1 as unknown; }), status: 400 },
  { name: 'missing tree', body: withBody((b) => { delete b.tree; }), status: 400 },
  { name: 'baseVersion as string', body: withBody((b) => { b.baseVersion = '1'; }), status: 400 },
  { name: 'negative baseVersion', body: withBody((b) => { b.baseVersion = -1; }), status: 400 },
  { name: 'fractional baseVersion', body: withBody((b) => { b.baseVersion = 1.5; }), status: 400 },
  { name: 'short submissionId', body: withBody((b) => { b.submissionId = 'abc'; }), status: 400 },
  { name: 'submissionId with #', body: withBody((b) => { b.submissionId = 'abcdefgh#1'; }), status: 400 },
  { name: 'tables not an array', body: withBody((b) => { b.tree = { tables: {} }; }), status: 400 },
  { name: 'no tables', body: withBody((b) => { b.tree = { tables: [] }; }), status: 400 },
  { name: 'unknown field in a table', body: withTable((t) => { t.formulas = []; }), status: 400 },
  { name: 'sheet name with /', body: withTable((t) => { t.sheet = 'Pohon/Kinerja'; }), status: 400 },
  { name: 'address not A1', body: withTable((t) => { t.address = 'R1C1'; }), status: 400 },
  { name: 'header not an array', body: withTable((t) => { t.header = 'ID'; }), status: 400 },
  { name: 'cell as object', body: pohonCell(0, 3, { f: '=1+1' }), status: 400 },
  { name: 'huge string cell (40,000 chars)', body: pohonCell(0, 3, 'x'.repeat(40_000)), status: 400 },
  { name: 'number overflow (1e999)', body: () => JSON.stringify(valid()).replace('"Tahun Awal",2025', '"Tahun Awal",1e999'), status: 400 },
  { name: 'ID with #', body: pohonCell(0, 0, 'SS#1'), status: 400 },
  { name: 'ID with control char', body: pohonCell(0, 0, 'SS\u00011'), status: 400 },
  { name: 'ID of 10,000 chars', body: pohonCell(0, 0, 'S'.repeat(10_000)), status: 400 },
  // Sizes and encodings
  { name: '7 MB body', body: () => JSON.stringify({ ...valid(), pad: 'x'.repeat(7 * 1024 * 1024) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: '11 MB body (gateway limit)', body: () => Buffer.alloc(11 * 1024 * 1024, 0x20), status: 413 },
  { name: 'gzip bomb (60 MB of spaces)', headers: { 'content-encoding': 'gzip' }, body: () => gz(Buffer.alloc(60 * 1024 * 1024, 0x20)), status: 413 },
  { name: 'malformed gzip', headers: { 'content-encoding': 'gzip' }, body: () => randomBytes(2000), status: 400 },
  { name: 'truncated gzip', headers: { 'content-encoding': 'gzip' }, body: () => gz(JSON.stringify(valid())).subarray(0, 300), status: 400 },
  { name: 'unsupported Content-Encoding', headers: { 'content-encoding': 'br' }, body: () => JSON.stringify(valid()), status: 415 },
  // Content that parses but does not belong here
  { name: 'Info Kode Pemda ≠ path', body: () => JSON.stringify(pushBody(opdTree({ 'Kode Pemda': '32.05' }), 1)), status: 400, code: 'INFO_MISMATCH' },
  { name: 'Info Kode OPD ≠ path', body: () => JSON.stringify(pushBody(opdTree({ 'Kode OPD': OTHER_OPD }), 1)), status: 400, code: 'INFO_MISMATCH' },
  { name: 'Info period ≠ path', path: `/v1/pemda/${PEMDA}/periode/2025-2026/opd/${OPD}/tree`, body: () => JSON.stringify(pushBody(opdTree(), 1)), status: 400, code: 'INFO_MISMATCH' },
  { name: 'tree with error rules', body: pohonCell(1, 1, 'TIDAK-ADA'), status: 422, code: 'INVALID_TREE' },
  { name: 'stale base', body: () => JSON.stringify(pushBody(opdTree(), 0)), status: 409, code: 'STALE_BASE' },
  // Review
  { name: 'review by a perencana', method: 'POST', path: tree.replace(/tree$/, 'review'), body: '{"version":1,"action":"terima"}', status: 403 },
  { name: 'return without a note', method: 'POST', token: 'organisasi', path: tree.replace(/tree$/, 'review'), body: '{"version":1,"action":"kembalikan","note":"  "}', status: 400 },
  { name: 'unknown review action', method: 'POST', token: 'organisasi', path: tree.replace(/tree$/, 'review'), body: '{"version":1,"action":"hapus","note":"x"}', status: 400 },
  { name: 'review of a version that is not HEAD', method: 'POST', token: 'organisasi', path: tree.replace(/tree$/, 'review'), body: '{"version":7,"action":"terima","note":""}', status: 409 },
  // Consolidation and crosscutting decisions
  { name: 'consolidation by a perencana', method: 'GET', path: consolidated, status: 403, code: 'FORBIDDEN' },
  { name: 'consolidation of another pemda', method: 'GET', token: 'organisasi', path: `/v1/pemda/${OTHER_PEMDA}/periode/${PERIODE}/consolidated`, status: 403 },
  { name: 'consolidation with an unknown basis', method: 'GET', token: 'organisasi', path: `${consolidated}?basis=semua`, status: 400, code: 'INVALID_PATH' },
  { name: 'consolidation with a garbage cursor', method: 'GET', token: 'organisasi', path: `${consolidated}?cursor=%7B%22x%22%7D`, status: 400 },
  { name: 'consolidation with a cursor of other data', method: 'GET', token: 'organisasi', path: `${consolidated}?cursor=${staleCursor}`, status: 409, code: 'CONSOLIDATION_CHANGED' },
  { name: 'crosscutting list of another OPD', method: 'GET', path: `/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/${OTHER_OPD}/crosscutting`, status: 403 },
  { name: 'decision: link ID not hex', method: 'POST', path: decisionPath('xyz'), body: '{"status":"disetujui"}', status: 400, code: 'INVALID_PATH' },
  { name: 'decision: unknown status', method: 'POST', path: decisionPath(), body: '{"status":"tunda"}', status: 400, code: 'INVALID_BODY' },
  { name: 'decision: reject without a reason', method: 'POST', path: decisionPath(), body: '{"status":"ditolak","reason":" "}', status: 400, code: 'INVALID_BODY' },
  { name: 'decision: unknown field', method: 'POST', path: decisionPath(), body: '{"status":"disetujui","rev":9}', status: 400, code: 'INVALID_BODY' },
  { name: 'decision: reason of 3,000 chars', method: 'POST', path: decisionPath(), body: () => JSON.stringify({ status: 'ditolak', reason: 'x'.repeat(3000) }), status: 400 },
  { name: 'decision: no such request', method: 'POST', path: decisionPath(), body: '{"status":"disetujui"}', status: 404, code: 'NOT_FOUND' },
  { name: 'decision by the Bagian Organisasi', method: 'POST', token: 'organisasi', path: decisionPath(), body: '{"status":"disetujui"}', status: 403 },
  { name: 'decision for another OPD', method: 'POST', path: decisionPath('a'.repeat(26), OTHER_OPD), body: '{"status":"disetujui"}', status: 403 },
  { name: 'dev token with an unknown role', method: 'POST', path: '/dev/token', token: null, body: '{"role":"root","pemda":"32.04"}', status: 400 },
  // The per-year documents (realisasi, LKE) and the evaluator's notes
  { name: 'realisasi of a year outside the period', path: realisasi.replace(/2025$/, '2031'), body: () => JSON.stringify(realisasiBody()), status: 400, code: 'INVALID_PATH' },
  { name: 'realisasi year not 4 digits', path: realisasi.replace(/2025$/, '20x5'), body: () => JSON.stringify(realisasiBody()), status: 400, code: 'INVALID_PATH' },
  { name: 'realisasi of another OPD', path: realisasi.replace(OPD, OTHER_OPD), body: () => JSON.stringify(realisasiBody()), status: 403, code: 'FORBIDDEN' },
  { name: 'realisasi pushed by the Bagian Organisasi', token: 'organisasi', path: realisasi, body: () => JSON.stringify(realisasiBody()), status: 403 },
  { name: 'realisasi body with tree instead of doc', path: realisasi, body: () => JSON.stringify({ baseVersion: 1, submissionId: 'abcdefgh-1', tree: realisasiBody().doc }), status: 400, code: 'INVALID_BODY' },
  { name: 'realisasi carrying the tree tables', path: realisasi, body: () => JSON.stringify(docBody({ tables: [...realisasiBody().doc.tables, ...opdTree().tables] }, 1)), status: 400, code: 'INVALID_BODY' },
  { name: 'realisasi with formula texts', path: realisasi, body: () => JSON.stringify(docBody({ tables: realisasiBody().doc.tables.map((t) => ({ ...t, formulas: [] })) }, 1)), status: 400, code: 'INVALID_BODY' },
  { name: 'realisasi with an ID Node of 10,000 chars', path: realisasi, body: () => { const b = realisasiBody(); b.doc.tables[0].rows[0][2] = 'S'.repeat(10_000); return JSON.stringify(b); }, status: 400 },
  { name: 'realisasi as text for a numeric indicator', path: realisasi, body: () => { const b = realisasiBody(); b.doc.tables[0].rows[0][4] = 'belum'; return JSON.stringify(b); }, status: 422, code: 'INVALID_DOC' },
  { name: 'realisasi row of another year', path: realisasi, body: () => { const b = realisasiBody(); b.doc.tables[0].rows[0][0] = 2026; return JSON.stringify(b); }, status: 422, code: 'INVALID_DOC' },
  { name: 'realisasi on a stale base', path: realisasi, body: () => JSON.stringify(docBody(realisasiDoc(opdTree(), 2025, { quarters: 2 }), 0)), status: 409, code: 'STALE_BASE' },
  { name: 'realisasi version query not a number', method: 'GET', path: `${realisasi}?version=x`, status: 400 },
  { name: 'LKE with an answer off its scale', path: lke, body: () => JSON.stringify(docBody(lkeDoc({ answer: () => 'Z' }), 1)), status: 422, code: 'INVALID_DOC' },
  { name: 'LKE whose komponen weights do not add up', path: lke, body: () => JSON.stringify(docBody({ tables: [...lkeDoc().tables, badVariant()] }, 1)), status: 422, code: 'INVALID_DOC' },
  { name: 'LKE carrying a Realisasi table', path: lke, body: () => JSON.stringify(docBody({ tables: [...lkeDoc().tables, ...realisasiBody().doc.tables] }, 1)), status: 400, code: 'INVALID_BODY' },
  { name: 'LKE of another OPD read by a perencana', method: 'GET', path: lke.replace(OPD, OTHER_OPD), status: 403 },
  { name: 'notes written by a perencana', method: 'POST', path: `${lke}/catatan`, body: () => JSON.stringify({ catatan: [{ kode: kodeKriteria(1)[0], catatan: 'x' }] }), status: 403, code: 'FORBIDDEN' },
  { name: 'notes: an empty list', method: 'POST', token: 'organisasi', path: `${lke}/catatan`, body: '{"catatan":[]}', status: 400, code: 'INVALID_BODY' },
  { name: 'notes: a kode with #', method: 'POST', token: 'organisasi', path: `${lke}/catatan`, body: '{"catatan":[{"kode":"1#2","catatan":"x"}]}', status: 400 },
  { name: 'notes: a note of 3,000 chars', method: 'POST', token: 'organisasi', path: `${lke}/catatan`, body: () => JSON.stringify({ catatan: [{ kode: kodeKriteria(1)[0], catatan: 'x'.repeat(3000) }] }), status: 400 },
  { name: 'notes: a kode the LKE does not hold', method: 'POST', token: 'organisasi', path: `${lke}/catatan`, body: '{"catatan":[{"kode":"TIDAK.ADA","catatan":"x"}]}', status: 400, code: 'INVALID_BODY' },
  { name: 'notes: an unknown field', method: 'POST', token: 'organisasi', path: `${lke}/catatan`, body: '{"catatan":[{"kode":"A","catatan":"x","versi":2}]}', status: 400 },
  { name: 'notes on an LKE not pushed yet', method: 'POST', token: 'organisasi', path: `${lke.replace(/2025$/, '2026')}/catatan`, body: () => JSON.stringify({ catatan: [{ kode: kodeKriteria(1)[0], catatan: 'x' }] }), status: 404, code: 'NOT_FOUND' },
];

function realisasiBody() {
  return docBody(realisasiDoc(opdTree(), 2025, { quarters: 3 }), 1);
}

/** A Kriteria LKE table whose komponen weights add up to 90 (V02). */
function badVariant() {
  return {
    sheet: 'Kriteria LKE', name: 'KriteriaLKE', address: 'A1',
    header: ['komponen_kode', 'komponen', 'komponen_bobot', 'sub_kode', 'sub_komponen', 'sub_bobot', 'kriteria_kode', 'kriteria', 'jenis_jawaban'],
    rows: [['1', 'Perencanaan', 90, '1.a', 'Pemenuhan', 90, '1.a.1', 'Ada Renstra', 'Y/T']],
  };
}

describe('bad requests', () => {
  it('has a corpus of at least 40', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES.map((c) => [c.name, c] as const))('%s → 4xx, error body, nothing written', async (_n, c) => {
    const before = await tableDigest();
    const headers: Record<string, string> = { 'content-type': 'application/json', ...c.headers };
    const tokenName = c.token === undefined ? 'perencana' : c.token;
    if (tokenName !== null) headers.authorization = `Bearer ${tokens[tokenName] ?? tokenName}`;
    const body = typeof c.body === 'function' ? c.body() : c.body;
    const r = await send(c.method ?? 'PUT', c.path ?? tree, body, headers);
    expect(r.status, r.text.slice(0, 300)).toBe(c.status);
    const parsed = JSON.parse(r.text);
    expect(typeof parsed.error.code).toBe('string');
    expect(typeof parsed.error.message).toBe('string');
    expect(typeof parsed.error.messageEn).toBe('string');
    if (c.code) expect(parsed.error.code).toBe(c.code);
    expect(await tableDigest()).toBe(before);
  });
});

describe('a push the server refuses for a limit', () => {
  it('names the sheet and cell, as validate (F04) would', async () => {
    const t = opdTree();
    const pohon = t.tables.find((x) => x.name === 'PohonKinerja')!;
    pohon.rows[1][pohon.header.indexOf('Catatan')] = 'x'.repeat(1_000_000);
    const r = await send('PUT', tree, JSON.stringify(pushBody(t, 0)), { 'content-type': 'application/json', authorization: `Bearer ${tokens.perencana}` });
    expect(r.status).toBe(400);
    const e = JSON.parse(r.text).error;
    expect(e.code).toBe('INVALID_BODY');
    expect(e.details.issues[0]).toMatchObject({ rule: 'F04', sheet: 'Pohon Kinerja' });
    expect(e.message).toMatch(/'Pohon Kinerja'![A-Z]+3: Isi sel 1\.000\.000 karakter/);
  });
});
