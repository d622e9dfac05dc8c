/**
 * Journey: a planner self-assesses with the LKE in the pane (Chromium, preview mode, 320 px).
 * Open the example with answers, see the same score and predikat as `pokin lke score`, open a
 * komponen, read the Saran Pokin beside a criterion and take it with one click, change an
 * answer and see the score move, push the answers (the LKE of a year, per the contract) and
 * pull the evaluator's notes; a workbook without the LKE gets the table in one click.
 * Screenshots in test/e2e/output/evaluasi/.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { formatAngka } from '../../core/capaian/index.js';
import { openInPreview, requireChromium, shotAt as shotAtIn, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('evaluasi');

async function cliJson(args: string[]): Promise<Record<string, unknown>> {
  const out: string[] = [];
  await main(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

describe.skipIf(!chromium)('Evaluasi tab in Chromium at 320 px', () => {
  let j: Journey;
  beforeAll(async () => { j = await startJourney('evaluasi', chromium!); }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  const shotAt = (name: string, testId?: string) => shotAtIn(j, name, testId);
  const open = (file: string) => openInPreview(j, file);
  const total = async () => (await j.page.getByTestId('ev-total').textContent()) ?? '';
  const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

  it('scores as pokin lke score, shows the Saran Pokin, takes one, and pushes the answers', async () => {
    const file = 'examples/dinkes-lke-contoh.xlsx';
    const cli = await cliJson(['lke', 'score', file, '--json']) as { total: number; predikat: string; label: string };
    await open(file);
    const page = j.page;
    await page.getByTestId('tab-evaluasi').click();
    await page.getByTestId('ev-score').waitFor({ timeout: 20_000 });
    expect(await total()).toBe(formatAngka(cli.total));
    expect(await page.getByTestId('ev-predikat').textContent()).toBe(cli.predikat);
    expect(await page.getByTestId('ev-score').textContent()).toContain(cli.label);
    expect(await page.getByTestId('ev-naik').textContent()).toMatch(/Agar naik ke|Sudah predikat tertinggi|tidak tercapai/);
    await shotAt('1-score');

    // A komponen opened: its criteria with the answer, the evidence asked for, the Saran Pokin.
    await page.getByTestId('ev-komponen-AREN01').locator('summary').click();
    const saran = page.getByTestId('ev-komponen-AREN01').locator('[data-testid^=lke-saran-]');
    expect(await saran.count()).toBeGreaterThan(0);
    expect(await saran.first().textContent()).toMatch(/Saran Pokin: [A-EYT]\b/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shotAt('2-saran', (await saran.first().getAttribute('data-testid'))!);

    // "Pakai saran": one click writes the suggested answer into Jawaban; the score is read again.
    const use = page.locator('[data-testid^=lke-use-]').first();
    if (await use.count()) {
      const kode = (await use.getAttribute('data-testid'))!.replace('lke-use-', '');
      const want = ((await use.textContent()) ?? '').trim().split(' ').at(-1)!;
      await use.click();
      await expect.poll(() => page.getByTestId(`lke-answer-${kode}`).inputValue(), { timeout: 10_000 }).toBe(want);
    }
    // Clearing an answer lowers the score (the criterion counts as unanswered).
    const before = num(await total());
    const answered = page.getByTestId('ev-komponen-AREN01').locator('select[data-testid^=lke-answer-]').first();
    await answered.selectOption('');
    await expect.poll(async () => num(await total()), { timeout: 10_000 }).toBeLessThan(before);
    await shotAt('3-answer-cleared', 'ev-score');

    // Push the LKE of the year; pull the evaluator's notes.
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('tab-evaluasi').click();
    await page.getByTestId('ev-push').waitFor();
    const sent = page.waitForRequest((r) => r.method() === 'PUT' && /\/lke\/\d{4}$/.test(new URL(r.url()).pathname));
    await page.getByTestId('ev-push').click();
    const req = await sent;
    expect(new URL(req.url()).pathname).toMatch(/^\/v1\/pemda\/[^/]+\/periode\/\d{4}-\d{4}\/opd\/[^/]+\/lke\/\d{4}$/);
    const raw = req.postDataBuffer()!;
    const body = JSON.parse((req.headers()['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as { baseVersion: number; submissionId: string; doc: { tables: { name: string; rows: unknown[] }[] } };
    expect(body.baseVersion).toBe(0);
    expect(body.doc.tables.map((t) => t.name)).toContain('LKE');
    expect(body.doc.tables.some((t) => t.name === 'PohonKinerja')).toBe(false);
    const result = page.getByTestId('ev-push-result');
    await result.waitFor({ timeout: 15_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/LKE \d{4} terkirim: versi 1\b/);
    const pulled = page.waitForRequest((r) => r.method() === 'GET' && /\/lke\/\d{4}$/.test(new URL(r.url()).pathname));
    await page.getByTestId('ev-pull').click();
    await pulled;
    const got = page.getByTestId('ev-pulled');
    await got.waitFor({ timeout: 15_000 });
    expect(await got.textContent()).toMatch(/Versi \d+ ditarik: \d+ catatan evaluator/);
    await shotAt('4-pushed', 'ev-push');
  });

  it('adds the LKE table to a workbook without one, with the Saran Pokin', async () => {
    await open('examples/dinkes-kabupaten-contoh.xlsx');
    const page = j.page;
    await page.getByTestId('tab-evaluasi').click();
    await page.getByTestId('ev-add-box').waitFor();
    await shotAt('5-no-lke');
    await page.getByTestId('ev-add').click();
    await page.getByTestId('ev-score').waitFor({ timeout: 30_000 });
    expect(await total()).toBe(formatAngka(0));
    expect(await page.getByTestId('ev-score').textContent()).toMatch(/0 dari \d+ kriteria dijawab/);
    await page.getByTestId('ev-komponen-AREN01').locator('summary').click();
    expect(await page.locator('[data-testid^=lke-saran-]').count()).toBeGreaterThan(0);
    await page.getByTestId('lang').click();
    await expect.poll(() => page.getByTestId('tab-evaluasi').textContent()).toBe('Evaluation');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shotAt('6-lke-added-en');
  });
});
