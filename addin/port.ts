/**
 * The workbook port: everything the pane needs from a workbook, whatever hosts it.
 * Two implementations: `office/` (Office.js inside Excel, the only Office.js code) and
 * `preview/` (ExcelJS in the browser over an .xlsx the planner opens). Components never
 * call either directly; they receive a `WorkbookPort` (host calls in one module).
 */
import type { PokinConfig } from '../core/config.js';
import type { Pilihan } from '../core/lke/types.js';
import type { PohonKinerja } from '../core/model.js';
import type { Issue } from '../core/issues.js';
import type { SheetSpec } from '../core/derive/spec.js';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot.js';

/**
 * Where a change came from: the planner, a co-author (Office `source: Remote`), Pokin itself,
 * or nobody reported one: a check on focus or when idle, for events Excel never fired.
 */
export type ChangeSource = 'local' | 'remote' | 'own' | 'check';

export interface ChangeHint {
  source: ChangeSource;
  /** Sheet or table name, when the host tells us. */
  where?: string;
  /**
   * The next read must be a full one: tables were added or removed, the pane regained focus,
   * or an idle pass (Excel on the web fires no event for dropdown picks or deleted rows).
   */
  full?: boolean;
}

/** One write of a user action: a generated sheet or a data table (all in one `Excel.run`). */
export type WriteOp = { kind: 'sheet'; spec: SheetSpec } | { kind: 'table'; table: DataTable };

export interface ReadOptions {
  /** Re-read every table (Validasi button, focus, idle pass) instead of patching the last read. */
  full?: boolean;
}

/** A generated sheet as data (core/derive): cells, named styles, merges, widths. */
export type { SheetSpec };

/** The tree's identity and base version, kept in the workbook (workbook.settings in Excel). */
export interface TreeIdentity {
  pemda: string;
  periode: string;
  opd: string;
  baseVersion: number;
  /**
   * Base versions of the OPD's yearly documents (SAKIP.md §12, §13), by `realisasi/2025`,
   * `lke/2025`: each is versioned on the server like the tree.
   */
  docs?: Record<string, number>;
}

/** The pengukuran tables after `tambahPengukuran`: data rows per table, and how many were added now. */
export interface TambahOutcome {
  tahun: number;
  rows: Record<'rencanaAksi' | 'realisasi' | 'pembanding', number>;
  added: Record<'rencanaAksi' | 'realisasi' | 'pembanding', number>;
}

/** The `LKE` table to add (core/lke/lembar.ts): rows and each row's answer scale. */
export interface LkeTableRequest {
  table: import('../core/snapshot.js').TableSnapshot;
  skala: (Pilihan[] | null)[];
}

/** One cell Pokin writes on the planner's behalf (an LKE answer, an evaluator's note). */
export interface CellWrite {
  sheet: string;
  cell: string;
  value: CellValue;
}

/** Template parameters the planner gives on first run (*Buat lembar Pokin*). */
export interface TemplateRequest {
  config: PokinConfig;
}

/**
 * A data table written as an Excel table (the consolidated tables: many rows, no per-cell
 * styles, so not a SheetSpec). The sheet is replaced.
 */
export interface DataTable {
  sheet: string;
  /** Excel table name. */
  table: string;
  header: string[];
  rows: CellValue[][];
  /** 0-based columns written as text (IDs, codes, NIP, Kode OPD): text format before the values. */
  textColumns: number[];
  /** Column widths in Excel character units. */
  widths?: number[];
}

export interface StatusRows {
  /** Status text per data row of PohonKinerja / Indikator, in row order ('' = clean). */
  pohon: string[];
  indikator: string[];
}

export interface PortCapabilities {
  /** The host can tell own writes apart (ExcelApi 1.14 `triggerSource`). */
  triggerSource: boolean;
  /** One undo step per action (`mergeUndoGroup`). */
  mergeUndo: boolean;
  /** The pane can edit a cell itself (preview only). */
  cellEditor: boolean;
  /** The workbook can be downloaded as .xlsx (preview only). */
  download: boolean;
}

/** A raw sheet for adoption (core/adopt's RawSheet shape, kept structural here). */
export interface RawSheetValues {
  name: string;
  values: CellValue[][];
  merges: string[];
  origin?: string;
}

export interface WorkbookPort {
  readonly kind: 'office' | 'preview';
  readonly capabilities: PortCapabilities;
  /**
   * Reads the canonical tables. The Office port patches its last read with the rows Excel
   * reported as changed (one small sync), and reads everything when `full` or when it cannot
   * trust its copy; every sync stays within the host's payload budget.
   */
  readSnapshot(opts?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Names of the worksheets and the canonical tables present. */
  listSheets(): Promise<{ sheets: string[]; tables: string[] }>;
  /** Writes the Status columns, one 2-D write per table, as one undo step. */
  writeStatus(status: StatusRows): Promise<void>;
  /** Selects a cell (and activates its sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Creates or replaces a generated sheet. */
  renderSheet(spec: SheetSpec): Promise<void>;
  /**
   * Creates or replaces a data table's sheet, rows written in blocks within the host's payload
   * budget; `onRows` reports the data rows written so far.
   */
  renderTable(table: DataTable, onRows?: (written: number) => void): Promise<void>;
  /**
   * Creates the canonical sheets and tables (dropdowns, conditional formats) from a snapshot,
   * and, when given, records the tree's identity in the same user action (one undo step).
   */
  createTables(snapshot: WorkbookSnapshot, config: PokinConfig, identity?: TreeIdentity): Promise<void>;
  /** Several generated sheets / data tables as ONE user action (one `Excel.run`, one undo step). */
  write?(ops: WriteOp[], onProgress?: (done: number, total: number) => void): Promise<void>;
  /**
   * Adds the pengukuran tables of SAKIP.md §12 for year `tahun` (the same core as `pokin
   * template --tambah pengukuran`: core/pengukuran/template.ts), or completes them when they
   * exist: one user action, dropdowns and conditional formats included.
   */
  tambahPengukuran(tahun: number, tree: PohonKinerja): Promise<TambahOutcome>;
  /** Adds the `LKE` table (SAKIP.md §13) to a workbook that has none: one user action. */
  addLke(req: LkeTableRequest): Promise<void>;
  /**
   * Writes cells (an LKE answer the planner chose, notes pulled from the server) and, when
   * given, the identity (a pulled document's version): one user action.
   */
  writeCells(writes: CellWrite[], identity?: TreeIdentity): Promise<void>;
  /**
   * A push as ONE user action (one `Excel.run`, one undo step where Excel groups them): the
   * Status columns, then `send` (the request to the server) inside the same run, then the
   * identity it answers (null: nothing to record, e.g. a refused push).
   */
  pushAction(status: StatusRows | null, send: () => Promise<TreeIdentity | null>): Promise<void>;
  /** Re-applies Pokin's conditional formats and dropdowns (after a paste replaced them). */
  reapplyFormats?(config: PokinConfig): Promise<void>;
  /** Inserts a PNG (base64, no data: prefix) as a picture on a sheet (Excel for Mac cannot download). */
  insertImage?(sheet: string, pngBase64: string, name: string): Promise<void>;
  /** A sheet's used range for adoption. */
  readRawSheet(name: string): Promise<RawSheetValues>;
  getIdentity(): Promise<TreeIdentity | null>;
  setIdentity(id: TreeIdentity): Promise<void>;
  /**
   * Change hints. `onError` hears a failed registration (live validation is then off until the
   * next `onChange`); the returned function removes the handlers.
   */
  onChange(listener: (hint: ChangeHint) => void, onError?: (e: unknown) => void): () => void;
  /** Preview only: edit one cell (`capabilities.cellEditor`). */
  setCell?(sheet: string, cell: string, value: CellValue): Promise<void>;
  /** Preview only: read one cell's value for the editor. */
  getCell?(sheet: string, cell: string): Promise<CellValue>;
  /** Preview only: the workbook as .xlsx bytes. */
  download?(): Promise<Uint8Array>;
}

/** Status text of a row: `E1 W2: K01, K08, N04` (SAKIP.md §4.1); '' when clean. */
export function statusText(issues: readonly Issue[]): string {
  if (!issues.length) return '';
  let e = 0, w = 0, i = 0;
  const rules = new Set<string>();
  for (const x of issues) {
    if (x.severity === 'E') e++; else if (x.severity === 'W') w++; else i++;
    rules.add(x.rule);
  }
  const counts = [e ? `E${e}` : '', w ? `W${w}` : '', i ? `I${i}` : ''].filter(Boolean).join(' ');
  return `${counts}: ${[...rules].sort().join(', ')}`;
}

/** Runs write ops as one user action where the port can, else one by one. */
export async function writeAll(port: WorkbookPort, ops: WriteOp[], onProgress?: (done: number, total: number) => void): Promise<void> {
  if (port.write) return port.write(ops, onProgress);
  for (const [i, op] of ops.entries()) {
    if (op.kind === 'sheet') await port.renderSheet(op.spec);
    else await port.renderTable(op.table);
    onProgress?.(i + 1, ops.length);
  }
}

/** A typed port failure with a bilingual message the pane can show. */
export class PortError extends Error {
  constructor(
    readonly code: 'busy' | 'requirements' | 'not-found' | 'unsupported' | 'failed',
    readonly messageId: string,
    readonly messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(messageEn, options);
    this.name = 'PortError';
  }
}
