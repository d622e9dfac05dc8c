import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { RawSheet } from '../../../core/adopt/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import { dirtySheet } from '../../fixtures/adopt/build.js';

function adopt(sheet: RawSheet) {
  const a = adoptWorkbook([sheet]);
  if (!a.ok) throw new Error('not recognised');
  return a.result;
}

describe('bad input in a wide Renstra matrix: each a specific issue at its cell, the rest adopted', () => {
  const { snapshot, report } = adopt(dirtySheet());
  const at = (cell: string) => report.issues.filter((i) => i.cell === cell).map((i) => `${i.rule} ${i.message}`);
  const unplaced = (row: number) => report.unplaced.find((u) => u.row === row)?.reason ?? '';

  it('code with stray text ("2 Paket"): the kegiatan box is still made (depth from its code column), code kept as typed, N01', () => {
    const t = readWorkbook(snapshot).tree;
    const box = t.boxes.find((b) => b.nomenklatur === 'Administrasi Umum Perangkat Daerah')!;
    const pohon = snapshot.tables.find((x) => x.name === 'PohonKinerja')!;
    expect(pohon.rows.some((r) => r[pohon.header.indexOf('Kode')] === '5.01.01.2 Paket')).toBe(true);
    expect(box.levelName).toBe('Sasaran Kegiatan');
    expect(box.parent?.kode).toBe('5.01.01');
    expect(box.indicators).toHaveLength(1);
    expect(at('H17').some((m) => m.startsWith('N01') && /teks lain selain kode/.test(m))).toBe(true);
  });

  it('code missing its urusan digit: box made under its program, code not completed, a suggestion from the program above', () => {
    const t = readWorkbook(snapshot).tree;
    const box = t.boxes.find((b) => b.kode === '01.03.2.03')!;
    expect(box.parent?.kode).toBe('5.01.03');
    expect(at('E31').some((m) => m.startsWith('N01') && m.includes('5.01.03.2.03'))).toBe(true);
    expect(unplaced(31)).toBe('');
  });

  it('two-digit kegiatan class: normalised, reported (F02)', () => {
    expect(report.normalised).toContainEqual({ cell: 'E39', from: '5.05.02.02.04', to: '5.05.02.2.04' });
    expect(readWorkbook(snapshot).tree.boxes.some((b) => b.kode === '5.05.02.2.04')).toBe(true);
  });

  it('unit and target in one cell: split, reported', () => {
    expect(report.normalised).toContainEqual({ cell: 'O25', from: '1 Berita Acara', to: '1 (Berita Acara)' });
    const box = readWorkbook(snapshot).tree.boxes.find((b) => b.kode === '5.01.02.2.01')!;
    expect(box.indicators[0].targets[0]).toEqual({ kind: 'number', value: 1 });
  });

  it('baseline in another unit than the indicator: K04 at the cell, value kept as typed', () => {
    expect(at('N10').some((m) => m.startsWith('K04'))).toBe(true);
    const ind = readWorkbook(snapshot).tree.indikator.find((i) => i.nama === 'Indeks Kepuasan Masyarakat')!;
    expect(ind.unitConflicts.length).toBeGreaterThan(0);
  });

  it('totals row checked against the rows it totals (B01 when it differs); header pasted again, footnotes: skipped with F01', () => {
    const skipped = (row: number) => report.skipped.find((u) => u.row === row)?.reason ?? '';
    expect(skipped(40)).toMatch(/baris jumlah.*TIDAK cocok/);
    expect(at('P40').some((m) => m.startsWith('B01'))).toBe(true);
    expect(report.totals[0]).toMatchObject({ row: 40, checks: [{ cell: 'P40', stated: 28000000000, ok: false }] });
    expect(skipped(41)).toMatch(/judul tabel berulang/);
    expect(skipped(44)).toMatch(/nomor kolom/);
    expect(skipped(46)).toMatch(/catatan kaki/);
    expect(skipped(47)).toMatch(/catatan kaki/);
    expect(report.unplaced).toEqual([]);
  });

  it('a merged area longer than its data rows: F01 at the merge', () => {
    expect(at('A7').some((m) => m.startsWith('F01') && m.includes('A7:A40'))).toBe(true);
  });

  it('a hidden column is reported', () => {
    expect(at('AB3').some((m) => /tersembunyi/.test(m))).toBe(true);
  });

  it('still adopts every other row, and counts the values it could not carry', () => {
    expect(report.boxes).toBe(25);
    const fates = new Map(report.rows.map((r) => [r.row, r.kind]));
    expect(fates.get(17)).toBe('indicator');
    expect(fates.get(18)).toBe('indicator');
    expect(fates.get(32)).toBe('indicator');
    expect(report.values.present - report.values.carried).toBe(2);
    expect(report.notCarried.map((n) => n.cell)).toEqual(['J40', 'P40']);
  });
});

describe('smaller cases', () => {
  const header = ['Sasaran', 'Indikator Sasaran', 'Kode', 'Program/Kegiatan', 'Indikator Kinerja', 'Satuan', 'Target 2026', 'Pagu 2026'];

  it('a single code column with spaces (X XX 01 2.01 01) and a percent-formatted target', () => {
    const sheet: RawSheet = {
      name: 'S', merges: [],
      values: [header, ['Meningkatnya A', 'Indeks A', null, null, null, 'Nilai', 3, null],
        [null, null, '5 01 01', 'PROGRAM X', 'Persentase X', '%', 0.98, 'Rp 1.500.000'],
        [null, null, '5.01.01.2.01', 'Kegiatan Y', 'Jumlah Y', 'Dokumen', '3 Dokumen', 1500000]],
      numberFormats: [[], [], [null, null, null, null, null, null, '0%', null]],
    };
    const r = adopt(sheet);
    const t = readWorkbook(r.snapshot).tree;
    expect(t.boxes.map((b) => b.kode)).toEqual(['', '5.01.01', '5.01.01.2.01']);
    expect(t.boxes[1].indicators[0].targets[0]).toEqual({ kind: 'number', value: 98 });
    expect(t.boxes[1].pagu[0]).toBe(1500000);
    expect(r.report.normalised.map((n) => n.cell)).toEqual(expect.arrayContaining(['C3', 'G3', 'H3', 'G4']));
  });

  it('a target formatted to show a percent sign after the number (0.0"%", 0.0\\%) is not scaled', () => {
    const sheet: RawSheet = {
      name: 'S', merges: [],
      values: [header, ['Meningkatnya A', 'Indeks A', null, null, null, 'Nilai', 3, null],
        [null, null, '5.01.01', 'PROGRAM X', 'Persentase X', '%', 98.5, 1500000],
        [null, null, '5.01.01.2.01', 'Kegiatan Y', 'Persentase Y', '%', 97, 1500000]],
      numberFormats: [[], [], [null, null, null, null, null, null, '0.0"%"', null], [null, null, null, null, null, null, '0\\%', null]],
    };
    const t = readWorkbook(adopt(sheet).snapshot).tree;
    expect(t.boxes[1].indicators[0].targets[0]).toEqual({ kind: 'number', value: 98.5 });
    expect(t.boxes[2].indicators[0].targets[0]).toEqual({ kind: 'number', value: 97 });
  });

  it('a kegiatan whose program is not above it is reported, not guessed', () => {
    const sheet: RawSheet = { name: 'S', merges: [], values: [header,
      ['Meningkatnya A', 'Indeks A', '5.01.01', 'PROGRAM X', 'Persentase X', '%', 1, 1],
      [null, null, '5.01.02.2.01', 'Kegiatan Y', 'Jumlah Y', 'Dokumen', 1, 1]] };
    const r = adopt(sheet);
    expect(r.report.unplaced[0].reason).toMatch(/tidak berada di bawah program 5\.01\.02/);
  });
});
