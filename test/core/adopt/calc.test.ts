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

/** Cells whose formula the fixture script saved without a value: Calc calculates them on save. */
async function uncalculated(file: string): Promise<Set<string>> {
  return new Set((await readRawSheets(file)).flatMap((s) => (s.uncachedFormulas ?? []).map((f) => f.cell)));
}

const gist = (r: AdoptReport) => ({
  layout: r.layout, years: r.years, values: [r.values.present, r.values.carried], boxes: r.boxes, indicators: r.indicators,
  notCarried: r.notCarried.map((n) => n.cell), skipped: r.skipped.map((s) => s.row), unplaced: r.unplaced.map((u) => u.row),
  issues: r.issues.map((i) => `${i.rule} ${i.cell}`).sort(),
});

describe.skipIf(!SOFFICE)('matrices saved by LibreOffice Calc', () => {
  it('adopt exactly like the originals (values, rows, issues), with the formulas Calc calculated carried', async () => {
    execFileSync(SOFFICE as string, [
      `-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', tmp.path('calc'),
      ...FILES.map((f) => join(FIXTURES, f)),
    ], { stdio: 'ignore', timeout: 180_000 });
    let calculated = 0;
    for (const f of FILES) {
      const original = gist(await report(join(FIXTURES, f)));
      // The original reports such a formula as not carried (its value is unknown); Calc's copy
      // holds the value it calculated, and carries it.
      const fresh = await uncalculated(join(FIXTURES, f));
      // Issues at those cells (F01 "formula without a value" in the original) are compared apart.
      const at = (issue: string) => fresh.has(issue.split(' ')[1]);
      const expected = { ...original, notCarried: original.notCarried.filter((c) => !fresh.has(c)), issues: original.issues.filter((i) => !at(i)) };
      const nowCarried = original.notCarried.length - expected.notCarried.length;
      expected.values = [original.values[0], original.values[1] + nowCarried];
      calculated += nowCarried;
      const saved = gist(await report(join(tmp.path('calc'), f)));
      expect({ ...saved, issues: saved.issues.filter((i) => !at(i)) }, f).toEqual(expected);
      expect(saved.issues.filter((i) => at(i) && i.startsWith('F01 ')), f).toEqual([]);
    }
    // renstra-angka.xlsx has one (J12 = SUM(J13:J13)): the test sees the case it is written for.
    expect(calculated).toBeGreaterThan(0);
  }, 240_000);
});
