import { describe, expect, it } from 'vitest';
import { box, issuesOf } from './helpers.js';

describe('budget rules', () => {
  it('accepts pagu that adds up', () => {
    for (const r of ['B01', 'B02', 'B03'] as const) expect(issuesOf(r), r).toEqual([]);
  });

  it('B01 flags a program whose pagu differs from the sum of its kegiatan', () => {
    const is = issuesOf('B01', (w) => (box(w, 'P1')['Pagu 2026'] = 900));
    expect(is).toMatchObject([{ severity: 'E', cell: 'J3', id: 'P1' }]);
    expect(is[0].message).toBe('Pagu 2026 program 1.02.02 (Rp 900) ≠ jumlah pagu kegiatannya (Rp 300).');
  });

  it('B01 flags a blank parent over filled children', () => {
    expect(issuesOf('B01', (w) => (box(w, 'K1')['Pagu 2025'] = null)).find((i) => i.id === 'K1')?.message).toContain('kosong');
  });

  it('B01 honours Toleransi Pagu', () => {
    expect(issuesOf('B01', (w) => { w.info = { 'Toleransi Pagu': 1 }; box(w, 'P1')['Pagu 2026'] = 301; })).toEqual([]);
  });

  it('B02 flags negative, fractional and unreadable pagu', () => {
    expect(issuesOf('B02', (w) => (box(w, 'S1')['Pagu 2025'] = -5))).toHaveLength(1);
    expect(issuesOf('B02', (w) => (box(w, 'S1')['Pagu 2025'] = 'Rp 1.234,56'))).toHaveLength(1);
    expect(issuesOf('B02', (w) => (box(w, 'S1')['Pagu 2025'] = 'seratus juta'))[0].message).toContain('seratus juta');
  });

  it('B03 warns about pagu without a target', () => {
    const is = issuesOf('B03', (w) => { const i = w.indikator!.find((r) => r['ID Node'] === 'S1')!; i['Target 2025'] = '-'; });
    expect(is).toMatchObject([{ id: 'S1', cell: 'I5', severity: 'W' }]);
  });
});

describe('position rules', () => {
  it('accepts owners that follow the chain of command', () => {
    for (const r of ['J01', 'J02', 'J03'] as const) expect(issuesOf(r), r).toEqual([]);
  });

  it('J01 flags a missing owner and an owner not in Jabatan', () => {
    expect(issuesOf('J01', (w) => (box(w, 'K1')['Penanggung Jawab'] = null))).toMatchObject([{ cell: 'G4', id: 'K1' }]);
    expect(issuesOf('J01', (w) => (box(w, 'K1')['Penanggung Jawab'] = 'KASI-X'))[0].message).toContain('KASI-X');
  });

  it('J02 warns when the owner jenjang does not fit the level', () => {
    expect(issuesOf('J02', (w) => (box(w, 'SS1')['Penanggung Jawab'] = 'KABID-KESMAS'))).toMatchObject([{ id: 'SS1', severity: 'W' }]);
  });

  it('J03 flags an owner who is not a direct subordinate of the parent owner', () => {
    const is = issuesOf('J03', (w) => (box(w, 'K1')['Penanggung Jawab'] = 'KADIS'));
    expect(is[0]).toMatchObject({ id: 'K1', severity: 'E', cell: 'G4' });
  });

  it('P02 warns at finalisation when the Kepala OPD owns no IKU indicator', () => {
    expect(issuesOf('P02', () => {}, { final: true })).toMatchObject([{ id: 'KADIS', sheet: 'Jabatan', severity: 'W' }]);
    expect(issuesOf('P02', (w) => { w.indikator![0].IKU = 'Ya'; }, { final: true })).toEqual([]);
    expect(issuesOf('P02')).toEqual([]);
  });

  it('J04 warns at finalisation about a structural position owning nothing', () => {
    const add = (w: { jabatan?: Record<string, unknown>[] }) => w.jabatan!.push({ 'ID Jabatan': 'KASI-X', 'Nama Jabatan': 'Kasi', Jenjang: 'Pengawas', 'ID Atasan': 'KABID-KESMAS' });
    expect(issuesOf('J04', add as never)).toEqual([]);
    expect(issuesOf('J04', add as never, { final: true })).toMatchObject([{ id: 'KASI-X', sheet: 'Jabatan' }]);
  });
});

describe('crosscutting rules', () => {
  const link = (over: Record<string, unknown>) => (w: { crosscutting?: Record<string, unknown>[] }) =>
    (w.crosscutting = [{ 'ID Node': 'P1', 'OPD Tujuan': '1.03.0.00.0.00.01.0000', 'ID Node Tujuan': 'SS2', Kontribusi: 'Air bersih', ...over }]);

  it('accepts a well-formed link to another OPD', () => {
    expect(issuesOf('X01', link({}) as never)).toEqual([]);
    expect(issuesOf('X02', link({}) as never)).toEqual([]);
  });

  it('X01 flags a link to the own OPD', () => {
    expect(issuesOf('X01', link({ 'OPD Tujuan': '1.02.0.00.0.00.01.0000' }) as never)).toMatchObject([{ sheet: 'Crosscutting', cell: 'B2' }]);
  });

  it('X02 flags a malformed reference', () => {
    expect(issuesOf('X02', link({ 'ID Node Tujuan': null }) as never)).toMatchObject([{ cell: 'C2' }]);
    expect(issuesOf('X02', link({ 'OPD Tujuan': 'Lembaga Lain', 'ID Node Tujuan': null }) as never)).toMatchObject([{ cell: 'D2' }]);
    expect(issuesOf('X02', link({ 'OPD Tujuan': 'Dinas PU' }) as never)).toHaveLength(1);
  });

  it('X03 warns at finalisation about waiting links and rejections without reason', () => {
    expect(issuesOf('X03', link({ Status: 'Menunggu' }) as never, { final: true })).toHaveLength(1);
    expect(issuesOf('X03', link({ Status: 'Ditolak' }) as never, { final: true })).toMatchObject([{ cell: 'H2' }]);
    expect(issuesOf('X03', link({ Status: 'Disetujui' }) as never, { final: true })).toEqual([]);
  });
});
