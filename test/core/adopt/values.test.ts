import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import { LocaleVote, parseToken, styleOf } from '../../../core/adopt/numbers.js';
import { readTargetText } from '../../../core/adopt/targets.js';
import { readWorkbook } from '../../../core/read/index.js';
import { renstraAngka } from '../../fixtures/adopt/matrices.js';

describe('numbers typed as text, in either notation', () => {
  it('tells the notation from the value where the value tells it', () => {
    expect(styleOf('1.458.477.763.740,00')).toBe('id');
    expect(styleOf('1,458,477,763,740.00')).toBe('en');
    expect(styleOf('78,97')).toBe('id');
    expect(styleOf('92.02')).toBe('en');
    expect(styleOf('1.234')).toBe('ambiguous');
    expect(styleOf('1,234')).toBe('ambiguous');
    expect(parseToken('1.458.477.763.740,00', 'en')).toBe(1458477763740);
    expect(parseToken('1,458,477,763,740.00', 'id')).toBe(1458477763740);
    expect(parseToken('1.234', 'id')).toBe(1234);
    expect(parseToken('1.234', 'en')).toBe(1.234);
  });

  it('decides a column by its values; a column holding both notations is not decided', () => {
    const v = new LocaleVote();
    for (const t of ['78,97', '1.234', '80,5']) v.add(t);
    expect(v.decide()).toEqual({ locale: 'id', decided: true, mixed: false });
    v.add('92.02');
    v.add('1,500.75');
    expect(v.decide()).toEqual({ locale: 'id', decided: false, mixed: true });
  });

  it('reads ranges, comparators, percent signs, predikat and "no target"', () => {
    expect(readTargetText('70,38-70,76', 'id')).toMatchObject({ value: '70.38 - 70.76', range: true });
    expect(readTargetText('80 s.d. 90', 'id')).toMatchObject({ value: '80 - 90' });
    expect(readTargetText('<22', 'id')).toMatchObject({ value: 22, comparator: '<' });
    expect(readTargetText('≤ 5', 'id')).toMatchObject({ value: 5, comparator: '≤' });
    expect(readTargetText('> 80%', 'id')).toMatchObject({ value: 80, comparator: '>', unit: '%' });
    expect(readTargetText('maks. 3', 'id')).toMatchObject({ value: 3, comparator: '≤' });
    expect(readTargetText('98 %', 'id')).toMatchObject({ value: 98, unit: '%' });
    expect(readTargetText('A', 'id')).toEqual({ value: 'A', qualitative: 'Predikat' });
    expect(readTargetText('Baik', 'id')).toEqual({ value: 'Baik', qualitative: 'Kategori' });
    expect(readTargetText('WTP', 'id')).toEqual({ value: 'WTP', qualitative: 'Opini' });
    expect(readTargetText('100 ', 'id')).toEqual({ value: 100, change: { from: '100 ', to: '100' } });
    expect(readTargetText('-', 'id')).toEqual({ value: '-' });
  });
});

describe('a matrix mixing notations, ranges, comparators, predikat and formulas', () => {
  const a = adoptWorkbook([renstraAngka().sheet]);
  if (!a.ok) throw new Error('not adopted');
  const { report, snapshot } = a.result;
  const t = readWorkbook(snapshot).tree;
  const ind = (nama: string) => t.indikator.find((i) => i.nama === nama)!;
  const issueAt = (cell: string, rule: string) => report.issues.filter((i) => i.cell === cell && i.rule === rule).map((i) => i.message);

  it('Indonesian and English pagu in one file, each read in its own notation', () => {
    const p = t.boxes.find((b) => b.kode === '4.01.02')!;
    expect(p.pagu).toEqual([1_458_250_000, 1_500_750_000]);
    expect(t.boxes.find((b) => b.kode === '4.01.02.2.01')!.pagu).toEqual([958_250_000, 1_000_750_000]);
  });

  it('78,97 beside 92.02: each value read right; the mixed column and its ambiguous 1.300 reported', () => {
    expect(ind('Indeks Reformasi Birokrasi').kondisiAwal).toEqual({ kind: 'number', value: 78.97 });
    expect(ind('Indeks Reformasi Birokrasi').targets[1]).toEqual({ kind: 'number', value: 92.02 });
    expect(issueAt('H2', 'F02')[0]).toMatch(/Kolom H memakai dua format angka/);
    expect(issueAt('H11', 'F02').some((m) => /"1\.300" ambigu/.test(m))).toBe(true);
    // A column that decides (only Indonesian evidence) reads 1.234 as 1234 without asking.
    expect(ind('Jumlah dokumen kerja sama').targets[0]).toEqual({ kind: 'number', value: 1234 });
    expect(issueAt('E11', 'F02').some((m) => /ambigu/.test(m))).toBe(false);
  });

  it('ranges become range targets; comparators become the number and set Polaritas', () => {
    expect(ind('Rentang inflasi daerah')).toMatchObject({ polaritas: 'Rentang', targets: [{ kind: 'range', low: 70.38, high: 70.76 }, { kind: 'range', low: 2, high: 4 }] });
    expect(report.validation.issues.filter((i) => i.rule === 'K16')).toEqual([]);
    expect(ind('Angka kemiskinan')).toMatchObject({ polaritas: 'Negatif', targets: [{ kind: 'number', value: 22 }, { kind: 'number', value: 5 }] });
    expect(ind('Persentase rekomendasi kebijakan yang ditindaklanjuti')).toMatchObject({
      polaritas: 'Positif', satuan: '%', kondisiAwal: { kind: 'number', value: 75 }, targets: [{ kind: 'number', value: 80 }, { kind: 'number', value: 85 }],
    });
  });

  it('predikat, opini and kategori targets stay text with a qualitative satuan', () => {
    expect(ind('Opini BPK atas LKPD')).toMatchObject({ satuan: 'Opini', targets: [{ kind: 'text', text: 'WTP' }, { kind: 'text', text: 'WTP' }] });
    expect(ind('Predikat SAKIP')).toMatchObject({ satuan: 'Predikat', targets: [{ kind: 'text', text: 'BB' }, { kind: 'text', text: 'A' }] });
    expect(ind('Indeks Kepuasan Layanan').satuan).toBe('Kategori');
    expect(report.validation.issues.filter((i) => i.rule === 'K04')).toEqual([]);
  });

  it('a formula is read from its cached value; one without a cached value is an F01 at its cell, not carried', () => {
    expect(t.boxes.find((b) => b.kode === '4.01.03')!.pagu).toEqual([200_000_000, null]);
    expect(issueAt('J12', 'F01')[0]).toMatch(/rumus \(=SUM\(J13:J13\)\) tanpa nilai tersimpan/);
    expect(report.notCarried).toContainEqual({ cell: 'J12', reason: 'rumus tanpa nilai tersimpan (=SUM(J13:J13))', reasonEn: 'a formula with no cached value (=SUM(J13:J13))' });
  });

  it('a JUMLAH row that does not add up: B01 at its cell, its figure not carried; the one that adds up is', () => {
    expect(issueAt('J14', 'B01')[0]).toMatch(/2\.000,00.*≠ jumlah pagu Sasaran Program/);
    expect(report.totals[0].checks.map((c) => [c.cell, c.ok])).toEqual([['G14', true], ['J14', false]]);
    expect(report.values.present - report.values.carried).toBe(3);
  });
});
