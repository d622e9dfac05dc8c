/**
 * A small workbook with a clean year of pengukuran (2025) on the test tree of
 * test/helpers/snapshot.ts: SS1 (KADIS) → P1 (KABID-KESMAS) → K1 → S1 (KASI-GIZI), every
 * indicator Positif / Nilai Akhir. Tests mutate a copy and look for one rule.
 */
import type { CellValue } from '../../../core/snapshot.js';
import type { RuleId } from '../../../core/issues.js';
import { validateSnapshot, type ValidateOptions } from '../../../core/validate.js';
import { makeSnapshot, validInput, type Row, type WorkbookInput } from '../../helpers/snapshot.js';

export const IND = {
  SS1: 'Angka Harapan Hidup',
  P1: 'Persentase fasilitas kesehatan terakreditasi',
  K1: 'Persentase puskesmas dengan layanan sesuai standar',
  S1: 'Jumlah Orang yang Mendapatkan Pelayanan Kesehatan Gizi Masyarakat',
} as const;
export type Node = keyof typeof IND;

const PLAN: Record<Node, { pj: string; tw: number[]; real: number[]; kode: string | null }> = {
  SS1: { pj: 'KADIS', tw: [71.05, 71.1, 71.15, 71.2], real: [71.06, 71.1, 71.16, 71.22], kode: null },
  P1: { pj: 'KABID-KESMAS', tw: [62.5, 65, 67.5, 70], real: [63, 65, 68, 70.5], kode: '1.02.02.2.02.0015' },
  K1: { pj: 'KASI-GIZI', tw: [52.5, 55, 57.5, 60], real: [52, 56, 58, 61], kode: '1.02.02.2.02.0015' },
  S1: { pj: 'KASI-GIZI', tw: [30, 60, 90, 120], real: [32, 61, 92, 125], kode: '1.02.02.2.02.0015' },
};

export function pengukuranInput(): WorkbookInput {
  const w = validInput();
  w.rencanaAksi = (Object.keys(PLAN) as Node[]).map((id) => {
    const p = PLAN[id];
    const row: Row = {
      Tahun: 2025, 'ID Node': id, Indikator: IND[id], 'ID Jabatan': p.pj, No: '1', 'Rencana Aksi': `Aksi ${id}`, 'Kode Sub Kegiatan': p.kode,
      'Output Aksi': 'Laporan',
    };
    p.tw.forEach((t, k) => { row[`Target TW${k + 1}`] = t; });
    if (id === 'S1') [75, 75, 75, 75].forEach((a, k) => { row[`Anggaran TW${k + 1}`] = a; });
    return row;
  });
  w.realisasi = [];
  for (let q = 1; q <= 4; q++) {
    for (const id of Object.keys(PLAN) as Node[]) {
      const row: Row = { Tahun: 2025, Periode: `TW${q}`, 'ID Node': id, Indikator: IND[id], Realisasi: PLAN[id].real[q - 1], Bukti: 'Laporan', Diverifikasi: 'Ya' };
      if (id === 'S1') row['Realisasi Anggaran'] = [70, 70, 75, 70][q - 1];
      w.realisasi.push(row);
    }
  }
  w.pembanding = [];
  return w;
}

/** The Realisasi row of a node and quarter (TW1–TW4). */
export function realisasiRow(w: WorkbookInput, id: Node, q: number): Row {
  const r = w.realisasi!.find((x) => x['ID Node'] === id && x.Periode === `TW${q}`);
  if (!r) throw new Error(`no realisasi ${id} TW${q}`);
  return r;
}

export function planRow(w: WorkbookInput, id: Node): Row {
  const r = w.rencanaAksi!.find((x) => x['ID Node'] === id);
  if (!r) throw new Error(`no plan ${id}`);
  return r;
}

/** Sheet row of data row `i` (tables at A1). */
export const sheetRow = (rows: Row[], row: Row) => rows.indexOf(row) + 2;

const PENGUKURAN = /^[RUL]\d\d$/;

/** Validates a mutated copy; returns every issue of `rule` (or every R/U/L issue). */
export function issuesAfter(mutate: (w: WorkbookInput) => void, rule?: RuleId, opts: ValidateOptions = { final: true, lkjip: 2025 }) {
  const w = pengukuranInput();
  mutate(w);
  const r = validateSnapshot(makeSnapshot(w), opts);
  return r.issues.filter((i) => (rule ? i.rule === rule : PENGUKURAN.test(i.rule)));
}

export type { CellValue };
