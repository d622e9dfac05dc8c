/**
 * The preview port: ExcelJS in the browser over an .xlsx the planner opens (no Office host).
 * Loaded lazily (ExcelJS is ~1 MB); the pane's first paint never waits for it. Edits come
 * from the pane's small cell editor; every edit fires a `local` change hint like Excel would.
 */
import type ExcelJS from 'exceljs';
import type { PokinConfig } from '../../core/config.js';
import { headerKey } from '../../core/layout/tables.js';
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot.js';
import { plainValue } from '../../xlsx/cells.js';
import { XlsxError } from '../../xlsx/errors.js';
import { loadWorkbookWith } from '../../xlsx/load.js';
import { renderSheet as renderDerived } from '../../xlsx/render.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import {
  PortError, type ChangeHint, type DataTable, type PortCapabilities, type RawSheetValues, type SheetSpec, type StatusRows,
  type TreeIdentity, type WorkbookPort,
} from '../port.js';
import { locateTables, workbookSnapshot } from './snapshot.js';

type ExcelJSModule = typeof ExcelJS;
const IDENTITY_SHEET = 'PokinMeta';

/** ExcelJS: the browser bundle in the pane (vite alias), the Node build in tests. */
export async function loadExcelJS(): Promise<ExcelJSModule> {
  const m = (await import('exceljs')) as unknown as { default?: ExcelJSModule } & ExcelJSModule;
  return (m.default ?? m) as ExcelJSModule;
}

export class PreviewPort implements WorkbookPort {
  readonly kind = 'preview' as const;
  readonly capabilities: PortCapabilities = { triggerSource: true, mergeUndo: false, cellEditor: true, download: true };
  private listeners = new Set<(h: ChangeHint) => void>();
  /** Reads served (the bench and tests count them). */
  readonly stats = { reads: 0, writes: 0 };

  constructor(private readonly excel: ExcelJSModule, private wb: ExcelJS.Workbook, readonly fileName: string) {}

  static async open(bytes: ArrayBuffer | Uint8Array, fileName: string, excel?: ExcelJSModule): Promise<PreviewPort> {
    const X = excel ?? (await loadExcelJS());
    // The same package guard and merge loading as the CLI (xlsx/load.ts): hostile files are
    // refused before ExcelJS sees them, with the CLI's message.
    let wb: ExcelJS.Workbook;
    try {
      wb = await loadWorkbookWith(X, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), fileName);
    } catch (e) {
      if (e instanceof XlsxError) throw new PortError('failed', e.bilingual.id, e.bilingual.en, { cause: e });
      throw new PortError('failed', 'Berkas bukan .xlsx yang dapat dibaca.', 'The file is not a readable .xlsx.', { cause: e });
    }
    return new PreviewPort(X, wb, fileName);
  }

  /** An empty workbook (one blank sheet): the preview before a file is opened. */
  static async blank(fileName: string, excel?: ExcelJSModule): Promise<PreviewPort> {
    const X = excel ?? (await loadExcelJS());
    const wb = new X.Workbook();
    wb.addWorksheet('Lembar1');
    return new PreviewPort(X, wb, fileName);
  }

  /** A new canonical workbook (template) in memory. */
  static async template(snapshot: WorkbookSnapshot, config: PokinConfig, fileName: string, excel?: ExcelJSModule): Promise<PreviewPort> {
    const X = excel ?? (await loadExcelJS());
    // Round-trip through bytes so the in-memory model looks like a loaded file (table refs).
    const built = buildCanonicalWorkbook(snapshot, config);
    const bytes = await built.xlsx.writeBuffer();
    return PreviewPort.open(bytes as ArrayBuffer, fileName, X);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.stats.reads++;
    return workbookSnapshot(this.wb);
  }

  async listSheets(): Promise<{ sheets: string[]; tables: string[] }> {
    return { sheets: this.wb.worksheets.map((w) => w.name), tables: locateTables(this.wb).map((t) => t.spec.table) };
  }

  async writeStatus(status: StatusRows): Promise<void> {
    this.stats.writes++;
    for (const t of locateTables(this.wb)) {
      const rows = t.spec.key === 'pohon' ? status.pohon : t.spec.key === 'indikator' ? status.indikator : null;
      if (!rows) continue;
      const at = t.snapshot.header.findIndex((h) => headerKey(h) === 'status');
      if (at < 0) continue;
      rows.forEach((text, i) => { t.ws.getCell(t.top + 1 + i, t.left + at).value = text === '' ? null : text; });
    }
    this.emit({ source: 'own' });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (!this.wb.getWorksheet(sheet)) throw new PortError('not-found', `Lembar "${sheet}" tidak ada.`, `Sheet "${sheet}" does not exist.`);
    this.selected = { sheet, cell };
    for (const fn of this.selectListeners) fn(this.selected);
  }

  selected: { sheet: string; cell: string } | null = null;
  private selectListeners = new Set<(s: { sheet: string; cell: string }) => void>();
  onSelect(fn: (s: { sheet: string; cell: string }) => void): () => void {
    this.selectListeners.add(fn);
    return () => this.selectListeners.delete(fn);
  }

  async renderSheet(spec: SheetSpec): Promise<void> {
    this.stats.writes++;
    const old = this.wb.getWorksheet(spec.name);
    if (old) this.wb.removeWorksheet(old.id);
    renderDerived(this.wb, spec);
    this.emit({ source: 'own', where: spec.name });
  }

  async renderTable(t: DataTable, onRows?: (written: number) => void): Promise<void> {
    this.stats.writes++;
    const old = this.wb.getWorksheet(t.sheet);
    if (old) this.wb.removeWorksheet(old.id);
    const ws = this.wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    t.header.forEach((_, i) => {
      const col = ws.getColumn(i + 1);
      col.width = t.widths?.[i] ?? 14;
      if (t.textColumns.includes(i)) col.numFmt = '@';
    });
    // ExcelJS writes strings as strings (a formula is an object), so no prefix is needed here.
    const rows = t.rows.map((r) => t.header.map((_, i) => r[i] ?? null));
    ws.addTable({
      name: t.table, ref: 'A1', headerRow: true, style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: t.header.map((name) => ({ name, filterButton: true })),
      rows: rows.length ? rows : [t.header.map(() => null)],
    });
    ws.getRow(1).font = { bold: true };
    onRows?.(t.rows.length);
    this.emit({ source: 'own', where: t.sheet });
  }

  async createTables(snapshot: WorkbookSnapshot, config: PokinConfig): Promise<void> {
    const built = buildCanonicalWorkbook(snapshot, config);
    const bytes = await built.xlsx.writeBuffer();
    const next = new this.excel.Workbook();
    await next.xlsx.load(bytes as ArrayBuffer);
    // Keep the planner's other sheets (the adopted source stays for reference).
    for (const ws of this.wb.worksheets) {
      if (next.getWorksheet(ws.name)) continue;
      const copy = next.addWorksheet(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => { copy.getCell(r, c).value = cell.value; }));
    }
    this.wb = next;
    this.emit({ source: 'local' });
  }

  async readRawSheet(name: string): Promise<RawSheetValues> {
    const ws = this.wb.getWorksheet(name);
    if (!ws) throw new PortError('not-found', `Lembar "${name}" tidak ada.`, `Sheet "${name}" does not exist.`);
    const values: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => { out[c - 1] = plainValue(cell.value); });
      values[r - 1] = Array.from(out, (v) => v ?? null);
    });
    const merges = Object.values((ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges ?? {})
      .map((m) => m.shortRange ?? m.range ?? '').filter(Boolean);
    return { name, values: Array.from(values, (r) => r ?? []), merges };
  }

  async getIdentity(): Promise<TreeIdentity | null> {
    const ws = this.wb.getWorksheet(IDENTITY_SHEET);
    const raw = ws ? plainValue(ws.getCell('A1').value) : null;
    if (typeof raw !== 'string') return null;
    try { return JSON.parse(raw) as TreeIdentity; } catch { return null; }
  }

  async setIdentity(id: TreeIdentity): Promise<void> {
    const ws = this.wb.getWorksheet(IDENTITY_SHEET) ?? this.wb.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
    ws.getCell('A1').value = JSON.stringify(id);
  }

  onChange(listener: (hint: ChangeHint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async setCell(sheet: string, cell: string, value: CellValue): Promise<void> {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new PortError('not-found', `Lembar "${sheet}" tidak ada.`, `Sheet "${sheet}" does not exist.`);
    ws.getCell(cell).value = value === '' ? null : value;
    this.emit({ source: 'local', where: sheet });
  }

  async getCell(sheet: string, cell: string): Promise<CellValue> {
    const ws = this.wb.getWorksheet(sheet);
    return ws ? plainValue(ws.getCell(cell).value) : null;
  }

  async download(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }

  private emit(h: ChangeHint): void {
    for (const fn of this.listeners) fn(h);
  }
}
