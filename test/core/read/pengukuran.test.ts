/**
 * Reading RencanaAksi, Realisasi and Pembanding (SAKIP.md §12): every row becomes a row object
 * or an F01 at its cell; every reinterpretation is an F02 with the old and new value (§10).
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../core/read/index.js';
import { parsePeriode } from '../../../core/read/pengukuran.js';
import { makeSnapshot, type WorkbookInput } from '../../helpers/snapshot.js';
import { IND, pengukuranInput, planRow, realisasiRow } from '../pengukuran/fixture.js';

function read(mutate: (w: WorkbookInput) => void = () => {}) {
  const w = pengukuranInput();
  mutate(w);
  return readWorkbook(makeSnapshot(w));
}
const at = (i: { rule: string; sheet: string; cell: string }) => `${i.rule} ${i.sheet}!${i.cell}`;

describe('the pengukuran tables are read', () => {
  it('into rows attached to their box and indicator, with their cells', () => {
    const { tree, issues } = read();
    const p = tree.pengukuran!;
    expect(p.ada).toEqual({ rencanaAksi: true, realisasi: true, pembanding: true });
    expect(p.rencanaAksi).toHaveLength(4);
    expect(p.realisasi).toHaveLength(16);
    const s1 = p.rencanaAksi.find((r) => r.nodeId === 'S1')!;
    expect(s1.indikator).toBe(tree.byId.get('S1')!.indicators[0]);
    expect(s1.target.map((t) => t && t.kind === 'number' && t.value)).toEqual([30, 60, 90, 120]);
    expect(s1.anggaran).toEqual([75, 75, 75, 75]);
    expect(s1.kodeSubKegiatan).toBe('1.02.02.2.02.0015');
    const r = p.realisasi.find((x) => x.nodeId === 'S1' && x.periode === 3)!;
    expect(r).toMatchObject({ tahun: 2025, realisasi: 92, realisasiAnggaran: 75, diverifikasi: true, loc: { row: 13 } });
    expect(tree.tables.realisasi).toMatchObject({ sheet: 'Realisasi', cols: { realisasi: 'E', penjelasan: 'H' } });
    expect(issues.filter((i) => ['Rencana Aksi', 'Realisasi', 'Pembanding'].includes(i.sheet))).toEqual([]);
  });

  it('leaves the model without pengukuran when none of the tables exists', () => {
    const { tree } = read((w) => { delete w.rencanaAksi; delete w.realisasi; delete w.pembanding; });
    expect(tree.pengukuran).toBeUndefined();
  });
});

describe('rows that cannot be read are F01 at their cell, never dropped silently', () => {
  it('an unknown ID Node, an indicator not of that box, an empty name, a year outside the period', () => {
    const { tree, issues } = read((w) => {
      w.realisasi!.push({ Tahun: 2025, Periode: 'TW1', 'ID Node': 'X9', Indikator: IND.S1, Realisasi: 1 });
      w.realisasi!.push({ Tahun: 2025, Periode: 'TW1', 'ID Node': 'S1', Indikator: 'Indikator lain', Realisasi: 1 });
      w.realisasi!.push({ Tahun: 2025, Periode: 'TW1', 'ID Node': 'S1', Indikator: null, Realisasi: 1 });
      planRow(w, 'K1').Tahun = 2031;
      w.rencanaAksi!.push({ Tahun: null, 'ID Node': 'K1', Indikator: IND.K1 });
    });
    expect(issues.filter((i) => i.rule === 'F01').map(at)).toEqual([
      'F01 Rencana Aksi!A4', 'F01 Rencana Aksi!A6', 'F01 Realisasi!C18', 'F01 Realisasi!D19', 'F01 Realisasi!D20',
    ]);
    expect(issues.find((i) => i.cell === 'D19')!.message).toContain(`(indikatornya: "${IND.S1}")`);
    expect(tree.pengukuran!.realisasi).toHaveLength(16);
    expect(tree.pengukuran!.rencanaAksi).toHaveLength(3);
  });

  it('an unknown quarter, a quarter given twice, Diverifikasi not Ya/Tidak, a second Realisasi Anggaran of the box', () => {
    const { tree, issues } = read((w) => {
      realisasiRow(w, 'P1', 2).Periode = 'TW5';
      w.realisasi!.push({ ...realisasiRow(w, 'K1', 3), Realisasi: 99 });
      realisasiRow(w, 'SS1', 1).Diverifikasi = 'mungkin';
      // A second indicator of S1 gives the box's TW2 anggaran again, differently.
      w.indikator!.push({ ...w.indikator!.find((r) => r['ID Node'] === 'S1')!, Indikator: 'Jumlah kader gizi terlatih' });
      w.realisasi!.push({ Tahun: 2025, Periode: 'TW2', 'ID Node': 'S1', Indikator: 'Jumlah kader gizi terlatih', Realisasi: 5, 'Realisasi Anggaran': 71 });
    });
    const f01 = issues.filter((i) => i.rule === 'F01');
    expect(f01.map(at)).toEqual(['F01 Realisasi!L2', 'F01 Realisasi!B7', 'F01 Realisasi!B18', 'F01 Realisasi!F19']);
    expect(f01.find((i) => i.cell === 'B18')!.message).toContain('sudah ada di baris 12');
    expect(f01.find((i) => i.cell === 'F19')!.messageEn).toContain('is already Rp 70 on row 9');
    // The duplicate quarter and TW5 rows are not read; the second anggaran row is, without its amount.
    expect(tree.pengukuran!.realisasi.filter((r) => r.nodeId === 'K1' && r.periode === 3)).toHaveLength(1);
    expect(tree.pengukuran!.realisasi.find((r) => r.loc.row === 19)!.realisasiAnggaran).toBeNull();
  });

  it('unreadable amounts are F01 and read as blank', () => {
    const { tree, issues } = read((w) => { planRow(w, 'S1')['Anggaran TW2'] = 'tujuh puluh'; planRow(w, 'S1')['Anggaran TW3'] = -5; });
    expect(issues.filter((i) => i.rule === 'F01').map(at)).toEqual(['F01 Rencana Aksi!P5', 'F01 Rencana Aksi!Q5']);
    expect(tree.pengukuran!.rencanaAksi.find((r) => r.nodeId === 'S1')!.anggaran).toEqual([75, null, null, 75]);
  });
});

describe('values are normalised as elsewhere (F02 with the old and new value)', () => {
  it('Periode spellings, an indicator name typed in another case, Indonesian number text, `-` and percent text', () => {
    const { tree, issues } = read((w) => {
      realisasiRow(w, 'SS1', 2).Periode = 'Triwulan II';
      realisasiRow(w, 'P1', 2).Periode = 'tw 2';
      realisasiRow(w, 'K1', 1).Indikator = IND.K1.toUpperCase();
      realisasiRow(w, 'SS1', 3).Realisasi = '71,16';
      realisasiRow(w, 'P1', 3).Realisasi = '68%';
      realisasiRow(w, 'S1', 1)['Realisasi Anggaran'] = 'Rp 70.000';
      realisasiRow(w, 'K1', 4).Realisasi = '-';
    });
    const f02 = issues.filter((i) => i.rule === 'F02').map((i) => `${i.cell} ${i.from} → ${i.to}`);
    expect(f02).toEqual([
      `D4 ${IND.K1.toUpperCase()} → ${IND.K1}`, 'F5 Rp 70.000 → 70000', 'B6 Triwulan II → TW2', 'B7 tw 2 → TW2',
      'E10 71,16 → 71.16', 'E11 68% → 68 (%)', 'E16 - → ',
    ]);
    const re = tree.pengukuran!.realisasi;
    expect(re.find((r) => r.loc.row === 11)!.realisasi).toBe(68);
    expect(re.find((r) => r.loc.row === 16)!.realisasi).toBeNull();
  });

  it('a percent-formatted cell stores a fraction: 0.68 shown as 68 % reads as 68', () => {
    const w = pengukuranInput();
    realisasiRow(w, 'P1', 3).Realisasi = 0.68;
    const snap = makeSnapshot(w);
    const t = snap.tables.find((x) => x.name === 'Realisasi')!;
    t.numberFormats = t.rows.map((_, r) => t.header.map((__, c) => (r === 9 && c === 4 ? '0%' : null)));
    const { tree } = readWorkbook(snap);
    expect(tree.pengukuran!.realisasi.find((r) => r.loc.row === 11)!.realisasi).toBe(68);
  });

  it('a qualitative indicator reads Tercapai / Tidak Tercapai as met / not met', () => {
    const { tree } = read((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'K1')!.Satuan = 'Predikat';
      realisasiRow(w, 'K1', 1).Realisasi = 'Tercapai';
      realisasiRow(w, 'K1', 2).Realisasi = 'tidak tercapai';
    });
    const k1 = tree.pengukuran!.realisasi.filter((r) => r.nodeId === 'K1');
    expect(k1.slice(0, 2).map((r) => r.realisasi)).toEqual([true, false]);
  });

  it('the formula text of a Realisasi cell is kept when the adapter delivers it', () => {
    const snap = makeSnapshot(pengukuranInput());
    const t = snap.tables.find((x) => x.name === 'Realisasi')!;
    t.formulas = t.rows.map(() => t.header.map(() => null));
    t.formulas[3][4] = "'Rencana Aksi'!K5";
    expect(readWorkbook(snap).tree.pengukuran!.realisasi[3].realisasiFormula).toBe("'Rencana Aksi'!K5");
  });
});

describe('parsePeriode', () => {
  it.each([['TW1', 1], ['tw 2', 2], ['TW-III', 3], ['Triwulan IV', 4], ['Q2', 2], [3, 3], ['triwulan 1', 1]] as const)('%s → %s', (v, n) => {
    expect(parsePeriode(v)).toBe(n);
  });
  it.each(['TW5', 'semester 1', '', 0, 1.5, 'V'])('%s → null', (v) => {
    expect(parsePeriode(v)).toBeNull();
  });
});
