/**
 * Issues by the row they point at: rules report a sheet and a cell, so an issue belongs to
 * the indicator, box, link or position on that sheet row. Evaluators count rows with a rule
 * from their list by rule ID (as text, so rules that land later, such as K18 and K19, count
 * without a code change here).
 */
import type { Issue } from '../../issues.js';
import type { RowLoc } from '../../model.js';

const rowOf = (cell: string): number => Number(/(\d+)$/.exec(cell)?.[1] ?? 0);

export interface RowsWithIssues {
  /** Sheet row → rule IDs found there. */
  rows: Map<number, Set<string>>;
  /** Every issue of the listed rules on that sheet, by rule ID. */
  count: Map<string, number>;
}

/** Issues of `rules` on `sheet`, grouped by sheet row. */
export function issuesBySheetRow(issues: readonly Issue[], sheet: string | undefined, rules: ReadonlySet<string>): RowsWithIssues {
  const rows = new Map<number, Set<string>>();
  const count = new Map<string, number>();
  if (sheet === undefined) return { rows, count };
  for (const i of issues) {
    const rule = String(i.rule);
    if (i.sheet !== sheet || !rules.has(rule)) continue;
    const r = rowOf(i.cell);
    let set = rows.get(r);
    if (!set) { set = new Set(); rows.set(r, set); }
    set.add(rule);
    count.set(rule, (count.get(rule) ?? 0) + 1);
  }
  return { rows, count };
}

/** Items (indicators, boxes, links) with at least one listed issue on their row. */
export function withIssues<T extends { loc: RowLoc }>(items: readonly T[], found: RowsWithIssues): T[] {
  return items.filter((x) => found.rows.has(x.loc.row));
}

/** `K09 ×6, K02 ×1`, most frequent first. */
export function ruleCounts(found: RowsWithIssues): string {
  return [...found.count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ×${n}`).join(', ');
}

export function persen(x: number): string {
  return `${Math.round(x * 1000) / 10}`.replace('.', ',') + ' %';
}
export function percentEn(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

/** The first few IDs of a list, for a reason text: `K3.2, K4.1, … (5)`. */
export function sample(ids: readonly string[], n = 4): string {
  return ids.length <= n ? ids.join(', ') : `${ids.slice(0, n).join(', ')}, … (${ids.length})`;
}
