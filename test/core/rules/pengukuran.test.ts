/**
 * Rules R01–R06, U01–U07 and L01–L03 (SAKIP.md §12): each fires on its mistake with its ID,
 * severity, sheet, cell and box, in Bahasa Indonesia and English, and stays silent on the clean
 * year. Live rules run on every pass; R01 only with `final`, the L rules only with `lkjip`.
 */
import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../../core/validate.js';
import { makeSnapshot } from '../../helpers/snapshot.js';
import { IND, issuesAfter, pengukuranInput, planRow, realisasiRow } from '../pengukuran/fixture.js';

const where = (i: { rule: string; severity: string; sheet: string; cell: string; id?: string }) => `${i.rule} ${i.severity} ${i.sheet}!${i.cell} ${i.id ?? ''}`;

describe('the clean year', () => {
  it('raises no R, U or L issue, even with the Final and LKjIP rules', () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it('gives every pengukuran issue a message in both languages', () => {
    const all = issuesAfter((w) => {
      planRow(w, 'S1')['Target TW4'] = 100;
      realisasiRow(w, 'K1', 2).Realisasi = 'tinggi';
      w.rencanaAksi!.splice(0, 1);
    });
    expect(all.length).toBeGreaterThan(2);
    for (const i of all) {
      expect(i.message.length).toBeGreaterThan(10);
      expect(i.messageEn.length).toBeGreaterThan(10);
      expect(i.message).not.toEqual(i.messageEn);
    }
  });
});

describe('Rencana Aksi (R)', () => {
  it('R01 (Final): a PK indicator without a Rencana Aksi row, at its target cell in Indikator', () => {
    const mutate = (w: ReturnType<typeof pengukuranInput>) => { w.rencanaAksi = w.rencanaAksi!.filter((r) => r['ID Node'] !== 'P1'); };
    expect(issuesAfter(mutate, 'R01').map(where)).toEqual(['R01 W Indikator!K3 P1']);
    expect(issuesAfter(mutate, 'R01', {})).toEqual([]);
  });

  it('R01 is silent in a workbook that does not plan (no RencanaAksi table)', () => {
    expect(issuesAfter((w) => { delete w.rencanaAksi; }, 'R01')).toEqual([]);
  });

  it('R02: Nilai Akhir TW4 must equal the year target', () => {
    const got = issuesAfter((w) => { planRow(w, 'S1')['Target TW4'] = 100; }, 'R02');
    expect(got.map(where)).toEqual(['R02 E Rencana Aksi!N5 S1']);
    expect(got[0].message).toContain('harus sama dengan target 2025 (120)');
    expect(got[0].messageEn).toContain('must equal the 2025 target (120)');
  });

  it('R02: Kumulatif quarters must add up to the year target, Rata-rata average to it', () => {
    const kum = issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'S1')!.Akumulasi = 'Kumulatif';
      Object.assign(planRow(w, 'S1'), { 'Target TW1': 30, 'Target TW2': 30, 'Target TW3': 30, 'Target TW4': 20 });
    }, 'R02');
    expect(kum.map(where)).toEqual(['R02 E Rencana Aksi!K5 S1']);
    expect(kum[0].message).toContain('Jumlah target TW1–TW4 (110) ≠ target 2025 (120)');
    const ok = issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'S1')!.Akumulasi = 'Kumulatif';
      Object.assign(planRow(w, 'S1'), { 'Target TW1': 30, 'Target TW2': 30, 'Target TW3': 30, 'Target TW4': 30 });
    }, 'R02');
    expect(ok).toEqual([]);
    const mean = issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'P1')!.Akumulasi = 'Rata-rata';
      Object.assign(planRow(w, 'P1'), { 'Target TW1': 70, 'Target TW2': 70, 'Target TW3': 70, 'Target TW4': 71 });
    }, 'R02');
    expect(mean.map(where)).toEqual(['R02 E Rencana Aksi!K3 P1']);
  });

  it('R02: a quarter missing from a Kumulatif plan, and a second row contradicting the first', () => {
    const gap = issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'S1')!.Akumulasi = 'Kumulatif';
      Object.assign(planRow(w, 'S1'), { 'Target TW1': 30, 'Target TW2': null, 'Target TW3': 60, 'Target TW4': 30 });
    }, 'R02');
    expect(gap.map(where)).toEqual(['R02 E Rencana Aksi!L5 S1']);
    const contra = issuesAfter((w) => {
      w.rencanaAksi!.push({ ...planRow(w, 'K1'), No: '2', 'Rencana Aksi': 'Aksi kedua', 'Target TW2': 54 });
    }, 'R02');
    expect(contra.map(where)).toEqual(['R02 E Rencana Aksi!L6 K1']);
  });

  it('R03: Nilai Akhir quarters against the polarity', () => {
    const got = issuesAfter((w) => { planRow(w, 'P1')['Target TW3'] = 64; }, 'R03');
    expect(got.map(where)).toEqual(['R03 W Rencana Aksi!M3 P1']);
    const neg = issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'K1')!.Polaritas = 'Negatif';
    }, 'R03');
    expect(neg.map(where)).toEqual(['R03 W Rencana Aksi!L4 K1']);
  });

  it('R04: Σ Anggaran TW differs from the box pagu; not judged while no anggaran is given', () => {
    expect(issuesAfter((w) => { planRow(w, 'S1')['Anggaran TW4'] = 100; }, 'R04').map(where)).toEqual(['R04 W Rencana Aksi!O5 S1']);
    expect(issuesAfter((w) => { Object.assign(planRow(w, 'S1'), { 'Anggaran TW1': null, 'Anggaran TW2': null, 'Anggaran TW3': null, 'Anggaran TW4': null }); }, 'R04')).toEqual([]);
  });

  it('R05: the action belongs to the owner or a direct subordinate', () => {
    expect(issuesAfter((w) => { planRow(w, 'SS1')['ID Jabatan'] = 'KABID-KESMAS'; }, 'R05')).toEqual([]);
    const bad = issuesAfter((w) => { planRow(w, 'SS1')['ID Jabatan'] = 'KASI-GIZI'; }, 'R05');
    expect(bad.map(where)).toEqual(['R05 E Rencana Aksi!G2 SS1']);
    expect(bad[0].messageEn).toContain('neither the owner of box SS1 (KADIS) nor a direct subordinate');
    expect(issuesAfter((w) => { planRow(w, 'P1')['ID Jabatan'] = null; }, 'R05').map(where)).toEqual(['R05 E Rencana Aksi!G3 P1']);
    expect(issuesAfter((w) => { planRow(w, 'P1')['ID Jabatan'] = 'SIAPA'; }, 'R05')[0].message).toContain('tidak ada di lembar Jabatan');
  });

  it('R06: Kode Sub Kegiatan must start with the box code (its nearest coded ancestor for uncoded boxes)', () => {
    expect(issuesAfter((w) => { planRow(w, 'K1')['Kode Sub Kegiatan'] = '1.02.03.2.01.0001'; }, 'R06').map(where)).toEqual(['R06 W Rencana Aksi!J4 K1']);
    expect(issuesAfter((w) => { planRow(w, 'P1')['Kode Sub Kegiatan'] = '1.02.02.2.02.0001'; }, 'R06')).toEqual([]);
  });
});

describe('Realisasi (U)', () => {
  it('U01: text for a numeric indicator is an error; a qualitative one may be text', () => {
    const got = issuesAfter((w) => { realisasiRow(w, 'K1', 2).Realisasi = 'sekitar 55'; }, 'U01');
    expect(got.map(where)).toEqual(['U01 E Realisasi!E8 K1']);
    expect(issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'K1')!.Satuan = 'Predikat';
      Object.assign(w.indikator!.find((r) => r['ID Node'] === 'K1')!, { 'Target 2025': 'B', 'Target 2026': 'BB', 'Target 2027': 'A', 'Kondisi Akhir': 'A', 'Kondisi Awal': 'C' });
      for (let q = 1; q <= 4; q++) realisasiRow(w, 'K1', q).Realisasi = 'B';
      Object.assign(planRow(w, 'K1'), { 'Target TW1': 'B', 'Target TW2': 'B', 'Target TW3': 'B', 'Target TW4': 'B' });
    }, 'U01')).toEqual([]);
  });

  it('U02: a quarter reported while an earlier one is empty', () => {
    expect(issuesAfter((w) => { realisasiRow(w, 'P1', 2).Realisasi = null; }, 'U02').map(where)).toEqual(['U02 W Realisasi!E11 P1', 'U02 W Realisasi!E15 P1']);
    expect(issuesAfter((w) => { w.realisasi = w.realisasi!.filter((r) => !(r['ID Node'] === 'P1' && r.Periode === 'TW1')); }, 'U02')).toHaveLength(3);
  });

  it('U03: a percentage outside 0–100', () => {
    expect(issuesAfter((w) => { realisasiRow(w, 'P1', 4).Realisasi = 101; }, 'U03').map(where)).toEqual(['U03 W Realisasi!E15 P1']);
    expect(issuesAfter((w) => { realisasiRow(w, 'S1', 4).Realisasi = 1000; }, 'U03')).toEqual([]);
  });

  it('U04: capaian below 75 % or above 120 % without a Penjelasan, at the Penjelasan cell', () => {
    const low = issuesAfter((w) => { realisasiRow(w, 'S1', 1).Realisasi = 20; }, 'U04');
    // 20 / 30 = 66,67 % against the TW1 plan.
    expect(low.map(where)).toEqual(['U04 W Realisasi!H5 S1']);
    expect(low[0].message).toContain('66,67 %');
    expect(issuesAfter((w) => { Object.assign(realisasiRow(w, 'S1', 1), { Realisasi: 20, Penjelasan: 'Distribusi PMT terlambat.' }); }, 'U04')).toEqual([]);
    expect(issuesAfter((w) => { realisasiRow(w, 'S1', 2).Realisasi = 80; }, 'U04').map(where)).toEqual(['U04 W Realisasi!H9 S1']);
  });

  it('U05: realisasi anggaran to date above the pagu, where it crosses', () => {
    const got = issuesAfter((w) => { realisasiRow(w, 'S1', 3)['Realisasi Anggaran'] = 200; }, 'U05');
    expect(got.map(where)).toEqual(['U05 E Realisasi!F13 S1']);
    expect(got[0].message).toContain('Rp 340');
  });

  it('U06: a Positif Nilai Akhir value falling from one quarter to the next', () => {
    expect(issuesAfter((w) => { realisasiRow(w, 'K1', 3).Realisasi = 55; }, 'U06').map(where)).toEqual(['U06 W Realisasi!E12 K1']);
    expect(issuesAfter((w) => {
      w.indikator!.find((r) => r['ID Node'] === 'K1')!.Polaritas = 'Negatif';
      Object.assign(planRow(w, 'K1'), { 'Target TW1': 60, 'Target TW2': 60, 'Target TW3': 60, 'Target TW4': 60 });
      realisasiRow(w, 'K1', 3).Realisasi = 55;
    }, 'U06')).toEqual([]);
  });

  it('U07: a realisasi formula pointing at a target, and a box copied from its plan in every quarter', () => {
    const w = pengukuranInput();
    const snap = makeSnapshot(w);
    const re = snap.tables.find((t) => t.name === 'Realisasi')!;
    re.formulas = re.rows.map(() => re.header.map(() => null));
    re.formulas[0][4] = "'Rencana Aksi'!K2";
    re.formulas[1][4] = 'RencanaAksi[@[Target TW1]]';
    re.formulas[2][4] = 'ROUND(D4*1,2)';
    const got = validateSnapshot(snap).issues.filter((i) => i.rule === 'U07');
    expect(got.map(where)).toEqual(['U07 W Realisasi!E2 SS1', 'U07 W Realisasi!E3 P1']);
    const copied = issuesAfter((x) => { for (let q = 1; q <= 4; q++) realisasiRow(x, 'P1', q).Realisasi = [62.5, 65, 67.5, 70][q - 1]; }, 'U07');
    expect(copied.map(where)).toEqual(['U07 W Realisasi!E3 P1']);
  });
});

describe('LKjIP (L)', () => {
  it('L01 (LKjIP): a PK indicator without a TW4 realisasi', () => {
    const mutate = (w: ReturnType<typeof pengukuranInput>) => { realisasiRow(w, 'K1', 4).Realisasi = null; };
    expect(issuesAfter(mutate, 'L01').map(where)).toEqual(['L01 E Realisasi!E16 K1']);
    expect(issuesAfter(mutate, 'L01', { final: true })).toEqual([]);
    const noRow = issuesAfter((w) => { w.realisasi = w.realisasi!.filter((r) => !(r['ID Node'] === 'SS1' && r.Periode === 'TW4')); }, 'L01');
    expect(noRow.map(where)).toEqual(['L01 E Indikator!K2 SS1']);
  });

  it('L02: the year outside 75–120 % with no analysis text', () => {
    // Year capaian 200 / 120 = 166,67 %; the TW4 plan is also exceeded, so U04 speaks too.
    const mutate = (w: ReturnType<typeof pengukuranInput>) => { realisasiRow(w, 'S1', 4).Realisasi = 200; };
    expect(issuesAfter(mutate, 'L02').map(where)).toEqual(['L02 W Realisasi!H17 S1']);
    expect(issuesAfter((w) => { mutate(w); realisasiRow(w, 'S1', 2)['Faktor Pendukung'] = 'Bantuan pusat.'; }, 'L02')).toEqual([]);
  });

  it('L03: an IKU of the PK without a comparison value (an empty Pembanding row does not count)', () => {
    const iku = (w: ReturnType<typeof pengukuranInput>) => { w.indikator!.find((r) => r['ID Node'] === 'SS1')!.IKU = 'Ya'; };
    expect(issuesAfter(iku, 'L03').map(where)).toEqual(['L03 W Indikator!F2 SS1']);
    expect(issuesAfter((w) => { iku(w); w.pembanding = [{ Tahun: 2025, 'ID Node': 'SS1', Indikator: IND.SS1, Tingkat: 'Provinsi' }]; }, 'L03')).toHaveLength(1);
    expect(issuesAfter((w) => { iku(w); w.pembanding = [{ Tahun: 2025, 'ID Node': 'SS1', Indikator: IND.SS1, 'Nilai Pembanding': 72.4, Tingkat: 'Provinsi', Sumber: 'BPS' }]; }, 'L03')).toEqual([]);
  });
});
