/**
 * Dropdowns (Excel list validation) for the canonical tables, resolved from the layout's
 * `ListSource`s and the configuration. Pure data: the ExcelJS template and the Office.js
 * adapter both render it. Dropdowns are a convenience only: paste bypasses them, so every
 * enumerated value is re-checked by `core/` on each pass (SAKIP.md §4.6).
 */
import { columnLetter } from '../a1.js';
import { levelsOfTree, type PokinConfig } from '../config.js';
import {
  AKUMULASI, canonicalTables, INFO_KEYS, JENJANG, POLARITAS, STATUS_CROSSCUTTING, YA_TIDAK,
  type ColumnSpec, type ListSource, type TableSpec,
} from './tables.js';
import { PERIODE, TINGKAT_PEMBANDING } from './pengukuran.js';

/**
 * Excel limits an inline list (`"a,b,c"`) to 255 characters, and a comma inside an item
 * would split it. Longer lists must come from a range on a sheet.
 */
export const INLINE_LIST_LIMIT = 255;

export type Dropdown =
  /** Fixed values. `inline` says whether they fit into `"a,b,c"` (else the adapter writes them to a range). */
  | { kind: 'values'; values: string[]; inline: boolean }
  /**
   * A range on another sheet, e.g. `'Jabatan'!$A$2:$A$2000`, or an INDIRECT over a table column
   * (`INDIRECT("Jabatan[ID Jabatan]")`), which grows with the table.
   */
  | { kind: 'range'; sheet: string; range: string };

/** How far down range-based lists reach in a file written once (the CLI template adds room below). */
export const DEFAULT_LIST_ROWS = 2000;

/**
 * Excel's last row: the Office template formats whole columns below the header, so marks and
 * dropdowns never stop at a fixed row however far the tables grow (issue 11 #4).
 */
export const EXCEL_LAST_ROW = 1_048_576;

/** The hidden sheet holding lists that do not fit inline, and the key lists the formats count in. */
export const LIST_SHEET = 'Daftar Pilihan';

/**
 * A structured reference to a table column, as text for INDIRECT: `Jabatan[ID Jabatan]`. Column
 * names escape `[`, `]`, `#` and `'` with an apostrophe. Excel rejects structured references in
 * conditional formats and validation lists, but INDIRECT evaluates the text when the formula
 * runs, so the reference follows the table as it grows or moves (community-documented
 * "INDIRECT trick", e.g. https://wmfexcel.com/2019/01/26/hard-coded-range-expands-automatically-with-excel-table/;
 * LibreOffice Calc evaluates it too: test/xlsx/conditional-in-calc.test.ts).
 */
export function structuredRef(table: string, column: string): string {
  return `${table}[${column.replace(/['#[\]]/g, "'$&")}]`;
}

/**
 * The columns of the hidden list sheet, planned in core so both template writers (ExcelJS and
 * Office.js) put the same lists at the same places. Identical lists share a column.
 */
export class ListSheetPlan {
  readonly columns: string[][] = [];
  private byContent = new Map<string, number>();

  /** `first`: the list sheet's first free column (0-based), when lists are added to a sheet that holds some. */
  constructor(readonly first = 0) {}

  /** Absolute range of a list on the list sheet, e.g. `'Daftar Pilihan'!$C$1:$C$5`. */
  range(values: readonly string[]): string {
    const key = values.join('\u0000');
    let i = this.byContent.get(key);
    if (i === undefined) {
      i = this.columns.length;
      this.columns.push([...values]);
      this.byContent.set(key, i);
    }
    return absoluteColumnRange(LIST_SHEET, columnLetter(this.first + i), 1, Math.max(1, values.length));
  }
}

export const POHON_VALUES = ['Pemda', 'OPD'] as const;
export const JENIS_NOMENKLATUR_VALUES = ['Program', 'Kegiatan', 'Sub Kegiatan'] as const;

export function valuesDropdown(values: readonly string[]): Dropdown {
  const list = [...values];
  return { kind: 'values', values: list, inline: fitsInline(list) };
}

export function fitsInline(values: readonly string[]): boolean {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return false;
  return values.join(',').length + 2 <= INLINE_LIST_LIMIT;
}

/** The list-validation formula for an inline list: `"Positif,Negatif,Rentang"`. */
export function inlineFormula(values: readonly string[]): string {
  return `"${values.join(',')}"`;
}

/** Quoted absolute column range of a table's column: `'Jabatan'!$A$2:$A$2000`. */
export function absoluteColumnRange(sheet: string, col: string, firstRow: number, lastRow: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${firstRow}:$${col}$${lastRow}`;
}

export interface ListContext {
  config: PokinConfig;
  /**
   * The Jabatan table's name and its `ID Jabatan` header: the Penanggung Jawab dropdown then
   * follows the table through INDIRECT (it grows with the table), instead of a fixed range.
   */
  jabatanTable?: { table: string; header: string };
  /** Column letters of `ID Jabatan` on the Jabatan sheet (default: as in the template). */
  jabatanIdCol?: string;
  /** Header row of the Jabatan table (default 1). */
  jabatanHeaderRow?: number;
  lastRow?: number;
}

/** Resolves one list source; undefined when the source has no fixed list (e.g. `infoKey` values). */
export function resolveList(source: ListSource, ctx: ListContext): Dropdown | undefined {
  switch (source) {
    case 'level':
      // Only the levels of this workbook's tree: an OPD never types `Sasaran Pemda`.
      return valuesDropdown(levelsOfTree(ctx.config).map((l) => l.name));
    case 'polaritas': return valuesDropdown(POLARITAS);
    case 'akumulasi': return valuesDropdown(AKUMULASI);
    case 'iku': return valuesDropdown(YA_TIDAK);
    case 'jenjang': return valuesDropdown(JENJANG);
    case 'statusCrosscutting': return valuesDropdown(STATUS_CROSSCUTTING);
    case 'infoKey': return valuesDropdown(INFO_KEYS.map((k) => k.key));
    case 'pohon': return valuesDropdown(POHON_VALUES);
    case 'jenisNomenklatur': return valuesDropdown(JENIS_NOMENKLATUR_VALUES);
    case 'periode': return valuesDropdown(PERIODE);
    case 'tingkatPembanding': return valuesDropdown(TINGKAT_PEMBANDING);
    case 'jabatan': {
      if (ctx.jabatanTable) {
        return { kind: 'range', sheet: 'Jabatan', range: `INDIRECT("${structuredRef(ctx.jabatanTable.table, ctx.jabatanTable.header).replace(/"/g, '""')}")` };
      }
      const header = ctx.jabatanHeaderRow ?? 1;
      const col = ctx.jabatanIdCol ?? jabatanIdColumnInTemplate();
      const sheet = canonicalTables([]).find((t) => t.key === 'jabatan')?.sheet ?? 'Jabatan';
      return { kind: 'range', sheet, range: absoluteColumnRange(sheet, col, header + 1, ctx.lastRow ?? DEFAULT_LIST_ROWS) };
    }
  }
}

function jabatanIdColumnInTemplate(): string {
  const spec = canonicalTables([]).find((t) => t.key === 'jabatan');
  const i = spec ? spec.columns.findIndex((c) => c.key === 'id') : 0;
  return columnLetter(Math.max(0, i));
}

/** The dropdown of an `Info` row's `Nilai` cell, by its `Kunci` (e.g. Jenis Pemda). */
export function infoValueList(key: string): Dropdown | undefined {
  const k = INFO_KEYS.find((x) => x.key === key);
  return k?.list ? valuesDropdown(k.list) : undefined;
}

export interface ColumnDropdown {
  column: ColumnSpec;
  /** 0-based index of the column in the table spec. */
  index: number;
  dropdown: Dropdown;
}

/** Every column of a table that gets a dropdown. */
export function tableDropdowns(spec: TableSpec, ctx: ListContext): ColumnDropdown[] {
  const out: ColumnDropdown[] = [];
  spec.columns.forEach((column, index) => {
    if (!column.list) return;
    const dropdown = resolveList(column.list, ctx);
    if (dropdown) out.push({ column, index, dropdown });
  });
  return out;
}
