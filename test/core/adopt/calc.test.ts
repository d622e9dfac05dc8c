/**
 * Planners also keep their matrices in LibreOffice Calc: a matrix saved by Calc (its own
 * shared strings, styles, merge and hidden-row records, formulas kept without recalculation)
 * adopts exactly like the file Pokin's fixture script wrote. Skipped with a message when Calc
 * is missing, except in CI, which installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { AdoptReport } from '../../../core/adopt/types.js';
import { readRawSheets } from '../../../xlsx/sheet.js';
import { FIXTURES } from '../../fixtures/adopt/build.js';
import { tempDir } from '../../cli/fixtures.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE && process.env.CI === 'true') throw new Error('LibreOffice Calc (soffice) is required in CI: .ci/run installs libreoffice-calc');
if (!SOFFICE) console.warn('LibreOffice Calc not found: skipping the adoption of matrices saved by Calc');

const tmp = tempDir('calc-adopt');
afterAll(() => tmp.cleanup());
const FILES = ['renstra-pdf.xlsx', 'rpjmd-program.xlsx', 'renstra-angka.xlsx'];

async function report(file: string): Promise<AdoptReport> {
  const a = adoptWorkbook(await readRawSheets(file));
  if (!a.ok) throw new Error(`${file} not adopted`);
  return a.result.report;
}

const gist = (r: AdoptReport) => ({
  layout: r.layout, years: r.years, values: [r.values.present, r.values.carried], boxes: r.boxes, indicators: r.indicators,
  notCarried: r.notCarried.map((n) => n.cell), skipped: r.skipped.map((s) => s.row), unplaced: r.unplaced.map((u) => u.row),
  issues: r.issues.map((i) => `${i.rule} ${i.cell}`).sort(),
});

describe.skipIf(!SOFFICE)('matrices saved by LibreOffice Calc', () => {
  it('adopt exactly like the originals (values, rows, issues)', async () => {
    execFileSync(SOFFICE as string, [
      `-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', tmp.path('calc'),
      ...FILES.map((f) => join(FIXTURES, f)),
    ], { stdio: 'ignore', timeout: 180_000 });
    for (const f of FILES) {
      const original = gist(await report(join(FIXTURES, f)));
      expect(gist(await report(join(tmp.path('calc'), f))), f).toEqual(original);
    }
  }, 240_000);
});
