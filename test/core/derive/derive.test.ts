import { describe, expect, it } from 'vitest';
import { matriksSheet, levelSheet, pkSheet, pkOwners, validasiSheet, specToRaw, MATRIKS_SHEET } from '../../../core/derive/index.js';
import { readWorkbook } from '../../../core/read/index.js';
import { validateSnapshot } from '../../../core/validate.js';
import { makeSnapshot, validInput } from '../../helpers/snapshot.js';

const input = validInput();
input.pohon!.push({ ID: 'S2', Induk: 'K1', Level: 'Sasaran Sub Kegiatan', 'Pernyataan Kinerja': 'Tersedianya data gizi', Kode: '1.02.02.2.02.0016', Nomenklatur: 'Data Gizi', 'Penanggung Jawab': 'KASI-GIZI', 'Pagu 2025': 50, 'Pagu 2026': 50, 'Pagu 2027': 50 });
input.indikator!.push({ 'ID Node': 'S2', Indikator: 'Jumlah dokumen data gizi', Satuan: 'Dokumen', Polaritas: 'Positif', Akumulasi: 'Nilai Akhir', IKU: 'Tidak', 'Kondisi Awal': 1, 'Target 2025': '-', 'Target 2026': 1, 'Target 2027': 1, 'Kondisi Akhir': 1 });
input.indikator!.push({ 'ID Node': 'P1', Indikator: '=HYPERLINK("http://x","klik")', Satuan: '%', 'Target 2025': 5 });
const snapshot = makeSnapshot(input);
const { tree } = readWorkbook(snapshot);
const cell = (spec: ReturnType<typeof matriksSheet>, r: number, c: number) => spec.cells.find((x) => x.row === r && x.col === c)?.value ?? null;

describe('Matriks Cascading', () => {
  const m = matriksSheet(tree);
  it('has the contract columns (SAKIP.md §4.3) with the period years', () => {
    const header = m.cells.filter((c) => c.row === 1).map((c) => c.value);
    expect(header).toEqual(['Tujuan', 'Indikator Tujuan', 'Sasaran Strategis', 'Indikator Sasaran', 'Kode', 'Program', 'Sasaran Program', 'Indikator Program',
      'Kode', 'Kegiatan', 'Sasaran Kegiatan', 'Indikator Kegiatan', 'Kode', 'Sub Kegiatan', 'Indikator Sub Kegiatan', 'Satuan', 'Kondisi Awal',
      'Target 2025', 'Target 2026', 'Target 2027', 'Pagu 2025', 'Pagu 2026', 'Pagu 2027', 'Penanggung Jawab']);
    expect(m.name).toBe(MATRIKS_SHEET);
    expect(m.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [1, 1] });
  });
  it('has one row per indicator in depth-first order, ancestors merged down', () => {
    // SS1 (1), P1 (2 indicators), K1 (1), S1 (1), S2 (1) → 6 data rows.
    expect(Math.max(...m.cells.map((c) => c.row))).toBe(7);
    expect(cell(m, 2, 3)).toBe('Meningkatnya derajat kesehatan masyarakat');
    expect(m.merges).toContain('C2:C7');
    expect(m.merges).toContain('E3:E7');
    expect(cell(m, 3, 5)).toBe('1.02.02');
    expect(cell(m, 4, 8)).toBe('=HYPERLINK("http://x","klik")');
    expect(cell(m, 6, 13)).toBe('1.02.02.2.02.0015');
    expect(cell(m, 7, 18)).toBe('-');
    expect(cell(m, 3, 21)).toBe(300);
    expect(cell(m, 4, 21)).toBeNull();
    expect(cell(m, 3, 24)).toBe('Kepala Bidang Kesehatan Masyarakat');
  });
});

describe('level table view', () => {
  it('shows Level k | Indikator pairs with the levels used', () => {
    const l = levelSheet(tree);
    expect(l.cells.filter((c) => c.row === 3).map((c) => c.value)).toEqual(['Level 1', 'Indikator', 'Level 2', 'Indikator', 'Level 3', 'Indikator', 'Level 4', 'Indikator']);
    expect(String(cell(l, 2, 1))).toContain('Level 1 = Sasaran Strategis');
  });
});

describe('PK', () => {
  it('is generated for every position that owns boxes', () => {
    expect(pkOwners(tree)).toEqual(['KADIS', 'KABID-KESMAS', 'KASI-GIZI']);
  });
  const pk = pkSheet(tree, 'KASI-GIZI', 2025);
  const texts = pk.cells.map((c) => c.value);
  it('has the statement page: title, OPD, pemda, both parties, place and date, signatures', () => {
    expect(pk.name).toBe('PK 2025 KASI-GIZI');
    expect(texts).toContain('PERJANJIAN KINERJA TAHUN 2025');
    expect(texts).toContain('DINAS KESEHATAN');
    expect(texts).toContain('KABUPATEN CONTOH');
    expect(texts).toContain(': Rina');
    expect(texts).toContain(': Agus');
    expect(texts).toContain('Contoh, .................... 2025');
    expect(texts).toContain('NIP. 198001012005031003');
    expect(pk.print).toMatchObject({ paper: 'A4', orientation: 'portrait', fitToWidth: true });
    expect(pk.print.pageBreaks?.length).toBe(1);
  });
  it('lists the targets of the year and leaves out boxes with "-"', () => {
    expect(texts).toContain('Persentase puskesmas dengan layanan sesuai standar');
    expect(texts).toContain('Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat');
    expect(texts).not.toContain('Jumlah dokumen data gizi');
    expect(pkSheet(tree, 'KASI-GIZI', 2026).cells.map((c) => c.value)).toContain('Jumlah dokumen data gizi');
  });
  it('lists the budget at the jenjang level (Pengawas → sub kegiatan) with a total', () => {
    expect(texts).toContain('1.02.02.2.02.0015 Pengelolaan Pelayanan Kesehatan Gizi Masyarakat');
    const total = pk.cells.find((c) => c.style === 'totalMoney');
    expect(total?.value).toBe(350);
    const kabid = pkSheet(tree, 'KABID-KESMAS', 2025).cells.map((c) => c.value);
    expect(kabid).toContain('1.02.02.2.02 Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota');
    expect(kabid).toContain(': Siti');
  });
});

describe('Validasi', () => {
  it('lists issues E, W, I then sheet and row, with a link to the cell', () => {
    const bad = validInput();
    bad.pohon![2] = { ...bad.pohon![2], Induk: 'NOPE' };
    const r = validateSnapshot(makeSnapshot(bad));
    const v = validasiSheet(r.issues);
    const rows = specToRaw(v).values.slice(1);
    expect(specToRaw(v).values[0]).toEqual(['Aturan', 'Tingkat', 'Lokasi', 'ID', 'Pesan', 'Cara Memperbaiki']);
    const sev = rows.map((x) => x[1]);
    expect(sev.join('')).toMatch(/^E*W*I*$/);
    const link = v.cells.find((c) => c.link)!;
    expect(link.link).toBe(link.value);
    expect(String(link.value)).toMatch(/^'.+'!\$?[A-Z]+\d+$/);
  });

  it('tells how to fix each issue from the rule catalogue, in the chosen language', () => {
    const bad = validInput();
    bad.pohon![2] = { ...bad.pohon![2], Induk: 'NOPE' };
    const r = validateSnapshot(makeSnapshot(bad));
    const t02 = specToRaw(validasiSheet(r.issues)).values.find((x) => x[0] === 'T02')!;
    expect(String(t02[5])).toMatch(/^Induk tidak ada atau kosong: Isi Induk dengan ID/);
    const en = specToRaw(validasiSheet(r.issues, 'en')).values.find((x) => x[0] === 'T02')!;
    expect(String(en[5])).toMatch(/^Parent missing or empty: Set Induk/);
  });
});
