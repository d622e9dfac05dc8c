import { describe, it, expect } from 'vitest';
import { indexFromRows, loadNomenklatur, parseData } from '../../../core/nomenklatur/load.js';
import { lookupKode } from '../../../core/nomenklatur/code.js';
import type { NomenklaturRow, RowLoc } from '../../../core/model.js';

const loc: RowLoc = { table: { sheet: 'Nomenklatur', cols: {}, firstCol: 'A', headerRow: 1 }, row: 2 };
const row = (kode: string, nama: string, extra: Partial<NomenklaturRow> = {}): NomenklaturRow => ({
  kode, nama, kinerja: '', indikator: '', satuan: '', loc, ...extra,
});

describe('loadNomenklatur', () => {
  it('returns the same cached index for the same list, loaded lazily', async () => {
    const a = await loadNomenklatur('Kepmendagri 050-3708/2020');
    const b = await loadNomenklatur('Permendagri 90/2019');
    expect(b).toBe(a);
    expect(a.complete).toBe(true);
    expect(a.size).toBeGreaterThan(6000);
    const c = await loadNomenklatur('Kepmendagri 900.1-2850/2025');
    expect(await loadNomenklatur('Kepmendagri 900.1.15.5-1317/2023')).toBe(c);
    expect(c.complete).toBe(false);
  });

  it('keeps the active row of a code that has an inactive duplicate, and drops inactive rows', async () => {
    const idx = await loadNomenklatur('Kepmendagri 050-3708/2020');
    expect(idx.lookup('2.12.04.2.01.0004', 'Kabupaten')?.nama).toBe('Pengolahan dan Penyajian Data Kependudukan');
    expect(idx.lookup('1.02.03.2.04.0001', 'Kabupaten')).toBeUndefined(); // aktif=0 only
  });

  it('rejects orphans whose parent code is missing', async () => {
    const idx = await loadNomenklatur('Kepmendagri 050-3708/2020');
    expect(idx.lookup('5.01.04.2.01', 'Kabupaten')).toBeUndefined();
    expect(idx.lookup('5.01.04.2.01.0001', 'Kabupaten')).toBeUndefined();
  });

  it('keys rows by jenis pemda: provinsi codes are not kabupaten codes', async () => {
    const idx = await loadNomenklatur('Kepmendagri 050-3708/2020');
    expect(idx.lookup('1.01.02.1.01.0001', 'Provinsi')?.level).toBe('sub_kegiatan');
    expect(idx.lookup('1.01.02.1.01.0001', 'Kabupaten')).toBeUndefined();
    expect(idx.lookup('X.XX.01', 'Provinsi')?.nama).toBe('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI');
    expect(idx.lookup('X.XX.01', 'Kota')?.nama).toBe('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH');
    // urusan rows carry no jenis
    expect(idx.lookup('1', 'Provinsi')?.level).toBe('urusan');
    expect(idx.lookup('1', 'Kabupaten')?.level).toBe('urusan');
  });

  it('never zero-pads a 2-digit sub kegiatan code to find it', async () => {
    const idx = await loadNomenklatur('Kepmendagri 050-3708/2020');
    expect(idx.lookup('1.02.02.2.02.0015', 'Kabupaten')).toBeDefined();
    expect(idx.lookup('1.02.02.2.02.15', 'Kabupaten')).toBeUndefined();
    expect(idx.hasTwoDigitSub).toBe(false);
  });

  it('finds a resolved supporting programme code through its X.XX spelling', async () => {
    const idx = await loadNomenklatur('Kepmendagri 050-3708/2020');
    expect(idx.lookup('1.02.01.2.01.0001', 'Kabupaten')).toBeUndefined();
    expect(lookupKode(idx, '1.02.01.2.01.0001', 'Kabupaten', ['1.02'])?.nama).toBe('Penyusunan Dokumen Perencanaan Perangkat Daerah');
    expect(lookupKode(idx, '1.03.01.2.01.0001', 'Kabupaten', ['1.02'])).toBeUndefined();
  });

  it('overlays the observed 2024 codes on the 2020 list for later versions', async () => {
    const old = await loadNomenklatur('Kepmendagri 050-3708/2020');
    const idx = await loadNomenklatur('Kepmendagri 900.1.15.5-3406/2024');
    expect(old.lookup('1.02.01', 'Kabupaten')).toBeUndefined();
    expect(idx.lookup('1.02.01', 'Kabupaten')?.nama).toBe('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA');
    expect(old.lookup('2.16.03', 'Kabupaten')?.nama).toBe('PROGRAM APLIKASI INFORMATIKA');
    expect(idx.lookup('2.16.03', 'Kabupaten')?.nama).toBe('PROGRAM PENGELOLAAN APLIKASI INFORMATIKA');
    // provinsi rows still come from 2020
    expect(idx.lookup('1.01.02.1.01.0001', 'Provinsi')).toBeDefined();
  });

  it('treats an unknown version as the 2020 list, incomplete', async () => {
    const idx = await loadNomenklatur('');
    expect(idx.complete).toBe(false);
    expect(idx.lookup('1.02.02', 'Kabupaten')).toBeDefined();
  });
});

describe('indexFromRows', () => {
  it('lets the workbook table take precedence over the shipped list, falling back to it', async () => {
    const base = await loadNomenklatur('Kepmendagri 050-3708/2020');
    const idx = indexFromRows([row('1.02.02', 'Program Lokal'), row('1.02.02.2.02.0099', 'Sub Baru', { indikator: 'Jumlah X', satuan: 'Dokumen' })], base);
    expect(idx.lookup('1.02.02', 'Kabupaten')?.nama).toBe('Program Lokal');
    expect(idx.lookup('1.02.02.2.02.0099', 'Kabupaten')).toMatchObject({ level: 'sub_kegiatan', indikator: 'Jumlah X', satuan: 'Dokumen' });
    expect(idx.lookup('1.02.02.2.02', 'Kabupaten')?.nama).toContain('Penyediaan Layanan Kesehatan');
    expect(idx.complete).toBe(true);
  });

  it('skips rows without a valid code and is incomplete on its own', () => {
    const idx = indexFromRows([row('tidak ada kewenangan', 'x'), row('1.02.02.2.02.15', 'Dua Digit')]);
    expect(idx.complete).toBe(false);
    expect(idx.size).toBe(1);
    expect(idx.hasTwoDigitSub).toBe(true);
    expect(idx.lookup('1.02.02.2.02.15', null)?.nama).toBe('Dua Digit');
  });

  it('parses the compact line format, one entry per jenis flag', () => {
    const m = parseData('1.02|b|pk|BIDANG\n1.02.02.2.01.0001|s|k|Sub|Kinerja|Indikator|Unit\n');
    expect(m.get('1.02|p')).toBe(m.get('1.02|k'));
    expect(m.get('1.02.02.2.01.0001|k')).toMatchObject({ kinerja: 'Kinerja', indikator: 'Indikator', satuan: 'Unit' });
  });
});
