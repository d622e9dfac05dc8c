import { describe, expect, it } from 'vitest';
import { readCode } from '../../../core/adopt/codes.js';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { AdoptResult, RawSheet } from '../../../core/adopt/types.js';
import type { NomenklaturIndex } from '../../../core/nomenklatur/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import { renstraKode, renstraP13 } from '../../fixtures/adopt/matrices.js';

function adopted(sheet: RawSheet, opts = {}): AdoptResult {
  const a = adoptWorkbook([sheet], opts);
  if (!a.ok) throw new Error('not adopted');
  return a.result;
}

const kodeCell = (r: AdoptResult, nomenklatur: string) => {
  const t = r.snapshot.tables.find((x) => x.name === 'PohonKinerja')!;
  const row = t.rows.find((x) => x[t.header.indexOf('Nomenklatur')] === nomenklatur)!;
  return row[t.header.indexOf('Kode')];
};

describe('reading a code gone wrong', () => {
  it('tells the depth a malformed code still has, and what is wrong with it', () => {
    expect(readCode('03.02.2.01')).toEqual({ kode: '03.02.2.01', level: 'kegiatan', problem: 'missing-urusan' });
    expect(readCode('03.02.2.01.0004')).toMatchObject({ level: 'sub_kegiatan', problem: 'missing-urusan' });
    expect(readCode('2.17.04\\5')).toMatchObject({ level: 'program', problem: 'separator', prefix: '2.17.04' });
    expect(readCode('3.1.01.01')).toMatchObject({ level: 'kegiatan', problem: 'permendagri-13' });
    expect(readCode('2 Paket')).toMatchObject({ problem: 'stray-text' });
    expect(readCode('1.02.02.2.01')).toEqual({ kode: '1.02.02.2.01', level: 'kegiatan' });
  });
});

describe('codes gone wrong still make their boxes (kept as typed, N01 with a suggestion)', () => {
  const r = adopted(renstraKode().sheet);
  const t = readWorkbook(r.snapshot).tree;
  const n01 = (cell: string) => r.report.issues.find((i) => i.rule === 'N01' && i.cell === cell)?.message ?? '';

  it('a kegiatan block without its urusan digit: the kegiatan, its sub kegiatan and their indicators are all adopted', () => {
    const keg = t.boxes.find((b) => b.nomenklatur.startsWith('Pengelolaan SDA'))!;
    expect(keg.levelName).toBe('Sasaran Kegiatan');
    expect(keg.parent?.kode).toBe('1.03.02');
    expect(keg.indicators.map((i) => i.nama)).toEqual(['Panjang jaringan irigasi yang direhabilitasi', 'Jumlah bangunan pengaman pantai yang dibangun']);
    const subs = t.boxes.filter((b) => b.parent === keg);
    expect(subs.map((b) => [b.levelName, b.kode])).toEqual([['Sasaran Sub Kegiatan', '03.02.2.01.0004'], ['Sasaran Sub Kegiatan', '03.02.2.01.0010']]);
    expect(subs[1].indicators).toHaveLength(2);
    expect(kodeCell(r, keg.nomenklatur)).toBe('03.02.2.01');
    expect(n01('A4')).toContain('Saran: 1.03.02.2.01.');
    expect(n01('A6')).toContain('Saran: 1.03.02.2.01.0004.');
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.values.carried).toBe(r.report.values.present);
  });

  it('stray text in the code cell (2 Paket): the box takes the level of its siblings, under their program', () => {
    const box = t.boxes.find((b) => b.nomenklatur === 'Penyediaan Jasa Konsultansi Perencanaan Irigasi')!;
    expect(box.levelName).toBe('Sasaran Kegiatan');
    expect(box.parent?.kode).toBe('1.03.02');
    expect(kodeCell(r, box.nomenklatur)).toBe('2 Paket');
    expect(n01('A10')).toMatch(/berisi teks lain selain kode.*Saran: kode yang diawali 1\.03\.02/);
  });

  it('a backslash (2.17.04\\5): a program box, its kegiatan under it, the well-formed start suggested', () => {
    const p = t.boxes.find((b) => b.nomenklatur.startsWith('PROGRAM PEMBERDAYAAN USAHA'))!;
    expect(p.levelName).toBe('Sasaran Program');
    expect(t.boxes.find((b) => b.kode === '2.17.04.2.01')?.parent).toBe(p);
    expect(n01('A12')).toMatch(/pemisah selain titik.*Saran: 2\.17\.04\./);
  });

  it('the canonical workbook flags the kept codes again (N01 in its validation)', () => {
    expect(r.report.validation.issues.filter((i) => i.rule === 'N01').length).toBeGreaterThanOrEqual(5);
  });

  it('suggests by name under the parent code when a reference list is given (never by name alone)', () => {
    const entry = { kode: '1.03.02.2.03', level: 'kegiatan' as const, nama: 'Penyediaan Jasa Konsultansi Perencanaan Irigasi' };
    const nomenklatur: NomenklaturIndex = { source: 'uji', complete: false, lookup: (k) => (k === entry.kode ? entry : undefined) };
    const again = adopted(renstraKode().sheet, { nomenklatur });
    expect(again.report.issues.find((i) => i.rule === 'N01' && i.cell === 'A10')?.message).toContain('Saran: 1.03.02.2.03 (nama sama di daftar nomenklatur)');
  });
});

describe('Permendagri 13-style segments over split code columns (3 | 1 | 01 | 01)', () => {
  const r = adopted(renstraP13().sheet, { jenisPemda: 'Kabupaten' });
  const t = readWorkbook(r.snapshot).tree;

  it('makes the kegiatan boxes from the code depth, code kept, class digit suggested', () => {
    expect(r.report.columns).toMatchObject({ A: 'kode 1/4', D: 'kode 4/4' });
    const keg = t.boxes.filter((b) => b.levelName === 'Sasaran Kegiatan');
    expect(keg.map((b) => b.kode)).toEqual(['3.01.01.01', '3.01.01.02']);
    expect(keg[0].parent?.kode).toBe('3.01.01');
    expect(keg[0].indicators).toHaveLength(2);
    const n01 = r.report.issues.find((i) => i.rule === 'N01' && i.cell === 'A5')!;
    expect(n01.message).toContain('Permendagri 13');
    expect(n01.message).toContain('3.01.01.2.01');
    expect(r.report.values.carried).toBe(r.report.values.present);
  });
});
