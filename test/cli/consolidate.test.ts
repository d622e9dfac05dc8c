/**
 * End to end on the local stack (node:http adapter, dynalite, dev tokens): crosscutting
 * requested by a push → decided by the target OPD → visible in both OPDs' `pokin pull` and in
 * `pokin pull --consolidated`; text an OPD typed that looks like a formula stays text in every
 * sheet Pokin writes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { apiOf } from '../../client/api.js';
import { pushSnapshot } from '../../client/workbook.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { KODE_PEMDA, kodeOpd, opdSnapshot, PERIODE, pemdaSnapshot } from '../helpers/opds.js';

// The SDK's "Node 22 from 2027" notice is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const EVIL_STATEMENT = '=HYPERLINK("http://x","klik")';
const EVIL_KONTRIBUSI = '@SUM(A1:A9)';
const EVIL_REASON = '+cmd|\' /C calc\'!A0';
let api: ApiServer;
let dir: string;
const tokens: Record<string, string> = {};

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet as [address, value]. */
function cells(ws: ExcelJS.Worksheet | undefined): [string, ExcelJS.CellValue][] {
  const out: [string, ExcelJS.CellValue][] = [];
  ws?.eachRow((row) => row.eachCell((c) => { out.push([c.address, c.value]); }));
  return out;
}

function rowsOf(ws: ExcelJS.Worksheet | undefined): unknown[][] {
  const out: unknown[][] = [];
  ws?.eachRow((row) => { out.push((row.values as unknown[]).slice(1)); });
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-cli-konsolidasi-'));
  api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
  const o = { api: api.url };
  tokens.bappeda = await apiOf(o).devToken({ role: 'bappeda', pemda: KODE_PEMDA });
  tokens.organisasi = await apiOf(o).devToken({ role: 'organisasi', pemda: KODE_PEMDA });
  for (const i of [0, 1, 2]) tokens[i] = await apiOf(o).devToken({ role: 'perencana', pemda: KODE_PEMDA, opd: kodeOpd(i) });

  expect((await pushSnapshot(pemdaSnapshot(2), { api: api.url, token: tokens.bappeda })).kind).toBe('pushed');
  // OPD 1 asks OPD 2 (to be rejected, with a hostile reason); OPD 2 asks OPD 1 (to be approved).
  const trees = [
    opdSnapshot(0, { boxes: 20, patch: (wb) => { wb.pohon[0].pernyataan = EVIL_STATEMENT; } }),
    opdSnapshot(1, { boxes: 20, refPemda: 'SP2', crosscutting: [{ nodeId: 'S1', opdTujuan: kodeOpd(2), nodeTujuan: 'S2', kontribusi: EVIL_KONTRIBUSI }] }),
    opdSnapshot(2, { boxes: 20, refPemda: 'SP2', crosscutting: [{ nodeId: 'S3', opdTujuan: kodeOpd(1), nodeTujuan: 'S1', kontribusi: 'Data sasaran' }] }),
  ];
  for (const i of [0, 1, 2]) expect((await pushSnapshot(trees[i], { api: api.url, token: tokens[i] })).kind).toBe('pushed');
}, 60_000);
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('crosscutting decision flow and the consolidated workbook', () => {
  it('goes from request (push) to decision (target OPD) to both pulls and the consolidated workbook', async () => {
    const ref = (i: number) => ({ pemda: KODE_PEMDA, periode: PERIODE, opd: kodeOpd(i) });
    const toTwo = (await apiOf({ api: api.url, token: tokens[2] }).crosscutting(ref(2))).incoming;
    expect(toTwo).toEqual([expect.objectContaining({ sourceOpd: kodeOpd(1), status: 'Menunggu', kontribusi: EVIL_KONTRIBUSI })]);
    await apiOf({ api: api.url, token: tokens[2] }).decide(ref(2), toTwo[0].linkId, { status: 'ditolak', reason: EVIL_REASON });
    const toOne = (await apiOf({ api: api.url, token: tokens[1] }).crosscutting(ref(1))).incoming;
    await apiOf({ api: api.url, token: tokens[1] }).decide(ref(1), toOne[0].linkId, { status: 'disetujui', reason: '' });

    // The source's pull: Status / Alasan Tolak of its Crosscutting table.
    const src = join(dir, 'opd1.xlsx');
    expect((await run(['pull', '--opd', kodeOpd(1), '--periode', PERIODE, '--api', api.url, '--token', tokens[1], '--out', src])).code).toBe(0);
    const srcWb = await open(src);
    const cc = rowsOf(srcWb.getWorksheet('Crosscutting'));
    const st = cc[0].indexOf('Status');
    expect([cc[1][st], cc[1][st + 1]]).toEqual(['Ditolak', EVIL_REASON]);
    // …and the request addressed to it, approved by itself.
    expect(rowsOf(srcWb.getWorksheet('Crosscutting Masuk'))[1]).toEqual(expect.arrayContaining([kodeOpd(2), 'S3', 'Disetujui']));

    // The target's pull lists the request it rejected.
    const tgt = join(dir, 'opd2.xlsx');
    expect((await run(['pull', '--opd', kodeOpd(2), '--periode', PERIODE, '--api', api.url, '--token', tokens[2], '--out', tgt])).code).toBe(0);
    const masuk = rowsOf((await open(tgt)).getWorksheet('Crosscutting Masuk'));
    expect(masuk[1]).toEqual(expect.arrayContaining([kodeOpd(1), 'S1', 'S2', EVIL_KONTRIBUSI, 'Ditolak', EVIL_REASON, toTwo[0].linkId]));

    // The consolidated workbook.
    const out = join(dir, 'konsolidasi.xlsx');
    const r = await run(['pull', '--consolidated', '--periode', PERIODE, '--basis', 'terbaru', '--api', api.url, '--token', tokens.organisasi, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('4 dari 4 pohon');
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap OPD', 'Matriks Crosscutting', 'Info', 'Jabatan', 'Pohon Kinerja', 'Indikator', 'Crosscutting', 'Validasi']);

    const rekap = rowsOf(wb.getWorksheet('Rekap OPD'));
    expect(rekap[0].slice(0, 3)).toEqual(['Kode OPD', 'Nama OPD', 'Jumlah Tujuan']);
    expect(rekap.map((x) => x[0])).toEqual(['Kode OPD', 'PEMDA', kodeOpd(0), kodeOpd(1), kodeOpd(2)]);

    const matriks = rowsOf(wb.getWorksheet('Matriks Crosscutting'));
    const at = (from: number, to: number) => matriks[matriks.findIndex((x) => x[0] === kodeOpd(from))][matriks[0].indexOf(kodeOpd(to))];
    expect(at(1, 2)).toBe('0/0/1');
    expect(at(2, 1)).toBe('1/0/0');

    const pohon = rowsOf(wb.getWorksheet('Pohon Kinerja'));
    expect(pohon[0][0]).toBe('Kode OPD');
    expect(pohon.filter((x) => x[0] === 'PEMDA')).toHaveLength(3);
    expect(pohon.find((x) => x[0] === kodeOpd(0) && x[1] === 'T1')?.[4]).toBe(EVIL_STATEMENT);
    const ccRows = rowsOf(wb.getWorksheet('Crosscutting'));
    const s = ccRows[0].indexOf('Status');
    expect(ccRows.find((x) => x[0] === kodeOpd(1))?.slice(s, s + 2)).toEqual(['Ditolak', EVIL_REASON]);
    // T11: SP1 is referenced by OPD 0 only (the default Ref Pemda) — SP2 by OPDs 1 and 2: no T11.
    expect(rowsOf(wb.getWorksheet('Validasi')).some((x) => x[1] === 'T11')).toBe(false);
  });

  it('writes text that looks like a formula as text in every sheet (only its own internal links are formulas)', async () => {
    const out = join(dir, 'konsolidasi.xlsx');
    const wb = await open(out);
    const formulas: string[] = [];
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      for (const [addr, v] of cells(ws)) {
        if (v && typeof v === 'object' && 'formula' in v) formulas.push(`${ws.name}!${addr} ${String(v.formula)}`);
        if (typeof v === 'string') texts.push(v);
      }
    }
    expect(texts).toEqual(expect.arrayContaining([EVIL_STATEMENT, EVIL_KONTRIBUSI, EVIL_REASON]));
    // Validasi's Lokasi links are Pokin's own: HYPERLINK("#'Sheet'!A1", …) to a cell of this workbook.
    for (const f of formulas) expect(f).toMatch(/^Validasi!D\d+ HYPERLINK\("#'?[A-Za-z ]+'?!\$?[A-Z]+\$?\d+","/);
  });

  it('refuses --basis without --consolidated, and a perencana consolidation', async () => {
    expect((await run(['pull', '--opd', kodeOpd(0), '--periode', PERIODE, '--basis', 'terbaru', '--token', 'x', '--out', 'x.xlsx'])).code).toBe(2);
    const r = await run(['pull', '--consolidated', '--periode', PERIODE, '--api', api.url, '--token', tokens[0], '--out', join(dir, 'no.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FORBIDDEN');
  });
});
