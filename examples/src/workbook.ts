/**
 * Builds canonical workbook snapshots for the examples from rows keyed by the model's field
 * keys (`id`, `induk`, `pagu:2026`, `target:2027`, …). Headers, column order and sheet/table
 * names come from `core/layout/tables.ts`, never from this file, so the examples follow the
 * contract (SAKIP.md §4) wherever it moves.
 */
import { a1 } from '../../core/a1.js';
import { pengukuranTables } from '../../core/layout/pengukuran.js';
import { canonicalTables, INFO_KEYS, type TableSpec } from '../../core/layout/tables.js';
import type { TableKey } from '../../core/model.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';

/** A row keyed by `ColumnSpec.key`. Keys not in the layout are rejected when building. */
export type FieldRow = Record<string, CellValue>;

export type InputTable = 'jabatan' | 'pohon' | 'indikator' | 'crosscutting';
/** Rencana Aksi, Realisasi, Pembanding (SAKIP.md §12). */
export type PengukuranTable = 'rencanaAksi' | 'realisasi' | 'pembanding';

/** A formula in a data cell (an example of realisasi copied from the plan, U07). */
export interface ExampleFormula {
  table: PengukuranTable;
  /** 0-based data row. */
  row: number;
  field: string;
  /** Formula text without `=`, e.g. `'Rencana Aksi'!K7`. */
  formula: string;
}

export interface ExampleWorkbook {
  /** Info rows in order (Kunci → Nilai). */
  info: [string, CellValue][];
  jabatan: FieldRow[];
  pohon: FieldRow[];
  indikator: FieldRow[];
  crosscutting: FieldRow[];
  /** Optional pengukuran tables; a table is written only when given. */
  rencanaAksi?: FieldRow[];
  realisasi?: FieldRow[];
  pembanding?: FieldRow[];
  formulas?: ExampleFormula[];
}

export function periodYears(wb: ExampleWorkbook): number[] {
  const get = (k: string) => Number(wb.info.find(([key]) => key === k)?.[1]);
  const out: number[] = [];
  for (let y = get('Tahun Awal'); y <= get('Tahun Akhir'); y++) out.push(y);
  return out;
}

export function specsFor(wb: ExampleWorkbook): TableSpec[] {
  return canonicalTables(periodYears(wb));
}

export function specOf(wb: ExampleWorkbook, key: TableKey): TableSpec {
  const s = [...specsFor(wb), ...pengukuranTables()].find((t) => t.key === key);
  if (!s) throw new Error(`no table spec ${key}`);
  return s;
}

function tableSnapshot(spec: TableSpec, rows: FieldRow[]): TableSnapshot {
  const keys = spec.columns.map((c) => c.key);
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!keys.includes(k)) throw new Error(`${spec.table}: unknown field "${k}"`);
    }
  }
  return {
    sheet: spec.sheet,
    name: spec.table,
    address: 'A1',
    header: spec.columns.map((c) => c.header),
    rows: rows.map((r) => keys.map((k) => (k in r ? r[k] : null))),
  };
}

/** The canonical snapshot: Info, Jabatan, Pohon Kinerja, Indikator, Crosscutting (tables at A1). */
export function toSnapshot(wb: ExampleWorkbook): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const spec of specsFor(wb)) {
    if (spec.key === 'info') {
      const known = new Set(INFO_KEYS.map((k) => k.key));
      for (const [k] of wb.info) if (!known.has(k)) throw new Error(`Info: unknown key "${k}"`);
      tables.push(tableSnapshot(spec, wb.info.map(([k, v]) => ({ kunci: k, nilai: v }))));
    } else if (spec.key === 'jabatan' || spec.key === 'pohon' || spec.key === 'indikator' || spec.key === 'crosscutting') {
      tables.push(tableSnapshot(spec, wb[spec.key]));
    }
  }
  for (const spec of pengukuranTables()) {
    const rows = wb[spec.key as PengukuranTable];
    if (!rows) continue;
    const t = tableSnapshot(spec, rows);
    const fs = (wb.formulas ?? []).filter((f) => f.table === spec.key);
    if (fs.length) {
      t.formulas = t.rows.map(() => new Array<string | null>(spec.columns.length).fill(null));
      for (const f of fs) t.formulas[f.row][spec.columns.findIndex((c) => c.key === f.field)] = f.formula;
    }
    tables.push(t);
  }
  return { tables };
}

/** Sheet row of a data row (tables start at A1, so data row i is on sheet row i + 2). */
export function sheetRowOf(index0: number): number {
  return index0 + 2;
}

/** A1 address of field `key` in data row `index0` of a table. */
export function cellAddress(wb: ExampleWorkbook, table: InputTable | PengukuranTable, key: string, index0: number): string {
  const spec = specOf(wb, table);
  const col = spec.columns.findIndex((c) => c.key === key);
  if (col < 0) throw new Error(`${spec.table}: no column ${key}`);
  return a1(col, sheetRowOf(index0));
}

export function sheetOf(wb: ExampleWorkbook, table: InputTable | PengukuranTable): string {
  return specOf(wb, table).sheet;
}

/** Deep copy (rows hold only primitives). */
export function cloneWorkbook(wb: ExampleWorkbook): ExampleWorkbook {
  return {
    info: wb.info.map(([k, v]) => [k, v]),
    jabatan: wb.jabatan.map((r) => ({ ...r })),
    pohon: wb.pohon.map((r) => ({ ...r })),
    indikator: wb.indikator.map((r) => ({ ...r })),
    crosscutting: wb.crosscutting.map((r) => ({ ...r })),
    ...(wb.rencanaAksi ? { rencanaAksi: wb.rencanaAksi.map((r) => ({ ...r })) } : {}),
    ...(wb.realisasi ? { realisasi: wb.realisasi.map((r) => ({ ...r })) } : {}),
    ...(wb.pembanding ? { pembanding: wb.pembanding.map((r) => ({ ...r })) } : {}),
    ...(wb.formulas ? { formulas: wb.formulas.map((f) => ({ ...f })) } : {}),
  };
}
