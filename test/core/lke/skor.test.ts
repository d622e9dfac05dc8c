/** SAKIP.md §13 scoring on hand-computed cases, and §7's predikat boundaries through the LKE. */
import { describe, expect, it } from 'vitest';
import { hitungSkor, kriteriaTermahal, rekapJson } from '../../../core/lke/index.js';
import { baris, build, jawab, shipped } from './helpers.js';

describe('LKE score on the shipped list (76 kriteria, PermenPANRB 88/2021 as Trenggalek applies it)', () => {
  it('scores 100 → AA (Sangat Memuaskan) when every answer is the top one', () => {
    const k = shipped();
    const r = hitungSkor(k, jawab(k, (c) => (c.jenis === 'Y/T' ? 'Y' : 'A')));
    expect(r.totalBulat).toBe(100);
    expect(r.predikat).toBe('AA');
    expect(r.label).toBe('Sangat Memuaskan');
    expect(r.belumDijawab).toEqual([]);
    expect(r.komponen.map((x) => [x.kode, x.nilai])).toEqual([['AREN01', 30], ['BKUR01', 30], ['CLAP01', 15], ['DVAL01', 25]]);
  });

  it('gives the hand-computed 50,99 → CC with every Y/T at Y and every A/B/C/D at C', () => {
    // Sub komponen = mean answer value × bobot (Y = 1, C = 0,33):
    //   AREN001 4 Y/T               → 1 × 6                         = 6
    //   AREN002 3 Y/T + 6 A/B/C/D   → (3 + 6 × 0,33) / 9 × 9         = 4,98
    //   AREN003 7 A/B/C/D           → 0,33 × 15                     = 4,95     Perencanaan 15,93
    //   BKUR001 3 Y/T               → 6
    //   BKUR002 3 Y/T + 4 A/B/C/D   → (3 + 4 × 0,33) / 7 × 9 = 4,32 × 9 / 7 = 5,554285…
    //   BKUR003 9 A/B/C/D           → 0,33 × 15                     = 4,95     Pengukuran 16,504285…
    //   CLAP001 6 Y/T               → 3
    //   CLAP002 9 A/B/C/D           → 0,33 × 4,5                    = 1,485
    //   CLAP003 7 A/B/C/D           → 0,33 × 7,5                    = 2,475    Pelaporan 6,96
    //   DVAL001 3 Y/T               → 5
    //   DVAL002 4, DVAL003 5, DVAL004 3 A/B/C/D → 0,33 × (7,5 + 5 + 7,5) = 6,6  Evaluasi 11,6
    //   Total = 15,93 + 16,504285… + 6,96 + 11,6 = 50,994285… → 50,99 → CC (> 50 – 60)
    const k = shipped();
    const r = hitungSkor(k, jawab(k, (c) => (c.jenis === 'Y/T' ? 'Y' : 'C')));
    expect(r.total).toBeCloseTo(50.994285714, 8);
    expect(r.totalBulat).toBe(50.99);
    expect(r.predikat).toBe('CC');
    expect(r.label).toBe('Cukup (Memadai)');
    const sub = Object.fromEntries(r.komponen.flatMap((x) => x.sub).map((s) => [s.kode, s.nilai]));
    expect(sub.AREN002).toBeCloseTo(4.98, 10);
    expect(sub.BKUR002).toBeCloseTo((4.32 * 9) / 7, 10);
    expect(r.komponen.map((x) => Math.round(x.nilai * 1e6) / 1e6)).toEqual([15.93, 16.504286, 6.96, 11.6]);
  });

  it('counts unanswered criteria as 0 and lists them in list order', () => {
    const k = shipped();
    const r = hitungSkor(k, jawab(k, (c) => (c.kode === 'BKUR001.2' || c.kode === 'AREN001.1' ? null : c.jenis === 'Y/T' ? 'Y' : 'A')));
    expect(r.belumDijawab.map((b) => b.kode)).toEqual(['AREN001.1', 'BKUR001.2']);
    // Each Y/T of a 4-criterion, 6-point sub costs 1,5; of a 3-criterion, 6-point sub 2.
    expect(r.totalBulat).toBe(100 - 1.5 - 2);
    const sub = r.komponen[0].sub[0];
    expect([sub.terjawab, sub.jumlah, sub.nilai]).toEqual([3, 4, 4.5]);
  });

  it('prints the recap in the issue\'s JSON shape, figures rounded to two decimals', () => {
    const k = shipped();
    const json = rekapJson(hitungSkor(k, jawab(k, (c) => (c.jenis === 'Y/T' ? 'Y' : 'C'))));
    expect(Object.keys(json)).toEqual(['komponen', 'total', 'predikat', 'label', 'belumDijawab']);
    expect(Object.keys(json.komponen[0])).toEqual(['kode', 'nama', 'bobot', 'nilai', 'sub']);
    expect(Object.keys(json.komponen[0].sub[0])).toEqual(['kode', 'nama', 'bobot', 'nilai', 'terjawab', 'jumlah']);
    expect(json.komponen[1].nilai).toBe(16.5);
    expect(json.komponen[1].sub[1]).toEqual({ kode: 'BKUR002', nama: 'Kualitas', bobot: 9, nilai: 5.55, terjawab: 7, jumlah: 7 });
    expect(json).toMatchObject({ total: 50.99, predikat: 'CC', label: 'Cukup (Memadai)', belumDijawab: [] });
  });

  it('ranks the criteria costing the most: an unanswered 15-point criterion of 7 before a D among 9', () => {
    const k = shipped();
    const r = hitungSkor(k, jawab(k, (c) => (c.kode === 'AREN003.1' ? null : c.kode === 'BKUR003.9' ? 'D' : c.kode === 'CLAP002.1' ? 'B' : c.jenis === 'Y/T' ? 'Y' : 'A')));
    const top = kriteriaTermahal(r);
    expect(top.map((t) => t.kriteria.kode)).toEqual(['AREN003.1', 'BKUR003.9', 'CLAP002.1']);
    expect(top[0].hilang).toBeCloseTo(15 / 7, 10);
    expect(top[1].hilang).toBeCloseTo(15 / 9, 10);
    expect(top[2].hilang).toBeCloseTo(0.34 * 4.5 / 9, 10);
  });
});

describe('LKE predikat at the §7 boundaries, both conventions', () => {
  // One komponen of 100 with one sub of 100 and 100 Y/T criteria: each Y adds exactly 1 point.
  const rows = Array.from({ length: 100 }, (_, i) => baris('K', 100, 'S', 100, `K.${i + 1}`, 'Y/T'));
  const k = build(rows).kriteria;
  const score = (ys: number, batas?: 'Bawah Eksklusif' | 'Bawah Inklusif') => hitungSkor(k, jawab(k, (c) => (Number(c.kode.slice(2)) <= ys ? 'Y' : 'T')), batas);

  it('60,00 is CC and 90,00 is A by default (lower bound exclusive)', () => {
    expect(score(60).totalBulat).toBe(60);
    expect(score(60).predikat).toBe('CC');
    expect(score(90).predikat).toBe('A');
    expect(score(61).predikat).toBe('B');
  });

  it('60,00 is B and 90,00 is AA with Bawah Inklusif', () => {
    expect(score(60, 'Bawah Inklusif').predikat).toBe('B');
    expect(score(90, 'Bawah Inklusif').predikat).toBe('AA');
    expect(score(59, 'Bawah Inklusif').predikat).toBe('CC');
  });

  it('takes the predikat from the printed two-decimal total: 60,004 prints and grades as 60,00 (CC)', () => {
    // 3 criteria in a 100-point sub would give 33,33…; use a sub whose mean lands a hair above 60.
    const two = build([baris('K', 100, 'S', 100, 'a', 'A/B/C/D', { nilai_jawaban: 'A=1; B=0,60004; C=0,3; D=0' })]).kriteria;
    const r = hitungSkor(two, new Map([['a', { jawaban: 'B' }]]));
    expect(r.total).toBeCloseTo(60.004, 9);
    expect(r.totalBulat).toBe(60);
    expect(r.predikat).toBe('CC');
  });

  it('0 is D, not "no predikat"', () => {
    expect(score(0).predikat).toBe('D');
    expect(score(0).label).toBe('Sangat Kurang');
  });
});

describe('LKE variants', () => {
  it('scores the regulation\'s three Evaluasi sub komponen (Pemenuhan 5, Kualitas 7,5, Pemanfaatan 12,5)', () => {
    // The shipped list with DVAL004 (local "Capaian" 7,5) folded into Pemanfaatan 12,5:
    // Pemanfaatan then holds DVAL003.1–5 and the three former DVAL004 criteria, 8 in all.
    const k0 = shipped();
    const rows = k0.semua.map((c) => {
      const inPemanfaatan = c.sub.kode === 'DVAL003' || c.sub.kode === 'DVAL004';
      return baris(c.sub.komponen.kode, c.sub.komponen.bobot, inPemanfaatan ? 'DVAL003' : c.sub.kode,
        inPemanfaatan ? 12.5 : c.sub.bobot, c.kode, c.jenis, { komponen: c.sub.komponen.nama, sub_komponen: inPemanfaatan ? 'Pemanfaatan' : c.sub.nama });
    });
    const { kriteria, issues } = build(rows);
    expect(issues).toEqual([]);
    expect(kriteria.komponen[3].sub.map((s) => [s.nama, s.bobot, s.kriteria.length])).toEqual([
      ['Pemenuhan', 5, 3], ['Kualitas', 7.5, 4], ['Pemanfaatan', 12.5, 8],
    ]);
    // Evaluasi answered: DVAL001 all Y (5); DVAL002 A, A, B, B → (2 + 2 × 0,66) / 4 × 7,5 = 6,225;
    // Pemanfaatan: 4 A and 4 D of 8 → 0,5 × 12,5 = 6,25. Evaluasi = 5 + 6,225 + 6,25 = 17,475.
    const eval2 = new Map<string, string>([['DVAL002.3', 'B'], ['DVAL002.4', 'B'], ['DVAL003.4', 'D'], ['DVAL003.5', 'D'], ['DVAL004.1', 'D'], ['DVAL004.2', 'D']]);
    const r = hitungSkor(kriteria, jawab(kriteria, (c) => eval2.get(c.kode) ?? (c.jenis === 'Y/T' ? 'Y' : 'A')));
    const ev = r.komponen[3];
    expect(ev.sub.map((s) => s.nilai)).toEqual([5, expect.closeTo(6.225, 10), 6.25]);
    expect(ev.nilai).toBeCloseTo(17.475, 10);
    // Everything else at the top: 75 + 17,475 = 92,475 → printed 92,48 → AA.
    expect(r.totalBulat).toBe(92.48);
    expect(r.predikat).toBe('AA');
  });

  it('uses a variant\'s own answer values and five grades', () => {
    const { kriteria, issues } = build([
      baris('K', 100, 'S1', 40, 'a', 'A-E'), baris('K', 100, 'S1', 40, 'b', 'A/B/C/D/E'),
      baris('K', 100, 'S2', 60, 'c', 'A/B/C/D', { nilai_jawaban: 'A=1; B=0,8; C=0,5; D=0' }),
    ]);
    expect(issues).toEqual([]);
    // S1: (B 0,75 + E 0) / 2 × 40 = 15; S2: B 0,8 × 60 = 48 → 63 → B.
    const r = hitungSkor(kriteria, new Map([['a', { jawaban: 'B' }], ['b', { jawaban: 'E' }], ['c', { jawaban: 'B' }]]));
    expect(r.komponen[0].sub.map((s) => s.nilai)).toEqual([15, 48]);
    expect(r.totalBulat).toBe(63);
    expect(r.predikat).toBe('B');
  });
});
