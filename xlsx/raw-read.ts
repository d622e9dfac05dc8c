/**
 * The worksheets of an .xlsx as raw sheets, read straight from the package in the guard's own
 * pass (guard.ts with `collect`), without ExcelJS: `pokin import` of a 10,000-row matrix with a
 * merge in every cell costs about what ExcelJS takes to load the same file without merges
 * (`npm run bench -- adopt`). ExcelJS builds an object per cell, per style and per covered
 * cell, none of which adoption needs.
 *
 * The cell types and values follow ECMA-376 Part 1 §18.3.1.4 (`c`, ST_CellType §18.18.11):
 * `s` an index into the shared strings, `str` a formula's string result, `inlineStr` the text
 * of `<is>`, `b` 0/1, `e` an error's text, `d` an ISO 8601 date, otherwise a number; a number
 * whose cell format is a date format is a serial date (§18.17.4.1; 1900 or 1904 based).
 * Web-platform APIs only: the preview pane can run it as the CLI does.
 */
import type { RawSheet } from '../core/adopt/types.js';
import type { CellValue } from '../core/snapshot.js';
import { isoDate } from './cells.js';
import { XlsxError } from './errors.js';
import { checkPackage, type PackageContents } from './guard.js';
import { checkSignature } from './load.js';
import { isDateFormat } from './number-formats.js';
import { buildRawSheet, type SheetCell } from './raw-sheet.js';
import type { PackageCell } from './sheet-cells.js';
import { unescapeXstring } from './shared-strings.js';
import { slideFormula } from './shared-formula.js';

const where = (file?: string) => (file ? `${file}: ` : '');

/** Every worksheet of the bytes, hidden ones included, in tab order. */
export async function readPackageSheets(bytes: Uint8Array, file?: string): Promise<RawSheet[]> {
  checkSignature(bytes, file);
  const report = await checkPackage(bytes, { ...(file !== undefined ? { file } : {}), collect: true });
  const contents = report.contents as PackageContents;
  if (contents.sheets.length === 0) {
    throw new XlsxError('not-xlsx', {
      id: `${where(file)}arsip zip ini bukan buku kerja Excel (tidak ada lembar kerja).`,
      en: `${where(file)}this zip archive is not an Excel workbook (no worksheets).`,
    }, file !== undefined ? { file } : {});
  }
  return contents.sheets.map(({ name, facts }) => {
    const collected = facts.cells;
    if (!collected) throw new Error('the guard collected no cells');
    const hidden = collected.columns;
    return buildRawSheet({
      name,
      cells: sheetCells(collected.cells, contents),
      merges: facts.merges,
      hiddenRows: new Set(collected.hiddenRows),
      hiddenColumn: (c) => hidden.some((d) => c >= d.min && c <= d.max),
    });
  });
}

/** Serial day of 1970-01-01 in the 1900 date system (which counts the fictitious 1900-02-29). */
const UNIX_EPOCH = 25569;
const DAY_MS = 24 * 3600 * 1000;

function serialDate(serial: number, date1904: boolean): string {
  // The 1900 system counts a 29 February 1900 that never was (serial 60): before it, one day more.
  const day = !date1904 && serial < 60 ? serial + 1 : serial;
  return isoDate(new Date(Math.round((day - UNIX_EPOCH + (date1904 ? 1462 : 0)) * DAY_MS)));
}

function typedValue(type: string | undefined, text: string, strings: string[]): CellValue {
  switch (type) {
    case 's': return strings[parseInt(text, 10)] ?? null;
    case 'str': return text;
    case 'inlineStr': return unescapeXstring(text);
    case 'b': return parseInt(text, 10) !== 0;
    case 'e': return text;
    case 'd': return /^\d{4}-\d\d-\d\d/.test(text) ? text.replace(/T00:00(:00(\.0+)?)?Z?$/, '') : text;
    default: {
      const n = parseFloat(text);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** The package's cells as plain cells, in place: strings resolved, dates made ISO, shared formulas translated. */
function sheetCells(cells: PackageCell[], contents: PackageContents): SheetCell[] {
  const { sharedStrings, formats, date1904 } = contents;
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let kept = 0;
  for (const c of cells) {
    const numFmt = c.style >= 0 ? formats[c.style] : undefined;
    const isFormula = (c.formula !== undefined && c.formula !== '') || c.shared !== undefined;
    // An empty `<v></v>` or `<t></t>` holds nothing, except as a formula's cached "" (t="str").
    if (c.text === '' && !(isFormula && c.type === 'str')) {
      if (!isFormula) continue;
      c.text = undefined;
    }
    if (c.text !== undefined) {
      // A formula's result is typed like a value; a string result is `str`, never shared.
      let value = typedValue(isFormula && c.type === 's' ? 'str' : c.type, c.text, sharedStrings);
      if (typeof value === 'number' && numFmt !== undefined && isDateFormat(numFmt)) value = serialDate(value, date1904);
      c.value = value;
    }
    if (numFmt !== undefined) c.numFmt = numFmt;
    if (isFormula) {
      let formula = c.formula ?? '';
      if (c.shared) {
        if (c.shared.master) masters.set(c.shared.si, { formula, row: c.row, col: c.col });
        else {
          // A follower holds no text: the master's, moved by the follower's offset (§18.3.1.40).
          const m = masters.get(c.shared.si);
          formula = m ? slideFormula(m.formula, m.row, m.col, c.row, c.col) : formula;
        }
      }
      c.formula = formula;
      if (c.text === undefined) c.uncached = true;
    } else if (c.formula !== undefined) {
      delete c.formula;
    }
    // Each collected cell becomes its own plain cell (no copy); skipped ones are left out.
    cells[kept++] = c;
  }
  cells.length = kept;
  return cells;
}
