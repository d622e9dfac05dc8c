/**
 * `pokin dev-token`, `push` and `pull` against the real local stack (dynalite, dev issuer),
 * with the example workbook: the way a planner without Excel would use them.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { readXlsx } from '../../xlsx/read.js';
import { readWorkbook } from '../../core/read/index.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';

const EXAMPLE = 'examples/dinkes-kabupaten-contoh.xlsx';
const FAULTY = 'examples/dinkes-dengan-kesalahan.xlsx';
let api: ApiServer;
let dir: string;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let pemda = '';
let opd = '';
let periode = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-cli-remote-'));
  api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
  const c = readWorkbook((await readXlsx(EXAMPLE)).snapshot).tree.config;
  pemda = c.kodePemda;
  opd = c.kodeOpd;
  periode = `${c.tahunAwal}-${c.tahunAkhir}`;
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('pokin push and pull', () => {
  it('pushes the example, pulls it back with its version, and refuses a stale push with the conflict', async () => {
    const t = await run(['dev-token', '--role', 'perencana', '--pemda', pemda, '--opd', opd, '--api', api.url]);
    expect(t.code).toBe(0);
    const token = t.stdout.trim();

    const first = await run(['push', EXAMPLE, '--api', api.url, '--token', token]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('versi 1');

    const pulled = join(dir, 'pulled.xlsx');
    const pull = await run(['pull', '--opd', opd, '--periode', periode, '--api', api.url, '--token', token, '--out', pulled]);
    expect(pull.code).toBe(0);
    const back = readWorkbook((await readXlsx(pulled)).snapshot).tree;
    expect(back.config.versiServer).toBe(1);
    expect(back.boxes.length).toBeGreaterThan(40);

    // The pulled workbook is based on version 1: pushing it makes version 2.
    expect((await run(['push', pulled, '--api', api.url, '--token', token])).stdout).toContain('versi 2');

    // The original file still says nothing about the server: a first push, now stale.
    const stale = await run(['push', EXAMPLE, '--api', api.url, '--token', token, '--lang', 'en']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Conflict: the server already has version 2');
    // The time of the server's version in words (the machine's zone), not ISO UTC.
    expect(stale.stderr).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('refuses to push a workbook with errors and sends nothing', async () => {
    const r = await run(['push', FAULTY, '--api', api.url, '--token', 'not-needed-for-local-errors']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tidak dikirim');
    expect(r.stdout).toMatch(/T02|T01/);
  });

  it('writes the exact request body with --dry-run --body-out', async () => {
    const out = join(dir, 'body.json.gz');
    const r = await run(['push', EXAMPLE, '--dry-run', '--body-out', out]);
    expect(r.code).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(1000);
    const body = JSON.parse(gunzipSync(await readFile(out)).toString('utf8'));
    expect(Object.keys(body).sort()).toEqual(['baseVersion', 'submissionId', 'tree']);
  });

  it('answers a token from another OPD with the server message and exit 2', async () => {
    const other = (await run(['dev-token', '--role', 'perencana', '--pemda', pemda, '--opd', '2.09.0.00.0.00.01.0000', '--api', api.url])).stdout.trim();
    const r = await run(['push', EXAMPLE, '--api', api.url, '--token', other, '--base', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[FORBIDDEN\]\s*$/);
    expect(r.stderr).not.toMatch(/^[A-Z_]+:/);
  });

  it('says clearly when the API cannot be reached', async () => {
    // A port nothing listens on: taken from the system, then released.
    const { createServer } = await import('node:net');
    const free = await new Promise<number>((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
    const r = await run(['pull', '--opd', opd, '--periode', periode, '--api', `http://127.0.0.1:${free}`, '--token', 'x', '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('API tidak dapat dihubungi: tidak ada server yang menjawab di alamat itu');
    expect(r.stderr).toContain('[ECONNREFUSED]');
    expect(r.stderr).not.toMatch(/fetch failed|network error/);
  });
});
