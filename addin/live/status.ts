/**
 * The `Status` column text of every data row (SAKIP.md §4.1), from a validation result.
 * Pure: the port writes the arrays as one 2-D block per table.
 */
import type { Issue } from '../../core/issues.js';
import type { TableLoc } from '../../core/model.js';
import { findTable } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { ValidationResult } from '../../core/validate.js';
import { statusText, type StatusRows } from '../port.js';

function rowOf(cell: string): number {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : 0;
}

function perRow(issues: readonly Issue[], loc: TableLoc | undefined, count: number): string[] {
  if (!loc) return [];
  const first = loc.headerRow + 1;
  const buckets: Issue[][] = Array.from({ length: count }, () => []);
  for (const i of issues) {
    if (i.sheet !== loc.sheet) continue;
    const r = rowOf(i.cell) - first;
    if (r >= 0 && r < count) buckets[r].push(i);
  }
  return buckets.map(statusText);
}

export function statusRows(result: ValidationResult, snapshot: WorkbookSnapshot): StatusRows {
  const t = result.tree.tables;
  const pohonRows = findTable(snapshot, { table: 'PohonKinerja', sheet: 'Pohon Kinerja' })?.rows.length ?? 0;
  const indRows = findTable(snapshot, { table: 'Indikator', sheet: 'Indikator' })?.rows.length ?? 0;
  return { pohon: perRow(result.issues, t.pohon, pohonRows), indikator: perRow(result.issues, t.indikator, indRows) };
}
