import type { RuleId } from '../../../core/issues.js';
import { validateSnapshot, type ValidateOptions } from '../../../core/validate.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../../helpers/snapshot.js';

/** Validates the small valid workbook after `mutate` changed it; returns the issues of `rule`. */
export function issuesOf(rule: RuleId, mutate: (w: WorkbookInput) => void = () => {}, opts: ValidateOptions = {}) {
  const w = validInput();
  mutate(w);
  return validateSnapshot(makeSnapshot(w), opts).issues.filter((i) => i.rule === rule);
}

export function box(w: WorkbookInput, id: string) {
  const b = w.pohon?.find((r) => r.ID === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
}

export function ind(w: WorkbookInput, nodeId: string) {
  const i = w.indikator?.find((r) => r['ID Node'] === nodeId);
  if (!i) throw new Error(`no indicator ${nodeId}`);
  return i;
}
