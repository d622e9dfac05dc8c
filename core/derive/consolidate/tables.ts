/**
 * The consolidated tables (SAKIP.md §4.4): the canonical tables of every OPD with a leading
 * `Kode OPD`, columns in canonical order whatever order the OPD's workbook used. Values are
 * the cells as the OPD typed them (adapters write them as text, never as formulas). The
 * `Status` columns of Pohon Kinerja and Indikator are add-in output and are left out; the
 * Crosscutting `Status` / `Alasan Tolak` come from the target OPD's decision, and `ID Tautan`
 * (the link ID) is added so a reader can act on a row.
 */
import { canonicalTables, LEMBAGA_LAIN, type TableSpec } from '../../layout/tables.js';
import type { CrosscuttingLink, PohonKinerja, TableKey } from '../../model.js';
import { findTable } from '../../read/index.js';
import { mapTable, rowHasInput } from '../../read/table.js';
import type { CellValue, WorkbookSnapshot } from '../../snapshot.js';
import { CONSOLIDATED_TABLES, type ConsolidatedTableKey } from '../../wire/consolidated.js';
import { effectiveStatus, isOpdTarget, type LinkDecision } from './links.js';
import { linkContentHash, linkId } from './ids.js';

export const KODE_OPD_HEADER = 'Kode OPD';
export const ID_TAUTAN_HEADER = 'ID Tautan';

export interface ConsolidatedColumn {
  key: string;
  header: string;
}

export type ConsolidatedColumns = Record<ConsolidatedTableKey, ConsolidatedColumn[]>;

const specFor = (years: number[], key: TableKey): TableSpec => canonicalTables(years).find((s) => s.key === key) as TableSpec;

/** Column lists per table, `Kode OPD` first. */
export function consolidatedColumns(years: number[]): ConsolidatedColumns {
  const out = {} as ConsolidatedColumns;
  for (const key of CONSOLIDATED_TABLES) {
    const cols = specFor(years, key).columns.filter((c) => !c.output).map((c) => ({ key: c.key, header: c.header }));
    if (key === 'crosscutting') cols.push({ key: 'idTautan', header: ID_TAUTAN_HEADER });
    out[key] = [{ key: 'kodeOpd', header: KODE_OPD_HEADER }, ...cols];
  }
  return out;
}

/** The consolidated sheet of each table (same names as the OPD workbook). */
export function consolidatedSheet(key: ConsolidatedTableKey): string {
  return specFor([], key).sheet;
}

export interface MappedSection {
  rows: Record<ConsolidatedTableKey, CellValue[][]>;
  /** Per table: sheet row in the OPD's workbook → index of the row in `rows`. */
  rowIndex: Record<ConsolidatedTableKey, Map<number, number>>;
}

/**
 * One OPD's rows in consolidated column order. Blank rows are dropped (they are not data);
 * `tree` is the model read from the same snapshot (for the crosscutting link identities).
 */
export function mapSection(
  opd: string, snapshot: WorkbookSnapshot, tree: PohonKinerja, years: number[], columns: ConsolidatedColumns,
  decisions: ReadonlyMap<string, LinkDecision>,
): MappedSection {
  const rows = {} as MappedSection['rows'];
  const rowIndex = {} as MappedSection['rowIndex'];
  const linkAt = new Map<number, CrosscuttingLink>(tree.crosscutting.map((l) => [l.loc.row, l]));
  for (const key of CONSOLIDATED_TABLES) {
    rows[key] = [];
    rowIndex[key] = new Map();
    const spec = specFor(years, key);
    const snap = findTable(snapshot, spec);
    if (!snap) continue;
    const m = mapTable(snap, spec, []);
    const cols = columns[key].slice(1);
    const at = cols.map((c) => m.index[c.key]);
    snap.rows.forEach((raw, r) => {
      if (!rowHasInput(raw, m.outputCols)) return;
      const out: CellValue[] = at.map((i) => (i === undefined ? null : (raw[i] ?? null)));
      const sheetRow = m.firstDataRow + r;
      if (key === 'crosscutting') fillLinkColumns(out, cols, opd, linkAt.get(sheetRow), decisions);
      rowIndex[key].set(sheetRow, rows[key].length);
      rows[key].push(out);
    });
  }
  return { rows, rowIndex };
}

/** Status, Alasan Tolak and ID Tautan of a crosscutting row, from the decision store. */
function fillLinkColumns(out: CellValue[], cols: ConsolidatedColumn[], opd: string, link: CrosscuttingLink | undefined, decisions: ReadonlyMap<string, LinkDecision>): void {
  const put = (key: string, v: CellValue) => { const i = cols.findIndex((c) => c.key === key); if (i >= 0) out[i] = v; };
  if (!link || link.opdTujuan === LEMBAGA_LAIN || !isOpdTarget(link, opd) || link.nodeTujuan === '') {
    // Lembaga Lain skips the approval flow (§9.4); malformed rows have no identity (X02).
    put('status', null);
    put('alasanTolak', null);
    put('idTautan', null);
    return;
  }
  const key = { sourceOpd: opd, nodeId: link.nodeId, targetOpd: link.opdTujuan, nodeTujuan: link.nodeTujuan };
  const id = linkId(key);
  const e = effectiveStatus({ ...key, contentHash: linkContentHash(link) }, decisions.get(id));
  put('status', e.status);
  put('alasanTolak', e.alasanTolak === '' ? null : e.alasanTolak);
  put('idTautan', id);
}
