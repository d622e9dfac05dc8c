/** SAKIP.md §6.1: every worked example of the formula table, plus the edges around them. */
import { describe, expect, it } from 'vitest';
import {
  capaianKualitatif, capaianNegatif, capaianPositif, capaianRentang, formatCapaian,
  hitungCapaian, parsePolaritas, SKALA_PREDIKAT_SAKIP,
} from '../../../core/capaian/index.js';
import type { Target } from '../../../core/model.js';

const num = (value: number): Target => ({ kind: 'number', value });
const range = (low: number, high: number): Target => ({ kind: 'range', low, high });
const text = (t: string): Target => ({ kind: 'text', text: t });

describe('Positif', () => {
  it('divides R by T: T 80, R 72 gives 90 %', () => {
    const c = capaianPositif(80, 72);
    expect(c.status).toBe('ok');
    expect(c.murni).toBeCloseTo(90, 10);
    expect(formatCapaian(c)).toBe('90,00 %');
  });

  it('reaches exactly 100 % when a maximal target is met: T 100, R 100', () => {
    expect(capaianPositif(100, 100).murni).toBe(100);
    expect(hitungCapaian({ polaritas: 'Positif', target: num(100), realisasi: 100 }).capaian).toBe(100);
  });

  it('has no capaian for target 0 and says "tidak terdefinisi"', () => {
    const c = capaianPositif(0, 5);
    expect(c).toMatchObject({ murni: null, capaian: null, status: 'tidak terdefinisi' });
    expect(c.alasan?.id).toMatch(/target 0/);
    expect(c.alasan?.en).toMatch(/target 0/);
    expect(formatCapaian(c)).toBe('tidak terdefinisi');
    expect(capaianPositif(0, 0).status).toBe('tidak terdefinisi');
  });

  it('refuses a negative target instead of printing a ratio that points the wrong way', () => {
    expect(capaianPositif(-2, -1).status).toBe('tidak terdefinisi');
  });

  it('returns 0, not -0, for R 0', () => {
    expect(Object.is(capaianPositif(5, 0).murni, 0)).toBe(true);
  });
});

describe('Negatif', () => {
  it('uses 2T-R by default: T 7 months, R 6,5 gives 107,14 %', () => {
    const c = capaianNegatif(7, 6.5);
    expect(c.murni).toBeCloseTo(107.142857, 5);
    expect(formatCapaian(c)).toBe('107,14 %');
  });

  it('uses 2T-R by default: T 8, R 9 gives 87,5 %', () => {
    const c = capaianNegatif(8, 9);
    expect(c.murni).toBeCloseTo(87.5, 10);
    expect(formatCapaian(c)).toBe('87,50 %');
  });

  it('gives 100 % when R equals T (unlike the forbidden (T-R)/T)', () => {
    expect(capaianNegatif(8, 8).murni).toBe(100);
  });

  it('floors 2T-R at 0 when R exceeds twice the target', () => {
    expect(capaianNegatif(8, 20).murni).toBe(0);
  });

  it('uses T/R when configured: T 8, R 9 gives 88,89 %', () => {
    const c = capaianNegatif(8, 9, { rumusNegatif: 'T/R' });
    expect(c.murni).toBeCloseTo(88.888889, 5);
    expect(formatCapaian(c)).toBe('88,89 %');
  });

  it('has no T/R capaian when R is 0 (division by zero)', () => {
    expect(capaianNegatif(8, 0, { rumusNegatif: 'T/R' }).status).toBe('tidak terdefinisi');
  });

  it('with target 0 gives 100 % for R 0 and 0 % for R > 0 (incidents, T 0: R 0, R 2)', () => {
    expect(capaianNegatif(0, 0).murni).toBe(100);
    expect(capaianNegatif(0, 2).murni).toBe(0);
    expect(capaianNegatif(0, 0, { rumusNegatif: 'T/R' }).murni).toBe(100);
    expect(capaianNegatif(0, 2, { rumusNegatif: 'T/R' }).murni).toBe(0);
  });
});

describe('Rentang', () => {
  it('gives 100 % inside the band: [80, 90], R 85', () => {
    expect(capaianRentang(80, 90, 85).murni).toBe(100);
  });

  it('gives 100 % on both band ends', () => {
    expect(capaianRentang(80, 90, 80).murni).toBe(100);
    expect(capaianRentang(80, 90, 90).murni).toBe(100);
  });

  it('divides by the lower end below the band: [80, 90], R 70 gives 87,5 %', () => {
    expect(capaianRentang(80, 90, 70).murni).toBeCloseTo(87.5, 10);
  });

  it('above the band gives R / b when Rentang Di Atas = Baik: R 99 gives 110 %', () => {
    const c = capaianRentang(80, 90, 99);
    expect(c.murni).toBeCloseTo(110, 10);
    expect(formatCapaian(c)).toBe('110,00 %');
  });

  it('above the band gives (2b - R) / b when Rentang Di Atas = Buruk: R 99 gives 90 %', () => {
    const c = capaianRentang(80, 90, 99, { rentangDiAtas: 'Buruk' });
    expect(c.murni).toBeCloseTo(90, 10);
  });

  it('does not compute an inverted range (K16 reports it)', () => {
    expect(capaianRentang(90, 80, 85).status).toBe('tidak dihitung');
  });

  it('reads a range target through hitungCapaian', () => {
    expect(hitungCapaian({ polaritas: 'Rentang', target: range(80, 90), realisasi: 70 }).murni).toBeCloseTo(87.5, 10);
  });

  it('treats a single number under Rentang as the band [T, T]', () => {
    expect(hitungCapaian({ polaritas: 'Rentang', target: num(50), realisasi: 50 }).murni).toBe(100);
  });
});

describe('hitungCapaian input handling', () => {
  it('applies the configured polarity to a number target', () => {
    expect(hitungCapaian({ polaritas: 'Negatif', target: num(7), realisasi: 6.5 }).murni).toBeCloseTo(107.142857, 5);
    expect(hitungCapaian({ polaritas: 'Negatif', target: num(8), realisasi: 9 }, { rumusNegatif: 'T/R' }).murni)
      .toBeCloseTo(88.888889, 5);
  });

  it('does not compute without a target, with "-" or without a realisation', () => {
    for (const c of [
      hitungCapaian({ polaritas: 'Positif', target: null, realisasi: 1 }),
      hitungCapaian({ polaritas: 'Positif', target: { kind: 'none' }, realisasi: 1 }),
      hitungCapaian({ polaritas: 'Positif', target: num(5), realisasi: null }),
    ]) {
      expect(c.status).toBe('tidak dihitung');
      expect(c.alasan).toBeDefined();
    }
  });

  it('does not compute with an unknown polarity (K05)', () => {
    expect(hitungCapaian({ polaritas: parsePolaritas('naik'), target: num(5), realisasi: 5 }).status).toBe('tidak dihitung');
  });

  it('parses polarity text case-insensitively', () => {
    expect(parsePolaritas(' negatif ')).toBe('Negatif');
  });

  it('does not compute a range target under Positif (K16)', () => {
    expect(hitungCapaian({ polaritas: 'Positif', target: range(80, 90), realisasi: 85 }).status).toBe('tidak dihitung');
  });

  it('does not compute a text realisation against a number target', () => {
    expect(hitungCapaian({ polaritas: 'Positif', target: num(5), realisasi: 'lima' }).status).toBe('tidak dihitung');
  });

  it('reports non-finite numbers as not computed instead of returning NaN', () => {
    const c = capaianPositif(10, Number.NaN);
    expect(c.status).toBe('tidak dihitung');
    expect(c.murni).toBeNull();
  });

  it('reports an overflowing ratio as tidak terdefinisi instead of Infinity', () => {
    expect(capaianPositif(1e-300, 1e300).status).toBe('tidak terdefinisi');
  });
});

describe('Qualitative targets', () => {
  it('gives 100 % when the realisation equals the target: "WTP" = "WTP"', () => {
    expect(capaianKualitatif('WTP', 'WTP').murni).toBe(100);
    expect(hitungCapaian({ polaritas: 'Positif', target: text('WTP'), realisasi: ' wtp ' }).murni).toBe(100);
  });

  it('maps an explicit met / not met to 100 / 0', () => {
    expect(capaianKualitatif('WTP', true).murni).toBe(100);
    expect(capaianKualitatif('WTP', false).murni).toBe(0);
  });

  it('does not compute different texts without a scale (exceeded and missed look alike)', () => {
    const c = capaianKualitatif('A', 'AA');
    expect(c.status).toBe('tidak dihitung');
    expect(formatCapaian(c)).toBe('tidak dihitung');
  });

  it('compares ranks on a configured ordinal scale, worst first', () => {
    const opsi = { skalaKualitatif: SKALA_PREDIKAT_SAKIP };
    expect(capaianKualitatif('A', 'BB', opsi).murni).toBeCloseTo((5 / 6) * 100, 10);
    expect(capaianKualitatif('A', 'A', opsi).murni).toBe(100);
    expect(capaianKualitatif('A', 'AA', opsi).murni).toBeCloseTo((7 / 6) * 100, 10);
  });

  it('falls back to equality when a value is not on the scale', () => {
    const opsi = { skalaKualitatif: SKALA_PREDIKAT_SAKIP };
    expect(capaianKualitatif('WTP', 'WTP', opsi).murni).toBe(100);
    expect(capaianKualitatif('WTP', 'WDP', opsi).status).toBe('tidak dihitung');
  });

  it('does not compute a numeric realisation against a text target', () => {
    expect(hitungCapaian({ polaritas: 'Positif', target: text('WTP'), realisasi: 1 }).status).toBe('tidak dihitung');
  });
});
