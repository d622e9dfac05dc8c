/**
 * Saran Pokin for the criteria that read Rencana Aksi, Realisasi and the LKjIP figures
 * (SAKIP.md §13), on examples/dinkes-pengukuran-2025.xlsx and its faulty twin
 * (examples/src/dinkes-pengukuran-salah.ts), and silent on a workbook without pengukuran.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluasiLke, type Saran } from '../../../core/lke/index.js';
import type { WorkbookSnapshot } from '../../../core/snapshot.js';
import { readXlsx } from '../../../xlsx/read.js';

let valid: WorkbookSnapshot;
let faulty: WorkbookSnapshot;
let planOnly: WorkbookSnapshot;
beforeAll(async () => {
  valid = (await readXlsx('examples/dinkes-pengukuran-2025.xlsx')).snapshot;
  faulty = (await readXlsx('examples/dinkes-pengukuran-dengan-kesalahan.xlsx')).snapshot;
  planOnly = (await readXlsx('examples/dinkes-lke-contoh.xlsx')).snapshot;
});

const PENGUKURAN = ['renaksi', 'pengukuran', 'lkjip-tahunan', 'lkjip-renstra', 'lkjip-tren', 'lkjip-pembanding', 'lkjip-analisis', 'lkjip-efisiensi'];
const ours = (m: Map<string, Saran>) => Object.fromEntries([...m].filter(([, s]) => PENGUKURAN.includes(s.evaluator)).map(([k, s]) => [k, [s.evaluator, s.jawaban.kode, Math.round(s.bagian * 1000) / 1000]]));

describe('Saran Pokin from Renaksi, realisasi and the LKjIP figures', () => {
  it('proposes the top answer for each such criterion on the complete 2025 workbook', () => {
    const ev = evaluasiLke(valid);
    expect(ours(ev.saran)).toEqual({
      'AREN001.3': ['renaksi', 'Y', 1], 'AREN003.4': ['pengukuran', 'A', 1], 'BKUR002.4': ['pengukuran', 'Y', 1],
      'CLAP002.3': ['lkjip-tahunan', 'A', 1], 'CLAP002.4': ['lkjip-renstra', 'A', 1], 'CLAP002.5': ['lkjip-tren', 'A', 1],
      'CLAP002.6': ['lkjip-pembanding', 'A', 1], 'CLAP002.7': ['lkjip-analisis', 'A', 1], 'CLAP002.8': ['lkjip-efisiensi', 'A', 1],
    });
    expect(ev.saran.get('AREN001.3')!.alasan.id).toBe('100 %: seluruh 65 indikator PK 2025 punya baris Rencana Aksi.');
    expect(ev.saran.get('BKUR002.4')!.alasan.en).toBe('100 %: all 65 PK indicators of 2025 have a realisation for TW1–TW4.');
  });

  it('proposes less where the faulty twin plants R01, U02/L01, L02 and L03, naming the boxes and rules', () => {
    const ev = evaluasiLke(faulty);
    expect(ours(ev.saran)).toMatchObject({
      'AREN001.3': ['renaksi', 'T', 0.985], 'BKUR002.4': ['pengukuran', 'T', 0.992], 'CLAP002.3': ['lkjip-tahunan', 'A', 0.969],
      'CLAP002.6': ['lkjip-pembanding', 'A', 0.889], 'CLAP002.7': ['lkjip-analisis', 'B', 0.5],
    });
    expect(ev.saran.get('AREN001.3')!.alasan.id).toBe('98,5 %: 64 dari 65 indikator PK 2025 punya baris Rencana Aksi; belum: P4 (R01 ×1).');
    expect(ev.saran.get('AREN003.4')!.alasan.id).toContain('258 dari 260 realisasi triwulan');
    expect(ev.saran.get('AREN003.4')!.alasan.id).toContain('(U02)');
    expect(ev.saran.get('CLAP002.3')!.alasan.id).toContain('(L01 ×2)');
    expect(ev.saran.get('CLAP002.6')!.alasan.en).toContain('not yet: T1 (L03 ×1)');
    expect(ev.saran.get('CLAP002.7')!.alasan.id).toContain('belum: S3.1.1 (L02 ×1)');
  });

  it('is silent on a workbook without Rencana Aksi and Realisasi, and leaves BKUR003.7 (a judgement) to the evaluator', () => {
    expect(ours(evaluasiLke(planOnly).saran)).toEqual({});
    expect(evaluasiLke(valid).saran.has('BKUR003.7')).toBe(false);
  });
});
