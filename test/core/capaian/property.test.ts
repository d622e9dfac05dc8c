/** Properties of the capaian formulas over many generated inputs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capaianNegatif, capaianPositif, capaianRentang, hitungAkumulasi, hitungCapaian, kategoriCapaian,
  type CapaianResult, type OpsiCapaian,
} from '../../../core/capaian/index.js';
import type { Target } from '../../../core/model.js';

const angka = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
const target = fc.double({ noNaN: true, min: 0.001, max: 1e9 });
const opsi: fc.Arbitrary<OpsiCapaian> = fc.record({
  batasCapaian: fc.constantFrom('Tanpa' as const, 100 as const, 110 as const, 120 as const),
  rumusNegatif: fc.constantFrom('2T-R' as const, 'T/R' as const),
  rentangDiAtas: fc.constantFrom('Baik' as const, 'Buruk' as const),
});

/** The shape every result must have, whatever the input. */
function sehat(c: CapaianResult, o: OpsiCapaian): void {
  if (c.status === 'ok') {
    expect(Number.isFinite(c.murni)).toBe(true);
    expect(Number.isFinite(c.capaian)).toBe(true);
    expect(c.capaian).toBeLessThanOrEqual(c.murni as number);
    if (o.batasCapaian !== 'Tanpa') expect(c.capaian).toBeLessThanOrEqual(o.batasCapaian);
    else expect(c.capaian).toBe(c.murni);
    expect(kategoriCapaian(c)).not.toBeNull();
  } else {
    expect(c.murni).toBeNull();
    expect(c.capaian).toBeNull();
    expect(c.alasan?.id.length).toBeGreaterThan(0);
    expect(c.alasan?.en.length).toBeGreaterThan(0);
  }
}

describe('capaian properties', () => {
  it('Positif capaian never decreases as R grows (murni and capped)', () => {
    fc.assert(fc.property(target, angka, angka, opsi, (t, r1, r2, o) => {
      const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const a = capaianPositif(t, lo, o);
      const b = capaianPositif(t, hi, o);
      expect(a.status).toBe('ok');
      expect(b.murni as number).toBeGreaterThanOrEqual(a.murni as number);
      expect(b.capaian as number).toBeGreaterThanOrEqual(a.capaian as number);
    }));
  });

  it('Negatif capaian never increases as R grows', () => {
    fc.assert(fc.property(target, fc.double({ noNaN: true, min: 0.001, max: 1e9 }), fc.double({ noNaN: true, min: 0.001, max: 1e9 }), opsi, (t, r1, r2, o) => {
      const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      expect(capaianNegatif(t, hi, o).murni as number).toBeLessThanOrEqual(capaianNegatif(t, lo, o).murni as number);
    }));
  });

  it('the capped value never exceeds the cap, and Negatif 2T-R is never below 0', () => {
    fc.assert(fc.property(anyFinite, anyFinite, opsi, (t, r, o) => {
      sehat(capaianPositif(t, r, o), o);
      const n = capaianNegatif(t, r, o);
      sehat(n, o);
      if (n.status === 'ok' && o.rumusNegatif === '2T-R') expect(n.murni).toBeGreaterThanOrEqual(0);
    }));
  });

  it('never throws or returns NaN for finite inputs of any polarity or akumulasi', () => {
    const tgt: fc.Arbitrary<Target | null> = fc.oneof(
      fc.constant(null),
      fc.constant({ kind: 'none' as const }),
      anyFinite.map((value) => ({ kind: 'number' as const, value })),
      fc.tuple(anyFinite, anyFinite).map(([low, high]) => ({ kind: 'range' as const, low, high })),
      fc.constantFrom('WTP', 'A', 'AA').map((text) => ({ kind: 'text' as const, text })),
    );
    const real = fc.oneof(fc.constant(null), anyFinite, fc.constantFrom('WTP', 'BB', true, false));
    const pol = fc.constantFrom('Positif' as const, 'Negatif' as const, 'Rentang' as const, null);
    const aku = fc.constantFrom('Kumulatif' as const, 'Nilai Akhir' as const, 'Rata-rata' as const, null);
    fc.assert(fc.property(pol, aku, tgt, real, fc.array(fc.record({ target: tgt, realisasi: real }), { maxLength: 5 }), opsi,
      (polaritas, akumulasi, t, r, periode, o) => {
        sehat(hitungCapaian({ polaritas, target: t, realisasi: r }, o), o);
        sehat(hitungAkumulasi({ akumulasi, polaritas, periode }, o), o);
        sehat(hitungAkumulasi({ akumulasi, polaritas, periode, targetAkhir: t }, o), o);
      }));
  });

  it('Rentang gives 100 % for every R inside the band', () => {
    fc.assert(fc.property(angka, angka, fc.double({ min: 0, max: 1, noNaN: true }), opsi, (x, y, f, o) => {
      const [a, b] = x <= y ? [x, y] : [y, x];
      const r = Math.min(b, Math.max(a, a + (b - a) * f));
      expect(capaianRentang(a, b, r, { ...o, batasCapaian: 'Tanpa' }).murni).toBe(100);
    }));
  });
});
