/**
 * One validation setup for the CLI, the pane and the server (ARCHITECTURE §1: "validate with
 * the same reference data"): the reference data the Ref rules need beyond the workbook itself.
 * - the Kepmendagri nomenclature list of the Info's `Versi Nomenklatur` (N03, N04, K14, the
 *   K11 copy check), loaded lazily (load.ts imports the data modules dynamically), so the
 *   pane fetches it only when a workbook is validated and the server only on its first push;
 * - the pemda tree's Sasaran Pemda IDs (T06 existence), when the caller knows the pemda tree.
 * A list that fails to load only turns the Ref rules off (N03 then says the list is missing);
 * it never stops a validation.
 */
import { lowestPemdaBoxes } from './derive/consolidate/rules.js';
import { canonicalTables } from './layout/tables.js';
import type { PohonKinerja } from './model.js';
import { loadNomenklatur } from './nomenklatur/load.js';
import type { NomenklaturIndex } from './nomenklatur/types.js';
import { findTable, readWorkbook } from './read/index.js';
import { readInfo } from './read/info.js';
import type { WorkbookSnapshot } from './snapshot.js';
import { validateTree, type ValidateOptions, type ValidationResult } from './validate.js';

export interface ReferenceData {
  nomenklatur: NomenklaturIndex | null;
  pemdaSasaranIds: ReadonlySet<string> | null;
}

export interface ReferenceSources {
  /** The pemda tree (Kode OPD `PEMDA`), as a snapshot or already read; null/undefined when unknown. */
  pemdaTree?: WorkbookSnapshot | PohonKinerja | null;
  /** Replaces the shipped-list loader (tests; a pane that must not load it). */
  loadList?: (versi: string) => Promise<NomenklaturIndex | null>;
}

/** The Info table's `Versi Nomenklatur` ('' when the workbook has none). */
export function nomenklaturVersion(snapshot: WorkbookSnapshot): string {
  const spec = canonicalTables([]).find((s) => s.key === 'info');
  if (!spec) return '';
  return readInfo(findTable(snapshot, spec), []).config.versiNomenklatur;
}

/** The shipped list (its data modules are dynamic imports in load.ts: a lazy chunk in the pane). */
function shippedList(versi: string): Promise<NomenklaturIndex | null> {
  return loadNomenklatur(versi);
}

/** The Sasaran Pemda IDs (the pemda tree's lowest level) that OPD roots may name in Ref Pemda. */
export function sasaranPemdaIds(pemda: WorkbookSnapshot | PohonKinerja): ReadonlySet<string> {
  const tree = 'tables' in pemda && !('boxes' in pemda) ? readWorkbook(pemda).tree : (pemda as PohonKinerja);
  return new Set(lowestPemdaBoxes(tree).keys());
}

/** The list for the workbook's version (null when it cannot be loaded). */
export async function loadListFor(versi: string, loadList = shippedList): Promise<NomenklaturIndex | null> {
  try {
    return await loadList(versi);
  } catch {
    return null;
  }
}

/** The reference data for a workbook of this `Versi Nomenklatur`. */
export async function referenceFor(versi: string, sources: ReferenceSources = {}): Promise<ReferenceData> {
  const nomenklatur = await loadListFor(versi, sources.loadList);
  const pemdaSasaranIds = sources.pemdaTree ? sasaranPemdaIds(sources.pemdaTree) : null;
  return { nomenklatur, pemdaSasaranIds };
}

export function loadReference(snapshot: WorkbookSnapshot, sources: ReferenceSources = {}): Promise<ReferenceData> {
  return referenceFor(nomenklaturVersion(snapshot), sources);
}

/** Read + validate with the reference data: what `pokin validate`, the pane and `PUT …/tree` run. */
export async function validateWithReference(
  snapshot: WorkbookSnapshot, opts: Omit<ValidateOptions, 'nomenklatur' | 'pemdaSasaranIds'> & ReferenceSources = {},
): Promise<ValidationResult> {
  const { pemdaTree, loadList, ...options } = opts;
  const read = readWorkbook(snapshot);
  const ref = await referenceFor(read.tree.config.versiNomenklatur, { pemdaTree, loadList });
  return validateTree(read.tree, read.issues, { ...options, ...ref });
}
