import { describe, expect, it } from 'vitest';
import {
  cleanStatement, cleanText, normaliseCode, normaliseSatuan, parseAmount, parseNumberText, parseTarget,
} from '../../../core/read/normalise.js';

describe('Indonesian number text', () => {
  it.each([
    ['1.234.567,50', 1234567.5], ['75,5', 75.5], ['1.234', 1234], ['1.5', 1.5], ['1,234,567.50', 1234567.5],
    ['-3,5', -3.5], ['100', 100], ['0,98', 0.98],
  ])('reads %s as %d', (text, n) => expect(parseNumberText(text)).toBe(n));

  it.each(['abc', '1.2.3', '', '12a', '.', ','])('refuses %j', (text) => expect(parseNumberText(text)).toBeNull());
});

describe('pagu amounts', () => {
  it('strips Rp, spaces (also non-breaking) and dot separators', () => {
    expect(parseAmount('Rp 15.214.568.742')).toMatchObject({ value: 15214568742, change: { to: '15214568742' } });
    expect(parseAmount('Rp.\u00a01.000.000,-')).toMatchObject({ value: 1000000 });
  });
  it('keeps numbers as they are and reports unreadable text', () => {
    expect(parseAmount(5000)).toEqual({ value: 5000 });
    expect(parseAmount('lima juta')).toMatchObject({ value: null, invalid: 'lima juta' });
  });
});

describe('targets', () => {
  it('splits a percent and a unit glued to the number', () => {
    expect(parseTarget('98%', '%')).toMatchObject({ value: { kind: 'number', value: 98 }, unit: '%' });
    expect(parseTarget('3 Laporan', '')).toMatchObject({ value: { kind: 'number', value: 3 }, unit: 'Laporan' });
  });
  it('scales a percent-formatted fraction when the satuan is percent', () => {
    expect(parseTarget(0.98, '%', '0%')).toMatchObject({ value: { kind: 'number', value: 98 } });
    expect(parseTarget(0.98, 'Indeks', '0%').value).toEqual({ kind: 'number', value: 0.98 });
  });
  it('keeps a number whose format only writes a percent sign after it (quoted or escaped)', () => {
    expect(parseTarget(98.5, '%', '0.0"%"').value).toEqual({ kind: 'number', value: 98.5 });
    expect(parseTarget(98.5, '%', '0.0\\%').value).toEqual({ kind: 'number', value: 98.5 });
    expect(parseTarget(98.5, '%', '0.0" %";[Red]-0.0" %"').value).toEqual({ kind: 'number', value: 98.5 });
    expect(parseTarget(0.985, '%', '[Blue]0.0%').value).toEqual({ kind: 'number', value: 98.5 });
  });
  it('reads dash as a deliberate no-target and n/a as missing', () => {
    expect(parseTarget('-', '%').value).toEqual({ kind: 'none' });
    expect(parseTarget('n/a', '%')).toMatchObject({ value: null, change: { from: 'n/a' } });
    expect(parseTarget('Tidak Ada', '%').value).toBeNull();
  });
  it('reads ranges written three ways', () => {
    for (const t of ['80-90', '80–90', '80 s.d. 90', '80 s/d 90']) expect(parseTarget(t, '%').value).toEqual({ kind: 'range', low: 80, high: 90 });
  });
  it('keeps letter grades as text', () => {
    expect(parseTarget('BB', 'Predikat').value).toEqual({ kind: 'text', text: 'BB' });
  });
});

describe('codes', () => {
  it('turns commas and spaces into dots', () => {
    expect(normaliseCode('5.01.02.2,01').value).toBe('5.01.02.2.01');
    expect(normaliseCode('X XX 01 2.01 01').value).toBe('X.XX.01.2.01.01');
  });
  it('removes a zero-padded class digit', () => {
    expect(normaliseCode('1.01.01.02.01.0001')).toMatchObject({ value: '1.01.01.2.01.0001', change: { from: '1.01.01.02.01.0001' } });
  });
  it('reports a code stored as a number', () => {
    expect(normaliseCode(1.1).change?.to).toBe('1.1');
    expect(normaliseCode(1.1, '0.00').value).toBe('1.10');
  });
  it('leaves a clean code untouched', () => expect(normaliseCode('1.02.02.2.01.0001')).toEqual({ value: '1.02.02.2.01.0001' }));
});

describe('text', () => {
  it('collapses line breaks from PDF copies and reports it', () => {
    expect(cleanText('Persentase pemenuhan\nstandar')).toMatchObject({ value: 'Persentase pemenuhan standar', change: {} });
  });
  it('strips bullets, numbering and label prefixes from statements', () => {
    expect(cleanStatement('• Meningkatnya mutu').value).toBe('Meningkatnya mutu');
    expect(cleanStatement('1. Meningkatnya mutu').value).toBe('Meningkatnya mutu');
    expect(cleanStatement('Indikator: Persentase X').value).toBe('Persentase X');
  });
  it('normalises satuan spelling variants', () => {
    expect(normaliseSatuan('persen').value).toBe('%');
    expect(normaliseSatuan('dokumen')).toMatchObject({ value: 'Dokumen', change: { from: 'dokumen' } });
    expect(normaliseSatuan('Dokumen')).toEqual({ value: 'Dokumen' });
  });
});
