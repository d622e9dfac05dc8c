/**
 * The LKE sheets as ExcelJS writes them and as a real spreadsheet engine reads them:
 * one dropdown per run of criteria with the same answer list, the `Nilai` formula computed by
 * LibreOffice Calc (headless) from answers typed after Pokin wrote the file, and tables found
 * again on a sheet saved without table objects. Calc is skipped with a message when missing,
 * except in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { lkeColumns, lkeTables } from '../../core/layout/lke.js';
import { barisKriteriaBawaan, kriteriaBawaan, lembarLke, tabelKriteriaLke } from '../../core/lke/index.js';
import { buildLkeWorkbook } from '../../xlsx/lke.js';
import { readXlsx } from '../../xlsx/read.js';
import { tempDir } from '../cli/fixtures.js';
import { parseCsv } from '../../scripts/build-nomenklatur.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE && process.env.CI === 'true') throw new Error('LibreOffice Calc (soffice) is required in CI');
if (!SOFFICE) console.warn('LibreOffice Calc not found: skipping the LKE formula check in a real spreadsheet engine');

const tmp = tempDir('xlsx-lke');
afterAll(() => tmp.cleanup());
const H = lkeColumns().map((c) => c.header);
const col = (h: string) => H.indexOf(h) + 1;

/** The fresh LKE of the shipped list, saved and loaded back with every part (data validations too). */
async function fresh(): Promise<{ file: string; wb: ExcelJS.Workbook }> {
  const file = tmp.path(`lke-${Math.random().toString(36).slice(2)}.xlsx`);
  await buildLkeWorkbook({ lembar: lembarLke(kriteriaBawaan(), undefined, new Map()) }).xlsx.writeFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { file, wb };
}

describe('the LKE sheet in the .xlsx', () => {
  it('offers Y/T on Y/T criteria and A–D on graded ones, row by row', async () => {
    const { wb } = await fresh();
    const ws = wb.getWorksheet('LKE')!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const jawaban = (kode: string) => {
      let found = '';
      ws.eachRow((row, n) => { if (row.getCell(col('Kode')).value === kode) found = `G${n}`; });
      return dv[found]?.formulae[0];
    };
    expect(jawaban('AREN001.1')).toBe('"Y,T"');
    expect(jawaban('AREN002.5')).toBe('"A,B,C,D"');
    expect(jawaban('DVAL004.3')).toBe('"A,B,C,D"');
    expect(ws.getCell('H2').value).toMatchObject({ formula: expect.stringContaining('MATCH(UPPER(TRIM(G2)),{"Y","T","YA","TIDAK"},0)') });
  });

  it('is found again, with its Kriteria LKE table, on sheets saved without table objects', async () => {
    const wb = new ExcelJS.Workbook();
    const crit = tabelKriteriaLke(barisKriteriaBawaan());
    const lke = lembarLke(kriteriaBawaan(), undefined, new Map()).table;
    // As LibreOffice saves a copy: plain header rows, no ListObjects, the LKE below a title.
    const kws = wb.addWorksheet('Kriteria LKE');
    [crit.header, ...crit.rows].forEach((r, i) => { kws.getRow(i + 1).values = r as ExcelJS.CellValue[]; });
    const lws = wb.addWorksheet('Penilaian');
    lws.getCell('A1').value = 'LKE Dinas Kesehatan 2025';
    [lke.header, ...lke.rows].forEach((r, i) => { lws.getRow(i + 3).values = r as ExcelJS.CellValue[]; });
    const file = tmp.path('plain.xlsx');
    await wb.xlsx.writeFile(file);
    const { snapshot } = await readXlsx(file, lkeTables());
    expect(snapshot.tables.map((t) => [t.name, t.sheet, t.address, t.rows.length])).toEqual([
      ['KriteriaLKE', 'Kriteria LKE', 'A1', 76], ['LKE', 'Penilaian', 'A3', 76],
    ]);
  });
});

describe('reading a workbook that holds an LKE', () => {
  it('reads the LKE tables only when asked, so a push still sends the tree\'s tables alone', async () => {
    const plain = await readXlsx('examples/dinkes-lke-contoh.xlsx');
    expect(plain.snapshot.tables.map((t) => t.name)).toEqual(['Info', 'Jabatan', 'PohonKinerja', 'Indikator', 'Crosscutting']);
    const withLke = await readXlsx('examples/dinkes-lke-contoh.xlsx', lkeTables());
    expect(withLke.snapshot.tables.map((t) => t.name)).toEqual(['Info', 'Jabatan', 'PohonKinerja', 'Indikator', 'Crosscutting', 'LKE']);
  });
});

describe.skipIf(!SOFFICE)('the Nilai formula in LibreOffice Calc', () => {
  it('maps answers typed later (Y, ya, b, an invalid X) through each criterion\'s scale', async () => {
    const { wb } = await fresh();
    const ws = wb.getWorksheet('LKE')!;
    const typed: Record<string, string> = { 'AREN001.1': 'Y', 'AREN001.2': 'ya', 'AREN001.3': 'T', 'AREN002.5': 'b', 'AREN002.6': 'C', 'AREN002.7': 'X' };
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const kode = String(row.getCell(col('Kode')).value);
      const cell = row.getCell(col('Nilai'));
      // As Excel leaves a file nobody recalculated: the formula without a cached result.
      cell.value = { formula: (cell.value as { formula: string }).formula } as ExcelJS.CellFormulaValue;
      if (typed[kode]) row.getCell(col('Jawaban')).value = typed[kode];
    });
    const file = tmp.path('calc.xlsx');
    await wb.xlsx.writeFile(file);
    execFileSync(SOFFICE as string, [
      `-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', 'csv', '--outdir', tmp.dir, file,
    ], { stdio: 'ignore', timeout: 120_000 });
    const csv = parseCsv(readFileSync(join(tmp.dir, 'calc.csv'), 'utf8'));
    const nilai = (kode: string) => csv.find((r) => r.Kode === kode)?.Nilai;
    const byKode = Object.fromEntries(Object.keys(typed).concat('AREN001.4').map((k) => [k, nilai(k)]));
    expect(byKode).toEqual({ 'AREN001.1': '1', 'AREN001.2': '1', 'AREN001.3': '0', 'AREN002.5': '0.66', 'AREN002.6': '0.33', 'AREN002.7': '?', 'AREN001.4': '' });
  }, 180_000);
});
