/**
 * The consolidated workbook as the Bagian Organisasi reads it: `Terakhir Dikirim` is a date
 * in the reader's time zone (not a raw ISO text), review statuses are words, and every
 * OPD in Validasi carries its name and how to fix the issue.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelDate, rekapSheet, validasiKonsolidasiSheet } from '../../../core/derive/consolidate/sheets.js';
import { specToRaw } from '../../../core/derive/index.js';
import type { ConsolidatedIssue, RekapRow } from '../../../core/wire/consolidated.js';
import { renderSheet } from '../../../xlsx/render.js';

const row: RekapRow = {
  opd: '1.02.0.00.0.00.01.0000', namaOpd: 'Dinas Kesehatan', tujuan: 1, sasaran: 2, program: 3, kegiatan: 4, subKegiatan: 5, indikator: 9,
  errors: 0, warnings: 2, statusReviu: 'diterima', version: 3, headVersion: 3, lastPush: '2026-11-22T16:05:00.000Z',
};

describe('Rekap OPD', () => {
  it('shows the last push as a date and time in the reader\'s zone, and the status as a word', async () => {
    const spec = rekapSheet({ rekap: [row, { ...row, opd: '1.03.0.00.0.00.01.0000', namaOpd: 'Dinas Sosial', statusReviu: 'belum dikirim', lastPush: null }] }, { utcOffsetMinutes: 420 });
    const raw = specToRaw(spec).values;
    expect(raw[0][12]).toBe('Terakhir Dikirim');
    expect(raw[1][10]).toBe('Diterima');
    expect(raw[2][10]).toBe('Belum dikirim');
    expect(raw[1][12]).toBeCloseTo(excelDate('2026-11-22T23:05:00.000Z')!, 6);
    expect(raw[2][12]).toBeNull();
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, spec);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const cell = back.getWorksheet('Rekap OPD')!.getCell('M2');
    expect(cell.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2026-11-22T23:05:00.000Z');
  });
});

describe('Validasi of the consolidation', () => {
  it('names the OPD beside its code and says how to fix each issue', () => {
    const issue = { opd: row.opd, rule: 'N10', severity: 'W', sheet: 'Pohon Kinerja', cell: 'F5', message: 'Kode dipakai dua OPD', messageEn: 'Code claimed twice' } as ConsolidatedIssue;
    const raw = specToRaw(validasiKonsolidasiSheet([issue], 'id', new Map([[row.opd, row.namaOpd]]))).values;
    expect(raw[0]).toEqual(['Kode OPD', 'Nama OPD', 'Aturan', 'Tingkat', 'Lokasi', 'ID', 'Pesan', 'Cara Memperbaiki']);
    expect(raw[1].slice(0, 4)).toEqual([row.opd, 'Dinas Kesehatan', 'N10', 'W']);
    expect(String(raw[1][7])).toMatch(/^Kode diklaim dua OPD: /);
  });
});
