/**
 * The planner's journey in the CLI: `pokin import` on the committed constructed matrices (real
 * .xlsx files, read through xlsx/sheet.ts like any planner's file: merges, hidden rows,
 * formulas without a cached value), and the fixtures matching their build script.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runImport } from '../../../cli/commands/import.js';
import { readWorkbook } from '../../../core/read/index.js';
import type { CellValue } from '../../../core/snapshot.js';
import { readXlsx } from '../../../xlsx/read.js';
import { readRawSheets } from '../../../xlsx/sheet.js';
import { FIXTURES, MESSY } from '../../fixtures/adopt/build.js';
import { tempDir } from '../../cli/fixtures.js';

const tmp = tempDir('adopt-cli');
afterAll(() => tmp.cleanup());
const fx = (f: string) => join(FIXTURES, f);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('pokin import on real matrices', () => {
  it('relative year labels without Tahun Awal: exit 2 with the question, naming the labels; nothing written', async () => {
    const out = tmp.path('relatif.xlsx');
    const r = await run([fx('renstra-relatif.xlsx'), '--out', out, '--json']);
    expect(r.code).toBe(2);
    const q = JSON.parse(r.stdout).error;
    expect(q.code).toBe('question');
    expect(q.questions[0]).toMatchObject({ option: 'tahunAwal', sheet: 'T-C.27', suggestion: 2026 });
    expect(q.questions[0].labels[0]).toEqual({ cell: 'G6', label: 'Capaian Kinerja Program dan Kerangka Pendanaan / Tahun-1 / K' });
    expect(existsSync(out)).toBe(false);
    const human = await run([fx('renstra-relatif.xlsx'), '--out', out]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('--tahun-awal');
    expect(human.stderr).toContain('"Tahun-1"');
  });

  it('answered with --tahun-awal: exit 0, every value carried, the workbook has the years', async () => {
    const out = tmp.path('relatif.xlsx');
    const r = await run([fx('renstra-relatif.xlsx'), '--out', out, '--json', '--tahun-awal', '2026']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.values.present).toBeGreaterThan(100);
    expect(json.values.carried).toBe(json.values.present);
    expect(json.values.columns.find((c: { column: string }) => c.column === 'H')).toMatchObject({ role: 'pagu 2026 (×1.000)', present: 6, carried: 6 });
    const t = readWorkbook((await readXlsx(out)).snapshot).tree;
    expect(t.config.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(t.boxes.find((b) => b.kode === '1.02.02')?.pagu[4]).toBe(14_500_000_000);
  });

  it('values that cannot be carried: exit 1, each listed with its cell and reason (the uncached formula, the JUMLAH that does not add up)', async () => {
    const r = await run([fx('renstra-angka.xlsx'), '--out', tmp.path('angka.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.values.present - json.values.carried).toBe(3);
    expect(json.notCarried.map((n: { cell: string }) => n.cell)).toEqual(['J12', 'B14', 'J14']);
    expect(json.unplaced).toEqual([]);
    expect(json.totals[0].checks.map((c: { ok: boolean }) => c.ok)).toEqual([true, false]);
    const human = await run([fx('renstra-angka.xlsx'), '--out', tmp.path('angka.xlsx')]);
    expect(human.stdout).toMatch(/Nilai terbawa \/ ada: \d+ \/ \d+ \(3 TIDAK terbawa\)/);
    expect(human.stdout).toContain("Matriks!J12  tidak terbawa: rumus tanpa nilai tersimpan");
  });

  it('a PDF-to-Excel copy (hidden row, repeated headers, split satuan, signature): exit 0, all values carried', async () => {
    const r = await run([fx('renstra-pdf.xlsx'), '--out', tmp.path('pdf.xlsx'), '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.values.carried).toBe(json.values.present);
    expect(json.skipped.map((s: { row: number }) => s.row)).toEqual([14, 15, 16, 17, 18, 23, 24, 27]);
    expect(json.issues.some((i: { rule: string; cell: string }) => i.rule === 'F02' && i.cell === 'A13')).toBe(true);
    expect(r.code).toBe(0);
  });

  it('codes gone wrong: exit 0 (every row and value placed), N01 listed with suggestions', async () => {
    const r = await run([fx('renstra-kode.xlsx'), '--out', tmp.path('kode.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Renstra!A4 {2}N01 {2}Kode "03\.02\.2\.01" kehilangan digit urusannya.*Saran: 1\.03\.02\.2\.01\./);
  });

  it('the RPJMD matrix with --split-opd: the pemda workbook and one per OPD in the folder, the shared program reported', async () => {
    const dir = tmp.path('rpjmd');
    const r = await run([fx('rpjmd-program.xlsx'), '--out', dir, '--split-opd', '--json', '--pemda', 'Kabupaten Contoh']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.layout).toBe('rpjmd-matrix');
    expect(json.opd.map((o: { file: string }) => o.file.slice(dir.length + 1))).toEqual([
      'dinas-pendidikan.xlsx', 'dinas-kesehatan.xlsx', 'rsud-blambangan.xlsx', 'kecamatan-banyuwangi.xlsx', 'kecamatan-giri.xlsx',
    ]);
    expect(json.sharedPrograms[0]).toMatchObject({ kode: '1.02.02', opd: ['Dinas Kesehatan', 'RSUD Blambangan'] });
    const rsud = readWorkbook((await readXlsx(join(dir, 'rsud-blambangan.xlsx'))).snapshot).tree;
    expect(rsud.config.namaOpd).toBe('RSUD Blambangan');
    expect(rsud.boxes[0].pagu.every((v) => v === null)).toBe(true);
    expect(readWorkbook((await readXlsx(join(dir, 'PEMDA.xlsx'))).snapshot).tree.config.kodeOpd).toBe('PEMDA');
  });

  it('the RPJMD matrix without --split-opd: one pemda workbook whose Konfigurasi Level reads back', async () => {
    const out = tmp.path('pemda.xlsx');
    const r = await run([fx('rpjmd-program.xlsx'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Program bersama 1.02.02');
    const t = readWorkbook((await readXlsx(out)).snapshot).tree;
    expect(t.boxes).toHaveLength(7);
    expect(new Set(t.boxes.map((b) => b.levelName))).toEqual(new Set(['Program Pemda']));
  });
});

describe('the committed fixtures are what their build script makes', () => {
  const trim = (rows: CellValue[][]) => rows.map((r) => { const x = [...r]; while (x.length && x[x.length - 1] === null) x.pop(); return x; })
    .reduceRight<CellValue[][]>((acc, r) => (acc.length || r.length ? [r, ...acc] : acc), []);
  for (const [file, make] of Object.entries(MESSY)) {
    it(file, async () => {
      const f = make();
      const [sheet] = await readRawSheets(fx(file));
      expect(sheet.name).toBe(f.sheet.name);
      expect(trim(sheet.values)).toEqual(trim(f.sheet.values));
      expect([...sheet.merges].sort()).toEqual([...f.sheet.merges].sort());
      expect(sheet.hiddenRows).toEqual(f.sheet.hiddenRows);
      expect(sheet.uncachedFormulas).toEqual(f.sheet.uncachedFormulas);
    });
  }
});
