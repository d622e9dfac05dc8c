/**
 * The package guard in a real browser (Debian Chromium, headless), as the preview pane runs it:
 * bundled for the browser (a Node API in it would fail the build), then given a hostile file
 * and a real workbook in the page; and the package reader of `pokin import` (xlsx/raw-read.ts),
 * which the same bundle must run. Skips where Chromium is missing (outside CI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../e2e/harness.js';
import { HOSTILE } from '../helpers/hostile.js';
import { FIXTURES } from '../fixtures/adopt/build.js';
import { readRawSheets } from '../../xlsx/sheet.js';

const executablePath = findChromium();
if (!executablePath && process.env.CI) throw new Error('Chromium is required in CI');

describe.skipIf(!executablePath)('the package guard in Chromium', () => {
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    const out = await build({
      stdin: { contents: "export { checkPackage } from './xlsx/guard.ts'; export { readPackageSheets } from './xlsx/raw-read.ts';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true, platform: 'browser', format: 'iife', globalName: 'PokinGuard', write: false, logLevel: 'silent',
    });
    code = out.outputFiles[0].text;
    browser = await chromium.launch({ executablePath: executablePath as string, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  it('refuses a hostile file and accepts a real workbook, with the same messages as in Node', async () => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    const check = (b64: string) => page.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const g = (globalThis as unknown as { PokinGuard: { checkPackage(b: Uint8Array): Promise<{ sheets: Map<string, unknown> }> } }).PokinGuard;
      try {
        const r = await g.checkPackage(bytes);
        return { ok: true, sheets: [...r.sheets.keys()] };
      } catch (e) {
        return { ok: false, message: (e as { bilingual?: { id: string } }).bilingual?.id ?? String(e) };
      }
    }, b64);
    const bomb = await (HOSTILE.find((h) => h.name === 'overlapping-entries-bomb') as (typeof HOSTILE)[number]).build();
    expect(await check(bomb.toString('base64'))).toEqual({ ok: false, message: expect.stringMatching(/bom zip.*batas Pokin 300 MB/) });
    const merge = await (HOSTILE.find((h) => h.name === 'merge-whole-sheet') as (typeof HOSTILE)[number]).build();
    expect(await check(merge.toString('base64'))).toMatchObject({ ok: false, message: expect.stringMatching(/'Data'!A1:XFD1048576/) });
    const real = await check(readFileSync('examples/dinkes-kabupaten-contoh.xlsx').toString('base64'));
    expect(real).toMatchObject({ ok: true, sheets: expect.arrayContaining(['Pohon Kinerja', 'Indikator']) });
  }, 60_000);

  it('reads a matrix into the same raw sheets as pokin import does in Node', async () => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    const file = join(FIXTURES, 'renstra-kotor.xlsx');
    const inBrowser = await page.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const g = (globalThis as unknown as { PokinGuard: { readPackageSheets(b: Uint8Array): Promise<unknown> } }).PokinGuard;
      return g.readPackageSheets(bytes);
    }, readFileSync(file).toString('base64'));
    expect(inBrowser).toEqual(await readRawSheets(file));
  }, 60_000);
});
