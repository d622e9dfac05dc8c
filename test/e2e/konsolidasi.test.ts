/**
 * Review and consolidation end to end in Debian Chromium (playwright-core), preview mode,
 * against the local API. Setup through the Node client: Bappeda pushes the pemda tree, two
 * OPDs push theirs (OPD 2 asks OPD 1 for a crosscutting contribution). Then in the pane:
 * the Bagian Organisasi signs in without any Pokin workbook, sees the OPD list, returns
 * OPD 1's version with a note (a return without one is refused in the pane), opens its tree
 * read-only, pulls the consolidation into the workbook and saves it as .xlsx; OPD 1's
 * perencana signs in on their workbook and sees the note and the request waiting, and
 * rejects it with a reason. Screenshots at 320 px go to a temp folder printed in the output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import { readWorkbook } from '../../core/read/index.js';
import { apiOf } from '../../client/api.js';
import { pushSnapshot } from '../../client/workbook.js';
import { KODE_PEMDA, kodeOpd, opdSnapshot, PERIODE, pemdaSnapshot } from '../helpers/opds.js';
import { buildPane, CHROMIUM_ARGS, findChromium, servePane, type PaneServer } from './harness.js';

const chromium = findChromium();
const ci = process.env.CI === 'true';
if (!chromium) {
  if (ci) throw new Error('Chromium not found (/usr/bin/chromium or `which chromium`): the e2e tests must run in CI.');
  console.warn('[e2e] SKIPPED konsolidasi: no Chromium at /usr/bin/chromium or on PATH (install Debian `chromium`).');
}
const SHOTS = join(tmpdir(), `pokin-e2e-konsolidasi-${process.pid}`);
const NOTE = 'Indikator S1 belum terukur; lengkapi target 2026.';
const OPD1 = kodeOpd(0);
const OPD2 = kodeOpd(1);

describe.skipIf(!chromium)('review and consolidation in Chromium (preview mode)', () => {
  let browser: Browser;
  let page: Page;
  let pane: PaneServer;
  let api: { url: string; stop(): Promise<void> };
  let opd1File: string;

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const [{ startApiServer }, dir] = await Promise.all([import('../../functions/local/server.js'), buildPane()]);
    api = await startApiServer({ port: 0, inMemory: true, dataDir: join(tmpdir(), `pokin-e2e-k-data-${process.pid}`), log: () => undefined });
    const o = { api: api.url };
    const bappeda = await apiOf(o).devToken({ role: 'bappeda', pemda: KODE_PEMDA });
    expect((await pushSnapshot(pemdaSnapshot(2), { ...o, token: bappeda })).kind).toBe('pushed');
    const trees = [
      opdSnapshot(0, { boxes: 20 }),
      opdSnapshot(1, { boxes: 20, refPemda: 'SP2', crosscutting: [{ nodeId: 'S1', opdTujuan: OPD1, nodeTujuan: 'S1', kontribusi: 'Data capaian sasaran' }] }),
    ];
    for (const [i, tree] of trees.entries()) {
      const tok = await apiOf(o).devToken({ role: 'perencana', pemda: KODE_PEMDA, opd: kodeOpd(i) });
      expect((await pushSnapshot(tree, { ...o, token: tok })).kind).toBe('pushed');
    }
    mkdirSync(SHOTS, { recursive: true });
    opd1File = join(SHOTS, 'opd1.xlsx');
    writeFileSync(opd1File, Buffer.from(await buildCanonicalWorkbook(trees[0], readWorkbook(trees[0]).tree.config).xlsx.writeBuffer()));
    pane = await servePane(dir, api.url);
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium!, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    console.log(`[e2e] screenshots: ${SHOTS}`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await pane?.close();
    await api?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const row = (opd: string) => page.locator(`[data-testid=opd-row][data-opd="${opd}"]`);

  it('organisasi: OPD list, a return that needs a note, the tree in a sheet, the consolidation pulled and saved', async () => {
    await page.goto(`${pane.url}/taskpane.html?preview`);
    await page.getByTestId('signin-reviewer').locator('summary').click();
    await page.getByTestId('signin-role').selectOption('organisasi');
    await page.getByLabel('Kode pemda').fill(KODE_PEMDA);
    await page.getByTestId('signin').click();
    await page.getByTestId('tab-konsolidasi').waitFor();
    expect(await page.getByTestId('tab-validasi').count()).toBe(0);
    await page.getByTestId('konsolidasi-periode').fill(PERIODE);
    await page.getByTestId('load-opd').click();
    await row(OPD1).waitFor();
    expect(await row(OPD2).getAttribute('data-status')).toBe('diajukan');

    await row(OPD1).click();
    await page.getByTestId('review-return').click();
    await page.getByText('Catatan wajib diisi untuk mengembalikan.').waitFor();
    expect(await row(OPD1).getAttribute('data-status')).toBe('diajukan');
    await page.getByTestId('review-note').fill(NOTE);
    await page.getByTestId('review-return').click();
    await expect.poll(() => row(OPD1).getAttribute('data-status')).toBe('dikembalikan');
    await page.getByTestId('open-tree').click();
    await expect.poll(() => page.getByTestId('review-result').textContent()).toMatch(`Tinjau ${OPD1}`);
    await row(OPD2).click();
    await page.getByTestId('review-accept').click();
    await expect.poll(() => row(OPD2).getAttribute('data-status')).toBe('diterima');
    await row(OPD1).click();
    await shot('5-konsolidasi');
    await page.screenshot({ path: join(SHOTS, '5-konsolidasi-top.png') });

    await page.getByTestId('konsolidasi-basis').selectOption('terbaru');
    await page.getByTestId('pull-consolidated').click();
    await expect.poll(() => page.getByTestId('pull-result').textContent(), { timeout: 20_000 }).toMatch(/Lembar ditulis.*Rekap OPD.*Konsolidasi Pohon Kinerja/);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('save-consolidated').click()]);
    const file = join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('pull-result').textContent()).toMatch(/Disimpan: Konsolidasi 35\.19 2025-2029 terbaru\.xlsx/);
    await shot('5b-konsolidasi-saved');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap OPD', 'Matriks Crosscutting', 'Info', 'Jabatan', 'Pohon Kinerja', 'Indikator', 'Crosscutting', 'Validasi']);
    const kode = new Set<string>();
    wb.getWorksheet('Pohon Kinerja')!.eachRow((r, i) => { if (i > 1) kode.add(String(r.getCell(1).value)); });
    expect([...kode]).toEqual(expect.arrayContaining(['PEMDA', OPD1, OPD2]));
    const rekap: string[] = [];
    wb.getWorksheet('Rekap OPD')!.eachRow((r) => rekap.push(`${r.getCell(1).value}|${r.getCell(11).value}`));
    expect(rekap).toEqual(expect.arrayContaining([`${OPD1}|dikembalikan`, `${OPD2}|diterima`]));
  }, 90_000);

  it("perencana: sees the note on their own tree and rejects the waiting request with a reason", async () => {
    await page.goto(`${pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', opd1File);
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('tab-konsolidasi').count()).toBe(0);
    await page.getByTestId('tab-reviu').click();
    await expect.poll(() => page.getByTestId('reviu-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('dikembalikan');
    expect(await page.getByTestId('reviu-note').textContent()).toContain(NOTE);
    const req = page.getByTestId('cc-request');
    expect(await req.count()).toBe(1);
    expect(await req.textContent()).toContain(OPD2);
    await shot('6-reviu');
    await page.getByTestId('cc-reject').click();
    await page.getByTestId('cc-reject').click();
    await page.getByText('Alasan wajib diisi untuk menolak.').waitFor();
    await page.getByTestId('cc-reason').fill('Sasaran S1 bukan kewenangan kami');
    await page.getByTestId('cc-reject').click();
    await expect.poll(() => page.getByTestId('cc-decided').textContent()).toMatch(/Ditolak/);
    await page.getByTestId('cc-none').waitFor();
  }, 60_000);
});
