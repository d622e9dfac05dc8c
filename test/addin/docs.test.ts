/**
 * The OPD's yearly documents through the Workspace (the pane's code) on the preview port and
 * the local API (real handlers): the tree push carries the tree tables only; the realisasi of a
 * year and the LKE answers are their own documents (core/wire/docs.ts), PUT per the contract
 * with the version they become recorded beside the tree's, never moving the tree's base.
 * The test checks the versions, the 409 after another push, and the evaluator's notes pulled.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dokumenOf } from '../../core/dokumen/index.js';
import { PreviewPort } from '../../addin/preview/port.js';
import { Workspace } from '../../addin/workspace.js';
import { apiOf } from '../../client/api.js';
import { evaluasiLke } from '../../core/lke/index.js';
import type { ApiServer } from '../../functions/local/server.js';

let api: ApiServer;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { startApiServer } = await import('../../functions/local/server.js');
  api = await startApiServer({ port: 0, inMemory: true, dataDir: mkdtempSync(join(tmpdir(), 'pokin-docs-')), log: () => undefined });
}, 60_000);
afterAll(async () => { await api?.stop(); });

async function workspace(file: string): Promise<{ ws: Workspace; token: string; ref: { pemda: string; periode: string; opd: string } }> {
  const port = await PreviewPort.open(readFileSync(file), file, ExcelJS);
  const ws = new Workspace(port, api.url);
  await ws.start();
  const r = await ws.validate();
  const ref = ws.treeRef(r.snapshot);
  if (!('pemda' in ref)) throw new Error('no tree ref');
  const token = await api.issuer.issue({ role: 'perencana', pemda: ref.pemda, opd: ref.opd });
  ws.setToken(token);
  return { ws, token, ref };
}

describe('yearly documents from the pane', () => {
  it('pushes the tree without the pengukuran tables, and the realisasi as its own document', async () => {
    const { ws, token, ref } = await workspace('examples/dinkes-pengukuran-2025.xlsx');
    const tree = await ws.push(() => undefined);
    expect(tree).toMatchObject({ kind: 'pushed', version: 1 });
    const pulled = await apiOf({ api: api.url, token }).pull(ref);
    expect(pulled.tree.tables.map((t) => t.name)).not.toContain('Realisasi');
    expect(pulled.tree.tables.map((t) => t.name)).not.toContain('RencanaAksi');

    const out = await ws.pushRealisasi(2025);
    const id = await ws.port.getIdentity();
    // The tree's base stays whatever the document push answers.
    expect(id?.baseVersion).toBe(1);
    expect(out).toEqual({ kind: 'pushed', version: 1 });
    expect(id?.docs?.['realisasi/2025']).toBe(1);
    // Another push from the server's base 0 is stale: who pushed which version is named.
    const stale = await ws.pushRealisasi(2025, 0);
    expect(stale.kind).toBe('conflict');
    ws.stop();
  }, 60_000);

  it('refuses to push a realisasi whose pengukuran sheets have errors, without a request', async () => {
    const { ws } = await workspace('examples/dinkes-pengukuran-dengan-kesalahan.xlsx');
    const out = await ws.pushRealisasi(2025);
    expect(out.kind).toBe('blocked');
    expect(out.kind === 'blocked' ? out.message.id : '').toMatch(/Perbaiki \d+ error di lembar pengukuran/);
    expect((await ws.port.getIdentity())?.docs).toBeUndefined();
    ws.stop();
  }, 60_000);

  it('pushes the LKE answers of a year and brings the evaluator\'s notes into Catatan Evaluator', async () => {
    const { ws, ref } = await workspace('examples/dinkes-lke-contoh.xlsx');
    const r = await ws.validate();
    const { doc } = dokumenOf('lke', r.snapshot, 2025);
    expect(doc.tables.map((t) => t.name)).toContain('LKE');
    const out = await ws.pushLke(2025);
    expect(out).toEqual({ kind: 'pushed', version: 1 });
    const kode = evaluasiLke(r.snapshot, { saran: false }).kriteria.semua[0].kode;
    const org = await api.issuer.issue({ role: 'organisasi', pemda: ref.pemda });
    await apiOf({ api: api.url, token: org }).lkeCatatan(ref, 2025, { catatan: [{ kode, catatan: 'Dokumen Renstra belum ditandatangani.' }] });
    const pulled = await ws.pullLkeNotes(2025);
    expect(pulled).toMatchObject({ kind: 'pulled', written: 1 });
    const after = evaluasiLke((await ws.validate()).snapshot, { saran: false });
    expect(after.bacaan.jawaban.get(kode)?.catatanEvaluator).toBe('Dokumen Renstra belum ditandatangani.');
    ws.stop();
  }, 60_000);
});
