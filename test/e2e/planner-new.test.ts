/**
 * Journey: a planner starts a new workbook in the pane (preview mode, Chromium, 320 px, the
 * local API). The template form refuses empty fields and shows the formats; the tables come;
 * the planner types the first rows in the cell editor and the issue list follows live (with
 * each rule's title and how to fix it); a wrong value is fixed; "siap dikirim" appears;
 * they sign in and push, and the history shows version 1. The language choice is remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('planner-new');

async function typeCell(page: Page, sheet: string, cell: string, value: string | number): Promise<void> {
  await page.getByTestId('editor-sheet').selectOption(sheet);
  await page.getByTestId('editor-address').fill(cell);
  await page.getByTestId('editor-value').fill(String(value));
  await page.getByTestId('editor-save').click();
}

const count = async (page: Page, sev: 'E' | 'W') => Number((await page.getByTestId(`count-${sev}`).textContent())?.match(/\d+/)?.[0]);

describe.skipIf(!chromium)('journey: planner, new workbook', () => {
  let j: Journey;
  beforeAll(async () => { j = await startJourney('planner-new', chromium!); }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  it('template form → type → live list with help → fix → siap dikirim → push', async () => {
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.getByTestId('first-create').click();
    await page.getByTestId('tpl-create').click();
    // Empty fields are refused, each with its format.
    await page.getByText('Periksa isian yang ditandai.').waitFor();
    expect(await page.getByText('Wajib diisi.').count()).toBeGreaterThanOrEqual(4);
    await page.getByTestId('tpl-kodePemda').fill('3519');
    await page.getByTestId('tpl-create').click();
    await page.getByText('Bentuk kode pemda: 35 atau 35.19.').waitFor();
    await j.shot('1-template-form-errors');
    await page.getByTestId('tpl-pemda').fill('Kabupaten Contoh');
    await page.getByTestId('tpl-kodePemda').fill('35.19');
    await page.getByTestId('tpl-kodeOpd').fill('1.02.0.00.0.00.01.0000');
    await page.getByTestId('tpl-namaOpd').fill('Dinas Kesehatan');
    await page.getByTestId('tpl-create').click();
    await page.getByTestId('tab-validasi').waitFor();
    await j.shot('2-template-created');

    // The planner types the first rows (Jabatan, one box, its indicator).
    const rows: [string, string, string | number][] = [
      ['Jabatan', 'A2', 'KADIS'], ['Jabatan', 'B2', 'Kepala Dinas Kesehatan'], ['Jabatan', 'C2', 'JPT Pratama'], ['Jabatan', 'F2', 'dr. Siti Rahmawati'],
      ['Pohon Kinerja', 'A2', 'T1'], ['Pohon Kinerja', 'C2', 'Tujuan'], ['Pohon Kinerja', 'D2', 'Meningkatnya derajat kesehatan masyarakat'],
      ['Pohon Kinerja', 'G2', 'KADIS'], ['Pohon Kinerja', 'H2', 'Tanpa Induk Pemda'],
      ['Indikator', 'A2', 'T1'], ['Indikator', 'B2', 'Angka Harapan Hidup'], ['Indikator', 'C2', 'Tahun'],
      ['Indikator', 'D2', 'Naik'], ['Indikator', 'E2', 'Nilai Akhir'], ['Indikator', 'F2', 'Ya'],
      ['Indikator', 'G2', 'Perkiraan rata-rata lama hidup penduduk sejak lahir'], ['Indikator', 'H2', 'Metode tabel kematian BPS'], ['Indikator', 'I2', 'BPS Kabupaten'],
      ['Indikator', 'J2', 72], ['Indikator', 'K2', 72.3], ['Indikator', 'L2', 72.6], ['Indikator', 'M2', 72.9], ['Indikator', 'N2', 73.2], ['Indikator', 'O2', 73.5], ['Indikator', 'P2', 73.5],
    ];
    await typeCell(page, 'Pohon Kinerja', 'A2', 'T1');
    await expect.poll(() => page.locator('[data-testid=issue][data-rule=K01]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await j.shot('3-typing-live-list', false);
    for (const [sheet, cell, v] of rows) await typeCell(page, sheet, cell, v);
    // "Naik" is not a Polaritas: K05, with its title and how to fix it.
    await expect.poll(() => page.locator('[data-testid=issue][data-rule=K05]').count(), { timeout: 10_000 }).toBe(1);
    const k05 = page.locator('[data-testid=rule-group][data-rule=K05]');
    expect(await k05.locator('summary').textContent()).toMatch(/K05.*Polaritas\/Akumulasi kosong atau tidak dikenal/);
    expect(await k05.getByTestId('rule-fix').textContent()).toMatch(/Cara memperbaiki: Pilih dari daftar: Polaritas Positif/);
    await page.locator('[data-testid=issue][data-rule=K05]').click();
    await expect.poll(() => page.getByTestId('editor-cell').textContent()).toBe('Indikator!D2');
    await j.shot('4-error-with-help', false);
    await page.getByTestId('editor-value').fill('Positif');
    await page.getByTestId('editor-save').click();
    await expect.poll(() => count(page, 'E'), { timeout: 10_000 }).toBe(0);
    await page.locator('[data-testid=ready][data-ready=true]').waitFor();
    expect(await page.getByTestId('ready').textContent()).toMatch(/Siap dikirim: tidak ada Error/);
    await j.shot('5-siap-dikirim');

    await page.getByTestId('go-push').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/Terkirim: versi 1\b/);
    // Five tabs at 320 px (Reviu appears once signed in): every one visible, nothing scrolls sideways.
    await page.getByTestId('tab-reviu').waitFor();
    for (const tab of ['validasi', 'pohon', 'kirim', 'buat', 'reviu']) {
      const b = (await page.getByTestId(`tab-${tab}`).boundingBox())!;
      expect(b.x + b.width, tab).toBeLessThanOrEqual(320);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByTestId('history-list').waitFor();
    expect(await page.getByTestId('history-list').textContent()).toMatch(/v1 · .* · Diajukan/);
    await j.shot('6-pushed');

    // English, and remembered after a reload.
    await page.getByTestId('lang').click();
    await page.reload();
    await page.getByTestId('lang').waitFor();
    expect(await page.getByTestId('lang').textContent()).toBe('Bahasa Indonesia');
  });
});
