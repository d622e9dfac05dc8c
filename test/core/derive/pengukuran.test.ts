/**
 * The generated sheets of SAKIP.md §12 as sheet specifications: Renaksi (signed like the PK),
 * Pengukuran TWn and the eight LKjIP tables, with the contract's columns, Indonesian numbers,
 * A4 print settings, and rows tall enough for their wrapped text.
 */
import { describe, expect, it } from 'vitest';
import {
  angkaTeks, DERIVED_KINDS, deriveSheets, LKJIP_SHEETS, lkjipSheets, pengukuranSheet, renaksiSheet, renaksiSheets, type SheetSpec,
} from '../../../core/derive/index.js';
import { hitungPengukuran } from '../../../core/pengukuran/index.js';
import { readWorkbook } from '../../../core/read/index.js';
import { makeSnapshot } from '../../helpers/snapshot.js';
import { pengukuranInput, realisasiRow } from '../pengukuran/fixture.js';

const w = pengukuranInput();
realisasiRow(w, 'S1', 4).Penjelasan = 'Sasaran tercapai lebih cepat.';
w.indikator!.find((r) => r['ID Node'] === 'SS1')!.IKU = 'Ya';
w.pembanding = [{ Tahun: 2025, 'ID Node': 'SS1', Indikator: 'Angka Harapan Hidup', 'Nilai Pembanding': 72.4, Tingkat: 'Provinsi', Sumber: 'BPS Provinsi' }];
const { tree } = readWorkbook(makeSnapshot(w));
const p = hitungPengukuran(tree, 2025);

const cell = (s: SheetSpec, r: number, c: number) => s.cells.find((x) => x.row === r && x.col === c)?.value ?? null;
const row = (s: SheetSpec, r: number) => s.cells.filter((x) => x.row === r).sort((a, b) => a.col - b.col).map((x) => x.value);
const texts = (s: SheetSpec) => s.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');

describe('Renaksi <tahun> <ID Jabatan>', () => {
  const s = renaksiSheet(tree, 'KASI-GIZI', 2025);
  it('is A4 landscape with the contract columns, repeated on every page', () => {
    expect(s.name).toBe('Renaksi 2025 KASI-GIZI');
    expect(s.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [5, 5] });
    expect(row(s, 5)).toEqual(['No', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Rencana Aksi', 'TW I', 'TW II', 'TW III', 'TW IV', 'Penanggung Jawab']);
  });
  it('lists the boxes the position owns with their actions, quarterly targets in Indonesian form, and who acts', () => {
    expect(cell(s, 6, 2)).toBe('Tersedianya layanan kesehatan');
    expect(row(s, 6).slice(2)).toEqual(['Persentase puskesmas dengan layanan sesuai standar', '%', '60', '1. Aksi K1', '52,5', '55', '57,5', '60', 'Kepala Seksi Gizi']);
    expect(cell(s, 7, 3)).toBe('Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat');
  });
  it('is signed by the position and known by its atasan, with names and NIPs from Jabatan', () => {
    const t = texts(s);
    expect(t).toContain('Mengetahui,');
    expect(t).toEqual(expect.arrayContaining(['Kepala Bidang Kesehatan Masyarakat', 'Agus', 'Kepala Seksi Gizi', 'Rina', 'NIP. 198001012005031003', 'NIP. 197501012000031002']));
    expect(t.some((x) => /Contoh, \.+ 2025/.test(x))).toBe(true);
  });
  it('shows a PK indicator without an action as a gap, and exists for every owner of PK indicators', () => {
    const gap = readWorkbook(makeSnapshot({ ...w, rencanaAksi: w.rencanaAksi!.filter((r) => r['ID Node'] !== 'P1') })).tree;
    expect(cell(renaksiSheet(gap, 'KABID-KESMAS', 2025), 6, 6)).toBe('—');
    expect(renaksiSheets(tree, 2025).map((x) => x.name)).toEqual(['Renaksi 2025 KADIS', 'Renaksi 2025 KABID-KESMAS', 'Renaksi 2025 KASI-GIZI']);
  });
});

describe('Pengukuran <tahun> TW<n>', () => {
  const s = pengukuranSheet(tree, 2025, 2, p);
  it('has the contract columns for the quarter', () => {
    expect(s.name).toBe('Pengukuran 2025 TW2');
    expect(row(s, 4)).toEqual(['No', 'Sasaran', 'Indikator', 'Satuan', 'Target Tahun', 'Target s.d. TW2', 'Realisasi s.d. TW2', 'Capaian s.d. TW2 (%)',
      'Capaian thd Target Tahun (%)', 'Kategori', 'Pagu', 'Realisasi Anggaran', 'Serapan (%)', 'Penanggung Jawab', 'Penjelasan']);
    expect(s.print.orientation).toBe('landscape');
  });
  it('prints capaian with two decimals and a decimal comma, money with dot thousands, the Kategori coloured', () => {
    // S1: target s.d. TW2 = 60, realisasi 61 → 101,67 %; against 120 → 50,83 %; anggaran 70 + 70 of 300 → 46,67 %.
    const r = s.cells.find((c) => c.value === 'Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat')!.row;
    expect(row(s, r).slice(2, 14)).toEqual(['Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat', 'Orang', '120', '60', '61', '101,67', '50,83', 'Sangat Baik', '300', '140', '46,67', 'Kepala Seksi Gizi']);
    expect(s.cells.find((c) => c.row === r && c.col === 10)!.style).toBe('kategori:Sangat Baik');
    expect(s.styles['kategori:Sangat Baik'].fill).toBeDefined();
    expect(texts(s).some((t) => t.startsWith('Jumlah indikator per kategori (capaian s.d. TW2): Sangat Baik: 4'))).toBe(true);
  });
  it('gives wrapped rows the height their text needs', () => {
    expect(s.rowHeights[4]).toBeGreaterThan(40);
  });
});

describe('the LKjIP tables', () => {
  const sheets = lkjipSheets(tree, 2025, {}, p);
  const by = (name: string) => sheets.find((x) => x.name === name)!;
  it('are the eight tables of §12, each on its own A4 sheet', () => {
    expect(sheets.map((x) => x.name)).toEqual([...LKJIP_SHEETS]);
    for (const x of sheets) expect(x.print).toMatchObject({ paper: 'A4', fitToWidth: true, titleRows: [4, 4] });
  });
  it('LKjIP Capaian: the Kepala OPD PK by default, year-end against the year target', () => {
    const s = by('LKjIP Capaian');
    expect(row(s, 4)).toEqual(['No', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Kategori']);
    // AHH: 71,22 / 71,2 = 100,03 %.
    expect(row(s, 5)).toEqual([1, 'Meningkatnya derajat kesehatan masyarakat', 'Angka Harapan Hidup', 'Tahun', '71,2', '71,22', '100,03', 'Sangat Baik']);
    const semua = lkjipSheets(tree, 2025, { cakupan: 'semua' }, p).find((x) => x.name === 'LKjIP Capaian')!;
    expect(texts(semua)).toContain('Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat');
    expect(texts(s)).not.toContain('Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat');
  });
  it('LKjIP Tren: n−2, n−1, n, with Kondisi Awal standing in for the year before the period', () => {
    const s = by('LKjIP Tren');
    expect(row(s, 4)).toEqual(['Indikator', 'Realisasi 2023', 'Realisasi 2024', 'Realisasi 2025', 'Capaian 2024 (%)', 'Capaian 2025 (%)', 'Naik/Turun']);
    expect(row(s, 5)).toEqual(['Angka Harapan Hidup', '-', '71*', '71,22', '-', '100,03', 'Naik']);
    expect(texts(s).some((t) => t.startsWith('* Kondisi Awal'))).toBe(true);
  });
  it('LKjIP Renstra, Pembanding, Efisiensi, Anggaran and Rekap have their columns', () => {
    expect(row(by('LKjIP Renstra'), 4)).toEqual(['Indikator', 'Kondisi Awal', 'Target Akhir Renstra', 'Realisasi 2025', 'Capaian thd Target Akhir (%)']);
    // AHH: 71,22 against Kondisi Akhir 71,6 → 99,47 %.
    expect(row(by('LKjIP Renstra'), 5)).toEqual(['Angka Harapan Hidup', '71', '71,6', '71,22', '99,47']);
    expect(row(by('LKjIP Pembanding'), 5)).toEqual([1, 'Angka Harapan Hidup', 'Tahun', '71,22', '72,4', 'Provinsi', 'BPS Provinsi', 'Lebih buruk']);
    expect(row(by('LKjIP Efisiensi'), 4)).toEqual(['Sasaran', 'Capaian rata-rata (%)', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan (%)', 'Efisiensi']);
    // SS1: capaian 100,03 − serapan 95,00 = 5,03 points.
    expect(row(by('LKjIP Efisiensi'), 5)).toEqual(['Meningkatnya derajat kesehatan masyarakat', '100,03', '300', '285', '95,00', '5,03']);
    expect(row(by('LKjIP Anggaran'), 4)).toEqual(['No', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Capaian Kinerja (%)']);
    expect(texts(by('LKjIP Anggaran'))).toContain('1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT');
    expect(row(by('LKjIP Rekap'), 5)).toEqual(['Sangat Baik', 1, '100,00']);
  });
});

describe('deriveSheets', () => {
  it('generates the pengukuran sheets only when asked for', () => {
    expect(DERIVED_KINDS).not.toContain('lkjip');
    expect(deriveSheets(tree, []).some((s) => s.name.startsWith('LKjIP'))).toBe(false);
    const got = deriveSheets(tree, [], { sheets: ['renaksi', 'pengukuran', 'lkjip'], tahun: 2025, pengukuran: { tw: 3 } }).map((s) => s.name);
    expect(got).toEqual(['Renaksi 2025 KADIS', 'Renaksi 2025 KABID-KESMAS', 'Renaksi 2025 KASI-GIZI', 'Pengukuran 2025 TW3', ...LKJIP_SHEETS]);
  });
});

describe('angkaTeks', () => {
  it.each([[72.85, '72,85'], [1050, '1.050'], [0.5, '0,5'], [3250000000, '3.250.000.000'], [-1.25, '-1,25'], [1 / 3, '0,333']] as const)('%s → %s', (x, t) => {
    expect(angkaTeks(x)).toBe(t);
  });
});
