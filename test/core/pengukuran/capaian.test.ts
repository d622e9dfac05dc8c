/**
 * Capaian everywhere it is read (SAKIP.md §12 with the formulas of §6): per indicator and
 * quarter against the quarterly plan and the year's target, by polarity and accumulation,
 * capped and uncapped, with its Kategori; per sasaran and per OPD; serapan anggaran.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../core/read/index.js';
import { hitungPengukuran, laporanPengukuran, perOpd, perSasaran } from '../../../core/pengukuran/index.js';
import { makeSnapshot, type WorkbookInput } from '../../helpers/snapshot.js';
import { pengukuranInput, planRow, realisasiRow, type Node } from './fixture.js';

function year(mutate: (w: WorkbookInput) => void = () => {}) {
  const w = pengukuranInput();
  mutate(w);
  const { tree } = readWorkbook(makeSnapshot(w));
  return { tree, p: hitungPengukuran(tree, 2025) };
}
const of = (p: ReturnType<typeof hitungPengukuran>, id: Node) => p.indikator.find((i) => i.box.id === id)!;
const setIndikator = (w: WorkbookInput, id: Node, v: Record<string, unknown>) => Object.assign(w.indikator!.find((r) => r['ID Node'] === id)!, v);
const setPlan = (w: WorkbookInput, id: Node, tw: unknown[]) => tw.forEach((t, k) => { planRow(w, id)[`Target TW${k + 1}`] = t as never; });
const setReal = (w: WorkbookInput, id: Node, rs: unknown[]) => rs.forEach((r, k) => { realisasiRow(w, id, k + 1).Realisasi = r as never; });

describe('per indicator and quarter', () => {
  it('Positif Nilai Akhir: the quarter value against the quarter target, and against the year target', () => {
    const s1 = of(year().p, 'S1');
    // TW2: R 61 / T 60 = 101,67 %; against the year: 61 / 120 = 50,83 % (Kurang: > 50 – 65).
    expect(s1.perTw[1].capaian.murni).toBeCloseTo(101.6667, 4);
    expect(s1.perTw[1].capaianTahun.murni).toBeCloseTo(50.8333, 4);
    expect(s1.perTw[1]).toMatchObject({ targetSd: { kind: 'number', value: 60 }, realisasiSd: 61, kategori: 'Sangat Baik', kategoriTahun: 'Kurang' });
    expect(s1.perTw[3].capaianTahun.murni).toBeCloseTo(104.1667, 4);
  });

  it('Kumulatif: Σ R against Σ T to date (the §6.1 worked example: 75 / 80 = 93,75 %, then 105 / 100)', () => {
    const k = of(year((w) => {
      setIndikator(w, 'S1', { Akumulasi: 'Kumulatif', 'Target 2025': 100 });
      setPlan(w, 'S1', [20, 30, 30, 20]);
      setReal(w, 'S1', [15, 35, 25, 30]);
    }).p, 'S1');
    expect(k.perTw[2].capaian.murni).toBeCloseTo(93.75, 10);
    expect(k.perTw[2].targetSd).toEqual({ kind: 'number', value: 80 });
    expect(k.perTw[2].realisasiSd).toBe(75);
    expect(k.perTw[3].capaian.murni).toBeCloseTo(105, 10);
    expect(k.perTw[3].capaianTahun.murni).toBeCloseTo(105, 10);
    // s.d. TW3 against the year: 75 / 100.
    expect(k.perTw[2].capaianTahun.murni).toBeCloseTo(75, 10);
  });

  it('Rata-rata: mean R against mean T (§6.1: 85, 92, 88, 95 against 90 → 100 %)', () => {
    const r = of(year((w) => {
      setIndikator(w, 'P1', { Akumulasi: 'Rata-rata', 'Target 2025': 90 });
      setPlan(w, 'P1', [90, 90, 90, 90]);
      setReal(w, 'P1', [85, 92, 88, 95]);
    }).p, 'P1');
    expect(r.perTw[3].capaian.murni).toBeCloseTo(100, 10);
    expect(r.perTw[1].capaian.murni).toBeCloseTo(98.3333, 4);
  });

  it('Negatif (2T − R) and Rentang (in the band 100 %, above it R / b)', () => {
    const { p } = year((w) => {
      setIndikator(w, 'K1', { Polaritas: 'Negatif', 'Target 2025': 8 });
      setPlan(w, 'K1', [8, 8, 8, 8]);
      setReal(w, 'K1', [9, 9, 8.5, 9]);
      setIndikator(w, 'P1', { Polaritas: 'Rentang', 'Target 2025': '80 - 90' });
      setPlan(w, 'P1', ['80 - 90', '80 - 90', '80 - 90', '80 - 90']);
      setReal(w, 'P1', [70, 85, 99, 99]);
    });
    expect(of(p, 'K1').perTw[0].capaian.murni).toBeCloseTo(87.5, 10);
    expect(of(p, 'P1').perTw[0].capaian.murni).toBeCloseTo(87.5, 10);
    expect(of(p, 'P1').perTw[1].capaian.murni).toBe(100);
    expect(of(p, 'P1').perTw[2].capaian.murni).toBeCloseTo(110, 10);
  });

  it('capped and uncapped side by side (Batas Capaian), the Kategori from the capped value', () => {
    const { p } = year((w) => {
      w.info = { 'Batas Capaian': 110 } as never;
      setReal(w, 'S1', [45, 61, 92, 125]);
    });
    const c = of(p, 'S1').perTw[0].capaian;
    expect(c.murni).toBeCloseTo(150, 10);
    expect(c.capaian).toBe(110);
    expect(of(p, 'S1').perTw[0].kategori).toBe('Sangat Baik');
  });

  it('not computed when the quarter is not reported or there is no quarterly plan, with the reason', () => {
    const { p } = year((w) => {
      realisasiRow(w, 'S1', 3).Realisasi = null;
      setPlan(w, 'K1', [null, null, null, null]);
    });
    expect(of(p, 'S1').perTw[2].capaian).toMatchObject({ status: 'tidak dihitung', alasan: { id: 'realisasi TW3 belum ada' } });
    expect(of(p, 'K1').perTw[3].capaian.alasan?.id).toBe('tidak ada target triwulan (Rencana Aksi)');
    expect(of(p, 'K1').perTw[3].capaianTahun.murni).toBeCloseTo(61 / 60 * 100, 10);
    expect(p.twTerakhir).toBe(4);
  });
});

describe('per sasaran and per OPD', () => {
  it('mean of the capped capaian, uncapped mean beside it, counts per Kategori, serapan', () => {
    const { p } = year((w) => { w.info = { 'Batas Capaian': 100 } as never; });
    const opd = perOpd(p, 4, 'tahun');
    // Year capaian: SS1 71,22/71,2, P1 70,5/70, K1 61/60, S1 125/120 — capped at 100 except SS1… all above 100.
    expect(opd.jumlahIndikator).toBe(4);
    expect(opd.dihitung).toBe(4);
    expect(opd.capaian).toBe(100);
    expect(opd.capaianMurni).toBeCloseTo(((71.22 / 71.2) + (70.5 / 70) + (61 / 60) + (125 / 120)) * 25, 8);
    expect(opd.perKategori).toEqual({ 'Sangat Baik': 4, Baik: 0, Cukup: 0, Kurang: 0, 'Sangat Kurang': 0 });
    // Serapan: realisasi anggaran of S1 (285) rolls up to K1, P1; pagu of the root SS1 = P1's 300.
    expect(opd.pagu).toBe(300);
    expect(opd.realisasiAnggaran).toBe(285);
    expect(opd.serapan).toBeCloseTo(95, 10);
    const s = perSasaran(p, 2, 'tw');
    expect(s.map((x) => x.box.id)).toEqual(['SS1', 'P1', 'K1', 'S1']);
    expect(s.find((x) => x.box.id === 'S1')).toMatchObject({ realisasiAnggaran: 140, pagu: 300 });
    expect(s.find((x) => x.box.id === 'S1')!.serapan).toBeCloseTo(140 / 3, 8);
  });

  it('uses the Predikat bands when the workbook asks for them', () => {
    const { p } = year((w) => { w.info = { 'Kategori Capaian': 'Predikat' } as never; setReal(w, 'K1', [52, 56, 58, 40]); });
    expect(perOpd(p, 4, 'tahun').perKategori).toEqual({ 'Sangat Berhasil': 3, Berhasil: 0, 'Cukup Berhasil': 1, 'Kurang Berhasil': 0 });
  });
});

describe('the report (pokin pengukuran --json, the pane later)', () => {
  it('lists each indicator with the keys of the issue first, then the other view', () => {
    const { tree } = year();
    const l = laporanPengukuran(tree, 2025, 2);
    expect(Object.keys(l)).toEqual(['tahun', 'tw', 'basis', 'indikator', 'sasaran', 'summary']);
    expect(Object.keys(l.indikator[0]).slice(0, 8)).toEqual(['idNode', 'indikator', 'satuan', 'target', 'realisasi', 'capaian', 'capaianMurni', 'kategori']);
    expect(l.indikator.find((i) => i.idNode === 'S1')).toMatchObject({ target: 60, realisasi: 61, targetTahun: 120, kategori: 'Sangat Baik', kategoriTahun: 'Kurang', pk: true });
    const y = laporanPengukuran(tree, 2025);
    expect(y).toMatchObject({ tw: 4, basis: 'tahun' });
    expect(y.indikator.find((i) => i.idNode === 'S1')).toMatchObject({ target: 120, realisasi: 125 });
  });
});
