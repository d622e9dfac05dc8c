/**
 * Finding the canonical tables by their header row (files saved without table objects) must
 * not claim a foreign sheet for an optional table: a Renstra matrix left beside the adopted
 * tables is not the workbook's own Nomenklatur list.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { locateTables } from '../../xlsx/extract.js';

function matrixSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Kode', 'Program/Kegiatan', 'Indikator', 'Satuan', 'Kondisi Awal', 'Kinerja', 'Anggaran']);
  ws.addRow(['2.16.02', 'PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK', 'Persentase informasi tersampaikan', '%', 80, 85, 100000000]);
}

describe('locating tables by their header row', () => {
  it('does not take a Renstra matrix on another sheet for the optional Nomenklatur table', () => {
    const wb = new ExcelJS.Workbook();
    matrixSheet(wb, 'Lima');
    expect(locateTables(wb).map((t) => t.spec.key)).not.toContain('nomenklatur');
  });

  it('still finds a Nomenklatur list saved without a table object on its own sheet', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nomenklatur');
    ws.addRow(['Kode', 'Nomenklatur', 'Kinerja', 'Indikator', 'Satuan']);
    ws.addRow(['1.02.02.2.01.0001', 'Pengelolaan Pelayanan Kesehatan Ibu Hamil', 'Terlaksananya', 'Jumlah ibu hamil', 'Orang']);
    const found = locateTables(wb).find((t) => t.spec.key === 'nomenklatur');
    expect(found?.ws.name).toBe('Nomenklatur');
    expect(found?.snapshot.rows).toHaveLength(1);
  });
});
