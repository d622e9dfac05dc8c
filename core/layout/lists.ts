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
  /** A plain absolute range on another sheet, e.g. `'Jabatan'!$A$2:$A$2000` (no structured references). */
  | { kind: 'range'; sheet: string; range: string };

/** How far down range-based lists reach; matches the template's formatted rows. */
export const DEFAULT_LIST_ROWS = 2000;

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
