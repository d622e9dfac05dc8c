/**
 * The generated sheets on paper, through a real spreadsheet engine: LibreOffice Calc
 * (headless) prints the workbook Pokin writes to PDF, and poppler reads the PDF back.
 *
 * "Nothing clipped" is checked on what is VISIBLE: Calc writes a cell's whole text into the
 * PDF even when the row is too short and a clip path hides the overflow, so `pdftotext` on
 * Calc's PDF would find every word anyway. `pdftocairo -pdf` re-renders the page and drops
 * the glyphs that fall outside their clip, so its text is what a reader sees. A control
 * (the same PKs without computed row heights) shows the check fails when words are hidden.
 *
 * Calibri is printed with Carlito, its metric-compatible twin (fonts-crosextra-carlito,
 * installed by .ci/run): without it Calc falls back to a wider face than Excel uses.
 * Skipped with a message when Calc, poppler or Carlito is missing, except in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../cli/commands/export.js';
import { deriveSheets, pkSheets, type SheetSpec } from '../../core/derive/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { validateTree } from '../../core/validate.js';
import { dinkesWorkbook } from '../../examples/src/dinkes.js';
import { dinkesSalah } from '../../examples/src/dinkes-salah.js';
import { toSnapshot } from '../../examples/src/workbook.js';
import { renderSheets } from '../../xlsx/render.js';
import { writeCanonicalWorkbook } from '../../xlsx/write.js';
import { tempDir } from '../cli/fixtures.js';

const has = (cmd: string) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const POPPLER = has('pdftotext') && has('pdftocairo') && has('pdfinfo');
const CARLITO = has('fc-list') && execFileSync('fc-list', [':family=Carlito'], { encoding: 'utf8' }).trim() !== '';
const READY = !!SOFFICE && POPPLER && CARLITO;
if (!READY && process.env.CI === 'true') throw new Error('LibreOffice Calc, poppler-utils and fonts-crosextra-carlito are required in CI (.ci/run installs them)');
if (!READY) console.warn('LibreOffice Calc, poppler-utils or the Carlito font missing: skipping the print checks');

const tmp = tempDir('print');
afterAll(() => tmp.cleanup());

/** Calc prints `file` to PDF (one PDF for every sheet, in order). */
function toPdf(file: string): string {
  execFileSync(SOFFICE as string, [`-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp.dir, file], {
    stdio: 'ignore', timeout: 180_000, env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  return file.replace(/\.xlsx$/, '.pdf');
}
/** The text a reader sees: glyphs hidden by a clip are gone after cairo re-renders the pages. */
function visibleText(pdf: string): string {
  const seen = pdf.replace(/\.pdf$/, '-visible.pdf');
  execFileSync('pdftocairo', ['-pdf', pdf, seen]);
  return execFileSync('pdftotext', [seen, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
function pages(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, -1);
}
function pageSizes(pdf: string): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page +\d+ size: +([\d.]+ x [\d.]+)/g)].map((m) => m[1]);
}
/** Word heights in points (`pdftotext -bbox`), per page. */
function wordHeights(pdf: string): number[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html.split('<page ').slice(1).map((p) => [...p.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => Number(m[2]) - Number(m[1])));
}

const SPLIT = /[\s/\-–—]+/;
/** Every word of every cell as Calc shows it (numbers in the en-US format of their style). */
function cellWords(specs: SheetSpec[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of specs) {
    for (const c of s.cells) {
      if (c.value === null || c.value === '') continue;
      let text = String(c.value);
      if (typeof c.value === 'number') {
        const fmt = c.style ? s.styles[c.style]?.numFmt : undefined;
        const d = fmt ? (fmt.split('.')[1] ?? '').length : 0;
        text = c.value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
      }
      for (const w of text.split(SPLIT)) if (w) out.set(w, (out.get(w) ?? 0) + 1);
    }
  }
  return out;
}
/** Words of the cells that the text shows fewer times than the cells hold them. */
function missingWords(specs: SheetSpec[], text: string): string[] {
  const got = new Map<string, number>();
  for (const w of text.split(SPLIT)) if (w) got.set(w, (got.get(w) ?? 0) + 1);
  return [...cellWords(specs)].filter(([w, n]) => (got.get(w) ?? 0) < n).map(([w, n]) => `${w} (${got.get(w) ?? 0}/${n})`);
}
async function write(specs: SheetSpec[], name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  renderSheets(wb, specs);
  const file = tmp.path(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe.skipIf(!READY)('the example on paper (LibreOffice Calc → PDF)', () => {
  const snapshot = toSnapshot(dinkesWorkbook());
  const read = readWorkbook(snapshot);
  const { tree, issues } = validateTree(read.tree, read.issues, { final: true });
  let pkPdf = '';
  let pks: SheetSpec[] = [];

  beforeAll(async () => {
    pks = pkSheets(tree, 2026);
    pkPdf = toPdf(await write(pks, 'pk.xlsx'));
  }, 180_000);

  it('every word of every cell of every PK is visible: nothing clipped', () => {
    expect(pks).toHaveLength(13);
    expect(missingWords(pks, visibleText(pkPdf))).toEqual([]);
  }, 60_000);

  it('the same PKs without computed row heights lose words (the check can fail)', async () => {
    const bare = pks.map((s) => ({ ...s, rowHeights: {} }));
    expect(missingWords(bare, visibleText(toPdf(await write(bare, 'pk-bare.xlsx')))).length).toBeGreaterThan(5);
  }, 180_000);

  it('a PK prints at 100 % on A4: the statement page, then the lampiran on its own page', () => {
    const text = pages(pkPdf);
    expect(text).toHaveLength(26);
    expect(pageSizes(pkPdf).every((s) => s === '595.304 x 841.89')).toBe(true);
    expect(text[0]).toContain('PERJANJIAN KINERJA TAHUN 2026');
    expect(text[1]).toContain('LAMPIRAN PERJANJIAN KINERJA TAHUN 2026');
    // Body text is Calibri 11 at 100 %: the most common word height is 11 pt × Carlito's 1.2285 em box.
    const heights = wordHeights(pkPdf)[1].map((h) => Math.round(h * 100) / 100);
    const mode = [...new Set(heights)].sort((a, b) => heights.filter((h) => h === b).length - heights.filter((h) => h === a).length)[0];
    expect(mode / 11).toBeCloseTo(1.2285, 2);
  });

  it('the Matriks for one year on A3 landscape prints no text smaller than 7 pt, header row on every page', async () => {
    const [m] = deriveSheets(tree, issues, { sheets: ['matriks'], tahun: 2026, matriks: { kertas: 'A3' } });
    const pdf = toPdf(await write([m], 'matriks-a3.xlsx'));
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((s) => s === '1190.55 x 841.89')).toBe(true);
    const smallest = Math.min(...wordHeights(pdf).flat()) / 1.2285;
    expect(smallest).toBeGreaterThanOrEqual(7);
    for (const p of pages(pdf)) expect(p).toContain('Penanggung');
    expect(missingWords([m], visibleText(pdf))).toEqual([]);
  }, 180_000);

  it('the level table and the Validasi sheet (long messages) show every word too', async () => {
    const faulty = readWorkbook(toSnapshot(dinkesSalah().workbook));
    const checked = validateTree(faulty.tree, faulty.issues, { final: true });
    const specs = deriveSheets(checked.tree, checked.issues, { sheets: ['level', 'validasi'] });
    expect(specs.map((s) => s.name)).toEqual(['Tabel Level', 'Validasi']);
    expect(missingWords(specs, visibleText(toPdf(await write(specs, 'level-validasi.xlsx'))))).toEqual([]);
  }, 180_000);

  it('a draft PK on F4 (215 × 330 mm) carries DRAF on every page', async () => {
    const [pk] = pkSheets(tree, 2026, { draf: true, kertas: 'F4' }).filter((s) => s.name === 'PK 2026 KASI-YANKES');
    const pdf = toPdf(await write([pk], 'draf-f4.xlsx'));
    expect(pageSizes(pdf).every((s) => s === '612 x 936')).toBe(true);
    const text = pages(pdf);
    expect(text.length).toBeGreaterThanOrEqual(2);
    for (const p of text) expect(p).toContain('DRAF');
  }, 180_000);

  it('an earlier PK kept by `export --perubahan` still starts its lampiran on a new page', async () => {
    const canonical = tmp.path('dinkes.xlsx');
    await writeCanonicalWorkbook(canonical, snapshot, tree.config);
    const io = { out: () => {}, err: () => {} };
    const first = tmp.path('pk1.xlsx');
    const second = tmp.path('pk2.xlsx');
    expect(await runExport([canonical, '--out', first, '--sheets', 'pk', '--tahun', '2026', '--jabatan', 'KASI-KESGA'], io)).toBe(0);
    expect(await runExport([first, '--out', second, '--sheets', 'pk', '--tahun', '2026', '--jabatan', 'KASI-KESGA', '--perubahan', '--tanggal', '1 Oktober 2026', '--alasan', 'DPPA 2026'], io)).toBe(0);
    const text = pages(toPdf(second));
    const at = (re: RegExp) => text.findIndex((p) => re.test(p));
    const pk = at(/^\s*PERJANJIAN KINERJA TAHUN 2026/m);
    const pkp = at(/PERJANJIAN KINERJA PERUBAHAN TAHUN 2026/);
    expect(pk).toBeGreaterThanOrEqual(0);
    expect(pkp).toBeGreaterThan(pk);
    expect(text[pk]).not.toContain('LAMPIRAN');
    expect(text[pk + 1]).toContain('LAMPIRAN PERJANJIAN KINERJA TAHUN 2026');
    expect(readFileSync(second).length).toBeGreaterThan(0);
  }, 180_000);
});

