/**
 * Journey: a planner brings the Renstra matrix they already have (a wide matrix with a title,
 * a merged three-row header, codes split over five columns, Tujuan/Sasaran merged down,
 * `Target | Rp` per year). In the pane: pick the sheet (the only one, already chosen), see
 * what Pokin read (the same counts as `pokin import`, rows not placed with their reason,
 * values normalised), answer the questions for what the sheet lacks (prefilled guesses),
 * adopt, validate (the same issues as `pokin validate` on the CLI's import), fix what an
 * adopted Renstra always lacks (Polaritas, Jenjang, Ref Pemda) and push.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { main } from '../../cli/main.js';
import { FIXTURES } from '../fixtures/adopt/build.js';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('planner-renstra');
const YEARS = [2026, 2027, 2028];

/** A small Renstra matrix in the Permendagri 86/2017 form (merges, split codes, Target | Rp). */
async function smallRenstra(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Renstra 2026-2028');
  ws.getCell('A1').value = 'Tabel 5.1 Rencana Program, Kegiatan dan Pendanaan Bappeda Kabupaten Banyuwangi 2026-2028';
  ws.mergeCells('A1:T1');
  const h1 = ['Tujuan', 'Indikator Tujuan', 'Sasaran', 'Indikator Sasaran', 'Kode', null, null, null, null, 'Program/Kegiatan/Sub Kegiatan', 'Indikator Kinerja Program (outcome) / Kegiatan (output)', 'Satuan', 'Data Capaian pada Tahun Awal Perencanaan', 'Target Kinerja Program dan Kerangka Pendanaan', null, null, null, null, null, 'Kondisi Kinerja pada Akhir Periode Renstra', null, 'Unit Kerja Penanggung Jawab'];
  const h2 = [null, null, null, null, 'Urusan', 'Bidang Urusan', 'Program', 'Kegiatan', 'Sub Kegiatan', null, null, null, null, ...YEARS.flatMap((y) => [`Tahun ${y}`, null])];
  const h3 = [null, null, null, null, null, null, null, null, null, null, null, null, null, ...YEARS.flatMap(() => ['Target', 'Rp']), 'Target', 'Rp'];
  ws.getRow(3).values = h1 as ExcelJS.CellValue[];
  ws.getRow(4).values = h2 as ExcelJS.CellValue[];
  ws.getRow(5).values = h3 as ExcelJS.CellValue[];
  for (const c of ['A', 'B', 'C', 'D', 'J', 'K', 'L', 'M', 'V']) ws.mergeCells(`${c}3:${c}5`);
  ws.mergeCells('E3:I3');
  for (const c of ['E', 'F', 'G', 'H', 'I']) ws.mergeCells(`${c}4:${c}5`);
  ws.mergeCells('N3:S3'); ws.mergeCells('N4:O4'); ws.mergeCells('P4:Q4'); ws.mergeCells('R4:S4'); ws.mergeCells('T3:U4');
  ws.getRow(6).values = Array.from({ length: 22 }, (_, i) => i + 1);
  const rows: (string | number | null)[][] = [
    ['Meningkatnya kualitas perencanaan pembangunan daerah', 'Indeks Kualitas Dokumen Perencanaan', null, null, null, null, null, null, null, null, null, 'Indeks', 3.1, 3.2, null, 3.3, null, 3.4, null, 3.4, null, 'Kepala Badan'],
    [null, null, 'Meningkatnya akuntabilitas kinerja perencanaan', 'Nilai SAKIP Perangkat Daerah', null, null, null, null, null, null, null, 'Nilai', 70, 72, null, 74, null, 76, null, 76, null, 'Kepala Badan'],
    [null, null, null, null, '5', null, null, null, null, 'UNSUR PENUNJANG URUSAN PEMERINTAHAN', null, null, null, null, null, null, null, null, null, null, null, null],
    [null, null, null, null, '5', '01', null, null, null, 'PERENCANAAN', null, null, null, null, null, null, null, null, null, null, null, null],
    [null, null, null, null, '5', '01', '02', null, null, 'PROGRAM KOORDINASI DAN SINERGI PERENCANAAN PEMBANGUNAN DAERAH', 'Persentase Dokumen Perencanaan yang Tepat Waktu', '%', 90, 95, 'Rp 1.200.000.000', 100, 1300000000, 100, 1400000000, 100, 3900000000, 'Bidang Renev'],
    [null, null, null, null, null, null, null, '2,01', null, 'Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah', 'Jumlah Dokumen Perencanaan yang Disusun', 'Dokumen', 4, 4, 1200000000, 4, 1300000000, 4, 1400000000, 12, 3900000000, 'Bidang Renev'],
  ];
  rows.forEach((r, i) => { ws.getRow(7 + i).values = r as ExcelJS.CellValue[]; });
  ws.mergeCells('A7:A12');
  ws.mergeCells('C8:C12');
  await wb.xlsx.writeFile(file);
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return { code, out: out.join('\n') };
}

async function typeCell(page: Page, sheet: string, cell: string, value: string | number): Promise<void> {
  await page.getByTestId('editor-sheet').selectOption(sheet);
  await page.getByTestId('editor-address').fill(cell);
  await page.getByTestId('editor-value').fill(String(value));
  await page.getByTestId('editor-save').click();
}

type PaneIssue = { rule: string; severity: string; sheet: string; cell: string };
const paneIssues = (page: Page) => page.evaluate(() => (globalThis as unknown as { __pokin: { state: { live: { result: { issues: PaneIssue[] } } } } }).__pokin.state.live.result.issues.map((i) => ({ rule: i.rule, severity: i.severity, sheet: i.sheet, cell: i.cell })));
const key = (i: PaneIssue) => `${i.severity} ${i.rule} ${i.sheet}!${i.cell}`;

const ANSWERS = { 'kodePemda': '35.10', 'kodeOpd': '5.01.5.05.0.00.01.0000' };

describe.skipIf(!chromium)('journey: planner, existing Renstra', () => {
  let j: Journey;
  let small: string;
  beforeAll(async () => {
    j = await startJourney('planner-renstra', chromium!);
    small = join(j.shots, 'renstra-kecil.xlsx');
    await smallRenstra(small);
  }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  it('reads a large merged matrix with the CLI\'s counts and shows rows not placed with the reason', async () => {
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', join(FIXTURES, 'renstra-banyuwangi.xlsx'));
    await page.getByTestId('first-adopt').click();
    // One sheet: already chosen, no "Sheet "" does not exist".
    await expect.poll(() => page.getByTestId('adopt-sheet').inputValue()).toBe('T-C.27');
    await page.getByTestId('adopt-check').click();
    const counts = await page.getByTestId('adopt-counts').textContent();
    const r = await cli(['import', join(FIXTURES, 'renstra-banyuwangi.xlsx'), '--out', join(j.shots, 'cli-banyuwangi.xlsx'), '--json']);
    const json = JSON.parse(r.out) as { sourceRows: number; boxes: number; indicators: number; unplaced: unknown[]; skipped: unknown[]; normalised: unknown[]; values: { present: number; carried: number } };
    expect(counts).toBe(`${json.sourceRows} baris → ${json.boxes} kotak, ${json.indicators} indikator; ${json.unplaced.length} tidak tertempatkan; ${json.skipped.length} dilewati (bukan data); ${json.normalised.length} nilai dinormalkan.`);
    expect(await page.getByTestId('adopt-values').textContent()).toBe(`Nilai terbawa / ada: ${json.values.carried} / ${json.values.present}${json.values.present > json.values.carried ? ` (${json.values.present - json.values.carried} TIDAK terbawa)` : ''}`);
    expect(json.boxes).toBe(25);

    await page.setInputFiles('[data-testid=open-file]', join(FIXTURES, 'renstra-kotor.xlsx'));
    await page.getByTestId('first-adopt').click();
    await expect.poll(() => page.getByTestId('adopt-sheet').inputValue()).toBe('Renstra');
    await page.getByTestId('adopt-check').click();
    await page.getByTestId('adopt-report').waitFor();
    // Stray text in a code still makes its box: the code is kept as typed and flagged (N01);
    // the JUMLAH row is skipped with its reason, checked against the rows it totals.
    await page.getByTestId('adopt-report').getByText('Temuan lain').click();
    expect(await page.getByTestId('adopt-report').textContent()).toMatch(/N01 H17 · Kode "5\.01\.01\.2 Paket" berisi teks lain selain kode/);
    await page.getByTestId('adopt-report').getByText(/Nasib setiap baris/).click();
    expect(await page.getByTestId('adopt-rows').textContent()).toMatch(/dilewati: baris jumlah \("JUMLAH"\)/);
    await j.shot('1-report-dirty-matrix');
  });

  it('adopts with questions and report, validates like the CLI, fixes and pushes', async () => {
    const page = j.page;
    await page.setInputFiles('[data-testid=open-file]', small);
    await page.getByTestId('first-adopt').click();
    await expect.poll(() => page.getByTestId('adopt-sheet').inputValue()).toBe('Renstra 2026-2028');
    await page.getByTestId('adopt-check').click();
    await page.getByTestId('adopt-questions').waitFor();
    // Guesses from the title and the codes; the kode pemda cannot be guessed without an account.
    expect(await page.getByTestId('adopt-q-pemda').inputValue()).toBe('Kabupaten Banyuwangi');
    expect(await page.getByTestId('adopt-q-namaOpd').inputValue()).toBe('Bappeda');
    expect(await page.getByTestId('adopt-q-kodeOpd').inputValue()).toBe('5.01.0.00.0.00.01.0000');
    expect(await page.getByTestId('adopt-q-kodePemda').inputValue()).toBe('');
    expect(await page.getByTestId('adopt-counts').textContent()).toMatch(/→ 4 kotak, 4 indikator; 0 tidak tertempatkan; \d+ dilewati \(bukan data\); [1-9]\d* nilai dinormalkan/);
    await j.shot('2-questions-and-report');
    // Nothing is written while an answer is missing.
    await page.getByTestId('adopt-write').click();
    await page.getByText('Wajib diisi.').first().waitFor();
    expect(await page.getByTestId('tab-validasi').count()).toBe(0);
    await page.getByTestId('adopt-q-kodePemda').fill(ANSWERS.kodePemda);
    await page.getByTestId('adopt-q-kodeOpd').fill(ANSWERS.kodeOpd);
    await page.getByTestId('adopt-write').click();
    await page.getByTestId('adopted').waitFor();
    expect(await page.getByTestId('adopted').textContent()).toMatch(/Diadopsi: .*4 kotak, 4 indikator.* Lembar asal "Renstra 2026-2028" tetap ada/);
    await page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 20_000 });
    await j.shot('3-adopted-validated');

    // The same issues as `pokin import` + `pokin validate` with the same answers.
    const out = join(j.shots, 'cli-kecil.xlsx');
    const imp = await cli(['import', small, '--out', out, '--kode-pemda', ANSWERS.kodePemda, '--opd', ANSWERS.kodeOpd, '--pemda', 'Kabupaten Banyuwangi', '--jenis', 'Kabupaten', '--nama-opd', 'Bappeda', '--versi', 'Kepmendagri 900.1-2850/2025', '--json']);
    expect(JSON.parse(imp.out)).toMatchObject({ boxes: 4, indicators: 4 });
    const v = await cli(['validate', out, '--json']);
    const cliIssues = (JSON.parse(v.out) as { issues: PaneIssue[] }).issues.map(key).sort();
    expect((await paneIssues(page)).map(key).sort()).toEqual(cliIssues);

    // What an adopted Renstra lacks: Jenjang and ID Atasan of the positions it created, the
    // statements of program and kegiatan (the form has none), Polaritas/Akumulasi, Ref Pemda.
    const fixes: [string, string, string][] = [
      ['Jabatan', 'C2', 'JPT Pratama'], ['Jabatan', 'C3', 'Administrator'], ['Jabatan', 'D3', 'Kepala Badan'],
      ['Pohon Kinerja', 'H2', 'Tanpa Induk Pemda'],
      ['Pohon Kinerja', 'D4', 'Meningkatnya ketepatan waktu dokumen perencanaan'], ['Pohon Kinerja', 'D5', 'Meningkatnya kualitas koordinasi penyusunan dokumen perencanaan'],
      ...[2, 3, 4, 5].flatMap((r): [string, string, string][] => [['Indikator', `D${r}`, 'Positif'], ['Indikator', `E${r}`, 'Nilai Akhir']]),
    ];
    for (const [s, c, val] of fixes) await typeCell(page, s, c, val);
    await expect.poll(async () => Number((await page.getByTestId('count-E').textContent())?.match(/\d+/)?.[0]), { timeout: 15_000 }).toBe(0);
    await page.locator('[data-testid=ready][data-ready=true]').waitFor();
    await j.shot('4-fixed-siap-dikirim');
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/Terkirim: versi 1\b/);
    await j.shot('5-pushed');
  });
});
