/**
 * Whether PK sheets may be generated, one decision for the CLI (`pokin export`) and the pane
 * (Cetak): a PK is a signed document, so it is refused while the tree has errors (the issues
 * of a Final validation with the reference list, SAKIP.md §8), unless the planner asks for a
 * draft, whose every page is stamped DRAF. Also the number of the next PK Perubahan of a
 * position, from the PK sheets the workbook already holds (the earlier PK is never edited).
 */
import type { Issue } from '../issues.js';
import type { PohonKinerja } from '../model.js';
import { parsePkSheetName, pkPlan, pkSheet, type PkOptions } from './pk.js';
import type { SheetSpec } from './spec.js';

export type PkGate =
  | { boleh: true; /** Stamp every page DRAF (errors remain). */ draf: boolean }
  | { boleh: false; errors: Issue[] };

export function pkGate(issues: readonly Issue[], opts: { draf?: boolean } = {}): PkGate {
  const errors = issues.filter((i) => i.severity === 'E');
  if (!errors.length) return { boleh: true, draf: opts.draf === true };
  if (opts.draf) return { boleh: true, draf: true };
  return { boleh: false, errors };
}

/** The next change number (1, 2 …) of each position's PK Perubahan for the year, from the workbook's sheet names. */
export function nextPerubahan(sheetNames: readonly string[], tahun: number): (idJabatan: string) => number {
  const last = new Map<string, number>();
  for (const n of sheetNames) {
    const p = parsePkSheetName(n);
    if (p && p.tahun === tahun && p.ke > 0) last.set(p.idJabatan, Math.max(last.get(p.idJabatan) ?? 0, p.ke));
  }
  return (id) => (last.get(id) ?? 0) + 1;
}

/** Which PKs to make: a year, optionally some positions, the options, a PK Perubahan's date and reason. */
export interface PkRequest { tahun: number; only: readonly string[] | null; opts: PkOptions; perubahan: { tanggal: string; alasan: string } | null }

/**
 * The PK sheets of a request, one path for `pokin export` and the pane: the positions that own
 * boxes (those missing from Jabatan skipped, J01), each PK Perubahan numbered after the ones
 * the workbook already holds (`existing`: its sheet names).
 */
export function pkSpecs(tree: PohonKinerja, req: PkRequest, existing: readonly string[]): { specs: SheetSpec[]; skipped: { id: string; boxes: string[] }[] } {
  const plan = pkPlan(tree, req.opts);
  const owners = req.only ? plan.owners.filter((id) => req.only!.includes(id)) : plan.owners;
  const ke = nextPerubahan(existing, req.tahun);
  const specs = owners.map((id) => pkSheet(tree, id, req.tahun, req.perubahan ? { ...req.opts, perubahan: { ...req.perubahan, ke: ke(id) } } : req.opts));
  return { specs, skipped: plan.skipped };
}
