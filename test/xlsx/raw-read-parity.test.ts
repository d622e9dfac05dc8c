/**
 * `pokin import` reads sheets straight from the package (xlsx/raw-read.ts); the pane's preview
 * and `validate --final` read an ExcelJS worksheet already in memory (xlsx/extract.ts
 * `rawSheet`). Both must hand adoption the same sheets, for every workbook we ship or build a
 * fixture from, and for the same workbooks saved by LibreOffice Calc (another writer: its own
 * shared strings, styles, `t="n"` attributes, formulas with cached values).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawSheet } from '../../core/adopt/types.js';
import { rawSheet } from '../../xlsx/extract.js';
import { loadWorkbook, packageReportOf } from '../../xlsx/open.js';
import { readRawSheets } from '../../xlsx/sheet.js';
import { FIXTURES } from '../fixtures/adopt/build.js';
import { tempDir } from '../cli/fixtures.js';
import { parseCell } from '../../xlsx/package-scan.js';

const position = (cell: string) => parseCell(cell) as { row: number; col: number };

const EXAMPLES = join(import.meta.dirname, '../../examples');
const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => join(dir, f));
const SOURCES = [...files(FIXTURES), ...files(EXAMPLES)];

/** The ExcelJS reading, as the preview pane does it (merges as the package guard read them). */
async function viaExcelJS(file: string): Promise<RawSheet[]> {
  const wb = await loadWorkbook(readFileSync(file), file, { merges: 'report' });
  const report = packageReportOf(wb);
  return wb.worksheets.map((ws) => rawSheet(ws, report?.sheets.get(ws.name)?.merges ?? []));
}

/**
 * The one thing ExcelJS 4.4 cannot see: a formula whose cached result is the empty string
 * (`<c t="str"><f>…</f><v></v></c>`, as Excel and Calc write `=IF(…;"";…)`) has no text node,
 * so ExcelJS reads it as never calculated. The package reader returns "" (ECMA-376 Part 1
 * §18.3.1.96: the cell's cached value). Mapped back here so everything else compares exactly.
 */
function asExcelJSSeesIt(sheet: RawSheet): RawSheet {
  const blank = (sheet.formulas ?? []).filter((f) => {
    const { row, col } = position(f.cell);
    return sheet.values[row - 1]?.[col - 1] === '';
  });
  if (blank.length === 0) return sheet;
  const cells = new Set(blank.map((f) => f.cell));
  const values = sheet.values.map((row) => [...row]);
  for (const f of blank) {
    const { row, col } = position(f.cell);
    values[row - 1][col - 1] = null;
  }
  while (values.length && values[values.length - 1].every((v) => v === null)) values.pop();
  const order = (x: { cell: string }) => position(x.cell).row * 20000 + position(x.cell).col;
  const formulas = (sheet.formulas ?? []).filter((f) => !cells.has(f.cell));
  const uncachedFormulas = [...(sheet.uncachedFormulas ?? []), ...blank].sort((a, b) => order(a) - order(b));
  const out: RawSheet = { ...sheet, values, uncachedFormulas };
  if (formulas.length) out.formulas = formulas; else delete out.formulas;
  return out;
}

async function expectSameSheets(file: string): Promise<void> {
  const fromPackage = await readRawSheets(file);
  const fromExcelJS = await viaExcelJS(file);
  expect(fromPackage.map((s) => s.name), file).toEqual(fromExcelJS.map((s) => s.name));
  fromPackage.forEach((s, i) => expect(asExcelJSSeesIt(s), `${file} › ${s.name}`).toEqual(fromExcelJS[i]));
}

describe('the package reader of pokin import and the ExcelJS reader of the preview', () => {
  it('read every fixture and example workbook into the same raw sheets', async () => {
    expect(SOURCES.length).toBeGreaterThan(20);
    for (const file of SOURCES) await expectSameSheets(file);
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE && process.env.CI === 'true') throw new Error('LibreOffice Calc (soffice) is required in CI: .ci/run installs libreoffice-calc');

describe.skipIf(!SOFFICE)('the same workbooks saved by LibreOffice Calc', () => {
  const tmp = tempDir('calc-parity');
  afterAll(() => tmp.cleanup());

  it('read into the same raw sheets by both readers', async () => {
    execFileSync(SOFFICE as string, [
      `-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', tmp.path('calc'), ...SOURCES,
    ], { stdio: 'ignore', timeout: 240_000 });
    const saved = files(tmp.path('calc'));
    expect(saved.length).toBe(SOURCES.length);
    for (const file of saved) await expectSameSheets(file);
  }, 300_000);
});
