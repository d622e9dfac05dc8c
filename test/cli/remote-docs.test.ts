/**
 * `pokin push|pull --realisasi|--lke --tahun Y` against the real local stack (dynalite, dev
 * issuer) with the example workbooks: a planner sends the year's realisasi and LKE, the Bagian
 * Organisasi writes a note, the planner pulls the LKE with `Catatan Evaluator` and pushes on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { infoNumber } from '../../client/dokumen.js';
import { apiOf } from '../../client/api.js';
import { lkeTables, lkeTableSpec } from '../../core/layout/lke.js';
import { findTable, readWorkbook } from '../../core/read/index.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { readXlsx } from '../../xlsx/read.js';

const TREE = 'examples/dinkes-kabupaten-contoh.xlsx';
const PENGUKURAN = 'examples/dinkes-pengukuran-2025.xlsx';
const PENGUKURAN_SALAH = 'examples/dinkes-pengukuran-dengan-kesalahan.xlsx';
const LKE = 'examples/dinkes-lke-contoh.xlsx';
let api: ApiServer;
let dir: string;
let pemda = '';
let opd = '';
let periode = '';
let perencana = '';
let organisasi = '';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-cli-docs-'));
  api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
  const c = readWorkbook((await readXlsx(TREE)).snapshot).tree.config;
  pemda = c.kodePemda;
  opd = c.kodeOpd;
  periode = `${c.tahunAwal}-${c.tahunAkhir}`;
  perencana = (await run(['dev-token', '--role', 'perencana', '--pemda', pemda, '--opd', opd, '--api', api.url])).stdout.trim();
  organisasi = (await run(['dev-token', '--role', 'organisasi', '--pemda', pemda, '--api', api.url])).stdout.trim();
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('pokin push/pull --realisasi', () => {
  it('is refused with the server\'s rule and cell before the tree is pushed, then accepted, conflicts on a stale base, and round-trips through pull', async () => {
    const early = await run(['push', PENGUKURAN, '--realisasi', '--tahun', '2025', '--api', api.url, '--token', perencana, '--lang', 'en']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('INVALID_DOC');
    expect(early.stdout).toMatch(/'Pohon Kinerja'!A1\s+F03\s+This OPD has no tree on the server yet/);

    // The workbook's own tree first: realisasi is judged against the tree on the server.
    expect((await run(['push', PENGUKURAN, '--api', api.url, '--token', perencana])).code).toBe(0);
    const first = await run(['push', PENGUKURAN, '--realisasi', '--tahun', '2025', '--api', api.url, '--token', perencana]);
    expect(first.stderr + first.stdout).not.toContain('INVALID_DOC');
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('Terkirim: realisasi 2025');
    expect(first.stdout).toContain('versi 1');

    // The file still says nothing about the server's realisasi: a first push, now stale.
    const stale = await run(['push', PENGUKURAN, '--realisasi', '--tahun', '2025', '--api', api.url, '--token', perencana]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Konflik: server sudah memuat versi 1');
    expect(stale.stderr).toContain('pokin pull --realisasi --tahun 2025');

    const pulled = join(dir, 'realisasi.xlsx');
    const pull = await run(['pull', '--opd', opd, '--periode', periode, '--realisasi', '--tahun', '2025', '--api', api.url, '--token', perencana, '--out', pulled]);
    expect(pull.stdout).toContain('realisasi 2025 versi 1 (terbaru 1), pohon versi 1');
    const back = (await readXlsx(pulled)).snapshot;
    const sent = (await readXlsx(PENGUKURAN)).snapshot;
    const rows = (s: typeof back) => s.tables.find((t) => t.name === 'Realisasi')!.rows.filter((r) => r[0] === 2025).length;
    expect(rows(back)).toBe(rows(sent));
    expect(infoNumber(back, 'Versi Server Realisasi 2025')).toBe(1);
    expect(readWorkbook(back).tree.config.versiServer).toBe(1);

    // The pulled file is based on version 1: pushing it makes version 2.
    expect((await run(['push', pulled, '--realisasi', '--tahun', '2025', '--api', api.url, '--token', perencana])).stdout).toContain('versi 2');
  });

  it('stops a realisasi with errors at the client, each issue with its rule ID and cell, and sends nothing', async () => {
    const r = await run(['push', PENGUKURAN_SALAH, '--realisasi', '--tahun', '2025', '--api', api.url, '--token', perencana]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Tidak dikirim: realisasi 2025 memuat \d+ error/);
    expect(r.stdout).toMatch(/Realisasi!?[A-Z]+\d+\s+[RUF]\d\d/);
    const head = await apiOf({ api: api.url, token: perencana }).pullDoc('realisasi', { pemda, periode, opd }, 2025);
    expect(head.headVersion).toBe(2);
  });

  it('answers bad arguments with a bilingual usage error', async () => {
    expect((await run(['push', PENGUKURAN, '--realisasi', '--lke', '--tahun', '2025', '--token', 'x'])).stderr).toContain('Pilih salah satu');
    expect((await run(['push', PENGUKURAN, '--realisasi', '--tahun', '25', '--token', 'x', '--lang', 'en'])).stderr).toContain('--tahun must be a 4-digit year');
    expect((await run(['push', PENGUKURAN, '--tahun', '2025', '--token', 'x'])).code).toBe(2);
    expect((await run(['push', '--help'])).stdout).toContain('--realisasi --tahun 2025');
    expect((await run(['pull', '--help', '--lang', 'en'])).stdout).toContain('Capaian OPD');
  });
});

describe('pokin push/pull --lke', () => {
  it('pushes the answers, the planner pulls the Bagian Organisasi\'s note in Catatan Evaluator and pushes on it', async () => {
    const first = await run(['push', LKE, '--lke', '--tahun', '2025', '--api', api.url, '--token', perencana]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Terkirim: LKE 2025');

    const stored = findTable((await apiOf({ api: api.url, token: perencana }).pullDoc('lke', { pemda, periode, opd }, 2025)).doc, lkeTableSpec())!;
    const kode = String(stored.rows[0][stored.header.indexOf('Kode')]);
    const note = await apiOf({ api: api.url, token: organisasi }).lkeCatatan({ pemda, periode, opd }, 2025, { catatan: [{ kode, catatan: 'Unggah Renstra yang ditandatangani' }] });
    expect(note.version).toBe(2);

    const pulled = join(dir, 'lke.xlsx');
    const pull = await run(['pull', '--opd', opd, '--periode', periode, '--lke', '--tahun', '2025', '--api', api.url, '--token', perencana, '--out', pulled]);
    expect(pull.code).toBe(0);
    const back = (await readXlsx(pulled, lkeTables())).snapshot;
    const lke = findTable(back, lkeTableSpec())!;
    const at = (h: string) => lke.header.indexOf(h);
    const row = lke.rows.find((r) => r[at('Kode')] === kode)!;
    expect(row[at('Catatan Evaluator')]).toBe('Unggah Renstra yang ditandatangani');
    expect(infoNumber(back, 'Versi Server LKE 2025')).toBe(2);

    const again = await run(['push', pulled, '--lke', '--tahun', '2025', '--api', api.url, '--token', perencana]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('versi 3');
    const head = await apiOf({ api: api.url, token: organisasi }).pullDoc('lke', { pemda, periode, opd }, 2025);
    expect(head.doc.tables.find((t) => t.name === 'LKE')!.rows.some((r) => r.includes('Unggah Renstra yang ditandatangani'))).toBe(true);
  });

  it('pulls the consolidated workbook of the year for the Bagian Organisasi: Capaian OPD and LKE OPD', async () => {
    const out = join(dir, 'konsolidasi-2025.xlsx');
    const r = await run(['pull', '--consolidated', '--periode', periode, '--basis', 'terbaru', '--tahun', '2025', '--api', api.url, '--token', organisasi, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Tahun 2025: realisasi 1 OPD (Capaian OPD), LKE 1 OPD (LKE OPD).');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Rekap OPD', 'Capaian OPD', 'LKE OPD']));
    const lke = wb.getWorksheet('LKE OPD')!;
    expect(lke.getRow(2).getCell(1).value).toBe(opd);
    expect(lke.getRow(2).getCell(3).value).toBe(3);
    expect((await run(['pull', '--consolidated', '--periode', periode, '--tahun', '2040', '--api', api.url, '--token', organisasi, '--out', out])).stderr).toContain('INVALID_PATH');
  });

  it('says which OPD\'s realisasi is not counted under basis diterima (its tree not accepted), in the CLI and in Capaian OPD', async () => {
    const out = join(dir, 'konsolidasi-diterima-2025.xlsx');
    const r = await run(['pull', '--consolidated', '--periode', periode, '--tahun', '2025', '--api', api.url, '--token', organisasi, '--out', out]);
    expect(r.stdout).toContain('Tahun 2025: realisasi 0 OPD (Capaian OPD)');
    expect(r.stdout).toContain(`Tidak dihitung: realisasi 1 OPD yang pohonnya belum diterima (${opd}); tarik dengan --basis terbaru untuk melihatnya.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet('Capaian OPD')!.eachRow((row) => row.eachCell((c) => { texts.push(String(c.value)); }));
    expect(texts.some((t) => /^Tidak dihitung: .* sudah mengirim realisasi 2025, tetapi belum punya pohon yang diterima \(basis diterima\)/.test(t))).toBe(true);
  });

  it('refuses a perencana of another OPD with the server\'s message', async () => {
    const other = (await run(['dev-token', '--role', 'perencana', '--pemda', pemda, '--opd', '1.03.0.00.0.00.01.0000', '--api', api.url])).stdout.trim();
    const r = await run(['pull', '--opd', opd, '--periode', periode, '--lke', '--tahun', '2025', '--api', api.url, '--token', other, '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FORBIDDEN');
  });
});
