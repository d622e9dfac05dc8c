/**
 * Round trip (property): canonical → Matriks Cascading → import → canonical keeps the tree:
 * statements, codes, nomenclature, indicators, targets, pagu and owners. The contract's
 * matrix has no `Sasaran Sub Kegiatan` column (SAKIP.md §4.3), so that one statement is the
 * only thing it cannot carry; the comparison leaves it out. `Penanggung Jawab` prints the
 * position's name, so the import is given the Jabatan table to map names back to IDs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import { matriksSheet, specToRaw } from '../../../core/derive/index.js';
import type { PohonKinerja } from '../../../core/model.js';
import { readWorkbook } from '../../../core/read/index.js';
import type { CellValue } from '../../../core/snapshot.js';
import { prng } from '../../helpers/generate.js';
import { makeSnapshot, validInput, type Row } from '../../helpers/snapshot.js';

const YEARS = [2025, 2026, 2027];
const OWNERS = ['KADIS', 'KABID-KESMAS', 'KASI-GIZI'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function randomTree(seed: number): { pohon: Row[]; indikator: Row[] } {
  const rand = prng(seed);
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <T,>(xs: T[]) => xs[int(0, xs.length - 1)];
  const pohon: Row[] = [];
  const indikator: Row[] = [];
  let n = 0;
  const box = (level: string, induk: string | null, kode: string | null, nama: string | null): string => {
    const id = `B${++n}`;
    const row: Row = { ID: id, Induk: induk, Level: level, 'Pernyataan Kinerja': `Meningkatnya kondisi ${id}`, Kode: kode, Nomenklatur: nama, 'Penanggung Jawab': pick(OWNERS) };
    if (kode) for (const y of YEARS) row[`Pagu ${y}`] = rand() < 0.2 ? null : int(1, 9000) * 1000;
    pohon.push(row);
    for (let i = 0, k = int(kode ? 0 : 1, 3); i < k; i++) {
      const ind: Row = { 'ID Node': id, Indikator: `Indikator ${id}.${i + 1}`, Satuan: pick(['%', 'Dokumen', 'Nilai']), 'Kondisi Awal': rand() < 0.2 ? null : int(0, 100) };
      for (const y of YEARS) ind[`Target ${y}`] = (rand() < 0.15 ? '-' : int(0, 1000) / 10) as CellValue;
      indikator.push(ind);
    }
    return id;
  };
  for (let t = int(1, 2); t > 0; t--) {
    const tj = box('Tujuan', null, null, null);
    for (let s = int(1, 2); s > 0; s--) {
      const ss = box('Sasaran Strategis', tj, null, null);
      for (let p = int(0, 2); p > 0; p--) {
        const pk = `1.02.${pad(int(2, 40), 2)}`;
        const pid = box('Sasaran Program', ss, pk, `PROGRAM ${pk}`);
        for (let k = int(0, 2); k > 0; k--) {
          const kk = `${pk}.2.${pad(k, 2)}`;
          const kid = box('Sasaran Kegiatan', pid, kk, `Kegiatan ${kk}`);
          for (let u = int(0, 2); u > 0; u--) box('Sasaran Sub Kegiatan', kid, `${kk}.${pad(u, 4)}`, `Sub Kegiatan ${kk}.${pad(u, 4)}`);
        }
      }
    }
  }
  return { pohon, indikator };
}

/** What must survive the round trip, per box in tree order (IDs are renumbered by the import). */
function signature(t: PohonKinerja): string[] {
  const path = (b: PohonKinerja['boxes'][number]): string => (b.parent ? `${path(b.parent)}/` : '') + (b.kode || b.pernyataan);
  return t.boxes.map((b) => JSON.stringify([
    b.levelName, path(b), b.level?.nomenklatur === 'sub_kegiatan' ? '' : b.pernyataan, b.kode, b.nomenklatur, b.penanggungJawab, b.pagu,
    b.indicators.map((i) => [i.nama, i.satuan, i.kondisiAwal, i.targets]),
  ]));
}

describe('round trip through the Matriks Cascading', () => {
  it('keeps statements, codes, indicators, targets, pagu and owners (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
      const base = validInput();
      const { pohon, indikator } = randomTree(seed);
      const tree = readWorkbook(makeSnapshot({ ...base, pohon, indikator })).tree;
      const raw = specToRaw(matriksSheet(tree));
      const jabatan = tree.jabatan.map((j) => ({ id: j.id, nama: j.nama, jenjang: j.jenjangRaw, atasan: j.atasan, nip: j.nip, namaPejabat: j.namaPejabat, unitKerja: j.unitKerja }));
      const a = adoptWorkbook([raw], { jabatan });
      if (!a.ok) throw new Error('matrix not recognised');
      expect(a.result.report.unplaced).toEqual([]);
      const back = readWorkbook(a.result.snapshot).tree;
      expect(signature(back)).toEqual(signature(tree));
    }), { numRuns: 40 });
  });
});
