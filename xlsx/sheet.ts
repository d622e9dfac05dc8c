/**
 * A file's worksheets as `core/adopt` sees them (`pokin import`). The reading of one
 * worksheet, merged areas included, is `rawSheet` in extract.ts: the same function for the
 * CLI and the pane's preview, so both adopt the same cells.
 */
import type { RawSheet } from '../core/adopt/types.js';
import { rawSheet } from './extract.js';
import { checkSignature, loadWorkbook, packageReportOf, readWorkbookFile } from './open.js';

export { rawSheet } from './extract.js';

/** Every visible or hidden worksheet of a file (or its bytes) as raw sheets. */
export async function readRawSheets(input: string | Uint8Array): Promise<RawSheet[]> {
  const file = typeof input === 'string' ? input : undefined;
  const bytes = file !== undefined ? await readWorkbookFile(file) : (input as Uint8Array);
  checkSignature(bytes, file);
  // Merged areas as the package guard read them, not as ExcelJS cells (issue 13: a matrix with a
  // merge per cell imports within 2× of loading it without merges).
  const wb = await loadWorkbook(bytes, file, { merges: 'report' });
  const report = packageReportOf(wb);
  return wb.worksheets.map((ws) => rawSheet(ws, report?.sheets.get(ws.name)?.merges ?? []));
}
