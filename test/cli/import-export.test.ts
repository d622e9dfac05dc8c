import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runExport } from '../../cli/commands/export.js';
import { runImport } from '../../cli/commands/import.js';
import { readXlsx } from '../../xlsx/read.js';
import { readWorkbook } from '../../core/read/index.js';
import { FIXTURES } from '../fixtures/adopt/build.js';
import { validInput } from '../helpers/snapshot.js';
import { plainSheet, save, tempDir, writeInput } from './fixtures.js';

const tmp = tempDir('adopt');
afterAll(() => tmp.cleanup());
const fx = (f: string) => join(FIXTURES, f);

async function run(fn: (a: string[], io: { out: (s: string) => void; err: (s: string) => void }) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await fn(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const INFO = ['--pemda', 'Kabupaten Banyuwangi', '--kode-pemda', '35.10', '--jenis', 'Kabupaten', '--opd', '5.01.5.05.0.00.01.0000',
  '--nama-opd', 'Badan Perencanaan Pembangunan Daerah', '--versi', 'Kepmendagri 900.1-2850/2025'];

describe('pokin import', () => {
  const canonical = tmp.path('banyuwangi.xlsx');

  it('adopts the wide Renstra matrix: exit 0, JSON report, canonical workbook written', async () => {
    const r = await run(runImport, [fx('renstra-banyuwangi.xlsx'), '--out', canonical, '--json', ...INFO]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ layout: 'renstra-matrix', sheet: 'T-C.27', headerRows: [3, 4, 5, 6], years: [2026, 2027, 2028, 2029, 2030], sourceRows: 33, boxes: 25, indicators: 30, unplaced: [] });
    expect(json.columns.E).toBe('kode 1/5');
    expect(json.normalised).toContainEqual({ cell: 'H16', from: '2,05', to: '2.05' });
    expect(json.missingInfo).toEqual([]);
    expect(json.validation.summary.boxes).toBe(25);
    const back = readWorkbook((await readXlsx(canonical)).snapshot).tree;
    expect(back.boxes).toHaveLength(25);
    expect(back.config.namaOpd).toBe('Badan Perencanaan Pembangunan Daerah');
    expect(back.boxes.find((b) => b.kode === '5.01.01.2.05')?.parent?.kode).toBe('5.01.01');
  });

  it('exits 1 when values could not be carried, still writing the workbook', async () => {
    const out = tmp.path('kotor.xlsx');
    const r = await run(runImport, [fx('renstra-kotor.xlsx'), '--out', out, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.values.carried).toBe(json.values.present - 2);
    expect(json.skipped.map((u: { row: number }) => u.row)).toEqual([40, 41, 42, 43, 44, 46, 47]);
    expect(json.issues.some((i: { rule: string; cell: string }) => i.rule === 'F02' && i.cell === 'AB3')).toBe(true);
    expect((await readXlsx(out)).snapshot.tables.some((t) => t.name === 'PohonKinerja')).toBe(true);
  });

  it('adopts the level table with the period from the options (human report)', async () => {
    const r = await run(runImport, [fx('level-banyuwangi.xlsx'), '--out', tmp.path('level.xlsx'), '--tahun-awal', '2026', '--tahun-akhir', '2030']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tata letak: tabel level [level-table]');
    expect(r.stdout).toContain('25 kotak');
  });

  it('exits 2 when no known layout is recognised, saying what the sheet holds and what is missing', async () => {
    const wb = new ExcelJS.Workbook();
    plainSheet(wb, 'Daftar', [['Nama', 'Alamat'], ['a', 'b']]);
    const file = tmp.path('lain.xlsx');
    await save(wb, file);
    const r = await run(runImport, [file, '--out', tmp.path('x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'Daftar'");
    expect(r.stderr).toMatch(/tidak ada: .*Kode/);
  });

  it('exits 2 on a missing --out or an unknown --sheet', async () => {
    expect((await run(runImport, [fx('renstra-banyuwangi.xlsx')])).code).toBe(2);
    const r = await run(runImport, [fx('renstra-banyuwangi.xlsx'), '--out', tmp.path('y.xlsx'), '--sheet', 'Tidak Ada']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'T-C.27'");
  });

  describe('pokin export', () => {
    const out = tmp.path('export.xlsx');
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      const input = validInput();
      input.pohon![0] = { ...input.pohon![0], 'Pernyataan Kinerja': '=SUM(1,2)' };
      await writeInput(tmp.path('valid.xlsx'), input);
      const r = await run(runExport, [tmp.path('valid.xlsx'), '--out', out, '--tahun', '2026']);
      expect(r.code).toBe(0);
      wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
    });

    it('writes the canonical tables and the generated sheets', () => {
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(expect.arrayContaining(['Pohon Kinerja', 'Indikator', 'Matriks Cascading', 'Tabel Level', 'PK 2026 KADIS', 'PK 2026 KABID-KESMAS', 'PK 2026 KASI-GIZI', 'Validasi']));
      const pk = wb.getWorksheet('PK 2026 KADIS')!;
      expect(pk.getCell('A1').value).toBe('PERJANJIAN KINERJA TAHUN 2026');
      expect(pk.pageSetup.paperSize).toBe(9);
      expect(pk.pageSetup.fitToWidth).toBe(1);
    });

    it('keeps text from the workbook as text, never a formula', () => {
      const m = wb.getWorksheet('Matriks Cascading')!;
      expect(m.getCell('C2').value).toBe('=SUM(1,2)');
      expect(m.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    });

    it('links Validasi locations to their cells', async () => {
      const bad = validInput();
      bad.pohon![2] = { ...bad.pohon![2], Induk: 'NOPE' };
      await writeInput(tmp.path('bad.xlsx'), bad);
      expect((await run(runExport, [tmp.path('bad.xlsx'), '--out', tmp.path('bad-out.xlsx'), '--sheets', 'validasi'])).code).toBe(0);
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(tmp.path('bad-out.xlsx'));
      const v = w.getWorksheet('Validasi')!;
      expect(v.getRow(1).values).toEqual([undefined, 'Aturan', 'Tingkat', 'Lokasi', 'ID', 'Pesan', 'Cara Memperbaiki']);
      const loc = v.getCell('C2').value as { formula: string; result: string };
      expect(loc.formula).toMatch(/^HYPERLINK\("#'Pohon Kinerja'!/);
      expect(v.getCell('B2').value).toBe('E');
    });

    it('rejects a year outside the period and an unknown sheet kind (exit 2)', async () => {
      expect((await run(runExport, [tmp.path('valid.xlsx'), '--out', tmp.path('z.xlsx'), '--tahun', '2031'])).code).toBe(2);
      expect((await run(runExport, [tmp.path('valid.xlsx'), '--out', tmp.path('z.xlsx'), '--sheets', 'matrix'])).code).toBe(2);
    });
  });

  it('round trip: canonical → Matriks Cascading → import gives the same tree', async () => {
    const out = tmp.path('rt.xlsx');
    expect((await run(runExport, [canonical, '--out', out, '--sheets', 'matriks'])).code).toBe(0);
    const again = tmp.path('rt-canonical.xlsx');
    // The matrix prints position names; the Jabatan table of the canonical workbook maps them back.
    const r = await run(runImport, [out, '--sheet', 'Matriks Cascading', '--out', again, '--json', '--jabatan', canonical, ...INFO]);
    expect(r.code).toBe(0);
    const a = readWorkbook((await readXlsx(canonical)).snapshot).tree;
    const b = readWorkbook((await readXlsx(again)).snapshot).tree;
    const sig = (t: typeof a) => t.boxes.map((x) => [x.levelName, x.parent?.id, x.pernyataan, x.kode, x.penanggungJawab, x.pagu, x.indicators.map((i) => [i.nama, i.targets])]);
    expect(sig(b)).toEqual(sig(a));
  });
});
