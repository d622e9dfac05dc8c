/**
 * The LKE tables (SAKIP.md §13) as data, like `tables.ts` for the tree: the `LKE` answer
 * sheet and the optional `Kriteria LKE` variant table, their answer dropdowns (one list per
 * answer type, so per row) and the `Nilai` formula. The ExcelJS writer renders this now,
 * the Office.js adapter later; neither holds the layout itself.
 */
import { columnLetter } from '../a1.js';
import type { Pilihan } from '../lke/types.js';
import type { ColumnSpec, TableSpec } from './tables.js';

export const LKE_SHEET = 'LKE';
export const LKE_TABLE = 'LKE';
export const KRITERIA_LKE_SHEET = 'Kriteria LKE';
export const KRITERIA_LKE_TABLE = 'KriteriaLKE';

const TEXT = '@';

const col = (key: string, header: string, kind: ColumnSpec['kind'], width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key, header, kind, width, required: false, ...(kind === 'text' || kind === 'code' ? { numFmt: TEXT } : {}), ...extra,
});

/**
 * `Komponen | Sub Komponen | Bobot Sub | Kode | Kriteria | Jenis Jawaban | Jawaban | Nilai |
 * Bukti Dukung | Tautan | Saran Pokin | Catatan Evaluator` (SAKIP.md §13, in this order).
 * Only `Kode` and `Jawaban` are needed to score (F03 when missing); the criteria columns are
 * copies of the criteria list that `pokin lke template` rewrites, `Nilai` is a formula and
 * `Saran Pokin` is written by Pokin: neither is ever read as input.
 */
export function lkeColumns(): ColumnSpec[] {
  return [
    col('komponen', 'Komponen', 'text', 18),
    col('subKomponen', 'Sub Komponen', 'text', 14),
    col('bobotSub', 'Bobot Sub', 'number', 8, { numFmt: '0.##' }),
    col('kode', 'Kode', 'code', 12, { required: true, synonyms: ['Kode Kriteria', 'No'] }),
    col('kriteria', 'Kriteria', 'text', 60),
    col('jenisJawaban', 'Jenis Jawaban', 'text', 10, { synonyms: ['Jenis'] }),
    col('jawaban', 'Jawaban', 'text', 9, { required: true, synonyms: ['Jawaban OPD', 'Nilai Jawaban'] }),
    col('nilai', 'Nilai', 'number', 7, { numFmt: '0.00', output: true }),
    col('buktiDukung', 'Bukti Dukung', 'text', 40, { synonyms: ['Bukti', 'Eviden'] }),
    col('tautan', 'Tautan', 'text', 30, { synonyms: ['Link', 'Tautan Bukti'] }),
    col('saranPokin', 'Saran Pokin', 'text', 48, { output: true }),
    col('catatanEvaluator', 'Catatan Evaluator', 'text', 30, { synonyms: ['Catatan'] }),
  ];
}

/**
 * The criteria list in the shared CSV's own columns (`../shared/domain/lke/`), so a pemda can
 * paste its variant as it is; two optional columns carry what the CSV cannot: answer values
 * (`A=1; B=0,66; C=0,33; D=0`) and which Saran Pokin evaluator a criterion gets.
 */
export function kriteriaLkeColumns(): ColumnSpec[] {
  return [
    col('komponen_kode', 'komponen_kode', 'code', 11, { required: true, synonyms: ['Kode Komponen'] }),
    col('komponen', 'komponen', 'text', 22, { required: true, synonyms: ['Komponen', 'Nama Komponen'] }),
    col('komponen_bobot', 'komponen_bobot', 'number', 9, { required: true, synonyms: ['Bobot Komponen'] }),
    col('sub_kode', 'sub_kode', 'code', 11, { required: true, synonyms: ['Kode Sub Komponen', 'Kode Sub'] }),
    col('sub_komponen', 'sub_komponen', 'text', 16, { required: true, synonyms: ['Sub Komponen'] }),
    col('sub_bobot', 'sub_bobot', 'number', 9, { required: true, synonyms: ['Bobot Sub', 'Bobot Sub Komponen'] }),
    col('kriteria_kode', 'kriteria_kode', 'code', 12, { required: true, synonyms: ['Kode Kriteria', 'Kode'] }),
    col('kriteria', 'kriteria', 'text', 60, { required: true, synonyms: ['Kriteria'] }),
    col('jenis_jawaban', 'jenis_jawaban', 'text', 10, { required: true, synonyms: ['Jenis Jawaban'] }),
    col('bukti_dukung', 'bukti_dukung', 'text', 40, { synonyms: ['Bukti Dukung'] }),
    col('nilai_jawaban', 'nilai_jawaban', 'text', 22, { synonyms: ['Nilai Jawaban'] }),
    col('saran_pokin', 'saran_pokin', 'text', 12, { synonyms: ['Saran Pokin'] }),
  ];
}

/**
 * Both LKE tables; neither is part of a tree workbook's required set. `Kriteria LKE` comes
 * first: a reader that finds tables by their header row (a sheet saved without table objects)
 * must let it claim its own block before the `LKE` spec, whose first column (`Komponen`) the
 * criteria table also has.
 */
export function lkeTables(): TableSpec[] {
  return [
    { key: 'kriteriaLke', sheet: KRITERIA_LKE_SHEET, table: KRITERIA_LKE_TABLE, required: false, columns: kriteriaLkeColumns() },
    { key: 'lke', sheet: LKE_SHEET, table: LKE_TABLE, required: false, columns: lkeColumns() },
  ];
}

export function lkeTableSpec(): TableSpec {
  return lkeTables()[1];
}

export function kriteriaLkeTableSpec(): TableSpec {
  return lkeTables()[0];
}

/** A dropdown over a block of consecutive rows whose criteria share one answer list. */
export interface JawabanDropdown {
  /** A1 range, e.g. `G2:G5`. */
  range: string;
  values: string[];
}

/**
 * The `Jawaban` dropdowns of an LKE table written from its first data row down, one per run
 * of rows with the same answer codes: a Y/T criterion offers Y and T, an A/B/C/D one A–D.
 * Data validation is per range, so a per-row list needs these blocks (SAKIP.md §4.6: paste
 * bypasses them anyway, and `core/lke` re-checks every answer).
 */
export function jawabanDropdowns(jawabanCol: string, firstRow: number, codesPerRow: readonly (readonly string[] | null)[]): JawabanDropdown[] {
  const out: JawabanDropdown[] = [];
  let start = 0;
  for (let i = 1; i <= codesPerRow.length; i++) {
    const a = codesPerRow[start];
    const b = codesPerRow[i];
    if (i < codesPerRow.length && sameList(a, b)) continue;
    if (a && a.length) out.push({ range: `${jawabanCol}${firstRow + start}:${jawabanCol}${firstRow + i - 1}`, values: [...a] });
    start = i;
  }
  return out;
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Extra spellings an answer cell may hold, read as the code (the formula accepts them too). */
export const SINONIM_JAWABAN: Readonly<Record<string, string>> = Object.freeze({ YA: 'Y', TIDAK: 'T' });

const num = (n: number) => String(Math.round(n * 1e6) / 1e6);
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The `Nilai` cell's formula (en-US notation, no leading `=`): the answer in `jawabanCell`
 * mapped through the criterion's scale, blank while unanswered, `?` for a value not on the
 * scale. Built from Pokin's own codes and numbers only, never from cell text, so nothing
 * another user typed can become part of a formula.
 */
export function nilaiFormula(jawabanCell: string, skala: readonly Pilihan[]): string {
  const codes = skala.map((p) => p.kode);
  const values = skala.map((p) => p.nilai);
  for (const [syn, code] of Object.entries(SINONIM_JAWABAN)) {
    const i = codes.indexOf(code);
    if (i >= 0) { codes.push(syn); values.push(values[i]); }
  }
  const j = `UPPER(TRIM(${jawabanCell}))`;
  return `IF(TRIM(${jawabanCell})="","",IFERROR(CHOOSE(MATCH(${j},{${codes.map(quote).join(',')}},0),${values.map(num).join(',')}),"?"))`;
}

/** Column letter of a field when the table is written from column A in spec order. */
export function lkeColumnLetter(key: string, spec: TableSpec = lkeTableSpec()): string {
  return columnLetter(spec.columns.findIndex((c) => c.key === key));
}
