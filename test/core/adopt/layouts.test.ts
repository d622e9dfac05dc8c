import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { RawSheet } from '../../../core/adopt/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import { levelSheet } from '../../fixtures/adopt/build.js';

describe('level table (Level 1 | Indikator Kinerja | Level 2 | …)', () => {
  const a = adoptWorkbook([levelSheet()], { tahunAwal: 2026, tahunAkhir: 2030 });
  if (!a.ok) throw new Error('not recognised');
  const { report, snapshot } = a.result;
  const tree = readWorkbook(snapshot).tree;

  it('maps Level k to the k-th configured level, blank and merged cells meaning the box above', () => {
    expect(report.layout).toBe('level-table');
    expect(report.unplaced).toEqual([]);
    expect(tree.boxes.map((b) => b.levelName).slice(0, 4)).toEqual(['Tujuan', 'Sasaran Strategis', 'Sasaran Program', 'Sasaran Kegiatan']);
    const k = tree.boxes.find((b) => b.pernyataan === 'Meningkatnya Kematangan Inovasi Daerah')!;
    expect(k.parent?.pernyataan).toBe('Meningkatnya Penelitian dan Pengembangan Daerah');
    expect(tree.config.years).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  it('splits line-separated indicators in one cell and adds continuation rows to the box', () => {
    expect(tree.boxes[0].indicators.map((i) => i.nama)).toEqual([
      'Persentase Ketercapaian Indikator Tujuan Pembangunan Daerah', 'Persentase Ketercapaian Sasaran Pembangunan Daerah',
    ]);
    expect(tree.boxes[1].indicators).toHaveLength(2);
  });

  it('starts the numbering at the level the planner names', () => {
    const b = adoptWorkbook([levelSheet()], { levelAwal: 'Sasaran Strategis' });
    if (!b.ok) throw new Error();
    const t = readWorkbook(b.result.snapshot).tree;
    expect(t.boxes[0].levelName).toBe('Sasaran Strategis');
    expect(t.boxes.find((x) => x.pernyataan === 'Meningkatnya Kematangan Inovasi Daerah')?.levelName).toBe('Sasaran Sub Kegiatan');
  });

  it('a same text under two parents makes two boxes', () => {
    const sheet: RawSheet = { name: 'L', merges: [], values: [
      ['Level 1', 'Indikator Kinerja', 'Level 2', 'Indikator Kinerja', 'Level 3', 'Indikator Kinerja'],
      ['A', 'ia', 'B', 'ib', 'C', 'ic'], [null, null, 'D', 'id', 'C', 'ic2'], [null, null, null, null, null, 'ic3']] };
    const r = adoptWorkbook([sheet]);
    if (!r.ok) throw new Error();
    const t = readWorkbook(r.result.snapshot).tree;
    expect(t.boxes.filter((b) => b.pernyataan === 'C')).toHaveLength(2);
    expect(t.boxes.filter((b) => b.pernyataan === 'C')[1].indicators.map((i) => i.nama)).toEqual(['ic2', 'ic3']);
  });
});

describe('canonical tables with renamed, reordered and extra columns', () => {
  const pohon: RawSheet = { name: 'Pohon', merges: [], values: [
    ['Daftar Kotak Pohon Kinerja'], [],
    ['Catatan', 'Kode Kotak', 'Tingkatan', 'ID Parent', 'Uraian Kinerja', 'Kode Program/Kegiatan', 'Pemilik Kinerja', 'Anggaran Tahun 2026', 'Kolom Bebas'],
    [null, 'SS1', 'Sasaran Strategis', null, 'Meningkatnya A', null, 'KADIS', null, 'x'],
    [null, 'P1', 'sasaran program', 'SS1', 'Meningkatnya B', '2,01,02', 'KADIS', 'Rp 1.000', 'y'],
  ] };
  const ind: RawSheet = { name: 'IKU', merges: [], values: [
    ['ID Kotak', 'Uraian Indikator', 'Satuan Indikator', 'Arah', 'Cara Akumulasi', 'Capaian Awal', 'Target Tahun 2026', 'Target Akhir'],
    ['SS1', 'Indeks A', 'Nilai', 'Positif', 'Nilai Akhir', 1, 2, 2],
    ['P1', 'Persentase B', '%', 'positif', 'Nilai Akhir', '75,5', '80%', 80],
    ['P9', 'Yatim', '%', null, null, null, null, null],
  ] };

  it('maps the synonyms, reads at the source cells and reports what it could not place', () => {
    const a = adoptWorkbook([pohon, ind], { tahunAwal: 2026, tahunAkhir: 2026, pemda: 'Kab. Contoh' });
    if (!a.ok) throw new Error('not recognised');
    const { report, snapshot } = a.result;
    expect(report.layout).toBe('canonical');
    expect(report.columns).toMatchObject({ 'Pohon!B': 'ID', 'Pohon!C': 'Level', 'Pohon!H': 'Pagu 2026', 'IKU!D': 'Polaritas', 'Pohon!I': 'diabaikan: Kolom Bebas' });
    expect(report.normalised).toContainEqual({ cell: 'Pohon!F5', from: '2,01,02', to: '2.01.02' });
    expect(report.unplaced.map((u) => u.row)).toEqual([4]);
    const t = readWorkbook(snapshot).tree;
    expect(t.boxes.map((b) => [b.id, b.induk, b.levelName, b.kode, b.pagu[0]])).toEqual([
      ['SS1', '', 'Sasaran Strategis', '', null], ['P1', 'SS1', 'Sasaran Program', '2.01.02', 1000],
    ]);
    expect(t.indikator[1]).toMatchObject({ polaritas: 'Positif', kondisiAwal: { kind: 'number', value: 75.5 }, targets: [{ kind: 'number', value: 80 }] });
  });
});

describe('a canonical workbook with a key column renamed', () => {
  const pohon: RawSheet = { name: 'Pohon Kinerja', merges: [], values: [
    ['ID', 'Induk', 'Kolom3', 'Pernyataan Kinerja', 'Kode', 'Penanggung Jawab', 'Pagu 2026'],
    ['SS1', null, 'Sasaran Strategis', 'Meningkatnya A', null, 'KADIS', null],
    ['P1', 'SS1', 'Sasaran Program', 'Meningkatnya B', '2.01.02', 'KADIS', 1000],
  ] };
  const ind: RawSheet = { name: 'Indikator', merges: [], values: [
    ['ID Node', 'Indikator', 'Satuan', 'Polaritas', 'Akumulasi', 'Target 2026'],
    ['SS1', 'Indeks A', 'Nilai', 'Positif', 'Nilai Akhir', 2],
    ['P1', 'Persentase B', '%', 'Positif', 'Nilai Akhir', 80],
  ] };

  it('is still read as the canonical tables (not as a matrix carrying nothing), the renamed column named in an F03', () => {
    const a = adoptWorkbook([pohon, ind], { tahunAwal: 2026, tahunAkhir: 2026, pemda: 'Kab. Contoh' });
    if (!a.ok) throw new Error('not recognised');
    const { report } = a.result;
    expect(report.layout).toBe('canonical');
    expect(report.values).toMatchObject({ present: 23, carried: 21 });
    expect(report.notCarried.map((n) => n.cell)).toEqual(['Pohon Kinerja!C2', 'Pohon Kinerja!C3']);
    const f03 = report.issues.filter((i) => i.rule === 'F03').map((i) => i.message);
    expect(f03).toContain('Kolom "Level" tidak ada di tabel PohonKinerja; isinya tidak dibaca. Judul kolom yang tidak dikenal: "Kolom3".');
    expect(f03).toContain('Kolom C lembar Pohon Kinerja ("Kolom3") berisi 2 nilai yang tidak diimpor (judulnya tidak dikenal).');
  });
});

describe('unknown layouts', () => {
  it('says what the sheet looks like and which headers are missing', () => {
    const a = adoptWorkbook([{ name: 'Data', merges: [], values: [['Nama', 'Alamat', 'Telepon'], ['a', 'b', 'c']] }]);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.notRecognised.sheets[0]).toMatchObject({ name: 'Data', firstRow: 1, header: ['Nama', 'Alamat', 'Telepon'] });
    expect(a.notRecognised.sheets[0].missing).toEqual(expect.arrayContaining(['Kode', 'Indikator']));
  });
});
