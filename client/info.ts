/**
 * Info values in a snapshot (pure: the pane imports it without the CLI's file and ExcelJS code).
 */
import { canonicalTables, headerKey } from '../core/layout/tables.js';
import { findTable } from '../core/read/index.js';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot.js';

/** A copy of the snapshot with one Info key set (added when absent), e.g. `Versi Server`. */
export function withInfoValue(snapshot: WorkbookSnapshot, key: string, value: CellValue): WorkbookSnapshot {
  const infoSpec = canonicalTables([]).find((s) => s.key === 'info');
  const info = infoSpec ? findTable(snapshot, infoSpec) : undefined;
  if (!info) return snapshot;
  const k = info.header.findIndex((h) => headerKey(h) === 'kunci');
  const v = info.header.findIndex((h) => headerKey(h) === 'nilai');
  if (k < 0 || v < 0) return snapshot;
  const rows = info.rows.map((r) => r.slice());
  const at = rows.find((r) => headerKey(r[k]) === headerKey(key));
  if (at) at[v] = value;
  else {
    const row: CellValue[] = new Array(info.header.length).fill(null);
    row[k] = key;
    row[v] = value;
    rows.push(row);
  }
  return { tables: snapshot.tables.map((t) => (t === info ? { ...t, rows } : t)) };
}

