/** The criteria list: the shipped one, a pemda's variant table, and what makes one unusable (V01, V02, F01). */
import { describe, expect, it } from 'vitest';
import { bacaKriteria, barisKriteriaBawaan, kriteriaBawaan, tabelKriteriaLke } from '../../../core/lke/index.js';
import type { Issue } from '../../../core/issues.js';
import type { WorkbookSnapshot } from '../../../core/snapshot.js';
import { baris, build } from './helpers.js';

describe('the shipped criteria (../shared/domain/lke/kriteria-88-2021.csv)', () => {
  it('has 4 komponen, 13 sub komponen, 76 kriteria, weights 30/30/15/25 adding up', () => {
    const k = kriteriaBawaan();
    expect(k.komponen.map((x) => [x.kode, x.nama, x.bobot])).toEqual([
      ['AREN01', 'Perencanaan Kinerja', 30], ['BKUR01', 'Pengukuran Kinerja', 30],
      ['CLAP01', 'Pelaporan Kinerja', 15], ['DVAL01', 'Evaluasi Akuntabilitas Kinerja Internal', 25],
    ]);
    expect(k.komponen.flatMap((x) => x.sub).length).toBe(13);
    expect(k.semua.length).toBe(76);
    expect(k.komponen[2].sub.map((s) => s.bobot)).toEqual([3, 4.5, 7.5]);
    expect(k.komponen[3].sub.map((s) => [s.nama, s.bobot])).toEqual([['Pemenuhan', 5], ['Kualitas', 7.5], ['Pemanfaatan', 5], ['Capaian', 7.5]]);
    expect(k.varian).toBe(false);
    expect(k.sumber.id).toContain('PermenPANRB 88/2021');
    expect(k.sumber.id).toContain('yudhis55/kke-sakip-trenggalek');
  });

  it('reads its answer types and default scales: Y/T 1/0, A/B/C/D 1/0,66/0,33/0', () => {
    const k = kriteriaBawaan();
    expect(k.byKode.get('AREN001.1')?.skala).toEqual([{ kode: 'Y', nilai: 1 }, { kode: 'T', nilai: 0 }]);
    expect(k.byKode.get('AREN002.5')?.skala.map((p) => p.nilai)).toEqual([1, 0.66, 0.33, 0]);
    expect(k.semua.filter((c) => c.jenis === 'Y/T').length).toBe(22);
  });

  it('is used when the workbook has no Kriteria LKE table, or an empty one', () => {
    expect(bacaKriteria({ tables: [] }, []).varian).toBe(false);
    const empty = tabelKriteriaLke([]);
    expect(bacaKriteria({ tables: [empty] }, []).varian).toBe(false);
  });
});

describe('a Kriteria LKE table replaces the shipped list', () => {
  const snapshotOf = (rows: ReturnType<typeof baris>[]): WorkbookSnapshot => ({ tables: [tabelKriteriaLke(rows)] });

  it('reads the shipped list back unchanged from the table --kriteria writes', () => {
    const issues: Issue[] = [];
    const k = bacaKriteria(snapshotOf([...barisKriteriaBawaan()]), issues);
    expect(issues).toEqual([]);
    expect(k.varian).toBe(true);
    expect(k.sumber.id).toContain('Kriteria LKE');
    expect(k.semua.map((c) => [c.kode, c.jenis, c.sub.bobot])).toEqual(kriteriaBawaan().semua.map((c) => [c.kode, c.jenis, c.sub.bobot]));
  });

  it('reports sub komponen weights that do not add up to their komponen as V01 (E), at the komponen_bobot cell', () => {
    const issues: Issue[] = [];
    bacaKriteria(snapshotOf([
      baris('A', 60, 'A1', 20, 'a1'), baris('A', 60, 'A2', 30, 'a2'),
      baris('B', 40, 'B1', 40, 'b1'),
    ]), issues);
    expect(issues.map((i) => [i.rule, i.severity, i.sheet, i.cell, i.id])).toEqual([['V01', 'E', 'Kriteria LKE', 'C2', 'A']]);
    expect(issues[0].message).toBe('Bobot sub komponen Komponen A (A) berjumlah 50 (20 + 30), tidak sama dengan bobot komponennya 60.');
    expect(issues[0].messageEn).toBe('The sub komponen weights of Komponen A (A) add up to 50 (20 + 30), not to the komponen\'s weight 60.');
  });

  it('reports one sub komponen with two weights (V01) and komponen weights not adding up to 100 (V02)', () => {
    const issues: Issue[] = [];
    bacaKriteria(snapshotOf([
      baris('A', 50, 'A1', 50, 'a1'), baris('A', 50, 'A1', 45, 'a2'),
      baris('B', 40, 'B1', 40, 'b1'),
    ]), issues);
    expect(issues.map((i) => `${i.rule} ${i.cell}`)).toEqual(['V01 F3', 'V02 C2']);
    expect(issues[1].message).toContain('berjumlah 90');
  });

  it('accepts weights written with a decimal comma (4,5 + 7,5 + 3 = 15)', () => {
    const rows = [baris('A', 15, 'A1', 3, 'a1'), baris('A', 15, 'A2', 4.5, 'a2'), baris('A', 15, 'A3', 7.5, 'a3'), baris('B', 85, 'B1', 85, 'b1')];
    rows[1].sub_bobot = '4,5';
    rows[2].sub_bobot = '7,5';
    const issues: Issue[] = [];
    const k = bacaKriteria(snapshotOf(rows), issues);
    expect(issues).toEqual([]);
    expect(k.komponen[0].sub.map((s) => s.bobot)).toEqual([3, 4.5, 7.5]);
  });

  it('reports unreadable rows as F01 with the cell: unknown answer type, duplicate code, bad answer values, no weight', () => {
    const { issues } = build([
      baris('A', 100, 'A1', 100, 'a1', 'Ya/Tidak/Mungkin'),
      baris('A', 100, 'A1', 100, 'a2'),
      baris('A', 100, 'A1', 100, 'a2'),
      baris('A', 100, 'A1', 100, 'a3', 'A/B/C/D', { nilai_jawaban: 'A=1; B=2; C=0; D=0' }),
      baris('A', 100, 'A1', 100, 'a4', 'A/B/C/D', { nilai_jawaban: 'A=1; B=0,5' }),
      { ...baris('A', 100, 'A1', 100, 'a5'), sub_bobot: 'banyak' },
    ]);
    expect(issues.map((i) => [i.rule, i.id])).toEqual([['F01', 'a1'], ['F01', 'a2'], ['F01', 'a3'], ['F01', 'a4'], ['F01', 'a5']]);
    expect(issues[3].message).toContain('tidak memberi nilai untuk C, D');
  });

  it('reports a missing column of the variant table as F03 and scores nothing from it', () => {
    const t = tabelKriteriaLke([baris('A', 100, 'A1', 100, 'a1')]);
    const i = t.header.indexOf('sub_bobot');
    t.header = t.header.filter((_, n) => n !== i);
    t.rows = t.rows.map((r) => r.filter((_, n) => n !== i));
    const issues: Issue[] = [];
    const k = bacaKriteria({ tables: [t] }, issues);
    expect(issues.map((x) => [x.rule, x.severity, x.message])).toEqual([['F03', 'E', 'Kolom "sub_bobot" tidak ada di tabel KriteriaLKE; isinya tidak dibaca.']]);
    expect(k.semua).toEqual([]);
  });
});
