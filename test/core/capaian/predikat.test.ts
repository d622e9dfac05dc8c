/** SAKIP.md §7: evaluation predikat AA … D and the `Batas Predikat` boundaries. */
import { describe, expect, it } from 'vitest';
import { LABEL_PREDIKAT_SAKIP, predikatSakip } from '../../../core/capaian/index.js';

describe('Predikat SAKIP, Bawah Eksklusif (default)', () => {
  it.each([
    [60.1, 'B'], [60, 'CC'], [90, 'A'], [100, 'AA'], [0, 'D'],
  ] as const)('gives %d → %s (§7 examples)', (nilai, p) => {
    expect(predikatSakip(nilai)).toBe(p);
    expect(predikatSakip(nilai, 'Bawah Eksklusif')).toBe(p);
  });

  it.each([
    [90.01, 'AA'], [80.01, 'A'], [80, 'BB'], [70.01, 'BB'], [70, 'B'],
    [50.01, 'CC'], [50, 'C'], [30.01, 'C'], [30, 'D'],
  ] as const)('puts every other boundary %d in %s', (nilai, p) => {
    expect(predikatSakip(nilai)).toBe(p);
  });
});

describe('Predikat SAKIP, Bawah Inklusif', () => {
  it.each([
    [60, 'B'], [90, 'AA'], [0, 'D'], [100, 'AA'],
  ] as const)('gives %d → %s (§7 examples)', (nilai, p) => {
    expect(predikatSakip(nilai, 'Bawah Inklusif')).toBe(p);
  });

  it.each([
    [89.99, 'A'], [80, 'A'], [70, 'BB'], [59.99, 'CC'], [50, 'CC'], [30, 'C'], [29.99, 'D'],
  ] as const)('puts every other boundary %d in %s', (nilai, p) => {
    expect(predikatSakip(nilai, 'Bawah Inklusif')).toBe(p);
  });
});

describe('Predikat SAKIP input', () => {
  it('has no predikat for a score outside 0–100 or not finite', () => {
    expect(predikatSakip(100.01)).toBeNull();
    expect(predikatSakip(-0.01)).toBeNull();
    expect(predikatSakip(Number.NaN)).toBeNull();
  });

  it('labels every predikat', () => {
    expect(LABEL_PREDIKAT_SAKIP.AA).toBe('Sangat Memuaskan');
    expect(LABEL_PREDIKAT_SAKIP.CC).toBe('Cukup (Memadai)');
    expect(LABEL_PREDIKAT_SAKIP.D).toBe('Sangat Kurang');
  });
});
