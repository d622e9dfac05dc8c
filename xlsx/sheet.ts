/**
 * A file's worksheets as `core/adopt` sees them (`pokin import`): read straight from the
 * package (raw-read.ts), never through ExcelJS. An ExcelJS worksheet already in memory (the
 * pane's preview, `validate --final`) goes through `rawSheet` in extract.ts; both end in
 * raw-sheet.ts `buildRawSheet`, and a parity test holds the two readers to the same sheets.
 */
import type { RawSheet } from '../core/adopt/types.js';
import { readPackageSheets } from './raw-read.js';
import { readWorkbookFile } from './open.js';

export { rawSheet } from './extract.js';

/** Every visible or hidden worksheet of a file (or its bytes) as raw sheets, in tab order. */
export async function readRawSheets(input: string | Uint8Array): Promise<RawSheet[]> {
  const file = typeof input === 'string' ? input : undefined;
  const bytes = file !== undefined ? await readWorkbookFile(file) : (input as Uint8Array);
  return readPackageSheets(bytes, file);
}
