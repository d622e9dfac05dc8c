/**
 * Whether PK sheets may be generated, one decision for the CLI (`pokin export`) and the pane
 * (Cetak): a PK is a signed document, so it is refused while the tree has errors (the issues
 * of a Final validation with the reference list, SAKIP.md §8), unless the planner asks for a
 * draft, whose every page is stamped DRAF. Also the number of the next PK Perubahan of a
 * position, from the PK sheets the workbook already holds (the earlier PK is never edited).
 */
import type { Issue } from '../issues.js';
import { parsePkSheetName } from './pk.js';

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
