/**
 * Validation: a pure function of the snapshots. Reads the whole workbook into the tree,
 * runs every rule on the whole tree, returns the issues in Validasi order.
 */
import type { RawSheet } from './adopt/types.js';
import { countIssues, sortIssues, type Issue } from './issues.js';
import type { PohonKinerja } from './model.js';
import type { NomenklaturIndex } from './nomenklatur/types.js';
import { readWorkbook } from './read/index.js';
import { ALL_RULES, FINAL_RULES, lkjipRules } from './rules/index.js';
import type { RuleContext } from './rules/context.js';
import type { WorkbookSnapshot } from './snapshot.js';

export interface ValidateOptions {
  /** Reference list for N03/N04/K14; load it with `loadNomenklatur` (lazy). */
  nomenklatur?: NomenklaturIndex | null;
  /** Known Sasaran Pemda IDs (from the backend) for T06's existence check. */
  pemdaSasaranIds?: ReadonlySet<string> | null;
  /** Also run the Final rules (J04, P01–P03, B05, X03): at finalisation, before a push, for PK generation. */
  final?: boolean;
  /** The workbook's PK sheets (names `PK <tahun> <ID>`, `PKP …`) for P01. */
  pkSheets?: readonly RawSheet[];
  /** Also the LKjIP rules (L01–L03) for this year: when the LKjIP tables are generated. */
  lkjip?: number;
}

export interface ValidationSummary {
  boxes: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidationResult {
  tree: PohonKinerja;
  issues: Issue[];
  summary: ValidationSummary;
}

/** Runs every rule on an already-read tree (the server re-validates this way too). */
export function validateTree(tree: PohonKinerja, readIssues: Issue[], opts: ValidateOptions = {}): ValidationResult {
  const ctx: RuleContext = {
    tree,
    nomenklatur: opts.nomenklatur ?? null,
    pemdaSasaranIds: opts.pemdaSasaranIds ?? null,
    pkSheets: opts.pkSheets ?? [],
    issues: readIssues.slice(),
  };
  for (const rule of ALL_RULES) rule(ctx);
  if (opts.final) for (const rule of FINAL_RULES) rule(ctx);
  if (opts.lkjip !== undefined) lkjipRules(ctx, opts.lkjip);
  const issues = sortIssues(ctx.issues);
  return {
    tree,
    issues,
    summary: { boxes: tree.boxes.length, indicators: tree.indikator.length, ...countIssues(issues) },
  };
}

export function validateSnapshot(snapshot: WorkbookSnapshot, opts: ValidateOptions = {}): ValidationResult {
  const { tree, issues } = readWorkbook(snapshot);
  return validateTree(tree, issues, opts);
}
