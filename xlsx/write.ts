/**
 * The ExcelJS workbook adapter, writing side: a `WorkbookSnapshot` → a canonical workbook
 * with real Excel tables, text formats for IDs and codes, dropdowns (`core/layout/lists`)
 * and the live-check conditional formats (`core/layout/conditional`).
 *
 * Formula injection: every value is written as a plain value. ExcelJS stores a JS string as
 * a string cell, never as a formula (only `{ formula }` objects are formulas), so text from
 * another OPD that starts with `=`, `+`, `-` or `@` stays text. `neutralise` keeps it that way
 * even if a snapshot smuggles in an object value.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { columnLetter } from '../core/a1.js';
import type { PokinConfig } from '../core/config.js';
import { conditionalFormats, type Placements } from '../core/layout/conditional.js';
import {
  DEFAULT_LIST_ROWS, infoValueList, inlineFormula, LIST_SHEET, ListSheetPlan, resolveList, type Dropdown, type ListContext,
} from '../core/layout/lists.js';
import { workbookTables } from '../core/layout/pengukuran.js';
import type { TableSpec } from '../core/layout/tables.js';
import type { TableKey } from '../core/model.js';
import { findTable } from '../core/read/index.js';
import { mapTable, type MappedTable } from '../core/read/table.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../core/snapshot.js';
import { plainValue } from './cells.js';
import { locateTables } from './extract.js';

/** The tables every canonical workbook carries, even empty (the optional ones only when given). */
const ALWAYS: TableKey[] = ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'];

const FILL = { E: 'FFFFC7CE', W: 'FFFFEB9C' } as const;
const FONT = { E: 'FF9C0006', W: 'FF9C5700' } as const;

export interface WriteOptions {
  /** Rows (below the header) that get dropdowns and conditional formats; default 2000. */
  formattedRows?: number;
}

/**
 * Text stays text, numbers and booleans stay themselves; a formula object keeps only its
 * result, rich text and hyperlinks their text. Nothing written is ever a formula.
 */
export function neutralise(v: unknown): string | number | boolean | null {
  return plainValue(v);
}

/** A canonical table on a sheet, ready for its dropdowns and conditional formats. */
export interface Written {
  spec: TableSpec;
  ws: ExcelJS.Worksheet;
  mapped: MappedTable;
  lastRow: number;
  /** The Excel table object holding it (lookups then follow the table as it grows), if any. */
  table?: string;
}

export function buildCanonicalWorkbook(snapshot: WorkbookSnapshot, config: PokinConfig, opts: WriteOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pokin';
  const written: Partial<Record<TableKey, Written>> = {};
  // Tree tables, then Rencana Aksi / Realisasi / Pembanding when the snapshot holds them.
  for (const spec of workbookTables(config.years)) {
    const snap = findTable(snapshot, spec);
    if (!snap && !ALWAYS.includes(spec.key)) continue;
    written[spec.key] = writeTable(wb, spec, snap, opts);
  }
  decorateTables(wb, config, written);
  return wb;
}

/**
 * The dropdowns and live-check conditional formats of the canonical tables, wherever they
 * sit: the template and `pokin import` call it on the tables they write, the preview pane's
 * download on the tables it finds (one code path, so a download keeps what the template set).
 */
export function decorateTables(wb: ExcelJS.Workbook, config: PokinConfig, written: Partial<Record<TableKey, Written>>): void {
  const jab = written.jabatan;
  const jabHeader = jab && jab.mapped.index.id !== undefined ? String(jab.mapped.snapshot.header[jab.mapped.index.id]) : undefined;
  const listCtx: ListContext = {
    config,
    ...(jab?.mapped.loc.cols.id ? { jabatanIdCol: jab.mapped.loc.cols.id, jabatanHeaderRow: jab.mapped.loc.headerRow, lastRow: jab.lastRow } : {}),
    ...(jab?.table && jabHeader ? { jabatanTable: { table: jab.table, header: jabHeader } } : {}),
  };
  // A decorated copy must not carry an earlier list sheet.
  const old = wb.getWorksheet(LIST_SHEET);
  if (old) wb.removeWorksheet(old.id);
  // One plan of the hidden list sheet for dropdown lists and the formats' key lists.
  const plan = new ListSheetPlan();
  const lists = new ListWriter(plan);
  for (const w of Object.values(written)) if (w) addDropdowns(w, listCtx, lists);
  addConditionalFormats(wb, config, written, plan);
  writeListSheet(wb, plan);
}

export async function canonicalWorkbookBuffer(snapshot: WorkbookSnapshot, config: PokinConfig, opts: WriteOptions = {}): Promise<Buffer> {
  const wb = buildCanonicalWorkbook(snapshot, config, opts);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeCanonicalWorkbook(target: string, snapshot: WorkbookSnapshot, config: PokinConfig, opts: WriteOptions = {}): Promise<void> {
  await writeFile(target, await canonicalWorkbookBuffer(snapshot, config, opts));
}

/** Where the tables already in a workbook sit, for the lookups of tables added to it. */
export interface PlacedTables {
  placements: Placements;
  specs: TableSpec[];
}

/**
 * Adds tables to a workbook that already holds others (`pokin template --tambah pengukuran`):
 * each on a new sheet at A1 with its dropdowns and its conditional formats, whose lookups
 * reach the tables in `others` (Jabatan, Pohon Kinerja, Indikator). Existing sheets are untouched.
 */
export function addTables(wb: ExcelJS.Workbook, snapshot: WorkbookSnapshot, specs: TableSpec[], config: PokinConfig, others: PlacedTables, opts: WriteOptions = {}): void {
  const written: Partial<Record<TableKey, Written>> = {};
  for (const spec of specs) written[spec.key] = writeTable(wb, spec, findTable(snapshot, spec), opts);
  const jab = others.placements.jabatan;
  const listCtx: ListContext = {
    config,
    ...(jab?.cols.id ? { jabatanIdCol: jab.cols.id, jabatanHeaderRow: jab.headerRow, lastRow: jab.lastRow } : {}),
  };
  // New lists go after the ones the hidden list sheet already holds (the tree's dropdowns).
  const listSheet = wb.getWorksheet(LIST_SHEET);
  const plan = new ListSheetPlan(listSheet?.actualColumnCount ?? 0);
  const lists = new ListWriter(plan);
  for (const w of Object.values(written)) if (w) addDropdowns(w, listCtx, lists);
  addConditionalFormats(wb, config, written, plan, others);
  writeListSheet(wb, plan);
}

/** The plan's lists on the hidden list sheet (created when the workbook has none). */
function writeListSheet(wb: ExcelJS.Workbook, plan: ListSheetPlan): void {
  if (!plan.columns.length) return;
  const ws = wb.getWorksheet(LIST_SHEET) ?? wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
  plan.columns.forEach((values, c) => values.forEach((v, r) => { ws.getCell(`${columnLetter(plan.first + c)}${r + 1}`).value = v; }));
}

function writeTable(wb: ExcelJS.Workbook, spec: TableSpec, snap: TableSnapshot | undefined, opts: WriteOptions): Written {
  const header = uniqueHeaders((snap?.header ?? spec.columns.map((c) => c.header)).map((h) => String(neutralise(h) ?? '')));
  const rows = (snap?.rows ?? []).map((r) => header.map((_, i) => neutralise(r[i])));
  // The canonical layout puts every table at A1 under its own sheet, whatever the source.
  const placed: TableSnapshot = { sheet: spec.sheet, name: spec.table, address: 'A1', header, rows: rows as CellValue[][] };
  const mapped = mapTable(placed, spec, []);
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  header.forEach((_, i) => {
    const col = ws.getColumn(i + 1);
    const key = Object.keys(mapped.index).find((k) => mapped.index[k] === i);
    const cs = key ? spec.columns.find((c) => c.key === key) : undefined;
    col.width = cs?.width ?? Math.max(10, Math.min(40, header[i].length + 2));
    // Set before the rows exist: ExcelJS gives new cells their column's style, and Excel
    // applies it to rows typed later, so IDs, codes and NIP stay text (SAKIP.md §4.1).
    if (cs?.numFmt) col.numFmt = cs.numFmt;
    // Columns Pokin writes (Status, the Satuan/Akumulasi/Target shown in Rencana Aksi) look read-only.
    if (cs?.output) col.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  });
  // Excel never keeps a table without a data row; an empty table gets one empty row.
  const body = rows.length ? rows : [header.map(() => null)];
  ws.addTable({
    name: spec.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: header.map((name) => ({ name, filterButton: true })),
    rows: body,
  });
  ws.getRow(1).font = { bold: true };
  return { spec, ws, mapped, lastRow: Math.max(opts.formattedRows ?? DEFAULT_LIST_ROWS, body.length + 1000) + 1, table: spec.table };
}

/**
 * The dropdowns and conditional formats of the canonical tables found in any workbook (by
 * table name or header row, as the reader finds them): the preview pane's "Unduh .xlsx" keeps
 * them although the pane loads workbooks without them (ExcelJS expands every validated cell,
 * a million objects for a whole column: xlsx/open.ts).
 */
export function decorateWorkbook(wb: ExcelJS.Workbook, config: PokinConfig): void {
  const written: Partial<Record<TableKey, Written>> = {};
  for (const t of locateTables(wb)) {
    const mapped = mapTable(t.snapshot, t.spec, []);
    written[t.spec.key] = {
      spec: t.spec, ws: t.ws, mapped, lastRow: mapped.loc.headerRow + Math.max(DEFAULT_LIST_ROWS, t.snapshot.rows.length + 1000),
      ...(t.tableName ? { table: t.tableName } : {}),
    };
  }
  decorateTables(wb, config, written);
}

/** Excel needs unique, non-empty table column names: a second `Kode` becomes `Kode2`. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let name = h.trim() === '' ? `Kolom${i + 1}` : h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Long lists go to the hidden list sheet (core's plan, written once at the end). */
class ListWriter {
  constructor(private readonly plan: ListSheetPlan) {}

  formula(d: Dropdown): string {
    if (d.kind === 'range') return d.range;
    if (d.inline) return inlineFormula(d.values);
    return this.plan.range(d.values);
  }
}

export function validation(formula: string): ExcelJS.DataValidation {
  // `warning`, not `stop`: a planner may keep a variant ("sasaran program") that core
  // normalises with an F02; the dropdown guides, core judges.
  return {
    type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning',
    errorTitle: 'Pokin', error: 'Nilai tidak ada di daftar / value not in the list',
  };
}

/** ExcelJS 4.4 has `worksheet.dataValidations` at run time but not in its type definitions. */
export function dataValidations(ws: ExcelJS.Worksheet): { add(address: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

function addDropdowns(w: Written, ctx: ListContext, lists: ListWriter): void {
  const { spec, ws, mapped, lastRow } = w;
  const first = mapped.loc.headerRow + 1;
  for (const c of spec.columns) {
    const letter = mapped.loc.cols[c.key];
    if (!c.list || !letter) continue;
    const d = resolveList(c.list, ctx);
    if (d) dataValidations(ws).add(`${letter}${first}:${letter}${lastRow}`, validation(lists.formula(d)));
  }
  // Info: the Nilai cell of an enumerated key (Jenis Pemda, Jenis Periode) gets its list.
  if (spec.key === 'info' && mapped.loc.cols.nilai) {
    const ki = mapped.index.kunci;
    mapped.snapshot.rows.forEach((row, r) => {
      const d = ki === undefined ? undefined : infoValueList(String(row[ki] ?? ''));
      if (d) dataValidations(ws).add(`${mapped.loc.cols.nilai}${r + first}`, validation(lists.formula(d)));
    });
  }
}

function addConditionalFormats(
  wb: ExcelJS.Workbook, config: PokinConfig, written: Partial<Record<TableKey, Written>>, plan: ListSheetPlan,
  others: { placements: Placements; specs: TableSpec[] } = { placements: {}, specs: [] },
): void {
  // A decorated copy must not carry the formats twice.
  for (const w of Object.values(written)) w?.ws.removeConditionalFormatting(undefined);
  const placements: Placements = { ...others.placements };
  const specs: TableSpec[] = [...others.specs];
  for (const [key, w] of Object.entries(written) as [TableKey, Written][]) {
    const headers: Record<string, string> = {};
    for (const [k, i] of Object.entries(w.mapped.index)) headers[k] = String(w.mapped.snapshot.header[i] ?? '');
    placements[key] = {
      sheet: w.ws.name, headerRow: w.mapped.loc.headerRow, cols: w.mapped.loc.cols, lastRow: w.lastRow,
      ...(w.table ? { table: w.table, headers } : {}),
    };
    specs.push(w.spec);
  }
  // Only the written sheets get formats: tables already in the workbook keep theirs.
  const sheets = new Set(Object.values(written).map((w) => w?.spec.sheet));
  // Errors first: Excel applies the highest-priority format when several match a cell.
  const formats = conditionalFormats(config, placements, specs, plan)
    .filter((f) => sheets.has(f.sheet))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'E' ? -1 : 1));
  let priority = 1;
  for (const f of formats) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    ws.addConditionalFormatting({
      ref: f.range,
      rules: [{
        type: 'expression', priority: priority++, formulae: [f.formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL[f.severity] } },
          font: { color: { argb: FONT[f.severity] } },
        },
      }],
    });
  }
}
