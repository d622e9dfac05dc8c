/**
 * The journey of the year's documents through the local API (dynalite, dev issuer, the real
 * client): an OPD's planner pushes the realisasi and the LKE, the Bagian Organisasi writes a
 * note, the planner pulls it in `Catatan Evaluator`, and the Bagian Organisasi pulls the
 * consolidated workbook of the year with `Capaian OPD`, `LKE OPD` and the capaian columns of
 * `Rekap OPD`, opened again with ExcelJS. Each role is refused where it should be.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure, PokinApi, pushBody, type TreeRef } from '../../client/api.js';
import { catatanOf } from '../../core/dokumen/index.js';
import {
  CAPAIAN_OPD_HEADERS, consolidate, IKU_TITLE, LKE_OPD_HEADERS, mergePages, pageAnswer, REKAP_CAPAIAN_HEADERS, REKAP_HEADERS, type OpdInput,
} from '../../core/derive/consolidate/index.js';
import { evaluasiLke } from '../../core/lke/index.js';
import { laporanPengukuran } from '../../core/pengukuran/index.js';
import { readWorkbook } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { buildConsolidatedWorkbook } from '../../xlsx/consolidated.js';
import { best, docBody, kodeKriteria, lkeDoc, realisasiDoc, second } from './doc-fixtures.js';
import { OPD, opdTree, OTHER_OPD, PEMDA, PERIODE } from './fixtures.js';

const TAHUN = 2025;
const HOSTILE = '=HYPERLINK("http://contoh.invalid/x","klik")';
let api: ApiServer;
let dir: string;
const clients: Record<string, PokinApi> = {};
const ref = (opd: string): TreeRef => ({ pemda: PEMDA, periode: PERIODE, opd });

/** The fixture tree with its first indicator an IKU (the cross-OPD view lists IKU only). */
function treeWithIku(info: Record<string, string>): WorkbookSnapshot {
  const t = opdTree(info);
  return {
    tables: t.tables.map((x) => {
      if (x.name !== 'Indikator') return x;
      const c = x.header.indexOf('IKU');
      return { ...x, rows: x.rows.map((r, i) => (i === 0 ? r.map((v, j) => (j === c ? 'Ya' : v)) : r)) };
    }),
  };
}
const tree = treeWithIku({ 'Kode OPD': OPD });
// Another OPD whose name is a formula: it must reach the workbook as text.
const otherTree = treeWithIku({ 'Kode OPD': OTHER_OPD, 'Nama OPD': HOSTILE });

async function refused(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiFailure) return e.status;
    throw e;
  }
  return 200;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-docs-journey-'));
  api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
  const anon = new PokinApi({ base: api.url });
  const token = async (role: string, opd?: string) => anon.devToken({ role, pemda: PEMDA, ...(opd ? { opd } : {}) });
  clients.perencana = new PokinApi({ base: api.url, token: await token('perencana', OPD) });
  clients.other = new PokinApi({ base: api.url, token: await token('perencana', OTHER_OPD) });
  clients.organisasi = new PokinApi({ base: api.url, token: await token('organisasi') });
  clients.bappeda = new PokinApi({ base: api.url, token: await token('bappeda') });
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the year\'s documents, from the OPD to the consolidated workbook', () => {
  it('planner pushes realisasi and LKE, organisasi notes, planner sees Catatan Evaluator, organisasi pulls Capaian OPD and LKE OPD', async () => {
    const { perencana, other, organisasi, bappeda } = clients;
    // The planners push their trees and documents.
    expect((await perencana.push(ref(OPD), pushBody(tree, 0))).answer.version).toBe(1);
    expect((await other.push(ref(OTHER_OPD), pushBody(otherTree, 0))).answer.version).toBe(1);
    const realisasi = realisasiDoc(tree, TAHUN, { quarters: 3 });
    const r = await perencana.pushDoc('realisasi', ref(OPD), TAHUN, docBody(realisasi, 0), 3);
    expect(r).toMatchObject({ created: true, answer: { version: 1 } });
    const lke = lkeDoc();
    expect((await perencana.pushDoc('lke', ref(OPD), TAHUN, docBody(lke, 0))).answer.version).toBe(1);
    expect((await other.pushDoc('lke', ref(OTHER_OPD), TAHUN, docBody(lkeDoc({ answer: second }), 0))).answer.version).toBe(1);

    // Refused where they should be: nothing written by any of these.
    expect(await refused(organisasi.pushDoc('realisasi', ref(OPD), TAHUN, docBody(realisasi, 1)))).toBe(403);
    expect(await refused(other.pushDoc('lke', ref(OPD), TAHUN, docBody(lkeDoc({ answer: best }), 1)))).toBe(403);
    expect(await refused(other.pullDoc('realisasi', ref(OPD), TAHUN))).toBe(403);
    expect(await refused(perencana.lkeCatatan(ref(OPD), TAHUN, { catatan: [{ kode: kodeKriteria(1)[0], catatan: 'x' }] }))).toBe(403);
    expect(await refused(bappeda.lkeCatatan(ref(OPD), TAHUN, { catatan: [{ kode: kodeKriteria(1)[0], catatan: 'x' }] }))).toBe(403);
    expect(await refused(perencana.consolidated(PEMDA, PERIODE, 'terbaru', undefined, 1, TAHUN))).toBe(403);
    expect(await refused(organisasi.consolidated(PEMDA, PERIODE, 'terbaru', undefined, 1, 2031))).toBe(400);

    // The Bagian Organisasi reads the LKE and writes a note; the planner pulls it.
    expect((await organisasi.pullDoc('lke', ref(OPD), TAHUN)).headVersion).toBe(1);
    const [kode] = kodeKriteria(1);
    expect(await organisasi.lkeCatatan(ref(OPD), TAHUN, { catatan: [{ kode, catatan: 'Lampirkan Renstra yang disahkan' }] })).toEqual({ version: 2 });
    const pulled = await perencana.pullDoc('lke', ref(OPD), TAHUN);
    expect(pulled).toMatchObject({ headVersion: 2, meta: { version: 2 } });
    expect(catatanOf(pulled.doc).get(kode)).toBe('Lampirkan Renstra yang disahkan');
    expect(pulled.doc.tables.find((t) => t.name === 'LKE')!.header).toContain('Catatan Evaluator');
    expect((await bappeda.pullDoc('realisasi', ref(OPD), TAHUN)).doc).toEqual(realisasi);

    // The consolidation of the year, as core computes it for each OPD.
    const a = await organisasi.consolidated(PEMDA, PERIODE, 'terbaru', undefined, 3, TAHUN);
    expect(a.tahun).toBe(TAHUN);
    const own = laporanPengukuran(readWorkbook({ tables: [...tree.tables, ...realisasi.tables] }).tree, TAHUN);
    const rekap = a.rekap.find((x) => x.opd === OPD)!;
    expect(rekap.capaian).toMatchObject({ realisasiVersion: 1, tw: 3, dihitung: own.summary.dihitung, capaian: own.summary.capaian, lkeVersion: 2 });
    expect(own.summary.dihitung).toBeGreaterThan(0);
    const skor = evaluasiLke(lke, { saran: false }).rekap;
    expect(rekap.capaian).toMatchObject({ lkeNilai: skor.totalBulat, predikat: skor.predikat });
    expect(a.rekap.find((x) => x.opd === OTHER_OPD)!.capaian).toMatchObject({ realisasiVersion: null, capaian: null, lkeVersion: 1 });
    expect(a.sections.find((x) => x.opd === OPD)!.capaian!.map((c) => c.capaian)).toEqual(own.indikator.map((i) => i.capaianTahun));
    expect(a.lke!.map((l) => l.opd)).toEqual([OPD, OTHER_OPD]);

    // The workbook, written and opened again.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await buildConsolidatedWorkbook(a, 'id', { utcOffsetMinutes: 420 }).xlsx.writeBuffer());
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Rekap OPD', 'Matriks Crosscutting', 'Capaian OPD', 'LKE OPD']);

    const rk = wb.getWorksheet('Rekap OPD')!;
    const rkHeader = (rk.getRow(1).values as unknown[]).slice(1);
    expect(rkHeader).toEqual([...REKAP_HEADERS, ...REKAP_CAPAIAN_HEADERS]);
    const rkRow = [2, 3, 4].map((n) => rk.getRow(n)).find((row) => row.getCell(1).value === OPD)!;
    const col = (h: string) => rkHeader.indexOf(h) + 1;
    expect(rkRow.getCell(col('Capaian Rata-rata (%)')).value).toBe(own.summary.capaian);
    expect(rkRow.getCell(col('Triwulan Terakhir')).value).toBe('TW3');
    expect(rkRow.getCell(col('Nilai LKE')).value).toBe(skor.totalBulat);
    expect(rkRow.getCell(col('Predikat LKE')).value).toBe(skor.predikat);

    const cp = wb.getWorksheet('Capaian OPD')!;
    expect((cp.getRow(1).values as unknown[]).slice(1)).toEqual([...CAPAIAN_OPD_HEADERS]);
    const first = own.indikator[0];
    const cpRow = cp.getRow(2);
    expect([cpRow.getCell(1).value, cpRow.getCell(3).value, cpRow.getCell(4).value, cpRow.getCell(6).value]).toEqual([OPD, first.idNode, first.indikator, 'Ya']);
    expect(cpRow.getCell(9).value).toBe(first.capaianTahun);
    // The cross-OPD view of IKU capaian, below: one IKU per OPD, the measured one first.
    let ikuAt = 0;
    cp.eachRow((row, n) => { if (String(row.getCell(1).value ?? '').startsWith(IKU_TITLE)) ikuAt = n; });
    expect(ikuAt).toBeGreaterThan(2);
    expect([cp.getRow(ikuAt + 2).getCell(1).value, cp.getRow(ikuAt + 3).getCell(1).value]).toEqual([OPD, OTHER_OPD]);

    const lk = wb.getWorksheet('LKE OPD')!;
    const lkHeader = (lk.getRow(1).values as unknown[]).slice(1);
    expect(lkHeader.slice(0, LKE_OPD_HEADERS.length)).toEqual([...LKE_OPD_HEADERS]);
    expect(lkHeader.length).toBe(LKE_OPD_HEADERS.length + skor.komponen.length);
    expect([lk.getRow(2).getCell(1).value, lk.getRow(2).getCell(6).value, lk.getRow(2).getCell(7).value]).toEqual([OPD, skor.totalBulat, skor.predikat]);
    expect(lk.getRow(2).getCell(LKE_OPD_HEADERS.length + 1).value).toBeCloseTo(skor.komponen[0].nilai, 2);

    // Formula injection: the hostile OPD name is a text cell everywhere it appears.
    for (const ws of [rk, cp, lk]) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.value === HOSTILE || (typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value)) {
          expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
        }
      }));
    }
    expect(lk.getRow(3).getCell(2).value).toBe(HOSTILE);
    expect(lk.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('the consolidation of a year, paged', () => {
  it('cuts each OPD\'s capaian with its section, sends the LKE scores once, and merges back to the whole', () => {
    const opds: OpdInput[] = [OPD, OTHER_OPD, '1.04.0.00.0.00.01.0000'].map((opd, i) => {
      const t = treeWithIku({ 'Kode OPD': opd });
      return {
        opd, snapshot: t, version: 1, status: 'diajukan', counts: null, head: { version: 1, at: '2025-04-01T00:00:00Z' },
        realisasi: i === 1 ? null : { version: 2, doc: realisasiDoc(t, TAHUN) }, lke: { version: 1, doc: lkeDoc() },
      };
    });
    const c = consolidate({ pemda: PEMDA, periode: PERIODE, years: [2025, 2026, 2027], basis: 'terbaru', generatedAt: '2025-04-02T00:00:00Z', opds, decisions: [], tahun: TAHUN });
    const withOpd = c.sections.filter((x) => x.opd !== 'PEMDA');
    expect(withOpd.map((x) => x.capaian!.length)).toEqual([4, 4, 4]);
    expect(withOpd[1].capaian!.every((x) => x.capaian === null && x.status === 'tidak dihitung')).toBe(true);
    expect(c.lke).toHaveLength(3);
    const pages = [pageAnswer(c, 0, 1, 0), pageAnswer(c, 1, 2, 1), pageAnswer(c, 2, 3, 2)];
    expect(pages.map((p) => p.lke!.length)).toEqual([3, 0, 0]);
    expect(pages.map((p) => p.sections[0].capaian!.length)).toEqual([4, 4, 4]);
    const merged = mergePages(pages);
    expect(merged.lke).toEqual(c.lke);
    expect(merged.sections).toEqual(c.sections);
    // A new realisasi changes the fingerprint: a cursor from before answers 409.
    const again = consolidate({ pemda: PEMDA, periode: PERIODE, years: [2025, 2026, 2027], basis: 'terbaru', generatedAt: '2025-04-02T00:00:00Z', opds: opds.map((o, i) => (i === 0 ? { ...o, realisasi: { ...o.realisasi!, version: 3 } } : o)), decisions: [], tahun: TAHUN });
    expect(again.fingerprint).not.toBe(c.fingerprint);
  });
});
