/** `LKE Rekap` as a sheet specification: what a printed recap shows, in both languages. */
import { describe, expect, it } from 'vitest';
import { LKE_REKAP_SHEET, lkeRekapSheet } from '../../../core/derive/index.js';
import { hitungSkor, kriteriaBawaan, usulanNaik } from '../../../core/lke/index.js';

const k = kriteriaBawaan();
const texts = (lang: 'id' | 'en', pick: (jenis: string, kode: string) => string | null) => {
  const rekap = hitungSkor(k, new Map(k.semua.map((c) => [c.kode, { jawaban: pick(c.jenis, c.kode) }])));
  const spec = lkeRekapSheet({ rekap, naik: usulanNaik(rekap), sumber: k.sumber, unit: 'Dinas Kesehatan — Kabupaten Contoh' }, lang);
  return { spec, cells: spec.cells.filter((c) => c.value !== null) };
};

describe('LKE Rekap', () => {
  it('lists komponen and sub komponen with bobot, nilai, % and points lost, then Total and Predikat', () => {
    const { spec, cells } = texts('id', (j) => (j === 'Y/T' ? 'Y' : 'C'));
    expect(spec.name).toBe(LKE_REKAP_SHEET);
    expect(spec.print).toMatchObject({ paper: 'A4', orientation: 'portrait', fitToWidth: true });
    const rowOf = (v: string) => cells.find((c) => c.value === v)!.row;
    const row = (r: number) => cells.filter((c) => c.row === r).map((c) => c.value);
    expect(row(rowOf('Komponen / Sub Komponen'))).toEqual(['No', 'Kode', 'Komponen / Sub Komponen', 'Bobot', 'Nilai', '%', 'Poin Hilang', 'Terjawab']);
    const aren = row(rowOf('AREN01'));
    expect(aren.slice(0, 5)).toEqual([1, 'AREN01', 'Perencanaan Kinerja', 30, expect.closeTo(15.93, 9)]);
    expect(aren[5]).toBeCloseTo(53.1, 9);
    expect(aren[6]).toBeCloseTo(14.07, 9);
    expect(row(rowOf('AREN002'))).toEqual(['AREN002', '    Kualitas', 9, expect.closeTo(4.98, 9), expect.closeTo(55.333, 3), expect.closeTo(4.02, 9), '9/9']);
    expect(row(rowOf('Total'))).toEqual(['Total', 100, 50.99, expect.closeTo(50.994, 3), expect.closeTo(49.006, 3), '76/76']);
    expect(row(rowOf('Predikat'))).toEqual(['Predikat', 'CC — Cukup (Memadai)']);
    expect(cells.map((c) => c.value)).toContain('Belum dijawab (0): —');
  });

  it('shows the ten costliest criteria and the fewest answers to the next predikat', () => {
    const { cells } = texts('en', (j, kode) => (kode === 'CLAP003.7' ? null : j === 'Y/T' ? 'Y' : 'B'));
    const values = cells.map((c) => c.value);
    expect(values).toContain('The ten criteria costing the most points');
    const first = cells.find((c) => c.value === 'The ten criteria costing the most points')!.row + 2;
    // Unanswered CLAP003.7 loses 7,5 / 7 = 1,07 points; a B among 3 in DVAL004 loses 0,34 × 2,5 = 0,85.
    expect(cells.filter((c) => c.row === first).map((c) => c.value)).toEqual([1, 'CLAP003.7', expect.any(String), '(none)', 0, expect.closeTo(7.5 / 7, 9), expect.closeTo(7.5 / 7, 9)]);
    expect(values.some((v) => typeof v === 'string' && v.startsWith('To the next predikat: '))).toBe(true);
    expect(values.some((v) => typeof v === 'string' && /^The total \d+\.\d\d must rise by at least \d+\.\d\d points to > \d+\.00\. The fewest answers that do it \(\d+ criteri(on|a)\) give \d+\.\d\d:$/.test(v))).toBe(true);
    expect(values).toContain('Not answered (1): CLAP003.7');
  });

  it('says so when the predikat is already the top one', () => {
    const { cells } = texts('id', (j) => (j === 'Y/T' ? 'Y' : 'A'));
    expect(cells.map((c) => c.value)).toContain('Total 100,00 sudah pada predikat tertinggi (AA).');
  });
});
