/**
 * What a pull shows of the crosscutting flow (SAKIP.md §9.3): the source OPD's `Crosscutting`
 * table gets `Status` / `Alasan Tolak` from the target's decisions (the workbook's own cells
 * are never the truth), and the target OPD gets a generated sheet of the requests addressed to it.
 */
import { canonicalTables, headerKey, type TableSpec } from '../../layout/tables.js';
import { findTable, readWorkbook } from '../../read/index.js';
import type { CellValue, WorkbookSnapshot } from '../../snapshot.js';
import type { LinkView } from '../../wire/consolidated.js';
import { SheetBuilder, type SheetSpec } from '../spec.js';
import { linkId } from './ids.js';
import { isOpdTarget } from './links.js';

export const CROSSCUTTING_MASUK_SHEET = 'Crosscutting Masuk';

/** A copy of the snapshot whose Crosscutting Status / Alasan Tolak follow `outgoing` (by link ID). */
export function withLinkStatuses(snapshot: WorkbookSnapshot, sourceOpd: string, outgoing: readonly LinkView[]): WorkbookSnapshot {
  const spec = canonicalTables([]).find((s) => s.key === 'crosscutting') as TableSpec;
  const table = findTable(snapshot, spec);
  if (!table) return snapshot;
  const tree = readWorkbook(snapshot).tree;
  const views = new Map(outgoing.map((v) => [v.linkId, v]));
  const header = table.header.slice();
  const col = (name: string) => {
    let i = header.findIndex((h) => headerKey(h) === headerKey(name));
    if (i < 0) { header.push(name); i = header.length - 1; }
    return i;
  };
  const si = col('Status');
  const ai = col('Alasan Tolak');
  const first = Number(/\d+$/.exec(table.address)?.[0] ?? 1) + 1;
  const rows = table.rows.map((r) => { const c = r.slice(); while (c.length < header.length) c.push(null); return c; });
  for (const l of tree.crosscutting) {
    const row = rows[l.loc.row - first];
    if (!row || !isOpdTarget(l, sourceOpd) || l.nodeTujuan === '') continue;
    const v = views.get(linkId({ sourceOpd, nodeId: l.nodeId, targetOpd: l.opdTujuan, nodeTujuan: l.nodeTujuan }));
    row[si] = v?.status ?? 'Menunggu';
    row[ai] = v && v.alasanTolak !== '' ? v.alasanTolak : null;
  }
  return { tables: snapshot.tables.map((t) => (t === table ? { ...t, header, rows } : t)) };
}

/** The requests other OPDs address to this OPD, with their status and link ID (for the decision). */
export function crosscuttingMasukSheet(incoming: readonly LinkView[]): SheetSpec {
  const s = new SheetBuilder(CROSSCUTTING_MASUK_SHEET, [24, 12, 14, 40, 30, 12, 30, 28], { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [1, 1] });
  s.spec.freezeRows = 1;
  ['OPD Sumber', 'ID Node', 'ID Node Tujuan', 'Kontribusi', 'Keterangan', 'Status', 'Alasan Tolak', 'ID Tautan']
    .forEach((h, i) => s.set(1, i + 1, h, 'header'));
  incoming.forEach((v, k) => {
    const values: CellValue[] = [v.sourceOpd, v.nodeId, v.nodeTujuan, v.kontribusi, v.keterangan, v.status, v.alasanTolak || null, v.linkId];
    values.forEach((x, i) => s.set(k + 2, i + 1, x as string | number | null, i === 5 ? 'center' : 'text'));
  });
  return s.spec;
}
