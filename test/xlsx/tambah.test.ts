/**
 * `pokin template FILE --tambah pengukuran` on a real .xlsx: the three tables are added with
 * Rencana Aksi pre-filled per PK indicator, the workbook's other sheets, dropdowns and live
 * marks are kept, running it again keeps what the planner typed, and the result reads back
 * through the same reader as every other workbook.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../core/validate.js';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsx } from '../../xlsx/read.js';
import { tambahPengukuran } from '../../xlsx/tambah.js';
import { tempDir, writeInput } from '../cli/fixtures.js';
import { validInput } from '../helpers/snapshot.js';

const tmp = tempDir('tambah');
afterAll(() => tmp.cleanup());
const base = tmp.path('base.xlsx');

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
/** ExcelJS keeps conditional formats per sheet in `ws.conditionalFormattings` (not in its types). */
const cfCount = (ws: ExcelJS.Worksheet) => ((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []).length;
const validationAt = (ws: ExcelJS.Worksheet, addr: string) => (ws as unknown as { dataValidations: { find(a: string): { formulae?: string[] } | undefined } }).dataValidations.find(addr);

beforeAll(async () => {
  const input = validInput();
  input.indikator!.find((r) => r['ID Node'] === 'SS1')!.IKU = 'Ya';
  await writeInput(base, input);
  // The planner's own sheet, which must survive.
  const wb = await load(base);
  wb.addWorksheet('Catatan Saya').getCell('B2').value = 'Rapat evaluasi tanggal 5';
  await wb.xlsx.writeFile(base);
});

describe('tambahPengukuran', () => {
  it('adds Rencana Aksi (one row per PK indicator, Satuan/Akumulasi/target shown), Realisasi (per quarter) and Pembanding (per IKU)', async () => {
    const out = tmp.path('a.xlsx');
    const r = await tambahPengukuran(base, 2026, out);
    expect(r).toMatchObject({ tahun: 2026, rows: { rencanaAksi: 4, realisasi: 16, pembanding: 1 }, added: { rencanaAksi: 4, realisasi: 16, pembanding: 1 } });
    const { snapshot } = await readXlsx(out);
    const ra = snapshot.tables.find((t) => t.name === 'RencanaAksi')!;
    expect(ra.sheet).toBe('Rencana Aksi');
    expect(ra.header.slice(0, 8)).toEqual(['Tahun', 'ID Node', 'Indikator', 'Satuan', 'Akumulasi', 'Target Tahun', 'ID Jabatan', 'No']);
    expect(ra.rows[0].slice(0, 8)).toEqual([2026, 'SS1', 'Angka Harapan Hidup', 'Tahun', 'Nilai Akhir', 71.4, 'KADIS', '1']);
    const re = snapshot.tables.find((t) => t.name === 'Realisasi')!;
    expect(re.rows.slice(0, 5).map((x) => `${x[1]} ${x[2]}`)).toEqual(['TW1 SS1', 'TW1 P1', 'TW1 K1', 'TW1 S1', 'TW2 SS1']);
    const v = validateSnapshot(snapshot, { final: true });
    expect(v.issues.filter((i) => /^[RUL]\d\d$/.test(i.rule) || ['Rencana Aksi', 'Realisasi', 'Pembanding'].includes(i.sheet))).toEqual([]);
  });

  it('keeps the other sheets, their dropdowns and marks, and gives the new sheets theirs', async () => {
    const out = tmp.path('b.xlsx');
    const before = await load(base);
    await tambahPengukuran(base, 2026, out);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), 'Rencana Aksi', 'Realisasi', 'Pembanding']);
    expect(wb.getWorksheet('Catatan Saya')!.getCell('B2').value).toBe('Rapat evaluasi tanggal 5');
    expect(cfCount(wb.getWorksheet('Pohon Kinerja')!)).toBe(cfCount(before.getWorksheet('Pohon Kinerja')!));
    expect(validationAt(wb.getWorksheet('Indikator')!, 'D5')?.formulae).toEqual(validationAt(before.getWorksheet('Indikator')!, 'D5')?.formulae);
    expect(cfCount(wb.getWorksheet('Rencana Aksi')!)).toBeGreaterThan(3);
    expect(validationAt(wb.getWorksheet('Realisasi')!, 'B7')?.formulae).toEqual(['"TW1,TW2,TW3,TW4"']);
    expect(validationAt(wb.getWorksheet('Rencana Aksi')!, 'G3')?.formulae?.[0]).toMatch(/^'Jabatan'!\$A\$2:\$A\$\d+$/);
  });

  it('keeps what the planner typed when run again, and adds only what is missing', async () => {
    const first = tmp.path('c1.xlsx');
    await tambahPengukuran(base, 2026, first);
    const wb = await load(first);
    const re = wb.getWorksheet('Realisasi')!;
    re.getCell('E2').value = 71.3;
    re.getCell('H2').value = 'Data BPS sementara';
    wb.getWorksheet('Rencana Aksi')!.getCell('I2').value = 'Rapat koordinasi lintas sektor';
    await wb.xlsx.writeFile(first);
    const second = tmp.path('c2.xlsx');
    const r = await tambahPengukuran(first, 2026, second);
    expect(r.added).toEqual({ rencanaAksi: 0, realisasi: 0, pembanding: 0 });
    const again = await tambahPengukuran(second, 2027, tmp.path('c3.xlsx'));
    expect(again.added).toEqual({ rencanaAksi: 4, realisasi: 16, pembanding: 1 });
    const { snapshot } = await readXlsx(tmp.path('c3.xlsx'));
    const reRows = snapshot.tables.find((t) => t.name === 'Realisasi')!.rows;
    expect(reRows[0].slice(0, 8)).toEqual([2026, 'TW1', 'SS1', 'Angka Harapan Hidup', 71.3, null, null, 'Data BPS sementara']);
    expect(snapshot.tables.find((t) => t.name === 'RencanaAksi')!.rows[0][8]).toBe('Rapat koordinasi lintas sektor');
  });

  it('refuses a year outside the period and a workbook without a tree, with a bilingual message', async () => {
    await expect(tambahPengukuran(base, 2031, tmp.path('x.xlsx'))).rejects.toMatchObject({ bilingual: { id: expect.stringContaining('di luar periode') } });
    const empty = tmp.path('empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Lembar1').getCell('A1').value = 'halo';
    await wb.xlsx.writeFile(empty);
    await expect(tambahPengukuran(empty, 2026)).rejects.toBeInstanceOf(XlsxError);
  });
});
