/**
 * The Pengukuran and Evaluasi journeys through the Workspace on the Excel double (Office
 * port), under every build profile: a workbook holding a tree gets the pengukuran tables of a
 * year in one write action, with the rows the preview port (ExcelJS, the CLI's writer) adds
 * from the same core template; live validation then reads them; the LKE table is added with
 * the Saran Pokin, an answer the planner picks is written into Jawaban and the score moves;
 * the realisasi push goes through port.pushAction, refused until the tree is on the server.
 * Each profile gets its own local API, so each starts from an empty server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewPort } from '../../addin/preview/port.js';
import { Workspace } from '../../addin/workspace.js';
import { ApiFailure } from '../../client/api.js';
import { evaluasiLke } from '../../core/lke/index.js';
import type { ApiServer } from '../../functions/local/server.js';
import { readXlsx } from '../../xlsx/read.js';
import { ALL_PROFILES, attach, excelDouble } from './excel/testkit.js';
import { TEST_TMP } from '../tmp.js';

const FILE = 'examples/dinkes-kabupaten-contoh.xlsx';
const example = await readXlsx(readFileSync(FILE));
let api: ApiServer;
let preview: { rencanaAksi: number; realisasi: number; pembanding: number };

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // The preview pane's (and the CLI's) outcome on the same workbook: the Office port must add the same rows.
  const pv = new Workspace(await PreviewPort.open(readFileSync(FILE), FILE, ExcelJS), '');
  await pv.start();
  preview = (await pv.tambahPengukuran(2025)).added;
  pv.stop();
}, 60_000);

describe.each(ALL_PROFILES)('Pengukuran and Evaluasi on $label', (profile) => {
  beforeAll(async () => {
    const { startApiServer } = await import('../../functions/local/server.js');
    api = await startApiServer({ port: 0, inMemory: true, dataDir: join(TEST_TMP, `office-docs-${process.pid}-${profile.name}`), log: () => undefined });
  }, 60_000);
  afterAll(async () => { await api?.stop(); });

  it('adds the pengukuran tables in one action, adds the LKE, writes an answer, and pushes the realisasi', async () => {
    const d = excelDouble(profile, { snapshot: example.snapshot });
    const ws = new Workspace(attach(d), api.url);
    await ws.start();
    await ws.validate();
    const runs = d.stats.runs;
    const out = await ws.tambahPengukuran(2025);
    expect(out.added).toEqual(preview);
    expect(out.added.rencanaAksi).toBeGreaterThan(0);
    // One write action (its reads aside): one undo step where Excel groups them.
    expect(new Set(d.stats.log.filter((s) => s.writes && s.run > runs).map((s) => s.run)).size).toBe(1);
    const names = d.snapshotOf().tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['RencanaAksi', 'Realisasi', 'Pembanding']));
    expect(ws.state.live?.result.tree.pengukuran?.realisasi.filter((r) => r.tahun === 2025).length).toBe(preview.realisasi);

    await ws.tambahLke('id');
    let ev = evaluasiLke(ws.state.live!.snapshot);
    expect(ev.bacaan.loc).toBeDefined();
    expect(ev.rekap.totalBulat).toBe(0);
    expect(ev.saran.size).toBeGreaterThan(0);
    const [kode, saran] = [...ev.saran][0];
    await ws.jawabLke(ev, kode, saran.jawaban.kode);
    ev = evaluasiLke(ws.state.live!.snapshot);
    expect(ev.bacaan.jawaban.get(kode)?.jawaban).toBe(saran.jawaban.kode);
    expect(ev.rekap.totalBulat).toBeGreaterThan(0);

    const token = await api.issuer.issue({ role: 'perencana', pemda: '35.19', opd: example.snapshot.tables.find((t) => t.name === 'Info')!.rows.find((r) => r[0] === 'Kode OPD')![1] as string });
    ws.setToken(token);
    // The realisasi is judged against the OPD's tree on the server: refused until it is pushed.
    const early = await ws.pushRealisasi(2025);
    expect(early.kind).toBe('failed');
    expect(early.kind === 'failed' && early.error instanceof ApiFailure ? early.error.code : null).toBe('INVALID_DOC');
    expect((await ws.port.getIdentity())?.docs?.['realisasi/2025']).toBeUndefined();
    expect(await ws.push(() => undefined)).toMatchObject({ kind: 'pushed', version: 1 });
    const pushed = await ws.pushRealisasi(2025);
    const id = await ws.port.getIdentity();
    expect(pushed).toEqual({ kind: 'pushed', version: 1 });
    expect(id?.docs?.['realisasi/2025']).toBe(1);
    ws.stop();
  }, 60_000);
});
