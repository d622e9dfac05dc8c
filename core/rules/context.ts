/** What every rule receives: the tree, the reference data it may use, and a sink for issues. */
import type { Issue } from '../issues.js';
import type { PohonKinerja } from '../model.js';
import type { RawSheet } from '../adopt/types.js';
import type { NomenklaturIndex } from '../nomenklatur/types.js';

export interface RuleContext {
  tree: PohonKinerja;
  /** The shipped reference list for the workbook's version, when loaded (Ref rules). */
  nomenklatur?: NomenklaturIndex | null;
  /** IDs of the pemda tree's Sasaran Pemda, when known (T06 existence check). */
  pemdaSasaranIds?: ReadonlySet<string> | null;
  /** The `PK …` / `PKP …` sheets the workbook holds, as read (P01 compares them with the tree). */
  pkSheets?: readonly RawSheet[];
  issues: Issue[];
}

export type Rule = (ctx: RuleContext) => void;
