/**
 * ExcelJS cell values → the plain `CellValue`s of a snapshot (core/snapshot.ts): formulas
 * give their cached result, errors their text (`#REF!`), rich text and hyperlinks their
 * text, dates an ISO date.
 */
import type { CellValue } from '../core/snapshot.js';

/** The shapes ExcelJS 4.4 returns from `cell.value` when reading a file. */
type RawValue =
  | null | undefined | string | number | boolean | Date
  | { richText: { text: string }[] }
  | { text: unknown; hyperlink?: string }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** `2026-01-31`, or a full ISO timestamp when the cell also holds a time of day. */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  // ExcelJS builds dates in UTC from the serial number, so midnight means "date only".
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

export function plainValue(raw: unknown): CellValue {
  const v = raw as RawValue;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return isoDate(v);
  if (!isObject(v)) return String(v);
  if ('error' in v && typeof v.error === 'string') return v.error;
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r?.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    // A formula without a cached result (written by a generator, never opened in Excel)
    // has no value we could trust; it reads as blank.
    return 'result' in v ? plainValue(v.result) : null;
  }
  if ('text' in v) return plainValue(v.text);
  return null;
}

/** `ExcelJS.ValueType` Merge and Formula; the enum is not importable as a value under `import type`. */
const MERGE = 1;
const FORMULA = 6;

/**
 * The plain value of an ExcelJS cell, as Excel holds it. A formula's cached result comes from `cell.result`:
 * ExcelJS 4.4's `cell.value` drops a falsy result (`FormulaValue._copyModel` copies a field
 * only `if (value)`), so a formula whose cached value is 0, FALSE or "" would read as never
 * calculated, and a target of 0 as blank.
 */
export function cellValue(cell: { type: number; value: unknown; result?: unknown } | undefined): CellValue {
  if (!cell) return null;
  // A cell covered by a merged area: ExcelJS answers with the area's value, Excel holds it in
  // the top-left cell only (what `Range.values` gives the Office pane, and what a load that
  // leaves merges to the guard reads).
  if (cell.type === MERGE) return null;
  if (cell.type === FORMULA) return plainValue(cell.result);
  return plainValue(cell.value);
}
