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
import { readWorkbook } from '../../core/read/index.js';
import { rawSheet } from '../../xlsx/extract.js';
import { XlsxError } from '../../xlsx/errors.js';
import { loadWorkbookWith } from '../../xlsx/load.js';
import { renderSheet as renderDerived } from '../../xlsx/render.js';
import { buildCanonicalWorkbook, decorateWorkbook } from '../../xlsx/write.js';
import { addLkeSheet } from '../../xlsx/lke.js';
import { tambahPengukuranWorkbook } from '../../xlsx/tambah.js';
import { lkeTables } from '../../core/layout/lke.js';
import type { PohonKinerja } from '../../core/model.js';
import {
  PortError, type CellWrite, type ChangeHint, type DataTable, type LkeTableRequest, type PortCapabilities, type RawSheetValues, type SheetSpec,
  type StatusRows, type TambahOutcome, type TreeIdentity, type WorkbookPort,
} from '../port.js';
import { locateTables, workbookSnapshot } from './snapshot.js';

type ExcelJSModule = typeof ExcelJS;
const IDENTITY_SHEET = 'PokinMeta';

function locateLke(wb: ExcelJS.Workbook): boolean {
  return workbookSnapshot(wb, lkeTables()).tables.some((t) => t.name === 'LKE');
}
/** Parts of a sheet the preview does not load (ExcelJS expands every validated cell: xlsx/open.ts). */
const IGNORED = ['dataValidations', 'conditionalFormatting', 'extLst'];

/** `base`, else `base 2)`… for `Name (asal)` sheets, within Excel's 31 characters (as the Office port names them). */
export function keptSheetName(sheet: string, taken: (name: string) => boolean): string {
  const base = `${sheet.slice(0, 22)} (asal)`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base.slice(0, -1)} ${n})`;
    if (!taken(name)) return name;
  }
}

/** Copies a sheet's values, merges and column widths (no table objects: names stay free). */
function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): void {
  from.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => {
    // A merged area's covered cells carry the master's value in ExcelJS; only the master is copied.
    if (cell.type !== 1) to.getCell(r, c).value = cell.value;
  }));
  for (const m of rawSheet(from).merges) to.mergeCells(m);
  from.columns?.forEach((col, i) => { if (col.width) to.getColumn(i + 1).width = col.width; });
}

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
    // The tree, the pengukuran and the LKE tables, as the Office port reads them.
    return workbookSnapshot(this.wb, lkeTables());
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

  /**
   * The canonical tables from a snapshot (template, adoption, a pulled version). Nothing of
   * the planner's is lost: every other sheet is kept, and a sheet the new tables replace
   * stays as `<name> (asal)` (as the Office port does), so a pull keeps the local version;
   * `kept` lists those sheets.
   */
  async createTables(snapshot: WorkbookSnapshot, config: PokinConfig): Promise<void> {
    this.kept = [];
    const built = buildCanonicalWorkbook(snapshot, config);
    const bytes = await built.xlsx.writeBuffer();
    const next = new this.excel.Workbook();
    await next.xlsx.load(bytes as ArrayBuffer, { ignoreNodes: IGNORED } as never);
    const taken = (n: string) => !!next.getWorksheet(n) || !!this.wb.getWorksheet(n);
    for (const ws of this.wb.worksheets) {
      if (ws.name === 'Lembar1' && ws.actualRowCount === 0) continue;
      const name = next.getWorksheet(ws.name) ? keptSheetName(ws.name, taken) : ws.name;
      if (name !== ws.name) this.kept.push(name);
      copySheet(ws, next.addWorksheet(name, ws.state === 'veryHidden' || ws.state === 'hidden' ? { state: ws.state } : {}));
    }
    this.wb = next;
    this.emit({ source: 'local' });
  }

  /** The same core and ExcelJS writer as `pokin template --tambah pengukuran` (xlsx/tambah.ts). */
  async tambahPengukuran(tahun: number, _tree: PohonKinerja): Promise<TambahOutcome> {
    this.stats.writes++;
    let r;
    try {
      r = tambahPengukuranWorkbook(this.wb, tahun, this.fileName);
    } catch (e) {
      if (e instanceof XlsxError) throw new PortError('failed', e.bilingual.id, e.bilingual.en, { cause: e });
      throw e;
    }
    this.emit({ source: 'local' });
    return { tahun: r.tahun, rows: r.rows, added: r.added };
  }

  /** The `LKE` sheet as `pokin lke template` writes it (xlsx/lke.ts). */
  async addLke(req: LkeTableRequest): Promise<void> {
    if (locateLke(this.wb)) throw new PortError('failed', 'Buku kerja ini sudah memiliki tabel LKE.', 'This workbook already has an LKE table.');
    const old = this.wb.getWorksheet(req.table.sheet);
    if (old && old.actualRowCount > 0) {
      throw new PortError('failed', `Lembar "${old.name}" sudah ada dan berisi data yang bukan tabel LKE; ganti nama lembar itu dahulu.`,
        `Sheet "${old.name}" already exists with data that is not the LKE table; rename that sheet first.`);
    }
    if (old) this.wb.removeWorksheet(old.id);
    this.stats.writes++;
    addLkeSheet(this.wb, req);
    this.emit({ source: 'local' });
  }

  async writeCells(writes: CellWrite[], identity?: TreeIdentity): Promise<void> {
    if (identity) await this.recordIdentity(identity);
    for (const w of writes) {
      const ws = this.wb.getWorksheet(w.sheet);
      if (!ws) throw new PortError('not-found', `Lembar "${w.sheet}" tidak ada.`, `Sheet "${w.sheet}" does not exist.`);
      ws.getCell(w.cell).value = w.value === '' ? null : w.value;
    }
    this.stats.writes++;
    this.emit({ source: 'local' });
  }

  /** Status, the request, the identity: the preview has no undo stack, so this is just their order. */
  async pushAction(status: StatusRows | null, send: () => Promise<TreeIdentity | null>): Promise<void> {
    if (status) await this.writeStatus(status);
    const id = await send();
    if (id) await this.recordIdentity(id);
  }

  /** The identity with the document versions already recorded kept. */
  private async recordIdentity(id: TreeIdentity): Promise<void> {
    const before = await this.getIdentity();
    const docs = { ...before?.docs, ...id.docs };
    await this.setIdentity({ ...id, ...(Object.keys(docs).length ? { docs } : {}) });
  }

  /** Sheets the last `createTables` kept under a new name (`Pohon Kinerja (asal)` …). */
  kept: string[] = [];

  async readRawSheet(name: string): Promise<RawSheetValues> {
    const ws = this.wb.getWorksheet(name);
    if (!ws) throw new PortError('not-found', `Lembar "${name}" tidak ada.`, `Sheet "${name}" does not exist.`);
    // The CLI's reader (xlsx/extract.ts): merged areas read once, number formats kept.
    return rawSheet(ws);
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
    const c = ws.getCell(cell);
    // As Excel stores what is typed: a plain number becomes a number, unless the cell (or its
    // column) is text-formatted like the template's ID, Kode and NIP columns (`1.10` stays text).
    const fmt = c.numFmt ?? ws.getColumn(c.col).numFmt;
    const typed = typeof value === 'string' ? value.trim() : value;
    c.value = typed === '' ? null : typeof typed === 'string' && fmt !== '@' && /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
    this.emit({ source: 'local', where: sheet });
  }

  async getCell(sheet: string, cell: string): Promise<CellValue> {
    const ws = this.wb.getWorksheet(sheet);
    return ws ? plainValue(ws.getCell(cell).value) : null;
  }

  /** The workbook's bytes as they are (kept across a reload: preview/work.ts). */
  async workbookBytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }

  /**
   * The workbook as .xlsx, with the dropdowns and conditional formats of its canonical tables
   * (the preview loads files without them; `decorateWorkbook` puts Pokin's back, on a copy so
   * a second download does not stack them). Validations the planner made on other sheets
   * are not kept; the pane says so beside the button.
   */
  async download(): Promise<Uint8Array> {
    const copy = new this.excel.Workbook();
    await copy.xlsx.load(await this.wb.xlsx.writeBuffer() as ArrayBuffer, { ignoreNodes: IGNORED } as never);
    // ExcelJS 4.4 does not read `<rowBreaks>` back (exceljs/exceljs#2249): the PK's and the
    // printed sheets' page breaks would be lost in the file; take them from the workbook in memory.
    for (const ws of this.wb.worksheets) {
      const breaks = (ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? [];
      const to = breaks.length ? copy.getWorksheet(ws.name) : undefined;
      const have = new Set(((to as unknown as { rowBreaks?: { id: number }[] } | undefined)?.rowBreaks ?? []).map((b) => b.id));
      for (const b of breaks) if (to && !have.has(b.id)) to.getRow(b.id).addPageBreak();
    }
    const snapshot = workbookSnapshot(copy);
    if (snapshot.tables.some((t) => t.name === 'PohonKinerja')) decorateWorkbook(copy, readWorkbook(snapshot).tree.config);
    return new Uint8Array(await copy.xlsx.writeBuffer());
  }

  private emit(h: ChangeHint): void {
    for (const fn of this.listeners) fn(h);
  }
}
