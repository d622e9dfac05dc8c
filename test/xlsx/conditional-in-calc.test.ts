/**
 * The conditional formats as a real spreadsheet program evaluates them: the workbook Pokin
 * writes is opened by LibreOffice Calc (headless) and exported to HTML, where each cell carries
 * the fill its conditional format gave it. Excel does not run on Linux; Calc is the closest
 * real engine. Skipped with a message when Calc is missing, except in CI, which installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCanonicalWorkbook } from '../../xlsx/write.js';
import { readWorkbook } from '../../core/read/index.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { tempDir } from '../cli/fixtures.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE && process.env.CI === 'true') throw new Error('LibreOffice Calc (soffice) is required in CI: .ci/run installs libreoffice-calc');
if (!SOFFICE) console.warn('LibreOffice Calc not found: skipping the conditional-format check in a real spreadsheet engine');

const tmp = tempDir('calc');
afterAll(() => tmp.cleanup());

/** Cells Calc filled red (the E style), by their text, from the HTML export of every sheet. */
async function redCells(mutate: (w: ReturnType<typeof validInput>) => void): Promise<string[]> {
  const w = validInput();
  mutate(w);
  const snap = makeSnapshot(w);
  const file = tmp.path('cf.xlsx');
  await writeCanonicalWorkbook(file, snap, readWorkbook(snap).tree.config);
  execFileSync(SOFFICE as string, [
    `-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', 'html', '--outdir', tmp.dir, file,
  ], { stdio: 'ignore', timeout: 120_000 });
  const html = readFileSync(join(tmp.dir, 'cf.html'), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<td[^>]*bgcolor="#FFC7CE"[^>]*>(?:<[^>]+>)*([^<]*)/g)) out.push(m[1].trim());
  return out;
}

describe.skipIf(!SOFFICE)('conditional formats in LibreOffice Calc', () => {
  it('marks a broken parent, a duplicate ID, a pagu that does not add up and an empty satuan; leaves clean cells alone', async () => {
    const red = await redCells((w) => {
      w.pohon![0].Induk = 'TIDAK-ADA';
      w.pohon![3].ID = 'K1';
      w.pohon![1]['Pagu 2026'] = 999;
      w.indikator![1].Satuan = null;
    });
    expect(red).toContain('TIDAK-ADA');
    expect(red.filter((t) => t === 'K1').length).toBeGreaterThanOrEqual(2);
    expect(red).toContain('999');
    expect(red).toContain('');
    expect(red).not.toContain('SS1');
    expect(red).not.toContain('Sasaran Program');
  }, 180_000);

  it('marks nothing in a clean workbook', async () => {
    expect(await redCells(() => {})).toEqual([]);
  }, 180_000);
});
