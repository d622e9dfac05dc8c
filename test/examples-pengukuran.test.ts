/**
 * The pengukuran examples, checked through the REAL command line (`tsx cli/main.ts pengukuran
 * FILE --final --json` as a child process):
 * - examples/dinkes-pengukuran-2025.xlsx exits 0 with no error and no warning at all;
 * - examples/dinkes-pengukuran-dengan-kesalahan.xlsx exits 1 and reports every planted mistake
 *   (rule, sheet, cell, id) of examples/src/dinkes-pengukuran-salah.ts, one for every R, U and L rule.
 * Also: the committed .xlsx files hold what `npm run examples` builds from the sources now.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExamples, PENGUKURAN_FAULTY_FILE, PENGUKURAN_FILE, type BuiltExamples } from '../scripts/build-examples.js';
import { dinkesPengukuranSalah } from '../examples/src/dinkes-pengukuran-salah.js';
import { readXlsx } from '../xlsx/read.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface JsonIssue { rule: string; severity: string; sheet: string; cell: string; id?: string }

function pengukuran(file: string) {
  const [cmd, args] = existsSync(TSX) ? [TSX, [] as string[]] : ['npx', ['tsx']];
  const r = spawnSync(cmd, [...args, 'cli/main.ts', 'pengukuran', file, '--tahun', '2025', '--final', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  try {
    return { status: r.status, report: JSON.parse(r.stdout) as { summary: Record<string, number>; issues: JsonIssue[]; indikator: unknown[] } };
  } catch {
    throw new Error(`pengukuran ${file}: no JSON on stdout (exit ${r.status})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
}
const key = (i: { rule: string; sheet: string; cell: string; id?: string }) => `${i.rule} ${i.sheet}!${i.cell} [${i.id ?? ''}]`;

describe('pengukuran examples through the CLI', () => {
  let tmp: string;
  let fresh: BuiltExamples;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'pokin-examples-pengukuran-'));
    fresh = await buildExamples(tmp);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the committed .xlsx files are up to date (run `npm run examples` after changing examples/src)', async () => {
    const contents = async (file: string) =>
      (await readXlsx(file)).snapshot.tables.map((t) => ({ sheet: t.sheet, name: t.name, header: t.header, rows: t.rows, formulas: t.formulas ?? null }));
    for (const [committed, built] of [[PENGUKURAN_FILE, fresh.pengukuran], [PENGUKURAN_FAULTY_FILE, fresh.pengukuranFaulty]] as const) {
      expect(existsSync(committed), `${committed} missing: run npm run examples`).toBe(true);
      expect(await contents(committed), `${committed} is stale: run npm run examples`).toEqual(await contents(built));
    }
  });

  it('dinkes-pengukuran-2025.xlsx: exit 0, no error and no warning, 65 indicators measured', () => {
    const { status, report } = pengukuran(PENGUKURAN_FILE);
    expect(report.issues.map(key)).toEqual([]);
    expect(status).toBe(0);
    expect(report.indikator).toHaveLength(65);
    expect(report.summary).toMatchObject({ jumlahIndikator: 65, dihitung: 65 });
  });

  it('dinkes-pengukuran-dengan-kesalahan.xlsx: exit 1 and every planted mistake reported', () => {
    const { status, report } = pengukuran(PENGUKURAN_FAULTY_FILE);
    expect(status).toBe(1);
    const got = new Set(report.issues.map(key));
    const missing = dinkesPengukuranSalah().expected.filter((e) => !got.has(key(e))).map((e) => `${key(e)}: ${e.kesalahan}`);
    expect(missing).toEqual([]);
  });

  it('the planted mistakes cover every rule of §12', () => {
    const rules = new Set(dinkesPengukuranSalah().expected.map((e) => e.rule));
    for (const r of ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'L01', 'L02', 'L03']) expect(rules, r).toContain(r);
  });
});
