/**
 * Per-year documents for the backend tests and benches (SAKIP.md §12, §13): a realisasi of any
 * tree (four quarters of every PK indicator with a numeric target, realisasi anggaran per coded
 * box), an LKE answered from the shipped criteria, and PUT bodies of both.
 */
import { randomUUID } from 'node:crypto';
import { dokumenRealisasi, lkeSnapshot } from '../../core/dokumen/index.js';
import { pengukuranTables } from '../../core/layout/pengukuran.js';
import { kriteriaBawaan, lembarLke } from '../../core/lke/index.js';
import { readWorkbook } from '../../core/read/index.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import type { DocPushBody } from '../../core/wire/index.js';
import { prng } from '../helpers/generate.js';

export type Row = Record<string, CellValue>;

function table(key: 'rencanaAksi' | 'realisasi' | 'pembanding', rows: Row[]): TableSnapshot {
  const spec = pengukuranTables().find((s) => s.key === key)!;
  const header = spec.columns.map((c) => c.header);
  return { sheet: spec.sheet, name: spec.table, address: 'A1', header, rows: rows.map((r) => header.map((h) => (h in r ? r[h] : null))) };
}

export interface RealisasiOptions {
  /** Quarters reported (default all four). */
  quarters?: number;
  /** Realisasi = target × factor (default 0.85–1.1 by a seeded draw). */
  seed?: number;
  /** Last word on the rows. */
  patch?: (rows: Row[]) => void;
}

/**
 * The realisasi rows of `tahun` for every indicator of `tree` that has an owner and a numeric
 * target that year: Kumulatif indicators report a quarter's share, the others the level reached.
 */
export function realisasiRows(tree: WorkbookSnapshot, tahun: number, o: RealisasiOptions = {}): Row[] {
  const t = readWorkbook(tree).tree;
  const yi = t.config.years.indexOf(tahun);
  const rand = prng(o.seed ?? 7);
  const rows: Row[] = [];
  const quarters = o.quarters ?? 4;
  const budgeted = new Set<string>();
  for (const i of t.indikator) {
    const target = i.targets[yi];
    if (!i.box?.penanggungJawab || target?.kind !== 'number' || target.value <= 0) continue;
    const f = 0.85 + rand() * 0.25;
    const pagu = i.box.pagu[yi] ?? null;
    const withBudget = pagu !== null && pagu > 0 && !budgeted.has(i.box.id);
    if (withBudget) budgeted.add(i.box.id);
    for (let q = 1; q <= quarters; q++) {
      const v = i.akumulasi === 'Kumulatif' ? (target.value / 4) * f : target.value * f;
      const row: Row = { Tahun: tahun, Periode: `TW${q}`, 'ID Node': i.nodeId, Indikator: i.nama, Realisasi: Math.round(v * 100) / 100, Bukti: 'Laporan triwulan', Diverifikasi: 'Ya' };
      if (withBudget) row['Realisasi Anggaran'] = Math.floor((pagu as number) * 0.2);
      rows.push(row);
    }
  }
  o.patch?.(rows);
  return rows;
}

/** The realisasi document of `tree` for `tahun` (the tables `pengukuranSnapshot` sends). */
export function realisasiDoc(tree: WorkbookSnapshot, tahun: number, o: RealisasiOptions = {}): WorkbookSnapshot {
  return dokumenRealisasi({ tables: [...tree.tables, table('realisasi', realisasiRows(tree, tahun, o))] }, tahun);
}

/**
 * An LKE document on the shipped criteria: `answer(kode, i, codes)` gives each answer from the
 * criterion's codes, best first (default: the best for two criteria in three, the next one
 * otherwise); notes by code.
 */
export function lkeDoc(o: { answer?: (kode: string, i: number, codes: string[]) => string | null; catatan?: Record<string, string> } = {}): WorkbookSnapshot {
  const k = kriteriaBawaan();
  const lembar = lembarLke(k, undefined, new Map());
  const header = lembar.table.header;
  const col = (h: string) => header.indexOf(h);
  const rows = lembar.table.rows.map((r, i) => {
    const row = r.slice();
    const c = k.semua[i];
    const codes = c.skala.map((p) => p.kode);
    const pick = o.answer ? o.answer(c.kode, i, codes) : codes[i % 3 === 2 ? 1 : 0];
    row[col('Jawaban')] = pick;
    row[col('Nilai')] = null;
    if (o.catatan?.[c.kode]) row[col('Catatan Evaluator')] = o.catatan[c.kode];
    return row;
  });
  return lkeSnapshot({ tables: [{ ...lembar.table, rows }] });
}

/** The first few criterion codes of the shipped list (for notes). */
export const kodeKriteria = (n = 3): string[] => kriteriaBawaan().semua.slice(0, n).map((c) => c.kode);

/** Every criterion at its best answer, or at its second best. */
export const best = (_k: string, _i: number, codes: string[]) => codes[0];
export const second = (_k: string, _i: number, codes: string[]) => codes[1];

export function docBody(doc: WorkbookSnapshot, baseVersion = 0, submissionId: string = randomUUID()): DocPushBody {
  return { baseVersion, submissionId, doc };
}
