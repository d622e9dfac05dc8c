/**
 * Journey: a planner measures a year in the pane (Chromium, preview mode, 320 px). Open the
 * example with a year of Rencana Aksi and Realisasi, see the same capaian as `pokin pengukuran`
 * (mean, per indicator with its Kategori colour, serapan), switch to a quarter, generate the
 * Pengukuran TWn, Renaksi and LKjIP sheets, sign in and push the realisasi; the workbook with
 * mistakes lists the capaian needing a Penjelasan (U04) and a click lands on the cell; a
 * workbook without the tables gets them in one click. Screenshots in test/e2e/output/pengukuran/.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { formatAngka } from '../../core/capaian/index.js';
import { kategoriWarna } from '../../core/derive/index.js';
import { openInPreview, requireChromium, shotAt as shotAtIn, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('pengukuran');

async function cliJson(args: string[]): Promise<Record<string, unknown>> {
  const out: string[] = [];
  await main(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

type Laporan = { summary: { capaian: number; serapan: number; kategori: string }; indikator: { capaian: number | null; kategori: string | null; pk: boolean }[] };

/** A chip's background as #rrggbb. */
const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

describe.skipIf(!chromium)('Pengukuran tab in Chromium at 320 px', () => {
  let j: Journey;
  beforeAll(async () => { j = await startJourney('pengukuran', chromium!); }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  const shotAt = (name: string, testId?: string) => shotAtIn(j, name, testId);

  const open = (file: string) => openInPreview(j, file);

  it('shows the capaian pokin pengukuran computes, generates the sheets and pushes the realisasi', async () => {
    const file = 'examples/dinkes-pengukuran-2025.xlsx';
    const cli = await cliJson(['pengukuran', file, '--tahun', '2025', '--json']) as unknown as Laporan;
    await open(file);
    const page = j.page;
    await page.getByTestId('tab-pengukuran').click();
    await page.getByTestId('pg-summary').waitFor();
    expect(await page.getByTestId('pg-mean').textContent()).toBe(`${formatAngka(cli.summary.capaian)} %`);
    expect(await page.getByTestId('pg-summary').textContent()).toContain(cli.summary.kategori);
    expect(await page.getByTestId('pg-serapan').textContent()).toContain(`${formatAngka(cli.summary.serapan)} %`);
    // Per indicator: the PK indicators, each with the CLI's Kategori in the printed sheets' colour.
    const pk = cli.indikator.filter((i) => i.pk);
    const items = page.getByTestId('pg-ind');
    expect(await items.count()).toBe(pk.length);
    for (const n of [0, 3, pk.length - 1]) {
      const item = items.nth(n);
      expect(await item.getAttribute('data-kategori')).toBe(pk[n].kategori ?? '');
      if (pk[n].capaian !== null) expect(await item.textContent()).toContain(`${formatAngka(pk[n].capaian!)} %`);
      const bg = await item.locator('.pokin-chip').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(hex(bg)).toBe(kategoriWarna(pk[n].kategori));
    }
    // Nothing wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shotAt('1-capaian', 'pengukuran');
    await shotAt('1b-indikator', 'pg-indikator');

    // A quarter: s.d. TW2 against the Rencana Aksi, as `pokin pengukuran --tw 2`.
    const tw2 = await cliJson(['pengukuran', file, '--tahun', '2025', '--tw', '2', '--json']) as unknown as Laporan;
    await page.getByTestId('pg-tw').selectOption('2');
    await expect.poll(() => page.getByTestId('pg-mean').textContent()).toBe(`${formatAngka(tw2.summary.capaian)} %`);

    await page.getByTestId('pg-kind-renaksi').check();
    await page.getByTestId('pg-kind-lkjip').check();
    await page.getByTestId('pg-generate').click();
    await page.getByTestId('pg-gen-done').waitFor({ timeout: 30_000 });
    const done = await page.getByTestId('pg-gen-done').textContent();
    expect(done).toMatch(/Pengukuran 2025 TW2/);
    expect(done).toMatch(/Renaksi/);
    expect(await page.getByTestId('pg-lkjip-note').textContent()).toMatch(/LKjIP tahun 2025/);
    await shotAt('2-generated', 'pg-generate');

    // Push: signed in on Kirim, then the realisasi of 2025 as its own document.
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('tab-pengukuran').click();
    const sent = page.waitForRequest((r) => r.method() === 'PUT' && /\/realisasi\/2025$/.test(new URL(r.url()).pathname));
    await page.getByTestId('pg-push').click();
    const req = await sent;
    // The contract (BRIEF / core/wire/docs.ts): PUT …/opd/{opd}/realisasi/{tahun} with the pengukuran snapshot.
    expect(new URL(req.url()).pathname).toMatch(/^\/v1\/pemda\/[^/]+\/periode\/\d{4}-\d{4}\/opd\/[^/]+\/realisasi\/2025$/);
    const raw = req.postDataBuffer()!;
    // The client gzips large bodies (client/api.ts); the server inflates them.
    const body = JSON.parse((req.headers()['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as { baseVersion: number; submissionId: string; doc: { tables: { name: string; rows: unknown[] }[] } };
    expect(body.baseVersion).toBe(0);
    expect(body.submissionId).toMatch(/\S{8,}/);
    expect(body.doc.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['RencanaAksi', 'Realisasi']));
    expect(body.doc.tables.some((t) => t.name === 'PohonKinerja')).toBe(false);
    const result = page.getByTestId('pg-push-result');
    await result.waitFor({ timeout: 15_000 });
    // The server judges the realisasi against the OPD's tree on the server: none pushed yet, and
    // the pane says what to do, in the server's words.
    expect(await result.textContent()).toMatch(/Dokumen realisasi memuat 1 Error.*F03 Pohon Kinerja!A1: Belum ada pohon kinerja OPD ini di server.*Kirim pohonnya dulu/);
    expect(await result.getAttribute('data-intent')).toBe('error');
    await shotAt('3-no-tree', 'pg-push');

    // The tree first (Kirim), then the realisasi again: version 1.
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/Terkirim: versi 1\b/);
    await page.getByTestId('tab-pengukuran').click();
    await page.getByTestId('pg-push').click();
    await expect.poll(() => page.getByTestId('pg-push-result').textContent(), { timeout: 15_000 }).toMatch(/Realisasi 2025 terkirim: versi 1\b/);
    // The result is not hidden behind the sticky cell editor at the bottom of the pane.
    await expect.poll(async () => {
      const bar = await page.getByTestId('pg-push-result').boundingBox();
      const editor = await page.getByTestId('cell-editor').boundingBox();
      return bar && editor ? bar.y + bar.height <= editor.y + 1 : false;
    }).toBe(true);
    await shotAt('3-pushed', 'pg-push');
  });

  it('lists the capaian needing a Penjelasan and goes to the cell', async () => {
    await open('examples/dinkes-pengukuran-dengan-kesalahan.xlsx');
    const page = j.page;
    await page.getByTestId('tab-pengukuran').click();
    const box = page.getByTestId('pg-penjelasan');
    await box.waitFor();
    expect(await box.locator('summary').textContent()).toMatch(/Perlu Penjelasan \(5\)/);
    await box.locator('.pokin-issue').first().click();
    await expect.poll(() => page.getByTestId('editor-cell').textContent()).toBe('Realisasi!H36');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shotAt('4-penjelasan', 'pg-penjelasan');
  });

  it('adds the pengukuran tables to a workbook without them in one click', async () => {
    await open('examples/dinkes-kabupaten-contoh.xlsx');
    const page = j.page;
    await page.getByTestId('tab-pengukuran').click();
    await page.getByTestId('pg-add-box').waitFor();
    expect(await page.getByTestId('pg-add-box').textContent()).toMatch(/belum memiliki tabel Rencana Aksi/);
    await shotAt('5-no-tables', 'pengukuran');
    await page.getByTestId('pg-add').click();
    await page.getByTestId('pg-added').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('pg-added').textContent()).toMatch(/Ditambahkan [1-9]\d* baris Rencana Aksi, [1-9]\d* baris Realisasi/);
    await expect.poll(() => page.getByTestId('pg-add-box').count()).toBe(0);
    await page.getByTestId('lang').click();
    await expect.poll(() => page.getByTestId('tab-pengukuran').textContent()).toBe('Measurement');
    await shotAt('6-tables-added-en', 'pengukuran');
  });
});
