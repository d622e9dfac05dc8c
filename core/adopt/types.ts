/**
 * Adoption of the workbooks planners already have (SAKIP.md §4.5): the input is a raw sheet
 * as an adapter sees it (values + merged areas), the output a canonical `WorkbookSnapshot`
 * plus a report that accounts for every source row (SAKIP.md §10: no row vanishes silently).
 */
import type { Issue } from '../issues.js';
import type { CellValue, WorkbookSnapshot } from '../snapshot.js';
import type { ValidationSummary } from '../validate.js';

/** One worksheet's cells, row-major, starting at the sheet's top-left cell (A1 unless `origin`). */
export interface RawSheet {
  name: string;
  values: CellValue[][];
  /** Merged areas as A1 ranges (`B5:B9`). */
  merges: string[];
  /** Top-left cell of `values`; default `A1`. */
  origin?: string;
  /** Number formats, same shape as `values` (sparse rows allowed); percent cells need them. */
  numberFormats?: (string | null)[][];
  /** 0-based sheet column indexes the workbook hides. */
  hiddenColumns?: number[];
}

export type LayoutKind = 'renstra-matrix' | 'level-table' | 'canonical';

/** A position as the import may know it (from `--jabatan`), to match unit kerja text. */
export interface KnownJabatan {
  id: string;
  nama: string;
  jenjang: string;
  atasan: string;
  nip: string;
  namaPejabat: string;
  unitKerja: string;
}

export interface AdoptOptions {
  /** Only this sheet (by name, case/spacing ignored). */
  sheet?: string;
  pemda?: string;
  kodePemda?: string;
  jenisPemda?: string;
  kodeOpd?: string;
  namaOpd?: string;
  versiNomenklatur?: string;
  /** Period when the source has no year columns (level tables). */
  tahunAwal?: number;
  tahunAkhir?: number;
  /** Level table: the configured level `Level 1` stands for (default: the first OPD level). */
  levelAwal?: string;
  /** Known positions; unit kerja / penanggung jawab text is matched against them. */
  jabatan?: KnownJabatan[];
}

/** What became of one source row. */
export type RowFate =
  | { row: number; kind: 'box'; id: string }
  | { row: number; kind: 'indicator'; id: string; indicator: string }
  | { row: number; kind: 'context'; what: string }
  | { row: number; kind: 'skipped'; reason: string }
  | { row: number; kind: 'unplaced'; cell: string; reason: string };

export interface Unplaced {
  row: number;
  cell: string;
  reason: string;
  reasonEn: string;
}

export interface NormalisedValue {
  cell: string;
  from: string;
  to: string;
}

export interface AdoptReport {
  layout: LayoutKind;
  sheet: string;
  /** Sheet rows of the header (the column-number row included when present). */
  headerRows: number[];
  years: number[];
  /** Column letter → what it was read as (`kode 1/5`, `target 2026`, `diabaikan: Lokasi`). */
  columns: Record<string, string>;
  /** Non-blank rows below the header. */
  sourceRows: number;
  boxes: number;
  indicators: number;
  unplaced: Unplaced[];
  normalised: NormalisedValue[];
  rows: RowFate[];
  /** Info keys neither the source nor the options could fill. */
  missingInfo: string[];
  /** Positions created from penanggung jawab text that matched no known position. */
  jabatanCreated: { id: string; from: string }[];
  /** Every issue found while adopting, at its source cell (F01, F02, N01, K04 …). */
  issues: Issue[];
  validation: { summary: ValidationSummary; issues: Issue[] };
}

export interface AdoptResult {
  snapshot: WorkbookSnapshot;
  report: AdoptReport;
}

/** No sheet looked like a known layout: what was seen, and which headers were missing. */
export interface NotRecognised {
  sheets: { name: string; firstRow: number; header: string[]; missing: string[] }[];
}
