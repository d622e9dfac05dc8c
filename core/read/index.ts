/**
 * Reads table snapshots into the pohon kinerja model, keeping the sheet and A1 address
 * of every field. Never throws on workbook content: what cannot be read becomes an issue.
 */
import { a1 } from '../a1.js';
import { levelsOfTree } from '../config.js';
import { issue, type Issue } from '../issues.js';
import { canonicalTables, headerKey, paguDpaColumns, yearsInHeader, type TableSpec } from '../layout/tables.js';
import type { Box, Jabatan, PohonKinerja, TableKey, TableLoc } from '../model.js';
import { reportIdCharacters } from './ids.js';
import { reportWireLimits } from './limits.js';
import { reportUnreadable } from './report.js';
import type { TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import { readInfo, readLevelConfig } from './info.js';
import { readIndikator } from './indikator.js';
import { readCrosscutting, readJabatan, readNomenklaturTable } from './others.js';
import { readPengukuran } from './pengukuran.js';
import { readBoxes } from './pohon.js';
import { mapTable, reportMerges, type MappedTable } from './table.js';

export interface ReadResult {
  tree: PohonKinerja;
  /** F01–F04 found while reading. */
  issues: Issue[];
}

/** Finds a canonical table by its table name, else by its sheet name. */
export function findTable(snapshot: WorkbookSnapshot, spec: Pick<TableSpec, 'table' | 'sheet'>): TableSnapshot | undefined {
  const byName = headerKey(spec.table);
  const bySheet = headerKey(spec.sheet);
  return (
    snapshot.tables.find((t) => t.name !== undefined && headerKey(t.name) === byName) ??
    snapshot.tables.find((t) => headerKey(t.sheet) === bySheet && (t.name === undefined || headerKey(t.name) === bySheet))
  );
}

/** Period years from the year columns when Info cannot give them. */
function yearsFromHeaders(tables: (TableSnapshot | undefined)[]): number[] {
  const found = new Set<number>();
  for (const t of tables) {
    if (!t) continue;
    for (const y of yearsInHeader(t.header, 'pagu')) found.add(y);
    for (const y of yearsInHeader(t.header, 'target')) found.add(y);
  }
  return [...found].sort((a, b) => a - b);
}

export function readWorkbook(input: WorkbookSnapshot): ReadResult {
  const issues: Issue[] = [];
  reportWireLimits(input, issues);
  const snapshot = reportIdCharacters(input, issues);
  const specs = canonicalTables([]);
  const spec = (k: TableKey) => specs.find((s) => s.key === k) as TableSpec;
  const infoSnap = findTable(snapshot, spec('info'));
  const { config } = readInfo(infoSnap, issues);
  readLevelConfig(findTable(snapshot, spec('konfigurasiLevel')), config, issues);

  const pohonSnap = findTable(snapshot, spec('pohon'));
  const indikatorSnap = findTable(snapshot, spec('indikator'));
  if (config.years.length === 0) config.years = yearsFromHeaders([pohonSnap, indikatorSnap]);
  const withYears = canonicalTables(config.years).map((s) => (s.key === 'pohon' ? { ...s, columns: [...s.columns, ...paguDpaColumns(config.years)] } : s));
  const specOf = (k: TableKey) => withYears.find((s) => s.key === k) as TableSpec;

  const tables: Partial<Record<TableKey, TableLoc>> = {};
  const mapped = (k: TableKey, snap: TableSnapshot | undefined): MappedTable | undefined => {
    const s = specOf(k);
    if (!snap) {
      if (s.required) {
        issues.push(issue('F03', 'E', { sheet: s.sheet, cell: 'A1' }, {
          id: `Tabel ${s.table} (lembar "${s.sheet}") tidak ditemukan.`,
          en: `Table ${s.table} (sheet "${s.sheet}") was not found.`,
        }));
      }
      return undefined;
    }
    const m = mapTable(snap, s, issues);
    reportMerges(m, issues);
    tables[k] = m.loc;
    return m;
  };
  if (infoSnap) tables.info = mapTable(infoSnap, specOf('info'), []).loc;
  else mapped('info', undefined);

  const levels = levelsOfTree(config);
  const pohon = mapped('pohon', pohonSnap);
  const boxes = pohon ? readBoxes(pohon, levels, config.years, issues) : [];
  const byId = new Map<string, Box>();
  for (const b of boxes) if (!byId.has(b.id)) byId.set(b.id, b);
  linkTree(boxes, byId);

  const indikatorM = mapped('indikator', indikatorSnap);
  const indikator = indikatorM ? readIndikator(indikatorM, byId, config.years, issues) : [];
  const jabatanM = mapped('jabatan', findTable(snapshot, specOf('jabatan')));
  const jabatan = jabatanM ? readJabatan(jabatanM, issues) : [];
  reportUnknownAtasan(jabatan, issues);
  const ccM = mapped('crosscutting', findTable(snapshot, specOf('crosscutting')));
  const crosscutting = ccM ? readCrosscutting(ccM, byId, issues) : [];
  const nomM = mapped('nomenklatur', findTable(snapshot, specOf('nomenklatur')));
  const nomenklatur = nomM ? readNomenklaturTable(nomM, issues) : [];

  if (config.years.length === 0 && infoSnap) {
    issues.push(issue('F03', 'E', { sheet: infoSnap.sheet, cell: a1(0, 1) }, {
      id: 'Periode tidak dapat ditentukan: isi Tahun Awal dan Tahun Akhir di Info.',
      en: 'The period cannot be determined: fill in Tahun Awal and Tahun Akhir in Info.',
    }));
  }
  const tree: PohonKinerja = { config, boxes, byId, indikator, jabatan, jabatanById: new Map(jabatan.map((j) => [j.id, j])), crosscutting, nomenklatur, tables };
  // Rencana Aksi, Realisasi, Pembanding (SAKIP.md §12), when the workbook holds them.
  const pengukuran = readPengukuran((s) => findTable(snapshot, s), tree, issues);
  if (pengukuran) tree.pengukuran = pengukuran;
  return { tree, issues };
}

/** An `ID Atasan` that names no position breaks every PK chain through it (F01 at that cell). */
function reportUnknownAtasan(jabatan: Jabatan[], issues: Issue[]): void {
  const ids = new Set(jabatan.map((j) => j.id));
  for (const j of jabatan) {
    if (j.atasan === '' || (ids.has(j.atasan) && j.atasan !== j.id)) continue;
    reportUnreadable(issues, j.loc, 'atasan', j.id, j.atasan === j.id
      ? { id: `ID Atasan "${j.atasan}" menunjuk jabatan itu sendiri.`, en: `ID Atasan "${j.atasan}" names the position itself.` }
      : { id: `ID Atasan "${j.atasan}" tidak ada di lembar Jabatan.`, en: `ID Atasan "${j.atasan}" is not in the Jabatan sheet.` });
  }
}

/** Parent/child links by `Induk`; a self-link or unknown parent leaves the box a root (T02 reports it). */
function linkTree(boxes: Box[], byId: Map<string, Box>): void {
  for (const b of boxes) {
    if (b.induk === '' || b.induk === b.id) continue;
    const p = byId.get(b.induk);
    if (!p) continue;
    b.parent = p;
    p.children.push(b);
  }
}
