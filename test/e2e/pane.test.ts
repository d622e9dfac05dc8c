/**
 * The pane end to end in Debian Chromium (playwright-core), preview mode, against the local
 * API: open the example workbook, see its issues, click one, fix it through the port, see the
 * count drop; push a clean workbook and see the version; a conflicting push shows the 409
 * dialog; a push while the API is down is queued and lands once it is back.
 * Screenshots of each tab at 320 px go to a temp folder printed in the output.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildPane, CHROMIUM_ARGS, findChromium, servePane, type PaneServer } from './harness.js';

const chromium = findChromium();
const ci = process.env.CI === 'true';
if (!chromium) {
  if (ci) throw new Error('Chromium not found (/usr/bin/chromium or `which chromium`): the e2e tests must run in CI.');
  console.warn('[e2e] SKIPPED: no Chromium at /usr/bin/chromium or on PATH (install Debian `chromium`).');
}
const SHOTS = join(tmpdir(), `pokin-e2e-${process.pid}`);

describe.skipIf(!chromium)('task pane in Chromium (preview mode)', () => {
  let browser: Browser;
  let page: Page;
  let pane: PaneServer;
  let api: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const [{ startApiServer }, dir] = await Promise.all([import('../../functions/local/server.js'), buildPane()]);
    api = await startApiServer({ port: 0, inMemory: true, dataDir: join(tmpdir(), `pokin-e2e-data-${process.pid}`), log: () => undefined });
    pane = await servePane(dir, api.url);
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium!, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`[e2e] screenshots: ${SHOTS}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await pane?.close();
    await api?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const errors = async () => Number((await page.getByTestId('count-E').textContent())?.match(/\d+/)?.[0]);

  it('opens the example workbook, shows grouped issues, selects a cell, and a fix lowers the count', async () => {
    const t0 = Date.now();
    await page.goto(`${pane.url}/taskpane.html?preview`);
    await page.getByTestId('open-file').waitFor({ state: 'attached' });
    console.log(`[e2e] navigation → interactive pane: ${Date.now() - t0} ms`);
    await page.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-dengan-kesalahan.xlsx'));
    await page.getByTestId('count-E').waitFor();
    const before = await errors();
    expect(before).toBeGreaterThan(10);
    await shot('1-validasi');
    await page.screenshot({ path: join(SHOTS, '1-validasi-top.png') });
    const issue = page.locator('[data-testid=issue][data-cell="Pohon Kinerja!D20"]');
    await issue.click();
    await expect.poll(() => page.getByTestId('editor-cell').textContent()).toBe('Pohon Kinerja!D20');
    await page.getByTestId('editor-value').fill('Meningkatnya pelayanan kesehatan rujukan');
    await page.getByTestId('editor-save').click();
    await expect.poll(errors, { timeout: 5000 }).toBeLessThan(before);
    await expect(page.locator('[data-testid=issue][data-cell="Pohon Kinerja!D20"]').count()).resolves.toBe(0);
    await shot('1b-after-fix');
    await page.getByTestId('tab-pohon').click();
    await page.getByTestId('tree-node').first().click();
    await page.getByTestId('box-details').waitFor();
    await page.getByTestId('toggle-diagram').click();
    await page.getByTestId('diagram').locator('svg').waitFor();
    await shot('2-pohon');
    await page.getByTestId('tab-buat').click();
    await page.getByTestId('gen-matriks').click();
    await page.getByTestId('gen-done').waitFor();
    await shot('4-buat');
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent()).toMatch(/galat|Perbaiki/i);
  });

  it('pushes a clean workbook, shows the version, the 409 dialog and the offline queue', async () => {
    await page.goto(`${pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-kabupaten-contoh.xlsx'));
    await page.getByTestId('count-E').waitFor();
    expect(await errors()).toBe(0);
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 10_000 }).toMatch(/versi 1\b/);
    await page.getByTestId('history-list').waitFor();
    await shot('3-kirim');

    // Someone else pushes version 2 on top of version 1.
    const tree = await page.evaluate(() => (globalThis as unknown as { __pokin: { state: { live: { snapshot: unknown } } } }).__pokin.state.live.snapshot);
    const tok = await (await fetch(`${api.url}/dev/token`, { method: 'POST', body: JSON.stringify({ role: 'perencana', pemda: '35.19', opd: '1.02.0.00.0.00.01.0000', sub: 'rekan-kerja' }) })).json() as { token: string };
    const other = await fetch(`${api.url}/v1/pemda/35.19/periode/2025-2029/opd/1.02.0.00.0.00.01.0000/tree`, {
      method: 'PUT', headers: { authorization: `Bearer ${tok.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: 1, submissionId: 'other-push-0001', tree }),
    });
    expect(other.status).toBe(201);
    await page.getByTestId('push').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').textContent()).toMatch(/Versi 2 dikirim oleh rekan-kerja/);
    await shot('3b-conflict');
    await page.getByRole('button', { name: /Kirim di atas versi 2/ }).click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 10_000 }).toMatch(/versi 3\b/);

    // The API goes down: the push is queued (pending), then lands when it is back.
    pane.apiDown = true;
    await page.getByTestId('push').click();
    await page.getByTestId('pending').waitFor();
    await shot('3c-pending');
    pane.apiDown = false;
    await page.getByTestId('pending').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => page.locator('text=/Versi dasar: 4/').count(), { timeout: 5000 }).toBeGreaterThan(0);

    // A colleague changes a statement and pushes version 5; our push meets the 409 and we pull theirs.
    const theirs = structuredClone(tree) as { tables: { name?: string; header: unknown[]; rows: unknown[][] }[] };
    const pohon = theirs.tables.find((t) => t.name === 'PohonKinerja')!;
    const col = pohon.header.indexOf('Pernyataan Kinerja');
    pohon.rows[0][col] = 'Meningkatnya derajat kesehatan masyarakat secara merata';
    const fifth = await fetch(`${api.url}/v1/pemda/35.19/periode/2025-2029/opd/1.02.0.00.0.00.01.0000/tree`, {
      method: 'PUT', headers: { authorization: `Bearer ${tok.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: 4, submissionId: 'other-push-0005', tree: theirs }),
    });
    expect(fifth.status).toBe(201);
    await page.getByTestId('push').click();
    await page.getByTestId('conflict').waitFor();
    await page.getByTestId('pull-conflict').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 10_000 }).toMatch(/Versi 5 ditarik/);
    await expect.poll(() => page.locator('text=/Versi dasar: 5/').count(), { timeout: 5000 }).toBeGreaterThan(0);
    const pulled = await page.evaluate(() => JSON.stringify((globalThis as unknown as { __pokin: { state: { live: { snapshot: unknown } } } }).__pokin.state.live.snapshot));
    expect(pulled).toContain('secara merata');
  });
});
