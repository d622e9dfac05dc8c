import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { AdoptResult, RawSheet } from '../../../core/adopt/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import { renstraGeser } from '../../fixtures/adopt/matrices.js';
import { renstraPdf } from '../../fixtures/adopt/pdf.js';

function adopted(sheet: RawSheet): AdoptResult {
  const a = adoptWorkbook([sheet]);
  if (!a.ok) throw new Error('not adopted');
  return a.result;
}

describe('a PDF-to-Excel copy of a Renstra matrix', () => {
  const r = adopted(renstraPdf().sheet);
  const t = readWorkbook(r.snapshot).tree;
  const fate = (row: number) => r.report.rows.find((x) => x.row === row);

  it('reads a printed column spread over two grid columns as one, wherever the value landed', () => {
    expect(r.report.columns).toMatchObject({ B: 'kode', C: expect.stringMatching(/^diabaikan: bagian dari kolom/), E: 'nomenklatur program/kegiatan' });
    expect(fate(8)).toMatchObject({ kind: 'context', what: 'bidang 5.01 PERENCANAAN' });
    const keg = t.boxes.find((b) => b.kode === '5.01.02.2.01')!;
    expect(keg.nomenklatur).toBe('Penyusunan Perencanaan dan Pendanaan');
    expect(keg.parent?.kode).toBe('5.01.02');
  });

  it('joins a satuan split over the two sheet rows of one printed record', () => {
    const ind = t.indikator.find((i) => i.nama === 'Jumlah Orang yang Menerima Gaji dan Tunjangan ASN')!;
    expect(ind.satuan).toBe('Orang/bulan');
    expect(r.report.normalised).toContainEqual({ cell: 'H12', from: 'Orang/ + bulan', to: 'Orang/bulan' });
    expect(fate(12)).toMatchObject({ kind: 'indicator' });
  });

  it('skips the page number, the title and header repeated on page 2 and the signature block, each said', () => {
    expect([14, 15, 16, 17, 18, 23, 24, 27].map((row) => r.report.skipped.find((s) => s.row === row)?.reason)).toEqual([
      'nomor halaman.', 'judul dokumen berulang.', expect.stringMatching(/judul tabel berulang/), expect.stringMatching(/judul tabel berulang/),
      expect.stringMatching(/nomor kolom/), 'blok tanda tangan.', 'blok tanda tangan.', 'blok tanda tangan.',
    ]);
    expect(r.report.issues.filter((i) => i.rule === 'F01' && i.severity === 'E')).toEqual([]);
  });

  it('reads a hidden row (and says so), text numbers with spaces, NBSP, Rp. and ,-', () => {
    expect(r.report.issues.some((i) => i.rule === 'F02' && i.cell === 'A13' && /tersembunyi/.test(i.message))).toBe(true);
    expect(t.boxes.find((b) => b.kode === '5.01.01.2.05')?.pagu).toEqual([150_000_000, 150_283_400]);
    const p = t.boxes.find((b) => b.kode === '5.01.01')!;
    expect(p.pagu).toEqual([12_830_940_887, 12_861_362_700]);
    expect(p.catatan).toBe('Program penunjang');
    expect(p.indicators[0].targets[0]).toEqual({ kind: 'number', value: 100 });
    expect(r.report.validation.issues.filter((i) => i.rule === 'B01')).toEqual([]);
  });

  it('splits indicators listed in one cell, with their stacked baselines and targets, line by line', () => {
    const p = t.boxes.find((b) => b.kode === '5.01.02')!;
    expect(p.indicators.map((i) => [i.nama, i.satuan, i.kondisiAwal, i.targets])).toEqual([
      ['Persentase pemenuhan standar kualitas proses perencanaan pembangunan daerah', '%', { kind: 'number', value: 100 }, [{ kind: 'number', value: 100 }, { kind: 'number', value: 100 }]],
      ['Persentase Perangkat Daerah yang Kinerjanya Tercapai', '%', { kind: 'number', value: 66.67 }, [{ kind: 'number', value: 70.37 }, { kind: 'number', value: 72.22 }]],
    ]);
  });

  it('carries every value', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.values.carried).toBe(r.report.values.present);
  });
});

describe('merged areas that do not fit their block', () => {
  const r = adopted(renstraGeser().sheet);

  it('a name merged down into the next kegiatan\'s row: F01 at the merge, that row reported, never guessed', () => {
    expect(r.report.issues.find((i) => i.rule === 'F01' && i.cell === 'D4')?.message).toMatch(/D4:D6 lebih panjang dari bloknya: baris 6 memulai kotak baru \(kode 1\.02\.02\.2\.02\)/);
    expect(r.report.unplaced).toEqual([{ row: 6, cell: 'C6', reason: expect.stringMatching(/sel gabungan D4:D6/), reasonEn: expect.stringMatching(/merged area D4:D6/) }]);
    const t = readWorkbook(r.snapshot).tree;
    expect(t.boxes.some((b) => b.kode === '1.02.02.2.02')).toBe(false);
    // The row after it starts a box of its own again.
    expect(t.boxes.find((b) => b.kode === '1.02.02.2.03')?.parent?.kode).toBe('1.02.02');
    expect(r.report.notCarried.filter((n) => n.cell.endsWith('6')).map((n) => n.cell)).toEqual(['C6', 'E6', 'F6', 'G6', 'H6', 'I6', 'J6']);
  });

  it('a tujuan merged past the last data row: F01 at the merge', () => {
    expect(r.report.issues.some((i) => i.rule === 'F01' && i.cell === 'A2' && /A2:A9 lebih panjang/.test(i.message))).toBe(true);
  });
});

describe('structure rows inside the table', () => {
  const header = ['No', 'Kode', 'Urusan/Bidang/Program/Kegiatan', 'Indikator Kinerja', 'Satuan', 'Target 2025', 'Pagu 2025'];

  it('kelompok urusan rows (I, II) and urusan/bidang rows are context; a subtotal on them is checked (B01 when off)', () => {
    const sheet: RawSheet = { name: 'S', merges: [], values: [header,
      ['I', null, 'URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR', null, null, null, 300],
      [null, '1', 'PENDIDIKAN'], [null, '1.01', 'PENDIDIKAN'],
      [1, '1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN', 'APM SD', '%', 98, 300],
      ['II', null, 'URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR', null, null, null, 999],
      [null, '2.01', 'TENAGA KERJA'],
      [2, '2.01.02', 'PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA', 'Persentase pencari kerja terlatih', '%', 40, 500],
    ] };
    const r = adopted(sheet);
    expect(r.report.rows.filter((x) => x.kind === 'context').map((x) => (x as { what: string }).what)).toEqual([
      'kelompok urusan URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR', 'urusan 1 PENDIDIKAN', 'bidang 1.01 PENDIDIKAN',
      'kelompok urusan URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR', 'bidang 2.01 TENAGA KERJA',
    ]);
    expect(r.report.totals.map((x) => [x.row, x.checks[0].ok])).toEqual([[2, true], [6, false]]);
    expect(r.report.issues.find((i) => i.rule === 'B01' && i.cell === 'G6')?.message).toMatch(/Subtotal kelompok/);
    expect(r.report.notCarried.map((n) => n.cell)).toEqual(['G6']);
  });

  it('a row that fits nowhere is unplaced with its reason, and its values are not carried', () => {
    const sheet: RawSheet = { name: 'S', merges: [], values: [header,
      [1, '1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN', 'APM SD', '%', 98, 300],
      [null, null, null, null, 'orang', 5, null],
    ] };
    const r = adopted(sheet);
    expect(r.report.unplaced).toEqual([{ row: 3, cell: 'E3', reason: 'baris ini tidak berisi pernyataan, kode, maupun indikator.', reasonEn: 'the row holds no statement, code or indicator.' }]);
    expect(r.report.notCarried.map((n) => n.cell)).toEqual(['E3', 'F3']);
  });
});

describe('hostile merges', () => {
  it('a merge over the whole sheet (A1:XFD1048576) costs no more than the used range, and is reported, not followed', () => {
    const sheet: RawSheet = { name: 'S', merges: ['A5:XFD1048576'], values: [
      ['Kode', 'Program/Kegiatan', 'Indikator Kinerja', 'Target 2025'],
      ['1.02.02', 'PROGRAM X', 'Cakupan X', 80],
      ['1.02.02.2.01', 'Kegiatan Y', 'Jumlah Y', 2],
      [null, null, null, null],
      ['1.02.02.2.02', 'Kegiatan Z', 'Jumlah Z', 3],
    ] };
    // Walking the merge's 17 billion cells would never return; the used range is 5 × 4.
    const r = adopted(sheet);
    expect(r.report.boxes).toBe(3);
    expect(r.report.issues.some((i) => i.rule === 'F01' && i.cell === 'A5' && /A5:XFD1048576 lebih panjang/.test(i.message))).toBe(true);
  });
});

describe('indicators listed in one cell', () => {
  it('a value cell whose lines do not match the indicators is reported (F01) and not spread by guess', () => {
    const sheet: RawSheet = { name: 'S', merges: [], values: [
      ['Kode', 'Program/Kegiatan', 'Indikator Kinerja', 'Satuan', 'Target 2025', 'Target 2026'],
      ['1.02.02', 'PROGRAM X', '1. Cakupan A\n2. Cakupan B', '%\nDokumen', '80\n3', '85'],
    ] };
    const r = adopted(sheet);
    const t = readWorkbook(r.snapshot).tree;
    expect(t.indikator.map((i) => [i.nama, i.satuan, i.targets[0], i.targets[1]])).toEqual([
      ['Cakupan A', '%', { kind: 'number', value: 80 }, null], ['Cakupan B', 'Dokumen', { kind: 'number', value: 3 }, null],
    ]);
    expect(r.report.issues.find((i) => i.rule === 'F01' && i.cell === 'F2')?.message).toMatch(/sel berisi 1 nilai untuk 2 indikator/);
    expect(r.report.notCarried.map((n) => n.cell)).toEqual(['F2']);
  });
});
