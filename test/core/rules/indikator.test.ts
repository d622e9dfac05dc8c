import { describe, expect, it } from 'vitest';
import { box, ind, issuesOf } from './helpers.js';

describe('statement and indicator rules', () => {
  it('accepts the valid example without K issues', () => {
    for (const r of ['K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08', 'K09', 'K10', 'K11', 'K12', 'K13', 'K16'] as const) {
      expect(issuesOf(r), r).toEqual([]);
    }
  });

  it('K01 flags a box without indicator rows at its ID cell', () => {
    const is = issuesOf('K01', (w) => (w.indikator = w.indikator!.filter((r) => r['ID Node'] !== 'K1')));
    expect(is).toMatchObject([{ severity: 'E', sheet: 'Pohon Kinerja', cell: 'A4', id: 'K1' }]);
  });

  it('K02 flags an indicator without Satuan', () => {
    expect(issuesOf('K02', (w) => (ind(w, 'P1').Satuan = null))).toMatchObject([{ cell: 'C3', id: 'P1', sheet: 'Indikator' }]);
  });

  it('K03 flags a missing yearly target but accepts "-"', () => {
    expect(issuesOf('K03', (w) => (ind(w, 'P1')['Target 2026'] = null))).toMatchObject([{ cell: 'L3', id: 'P1' }]);
    expect(issuesOf('K03', (w) => (ind(w, 'P1')['Target 2026'] = '-'))).toEqual([]);
  });

  it('K03 flags a missing Kondisi Akhir', () => {
    expect(issuesOf('K03', (w) => (ind(w, 'P1')['Kondisi Akhir'] = null))).toMatchObject([{ cell: 'N3' }]);
  });

  it('K04 flags a text target on a quantitative indicator, not on a qualitative one', () => {
    expect(issuesOf('K04', (w) => (ind(w, 'P1')['Target 2025'] = 'baik'))).toMatchObject([{ cell: 'K3', severity: 'E' }]);
    expect(issuesOf('K04', (w) => { const i = ind(w, 'P1'); i.Satuan = 'Predikat'; i['Target 2025'] = 'BB'; i['Target 2026'] = 'A'; i['Target 2027'] = 'A'; i['Kondisi Akhir'] = 'A'; })).toEqual([]);
  });

  it('K04 flags a unit glued to a target that differs from Satuan', () => {
    expect(issuesOf('K04', (w) => (ind(w, 'S1')['Target 2025'] = '3 Laporan'))[0].message).toContain('Laporan');
  });

  it('K05 flags a missing or unknown Polaritas and Akumulasi', () => {
    expect(issuesOf('K05', (w) => (ind(w, 'P1').Polaritas = 'Naik'))).toMatchObject([{ cell: 'D3' }]);
    expect(issuesOf('K05', (w) => (ind(w, 'P1').Akumulasi = null))).toMatchObject([{ cell: 'E3' }]);
  });

  it('K06 warns about targets against the polarity and flat series below the maximum', () => {
    expect(issuesOf('K06', (w) => (ind(w, 'P1')['Target 2026'] = 65))).toMatchObject([{ cell: 'L3', severity: 'W' }]);
    expect(issuesOf('K06', (w) => { const i = ind(w, 'P1'); i['Target 2025'] = 70; i['Target 2026'] = 70; i['Target 2027'] = 70; i['Kondisi Akhir'] = 70; })).toHaveLength(1);
    expect(issuesOf('K06', (w) => { const i = ind(w, 'P1'); i['Target 2025'] = 100; i['Target 2026'] = 100; i['Target 2027'] = 100; i['Kondisi Akhir'] = 100; })).toEqual([]);
  });

  it('K07 warns when Kondisi Akhir is not the value its Akumulasi implies', () => {
    expect(issuesOf('K07', (w) => (ind(w, 'P1')['Kondisi Akhir'] = 85))).toMatchObject([{ cell: 'N3' }]);
    expect(issuesOf('K07', (w) => { const i = ind(w, 'S1'); i.Akumulasi = 'Kumulatif'; i['Kondisi Akhir'] = 420; })).toEqual([]);
  });

  it('K08 warns about a blank or n/a baseline', () => {
    expect(issuesOf('K08', (w) => (ind(w, 'P1')['Kondisi Awal'] = 'n/a'))).toMatchObject([{ cell: 'J3' }]);
  });

  it('K09 warns once about missing definition, formula and source', () => {
    const is = issuesOf('K09', (w) => { ind(w, 'P1').Formula = null; ind(w, 'P1')['Sumber Data'] = null; });
    expect(is).toHaveLength(1);
    expect(is[0].message).toContain('Formula, Sumber Data');
  });

  it('K10 flags a repeated indicator name: error in one box, warning across boxes', () => {
    expect(issuesOf('K10', (w) => w.indikator!.push({ ...ind(w, 'P1') }))).toMatchObject([{ severity: 'E', id: 'P1' }]);
    expect(issuesOf('K10', (w) => (ind(w, 'K1').Indikator = ind(w, 'P1').Indikator))).toMatchObject([{ severity: 'W', id: 'K1' }]);
  });

  it('K11 warns about an output indicator at an outcome level', () => {
    expect(issuesOf('K11', (w) => (ind(w, 'SS1').Indikator = 'Jumlah puskesmas'))).toMatchObject([{ id: 'SS1', severity: 'W' }]);
  });

  it('K11 warns about an outcome indicator copied from the Kepmendagri sub kegiatan list', () => {
    const is = issuesOf('K11', (w) => {
      ind(w, 'P1').Indikator = 'Cakupan layanan gizi sesuai standar';
      w.nomenklatur = [{ Kode: '1.02.02.2.02.0015', Nomenklatur: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat', Kinerja: 'x', Indikator: 'Cakupan Layanan Gizi sesuai standar', Satuan: '%' }];
    });
    expect(is[0].message).toContain('menyalin');
  });

  it('K11 exempts the supporting programme', () => {
    expect(issuesOf('K11', (w) => { box(w, 'P1').Kode = '1.02.01'; ind(w, 'P1').Indikator = 'Jumlah dokumen'; })).toEqual([]);
  });

  it('K12 warns about activity or indicator statements', () => {
    expect(issuesOf('K12', (w) => (box(w, 'P1')['Pernyataan Kinerja'] = 'Penyusunan dokumen perencanaan'))).toMatchObject([{ cell: 'D3' }]);
    expect(issuesOf('K12', (w) => (box(w, 'P1')['Pernyataan Kinerja'] = 'Persentase puskesmas terakreditasi'))[0].message).toContain('indikator');
  });

  it('K13 warns above Maks Indikator indicators on a box', () => {
    const is = issuesOf('K13', (w) => {
      for (const n of ['a', 'b', 'c']) w.indikator!.push({ ...ind(w, 'P1'), Indikator: `Persentase ${n}` });
    });
    expect(is).toMatchObject([{ id: 'P1', severity: 'W' }]);
  });

  it('K16 warns about inverted ranges and ranges on a non-Rentang indicator', () => {
    expect(issuesOf('K16', (w) => { const i = ind(w, 'P1'); i.Polaritas = 'Rentang'; i['Target 2025'] = '90 - 80'; })[0].message).toContain('batas bawah');
    expect(issuesOf('K16', (w) => (ind(w, 'P1')['Target 2025'] = '80 s.d. 90'))[0].message).toContain('Rentang');
  });
});
