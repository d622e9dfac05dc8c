/**
 * What raises the predikat to the next band, and that it is the smallest set in the sense
 * core/lke/naik.ts defines: fewest criteria; each proposed answer the lowest that still
 * reaches the band. Checked against brute force on random small lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predikatSakip } from '../../../core/capaian/predikat.js';
import { bulat, hitungSkor, usulanNaik, type KriteriaLke } from '../../../core/lke/index.js';
import { baris, build, jawab, shipped } from './helpers.js';

const RANK = ['D', 'C', 'CC', 'B', 'BB', 'A', 'AA'];

describe('usulanNaik on the shipped list', () => {
  it('at 50,99 (CC) asks for at least 9,02 points and gives the six largest-gain answers that reach > 60', () => {
    const k = shipped();
    const r = hitungSkor(k, jawab(k, (c) => (c.jenis === 'Y/T' ? 'Y' : 'C')));
    const u = usulanNaik(r);
    expect(u).toMatchObject({ dari: 'CC', ke: 'B', labelKe: 'Baik', batasBawah: 60, inklusif: false, perlu: 9.02, tercapai: true });
    // C → A adds 0,67 × bobot sub / criteria: DVAL004 (7,5 over 3) 1,675 each, AREN003 (15 over 7)
    // 1,4357 each, BKUR003 (15 over 9) 1,1167 … Five changes add at most 3 × 1,675 + 2 × 1,4357 = 7,90
    // < 9,02; six add 3 × 1,675 + 3 × 1,4357 = 9,33 → 60,33. Lowering any one to B (−0,73 for AREN003,
    // −0,85 for DVAL004) falls below 60,01, so all six stay at A.
    expect(u.perubahan.map((p) => [p.kode, p.dari, p.ke])).toEqual([
      ['DVAL004.1', 'C', 'A'], ['DVAL004.2', 'C', 'A'], ['DVAL004.3', 'C', 'A'],
      ['AREN003.1', 'C', 'A'], ['AREN003.2', 'C', 'A'], ['AREN003.3', 'C', 'A'],
    ]);
    expect(u.perubahan[0].tambah).toBeCloseTo(1.675, 10);
    expect(u.totalBaru).toBe(60.33);
    expect(u.totalBaru).toBeGreaterThan(60);
    expect(predikatSakip(u.totalBaru as number)).toBe('B');
  });

  it('stops at the band\'s exact threshold: with Bawah Inklusif 60,00 is enough', () => {
    const rows = Array.from({ length: 100 }, (_, i) => baris('K', 100, 'S', 100, `K.${i + 1}`, 'Y/T'));
    const k = build(rows).kriteria;
    const at = (ys: number, batas: 'Bawah Eksklusif' | 'Bawah Inklusif') => usulanNaik(hitungSkor(k, jawab(k, (c) => (Number(c.kode.slice(2)) <= ys ? 'Y' : 'T')), batas));
    expect(at(55, 'Bawah Inklusif')).toMatchObject({ ke: 'B', perlu: 5, totalBaru: 60 });
    expect(at(55, 'Bawah Inklusif').perubahan.length).toBe(5);
    expect(at(55, 'Bawah Eksklusif')).toMatchObject({ ke: 'B', perlu: 5.01, totalBaru: 61 });
    expect(at(55, 'Bawah Eksklusif').perubahan.length).toBe(6);
  });

  it('has no next band at AA', () => {
    const k = shipped();
    const u = usulanNaik(hitungSkor(k, jawab(k, (c) => (c.jenis === 'Y/T' ? 'Y' : 'A'))));
    expect(u).toMatchObject({ dari: 'AA', ke: null, perubahan: [], tercapai: false });
  });

  it('proposes answering unanswered criteria first when they cost the most', () => {
    const k = shipped();
    const r = hitungSkor(k, jawab(k, (c) => (c.sub.kode === 'AREN003' ? null : c.jenis === 'Y/T' ? 'Y' : 'B')));
    const u = usulanNaik(r);
    expect(u.perubahan[0]).toMatchObject({ dari: null });
    expect(u.perubahan[0].kode).toMatch(/^AREN003\./);
  });
});

/** A random small list: one komponen of 100 split over 1–3 sub komponen with 1–3 criteria each. */
const instance = fc.record({
  subs: fc.array(fc.record({ w: fc.integer({ min: 1, max: 10 }), n: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  jenis: fc.array(fc.constantFrom('Y/T', 'A/B/C/D', 'A/B/C/D/E'), { minLength: 9, maxLength: 9 }),
  answers: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 9, maxLength: 9 }),
  batas: fc.constantFrom('Bawah Eksklusif' as const, 'Bawah Inklusif' as const),
});

function listOf(subs: { w: number; n: number }[], jenis: string[]): KriteriaLke {
  const total = subs.reduce((s, x) => s + x.w, 0);
  // Weights as shares of 100; the last sub takes the rounding remainder so they add up exactly.
  const ws = subs.map((s) => Math.round((s.w / total) * 10000) / 100);
  ws[ws.length - 1] = Math.round((100 - ws.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
  let i = 0;
  const rows = subs.flatMap((s, si) => Array.from({ length: s.n }, () => baris('K', 100, `S${si}`, ws[si], `c${i}`, jenis[i++])));
  const { kriteria, issues } = build(rows);
  if (issues.length) throw new Error(issues[0].messageEn);
  return kriteria;
}

describe('usulanNaik is minimal (brute force, random small lists)', () => {
  it('changes the fewest criteria possible, reaches the band, and no proposed answer can go one grade lower', () => {
    fc.assert(fc.property(instance, ({ subs, jenis, answers, batas }) => {
      const k = listOf(subs, jenis);
      const answer = new Map(k.semua.map((c, idx) => {
        const a = answers[idx] % (c.skala.length + 1);
        return [c.kode, { jawaban: a === c.skala.length ? null : c.skala[a].kode }];
      }));
      const r = hitungSkor(k, answer, batas);
      const u = usulanNaik(r);
      if (!u.ke) return;
      const reaches = (m: Map<string, { jawaban: string | null }>) => {
        const p = hitungSkor(k, m, batas).predikat;
        return p !== null && RANK.indexOf(p) >= RANK.indexOf(u.ke as string);
      };
      // Brute force: the smallest subset that reaches the band with its criteria at the top answer.
      const n = k.semua.length;
      let best = Infinity;
      for (let mask = 0; mask < 1 << n; mask++) {
        const m = new Map(answer);
        let size = 0;
        k.semua.forEach((c, idx) => { if (mask & (1 << idx)) { m.set(c.kode, { jawaban: c.skala[0].kode }); size++; } });
        if (size < best && reaches(m)) best = size;
      }
      expect(u.tercapai).toBe(best !== Infinity);
      if (!u.tercapai) return;
      expect(u.perubahan.length).toBe(best);
      const applied = new Map(answer);
      for (const p of u.perubahan) applied.set(p.kode, { jawaban: p.ke });
      expect(reaches(applied)).toBe(true);
      expect(bulat(hitungSkor(k, applied, batas).total)).toBe(u.totalBaru);
      for (const p of u.perubahan) {
        const c = k.byKode.get(p.kode)!;
        const now = c.skala.find((x) => x.kode === answer.get(p.kode)?.jawaban)?.nilai ?? 0;
        const proposed = c.skala.find((x) => x.kode === p.ke)!.nilai;
        expect(proposed).toBeGreaterThan(now);
        const lower = c.skala.filter((x) => x.nilai < proposed && x.nilai > now).sort((a, b) => b.nilai - a.nilai)[0];
        if (lower) expect(reaches(new Map(applied).set(p.kode, { jawaban: lower.kode }))).toBe(false);
      }
    }), { numRuns: 300, seed: 17 });
  });
});
