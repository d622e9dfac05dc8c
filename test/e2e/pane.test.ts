/**
 * The pane end to end in Debian Chromium (playwright-core), preview mode, 320 px: open the
 * example workbook with mistakes, read the issues (each rule with its title and how to fix
 * it), click one far down the list (the cell editor is in view, not at the top), fix it and
 * see the count drop; the Pohon tab shows a box's details right under it with its own issues
 * and a legend, and a diagram at readable size; regenerating a sheet asks first; the
 * download keeps the dropdowns. Screenshots in test/e2e/output/pane/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('pane');

describe.skipIf(!chromium)('task pane in Chromium (preview mode)', () => {
  let j: Journey;
  beforeAll(async () => { j = await startJourney('pane', chromium!); }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  const errors = async () => Number((await j.page.getByTestId('count-E').textContent())?.match(/\d+/)?.[0]);

  it('opens the example workbook, explains each rule, keeps the editor in view, and a fix lowers the count', async () => {
    const page = j.page;
    const t0 = Date.now();
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.getByTestId('open-file').waitFor({ state: 'attached' });
    console.log(`[e2e] navigation → interactive pane: ${Date.now() - t0} ms`);
    await page.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-dengan-kesalahan.xlsx'));
    await page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 20_000 });
    const before = await errors();
    expect(before).toBeGreaterThan(10);
    // Terms: Error / Peringatan / Info, never "Galat"; every rule group has a title and a fix.
    expect(await page.getByTestId('counts').textContent()).toMatch(/\d+ Error.*\d+ Peringatan.*\d+ Info/);
    expect(await page.locator('body').textContent()).not.toMatch(/Galat/);
    const groups = page.locator('[data-testid=rule-group]');
    expect(await groups.count()).toBeGreaterThan(5);
    for (const g of await groups.all()) expect(await g.locator('summary').textContent()).toMatch(/^[A-Z]\d{2} \S.+/);
    await j.shot('1-validasi');
    // An issue far down the list: the editor opens at the bottom of the viewport, in view.
    const issue = page.locator('[data-testid=issue][data-cell="Pohon Kinerja!D20"]');
    await issue.scrollIntoViewIfNeeded();
    await issue.click();
    await expect.poll(() => page.getByTestId('editor-cell').textContent()).toBe('Pohon Kinerja!D20');
    // The column is named beside the address: nobody must know D is Pernyataan Kinerja.
    expect(await page.getByTestId('editor-column').textContent()).toBe(' · Pernyataan Kinerja');
    const box = await page.getByTestId('cell-editor').boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1);
    await j.shot('1a-editor-in-view', false);
    await page.getByTestId('editor-value').fill('Meningkatnya pelayanan kesehatan rujukan');
    await page.getByTestId('editor-save').click();
    await expect.poll(errors, { timeout: 5000 }).toBeLessThan(before);
    await expect(page.locator('[data-testid=issue][data-cell="Pohon Kinerja!D20"]').count()).resolves.toBe(0);

    await page.getByTestId('tab-pohon').click();
    await page.getByTestId('legend').waitFor();
    expect(await page.getByTestId('legend').textContent()).toMatch(/Error.*Peringatan.*Info/);
    await page.getByRole('button', { name: 'Buka semua' }).click();
    await page.getByTestId('tree-node').filter({ hasText: 'S3.2.1' }).click();
    const details = page.getByTestId('box-details');
    await details.waitFor();
    expect(await details.textContent()).toMatch(/Masalah pada kotak ini/);
    expect(await page.getByTestId('box-issues').textContent()).toMatch(/S3\.2\.1|[A-Z]\d{2} · /);
    // Right under the box clicked, in view.
    const d = await details.boundingBox();
    expect(d!.y).toBeLessThan(viewport.height);
    await j.shot('2-pohon-details', false);
    await page.getByTestId('toggle-diagram').click();
    await page.getByTestId('diagram').locator('svg').waitFor();
    await page.getByTestId('diagram').scrollIntoViewIfNeeded();
    // Readable text: the statement lines at 10.5 px are drawn at least 10 px high.
    const h = await page.getByTestId('diagram').locator('svg text').nth(1).evaluate((el) => el.getBoundingClientRect().height);
    expect(h).toBeGreaterThanOrEqual(10);
    await j.shot('2b-diagram', false);

    await page.getByTestId('tab-buat').click();
    await page.getByTestId('gen-matriks').click();
    await page.getByTestId('gen-done').waitFor();
    await page.getByTestId('gen-matriks').click();
    await page.getByTestId('confirm').waitFor();
    expect(await page.getByTestId('confirm').textContent()).toMatch(/"Matriks Cascading"/);
    await j.shot('3-regenerate-confirm', false);
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('gen-done').waitFor();

    // The download keeps the dropdowns and the conditional formats.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const file = resolve(j.shots, 'unduhan.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Pohon Kinerja')!;
    expect((ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model.C2?.type).toBe('list');
    expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(0);
    expect(ws.getCell('D20').value).toBe('Meningkatnya pelayanan kesehatan rujukan');
    expect(wb.getWorksheet('Matriks Cascading')).toBeTruthy();
  });
});
