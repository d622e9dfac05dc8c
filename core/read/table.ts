/**
 * Column mapping and row iteration shared by every table reader: headers are matched by
 * text (case, spacing, punctuation ignored), missing required columns raise F03, and every
 * non-empty row is handed to the reader with its sheet row for addresses.
 */
import { a1, columnLetter, parseA1 } from '../a1.js';
import { issue, type Issue } from '../issues.js';
import { headerKey, type ColumnSpec, type TableSpec } from '../layout/tables.js';
import type { TableLoc } from '../model.js';
import { isBlank, isErrorValue, type CellValue, type TableSnapshot } from '../snapshot.js';

export interface MappedTable {
  snapshot: TableSnapshot;
  loc: TableLoc;
  /** field key → 0-based column index in the snapshot rows. */
  index: Record<string, number>;
  /** Columns that are output only (never read). */
  outputCols: Set<number>;
  /** Sheet row of the first data row. */
  firstDataRow: number;
  firstCol: number;
}

/** Maps header cells to the spec's columns: exact headers first, then synonyms. */
export function mapTable(snapshot: TableSnapshot, spec: TableSpec, issues: Issue[]): MappedTable {
  const { col: firstCol, row: headerRow } = parseA1(snapshot.address);
  const keys = snapshot.header.map(headerKey);
  const index: Record<string, number> = {};
  const used = new Set<number>();
  for (const col of spec.columns) {
    const k = headerKey(col.header);
    const at = keys.findIndex((h, i) => h === k && !used.has(i));
    if (at >= 0) { index[col.key] = at; used.add(at); }
  }
  for (const col of spec.columns) {
    if (col.key in index || !col.synonyms) continue;
    const syn = new Set(col.synonyms.map(headerKey));
    const at = keys.findIndex((h, i) => syn.has(h) && !used.has(i));
    if (at >= 0) { index[col.key] = at; used.add(at); }
  }
  const cols: Record<string, string> = {};
  for (const [key, i] of Object.entries(index)) cols[key] = columnLetter(firstCol + i);
  const outputCols = new Set<number>();
  for (const col of spec.columns) if (col.output && col.key in index) outputCols.add(index[col.key]);
  const loc: TableLoc = { sheet: snapshot.sheet, cols, firstCol: columnLetter(firstCol), headerRow };
  const missing = spec.columns.filter((c: ColumnSpec) => c.required && !(c.key in index));
  // A renamed header is the usual cause: name the headers Pokin does not know, and when one
  // column is missing and one header is unknown, point at that header's cell.
  // (An adopted sheet marks the headers it did not know `Kolom lain: …`; the planner's header is the rest.)
  const unknown = snapshot.header.map((h, i) => ({ h: String(h ?? '').trim().replace(/^Kolom lain: /, ''), i })).filter(({ h, i }) => h !== '' && !used.has(i));
  for (const m of missing) {
    const only = missing.length === 1 && unknown.length === 1 ? unknown[0] : undefined;
    const list = unknown.map((u) => `"${u.h}"`).join(', ');
    const hint = only
      ? { id: ` Ganti judul kolom "${only.h}" menjadi "${m.header}".`, en: ` Rename the column "${only.h}" to "${m.header}".` }
      : unknown.length
        ? { id: ` Judul kolom yang tidak dikenal: ${list}.`, en: ` Headers Pokin does not know: ${list}.` }
        : { id: '', en: '' };
    issues.push(issue('F03', 'E', { sheet: snapshot.sheet, cell: a1(firstCol + (only?.i ?? 0), headerRow) }, {
      id: `Kolom "${m.header}" tidak ada di tabel ${spec.table}; isinya tidak dibaca.${hint.id}`,
      en: `Column "${m.header}" is missing from table ${spec.table}; its values are not read.${hint.en}`,
    }));
  }
  return { snapshot, loc, index, outputCols, firstDataRow: headerRow + 1, firstCol };
}

/** True when a row holds anything in a column that is read (output columns don't count). */
export function rowHasInput(row: CellValue[], outputCols: Set<number>): boolean {
  for (let i = 0; i < row.length; i++) {
    if (outputCols.has(i)) continue;
    if (!isBlank(row[i])) return true;
  }
  return false;
}

/**
 * Reports error values (`#REF!`, `#DIV/0!`…) in read columns as F01 and returns a copy of
 * the row with those cells blanked, so a broken formula never reads as data.
 */
export function scrubErrors(m: MappedTable, row: CellValue[], sheetRow: number, id: string, issues: Issue[]): CellValue[] {
  // Fast path: most rows hold no text starting with '#', so nothing needs copying.
  let any = false;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'string' && v.charCodeAt(0) === 35) { any = true; break; }
  }
  if (!any) return row;
  let out = row;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v !== 'string' || v[0] !== '#' || m.outputCols.has(i) || !isErrorValue(v)) continue;
    if (out === row) out = row.slice();
    out[i] = null;
    issues.push(issue('F01', 'E', { sheet: m.loc.sheet, cell: a1(m.firstCol + i, sheetRow), id }, {
      id: `Sel berisi nilai galat ${v.trim()} (rumus rusak); nilainya diabaikan.`,
      en: `Cell holds the error value ${v.trim()} (a broken formula); its value is ignored.`,
    }));
  }
  return out;
}

/** Reports merged areas inside a table: tables cannot hold merges, the values shift (F01). */
export function reportMerges(m: MappedTable, issues: Issue[]): void {
  for (const range of m.snapshot.merges ?? []) {
    const first = range.split(':')[0];
    issues.push(issue('F01', 'E', { sheet: m.loc.sheet, cell: first.replace(/\$/g, '') }, {
      id: `Sel gabungan (merge) ${range} di dalam tabel: pisahkan selnya dan isi setiap baris.`,
      en: `Merged area ${range} inside the table: unmerge it and fill every row.`,
    }));
  }
}

export function cellAt(m: MappedTable, row: CellValue[], key: string): CellValue {
  const i = m.index[key];
  return i === undefined ? null : (row[i] ?? null);
}

export function formatAt(m: MappedTable, rowIndex: number, key: string): string | null {
  const f = m.snapshot.numberFormats;
  const i = m.index[key];
  if (!f || i === undefined) return null;
  const r = f.length === 1 ? f[0] : f[rowIndex];
  return r ? (r[i] ?? null) : null;
}
