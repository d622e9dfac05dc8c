/**
 * The workbook port: everything the pane needs from a workbook, whatever hosts it.
 * Two implementations: `office/` (Office.js inside Excel, the only Office.js code) and
 * `preview/` (ExcelJS in the browser over an .xlsx the planner opens). Components never
 * call either directly; they receive a `WorkbookPort` (host calls in one module).
 */
import type { PokinConfig } from '../core/config.js';
import type { Issue } from '../core/issues.js';
import type { SheetSpec } from '../core/derive/spec.js';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot.js';

/** Where a change came from: the planner, a co-author (Office `source: Remote`), or Pokin itself. */
export type ChangeSource = 'local' | 'remote' | 'own';

export interface ChangeHint {
  source: ChangeSource;
  /** Sheet or table name, when the host tells us. */
  where?: string;
}

/** A generated sheet as data (core/derive): cells, named styles, merges, widths. */
export type { SheetSpec };

/** The tree's identity and base version, kept in the workbook (workbook.settings in Excel). */
export interface TreeIdentity {
  pemda: string;
  periode: string;
  opd: string;
  baseVersion: number;
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
  /** Reads the canonical tables (one host round trip where the payload allows). */
  readSnapshot(): Promise<WorkbookSnapshot>;
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
  /** Creates the canonical sheets and tables (dropdowns, conditional formats) from a snapshot. */
  createTables(snapshot: WorkbookSnapshot, config: PokinConfig): Promise<void>;
  /** A sheet's used range for adoption. */
  readRawSheet(name: string): Promise<RawSheetValues>;
  getIdentity(): Promise<TreeIdentity | null>;
  setIdentity(id: TreeIdentity): Promise<void>;
  /** Change hints (never trusted for detail: the scheduler re-reads everything). */
  onChange(listener: (hint: ChangeHint) => void): () => void;
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
