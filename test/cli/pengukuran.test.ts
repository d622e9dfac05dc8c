/**
 * The pengukuran journey on the command line: add the tables to a workbook
 * (`pokin template --tambah pengukuran`), compute capaian (`pokin pengukuran`, JSON in the
 * issue's shape, exit 1 on errors), and generate the Renaksi, Pengukuran and LKjIP sheets
 * (`pokin export --sheets renaksi,pengukuran,lkjip`).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { pengukuranInput, planRow, realisasiRow } from '../core/pengukuran/fixture.js';
import { runCli, tempDir, writeInput } from './fixtures.js';

const tmp = tempDir('cli-pengukuran');
afterAll(() => tmp.cleanup());
const clean = tmp.path('clean.xlsx');
const wrong = tmp.path('wrong.xlsx');
const treeOnly = tmp.path('tree.xlsx');

beforeAll(async () => {
  await writeInput(clean, pengukuranInput());
  const w = pengukuranInput();
  planRow(w, 'S1')['Target TW4'] = 100;
  realisasiRow(w, 'K1', 4).Realisasi = null;
  await writeInput(wrong, w);
  const t = pengukuranInput();
  delete t.rencanaAksi; delete t.realisasi; delete t.pembanding;
  await writeInput(treeOnly, t);
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('pokin pengukuran', () => {
  it('prints capaian per indicator in the issue\'s JSON shape (child process), exit 0', async () => {
    const r = await runCli(['pengukuran', clean, '--tahun', '2025', '--tw', '2', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['tahun', 'tw', 'indikator', 'sasaran', 'summary', 'issues']);
    expect(j.tahun).toBe(2025);
    expect(j.tw).toBe(2);
    expect(Object.keys(j.indikator[0]).slice(0, 8)).toEqual(['idNode', 'indikator', 'satuan', 'target', 'realisasi', 'capaian', 'capaianMurni', 'kategori']);
    const s1 = j.indikator.find((i: { idNode: string }) => i.idNode === 'S1');
    expect(s1).toMatchObject({ satuan: 'Orang', target: 60, realisasi: 61, kategori: 'Sangat Baik', targetTahun: 120 });
    expect(s1.capaianMurni).toBeCloseTo(101.6667, 4);
    expect(j.sasaran.map((x: { idNode: string }) => x.idNode)).toEqual(['SS1', 'P1', 'K1', 'S1']);
    expect(j.summary).toMatchObject({ jumlahIndikator: 4, dihitung: 4, basis: 'tw', errors: 0 });
    expect(Array.isArray(j.issues)).toBe(true);
  });

  it('exits 1 on errors and lists them with rule, cell and message; --final adds the LKjIP rules', async () => {
    const live = await run(['pengukuran', wrong, '--tahun', '2025', '--json', '--lang', 'en']);
    expect(live.code).toBe(1);
    const j = JSON.parse(live.stdout);
    expect(j.issues.find((i: { rule: string }) => i.rule === 'R02')).toMatchObject({ severity: 'E', sheet: 'Rencana Aksi', cell: 'N5', id: 'S1' });
    expect(j.issues.some((i: { rule: string }) => i.rule === 'L01')).toBe(false);
    const final = JSON.parse((await run(['pengukuran', wrong, '--tahun', '2025', '--json', '--final'])).stdout);
    expect(final.issues.find((i: { rule: string }) => i.rule === 'L01')).toMatchObject({ sheet: 'Realisasi', cell: 'E16', id: 'K1' });
  });

  it('prints a readable table by default, defaulting to the latest year with rows', async () => {
    const r = await run(['pengukuran', clean]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pengukuran 2025 s.d. TW4, terhadap target tahun');
    expect(r.stdout).toMatch(/S1\s+Jumlah Orang yang Mendapatkan Pelayanan Kes…\s+Orang\s+120\s+125\s+104,17\s+Sangat Baik/);
    expect(r.stdout).toMatch(/SS1\s+Angka Harapan Hidup\s+Tahun\s+71,2\s+71,22\s+100,03\s+Sangat Baik/);
    expect(r.stdout).toContain('Rata-rata capaian 4/4 indikator PK');
    expect(r.stdout).toContain('Serapan anggaran: 95,00 %');
  });

  it('answers bad arguments and files with exit 2 and a message, never a stack', async () => {
    for (const args of [['pengukuran', clean, '--tw', '5'], ['pengukuran', clean, '--tahun', '2031'], ['pengukuran', tmp.path('none.xlsx')], ['pengukuran', treeOnly]]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await run(['pengukuran', treeOnly])).stderr).toContain('--tambah pengukuran');
  });

  it('says the pengukuran tables are missing when --tahun is given too (not a list of "not measured")', async () => {
    const r = await run(['pengukuran', treeOnly, '--tahun', '2025']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tambah pengukuran');
    expect(r.stdout).toBe('');
  });
});

describe('pokin template --tambah pengukuran, then export', () => {
  it('adds the tables, then generates Renaksi, Pengukuran TWn and the LKjIP tables', async () => {
    const added = tmp.path('added.xlsx');
    const t = await run(['template', treeOnly, '--tambah', 'pengukuran', '--tahun', '2025', '--out', added]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Rencana Aksi 4 baris (4 baru), Realisasi 16 (16 baru)');
    expect((await run(['template', treeOnly, '--tambah', 'lke'])).code).toBe(2);

    const out = tmp.path('export.xlsx');
    const e = await run(['export', clean, '--out', out, '--sheets', 'renaksi,pengukuran,lkjip,validasi', '--tahun', '2025', '--tw', '3']);
    expect(e.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Rencana Aksi', 'Realisasi', 'Renaksi 2025 KASI-GIZI', 'Pengukuran 2025 TW3', 'LKjIP Capaian', 'LKjIP Rekap', 'Validasi']));
    expect(wb.getWorksheet('Pengukuran 2025 TW3')!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });

    const lk = await run(['export', wrong, '--out', tmp.path('lk.xlsx'), '--sheets', 'lkjip,validasi', '--tahun', '2025']);
    expect(lk.code).toBe(0);
    const v = new ExcelJS.Workbook();
    await v.xlsx.readFile(tmp.path('lk.xlsx'));
    const rules: unknown[] = [];
    v.getWorksheet('Validasi')!.getColumn(1).eachCell((c) => { rules.push(c.value); });
    expect(rules).toEqual(expect.arrayContaining(['R02', 'L01']));
  });

  it('lists pengukuran in the help', async () => {
    expect((await run(['--help'])).stdout).toContain('pengukuran BERKAS.xlsx');
    expect((await run(['help', 'pengukuran', '--lang', 'en'])).stdout).toContain('pokin pengukuran FILE.xlsx');
  });
});
