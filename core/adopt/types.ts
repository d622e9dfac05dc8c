/**
 * Adoption of the workbooks planners already have (SAKIP.md §4.5): the input is a raw sheet
 * as an adapter sees it (values + merged areas), the output a canonical `WorkbookSnapshot`
 * plus a report that accounts for every source row AND every source value (SAKIP.md §10: no
 * row and no value vanishes silently).
 *
 * This file is the public contract of `core/adopt` for the CLI (`pokin import`), the pane's
 * adoption flow and later adopters built on the header reader (the Renja evaluation form):
 *  - `adoptWorkbook(sheets, options)` → `Adoption`: adopted, not recognised, or questions the
 *    planner must answer first (each names the `AdoptOptions` key that answers it);
 *  - `AdoptReport`: per row (`rows`), per value column (`values.columns`) and per cell
 *    (`notCarried`), with every issue at its source cell.
 */
import type { Bilingual, Issue } from '../issues.js';
import type { NomenklaturIndex } from '../nomenklatur/types.js';
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
  /** 1-based sheet rows the workbook hides (their values are read all the same, and said so). */
  hiddenRows?: number[];
  /**
   * Formula cells that carry no cached result (a file written by a generator and never
   * calculated): their value is unknown, so they read as blank in `values` and are reported.
   */
  uncachedFormulas?: { cell: string; formula: string }[];
  /**
   * Formula cells that do carry a cached result, with their formula text (the value is in
   * `values`). Optional: an adapter that cannot read formulas leaves it out. The Renja
   * evaluation form reads them to find realisasi cells that copy the target (U07).
   */
  formulas?: { cell: string; formula: string }[];
}

/** `renja-evaluasi`: the Renja evaluation form of Permendagri 86/2017 (SAKIP.md §12, last paragraph). */
export type LayoutKind = 'renstra-matrix' | 'rpjmd-matrix' | 'level-table' | 'canonical' | 'renja-evaluasi';

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
  /**
   * First year of the period. Needed when the header names years relatively (`Tahun ke-1`,
   * `Tahun-3`, `Tahun n+1`) and the workbook has no Info sheet: the answer to the
   * `tahunAwal` question. Also the period of a level table, which has no year columns.
   */
  tahunAwal?: number;
  tahunAkhir?: number;
  /**
   * The year a Renja evaluation form evaluates (its realisasi go to `Realisasi` rows of that
   * year). Read from the form's header or title when not given (`--tahun`).
   */
  tahun?: number;
  /** Level table: the configured level `Level 1` stands for (default: the first OPD level). */
  levelAwal?: string;
  /** Known positions; unit kerja / penanggung jawab text is matched against them. */
  jabatan?: KnownJabatan[];
  /**
   * RPJMD program matrix: besides the pemda tree, one canonical workbook per perangkat daerah
   * named in the penanggung jawab column (`AdoptResult.opd`).
   */
  splitOpd?: boolean;
  /** Read the sheet as the pemda's RPJMD/RPD matrix even when its header does not say so. */
  pemdaMatrix?: boolean;
  /** Reference code list, for N01 suggestions by name under the parent code (never by name alone). */
  nomenklatur?: NomenklaturIndex;
}

/** What became of one source row. */
export type RowFate =
  | { row: number; kind: 'box'; id: string }
  | { row: number; kind: 'indicator'; id: string; indicator: string }
  /** Urusan/bidang/kelompok urusan rows and group rows (a kecamatan, an OPD): read as context. */
  | { row: number; kind: 'context'; what: string }
  /** Not data: a totals row (checked), a repeated header, a column-number row, a footnote. */
  | { row: number; kind: 'skipped'; cell: string; reason: string }
  | { row: number; kind: 'unplaced'; cell: string; reason: string };

/** A row holding data that could not be placed (F01 at `cell`). */
export interface Unplaced {
  row: number;
  cell: string;
  reason: string;
  reasonEn: string;
}

/** A row that is not data (totals, repeated header, column numbers, footnote, title, signature). */
export type Skipped = Unplaced;

export interface NormalisedValue {
  cell: string;
  from: string;
  to: string;
}

export interface ValueTally {
  /** Non-blank cells typed in data rows (headers, column numbers, footnotes excluded). */
  present: number;
  /** Of those, the ones whose value reached the canonical workbook (or was verified as a sum). */
  carried: number;
}

/** One source column's values. */
export interface ColumnValues extends ValueTally {
  /** Column letter in the source sheet. */
  column: string;
  /** Its header text, parts joined with ` / `. */
  header: string;
  /** What it was read as (`target 2026`, `pagu 2027 (×1000)`, `diabaikan: realisasi`). */
  role: string;
}

/** A source value that did not reach the canonical workbook, and why. */
export interface NotCarried {
  cell: string;
  reason: string;
  reasonEn: string;
}

/** A totals or subtotal row's figures against the rows it totals. */
export interface TotalsCheck {
  row: number;
  label: string;
  checks: { cell: string; column: string; stated: number; computed: number | null; ok: boolean; against: string }[];
}

/** How each year column's label became a year. */
export interface YearLabel {
  cell: string;
  label: string;
  year: number;
  relative: boolean;
}

/** A program that several perangkat daerah share (RPJMD): kept once per OPD, pagu counted once. */
export interface SharedProgram {
  row: number;
  kode: string;
  nomenklatur: string;
  opd: string[];
  /** The OPD whose workbook carries the pagu. */
  paguAt: string;
}

export interface AdoptReport {
  layout: LayoutKind;
  sheet: string;
  /** Sheet rows of the header (the column-number row included when present). */
  headerRows: number[];
  years: number[];
  yearLabels: YearLabel[];
  /** Column letter → what it was read as (`kode 1/5`, `target 2026`, `diabaikan: Lokasi`). */
  columns: Record<string, string>;
  /** Source values carried vs present, in total and per source column that holds values. */
  values: ValueTally & { columns: ColumnValues[] };
  notCarried: NotCarried[];
  /** Non-blank rows below the header. */
  sourceRows: number;
  boxes: number;
  indicators: number;
  unplaced: Unplaced[];
  skipped: Skipped[];
  totals: TotalsCheck[];
  normalised: NormalisedValue[];
  rows: RowFate[];
  /** Info keys neither the source nor the options could fill. */
  missingInfo: string[];
  /** Positions created from penanggung jawab text that matched no known position. */
  jabatanCreated: { id: string; from: string }[];
  sharedPrograms: SharedProgram[];
  /** Every issue found while adopting, at its source cell (F01, F02, F03, N01, K04, B01 …). */
  issues: Issue[];
  validation: { summary: ValidationSummary; issues: Issue[] };
  /** Renja evaluation form only: the realisasi carried and the form's arithmetic checked. */
  renja?: RenjaReport;
}

/** One derived figure of the Renja evaluation form against Pokin's own arithmetic. */
export interface RenjaCheck {
  /** Source cell of the form's figure. */
  cell: string;
  /** What it is: `realisasi 2025 (K)`, `capaian 2025 (Rp, %)`, `rata-rata capaian (K)`, `predikat`. */
  what: string;
  stated: number | string;
  /** By the form's own formula from the row's values (null: the row lacks a value it needs). */
  form: number | string | null;
  /** By Pokin (core/pengukuran) from the adopted rows; null when Pokin cannot compute it (e.g. no Polaritas/Akumulasi). */
  pokin: number | string | null;
  ok: boolean;
  /** The rule reported when not ok (U08), or '' when ok. */
  rule: string;
}

/** What the Renja evaluation form gave beyond the tree. */
export interface RenjaReport {
  /** The year evaluated, and where it was read. */
  tahun: number;
  tahunDari: string;
  /** `Realisasi` rows written, the indicators they cover, and the quarters reported. */
  realisasi: { rows: number; indikator: number; triwulan: number[] };
  /** Every derived figure checked (realisasi tahun ini, s.d. tahun ini, capaian, rata-rata, predikat). */
  checks: RenjaCheck[];
  /** The form's footer (faktor pendorong / penghambat / tindak lanjut) and where it went. */
  catatan: { row: number; jenis: string; text: string; to: string }[];
  /** A likely period (Tahun Awal–Akhir) read from the form; only a guess to confirm. */
  periode?: { awal: number; akhir: number; dari: string };
}

/** One perangkat daerah's workbook split out of an RPJMD matrix (`splitOpd`). */
export interface OpdWorkbook {
  /** The perangkat daerah as the penanggung jawab column names it. */
  opd: string;
  /** A file-safe name for it. */
  slug: string;
  snapshot: WorkbookSnapshot;
  boxes: number;
  indicators: number;
  validation: { summary: ValidationSummary; issues: Issue[] };
}

export interface AdoptResult {
  snapshot: WorkbookSnapshot;
  report: AdoptReport;
  /** With `splitOpd`: one canonical workbook per perangkat daerah. */
  opd?: OpdWorkbook[];
}

/** No sheet looked like a known layout: what was seen, and which headers were missing. */
export interface NotRecognised {
  sheets: { name: string; firstRow: number; header: string[]; missing: string[] }[];
}

/**
 * Something only the planner can tell; adopting again with the named option set answers it.
 * Nothing is guessed meanwhile: the import stops (CLI exit 2) rather than drop the columns.
 */
export interface AdoptQuestion {
  /** The `AdoptOptions` key that answers it (`--tahun-awal` in the CLI). */
  option: 'tahunAwal';
  sheet: string;
  /** The header labels that raised it. */
  labels: { cell: string; label: string }[];
  /** A likely answer read from the sheet (e.g. its title's period); shown, never applied. */
  suggestion?: number;
  message: Bilingual;
}

export type Adoption =
  | { ok: true; result: AdoptResult }
  /**
   * `questions` empty: no known layout (`notRecognised` says what was seen). Otherwise the
   * layout was recognised but needs answers; `notRecognised` then names the sheet and the
   * missing answer too, for callers that only show that.
   */
  | { ok: false; notRecognised: NotRecognised; questions: AdoptQuestion[] };
