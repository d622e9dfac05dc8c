import { afterAll, describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../xlsx/read.js';
import { neutralise } from '../../xlsx/write.js';
import { validInput } from '../helpers/snapshot.js';
import { tempDir, writeInput } from '../cli/fixtures.js';

const tmp = tempDir('write');
afterAll(() => tmp.cleanup());

const HOSTILE = ['=HYPERLINK("http://contoh.invalid","klik")', '+1+1', '-2+3', '@SUM(A1:A9)', '=cmd|\' /C calc\'!A0'];

describe('writeCanonicalWorkbook', () => {
  it('writes text from other users that starts with = + - @ as text, never as a formula', async () => {
    const input = validInput();
    input.pohon![0] = { ...input.pohon![0], 'Pernyataan Kinerja': HOSTILE[0], Catatan: HOSTILE[1], Nomenklatur: HOSTILE[2] };
    input.indikator![0] = { ...input.indikator![0], 'Definisi Operasional': HOSTILE[3], Formula: HOSTILE[4] };
    const file = tmp.path('hostile.xlsx');
    await writeInput(file, input);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(c); })));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([]);
    const texts = cells.map((c) => c.value);
    for (const h of HOSTILE) expect(texts).toContain(h);

    const { snapshot } = await readXlsx(file);
    const pohon = snapshot.tables.find((t) => t.name === 'PohonKinerja')!;
    expect(pohon.rows[0][3]).toBe(HOSTILE[0]);
  });

  it('keeps IDs, codes and NIP as text cells', async () => {
    const file = tmp.path('text.xlsx');
    await writeInput(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const jab = wb.getWorksheet('Jabatan')!;
    expect(jab.getCell('E3').value).toBe('197001012000031001');
    expect(jab.getCell('E3').numFmt).toBe('@');
    expect(wb.getWorksheet('Pohon Kinerja')!.getCell('E3').value).toBe('1.02.02');
  });

  it('keeps only the value of formula, rich text and hyperlink objects', () => {
    expect(neutralise({ formula: 'SUM(A1)', result: 3 })).toBe(3);
    expect(neutralise({ formula: 'SUM(A1)' })).toBeNull();
    expect(neutralise({ richText: [{ text: '=A' }, { text: '1' }] })).toBe('=A1');
    expect(neutralise('=1+1')).toBe('=1+1');
    expect(neutralise(Number.NaN)).toBeNull();
    expect(neutralise(5)).toBe(5);
  });
});
