/**
 * The local stack end to end over HTTP with the CLI's client: dev token → push → list → get →
 * review → push again → history → pull to .xlsx, and a restart that keeps data and keys.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../core/validate.js';
import { parsePushBody } from '../../core/wire/index.js';
import { readXlsx } from '../../xlsx/read.js';
import {
  ApiFailure, apiOf, pushBody,
} from '../../client/api.js';
import { pullWorkbook, pushSnapshot } from '../../client/workbook.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { OPD, PEMDA, PERIODE, opdTree } from './fixtures.js';

let api: ApiServer;
let dir: string;
const ref = { pemda: PEMDA, periode: PERIODE, opd: OPD };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-local-'));
  api = await startApiServer({ port: 0, dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('local stack over HTTP', () => {
  it('serves its JWKS and issues dev tokens', async () => {
    const jwks = await (await fetch(`${api.url}/.well-known/jwks.json`)).json() as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys[0].kty).toBe('RSA');
    expect(jwks.keys[0].d).toBeUndefined(); // never the private part
  });

  it('runs push → list → get → review → push → history → pull', async () => {
    const o = { api: api.url };
    const perencana = await apiOf(o).devToken({ role: 'perencana', pemda: PEMDA, opd: OPD, sub: 'rina' });
    const organisasi = await apiOf(o).devToken({ role: 'organisasi', pemda: PEMDA, sub: 'orgs' });
    const tree = opdTree();

    const first = await pushSnapshot(tree, { api: api.url, token: perencana });
    expect(first).toMatchObject({ kind: 'pushed', created: true, ref, answer: { version: 1 } });

    // A retry of the same submission answers 200 with the same version.
    const body = pushBody(tree, 1, 'retry-submission-1');
    expect((await apiOf({ api: api.url, token: perencana }).push(ref, body)).created).toBe(true);
    const again = await apiOf({ api: api.url, token: perencana }).push(ref, body);
    expect(again).toMatchObject({ created: false, answer: { version: 2 } });

    const list = await apiOf({ api: api.url, token: organisasi }).listOpd(PEMDA, PERIODE);
    expect(list.opd).toHaveLength(1);
    expect(list.opd[0]).toMatchObject({ opd: OPD, version: 2, status: 'diajukan', author: 'rina', counts: { boxes: 4, indicators: 4, errors: 0 } });

    const got = await apiOf({ api: api.url, token: organisasi }).pull(ref);
    expect(got.meta.version).toBe(2);
    expect(got.tree).toEqual(tree);

    const returned = await apiOf({ api: api.url, token: organisasi }).review(ref, { version: 2, action: 'kembalikan', note: 'Lengkapi indikator' });
    expect(returned).toMatchObject({ version: 2, status: 'dikembalikan', review: { by: 'orgs', note: 'Lengkapi indikator' } });

    const stale = await apiOf({ api: api.url, token: perencana }).push(ref, pushBody(tree, 1)).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiFailure);
    expect((stale as ApiFailure).body?.error).toMatchObject({ code: 'STALE_BASE', details: { currentVersion: 2, by: 'rina' } });

    const third = await pushSnapshot(tree, { api: api.url, token: perencana, baseVersion: 2 });
    expect(third).toMatchObject({ kind: 'pushed', answer: { version: 3 } });
    await apiOf({ api: api.url, token: organisasi }).review(ref, { version: 3, action: 'terima', note: '' });

    const hist = await apiOf({ api: api.url, token: perencana }).versions(ref);
    expect(hist.versions.map((v) => [v.version, v.status])).toEqual([[3, 'diterima'], [2, 'dikembalikan'], [1, 'diajukan']]);
    expect((await apiOf({ api: api.url, token: perencana }).pull(ref, 1)).meta.version).toBe(1);

    const out = join(dir, 'pulled.xlsx');
    const pulled = await pullWorkbook({ api: api.url, token: organisasi, opd: OPD, periode: PERIODE, out });
    expect(pulled).toMatchObject({ version: 3, headVersion: 3 });
    expect((await stat(out)).size).toBeGreaterThan(1000);
    const back = await readXlsx(out);
    expect(validateSnapshot(back.snapshot).summary).toMatchObject({ boxes: 4, indicators: 4, errors: 0 });
  });

  it('writes the body of a dry run without sending it', async () => {
    const out = join(dir, 'body.json.gz');
    const r = await pushSnapshot(opdTree(), { api: 'http://127.0.0.1:9', dryRun: true, bodyOut: out });
    expect(r.kind).toBe('dry-run');
    const parsed = parsePushBody(JSON.parse(gunzipSync(await readFile(out)).toString('utf8')));
    expect(parsed.ok).toBe(true);
  });

  it('refuses to push a tree with errors before calling the server', async () => {
    const bad = opdTree({}, { indikator: [] });
    const r = await pushSnapshot(bad, { api: 'http://127.0.0.1:9', token: 'unused' });
    expect(r.kind).toBe('invalid');
  });

  it('keeps trees and the signing key across a restart', async () => {
    const token = await apiOf({ api: api.url }).devToken({ role: 'admin', pemda: PEMDA });
    await api.stop();
    api = await startApiServer({ port: 0, dataDir: dir, log: () => {} });
    const got = await apiOf({ api: api.url, token }).pull(ref);
    expect(got.meta.version).toBe(3);
  });
});
