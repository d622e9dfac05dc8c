/** SAKIP.md §6.2 (Batas Capaian) and §6.3 (category bands). */
import { describe, expect, it } from 'vitest';
import {
  capaianPositif, capaianRentang, kategoriCapaian, PITA_LKJIP, PITA_PREDIKAT, pitaUntuk,
  terapkanBatas, type TabelPita,
} from '../../../core/capaian/index.js';
import { defaultConfig } from '../../../core/config.js';

describe('Batas Capaian', () => {
  it('leaves the value uncapped with Tanpa (the default)', () => {
    const c = capaianPositif(100, 130);
    expect(c.murni).toBeCloseTo(130, 10);
    expect(c.capaian).toBe(c.murni);
  });

  it.each([100, 110, 120] as const)('caps at %i but keeps capaian murni', (batas) => {
    const c = capaianPositif(100, 130, { batasCapaian: batas });
    expect(c.murni).toBeCloseTo(130, 10);
    expect(c.capaian).toBe(batas);
  });

  it.each([100, 110, 120] as const)('leaves a value below the cap %i unchanged', (batas) => {
    const c = capaianPositif(80, 72, { batasCapaian: batas });
    expect(c.capaian).toBe(c.murni);
  });

  it('caps the Rentang Baik example (110 %) at 100', () => {
    const c = capaianRentang(80, 90, 99, { batasCapaian: 100 });
    expect(c.murni).toBeCloseTo(110, 10);
    expect(c.capaian).toBe(100);
  });

  it('reads the cap from a full PokinConfig', () => {
    const config = { ...defaultConfig(), batasCapaian: 110 as const };
    expect(capaianPositif(100, 130, config).capaian).toBe(110);
  });

  it('caps only the top, never raises a value', () => {
    expect(terapkanBatas(-5, 100)).toBe(-5);
    expect(terapkanBatas(100, 100)).toBe(100);
    expect(terapkanBatas(250, 'Tanpa')).toBe(250);
  });

  it('keeps both values null when there is no capaian', () => {
    expect(capaianPositif(0, 5, { batasCapaian: 100 })).toMatchObject({ murni: null, capaian: null });
  });
});

describe('LKjIP bands (exclusive lower bounds)', () => {
  it.each([
    [150, 'Sangat Baik'], [100, 'Sangat Baik'], [90.01, 'Sangat Baik'],
    [90, 'Baik'], [75.01, 'Baik'],
    [75, 'Cukup'], [65.01, 'Cukup'],
    [65, 'Kurang'], [50.01, 'Kurang'],
    [50, 'Sangat Kurang'], [0, 'Sangat Kurang'], [-10, 'Sangat Kurang'],
  ] as const)('puts %d in %s', (nilai, label) => {
    expect(kategoriCapaian(nilai, 'LKjIP')).toBe(label);
    expect(pitaUntuk(nilai, PITA_LKJIP)).toBe(label);
  });

  it('is the default table', () => {
    expect(kategoriCapaian(90)).toBe('Baik');
  });

  it('leaves no decimal between two bands', () => {
    expect(kategoriCapaian(90.000001)).toBe('Sangat Baik');
    expect(kategoriCapaian(89.999999)).toBe('Baik');
  });
});

describe('Predikat bands', () => {
  it.each([
    [120, 'Sangat Berhasil'], [100, 'Sangat Berhasil'],
    [99.99, 'Berhasil'], [75, 'Berhasil'],
    [74.99, 'Cukup Berhasil'], [55, 'Cukup Berhasil'],
    [54.99, 'Kurang Berhasil'], [0, 'Kurang Berhasil'],
  ] as const)('puts %d in %s', (nilai, label) => {
    expect(kategoriCapaian(nilai, 'Predikat')).toBe(label);
    expect(pitaUntuk(nilai, PITA_PREDIKAT)).toBe(label);
  });
});

describe('Categorising a result', () => {
  it('uses the capped value, not capaian murni', () => {
    const tabel: TabelPita<'Melampaui' | 'Tercapai' | 'Belum'> = [
      { label: 'Melampaui', min: 110, inklusif: false },
      { label: 'Tercapai', min: 100, inklusif: true },
      { label: 'Belum', min: -Infinity, inklusif: true },
    ];
    const uncapped = capaianPositif(100, 130);
    const capped = capaianPositif(100, 130, { batasCapaian: 110 });
    expect(kategoriCapaian(uncapped, tabel)).toBe('Melampaui');
    expect(kategoriCapaian(capped, tabel)).toBe('Tercapai');
  });

  it('has no category when there is no capaian', () => {
    expect(kategoriCapaian(capaianPositif(0, 1))).toBeNull();
    expect(kategoriCapaian(null, 'Predikat')).toBeNull();
    expect(kategoriCapaian(Number.NaN)).toBeNull();
  });

  it('has no category for a value below a custom table without a bottom band', () => {
    expect(pitaUntuk(10, [{ label: 'Tinggi', min: 50, inklusif: true }])).toBeNull();
  });

  it('follows the Kategori Capaian setting', () => {
    expect(kategoriCapaian(capaianPositif(100, 100), defaultConfig().kategoriCapaian)).toBe('Sangat Baik');
    expect(kategoriCapaian(capaianPositif(100, 100), 'Predikat')).toBe('Sangat Berhasil');
  });
});
