/** F01/F02 issue builders shared by the table readers. */
import { issue, type Issue } from '../issues.js';
import { cellOf, type RowLoc } from '../model.js';

const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s);

/** F02: a value was reinterpreted; the issue carries the old and new value. */
export function reportNormalised(
  issues: Issue[], loc: RowLoc, field: string, label: string, id: string,
  change: { from: string; to: string } | undefined,
): void {
  if (!change || change.from === change.to) return;
  const from = clip(change.from.replace(/\n/g, '⏎'));
  const to = clip(change.to);
  issues.push(issue('F02', 'W', { sheet: loc.table.sheet, cell: cellOf(loc, field), id }, {
    id: `${label}: "${from}" dibaca sebagai "${to}".`,
    en: `${label}: "${from}" was read as "${to}".`,
  }, { from: change.from, to: change.to }));
}

/** F01: a row (or a cell of it) could not be read into the model. */
export function reportUnreadable(issues: Issue[], loc: RowLoc, field: string, id: string, reason: { id: string; en: string }): void {
  // A column missing from the table is one F03 (mapTable), not an "empty" F01 on every row.
  if (!(field in loc.table.cols)) return;
  issues.push(issue('F01', 'E', { sheet: loc.table.sheet, cell: cellOf(loc, field), id }, reason));
}
