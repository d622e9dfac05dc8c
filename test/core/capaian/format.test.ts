/** SAKIP.md §6: display with 2 decimals and a decimal comma; values stay unrounded. */
import { describe, expect, it } from 'vitest';
import { capaianNegatif, capaianPositif, formatAngka, formatCapaian, formatPersen } from '../../../core/capaian/index.js';

describe('formatPersen', () => {
  it('shows 2 decimals with a decimal comma and a spaced percent sign', () => {
    expect(formatPersen(107.14285714285714)).toBe('107,14 %');
    expect(formatPersen(87.5)).toBe('87,50 %');
    expect(formatPersen(100)).toBe('100,00 %');
  });

  it('rounds half up even when the binary value sits just below the half', () => {
    expect(formatAngka(1.005)).toBe('1,01');
    expect(formatPersen((3.1 / 3.2) * 100)).toBe('96,88 %');
    expect(formatAngka(88.885)).toBe('88,89');
  });

  it('uses dots for thousands', () => {
    expect(formatAngka(1234567.5)).toBe('1.234.567,50');
  });

  it('shows negatives with a minus and a value rounding to zero without one', () => {
    expect(formatAngka(-12.345)).toBe('-12,35');
    expect(formatAngka(-0.001)).toBe('0,00');
  });

  it('shows a dash for a non-finite value', () => {
    expect(formatPersen(Number.NaN)).toBe('—');
  });
});

describe('formatCapaian', () => {
  it('keeps the stored value unrounded while displaying 2 decimals', () => {
    const c = capaianNegatif(7, 6.5);
    expect(c.murni).not.toBe(107.14);
    expect(formatCapaian(c)).toBe('107,14 %');
  });

  it('shows the capped value by default and the murni value on request', () => {
    const c = capaianPositif(100, 130, { batasCapaian: 120 });
    expect(formatCapaian(c)).toBe('120,00 %');
    expect(formatCapaian(c, 'murni')).toBe('130,00 %');
  });

  it('shows the status when there is no number', () => {
    expect(formatCapaian(capaianPositif(0, 1))).toBe('tidak terdefinisi');
  });
});
