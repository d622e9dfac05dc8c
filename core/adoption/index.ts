/**
 * One adoption flow for the pane and `pokin import` (ARCHITECTURE §1): `core/adopt` on the
 * raw sheets, then the questions for the Info the sheet lacks (with guesses), then, with the
 * answers, the adoption that is written, and its report. The adapters only read the sheets
 * (xlsx/extract.ts `rawSheet`, or Excel's used range) and write the canonical tables.
 */
import { adoptWorkbook, type Adoption } from '../adopt/index.js';
import type { AdoptOptions, RawSheet } from '../adopt/types.js';
import { loadListFor } from '../reference.js';
import { adoptionQuestions, checkAnswer, optionsFromAnswers, type AdoptionHints, type AdoptionQuestion } from './questions.js';

export { ASKED, adoptionQuestions, checkAnswer, guessVersi, optionsFromAnswers, type AdoptionHints, type AdoptionQuestion } from './questions.js';
export { countsLine, renjaLines, reportView, shownValue, valuesLine, type ReportIssue, type ReportRow, type ReportView } from './report.js';

/**
 * Not adopted: no known layout, or a question only the planner can answer first (`questions`,
 * e.g. Tahun Awal for relative year labels). Adopted: the result and the Info questions.
 */
export type AdoptionDraft =
  | Extract<Adoption, { ok: false }>
  | (Extract<Adoption, { ok: true }> & { questions: AdoptionQuestion[] });

/**
 * The options with the code list adoption suggests codes from (N01: a name under the parent's
 * code): the shipped Kepmendagri list of `versi`, the latest when none is given. `pokin import`
 * and the pane both load it here, so both suggest the same codes.
 */
export async function withCodeList(opts: AdoptOptions, versi = ''): Promise<AdoptOptions> {
  const list = await loadListFor(versi);
  return list ? { ...opts, nomenklatur: list } : opts;
}

/** First pass: what the sheet gives, and what to ask the planner for. Writes nothing. */
export function draftAdoption(sheets: RawSheet[], opts: AdoptOptions = {}, hints: AdoptionHints = {}): AdoptionDraft {
  const a = adoptWorkbook(sheets, opts);
  if (!a.ok) return a;
  return { ...a, questions: adoptionQuestions(sheets, a.result, hints) };
}

/** Problems with the answers, per Info key (empty when they can be used). */
export function answerProblems(questions: readonly AdoptionQuestion[], answers: Record<string, string>): Record<string, { id: string; en: string }> {
  const out: Record<string, { id: string; en: string }> = {};
  for (const q of questions) {
    const p = checkAnswer(q.key, answers[q.key] ?? '', answers);
    if (p) out[q.key] = p;
  }
  return out;
}

/** Second pass: the adoption with the planner's answers, the one that is written. */
export function adoptWithAnswers(sheets: RawSheet[], answers: Record<string, string>, opts: AdoptOptions = {}): Adoption {
  return adoptWorkbook(sheets, optionsFromAnswers(answers, opts));
}
