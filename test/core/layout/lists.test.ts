import { describe, it, expect } from 'vitest';
import { defaultConfig, ROOT_MARK } from '../../../core/config.js';
import {
  fitsInline, infoValueList, inlineFormula, INLINE_LIST_LIMIT, resolveList, tableDropdowns,
} from '../../../core/layout/lists.js';
import { canonicalTables } from '../../../core/layout/tables.js';

const ctx = () => ({ config: defaultConfig() });

describe('resolveList', () => {
  it('offers only the levels of an OPD tree in an OPD workbook', () => {
    const d = resolveList('level', ctx());
    expect(d).toEqual({ kind: 'values', inline: true, values: ['Tujuan', 'Sasaran Strategis', 'Sasaran Program', 'Sasaran Kegiatan', 'Sasaran Sub Kegiatan'] });
  });

  it('offers the pemda levels when Kode OPD is PEMDA', () => {
    const config = defaultConfig();
    config.kodeOpd = 'PEMDA';
    expect(resolveList('level', { config })).toMatchObject({ values: ['Tujuan Pemda', 'Sasaran Pemda'] });
  });

  it('takes level names from the configuration, not from a fixed list', () => {
    const config = defaultConfig();
    config.levels = [
      { order: 1, name: 'Strategic', tree: 'opd', resultType: '', jenjang: ['JPT Pratama'], nomenklatur: null, parents: [ROOT_MARK], optional: false },
      { order: 2, name: 'Tactical', tree: 'opd', resultType: '', jenjang: ['Administrator'], nomenklatur: 'program', parents: ['Strategic'], optional: false },
    ];
    expect(resolveList('level', { config })).toMatchObject({ values: ['Strategic', 'Tactical'] });
  });

  it('points Penanggung Jawab at the ID Jabatan column as a plain absolute range', () => {
    expect(resolveList('jabatan', ctx())).toEqual({ kind: 'range', sheet: 'Jabatan', range: "'Jabatan'!$A$2:$A$2000" });
    expect(resolveList('jabatan', { ...ctx(), jabatanIdCol: 'C', jabatanHeaderRow: 3, lastRow: 500 }))
      .toMatchObject({ range: "'Jabatan'!$C$4:$C$500" });
  });

  it('resolves the fixed lists of the contract', () => {
    expect(resolveList('polaritas', ctx())).toMatchObject({ values: ['Positif', 'Negatif', 'Rentang'] });
    expect(resolveList('akumulasi', ctx())).toMatchObject({ values: ['Kumulatif', 'Nilai Akhir', 'Rata-rata'] });
    expect(resolveList('iku', ctx())).toMatchObject({ values: ['Ya', 'Tidak'] });
    expect(resolveList('jenjang', ctx())).toMatchObject({ values: ['Kepala Daerah', 'JPT Pratama', 'Administrator', 'Pengawas', 'Fungsional', 'Pelaksana'] });
    expect(resolveList('statusCrosscutting', ctx())).toMatchObject({ values: ['Menunggu', 'Disetujui', 'Ditolak'] });
  });
});

describe('inline lists', () => {
  it('quotes values for Excel list validation', () => {
    expect(inlineFormula(['Ya', 'Tidak'])).toBe('"Ya,Tidak"');
  });

  it('refuses lists longer than Excel accepts inline, or with commas', () => {
    expect(fitsInline(['a'.repeat(INLINE_LIST_LIMIT)])).toBe(false);
    expect(fitsInline(['Satu, dua'])).toBe(false);
    expect(fitsInline(['Satu', 'dua'])).toBe(true);
  });
});

describe('infoValueList', () => {
  it('gives the enumerated Info values their dropdown', () => {
    expect(infoValueList('Jenis Pemda')).toMatchObject({ values: ['Provinsi', 'Kabupaten', 'Kota'] });
    expect(infoValueList('Jenis Periode')).toMatchObject({ values: ['RPJMD', 'RPD', 'Renstra'] });
    expect(infoValueList('Pemda')).toBeUndefined();
  });
});

describe('tableDropdowns', () => {
  it('lists every Indikator column that has a list', () => {
    const spec = canonicalTables([2025]).find((t) => t.key === 'indikator')!;
    expect(tableDropdowns(spec, ctx()).map((d) => d.column.header)).toEqual(['Polaritas', 'Akumulasi', 'IKU']);
  });
});
