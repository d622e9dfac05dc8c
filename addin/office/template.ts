/// <reference types="office-js" />
/**
 * Creates the canonical sheets and tables in Excel from a snapshot (the template on first
 * run, or an adopted sheet): text formats for IDs and codes, dropdowns (`core/layout/lists`)
 * and the formula-based conditional formats (`core/layout/conditional`) that give instant
 * marks while the planner types, at no add-in cost.
 */
import { columnLetter } from '../../core/a1.js';
import type { PokinConfig } from '../../core/config.js';
import { conditionalFormats, type Placements } from '../../core/layout/conditional.js';
import { DEFAULT_LIST_ROWS, infoValueList, inlineFormula, resolveList, type Dropdown, type ListContext } from '../../core/layout/lists.js';
import { canonicalTables, type TableSpec } from '../../core/layout/tables.js';
import type { TableKey } from '../../core/model.js';
import { findTable } from '../../core/read/index.js';
import { mapTable, type MappedTable } from '../../core/read/table.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { textSafe } from './writes.js';
import type { PortContext } from './sync.js';

const ALWAYS: TableKey[] = ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'];
const LIST_SHEET = 'Daftar Pilihan';
const FILL = { E: '#FFC7CE', W: '#FFEB9C' } as const;
const FONT = { E: '#9C0006', W: '#9C5700' } as const;

interface Placed {
  spec: TableSpec;
  ws: Excel.Worksheet;
  mapped: MappedTable;
  rows: number;
}

function asText(v: CellValue): string | number | boolean {
  // A value that starts like a formula stays text (formula injection from foreign sheets).
  return v === null ? '' : textSafe(v);
}

/** Everything for one table: sheet, text formats, values, the Excel table object. */
/** `base`, else `base2`, `base3`… (or the `numbered` form) that is not taken yet. */
function freeName(base: string, taken: Set<string>, numbered: (base: string, n: number) => string = (b, n) => `${b}${n}`): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = numbered(base, n);
    if (!taken.has(name)) return name;
  }
}

function placeTable(context: PortContext, spec: TableSpec, snap: TableSnapshot | undefined, existing: Set<string>): Placed {
  const header = (snap?.header ?? spec.columns.map((c) => c.header)).map((h, i) => String(h ?? '').trim() || `Kolom${i + 1}`);
  const rows = (snap?.rows ?? []).map((r) => header.map((_, i) => r[i] ?? null));
  const placed: TableSnapshot = { sheet: spec.sheet, name: spec.table, address: 'A1', header, rows };
  const mapped = mapTable(placed, spec, []);
  if (existing.has(spec.sheet)) {
    // A sheet of that name stays, renamed: adoption never destroys the source, and a pull
    // keeps the workbook's previous version next to the pulled one.
    const free = freeName(`${spec.sheet.slice(0, 22)} (asal)`, existing, (base, n) => `${base.slice(0, -1)} ${n})`);
    existing.add(free);
    context.workbook.worksheets.getItem(spec.sheet).name = free;
  }
  const ws = context.workbook.worksheets.add(spec.sheet);
  for (const c of spec.columns) {
    const letter = mapped.loc.cols[c.key];
    // Before the values: IDs, codes and NIP stay text (SAKIP.md §4.1).
    if (letter && c.numFmt) ws.getRange(`${letter}:${letter}`).numberFormat = c.numFmt as unknown as string[][];
  }
  const body = rows.length ? rows : [header.map(() => null)];
  const last = columnLetter(header.length - 1);
  ws.getRange(`A1:${last}${body.length + 1}`).values = [header.map(asText), ...body.map((r) => r.map(asText))];
  const table = ws.tables.add(`A1:${last}${body.length + 1}`, true);
  table.name = spec.table;
  table.style = 'TableStyleLight9';
  ws.freezePanes.freezeRows(1);
  spec.columns.forEach((c) => {
    const letter = mapped.loc.cols[c.key];
    if (letter) ws.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(c.width * 7);
  });
  return { spec, ws, mapped, rows: body.length };
}

class ListSheet {
  private ws?: Excel.Worksheet;
  private next = 0;
  private known = new Map<string, string>();
  constructor(private readonly context: PortContext) {}
  source(d: Dropdown): string {
    if (d.kind === 'range') return `=${d.range}`;
    if (d.inline) return inlineFormula(d.values).slice(1, -1);
    const key = d.values.join('\u0000');
    const hit = this.known.get(key);
    if (hit) return hit;
    if (!this.ws) {
      this.ws = this.context.workbook.worksheets.add(LIST_SHEET);
      this.ws.visibility = 'Hidden';
    }
    const col = columnLetter(this.next++);
    this.ws.getRange(`${col}1:${col}${d.values.length}`).values = d.values.map((v) => [textSafe(v)]);
    const ref = `='${LIST_SHEET}'!$${col}$1:$${col}$${d.values.length}`;
    this.known.set(key, ref);
    return ref;
  }
}

export async function createCanonicalTables(
  context: PortContext, snapshot: WorkbookSnapshot, config: PokinConfig,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const existingTables = new Set(tables.items.map((t) => t.name));
  // Table names are unique per workbook: an older canonical table (adopted source, or the
  // version a pull replaces) keeps its data under a free name.
  for (const spec of canonicalTables(config.years)) {
    if (!existingTables.has(spec.table)) continue;
    const free = freeName(`${spec.table}_asal`, existingTables);
    existingTables.add(free);
    context.workbook.tables.getItem(spec.table).name = free;
  }
  const placed: Partial<Record<TableKey, Placed>> = {};
  for (const spec of canonicalTables(config.years)) {
    const snap = findTable(snapshot, spec);
    if (!snap && !ALWAYS.includes(spec.key)) continue;
    placed[spec.key] = placeTable(context, spec, snap, existing);
  }
  const lastRow = DEFAULT_LIST_ROWS;
  const jab = placed.jabatan;
  const listCtx: ListContext = { config, ...(jab?.mapped.loc.cols.id ? { jabatanIdCol: jab.mapped.loc.cols.id, lastRow } : {}) };
  const lists = new ListSheet(context);
  for (const p of Object.values(placed)) {
    if (!p) continue;
    for (const c of p.spec.columns) {
      const letter = p.mapped.loc.cols[c.key];
      const d = c.list && letter ? resolveList(c.list, listCtx) : undefined;
      if (!d || !letter) continue;
      p.ws.getRange(`${letter}2:${letter}${lastRow}`).dataValidation.rule = { list: { inCellDropDown: true, source: lists.source(d) } };
    }
    if (p.spec.key === 'info' && p.mapped.loc.cols.nilai && p.mapped.index.kunci !== undefined) {
      p.mapped.snapshot.rows.forEach((row, r) => {
        const d = infoValueList(String(row[p.mapped.index.kunci] ?? ''));
        if (d) p.ws.getRange(`${p.mapped.loc.cols.nilai}${r + 2}`).dataValidation.rule = { list: { inCellDropDown: true, source: lists.source(d) } };
      });
    }
  }
  const placements: Placements = {};
  const specs: TableSpec[] = [];
  for (const [key, p] of Object.entries(placed) as [TableKey, Placed][]) {
    placements[key] = { sheet: p.spec.sheet, headerRow: 1, cols: p.mapped.loc.cols, lastRow };
    specs.push(p.spec);
  }
  // Errors first: Excel applies the first matching format of a cell.
  const formats = conditionalFormats(config, placements, specs).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'E' ? -1 : 1));
  for (const f of formats) {
    const p = Object.values(placed).find((x) => x?.spec.sheet === f.sheet);
    if (!p) continue;
    const cf = p.ws.getRange(f.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${f.formula}`;
    cf.custom.format.fill.color = FILL[f.severity];
    cf.custom.format.font.color = FONT[f.severity];
  }
  placed.pohon?.ws.activate();
  await context.sync();
}
