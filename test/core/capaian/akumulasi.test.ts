/** SAKIP.md §6.1 Kumulatif, Nilai Akhir and Rata-rata: which R and T are compared. */
import { describe, expect, it } from 'vitest';
import { formatCapaian, hitungAkumulasi, parseAkumulasi, type PeriodeCapaian } from '../../../core/capaian/index.js';
import type { Target } from '../../../core/model.js';

const num = (value: number): Target => ({ kind: 'number', value });
const seri = (ts: (number | null)[], rs: (number | null)[]): PeriodeCapaian[] =>
  ts.map((t, i) => ({ target: t === null ? null : num(t), realisasi: rs[i] ?? null }));

describe('Kumulatif', () => {
  it('compares ΣR(TW1..3) with ΣT(TW1..3): T 20,30,30,20, R 15,35,25 gives 93,75 %', () => {
    const c = hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([20, 30, 30, 20], [15, 35, 25]) });
    expect(c.murni).toBeCloseTo(93.75, 10);
    expect(formatCapaian(c)).toBe('93,75 %');
  });

  it('after R(TW4) 30 compares 105 with 100: 105 %', () => {
    const c = hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([20, 30, 30, 20], [15, 35, 25, 30]) });
    expect(c.murni).toBeCloseTo(105, 10);
  });

  it('compares ΣR with T_year when the year target is given', () => {
    const c = hitungAkumulasi({
      akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([null, null, null, null], [15, 35, 25]), targetAkhir: num(100),
    });
    expect(c.murni).toBeCloseTo(75, 10);
  });

  it('compares the sum of yearly R with Kondisi Akhir for the period', () => {
    const c = hitungAkumulasi({
      akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([10, 10, 10, 10, 10], [12, 9, 11, 10, 8]), targetAkhir: num(50),
    });
    expect(c.murni).toBeCloseTo(100, 10);
  });

  it('says the Kondisi Akhir is missing instead of falling back to the yearly targets', () => {
    const c = hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([10, 10], [10, 10]), targetAkhir: null });
    expect(c.status).toBe('tidak dihitung');
  });

  it('applies the polarity to the sums (Negatif 2T-R on ΣT, ΣR)', () => {
    const c = hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Negatif', periode: seri([4, 4], [3, 5]) });
    expect(c.murni).toBeCloseTo(100, 10);
  });

  it('sums range ends for Rentang', () => {
    const periode: PeriodeCapaian[] = [
      { target: { kind: 'range', low: 10, high: 20 }, realisasi: 5 },
      { target: { kind: 'range', low: 10, high: 20 }, realisasi: 10 },
    ];
    expect(hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Rentang', periode }).murni).toBeCloseTo(75, 10);
  });

  it('does not treat a gap in the realisations as 0', () => {
    const c = hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([20, 30, 30], [15, null, 25]) });
    expect(c.status).toBe('tidak dihitung');
    expect(c.alasan?.id).toMatch(/periode ke-2/);
  });

  it('does not compute when a reported period has no target', () => {
    const c = hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([20, null], [15, 10]) });
    expect(c.status).toBe('tidak dihitung');
  });

  it('does not compute before any realisation is reported', () => {
    expect(hitungAkumulasi({ akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([20, 30], []) }).status).toBe('tidak dihitung');
  });
});

describe('Nilai Akhir', () => {
  it('compares the last reported R with its target: T 3,2, year-end R 3,1 gives 96,88 %', () => {
    const c = hitungAkumulasi({ akumulasi: 'Nilai Akhir', polaritas: 'Positif', periode: seri([3.0, 3.2], [2.9, 3.1]) });
    expect(c.murni).toBeCloseTo(96.875, 10);
    expect(formatCapaian(c)).toBe('96,88 %');
  });

  it('uses the polarity formula on that pair', () => {
    const c = hitungAkumulasi({ akumulasi: 'Nilai Akhir', polaritas: 'Negatif', periode: seri([8, 7], [9, 6.5]) });
    expect(c.murni).toBeCloseTo(107.142857, 5);
  });

  it('compares a qualitative last value with its target', () => {
    const periode: PeriodeCapaian[] = [{ target: { kind: 'text', text: 'WTP' }, realisasi: 'WTP' }];
    expect(hitungAkumulasi({ akumulasi: 'Nilai Akhir', polaritas: 'Positif', periode }).murni).toBe(100);
  });
});

describe('Rata-rata', () => {
  it('compares mean R with mean T: T 90 each quarter, R 85, 92, 88, 95 gives 100 %', () => {
    const c = hitungAkumulasi({ akumulasi: 'Rata-rata', polaritas: 'Positif', periode: seri([90, 90, 90, 90], [85, 92, 88, 95]) });
    expect(c.murni).toBeCloseTo(100, 10);
    expect(formatCapaian(c)).toBe('100,00 %');
  });

  it('does not average qualitative realisations', () => {
    const periode: PeriodeCapaian[] = [{ target: { kind: 'text', text: 'WTP' }, realisasi: 'WTP' }];
    expect(hitungAkumulasi({ akumulasi: 'Rata-rata', polaritas: 'Positif', periode }).status).toBe('tidak dihitung');
  });
});

describe('Akumulasi input', () => {
  it('does not compute with an unknown akumulasi (K05)', () => {
    expect(hitungAkumulasi({ akumulasi: parseAkumulasi('total'), polaritas: 'Positif', periode: seri([1], [1]) }).status)
      .toBe('tidak dihitung');
  });

  it('parses akumulasi text with loose spacing and case', () => {
    expect(parseAkumulasi('rata - rata')).toBe('Rata-rata');
    expect(parseAkumulasi('NILAI  AKHIR')).toBe('Nilai Akhir');
  });

  it('caps the aggregated capaian like a single one', () => {
    const c = hitungAkumulasi(
      { akumulasi: 'Kumulatif', polaritas: 'Positif', periode: seri([20, 30, 30, 20], [15, 35, 25, 30]) },
      { batasCapaian: 100 },
    );
    expect(c.murni).toBeCloseTo(105, 10);
    expect(c.capaian).toBe(100);
  });
});
