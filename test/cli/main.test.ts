import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { main } from '../../cli/main.js';
import { validInput } from '../helpers/snapshot.js';
import { plainSheet, ROOT, runCli, save, tempDir, writeInput } from './fixtures.js';

const tmp = tempDir('cli');
afterAll(() => tmp.cleanup());

const valid = tmp.path('valid.xlsx');
const broken = tmp.path('broken.xlsx');
beforeAll(async () => {
  await writeInput(valid);
  const input = validInput();
  input.pohon![2] = { ...input.pohon![2], Induk: 'TIDAK-ADA' };
  input.jabatan!.push({ 'ID Jabatan': 'KASI-X', 'Nama Jabatan': 'Kepala Seksi X', Jenjang: 'Pengawas', 'ID Atasan': 'KABID-KESMAS' });
  await writeInput(broken, input);
});

/** Runs `main` in-process and captures what it prints. */
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe('pokin validate (child process)', () => {
  it('exits 0 and prints the JSON summary for a clean workbook', async () => {
    const r = await runCli(['validate', valid, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['summary', 'issues']);
    expect(json.summary).toMatchObject({ boxes: 4, indicators: 4, errors: 0 });
    expect(json.issues.every((i: { severity: string }) => i.severity !== 'E')).toBe(true);
  });

  it('exits 1 and lists each issue with rule, severity, sheet, cell, id and message', async () => {
    const r = await runCli(['validate', broken, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['summary', 'issues']);
    expect(Object.keys(json.summary)).toEqual(['boxes', 'indicators', 'errors', 'warnings', 'infos']);
    const t02 = json.issues.find((i: { rule: string }) => i.rule === 'T02');
    expect(t02).toMatchObject({ severity: 'E', sheet: 'Pohon Kinerja', cell: 'B4', id: 'K1' });
    expect(Object.keys(t02)).toEqual(['rule', 'severity', 'sheet', 'cell', 'id', 'message']);
    expect(json.summary.errors).toBeGreaterThan(0);
  });

  it('exits 2 with a clear message for a file that is not an .xlsx', async () => {
    const csv = tmp.path('data.xlsx');
    writeFileSync(csv, 'ID,Induk\nSS1,\n');
    const r = await runCli(['validate', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bukan berkas .xlsx');
    noStack(r.stderr);
  });
});

describe('pokin validate', () => {
  it('groups the human report by severity with Sheet!A1 locations', async () => {
    const r = await run(['validate', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Error \(\d+\)$/m);
    expect(r.stdout).toMatch(/'Pohon Kinerja'!B4\s+T02 \[K1\]/);
    expect(r.stdout).toMatch(/\d+ kotak, \d+ indikator: \d+ error, \d+ peringatan, \d+ info\./);
  });

  it('runs the finalisation rules only with --final', async () => {
    const plain = await run(['validate', broken, '--json']);
    const final = await run(['validate', broken, '--json', '--final']);
    const rules = (out: string) => (JSON.parse(out).issues as { rule: string }[]).map((i) => i.rule);
    expect(rules(plain.stdout)).not.toContain('J04');
    expect(rules(final.stdout)).toContain('J04');
  });

  it('prints messages in English with --lang en', async () => {
    const r = await run(['validate', broken, '--lang', 'en']);
    expect(r.stdout).toMatch(/^Errors \(\d+\)$/m);
    expect(r.stdout).toContain('boxes');
  });

  it('exits 2 for a missing file, in the chosen language', async () => {
    const r = await run(['validate', tmp.path('tidak-ada.xlsx'), '--lang', 'en']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('File not found');
  });

  it('exits 2 and names the sheets, tables and header rows found when no canonical table exists', async () => {
    const wb = new ExcelJS.Workbook();
    plainSheet(wb, 'Renstra', [['Kode', 'Program', 'Indikator Program', 'Target 2025']], 4);
    const file = tmp.path('asing.xlsx');
    await save(wb, file);
    const r = await run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tabel kanonik tidak ditemukan');
    expect(r.stderr).toContain("'Renstra' (tabel: -; baris 4: Kode | Program | Indikator Program | Target 2025)");
    const json = await run(['validate', file, '--json']);
    expect(JSON.parse(json.stdout).error.code).toBe('no-tables');
  });

  it('answers a renamed required column with one F03 naming the header to rename, not an error per row', async () => {
    const file = tmp.path('level-renamed.xlsx');
    await writeInput(file, validInput(), (snapshot) => {
      const pohon = snapshot.tables.find((t) => t.name === 'PohonKinerja')!;
      pohon.header[pohon.header.indexOf('Level')] = 'Kolom3';
    });
    const r = await run(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout).issues as { rule: string; message: string; cell: string }[];
    expect(issues.filter((i) => i.rule === 'F01')).toEqual([]);
    const f03 = issues.filter((i) => i.rule === 'F03');
    expect(f03).toHaveLength(1);
    expect(f03[0].message).toContain('Ganti judul kolom "Kolom3" menjadi "Level"');
  });

  it('exits 2 on wrong arguments without a stack trace', async () => {
    for (const args of [['validate'], ['validate', valid, '--lang', 'fr'], ['validate', valid, '--bogus'], ['frobnicate']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
      noStack(r.stderr);
    }
  });

  it('names the wrong option in Bahasa Indonesia or English, without node\'s hint about "--"', async () => {
    const id = await run(['validate', valid, '--bogus']);
    expect(id.stderr).toContain('Opsi --bogus tidak dikenal');
    expect(id.stderr).not.toMatch(/positional|Unknown/);
    const en = await run(['validate', valid, '--bogus', '--lang', 'en']);
    expect(en.stderr).toContain('Unknown option --bogus');
    expect((await run(['export', valid, '--out'])).stderr).toContain('Opsi --out memerlukan nilai');
  });

  it('stops quietly when the reader of its output goes away (pokin validate … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'validate', 'examples/dinkes-dengan-kesalahan.xlsx'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1);
  });

  it('prints the commands and exits 2 when no command is given', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Perintah:');
  });
});

describe('pokin template and help', () => {
  it('writes a template that validates as an empty tree', async () => {
    const out = tmp.path('baru.xlsx');
    const args = ['template', out, '--pemda', 'Kabupaten Contoh', '--kode-pemda', '32.04', '--jenis', 'kabupaten',
      '--opd', '1.02.0.00.0.00.01.0000', '--nama-opd', 'Dinas Kesehatan', '--tahun-awal', '2025', '--tahun-akhir', '2029'];
    expect((await run(args)).code).toBe(0);
    expect((await run(args)).code).toBe(2);
    expect((await run([...args, '--force'])).code).toBe(0);
    const r = await run(['validate', out, '--json']);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ boxes: 0, indicators: 0 });
  });

  it('exits 2 listing the wrong template arguments', async () => {
    const r = await run(['template', tmp.path('x.xlsx'), '--jenis', 'desa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pemda wajib diisi.');
    expect(r.stderr).toContain('--jenis harus provinsi, kabupaten atau kota');
  });

  it('prints help and exits 0', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0 });
    expect((await run(['help', 'validate', '--lang', 'en'])).stdout).toContain('Exit codes: 0 no errors');
    expect((await run(['template', '--help'])).stdout).toContain('--opd PEMDA');
  });
});
