import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { AdoptResult } from '../../../core/adopt/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import { renstraSheet, YEARS } from '../../fixtures/adopt/build.js';

function adopt(): AdoptResult {
  const a = adoptWorkbook([renstraSheet()], { pemda: 'Kabupaten Banyuwangi', jenisPemda: 'kabupaten', kodeOpd: '5.01.5.05.0.00.01.0000' });
  if (!a.ok) throw new Error('not recognised');
  return a.result;
}

describe('adopting the wide Renstra matrix (Banyuwangi excerpt)', () => {
  const { snapshot, report } = adopt();
  const { tree } = readWorkbook(snapshot);
  const byKode = (k: string) => tree.boxes.find((b) => b.kode === k)!;

  it('detects the three-row merged header, the column-number row and the year groups', () => {
    expect(report.layout).toBe('renstra-matrix');
    expect(report.headerRows).toEqual([3, 4, 5, 6]);
    expect(report.years).toEqual(YEARS);
    expect(report.columns).toMatchObject({
      A: 'tujuan', C: 'sasaran', E: 'kode 1/5', I: 'kode 5/5', J: 'nomenklatur program/kegiatan', L: 'indikator program/kegiatan',
      N: 'kondisi awal', O: 'target 2026', P: 'pagu 2026', Y: 'kondisi akhir', AA: 'penanggung jawab', AB: 'catatan (Lokasi)',
    });
    expect(report.columns.Z).toMatch(/^pagu akhir periode/);
  });

  it('carries every value of the matrix: the lokasi into Catatan, the end-of-period Rp checked as the sum', () => {
    expect(report.values.present).toBeGreaterThan(500);
    expect(report.values.carried).toBe(report.values.present);
    expect(report.notCarried).toEqual([]);
    expect(byKode('5.01.01').catatan).toBe('Lokasi: Kabupaten Banyuwangi');
    expect(report.values.columns.find((c) => c.column === 'Z')).toMatchObject({ role: expect.stringMatching(/^pagu akhir periode/), present: 21, carried: 21 });
  });

  it('places every row: boxes, indicators, urusan/bidang rows as context', () => {
    expect(report.unplaced).toEqual([]);
    expect(report.sourceRows).toBe(report.rows.length);
    expect(report.rows.filter((r) => r.kind === 'context').map((r) => (r as { what: string }).what)).toEqual([
      'urusan 5 UNSUR PENUNJANG URUSAN PEMERINTAHAN', 'bidang 5.01 PERENCANAAN', 'bidang 5.05 PENELITIAN DAN PENGEMBANGAN',
    ]);
    expect(report.boxes).toBe(25);
    expect(report.indicators).toBe(30);
  });

  it('levels come from the column and the code depth; parents from merges and blank-means-above', () => {
    const levels = tree.boxes.map((b) => b.levelName);
    expect(levels.filter((l) => l === 'Tujuan')).toHaveLength(1);
    expect(levels.filter((l) => l === 'Sasaran Strategis')).toHaveLength(3);
    expect(levels.filter((l) => l === 'Sasaran Program')).toHaveLength(4);
    expect(levels.filter((l) => l === 'Sasaran Kegiatan')).toHaveLength(17);
    const p = byKode('5.01.02');
    expect(p.parent?.pernyataan).toBe('Meningkatnya kualitas perencanaan');
    expect(p.parent?.parent?.pernyataan).toBe('Meningkatnya kinerja pembangunan daerah');
    // Kegiatan rows carry only their own code part: the rest comes from the program row above.
    expect(byKode('5.01.02.2.03').parent).toBe(p);
    expect(byKode('5.05.02.2.04').parent).toBe(byKode('5.05.02'));
  });

  it('keeps several indicator rows under one box as one box with several indicators', () => {
    expect(byKode('5.01.02').indicators.map((i) => i.nama)).toEqual([
      'Persentase pemenuhan standar kualitas proses perencanaan pembangunan daerah',
      'Persentase Perangkat Daerah yang Kinerjanya (Tujuan dan Sasaran Renstra) Tercapai',
    ]);
    const ss1 = tree.boxes.find((b) => b.pernyataan.startsWith('Meningkatnya Akuntabilitas'))!;
    expect(ss1.indicators.map((i) => i.nama)).toEqual(['Nilai SAKIP Perangkat Daerah', 'Indeks Kepuasan Masyarakat']);
  });

  it('reads targets, baseline, pagu and owners; numbers are never filled down', () => {
    const p = byKode('5.01.01');
    expect(p.pagu).toEqual([14360460999, 14387594400, 14388686900, 14475771100, 14863642900]);
    expect(p.indicators[0].kondisiAwal).toEqual({ kind: 'number', value: 97.81 });
    expect(p.indicators[0].targets[0]).toEqual({ kind: 'number', value: 100 });
    expect(p.penanggungJawab).toBe('Sekretariat');
    const ss = tree.boxes.find((b) => b.levelName === 'Sasaran Strategis')!;
    expect(ss.pagu.every((v) => v === null)).toBe(true);
    expect(byKode('5.01.02').indicators[1].kondisiAwal).toEqual({ kind: 'number', value: 66.67 });
  });

  it('reports every normalised value with its source cell (F02)', () => {
    expect(report.normalised).toContainEqual({ cell: 'H16', from: '2,05', to: '2.05' });
    const lineBreak = report.normalised.find((n) => n.cell === 'L13')!;
    expect(lineBreak.from).toContain('\n');
    expect(report.issues.every((i) => i.rule === 'F02')).toBe(true);
  });

  it('fills Info from the options and the years, and lists what stays empty', () => {
    expect(tree.config.years).toEqual(YEARS);
    expect(tree.config.pemda).toBe('Kabupaten Banyuwangi');
    expect(tree.config.jenisPemda).toBe('Kabupaten');
    expect(report.missingInfo).toEqual(['Kode Pemda', 'Nama OPD', 'Versi Nomenklatur']);
  });

  it('creates a Jabatan row for each penanggung jawab text, with Jenjang left to the planner', () => {
    expect(report.jabatanCreated.map((j) => j.id)).toContain('Bidang Renev');
    expect(tree.jabatan.find((j) => j.id === 'Kepala Badan')?.jenjang).toBeNull();
    expect(report.validation.summary.boxes).toBe(25);
    expect(report.validation.issues.some((i) => i.rule === 'F01' && i.sheet === 'Jabatan')).toBe(true);
  });

  it('matches penanggung jawab text against known positions instead of creating them', () => {
    const a = adoptWorkbook([renstraSheet()], {
      jabatan: [{ id: 'SEKRETARIS', nama: 'Sekretaris', jenjang: 'Administrator', atasan: 'KABAN', nip: '1', namaPejabat: 'X', unitKerja: 'Sekretariat' }],
    });
    if (!a.ok) throw new Error();
    const t = readWorkbook(a.result.snapshot).tree;
    expect(t.boxes.find((b) => b.kode === '5.01.01')?.penanggungJawab).toBe('SEKRETARIS');
    expect(a.result.report.jabatanCreated.map((j) => j.from)).not.toContain('Sekretariat');
  });
});
