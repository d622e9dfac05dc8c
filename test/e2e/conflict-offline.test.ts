/**
 * Journeys of a push that does not simply land (preview mode, Chromium, 320 px, local API):
 * - conflict: push → a colleague pushes → our push meets the 409 dialog → "Tarik versi"
 *   asks first, pulls, and keeps the local edits on "(asal)" sheets → push on top;
 * - offline: the API is down, the push is queued (said in words) → the page reloads (the
 *   sign-in and the queue come back, the preview work is offered back) → the API returns
 *   and the push lands, said in a notice;
 * - offline, failing: a queued push meets a newer version when it is retried → the same
 *   conflict dialog as a direct push, never a silent disappearance.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('conflict-offline');
const OPD = '1.02.0.00.0.00.01.0000';
const TREE_URL = `/v1/pemda/35.19/periode/2025-2029/opd/${OPD}/tree`;

type Pane = { __pokin: { state: { live: { snapshot: WorkbookSnapshot } }; port: { listSheets(): Promise<{ sheets: string[] }>; getCell(s: string, c: string): Promise<unknown> } } };
const snapshot = (page: Page) => page.evaluate(() => (globalThis as unknown as Pane).__pokin.state.live.snapshot);

describe.skipIf(!chromium)('journeys: conflict and offline', () => {
  let j: Journey;
  let colleague: string;
  beforeAll(async () => {
    j = await startJourney('conflict-offline', chromium!);
    const r = await fetch(`${j.api.url}/dev/token`, { method: 'POST', body: JSON.stringify({ role: 'perencana', pemda: '35.19', opd: OPD, sub: 'rekan-kerja' }) });
    colleague = ((await r.json()) as { token: string }).token;
  }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  /** A colleague pushes `tree` on top of `base` (their own copy of the workbook). */
  const theyPush = async (tree: WorkbookSnapshot, base: number, statement?: string) => {
    const theirs = structuredClone(tree);
    if (statement) {
      const pohon = theirs.tables.find((t) => t.name === 'PohonKinerja')!;
      pohon.rows[0][pohon.header.indexOf('Pernyataan Kinerja')] = statement;
    }
    const res = await fetch(`${j.api.url}${TREE_URL}`, {
      method: 'PUT', headers: { authorization: `Bearer ${colleague}`, 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: base, submissionId: `rekan-${base}-${Date.now()}`, tree: theirs }),
    });
    expect(res.status).toBe(201);
  };

  const base = (page: Page) => page.locator('text=/Versi dasar: \\d+/').textContent();

  it('conflict: 409 → pull keeps the local edits as "(asal)" → push on top', async () => {
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-kabupaten-contoh.xlsx'));
    await page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 20_000 });
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/versi 1\b/);

    await theyPush(await snapshot(page), 1, 'Meningkatnya derajat kesehatan masyarakat secara merata');
    // Our local edit, not yet sent.
    await page.getByTestId('editor-sheet').selectOption('Pohon Kinerja');
    await page.getByTestId('editor-address').fill('D3');
    await page.getByTestId('editor-value').fill('Suntingan lokal: akses layanan kesehatan merata');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('push').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').textContent()).toMatch(/Versi 2 dikirim oleh rekan-kerja/);
    await j.shot('1-conflict', false);
    await page.getByTestId('pull-conflict').click();
    // Asked first, saying where the current tables go.
    await page.getByTestId('confirm').waitFor();
    expect(await page.getByTestId('confirm').textContent()).toMatch(/Tarik versi 2 dari server\?.*\(asal\)/);
    await j.shot('2-pull-confirm', false);
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 10_000 }).toMatch(/Versi 2 ditarik ke buku kerja\. Tabel Anda sebelumnya disimpan di lembar: .*"Pohon Kinerja \(asal\)"/);
    await expect.poll(() => base(page)).toMatch(/Versi dasar: 2/);
    await j.shot('3-pulled', false);
    // The local edit is there, on the kept sheet; the pulled version is in the tables.
    const kept = await page.evaluate(() => (globalThis as unknown as Pane).__pokin.port.getCell('Pohon Kinerja (asal)', 'D3'));
    expect(kept).toBe('Suntingan lokal: akses layanan kesehatan merata');
    expect(JSON.stringify(await snapshot(page))).toContain('secara merata');
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/versi 3\b/);
  });

  it('offline: queued → reload (sign-in and queue kept) → lands when the API is back', async () => {
    let page = j.page;
    j.pane.apiDown = true;
    await page.getByTestId('push').click();
    await page.getByTestId('pending').waitFor();
    const pending = await page.getByTestId('pending').textContent();
    expect(pending).toMatch(/Belum terkirim, dicoba ulang otomatis: .*server tidak tersedia/);
    expect(pending).not.toMatch(/HTTP|NETWORK|_5\d\d/);
    await j.shot('4-pending', false);
    // Let the queue and the work be stored, then reload the pane while the API is still down.
    await page.waitForTimeout(1800);
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    page = j.page;
    await page.getByTestId('restore').waitFor();
    expect(await page.getByTestId('restore').textContent()).toMatch(/dinkes-kabupaten-contoh\.xlsx/);
    await j.shot('5-after-reload', false);
    await page.getByTestId('restore-yes').click();
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('pending').waitFor();
    j.pane.apiDown = false;
    await page.getByTestId('retry-queue').click();
    await page.getByTestId('notice').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('notice').textContent()).toMatch(/Kiriman tertunda sudah sampai: versi 4\b/);
    await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
    await j.shot('6-landed', false);
  });

  it('offline, failing: a queued push refused on retry shows the conflict dialog', async () => {
    const page = j.page;
    j.pane.apiDown = true;
    await page.getByTestId('push').click();
    await page.getByTestId('pending').waitFor();
    // Meanwhile a colleague pushes version 5.
    await theyPush(await snapshot(page), 4);
    j.pane.apiDown = false;
    await page.getByTestId('retry-queue').click();
    await page.getByTestId('conflict').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('conflict').textContent()).toMatch(/Kiriman tertunda ditolak: versi di server sudah berubah\..*Versi 5 dikirim oleh rekan-kerja/);
    await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
    await j.shot('7-queued-conflict', false);
    await page.getByTestId('push-over').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/versi 6\b/);
  });
});
