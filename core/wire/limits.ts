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
