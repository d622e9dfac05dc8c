/**
 * The checks a SAKIP quality-assurance team makes (issue 15, SAKIP.md §5): false warnings
 * struck (K06 flat series only at outcome levels, respecting Akumulasi; T07 once per level;
 * N04 on the official supporting-programme name), findings added (K06 against Kondisi Awal,
 * K18–K21, P03, B05, P01) and messages that name the fix.
 */
import { describe, expect, it } from 'vitest';
import { specToRaw, pkSheet } from '../../../core/derive/index.js';
import type { RuleId } from '../../../core/issues.js';
import { loadNomenklatur } from '../../../core/nomenklatur/load.js';
import { readWorkbook } from '../../../core/read/index.js';
import type { TableSnapshot, WorkbookSnapshot } from '../../../core/snapshot.js';
import { validateSnapshot, type ValidateOptions } from '../../../core/validate.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../../helpers/snapshot.js';
import { box, ind, issuesOf } from './helpers.js';

const targets = (i: Record<string, unknown>, v: number[], akhir = v[v.length - 1]) => {
  i['Target 2025'] = v[0]; i['Target 2026'] = v[1]; i['Target 2027'] = v[2]; i['Kondisi Akhir'] = akhir;
};

/** Issues of `rule` for a snapshot built from `validInput()` and then changed as a snapshot. */
function issuesOfSnapshot(rule: RuleId, edit: (w: WorkbookInput) => void, snap: (s: WorkbookSnapshot) => void, opts: ValidateOptions = {}) {
  const w = validInput();
  edit(w);
  const s = makeSnapshot(w);
  snap(s);
  return validateSnapshot(s, opts).issues.filter((i) => i.rule === rule);
}

/** Adds columns to a table of a snapshot: `values` by the row's first cell (ID / ID Node). */
function addColumns(t: TableSnapshot, headers: string[], values: Record<string, (number | null)[]>): void {
  t.header.push(...headers);
  for (const r of t.rows) r.push(...(values[String(r[0])] ?? headers.map(() => null)));
}
const pohonOf = (s: WorkbookSnapshot) => s.tables.find((t) => t.name === 'PohonKinerja')!;

describe('the valid workbook', () => {
  it('raises none of K18–K21 (and, with an IKU on its Sasaran Strategis, no P03 or B05 at finalisation)', () => {
    for (const r of ['K18', 'K19', 'K20', 'K21'] as const) expect(issuesOf(r), r).toEqual([]);
    for (const r of ['P01', 'P03', 'B05'] as const) expect(issuesOf(r, (w) => (ind(w, 'SS1').IKU = 'Ya'), { final: true }), r).toEqual([]);
  });
});

describe('K06 targets and polarity', () => {
  it('reports every year that goes against the polarity, not only the first', () => {
    const is = issuesOf('K06', (w) => targets(ind(w, 'P1'), [80, 75, 70]));
    expect(is.map((i) => i.cell)).toEqual(['L3', 'M3']);
  });

  it('warns when the first target is below Kondisi Awal on a Positif indicator (above it on a Negatif one)', () => {
    const pos = issuesOf('K06', (w) => (ind(w, 'P1')['Kondisi Awal'] = 75));
    expect(pos).toMatchObject([{ cell: 'K3', severity: 'W', id: 'P1' }]);
    expect(pos[0].message).toContain('Kondisi Awal (75)');
    const neg = issuesOf('K06', (w) => { const i = ind(w, 'SS1'); i.Polaritas = 'Negatif'; i['Kondisi Awal'] = 70; targets(i, [72, 71, 70]); });
    expect(neg).toMatchObject([{ cell: 'K2' }]);
    expect(neg[0].messageEn).toContain('above Kondisi Awal');
  });

  it('judges a flat series at Tujuan, Sasaran Strategis and Program only: a flat count of mandated outputs is normal', () => {
    expect(issuesOf('K06', (w) => targets(ind(w, 'P1'), [70, 70, 70]))).toMatchObject([{ cell: 'K3' }]);
    expect(issuesOf('K06', (w) => { const i = ind(w, 'S1'); i['Kondisi Awal'] = 5; targets(i, [5, 5, 5]); })).toEqual([]);
    expect(issuesOf('K06', (w) => { const i = ind(w, 'K1'); i['Kondisi Awal'] = 40; targets(i, [40, 40, 40]); })).toEqual([]);
  });

  it('leaves Kumulatif indicators alone: their yearly amounts add up, their order says nothing', () => {
    expect(issuesOf('K06', (w) => { const i = ind(w, 'P1'); i.Akumulasi = 'Kumulatif'; i['Kondisi Awal'] = 90; targets(i, [30, 20, 20], 70); })).toEqual([]);
  });
});

describe('T07 leaves above the lowest level', () => {
  const twoKegiatanLeaves = (w: WorkbookInput) => {
    w.pohon = w.pohon!.filter((r) => r.ID !== 'S1');
    w.indikator = w.indikator!.filter((r) => r['ID Node'] !== 'S1');
    w.pohon.push({ ...box(w, 'K1'), ID: 'K2', 'Pernyataan Kinerja': 'Meningkatnya layanan gizi', Kode: '1.02.02.2.01' });
    w.indikator.push({ ...ind(w, 'K1'), 'ID Node': 'K2', Indikator: 'Persentase balita gizi baik' });
  };

  it('gives one finding per level, listing its boxes', () => {
    const is = issuesOf('T07', twoKegiatanLeaves);
    expect(is).toHaveLength(1);
    expect(is[0]).toMatchObject({ severity: 'W', cell: 'A4', id: 'K1' });
    expect(is[0].message).toContain('2 kotak Sasaran Kegiatan');
    expect(is[0].message).toContain('K1, K2');
  });

  it('respects an optional level: a tree may stop above it', () => {
    const is = issuesOfSnapshot('T07', twoKegiatanLeaves, (s) => {
      const rows = [
        [1, 'Tujuan', 'OPD', 'outcome', 'JPT Pratama', '', '(akar)', 'Ya'],
        [2, 'Sasaran Strategis', 'OPD', 'outcome', 'JPT Pratama', '', 'Tujuan; (akar)', 'Tidak'],
        [3, 'Sasaran Program', 'OPD', 'outcome', 'Administrator', 'Program', 'Sasaran Strategis', 'Tidak'],
        [4, 'Sasaran Kegiatan', 'OPD', 'output', 'Pengawas', 'Kegiatan', 'Sasaran Program', 'Tidak'],
        [5, 'Sasaran Sub Kegiatan', 'OPD', 'output', 'Pengawas; Pelaksana', 'Sub Kegiatan', 'Sasaran Kegiatan', 'Ya'],
      ];
      s.tables.push({ sheet: 'Konfigurasi Level', name: 'KonfigurasiLevel', address: 'A1', header: ['Urutan', 'Level', 'Pohon', 'Jenis Hasil', 'Jenjang', 'Jenis Nomenklatur', 'Induk', 'Opsional'], rows });
    });
    expect(is).toEqual([]);
  });
});

describe('N04 and the official name of the supporting programme', () => {
  const check = async (nama: string) => {
    const w = validInput();
    Object.assign(box(w, 'P1'), { Kode: '1.02.01', Nomenklatur: nama });
    return validateSnapshot(makeSnapshot(w), { nomenklatur: await loadNomenklatur('Kepmendagri 050-3708/2020') }).issues.filter((i) => i.rule === 'N04');
  };

  it('accepts "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" and the shortened list name in a kabupaten', async () => {
    expect(await check('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA')).toEqual([]);
    expect(await check('Program Penunjang Urusan Pemerintahan Daerah')).toEqual([]);
  });

  it('still warns about another name, quoting the official kab/kota name', async () => {
    const is = await check('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI');
    expect(is).toHaveLength(1);
    expect(is[0].message).toContain('"PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"');
  });
});

describe('K18 target realism', () => {
  it('warns about a year-on-year jump beyond Faktor Lonjakan (3× by default, configurable in Info)', () => {
    const jump = (w: WorkbookInput) => { const i = ind(w, 'S1'); i['Kondisi Awal'] = 100; targets(i, [120, 500, 520]); };
    expect(issuesOf('K18', jump)).toMatchObject([{ cell: 'L5', severity: 'W', id: 'S1' }]);
    expect(issuesOf('K18', jump)[0].message).toContain('4,2×');
    expect(issuesOf('K18', (w) => { jump(w); w.info = { 'Faktor Lonjakan': 5 }; })).toEqual([]);
  });

  it('warns once about percentage targets above 100, naming the years', () => {
    const is = issuesOf('K18', (w) => targets(ind(w, 'P1'), [90, 105, 110]));
    expect(is).toMatchObject([{ cell: 'L3' }]);
    expect(is[0].message).toContain('2026, 2027');
  });

  it('warns about an outcome indicator at 100 % from the baseline on, not about an output one', () => {
    const full = (id: string) => (w: WorkbookInput) => { const i = ind(w, id); i.Satuan = '%'; i['Kondisi Awal'] = 100; targets(i, [100, 100, 100]); };
    expect(issuesOf('K18', full('P1'))).toMatchObject([{ cell: 'J3', id: 'P1' }]);
    expect(issuesOf('K18', full('S1'))).toEqual([]);
  });
});

describe('K19 SMART form', () => {
  it('warns about a Definisi Operasional that only restates the name', () => {
    const is = issuesOf('K19', (w) => (ind(w, 'P1')['Definisi Operasional'] = 'Persentase fasilitas kesehatan terakreditasi.'));
    expect(is).toMatchObject([{ cell: 'G3', id: 'P1' }]);
  });

  it('warns about a percentage indicator whose formula holds no ratio', () => {
    expect(issuesOf('K19', (w) => (ind(w, 'P1').Formula = 'Fasilitas terakreditasi'))).toMatchObject([{ cell: 'H3' }]);
  });

  it('warns once when one Formula or Sumber Data is shared by most of the indicators', () => {
    const is = issuesOf('K19', (w) => {
      for (const n of ['a', 'b', 'c']) w.indikator!.push({ ...ind(w, 'S1'), Indikator: `Jumlah layanan ${n}` });
    });
    // 7 indicators, 5 with "Rumus" and all 7 with "Laporan".
    expect(is.map((i) => i.cell)).toEqual(['H2', 'I2']);
    expect(is[0].message).toContain('5 dari 7');
  });
});

describe('K20 result level', () => {
  it('warns about an input or process indicator at Sasaran Strategis, not at sub kegiatan', () => {
    expect(issuesOf('K20', (w) => (ind(w, 'SS1').Indikator = 'Tingkat Penyerapan Anggaran'))).toMatchObject([{ cell: 'B2', id: 'SS1' }]);
    expect(issuesOf('K20', (w) => (ind(w, 'SS1').Indikator = 'Persentase laporan keuangan yang disampaikan tepat waktu'))).toHaveLength(1);
    expect(issuesOf('K20', (w) => (ind(w, 'S1').Indikator = 'Persentase laporan gizi yang disampaikan tepat waktu'))).toEqual([]);
  });

  it('leaves an output-style indicator to K11 (one mistake, one message)', () => {
    expect(issuesOf('K20', (w) => (ind(w, 'SS1').Indikator = 'Jumlah laporan yang disusun'))).toEqual([]);
  });

  it('warns about an output statement at an outcome level; output wording is fine at kegiatan', () => {
    expect(issuesOf('K20', (w) => (box(w, 'P1')['Pernyataan Kinerja'] = 'Tersedianya layanan kesehatan'))).toMatchObject([{ cell: 'D3', id: 'P1' }]);
    expect(issuesOf('K20', (w) => (box(w, 'K1')['Pernyataan Kinerja'] = 'Tersedianya layanan kesehatan'))).toEqual([]);
  });
});

describe('K21 statement and polarity', () => {
  it('warns when "Menurunnya X" is measured by a Positif indicator of X that rises, and proposes Negatif', () => {
    const is = issuesOf('K21', (w) => {
      box(w, 'SS1')['Pernyataan Kinerja'] = 'Menurunnya prevalensi balita stunting';
      const i = ind(w, 'SS1'); i.Indikator = 'Prevalensi Balita Stunting'; i.Satuan = '%'; i['Kondisi Awal'] = 10; targets(i, [11, 12, 13]);
    });
    expect(is).toMatchObject([{ cell: 'D2', id: 'SS1', severity: 'W' }]);
    expect(is[0].message).toContain('Maksud Anda Polaritas "Negatif"?');
  });

  it('accepts "Meningkatnya derajat kesehatan" measured by a falling Angka Kematian Ibu', () => {
    expect(issuesOf('K21', (w) => {
      const i = ind(w, 'SS1'); i.Indikator = 'Angka Kematian Ibu'; i.Polaritas = 'Negatif'; i['Kondisi Awal'] = 100; targets(i, [95, 90, 85]);
    })).toEqual([]);
  });
});

describe('P03 every Sasaran Strategis has an IKU (Final)', () => {
  it('warns at the box when none of its indicators is an IKU, only at finalisation', () => {
    expect(issuesOf('P03', () => {}, { final: true })).toMatchObject([{ cell: 'A2', id: 'SS1', severity: 'W' }]);
    expect(issuesOf('P03')).toEqual([]);
  });
});

describe('B05 PK budget against the pagu owned (Final)', () => {
  const dpa = (s: WorkbookSnapshot, sub: number) => addColumns(pohonOf(s), ['Pagu DPA 2025', 'Pagu DPA 2026', 'Pagu DPA 2027'], {
    P1: [300, 300, 300], K1: [300, 300, 300], S1: [sub, 300, 300],
  });

  it('warns at the position when its PK budget (from Pagu DPA) does not add up to the pagu of the boxes it owns', () => {
    const is = issuesOfSnapshot('B05', () => {}, (s) => dpa(s, 250), { final: true });
    expect(is).toMatchObject([{ sheet: 'Jabatan', cell: 'A5', id: 'KASI-GIZI', severity: 'W' }]);
    expect(is[0].message).toContain('Rp 250');
    expect(is[0].message).toContain('Rp 300');
    expect(is[0].message).toContain('Pagu DPA 2025');
    expect(issuesOfSnapshot('B05', () => {}, (s) => dpa(s, 300), { final: true })).toEqual([]);
  });
});

describe('P01 the PK sheets against the tree (Final)', () => {
  const w = validInput();
  const tree = readWorkbook(makeSnapshot(w)).tree;
  const raw = () => specToRaw(pkSheet(tree, 'KASI-GIZI', 2026));
  const p01 = (sheets: ReturnType<typeof raw>[]) => validateSnapshot(makeSnapshot(w), { final: true, pkSheets: sheets }).issues.filter((i) => i.rule === 'P01');
  const targetRow = (r: ReturnType<typeof raw>) => r.values.findIndex((v) => v[2] === 'Persentase puskesmas dengan layanan sesuai standar');

  it('accepts a PK generated from the tree', () => {
    expect(p01([raw()])).toEqual([]);
  });

  it('fails a typed-over target at its cell', () => {
    const r = raw();
    const k = targetRow(r);
    r.values[k][4] = 75;
    expect(p01([r])).toMatchObject([{ severity: 'E', sheet: 'PK 2026 KASI-GIZI', cell: `E${k + 1}`, id: 'KASI-GIZI' }]);
  });

  it('fails a PK missing an indicator of its boxes', () => {
    const r = raw();
    r.values.splice(targetRow(r), 1);
    expect(p01([r]).map((i) => i.rule)).toEqual(['P01']);
  });

  it('judges only the latest PK of a year: an earlier one kept after a PK Perubahan is a record', () => {
    const old = raw();
    old.values[targetRow(old)][4] = 75;
    const perubahan = specToRaw(pkSheet(tree, 'KASI-GIZI', 2026, { perubahan: { tanggal: '1 Oktober 2026', alasan: 'DPPA' } }));
    expect(p01([old, perubahan])).toEqual([]);
  });
});

describe('messages that suggest the fix', () => {
  it('K05 proposes Positif for "Naik" and Nilai Akhir for "Akhir"', () => {
    expect(issuesOf('K05', (w) => (ind(w, 'P1').Polaritas = 'Naik'))[0].message).toContain('Maksud Anda "Positif"?');
    expect(issuesOf('K05', (w) => (ind(w, 'P1').Akumulasi = 'akhir tahun'))).toHaveLength(1);
    expect(issuesOf('K05', (w) => (ind(w, 'P1').Akumulasi = 'Akhir'))[0].messageEn).toContain('Did you mean "Nilai Akhir"?');
  });

  it('proposes Pelaksana for the Jenjang "Staf"', () => {
    const is = issuesOf('F01', (w) => w.jabatan!.push({ 'ID Jabatan': 'STAF', 'Nama Jabatan': 'Pengadministrasi', Jenjang: 'Staf', 'ID Atasan': 'KASI-GIZI' }));
    expect(is[0].message).toContain('Maksud Anda "Pelaksana"?');
  });

  it('N01 proposes the code whose name matches the box', async () => {
    const w = validInput();
    box(w, 'S1').Kode = '1.02.02.2.02.015';
    const is = validateSnapshot(makeSnapshot(w), { nomenklatur: await loadNomenklatur('Kepmendagri 050-3708/2020') }).issues.filter((i) => i.rule === 'N01');
    expect(is[0].message).toContain('Maksud Anda 1.02.02.2.02.0015 (Pengelolaan Pelayanan Kesehatan Gizi Masyarakat)?');
  });

  it('a wrong class digit is one message (N05 with the corrected code), not N02 + N03 + N05', async () => {
    const w = validInput();
    box(w, 'S1').Kode = '1.02.02.1.02.0015';
    const is = validateSnapshot(makeSnapshot(w), { nomenklatur: await loadNomenklatur('Kepmendagri 050-3708/2020') }).issues.filter((i) => i.id === 'S1' && i.cell === 'E5');
    expect(is.map((i) => i.rule)).toEqual(['N05']);
    expect(is[0].message).toContain('Maksud Anda 1.02.02.2.02.0015?');
  });

  it('B02 prints money as rupiah', () => {
    const is = issuesOf('B02', (w) => (box(w, 'S1')['Pagu 2025'] = -150000000));
    expect(is[0].message).toContain('-Rp 150.000.000');
  });
});
