/**
 * Size and shape limits of the HTTP API. Pure constants shared by the server (which enforces
 * them) and the clients (which can refuse early with the same numbers).
 */
export const LIMITS = {
  /** Request body as received, after base64 decoding: the Lambda synchronous payload limit is 6 MB. */
  maxBodyBytes: 6 * 1024 * 1024,
  /**
   * JSON text after gunzip. A 10,000-box tree is ~15 MB of JSON; the cap stops gzip bombs
   * (gunzip stops at this many bytes instead of filling the Lambda's memory).
   */
  maxJsonBytes: 40 * 1024 * 1024,
  /** Our body is at most 6 levels deep ({tree:{tables:[{rows:[[…]]}]}}); deeper is hostile. */
  maxJsonDepth: 8,
  maxTables: 16,
  maxColumns: 256,
  maxRowsPerTable: 100_000,
  maxCells: 4_000_000,
  maxMerges: 1_000,
  /** Excel's own limit for the text of one cell. */
  maxCellChars: 32_767,
  /** IDs (`ID`, `Induk`, `ID Node`, `ID Jabatan`, …): short keys, never free text. */
  maxIdChars: 100,
  maxSheetChars: 31,
  maxTableNameChars: 255,
  maxNoteChars: 2_000,
  /** Lambda's synchronous response limit: the whole response, the base64 of a gzip body included. */
  maxResponseBytes: 6 * 1024 * 1024,
} as const;

/**
 * The checks of one cell the server makes (core/wire/schema.ts) and `validate` reports at the
 * cell (core/read/limits.ts, rule F04): the same functions, so a tree clean in the pane or the
 * CLI is never refused for its size or characters.
 */
// C0 controls except tab/newline/carriage return (multi-line statements are legitimate).
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const ID_CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const EXCEL_ERROR = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!)$/i;

/** Header keys (core/layout headerKey form) of the columns that hold IDs. */
export const ID_HEADER_KEYS = new Set(['id', 'induk', 'idnode', 'idjabatan', 'idatasan', 'idnodetujuan', 'refpemda']);

export function idHeaderKey(h: unknown): string {
  return String(h ?? '').normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type CellProblem =
  | { kind: 'type' }
  | { kind: 'number' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'control'; char: string }
  | { kind: 'id-too-long'; length: number; max: number }
  | { kind: 'id-control'; char: string }
  | { kind: 'id-hash' };

/** What the server would refuse in one cell value; null when it is fine. */
export function cellProblem(v: unknown, isId: boolean): CellProblem | null {
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : { kind: 'number' };
  if (typeof v !== 'string') return { kind: 'type' };
  if (!isId) {
    if (v.length > LIMITS.maxCellChars) return { kind: 'too-long', length: v.length, max: LIMITS.maxCellChars };
    // test() first: no match object for the 99.9 % of cells that are fine.
    return CONTROL_CHARS.test(v) ? { kind: 'control', char: (CONTROL_CHARS.exec(v) as RegExpExecArray)[0] } : null;
  }
  const t = v.trim();
  if (t.length > LIMITS.maxIdChars) return { kind: 'id-too-long', length: t.length, max: LIMITS.maxIdChars };
  if (ID_CONTROL_CHARS.test(v)) return { kind: 'id-control', char: (ID_CONTROL_CHARS.exec(v) as RegExpExecArray)[0] };
  // Excel error values (#REF!) are workbook content that validation reports (F01).
  if (t.includes('#') && !EXCEL_ERROR.test(t)) return { kind: 'id-hash' };
  return null;
}
