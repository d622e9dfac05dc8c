/**
 * Generated sheets (SAKIP.md §4.3) as sheet specifications; adapters render them. Also the
 * reverse used by tests and previews: a specification as the raw sheet `core/adopt` reads.
 */
import type { RawSheet } from '../adopt/types.js';
import type { Issue } from '../issues.js';
import type { PohonKinerja } from '../model.js';
import type { CellValue } from '../snapshot.js';
import { fitRowHeights } from './fit.js';
import { levelSheet, type LevelOptions } from './level.js';
import { matriksSheet, type MatriksOptions } from './matriks.js';
import { pengukuranSheets, PENGUKURAN_KINDS, type PengukuranKind, type PengukuranSheetsOptions } from './pengukuran/index.js';
import { pkSheets, type PkOptions } from './pk.js';
import type { SheetSpec } from './spec.js';
import { validasiSheet as validasiRows } from './validasi.js';

export * from './spec.js';
export { fitColumnWidths, fitRowHeights, wrappedLines, textWidth, columnPoints, linesHeight } from './fit.js';
export { matriksSheet, matriksHeaders, treeOrder, MATRIKS_SHEET, MATRIKS_GROUPS, type MatriksOptions } from './matriks.js';
export { levelSheet, levelOneOf, LEVEL_SHEET, type LevelOptions } from './level.js';
export {
  pkSheet, pkSheets, pkOwners, pkPlan, pkSheetName, parsePkSheetName, pkTargetRows, tempatOf, budgetItems, DEFAULT_PK_WORDING, DRAF_TEXT,
  type PkOptions, type PkWording, type PkPerubahan, type PkPlan,
} from './pk.js';
export { pkGate, nextPerubahan, pkSpecs, type PkGate, type PkRequest } from './pk-gate.js';
export { budgetBlock, paguSource, type BudgetBlock, type PaguSource } from './anggaran.js';
export { VALIDASI_SHEET } from './validasi.js';

/** `Validasi` with its row heights fitted to the messages (SAKIP.md §4.3). */
export function validasiSheet(issues: Parameters<typeof validasiRows>[0], lang?: 'id' | 'en'): SheetSpec {
  return fitRowHeights(validasiRows(issues, lang));
}
export { lkeRekapSheet, LKE_REKAP_SHEET, type LkeRekapInput } from './lke.js';
export * from './pengukuran/index.js';

/** `renaksi`, `pengukuran` and `lkjip` (SAKIP.md §12) are generated only when asked for. */
export type DerivedKind = 'matriks' | 'level' | 'pk' | 'validasi' | PengukuranKind;
export const DERIVED_KINDS: readonly DerivedKind[] = ['matriks', 'level', 'pk', 'validasi'];
/** Every kind `--sheets` accepts. */
export const ALL_DERIVED_KINDS: readonly DerivedKind[] = [...DERIVED_KINDS, ...PENGUKURAN_KINDS];

export interface DeriveOptions {
  sheets?: readonly DerivedKind[];
  /** PK year (default the first year of the period) and the Matriks year (default the whole period). */
  tahun?: number;
  pk?: PkOptions;
  matriks?: Omit<MatriksOptions, 'tahun'>;
  level?: LevelOptions;
  lang?: 'id' | 'en';
  /** Renaksi, Pengukuran TWn and LKjIP options (the year is `tahun`). */
  pengukuran?: PengukuranSheetsOptions;
}

export function deriveSheets(tree: PohonKinerja, issues: readonly Issue[], opts: DeriveOptions = {}): SheetSpec[] {
  const kinds = opts.sheets ?? DERIVED_KINDS;
  const out: SheetSpec[] = [];
  if (kinds.includes('matriks')) out.push(matriksSheet(tree, { ...opts.matriks, ...(opts.tahun !== undefined ? { tahun: opts.tahun } : {}) }));
  if (kinds.includes('level')) out.push(levelSheet(tree, opts.level));
  const tahun = opts.tahun ?? tree.config.years[0];
  if (kinds.includes('pk') && tahun !== undefined) out.push(...pkSheets(tree, tahun, opts.pk));
  if (tahun !== undefined) {
    const pengukuran = kinds.filter((k): k is PengukuranKind => (PENGUKURAN_KINDS as readonly string[]).includes(k));
    out.push(...pengukuranSheets(tree, tahun, pengukuran, { ...opts.pengukuran, renaksi: { ...(opts.pk?.tempat ? { tempat: opts.pk.tempat } : {}), ...opts.pengukuran?.renaksi } }));
  }
  if (kinds.includes('validasi')) out.push(validasiSheet(issues, opts.lang));
  return out;
}

/** A specification as a raw sheet (values + merges), the way an adapter would read it back. */
export function specToRaw(spec: SheetSpec): RawSheet {
  let rows = 0;
  let cols = 0;
  for (const c of spec.cells) { if (c.row > rows) rows = c.row; if (c.col > cols) cols = c.col; }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  for (const c of spec.cells) if (c.value !== null) values[c.row - 1][c.col - 1] = c.value;
  return { name: spec.name, values, merges: [...spec.merges] };
}
