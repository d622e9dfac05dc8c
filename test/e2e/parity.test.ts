/**
 * Parity: for every example and fixture workbook, the pane (preview mode, in Chromium) lists
 * exactly the issues `pokin validate --json` prints: the same rules, severities and cells,
 * read from the pane's issue list in the page. The canonical workbooks are opened as they
 * are; the foreign ones (test/fixtures/adopt) are adopted in the pane with the same answers
 * `pokin import` gets, then compared with `pokin validate` on the CLI's import. Before this
 * issue the pane skipped the Kepmendagri list: the counts differed on three of four files.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { main } from '../../cli/main.js';
import { readWorkbook } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { readXlsx } from '../../xlsx/read.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import { FIXTURES } from '../fixtures/adopt/build.js';
import { opdSnapshot, pemdaSnapshot } from '../helpers/opds.js';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('parity');

const ANSWERS: Record<string, string> = {
  pemda: 'Kabupaten Banyuwangi', kodePemda: '35.10', jenisPemda: 'Kabupaten', kodeOpd: '5.01.5.05.0.00.01.0000', namaOpd: 'Bappeda',
  versiNomenklatur: 'Kepmendagri 900.1-2850/2025', tahunAwal: '2026', tahunAkhir: '2030',
};
const FLAGS: Record<string, string> = {
  pemda: '--pemda', kodePemda: '--kode-pemda', jenisPemda: '--jenis', kodeOpd: '--opd', namaOpd: '--nama-opd', versiNomenklatur: '--versi', tahunAwal: '--tahun-awal', tahunAkhir: '--tahun-akhir',
};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function cliIssues(file: string): Promise<string[]> {
  const r = await cli(['validate', file, '--json']);
  return (JSON.parse(r.out) as { issues: { rule: string; severity: string; sheet: string; cell: string }[] }).issues.map((i) => `${i.severity} ${i.rule} ${i.sheet}!${i.cell}`).sort();
}

/** The issues as the pane lists them: every severity group opened, every issue button read. */
async function paneIssues(page: Page): Promise<string[]> {
  await page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 30_000 });
  await page.getByTestId('live-state').and(page.locator('[data-state=idle]')).waitFor();
  for (const label of ['Peringatan', 'Info']) {
    const header = page.locator('.fui-AccordionHeader__button', { hasText: new RegExp(`^${label}`) });
    if (await header.count() && (await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  }
  return (await page.locator('[data-testid=issue]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-severity')} ${e.getAttribute('data-rule')} ${e.getAttribute('data-cell')}`))).sort();
}

describe.skipIf(!chromium)('parity: the pane and pokin validate --json', () => {
  let j: Journey;
  const canonical: string[] = [];
  beforeAll(async () => {
    j = await startJourney('parity', chromium!);
    canonical.push(...readdirSync('examples').filter((f) => f.endsWith('.xlsx')).map((f) => resolve('examples', f)));
    // Generated canonical workbooks: an OPD with its own Nomenklatur table, the pemda tree, and
    // the clean example with a made-up sub kegiatan code (N03 in both, or in neither).
    const write = async (snap: WorkbookSnapshot, name: string) => {
      const file = join(j.shots, name);
      writeFileSync(file, Buffer.from(await buildCanonicalWorkbook(snap, readWorkbook(snap).tree.config).xlsx.writeBuffer()));
      canonical.push(file);
    };
    await write(opdSnapshot(4, { boxes: 30 }), 'opd-nomenklatur-sendiri.xlsx');
    await write(pemdaSnapshot(3), 'pohon-pemda.xlsx');
    const clean = (await readXlsx('examples/dinkes-kabupaten-contoh.xlsx')).snapshot;
    const pohon = clean.tables.find((t) => t.name === 'PohonKinerja')!;
    pohon.rows.find((r) => r[0] === 'S1.2.7')![pohon.header.indexOf('Kode')] = '1.02.02.2.02.0999';
    await write(clean, 'kode-karangan.xlsx');
  }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  it('gives the same issues for every canonical workbook', async () => {
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    for (const file of canonical) {
      await page.setInputFiles('[data-testid=open-file]', file);
      await expect.poll(() => page.locator('.pokin-file').textContent()).toContain(file.split('/').pop());
      const pane = await paneIssues(page);
      const cli = await cliIssues(file);
      expect(pane, file).toEqual(cli);
      if (file.endsWith('kode-karangan.xlsx')) expect(pane.filter((k) => k.includes(' N03 '))).toEqual(['E N03 Pohon Kinerja!E17']);
    }
    await j.shot('canonical-last', false);
  });

  it('gives the same issues for every adoption fixture, adopted with the same answers', async () => {
    const page = j.page;
    const askedYear: string[] = [];
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
      const file = join(FIXTURES, name);
      await page.setInputFiles('[data-testid=open-file]', file);
      await page.getByTestId('first-adopt').click();
      await expect.poll(() => page.getByTestId('adopt-sheet').inputValue()).not.toBe('');
      await page.getByTestId('adopt-check').click();
      // Relative year labels without a Tahun Awal anywhere in the workbook: the pane asks, as
      // `pokin import` does (exit 2 naming --tahun-awal); both get the same answer.
      const yearQuestion = page.getByTestId('adopt-year-question');
      await Promise.race([page.getByTestId('adopt-questions').waitFor(), yearQuestion.waitFor()]);
      const extra: string[] = [];
      if (await yearQuestion.count()) {
        const pr = await cli(['import', file, '--out', join(j.shots, `cli-q-${name}`)]);
        expect(pr.code, name).toBe(2);
        expect(pr.err, name).toMatch(/--tahun-awal/);
        await page.getByTestId('adopt-tahun-awal').fill('2026');
        await page.getByTestId('adopt-recheck').click();
        await page.getByTestId('adopt-questions').waitFor();
        extra.push('--tahun-awal', '2026');
        askedYear.push(name);
      }
      const asked: string[] = [];
      for (const [option, value] of Object.entries(ANSWERS)) {
        const field = page.getByTestId(`adopt-q-${option}`);
        if (!(await field.count())) continue;
        asked.push(option);
        if (option === 'jenisPemda') await field.selectOption(value);
        else await field.fill(value);
      }
      await page.getByTestId('adopt-write').click();
      await page.getByTestId('adopted').waitFor();
      const pane = await paneIssues(page);
      const out = join(j.shots, `cli-${name}`);
      await cli(['import', file, '--out', out, ...extra, ...asked.flatMap((o) => [FLAGS[o], ANSWERS[o]])]);
      expect(pane, name).toEqual(await cliIssues(out));
    }
    // The relative-label fixture without an Info sheet is the one that must ask.
    expect(askedYear).toEqual(['renstra-relatif.xlsx']);
  });
});
