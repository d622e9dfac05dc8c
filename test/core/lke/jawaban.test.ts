/** Reading the LKE answers: normalised, reported, never dropped; and the table written back keeps them. */
import { describe, expect, it } from 'vitest';
import { bacaJawabanLke, hitungSkor, kriteriaBawaan, lembarLke } from '../../../core/lke/index.js';
import { jawabanDropdowns, lkeColumns, nilaiFormula } from '../../../core/layout/lke.js';
import type { Issue } from '../../../core/issues.js';
import type { CellValue, TableSnapshot } from '../../../core/snapshot.js';

const HEADER = lkeColumns().map((c) => c.header);

/** An LKE table at A1 from rows keyed by header. */
function lke(rows: Record<string, CellValue>[]): TableSnapshot {
  return { sheet: 'LKE', name: 'LKE', address: 'A1', header: [...HEADER], rows: rows.map((r) => HEADER.map((h) => r[h] ?? null)) };
}

describe('LKE answers', () => {
  const k = kriteriaBawaan();

  it('has the §13 columns in order', () => {
    expect(HEADER).toEqual(['Komponen', 'Sub Komponen', 'Bobot Sub', 'Kode', 'Kriteria', 'Jenis Jawaban', 'Jawaban', 'Nilai', 'Bukti Dukung', 'Tautan', 'Saran Pokin', 'Catatan Evaluator']);
  });

  it('reads "ya", " a " and "Tidak" as Y, A and T, each with an F02 naming the cell (edge spaces trimmed silently)', () => {
    const issues: Issue[] = [];
    const r = bacaJawabanLke({ tables: [lke([
      { Kode: 'AREN001.1', Jawaban: 'ya' }, { Kode: 'AREN002.5', Jawaban: ' a ' }, { Kode: 'AREN001.2', Jawaban: 'Tidak' }, { Kode: 'AREN001.3', Jawaban: 'Y' },
    ])] }, k, issues);
    expect([...r.jawaban.values()].map((j) => [j.kode, j.jawaban])).toEqual([['AREN001.1', 'Y'], ['AREN002.5', 'A'], ['AREN001.2', 'T'], ['AREN001.3', 'Y']]);
    expect(issues.map((i) => [i.rule, i.severity, i.cell, i.from, i.to])).toEqual([
      ['F02', 'W', 'G2', 'ya', 'Y'], ['F02', 'W', 'G3', 'a', 'A'], ['F02', 'W', 'G4', 'Tidak', 'T'],
    ]);
  });

  it('reports an answer off the criterion\'s scale as F01, counts it 0 and lists it as unanswered', () => {
    const issues: Issue[] = [];
    const r = bacaJawabanLke({ tables: [lke([{ Kode: 'AREN001.1', Jawaban: 'B' }, { Kode: 'AREN002.5', Jawaban: 'E' }])] }, k, issues);
    expect(issues.map((i) => [i.rule, i.severity, i.sheet, i.cell, i.id])).toEqual([['F01', 'E', 'LKE', 'G2', 'AREN001.1'], ['F01', 'E', 'LKE', 'G3', 'AREN002.5']]);
    expect(issues[0].message).toBe('Jawaban "B" bukan pilihan kriteria AREN001.1 (Y/T); dihitung 0 dan belum dijawab.');
    const rekap = hitungSkor(k, r.jawaban);
    expect(rekap.belumDijawab.slice(0, 2).map((b) => b.kode)).toEqual(['AREN001.1', 'AREN001.2']);
    expect(rekap.belumDijawab.map((b) => b.kode)).toContain('AREN002.5');
  });

  it('keeps a row with an unknown code or a second row for one code (F01), out of the score', () => {
    const issues: Issue[] = [];
    const r = bacaJawabanLke({ tables: [lke([
      { Kode: 'AREN001.1', Jawaban: 'Y' }, { Kode: 'X.99', Jawaban: 'A', Tautan: 'https://bukti/x' }, { Kode: 'AREN001.1', Jawaban: 'T' }, { Jawaban: 'A' },
    ])] }, k, issues);
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['F01', 'D3'], ['F01', 'D4'], ['F01', 'D5']]);
    expect(r.jawaban.get('AREN001.1')?.jawaban).toBe('Y');
    expect(r.asing.map((a) => [a.kode, a.tidakSah, a.tautan])).toEqual([['X.99', 'A', 'https://bukti/x'], ['AREN001.1', 'T', ''], ['', 'A', '']]);
  });

  it('flags a row whose Bobot Sub or Jenis Jawaban no longer matches the list (V03, W)', () => {
    const issues: Issue[] = [];
    bacaJawabanLke({ tables: [lke([{ Kode: 'AREN001.1', 'Bobot Sub': 5, 'Jenis Jawaban': 'Y/T', Jawaban: 'Y' }, { Kode: 'AREN002.5', 'Bobot Sub': 9, 'Jenis Jawaban': 'Y/T' }])] }, k, issues);
    expect(issues.map((i) => [i.rule, i.severity, i.cell, i.id])).toEqual([['V03', 'W', 'C2', 'AREN001.1'], ['V03', 'W', 'F3', 'AREN002.5']]);
  });

  it('reports F03 when the LKE table lacks Jawaban', () => {
    const t = lke([{ Kode: 'AREN001.1' }]);
    const j = t.header.indexOf('Jawaban');
    t.header[j] = 'Isian';
    const issues: Issue[] = [];
    bacaJawabanLke({ tables: [t] }, k, issues);
    expect(issues.map((i) => [i.rule, i.message])).toEqual([['F03', 'Kolom "Jawaban" tidak ada di tabel LKE; isinya tidak dibaca. Ganti judul kolom "Isian" menjadi "Jawaban".']]);
  });
});

describe('the LKE table written back', () => {
  const k = kriteriaBawaan();

  it('keeps answers, evidence, links and notes by Kode, normalises answers and keeps unknown rows at the bottom', () => {
    const issues: Issue[] = [];
    const lama = bacaJawabanLke({ tables: [lke([
      { Kode: 'AREN001.2', Jawaban: 'ya', 'Bukti Dukung': 'Renja 2025 (ditetapkan)', Tautan: 'https://contoh/renja', 'Catatan Evaluator': 'cek tanggal' },
      { Kode: 'AREN002.5', Jawaban: 'Q' }, { Kode: 'LAMA.1', Jawaban: 'A' },
    ])] }, k, issues);
    const sheet = lembarLke(k, lama, new Map());
    expect(sheet.table.rows.length).toBe(77);
    const row = (kode: string) => Object.fromEntries(HEADER.map((h, i) => [h, sheet.table.rows.find((r) => r[3] === kode)?.[i]]));
    expect(row('AREN001.2')).toMatchObject({ Komponen: 'Perencanaan Kinerja', 'Sub Komponen': 'Pemenuhan', 'Bobot Sub': 6, Jawaban: 'Y', Nilai: 1,
      'Bukti Dukung': 'Renja 2025 (ditetapkan)', Tautan: 'https://contoh/renja', 'Catatan Evaluator': 'cek tanggal', 'Jenis Jawaban': 'Y/T' });
    expect(row('AREN001.1')).toMatchObject({ Jawaban: null, Nilai: null, 'Bukti Dukung': 'RPJMD | Renstra PD | Pokin PD' });
    expect(row('AREN002.5')).toMatchObject({ Jawaban: 'Q', Nilai: '?' });
    expect(sheet.table.rows[76][3]).toBe('LAMA.1');
    expect(sheet.table.rows[76][6]).toBe('A');
    expect(sheet.skala[76]).toBeNull();
    // Reading the rewritten table gives the same answers back.
    const again = bacaJawabanLke({ tables: [sheet.table] }, k, []);
    expect(again.jawaban.get('AREN001.2')).toMatchObject({ jawaban: 'Y', tautan: 'https://contoh/renja', catatanEvaluator: 'cek tanggal' });
  });

  it('gives one dropdown per run of rows with the same answer list', () => {
    const sheet = lembarLke(k, undefined, new Map());
    const dd = jawabanDropdowns('G', 2, sheet.skala.map((s) => s?.map((p) => p.kode) ?? null));
    expect(dd.slice(0, 3)).toEqual([
      { range: 'G2:G8', values: ['Y', 'T'] }, { range: 'G9:G21', values: ['A', 'B', 'C', 'D'] }, { range: 'G22:G24', values: ['Y', 'T'] },
    ]);
    const covered = dd.reduce((n, d) => { const [a, b] = d.range.split(':').map((x) => Number(x.slice(1))); return n + b - a + 1; }, 0);
    expect(covered).toBe(76);
  });

  it('writes a Nilai formula built from the scale only', () => {
    expect(nilaiFormula('G2', k.byKode.get('AREN002.5')!.skala)).toBe(
      'IF(TRIM(G2)="","",IFERROR(CHOOSE(MATCH(UPPER(TRIM(G2)),{"A","B","C","D"},0),1,0.66,0.33,0),"?"))');
    expect(nilaiFormula('G3', k.byKode.get('AREN001.1')!.skala)).toBe(
      'IF(TRIM(G3)="","",IFERROR(CHOOSE(MATCH(UPPER(TRIM(G3)),{"Y","T","YA","TIDAK"},0),1,0,1,0),"?"))');
  });
});
