import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../core/read/index.js';
import { validateSnapshot } from '../../../core/validate.js';
import { makeSnapshot, validInput } from '../../helpers/snapshot.js';

const read = (mutate: (w: ReturnType<typeof validInput>) => void = () => {}) => {
  const w = validInput();
  mutate(w);
  return readWorkbook(makeSnapshot(w));
};

describe('reading the canonical workbook', () => {
  it('builds the tree with configuration, levels, links and cell addresses', () => {
    const { tree, issues } = read();
    expect(issues).toEqual([]);
    expect(tree.config).toMatchObject({ kodePemda: '32.04', jenisPemda: 'Kabupaten', years: [2025, 2026, 2027] });
    const s1 = tree.byId.get('S1')!;
    expect(s1.parent?.id).toBe('K1');
    expect(s1.level?.nomenklatur).toBe('sub_kegiatan');
    expect(s1.loc).toMatchObject({ row: 5, table: { sheet: 'Pohon Kinerja' } });
    expect(s1.indicators[0].targets[1]).toEqual({ kind: 'number', value: 140 });
    expect(tree.jabatanById.get('KASI-GIZI')?.atasan).toBe('KABID-KESMAS');
  });

  it('finds columns whatever their order, case and punctuation', () => {
    const snap = makeSnapshot(validInput());
    const pohon = snap.tables.find((t) => t.name === 'PohonKinerja')!;
    pohon.header = pohon.header.map((h) => (h === 'Pernyataan Kinerja' ? ' pernyataan-kinerja ' : h === 'Penanggung Jawab' ? 'PENANGGUNG  JAWAB' : h));
    const order = pohon.header.map((_, i) => i).reverse();
    pohon.header = order.map((i) => pohon.header[i]);
    pohon.rows = pohon.rows.map((r) => order.map((i) => r[i]));
    const { tree, issues } = readWorkbook(snap);
    expect(issues).toEqual([]);
    expect(tree.byId.get('P1')?.penanggungJawab).toBe('KABID-KESMAS');
  });

  it('reports a missing column as F03 at the first header cell', () => {
    const snap = makeSnapshot(validInput());
    const ind = snap.tables.find((t) => t.name === 'Indikator')!;
    const at = ind.header.indexOf('Satuan');
    ind.header.splice(at, 1);
    ind.rows.forEach((r) => r.splice(at, 1));
    const { issues } = readWorkbook(snap);
    expect(issues).toMatchObject([{ rule: 'F03', sheet: 'Indikator', cell: 'A1' }]);
  });

  it('reports a missing table as F03', () => {
    const w = validInput();
    const { issues } = readWorkbook(makeSnapshot({ ...w, omit: ['jabatan'] }));
    expect(issues.filter((i) => i.rule === 'F03')).toMatchObject([{ sheet: 'Jabatan' }]);
  });

  it('reports rows without ID, with an unknown level or an empty statement as F01', () => {
    const { issues, tree } = read((w) => {
      w.pohon!.push({ ID: null, Level: 'Sasaran Kegiatan', 'Pernyataan Kinerja': 'Meningkatnya X' });
      w.pohon!.push({ ID: 'Z1', Induk: 'P1', Level: 'Sasaran Eselon V', 'Pernyataan Kinerja': null });
    });
    const f01 = issues.filter((i) => i.rule === 'F01');
    expect(f01.map((i) => i.cell).sort()).toEqual(['A6', 'C7', 'D7']);
    expect(tree.byId.has('Z1')).toBe(true);
  });

  it('turns error values into F01 and never reads them as data', () => {
    const { issues, tree } = read((w) => { w.pohon![1]['Pagu 2025'] = '#REF!'; w.indikator![0]['Target 2025'] = '#DIV/0!'; });
    expect(issues.filter((i) => i.rule === 'F01').map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Pohon Kinerja!I3', 'Indikator!K2']);
    expect(tree.byId.get('P1')?.pagu[0]).toBeNull();
  });

  it('reports an indicator whose ID Node matches no box', () => {
    const { issues } = read((w) => { w.indikator![0]['ID Node'] = 'NOPE'; });
    expect(issues).toMatchObject([{ rule: 'F01', sheet: 'Indikator', cell: 'A2', id: 'NOPE' }]);
  });

  it('reports merged areas inside a table', () => {
    const snap = makeSnapshot(validInput());
    snap.tables.find((t) => t.name === 'PohonKinerja')!.merges = ['D2:D3'];
    expect(readWorkbook(snap).issues).toMatchObject([{ rule: 'F01', cell: 'D2' }]);
  });

  it('reports every normalisation as F02 with the old and new value', () => {
    const { issues, tree } = read((w) => {
      w.pohon![1].Kode = '1.02,02';
      w.pohon![3]['Pagu 2025'] = 'Rp 300';
      w.indikator![1]['Target 2025'] = '70%';
      w.indikator![1]['Kondisi Awal'] = '60,0';
    });
    const f02 = issues.filter((i) => i.rule === 'F02');
    expect(f02.map((i) => [i.cell, i.from, i.to])).toEqual([
      ['E3', '1.02,02', '1.02.02'], ['I5', 'Rp 300', '300'], ['J3', '60,0', '60'], ['K3', '70%', '70 (%)'],
    ]);
    expect(tree.byId.get('P1')?.kode).toBe('1.02.02');
  });

  it('takes the period from the year columns when Info has none', () => {
    const snap = makeSnapshot(validInput());
    const info = snap.tables.find((t) => t.name === 'Info')!;
    info.rows = info.rows.filter((r) => !String(r[0]).startsWith('Tahun'));
    const { tree, issues } = readWorkbook(snap);
    expect(tree.config.years).toEqual([2025, 2026, 2027]);
    expect(issues.filter((i) => i.rule === 'F03').map((i) => i.message)).toEqual(['"Tahun Awal" di lembar Info belum diisi.', '"Tahun Akhir" di lembar Info belum diisi.']);
  });

  it('reads an overriding level configuration table', () => {
    const snap = makeSnapshot(validInput());
    snap.tables.push({
      sheet: 'Konfigurasi Level', name: 'KonfigurasiLevel', address: 'A1',
      header: ['Urutan', 'Level', 'Pohon', 'Jenis Hasil', 'Jenjang', 'Jenis Nomenklatur', 'Induk', 'Opsional'],
      rows: [
        [1, 'Strategic', 'OPD', 'outcome', 'JPT Pratama', '', '(akar)', 'Tidak'],
        [2, 'Tactical', 'OPD', 'outcome', 'Administrator', 'Program', 'Strategic', 'Tidak'],
      ],
    });
    const { tree } = readWorkbook(snap);
    expect(tree.config.levels.map((l) => l.name)).toEqual(['Strategic', 'Tactical']);
    expect(validateSnapshot(snap).issues.filter((i) => i.rule === 'F01').length).toBeGreaterThan(0);
  });
});

describe('reading positions and indicator flags', () => {
  it('reports an ID Atasan that names no position, or the position itself', () => {
    const { issues } = read((w) => { w.jabatan![2]['ID Atasan'] = 'SEKDA'; w.jabatan![3]['ID Atasan'] = 'KASI-GIZI'; });
    expect(issues.map((i) => [i.rule, i.sheet, i.cell])).toEqual([['F01', 'Jabatan', 'D4'], ['F01', 'Jabatan', 'D5']]);
  });

  it('reports an IKU value other than Ya or Tidak', () => {
    const { issues } = read((w) => { w.indikator![0].IKU = 'Mungkin'; });
    expect(issues).toMatchObject([{ rule: 'F01', sheet: 'Indikator', cell: 'F2' }]);
  });
});
