/**
 * The capaian table of the Dinas Kesehatan example (examples/src/dinkes-pengukuran.ts), checked
 * by hand against SAKIP.md §6 for one indicator of each polarity (Positif, Negatif, Rentang)
 * and each accumulation (Kumulatif, Nilai Akhir, Rata-rata). The arithmetic is in the comments;
 * the assertions compare with those hand results, not with another run of the code.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../core/read/index.js';
import { hitungPengukuran, laporanPengukuran, type IndikatorTahun } from '../../../core/pengukuran/index.js';
import { dinkesPengukuran, HAND } from '../../../examples/src/dinkes-pengukuran.js';
import { toSnapshot } from '../../../examples/src/workbook.js';

/** The example, optionally with optional Info keys (SAKIP.md §4.2) added to its Info table. */
function example(info: [string, string][] = []) {
  const snap = toSnapshot(dinkesPengukuran());
  const infoTable = snap.tables.find((t) => t.name === 'Info')!;
  infoTable.rows.push(...info);
  const { tree } = readWorkbook(snap);
  return { tree, p: hitungPengukuran(tree, 2025) };
}
const { tree, p } = example();
const ind = (nama: string): IndikatorTahun => p.indikator.find((i) => i.indikator.nama === nama)!;
const murni = (it: IndikatorTahun) => it.perTw.map((c) => c.capaian.murni);

describe('hand check against SAKIP.md §6 (Dinas Kesehatan, 2025)', () => {
  it('Positif · Kumulatif: Jumlah Alat Kesehatan/Alat Penunjang Medik yang Disediakan (S1.1.3)', () => {
    const it = ind(HAND.kumulatif);
    expect([it.polaritas, it.akumulasi]).toEqual(['Positif', 'Kumulatif']);
    // Plan TW1–TW4: 26, 39, 39, 26 (Σ = 130 = target 2025). Realisasi: 20, 42, 35, 40.
    // s.d. TW1: 20 / 26                 = 76,923 %  → Baik (> 75 – 90)
    // s.d. TW2: (20+42) / (26+39)       = 62 / 65   = 95,385 %
    // s.d. TW3: (20+42+35) / (26+39+39) = 97 / 104  = 93,269 %
    // s.d. TW4: 137 / 130                           = 105,385 %, also against the year (ΣR / T_year)
    // s.d. TW3 against the year: 97 / 130           = 74,615 % → Cukup (> 65 – 75)
    const c = murni(it);
    expect(c[0]).toBeCloseTo(76.9231, 4);
    expect(c[1]).toBeCloseTo(95.3846, 4);
    expect(c[2]).toBeCloseTo(93.2692, 4);
    expect(c[3]).toBeCloseTo(105.3846, 4);
    expect(it.perTw[3].capaianTahun.murni).toBeCloseTo(105.3846, 4);
    expect(it.perTw[2].capaianTahun.murni).toBeCloseTo(74.6154, 4);
    expect(it.perTw.map((x) => x.kategori)).toEqual(['Baik', 'Sangat Baik', 'Sangat Baik', 'Sangat Baik']);
    expect(it.perTw[2].kategoriTahun).toBe('Cukup');
  });

  it('Negatif · Nilai Akhir: Angka Kematian Ibu (SS1), C = (2T − R) / T', () => {
    const it = ind(HAND.negatif);
    expect([it.polaritas, it.akumulasi]).toEqual(['Negatif', 'Nilai Akhir']);
    // Plan 97,63 · 96,75 · 95,88 · 95 (from the baseline 98,5 down to the target 95). Realisasi 97,1 · 96,9 · 96,2 · 93,4.
    // TW1: (2×97,63 − 97,1) / 97,63 = 98,16 / 97,63 = 100,543 %
    // TW2: (2×96,75 − 96,9) / 96,75 = 96,6 / 96,75  = 99,845 %
    // TW3: (2×95,88 − 96,2) / 95,88 = 95,56 / 95,88 = 99,666 %
    // TW4: (2×95 − 93,4) / 95       = 96,6 / 95     = 101,684 % (= the year: TW4 target is the year's)
    const c = murni(it);
    expect(c[0]).toBeCloseTo(100.5429, 4);
    expect(c[1]).toBeCloseTo(99.845, 3);
    expect(c[2]).toBeCloseTo(99.6662, 4);
    expect(c[3]).toBeCloseTo(101.6842, 4);
    expect(it.perTw[3].capaianTahun.murni).toBeCloseTo(101.6842, 4);
  });

  it('Positif · Nilai Akhir: Angka Harapan Hidup (T1), C = R / T of the last quarter', () => {
    const it = ind(HAND.positif);
    expect([it.polaritas, it.akumulasi]).toEqual(['Positif', 'Nilai Akhir']);
    // TW1: 72,6 / 72,59 = 100,0138 % · TW3: 72,66 / 72,66 = 100 % · TW4: 72,71 / 72,7 = 100,0138 %
    const c = murni(it);
    expect(c[0]).toBeCloseTo(100.0138, 4);
    expect(c[2]).toBe(100);
    expect(c[3]).toBeCloseTo(100.0138, 4);
  });

  it('Rentang · Rata-rata: BOR Puskesmas Rawat Inap (S1.2.7), band [60, 85] every quarter', () => {
    const it = ind(HAND.rentang);
    expect([it.polaritas, it.akumulasi]).toEqual(['Rentang', 'Rata-rata']);
    // Realisasi 84, 88, 90, 86; mean of the band stays [60, 85].
    // s.d. TW1: mean 84 lies in the band               → 100 %
    // s.d. TW2: mean 86 > 85, Rentang Di Atas = Baik   → 86 / 85      = 101,176 %
    // s.d. TW3: mean 87,333…                           → 87,333 / 85  = 102,745 %
    // s.d. TW4: mean 87                                → 87 / 85      = 102,353 %
    const c = murni(it);
    expect(c[0]).toBe(100);
    expect(c[1]).toBeCloseTo(101.1765, 4);
    expect(c[2]).toBeCloseTo(102.7451, 4);
    expect(c[3]).toBeCloseTo(102.3529, 4);
    // Rentang Di Atas = Buruk: (2 × 85 − 87) / 85 = 83 / 85 = 97,647 %.
    const buruk = example([['Rentang Di Atas', 'Buruk']]).p.indikator.find((i) => i.indikator.nama === HAND.rentang)!;
    expect(buruk.perTw[3].capaian.murni).toBeCloseTo(97.6471, 4);
  });

  it('capped and uncapped side by side: Batas Capaian 100 caps 105,385 % at 100, Kategori from the capped value', () => {
    const capped = example([['Batas Capaian', '100']]).p.indikator.find((i) => i.indikator.nama === HAND.kumulatif)!;
    expect(capped.perTw[3].capaian.capaian).toBe(100);
    expect(capped.perTw[3].capaian.murni).toBeCloseTo(105.3846, 4);
  });

  it('the same figures reach the report the CLI prints', () => {
    const l = laporanPengukuran(tree, 2025, 3);
    const row = l.indikator.find((i) => i.indikator === HAND.kumulatif)!;
    // s.d. TW3: target 26 + 39 + 39 = 104, realisasi 97.
    expect(row).toMatchObject({ target: 104, realisasi: 97, kategori: 'Sangat Baik', targetTahun: 130 });
    expect(row.capaian).toBeCloseTo(93.2692, 4);
  });
});
