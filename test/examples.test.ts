/**
 * The example workbooks, checked through the REAL command line (`tsx cli/main.ts validate
 * FILE --json` as a child process), exactly as a planner would run it:
 * - examples/dinkes-kabupaten-contoh.xlsx exits 0 with 0 errors;
 * - examples/dinkes-dengan-kesalahan.xlsx exits 1 and reports every planted mistake
 *   (rule, sheet, cell, id) listed in examples/src/dinkes-salah.ts.
 * Also: the committed .xlsx files hold what `npm run examples` builds from the sources now
 * (compared as read-back table contents, so a cosmetic change in the writer does not fail it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../xlsx/read.js';
import { buildExamples, FAULTY_FILE, VALID_FILE } from '../scripts/build-examples.js';
import { dinkesSalah } from '../examples/src/dinkes-salah.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface JsonIssue { rule: string; severity: 'E' | 'W' | 'I'; sheet: string; cell: string; id?: string; message: string }
interface JsonReport { summary: { boxes: number; indicators: number; errors: number; warnings: number; infos: number }; issues: JsonIssue[] }

function validate(file: string): { status: number | null; report: JsonReport; stderr: string } {
  // `npx tsx` as the brief says; the local bin is used when present to skip npx's lookup.
  const [cmd, args] = existsSync(TSX) ? [TSX, [] as string[]] : ['npx', ['tsx']];
  const r = spawnSync(cmd, [...args, 'cli/main.ts', 'validate', file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`validate ${file}: no JSON on stdout (exit ${r.status})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return { status: r.status, report, stderr: r.stderr };
}

const key = (i: { rule: string; sheet: string; cell: string; id?: string }) => `${i.rule} ${i.sheet}!${i.cell} [${i.id ?? ''}]`;

describe('example workbooks through the CLI', () => {
  let tmp: string;
  let fresh: { valid: string; faulty: string };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'pokin-examples-'));
    fresh = await buildExamples(tmp);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the committed .xlsx files are up to date (run `npm run examples` after changing examples/src)', async () => {
    const contents = async (file: string) =>
      (await readXlsx(file)).snapshot.tables.map((t) => ({ sheet: t.sheet, name: t.name, address: t.address, header: t.header, rows: t.rows }));
    for (const [committed, built] of [[VALID_FILE, fresh.valid], [FAULTY_FILE, fresh.faulty]] as const) {
      expect(existsSync(committed), `${committed} missing: run npm run examples`).toBe(true);
      expect(await contents(committed), `${committed} is stale: run npm run examples`).toEqual(await contents(built));
    }
  });

  it('dinkes-kabupaten-contoh.xlsx: exit 0, no error', () => {
    const { status, report } = validate(VALID_FILE);
    const errors = report.issues.filter((i) => i.severity === 'E');
    expect(errors.map(key)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(status).toBe(0);
    expect(report.summary.boxes).toBeGreaterThanOrEqual(40);
    // The example aims at no warning at all; any warning must be explained in the box's Catatan.
    expect(report.issues.filter((i) => i.severity === 'W').map(key)).toEqual([]);
  });

  it('dinkes-dengan-kesalahan.xlsx: exit 1 and every planted mistake reported', () => {
    const { status, report } = validate(FAULTY_FILE);
    expect(status).toBe(1);
    const got = new Set(report.issues.map(key));
    const missing = dinkesSalah().expected.filter((e) => !got.has(key(e))).map((e) => `${key(e)}: ${e.kesalahan}`);
    expect(missing).toEqual([]);
  });

  it('the planted mistakes cover every rule family and the live rule IDs', () => {
    const rules = new Set(dinkesSalah().expected.map((e) => e.rule));
    for (const family of ['F', 'T', 'K', 'N', 'B', 'J', 'X']) expect([...rules].some((r) => r.startsWith(family)), family).toBe(true);
    const live = [
      'F01', 'F02', 'T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10',
      'K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08', 'K09', 'K10', 'K11', 'K12', 'K13', 'K16', 'K18', 'K19', 'K20', 'K21',
      'N01', 'N02', 'N05', 'N06', 'N07', 'N08', 'N09', 'B01', 'B02', 'B03', 'J01', 'J02', 'J03', 'X01', 'X02',
    ];
    expect(live.filter((r) => !rules.has(r as never))).toEqual([]);
  });
});
