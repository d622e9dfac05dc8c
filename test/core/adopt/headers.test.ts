import { describe, expect, it } from 'vitest';
import { adoptWorkbook, findHeader, Grid } from '../../../core/adopt/index.js';
import type { AdoptResult, RawSheet } from '../../../core/adopt/types.js';
import { isYearLabel, parseYearLabel } from '../../../core/adopt/yearlabels.js';
import { readWorkbook } from '../../../core/read/index.js';
import { renstraAngka, renstraLimaBaris, renstraRelatif } from '../../fixtures/adopt/matrices.js';

function adopted(sheets: RawSheet[], opts = {}): AdoptResult {
  const a = adoptWorkbook(sheets, opts);
  if (!a.ok) throw new Error(`not adopted: ${JSON.stringify(a.questions.length ? a.questions : a.notRecognised)}`);
  return a.result;
}

describe('year labels in header rows', () => {
  it('reads absolute and relative labels the way matrices write them', () => {
    const cases: [string, ReturnType<typeof parseYearLabel>][] = [
      ['2021', { kind: 'absolute', year: 2021 }], ['Tahun 2019', { kind: 'absolute', year: 2019 }], ['Th. 2022', { kind: 'absolute', year: 2022 }],
      ['TA 2023', { kind: 'absolute', year: 2023 }], ['Tahun ke-3', { kind: 'relative', k: 3 }], ['Tahun-1', { kind: 'relative', k: 1 }],
      ['Tahun-5', { kind: 'relative', k: 5 }], ['Tahun n+1', { kind: 'relative', k: 1 }], ['(n+2)', { kind: 'relative', k: 2 }],
      ['Th. ke 2', { kind: 'relative', k: 2 }], ['Tahun II', { kind: 'relative', k: 2 }], ['Tahun 0', { kind: 'relative', k: 0 }],
      ['Tahun ke-1 (2022)', { kind: 'absolute', year: 2022 }], ['Kerangka Pendanaan 2022-2026', undefined], ['Rp', undefined],
    ];
    for (const [label, want] of cases) expect(parseYearLabel(label), label).toEqual(want);
    expect(isYearLabel('Tahun 2019')).toBe(true);
    expect(isYearLabel(2026)).toBe(true);
    expect(isYearLabel('Target Kinerja Tahun 2023')).toBe(false);
  });

  it('the failing real case: "Tahun 2019" in the second header row above Target | Rp, nothing merged', () => {
    const values = [
      ['RENSTRA DINAS X 2019-2023'], [],
      ['No', 'Kode', 'Program/Kegiatan', 'Indikator Kinerja', 'Data Capaian Awal', 'Target Kinerja dan Kerangka Pendanaan', null, null, null, 'Kondisi Akhir', null, 'Unit Kerja'],
      [null, null, null, null, null, 'Tahun 2019', null, 'Tahun 2020', null, null, null, null],
      [null, null, null, null, null, 'Target', 'Rp', 'Target', 'Rp', 'Target', 'Rp', null],
      [1, '1.02.02', 'PROGRAM X', 'Indikator X', 10, 11, 1000, 12, 1100, 12, 2100, 'Bidang A'],
      [null, '1.02.02.2.01', 'Kegiatan Y', 'Indikator Y', 1, 2, 1000, 3, 1100, 3, 2100, 'Seksi B'],
    ];
    const { report, snapshot } = adopted([{ name: 'S', values, merges: [] }]);
    expect(report.headerRows).toEqual([3, 4, 5]);
    expect(report.years).toEqual([2019, 2020]);
    expect(report.columns).toMatchObject({ F: 'target 2019', G: 'pagu 2019', H: 'target 2020', I: 'pagu 2020', J: 'kondisi akhir', K: expect.stringMatching(/^pagu akhir periode/) });
    expect(report.values).toMatchObject({ present: 23, carried: 23 });
    const p = readWorkbook(snapshot).tree.boxes.find((b) => b.kode === '1.02.02')!;
    expect(p.pagu).toEqual([1000, 1100]);
    expect(p.indicators[0].targets).toEqual([{ kind: 'number', value: 11 }, { kind: 'number', value: 12 }]);
  });
});

describe('relative year labels (Tahun-1 … Tahun-5) under a merged group, K | Rp (000), column numbers with a formula label', () => {
  it('asks for Tahun Awal, naming the labels found, instead of dropping the columns', () => {
    const a = adoptWorkbook([renstraRelatif().sheet]);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    const q = a.questions[0];
    expect(q).toMatchObject({ option: 'tahunAwal', sheet: 'T-C.27', suggestion: 2026 });
    expect(q.labels.map((l) => l.cell)).toEqual(['G6', 'H6', 'I6', 'J6', 'K6', 'L6', 'M6', 'N6', 'O6', 'P6']);
    expect(q.message.id).toContain('"Tahun-1"');
    expect(q.message.id).toContain('--tahun-awal');
    expect(q.message.en).toContain('never dropped silently');
    expect(a.notRecognised.sheets[0].missing).toEqual(['Tahun Awal']);
  });

  it('answered with tahunAwal: years from the labels, Rp (000) scaled to rupiah (F02), the formula label skipped', () => {
    const { report, snapshot } = adopted([renstraRelatif().sheet], { tahunAwal: 2026 });
    expect(report.headerRows).toEqual([4, 5, 6, 7]);
    expect(report.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(report.yearLabels[0]).toMatchObject({ cell: 'G6', year: 2026, relative: true });
    expect(report.columns).toMatchObject({ F: 'kondisi awal', G: 'target 2026', H: 'pagu 2026 (×1.000)', Q: 'kondisi akhir' });
    expect(report.values.carried).toBe(report.values.present);
    const p = readWorkbook(snapshot).tree.boxes.find((b) => b.kode === '1.02.02')!;
    expect(p.pagu[0]).toBe(12_500_000_000);
    expect(report.normalised).toContainEqual({ cell: 'H10', from: '12500000', to: '12500000000 (12500000 × 1.000)' });
    expect(report.issues.some((i) => i.rule === 'F02' && i.cell === 'H10')).toBe(true);
  });

  it('takes Tahun Awal from the workbook\'s own Info sheet', () => {
    const f = renstraRelatif(true);
    const { report } = adopted([f.sheet, ...(f.others ?? [])]);
    expect(report.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    // Also when the import is told to look at the matrix sheet only.
    expect(adopted([f.sheet, ...(f.others ?? [])], { sheet: 'T-C.27' }).report.years).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
});

describe('header shapes', () => {
  it('five header rows: titles, a period group, Th. labels, Kinerja | Anggaran, K | Rp', () => {
    const { report } = adopted([renstraLimaBaris().sheet]);
    expect(report.headerRows).toEqual([1, 2, 3, 4, 5]);
    expect(report.columns).toMatchObject({ F: 'target 2025', G: 'pagu 2025', H: 'target 2026', I: 'pagu 2026' });
    expect(report.values.carried).toBe(report.values.present);
  });

  it('Target | Satuan | Rp. (juta) per year: satuan taken from the year group, pagu in millions', () => {
    const { report, snapshot } = adopted([renstraAngka().sheet]);
    expect(report.columns).toMatchObject({ E: 'target 2025', F: 'satuan 2025', G: 'pagu 2025 (×1.000.000)', J: 'pagu 2026 (×1.000.000)' });
    const t = readWorkbook(snapshot).tree;
    const p = t.boxes.find((b) => b.kode === '4.01.02')!;
    expect(p.pagu).toEqual([1_458_250_000, 1_500_750_000]);
    expect(p.indicators[0].satuan).toBe('Nilai');
  });

  it('a column whose data is set aside is named with its header and count (F03), and the import counts it as not carried', () => {
    const values = [
      ['Kode', 'Program/Kegiatan', 'Indikator', 'Satuan', 'Target 2025', 'Realisasi 2024', 'Pagu 2025'],
      ['1.02.02', 'PROGRAM X', 'Indikator X', '%', 80, 75, 100],
      ['1.02.02.2.01', 'Kegiatan Y', 'Indikator Y', 'Dokumen', 2, 1, 100],
    ];
    const { report } = adopted([{ name: 'S', values, merges: [] }]);
    const f03 = report.issues.find((i) => i.rule === 'F03')!;
    expect(f03).toMatchObject({ cell: 'F1', severity: 'E' });
    expect(f03.message).toBe('Kolom F ("Realisasi 2024") berisi 2 nilai yang tidak diimpor (realisasi tidak diimpor).');
    expect(report.values).toMatchObject({ present: 14, carried: 12 });
    expect(report.values.columns.find((c) => c.column === 'F')).toMatchObject({ header: 'Realisasi 2024', role: 'diabaikan: realisasi tidak diimpor', present: 2, carried: 0 });
    expect(report.notCarried.map((n) => n.cell)).toEqual(['F2', 'F3']);
  });

  it('one indicator column for every level (Indikator Kinerja Tujuan, Sasaran, Program dan Kegiatan)', () => {
    const values = [
      ['Tujuan', 'Sasaran', 'Kode', 'Program dan Kegiatan', 'Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)', 'Target 2025'],
      ['Meningkatnya derajat kesehatan', null, null, null, 'Usia Harapan Hidup', 70.5],
      [null, 'Menurunnya angka kematian', null, null, 'Angka Kematian Ibu', 95],
      [null, null, null, null, 'Angka Kematian Bayi', 7.5],
      [null, null, '1.02.02', 'PROGRAM X', 'Cakupan X', 85],
      [null, null, '1.02.02.2.01', 'Kegiatan Y', 'Jumlah Y', 2],
      [null, null, null, null, 'Jumlah Z', 5],
    ];
    const { report, snapshot } = adopted([{ name: 'S', values, merges: [] }]);
    expect(report.columns.E).toBe('indikator (semua tingkat)');
    const t = readWorkbook(snapshot).tree;
    expect(t.boxes.map((b) => [b.levelName, b.indicators.map((i) => i.nama)])).toEqual([
      ['Tujuan', ['Usia Harapan Hidup']], ['Sasaran Strategis', ['Angka Kematian Ibu', 'Angka Kematian Bayi']],
      ['Sasaran Program', ['Cakupan X']], ['Sasaran Kegiatan', ['Jumlah Y', 'Jumlah Z']],
    ]);
  });
});

describe('where names, codes and indicators sit', () => {
  const tree = (values: RawSheet['values']) => {
    const r = adopted([{ name: 'S', values, merges: [] }]);
    return { r, t: readWorkbook(r.snapshot).tree };
  };

  it('one name and one indicator column per level under a single Kode column', () => {
    const { r, t } = tree([
      ['Kode', 'Program', 'Kegiatan', 'Indikator Program', 'Indikator Kegiatan', 'Target 2025'],
      ['1.02.02', 'PROGRAM X', null, 'Cakupan X', null, 80],
      ['1.02.02.2.01', null, 'Kegiatan Y', null, 'Jumlah Y', 2],
    ]);
    expect(r.report.columns).toMatchObject({ B: 'nomenklatur program', C: 'nomenklatur kegiatan', D: 'indikator program', E: 'indikator kegiatan' });
    expect(t.boxes.map((b) => [b.kode, b.nomenklatur, b.indicators.map((i) => i.nama)])).toEqual([
      ['1.02.02', 'PROGRAM X', ['Cakupan X']], ['1.02.02.2.01', 'Kegiatan Y', ['Jumlah Y']],
    ]);
    expect(r.report.values.carried).toBe(r.report.values.present);
  });

  it('the code typed at the start of the name, no code column (F02 says so)', () => {
    const { r, t } = tree([
      ['Sasaran', 'Indikator Sasaran', 'Program/Kegiatan', 'Indikator Kinerja', 'Satuan', 'Target 2025'],
      ['Meningkatnya A', 'Indeks A', null, null, 'Nilai', 3],
      [null, null, '1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN', 'Cakupan X', '%', 80],
      [null, null, '1.02.02.2.01 Penyediaan Fasilitas', 'Jumlah Y', 'Unit', 2],
    ]);
    expect(t.boxes.map((b) => [b.levelName, b.kode, b.nomenklatur || b.pernyataan, b.parent?.id ?? ''])).toEqual([
      ['Sasaran Strategis', '', 'Meningkatnya A', ''], ['Sasaran Program', '1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN', 'SS1'],
      ['Sasaran Kegiatan', '1.02.02.2.01', 'Penyediaan Fasilitas', 'P1'],
    ]);
    expect(r.report.normalised).toContainEqual({ cell: 'C3', from: '1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN', to: '1.02.02 | PROGRAM PEMENUHAN UPAYA KESEHATAN' });
  });

  it('a Kode column left of Tujuan/Sasaran numbering their rows (T1, S.1.1): kept in Catatan, programs still under the sasaran', () => {
    const { r, t } = tree([
      ['Kode', 'Tujuan', 'Sasaran', 'Program/Kegiatan', 'Indikator Kinerja', 'Target 2025'],
      ['T1', 'Meningkatnya derajat kesehatan', null, null, 'UHH', 71],
      ['S.1.1', null, 'Menurunnya kematian', null, 'AKI', 90],
      ['1.02.02', null, null, 'PROGRAM X', 'Cakupan X', 80],
    ]);
    expect(t.boxes.map((b) => [b.levelName, b.catatan, b.parent?.id ?? '', b.indicators.map((i) => i.nama)])).toEqual([
      ['Tujuan', 'Nomor: T1', '', ['UHH']], ['Sasaran Strategis', 'Nomor: S.1.1', 'T1', ['AKI']], ['Sasaran Program', '', 'SS1', ['Cakupan X']],
    ]);
    expect(r.report.values.carried).toBe(r.report.values.present);
  });
});

describe('small forms', () => {
  it('one year and one money column without a year (a Renja-like form): that year\'s pagu; codes with spaces and a trailing dot; a table starting at B3', () => {
    const values = [
      [], [],
      [null, 'Kode', 'Program/Kegiatan', 'Indikator Kinerja', 'Target 2025', 'Dana (Rp)'],
      [null, '1 . 02 . 02', 'PROGRAM X', 'Cakupan X', 75, 1000],
      [null, '1.02.02.2.01.', 'Kegiatan Y', 'Jumlah Y', 2, 1000],
    ];
    const { report, snapshot } = adopted([{ name: 'S', values, merges: [] }]);
    expect(report.columns).toMatchObject({ B: 'kode', F: 'pagu 2025' });
    expect(readWorkbook(snapshot).tree.boxes.map((b) => [b.kode, b.pagu[0]])).toEqual([['1.02.02', 1000], ['1.02.02.2.01', 1000]]);
    expect(report.values.carried).toBe(report.values.present);
  });

  it('no code at all: a name starting with PROGRAM is a program; any other uncoded name is reported, not guessed', () => {
    const values = [
      ['Sasaran', 'Program/Kegiatan', 'Indikator Kinerja', 'Target 2025', 'Pagu 2025'],
      ['Meningkatnya A', null, null, null, null],
      [null, 'PROGRAM PENINGKATAN X', 'Cakupan X', 75, 1000],
      [null, 'Penyediaan Y', 'Jumlah Y', 2, 1000],
    ];
    const { report, snapshot } = adopted([{ name: 'S', values, merges: [] }]);
    expect(readWorkbook(snapshot).tree.boxes.map((b) => [b.levelName, b.nomenklatur || b.pernyataan])).toEqual([
      ['Sasaran Strategis', 'Meningkatnya A'], ['Sasaran Program', 'PROGRAM PENINGKATAN X'],
    ]);
    expect(report.unplaced.map((u) => [u.row, u.reason])).toEqual([[4, 'tingkat program/kegiatan/sub kegiatan tidak dapat ditentukan (kode kosong).']]);
  });
});

describe('the header reader other adopters build on (the Renja evaluation form)', () => {
  it('reads its three header rows, K | Rp. (000) pairs, and the column numbers carrying formulas', () => {
    const values: RawSheet['values'] = [
      ['EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN CONTOH'],
      ['Renja Dinas Kesehatan Kabupaten Contoh Tahun 2025'],
      [],
      ['No', 'Kode', 'Urusan/Bidang Urusan/Program/Kegiatan', 'Indikator Kinerja Program (outcome)/Kegiatan (output)', 'Target RPJMD/Renstra pada Tahun 2029 (Akhir Periode)', null,
        'Realisasi Capaian Kinerja s.d. Renja Tahun Lalu', null, 'Target Kinerja dan Anggaran Renja Tahun Berjalan', null,
        'Realisasi Kinerja Pada Triwulan', null, null, null, null, null, null, null, 'Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)', null, 'Perangkat Daerah Penanggung Jawab'],
      [null, null, null, null, null, null, null, null, null, null, 'I', null, 'II', null, 'III', null, 'IV', null],
      [null, null, null, null, 'K', 'Rp. (000)', 'K', 'Rp. (000)', 'K', 'Rp. (000)', 'K', 'Rp. (000)', 'K', 'Rp. (000)', 'K', 'Rp. (000)', 'K', 'Rp. (000)', 'K', 'Rp. (000)'],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, '19 = 11+13+15+17 / 9 x 100', '20 = 12+14+16+18 / 10 x 100', 21],
      [null, '1.02.02', 'PROGRAM X', 'Cakupan X', 90, 5000, 80, 4000, 85, 1000, 20, 200, 40, 400, 60, 600, 85, 1000, 100, 100, 'Dinas Kesehatan'],
    ];
    const merges = ['A4:A6', 'B4:B6', 'C4:C6', 'D4:D6', 'E4:F5', 'G4:H5', 'I4:J5', 'K4:R4', 'K5:L5', 'M5:N5', 'O5:P5', 'Q5:R5', 'S4:T5', 'U4:U6'];
    const g = new Grid({ name: 'E.81', values, merges });
    const h = findHeader(g)!;
    expect(h.titleRows).toEqual([4, 5, 6]);
    expect(h.numberRow).toBe(7);
    expect(h.dataStart).toBe(8);
    expect(h.titleBlock).toEqual(['EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN CONTOH', 'Renja Dinas Kesehatan Kabupaten Contoh Tahun 2025']);
    expect(h.labels.get(11)).toEqual(['Realisasi Kinerja Pada Triwulan', 'I', 'Rp. (000)']);
    expect(h.labels.get(5)).toEqual(['Target RPJMD/Renstra pada Tahun 2029 (Akhir Periode)', 'Rp. (000)']);
  });
});
