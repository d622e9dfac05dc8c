import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { AdoptResult, AdoptOptions, RawSheet } from '../../../core/adopt/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import { splitOpd } from '../../../core/adopt/rowvalues.js';
import { rpjmdProgram } from '../../fixtures/adopt/rpjmd.js';

function adopted(sheet: RawSheet, opts: AdoptOptions = {}): AdoptResult {
  const a = adoptWorkbook([sheet], opts);
  if (!a.ok) throw new Error('not adopted');
  return a.result;
}

describe('the RPJMD program matrix into the pemda tree', () => {
  const r = adopted(rpjmdProgram().sheet, { pemda: 'Kabupaten Contoh', jenisPemda: 'Kabupaten' });
  const t = readWorkbook(r.snapshot).tree;

  it('is recognised as the pemda\'s matrix: Kode OPD PEMDA, Jenis Periode RPJMD, a Program Pemda level in Konfigurasi Level', () => {
    expect(r.report.layout).toBe('rpjmd-matrix');
    expect(t.config).toMatchObject({ kodeOpd: 'PEMDA', jenisPeriode: 'RPJMD', tahunAwal: 2022, tahunAkhir: 2026 });
    expect(t.config.levels.find((l) => l.name === 'Program Pemda')).toMatchObject({ tree: 'pemda', nomenklatur: 'program', parents: ['Sasaran Pemda', '(akar)'] });
    expect(r.snapshot.tables.some((x) => x.name === 'KonfigurasiLevel')).toBe(true);
    expect(t.boxes.every((b) => b.levelName === 'Program Pemda')).toBe(true);
    // The level reads back; only the empty statements (RPJMD programs carry none) are asked for.
    expect(r.report.validation.issues.filter((i) => i.rule === 'F01' && i.sheet === 'Pohon Kinerja').map((i) => i.message)).toEqual(new Array(7).fill('Pernyataan Kinerja kosong.'));
  });

  it('reads kelompok urusan, urusan and bidang rows as context, and each kecamatan group row as the owner of the programs under it', () => {
    const ctx = r.report.rows.filter((x) => x.kind === 'context').map((x) => (x as { what: string }).what);
    expect(ctx).toEqual([
      'kelompok urusan URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR', 'urusan 1 URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR',
      'bidang 1.01 PENDIDIKAN', 'bidang 1.02 KESEHATAN', 'kelompok urusan UNSUR KEWILAYAHAN', 'urusan 7 UNSUR KEWILAYAHAN', 'bidang 7.01 KECAMATAN',
      'perangkat daerah Kecamatan Banyuwangi', 'perangkat daerah Kecamatan Giri',
    ]);
    const kec = t.boxes.filter((b) => b.kode.startsWith('7.01'));
    expect(kec.map((b) => [b.kode, b.penanggungJawab ? t.jabatan.find((j) => j.id === b.penanggungJawab)?.nama : ''])).toEqual([
      ['7.01.01', 'Kecamatan Banyuwangi'], ['7.01.02', 'Kecamatan Banyuwangi'], ['7.01.01', 'Kecamatan Giri'], ['7.01.02', 'Kecamatan Giri'],
    ]);
    expect(kec[0].pagu[0]).toBe(1_500_000_000);
    expect(kec[2].pagu[0]).toBe(1_600_000_000);
  });

  it('checks the kelompok subtotals and the JUMLAH TOTAL against the programs; every value carried', () => {
    expect(r.report.totals.map((x) => [x.label, x.checks.every((c) => c.ok)])).toEqual([
      ['JUMLAH TOTAL', true],
      ['kelompok urusan URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR', true],
      ['kelompok urusan UNSUR KEWILAYAHAN', true],
    ]);
    expect(r.report.values.carried).toBe(r.report.values.present);
    expect(r.report.unplaced).toEqual([]);
  });

  it('reports a program two OPDs share, keeping it once (its pagu counted once)', () => {
    expect(r.report.sharedPrograms).toEqual([{ row: 14, kode: '1.02.02', nomenklatur: expect.stringMatching(/^PROGRAM PEMENUHAN/), opd: ['Dinas Kesehatan', 'RSUD Blambangan'], paguAt: 'Dinas Kesehatan' }]);
    const shared = t.boxes.filter((b) => b.kode === '1.02.02');
    expect(shared).toHaveLength(1);
    expect(shared[0].catatan).toContain('Penanggung jawab bersama: Dinas Kesehatan; RSUD Blambangan');
  });
});

describe('the RPJMD program matrix split into one workbook per perangkat daerah (--split-opd)', () => {
  const r = adopted(rpjmdProgram().sheet, { splitOpd: true, jenisPemda: 'Kabupaten' });
  const parts = r.opd ?? [];
  const tree = (opd: string) => readWorkbook(parts.find((p) => p.opd === opd)!.snapshot).tree;

  it('one canonical workbook per OPD named in the penanggung jawab column (and per kecamatan group)', () => {
    expect(parts.map((p) => [p.opd, p.slug, p.boxes])).toEqual([
      ['Dinas Pendidikan', 'dinas-pendidikan', 1], ['Dinas Kesehatan', 'dinas-kesehatan', 2], ['RSUD Blambangan', 'rsud-blambangan', 1],
      ['Kecamatan Banyuwangi', 'kecamatan-banyuwangi', 2], ['Kecamatan Giri', 'kecamatan-giri', 2],
    ]);
    const dinkes = tree('Dinas Kesehatan');
    expect(dinkes.config).toMatchObject({ namaOpd: 'Dinas Kesehatan', jenisPeriode: 'Renstra', years: [2022, 2023, 2024, 2025, 2026] });
    expect(dinkes.boxes.map((b) => [b.levelName, b.kode])).toEqual([['Sasaran Program', '1.02.02'], ['Sasaran Program', '1.02.03']]);
    expect(readWorkbook(r.snapshot).tree.boxes).toEqual([]);
  });

  it('a shared program goes to each of its OPDs, its pagu to the first only: the pagu is never counted twice', () => {
    const inDinkes = tree('Dinas Kesehatan').boxes.find((b) => b.kode === '1.02.02')!;
    const inRsud = tree('RSUD Blambangan').boxes.find((b) => b.kode === '1.02.02')!;
    expect(inDinkes.pagu[0]).toBe(55_000_000_000);
    expect(inRsud.pagu.every((v) => v === null)).toBe(true);
    expect(inRsud.catatan).toContain('pagunya dicatat pada Dinas Kesehatan');
    expect(inRsud.indicators.map((i) => i.nama)).toEqual(['Angka Kematian Ibu']);
    const total = parts.flatMap((p) => readWorkbook(p.snapshot).tree.boxes).reduce((s, b) => s + (b.pagu[0] ?? 0), 0);
    expect(total).toBe(40_000_000_000 + 55_000_000_000 + 2_000_000_000 + 1_500_000_000 + 600_000_000 + 1_600_000_000 + 650_000_000);
  });

  it('a program under a Sasaran Pemda becomes a root of its OPD tree that names that sasaran in Ref Pemda', () => {
    const sheet: RawSheet = { name: 'RPJMD', merges: [], values: [
      ['Sasaran', 'Indikator Sasaran', 'Kode', 'Program Prioritas', 'Indikator Kinerja Program', 'Target 2025', 'Pagu 2025', 'Perangkat Daerah Penanggung Jawab'],
      ['Meningkatnya kualitas SDM', 'IPM', null, null, null, 72],
      [null, null, '1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN', 'APM SD', 98, 100, 'Dinas Pendidikan'],
      [null, null, '1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN', 'AKI', 90, 200, 'Dinas Kesehatan'],
    ] };
    const s = adopted(sheet, { splitOpd: true });
    const pemda = readWorkbook(s.snapshot).tree;
    expect(pemda.boxes.map((b) => [b.id, b.levelName])).toEqual([['SPD1', 'Sasaran Pemda']]);
    const pend = readWorkbook(s.opd![0].snapshot).tree.boxes[0];
    expect(pend).toMatchObject({ kode: '1.01.02', refPemda: 'SPD1', induk: '' });
  });
});

describe('perangkat daerah named in one penanggung jawab cell', () => {
  it('splits only where every piece names an OPD or unit; an OPD name with commas stays whole', () => {
    expect(splitOpd('Dinas Kesehatan\nRSUD Blambangan')).toEqual(['Dinas Kesehatan', 'RSUD Blambangan']);
    expect(splitOpd('DINKES\nRSUD')).toEqual(['DINKES', 'RSUD']);
    expect(splitOpd('Dinas Kesehatan, RSUD Genteng')).toEqual(['Dinas Kesehatan', 'RSUD Genteng']);
    expect(splitOpd('1. Dinas Sosial 2. Dinas Kesehatan')).toEqual(['Dinas Sosial', 'Dinas Kesehatan']);
    expect(splitOpd('Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman')).toEqual(['Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman']);
    expect(splitOpd('Sekretariat\n(Subbag Umum)')).toEqual(['Sekretariat (Subbag Umum)']);
  });
});
