/**
 * The adoption report the pane shows before anything is written (addin/adoption.ts over the
 * preview port) and the one `pokin import` prints list the same findings, in the chosen
 * language, for every adoption fixture: one code list for N01 suggestions (the pane once
 * drafted without it and suggested less), one selection of issues (core/adoption reportView).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { draftFromPort } from '../../addin/adoption.js';
import { PreviewPort } from '../../addin/preview/port.js';
import { main } from '../../cli/main.js';
import { FIXTURES } from '../fixtures/adopt/build.js';
import { tempDir } from '../cli/fixtures.js';

const tmp = tempDir('adoption-report');
afterAll(() => tmp.cleanup());

async function cliText(args: string[]): Promise<string> {
  const out: string[] = [];
  await main(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return out.join('\n');
}

async function paneDraft(file: string, lang: 'id' | 'en') {
  const port = await PreviewPort.open(readFileSync(file), file.split('/').pop() as string, ExcelJS);
  const sheets = (await port.listSheets()).sheets.filter((s) => s.toLowerCase() !== 'info');
  const { result } = await draftFromPort(port, sheets[0], {}, { tahunAwal: 2026 }, lang);
  if (!result.ok) throw new Error(`${file}: not adopted in the pane`);
  return result.report;
}

describe('the adoption report in the pane and in pokin import', () => {
  it('lists the same findings for every fixture, in Indonesian and in English', async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
    let compared = 0;
    for (const name of files) {
      const file = join(FIXTURES, name);
      for (const lang of ['id', 'en'] as const) {
        const view = await paneDraft(file, lang);
        const text = await cliText(['import', file, '--out', tmp.path(`${lang}-${name}`), '--tahun-awal', '2026', '--lang', lang]);
        // The CLI prints at most 60 finding lines; every finding the pane lists is among them when it fits.
        const findings = view.unplaced.length + view.issues.length + view.notCarried.length + view.normalised.length;
        if (findings > 60) continue;
        for (const i of view.issues) expect(text, `${name} ${lang}`).toContain(`  ${i.rule}  ${i.message}`);
        for (const u of view.unplaced) expect(text, `${name} ${lang}`).toContain(`  F01  ${u.reason}`);
        for (const n of view.notCarried) expect(text, `${name} ${lang}`).toContain(`: ${n.reason}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 120_000);

  it('suggests a sub kegiatan code from the Kepmendagri list in the pane as in the CLI', async () => {
    const file = join(FIXTURES, 'renstra-kotor.xlsx');
    const view = await paneDraft(file, 'id');
    const n01 = view.issues.find((i) => i.rule === 'N01' && i.cell === 'H17');
    expect(n01?.message).toMatch(/Saran: 5\.01\.01\.2\.06 \(nama sama di daftar nomenklatur\)/);
    expect(await cliText(['import', file, '--out', tmp.path('kotor.xlsx')])).toContain(n01?.message);
    const en = await paneDraft(file, 'en');
    expect(en.issues.find((i) => i.rule === 'N01' && i.cell === 'H17')?.message).toMatch(/Suggestion: 5\.01\.01\.2\.06 \(same name in the nomenclature list\)/);
  });

  it('ends pokin import with the validation pokin validate then gives the written workbook, with or without --versi', async () => {
    let compared = 0;
    // The last one has its own Info naming Kepmendagri 050-3708/2020: validated with that list.
    for (const name of ['renstra-banyuwangi.xlsx', 'renstra-kotor.xlsx', 'renstra-kode.xlsx', 'level-banyuwangi.xlsx', 'examples/dinkes-dengan-kesalahan.xlsx']) {
      for (const versi of [[], ['--versi', 'Kepmendagri 900.1-2850/2025']]) {
        const out = tmp.path(`v${versi.length}-${name}`);
        const imported = JSON.parse(await cliText(['import', name.startsWith('examples/') ? name : join(FIXTURES, name), '--out', out.replace('examples/', ''), '--json', ...versi])) as { validation: { summary: unknown } };
        const validated = JSON.parse(await cliText(['validate', out.replace('examples/', ''), '--json'])) as { summary: unknown };
        expect(imported.validation.summary, `${name} ${versi.join(' ')}`).toEqual(validated.summary);
        compared++;
      }
    }
    expect(compared).toBe(10);
  });
});
