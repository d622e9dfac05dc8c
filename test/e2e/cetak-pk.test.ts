/**
 * Journey: a planner prints the PK from the pane (Chromium, preview mode, 320 px). The tree
 * still has errors: the pane refuses the PK and says how many, the same count `pokin validate
 * --final` gives (core pkGate over the same Final validation with the reference list); ticking
 * DRAF on F4 paper makes the PKs, every page stamped DRAF, on Folio (paper size 14) in the
 * downloaded workbook. The Matriks on A3 for one year. Screenshots in test/e2e/output/cetak-pk/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';
import { inflateRawSync } from 'node:zlib';
import { entryData, zipEntries } from '../../xlsx/zip.js';

const chromium = requireChromium('cetak-pk');

describe.skipIf(!chromium)('Cetak: PK gate and paper in Chromium at 320 px', () => {
  let j: Journey;
  beforeAll(async () => { j = await startJourney('cetak-pk', chromium!); }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  it('refuses the PK of a tree with errors as pokin export does, makes it as DRAF on F4, and the Matriks on A3', async () => {
    const file = 'examples/dinkes-dengan-kesalahan.xlsx';
    const out: string[] = [];
    await main(['validate', file, '--final', '--json'], { out: (s) => out.push(s), err: () => undefined });
    const cliErrors = (JSON.parse(out.join('\n')) as { summary: { errors: number } }).summary.errors;
    expect(cliErrors).toBeGreaterThan(0);
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.getByTestId('open-file').waitFor({ state: 'attached' });
    await page.setInputFiles('[data-testid=open-file]', resolve(file));
    await page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-buat').click();
    await page.getByTestId('gen-pk').click();
    const refused = page.getByTestId('pk-refused');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.textContent()).toContain(`pohon memuat ${cliErrors} Error`);
    expect(await page.getByTestId('gen-done').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await refused.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await j.shot('1-pk-refused', false);

    await page.getByTestId('pk-paper').selectOption('F4');
    await page.getByTestId('pk-draf').check();
    await page.getByTestId('gen-pk').click();
    await page.getByTestId('gen-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('gen-done').textContent()).toMatch(/PK 20\d\d /);
    expect(await page.getByTestId('pk-draf-done').textContent()).toMatch(/DRAF/);
    await page.getByTestId('gen-done').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await j.shot('2-pk-draf', false);

    await page.getByTestId('mx-year').selectOption({ index: 1 });
    await page.getByTestId('mx-paper').selectOption('A3');
    await page.getByTestId('gen-matriks').click();
    await page.getByTestId('gen-done').filter({ hasText: 'Matriks Cascading' }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await j.shot('3-matriks-a3', false);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = resolve(j.shots, 'unduhan.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ExcelJS.Buffer);
    const pks = wb.worksheets.filter((w) => /^PK \d{4} /.test(w.name));
    expect(pks.length).toBeGreaterThan(0);
    for (const w of pks) {
      expect(w.pageSetup.paperSize).toBe(14);
      expect(w.headerFooter.oddHeader ?? '').toMatch(/DRAF/);
    }
    expect(wb.getWorksheet('Matriks Cascading')!.pageSetup.paperSize).toBe(8);
    // The PK's page breaks survive the download (ExcelJS cannot read <rowBreaks> back: the
    // package is read with Pokin's own zip reader).
    const bytes = readFileSync(saved);
    const withBreaks = zipEntries(bytes, 10_000).entries
      .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
      .filter((e) => { const d = entryData(bytes, e); return (e.method === 8 ? inflateRawSync(d) : Buffer.from(d)).toString('utf8').includes('<rowBreaks'); });
    expect(withBreaks.length).toBeGreaterThanOrEqual(pks.length);
  });
});
