/** `evaluasiLke`, the one call the CLI and the pane make: configuration, issues, and a workbook holding only an LKE. */
import { describe, expect, it } from 'vitest';
import { evaluasiLke, kriteriaBawaan, tabelKriteriaLke } from '../../../core/lke/index.js';
import { lkeColumns } from '../../../core/layout/lke.js';
import type { CellValue, TableSnapshot } from '../../../core/snapshot.js';
import { baris } from './helpers.js';

const H = lkeColumns().map((c) => c.header);
const lke = (answers: Record<string, string>): TableSnapshot => ({
  sheet: 'LKE', name: 'LKE', address: 'A1', header: [...H],
  rows: Object.entries(answers).map(([kode, j]) => H.map((h) => (({ Kode: kode, Jawaban: j }) as Record<string, CellValue>)[h] ?? null)),
});
const info = (batas: string): TableSnapshot => ({ sheet: 'Info', name: 'Info', address: 'A1', header: ['Kunci', 'Nilai'], rows: [['Batas Predikat', batas]] });

describe('evaluasiLke', () => {
  // A variant of 100 Y/T criteria worth 1 point each, 60 answered Y.
  const variant = tabelKriteriaLke(Array.from({ length: 100 }, (_, i) => baris('K', 100, 'S', 100, `K.${i + 1}`, 'Y/T')));
  const answers = lke(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`K.${i + 1}`, i < 60 ? 'Y' : 'T'])));

  it('takes Batas Predikat from Info in a workbook that holds only the LKE (60,00: CC by default, B inclusive)', () => {
    expect(evaluasiLke({ tables: [variant, answers] }).rekap).toMatchObject({ totalBulat: 60, predikat: 'CC', batas: 'Bawah Eksklusif' });
    expect(evaluasiLke({ tables: [variant, answers, info('Bawah Inklusif')] }).rekap).toMatchObject({ totalBulat: 60, predikat: 'B', batas: 'Bawah Inklusif' });
  });

  it('reports the criteria list\'s errors and says it cannot score', () => {
    const bad = tabelKriteriaLke([baris('K', 100, 'S', 90, 'a')]);
    const ev = evaluasiLke({ tables: [bad] });
    expect(ev.kriteriaSah).toBe(false);
    expect(ev.issues.map((i) => i.rule)).toEqual(['V01']);
  });

  it('uses the shipped list and scores an empty workbook as all unanswered', () => {
    const ev = evaluasiLke({ tables: [] });
    expect(ev.kriteria).toBe(kriteriaBawaan());
    expect(ev.rekap).toMatchObject({ totalBulat: 0, predikat: 'D' });
    expect(ev.rekap.belumDijawab.length).toBe(76);
    expect(ev.naik).toMatchObject({ ke: 'C', tercapai: true });
    expect(ev.adaPohon).toBe(false);
  });
});
