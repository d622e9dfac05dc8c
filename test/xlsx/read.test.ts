import { afterAll, describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsx } from '../../xlsx/read.js';
import type { TableSnapshot } from '../../core/snapshot.js';
import { validateSnapshot } from '../../core/validate.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { plainSheet, save, tempDir, writeInput } from '../cli/fixtures.js';

const tmp = tempDir('read');
afterAll(() => tmp.cleanup());

/** The valid test workbook as plain sheets (no table objects), as LibreOffice saves it. */
function plainWorkbook(edit?: (name: string, rows: unknown[][]) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const t of makeSnapshot(validInput()).tables) {
    const rows: unknown[][] = [t.header, ...t.rows];
    edit?.(t.sheet, rows);
    plainSheet(wb, t.sheet, rows);
  }
  return wb;
}

const table = (tables: TableSnapshot[], name: string) => tables.find((t) => t.name === name)!;

async function expectXlsxError(input: string | Uint8Array, code: string, text: RegExp): Promise<void> {
  const err = await readXlsx(input).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(XlsxError);
  expect((err as XlsxError).code).toBe(code);
  expect((err as XlsxError).text('id')).toMatch(text);
  expect((err as XlsxError).text('en')).not.toBe((err as XlsxError).text('id'));
}

describe('readXlsx on canonical sheets without table objects', () => {
  it('finds each table by its header row and validates cleanly', async () => {
    const file = tmp.path('plain.xlsx');
    await save(plainWorkbook(), file);
    const { snapshot } = await readXlsx(file);
    expect(snapshot.tables.map((t) => t.name)).toEqual(['Info', 'Jabatan', 'PohonKinerja', 'Indikator', 'Crosscutting']);
    const result = validateSnapshot(snapshot);
    expect(result.summary).toMatchObject({ boxes: 4, indicators: 4, errors: 0 });
  });

  it('finds a header below title rows and on a renamed sheet, keeping sheet addresses', async () => {
    const wb = new ExcelJS.Workbook();
    for (const t of makeSnapshot(validInput()).tables) {
      const renamed = t.sheet === 'Pohon Kinerja' ? 'Pokin Dinkes' : t.sheet;
      const ws = plainSheet(wb, renamed, [t.header, ...t.rows], t.sheet === 'Pohon Kinerja' ? 3 : 1);
      if (t.sheet === 'Pohon Kinerja') ws.getCell('A1').value = 'POHON KINERJA DINAS KESEHATAN 2025-2027';
    }
    const file = tmp.path('shifted.xlsx');
    await save(wb, file);
    const { snapshot } = await readXlsx(file);
    const pohon = table(snapshot.tables, 'PohonKinerja');
    expect(pohon).toMatchObject({ sheet: 'Pokin Dinkes', address: 'A3' });
    expect(pohon.rows).toHaveLength(4);
    expect(validateSnapshot(snapshot).summary.errors).toBe(0);
  });
});

describe('readXlsx cell values', () => {
  it('reads cached formula results, and error values become F01 issues', async () => {
    const wb = plainWorkbook((sheet, rows) => {
      if (sheet === 'Pohon Kinerja') {
        rows[2][8] = { formula: 'I3+0', result: 300 };
        rows[2][3] = { error: '#REF!' };
      }
      if (sheet === 'Indikator') rows[1][10] = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const file = tmp.path('formulas.xlsx');
    await save(wb, file);
    const { snapshot } = await readXlsx(file);
    const pohon = table(snapshot.tables, 'PohonKinerja');
    expect(pohon.rows[1][8]).toBe(300);
    expect(pohon.rows[1][3]).toBe('#REF!');
    expect(table(snapshot.tables, 'Indikator').rows[0][10]).toBe('#DIV/0!');
    const f01 = validateSnapshot(snapshot).issues.filter((i) => i.rule === 'F01').map((i) => `${i.sheet}!${i.cell}`);
    expect(f01).toContain('Pohon Kinerja!D3');
    expect(f01).toContain('Indikator!K2');
  });

  it('turns rich text, hyperlinks and dates into text, and passes number formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = plainSheet(wb, 'Indikator', [['ID Node', 'Indikator', 'Satuan', 'Kondisi Awal', 'Sumber Data']]);
    ws.getCell('A2').value = { richText: [{ text: 'S' }, { font: { bold: true }, text: '1' }] };
    ws.getCell('B2').value = { text: 'Indeks kepuasan', hyperlink: 'https://example.org' };
    ws.getCell('C2').value = '%';
    ws.getCell('D2').value = 0.98;
    ws.getCell('D2').numFmt = '0%';
    ws.getCell('E2').value = new Date(Date.UTC(2026, 0, 31));
    const file = tmp.path('values.xlsx');
    await save(wb, file);
    const t = table((await readXlsx(file)).snapshot.tables, 'Indikator');
    expect(t.rows[0]).toEqual(['S1', 'Indeks kepuasan', '%', 0.98, '2026-01-31']);
    expect(t.numberFormats?.[0][3]).toBe('0%');
  });

  it('reports merged cells inside a table', async () => {
    const wb = plainWorkbook();
    wb.getWorksheet('Pohon Kinerja')!.mergeCells('E3:E4');
    const file = tmp.path('merged.xlsx');
    await save(wb, file);
    const { snapshot } = await readXlsx(file);
    expect(table(snapshot.tables, 'PohonKinerja').merges).toEqual(['E3:E4']);
    expect(validateSnapshot(snapshot).issues.some((i) => i.rule === 'F01' && i.cell === 'E3')).toBe(true);
  });

  it('reads rows typed right below a table whose range was not extended', async () => {
    const file = tmp.path('below.xlsx');
    await writeInput(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Indikator')!.getRow(6).values = ['S1', 'Indikator tambahan', 'Dokumen'];
    await save(wb, file);
    const t = table((await readXlsx(file)).snapshot.tables, 'Indikator');
    expect(t.rows).toHaveLength(5);
    expect(t.rows[4].slice(0, 3)).toEqual(['S1', 'Indikator tambahan', 'Dokumen']);
  });
});

describe('readXlsx on large sheets', () => {
  it('stops at the last row with a value on a sheet formatted down to row 100,000', async () => {
    const file = tmp.path('styled.xlsx');
    // The regular writer: the streaming one drops rows that hold no value.
    const wb = new ExcelJS.Workbook();
    const ws = plainSheet(wb, 'Pohon Kinerja', [['ID', 'Induk', 'Level', 'Pernyataan Kinerja'], ['SS1', null, 'Sasaran Strategis', 'Meningkatnya layanan']]);
    const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    for (let r = 3; r <= 100_000; r++) {
      const row = ws.getRow(r);
      row.getCell(1).fill = fill;
      row.getCell(4).fill = fill;
    }
    await save(wb, file);
    const { snapshot } = await readXlsx(file);
    expect(table(snapshot.tables, 'PohonKinerja').rows).toEqual([['SS1', null, 'Sasaran Strategis', 'Meningkatnya layanan']]);
  });
});

describe('readXlsx on unusable files', () => {
  it('says when the file does not exist', async () => {
    await expectXlsxError(tmp.path('tidak-ada.xlsx'), 'not-found', /tidak ditemukan/);
  });

  it('says when the path is a folder or the file is empty', async () => {
    const dir = tmp.path('folder.xlsx');
    mkdirSync(dir);
    await expectXlsxError(dir, 'is-directory', /folder/);
    const empty = tmp.path('kosong.xlsx');
    writeFileSync(empty, '');
    await expectXlsxError(empty, 'empty', /kosong/);
  });

  it('recognises a CSV renamed to .xlsx', async () => {
    const file = tmp.path('data.xlsx');
    writeFileSync(file, 'ID;Induk;Level\nSS1;;Sasaran Strategis\n');
    await expectXlsxError(file, 'not-xlsx', /CSV/);
  });

  it('recognises a password-protected workbook', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    await expectXlsxError(cfb, 'encrypted', /kata sandi/);
  });

  it('tells an old .xls apart from an encrypted workbook', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from('Workbook', 'utf16le').copy(cfb, 1024);
    await expectXlsxError(cfb, 'legacy-xls', /\.xls lama/);
  });

  it('reports a damaged zip as corrupt', async () => {
    const file = tmp.path('rusak.xlsx');
    await writeInput(file);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    await expectXlsxError(bytes.subarray(0, Math.floor(bytes.length / 2)), 'corrupt', /rusak/);
  });
});
