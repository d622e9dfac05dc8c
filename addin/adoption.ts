/**
 * The pane's side of the adoption flow (core/adoption, the same as `pokin import`): read the
 * chosen sheet through the port, draft (questions with guesses, the row-by-row report), then
 * adopt with the planner's answers. Core is loaded lazily: the pane's first paint never waits
 * for the adopter.
 */
import type { AdoptionHints, AdoptionQuestion, ReportView } from '../core/adoption/index.js';
import type { AdoptOptions, RawSheet } from '../core/adopt/types.js';
import { headerKey } from '../core/layout/tables.js';
import { readWorkbook } from '../core/read/index.js';
import type { PokinConfig } from '../core/config.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { tokenClaims } from '../client/api.js';
import type { WorkbookPort } from './port.js';

export interface AdoptionDraftView {
  ok: true;
  sheet: string;
  questions: AdoptionQuestion[];
  report: ReportView;
  counts: string;
}

/** A question only the planner can answer before anything is adopted (SAKIP.md: never a silent drop). */
export interface AdoptionBlockingQuestion {
  option: 'tahunAwal';
  /** A likely answer read from the sheet (its title's period); offered, never applied. */
  suggestion: number | null;
  /** The header labels that raised it, with their cells. */
  labels: string[];
}

export type AdoptionDraftResult =
  | AdoptionDraftView
  | { ok: false; message: { id: string; en: string }; question?: AdoptionBlockingQuestion };

/** What a draft read and how, so the adoption replays exactly what the planner checked. */
export interface AdoptionSource {
  sheets: RawSheet[];
  opts: AdoptOptions;
}

/** The signed-in user's pemda and OPD: guesses for an adoption's questions. */
export function identityHints(token: string | null): AdoptionHints {
  if (!token) return {};
  const c = tokenClaims(token);
  const out: AdoptionHints = {};
  if (typeof c['custom:pemda'] === 'string') out.kodePemda = c['custom:pemda'];
  if (typeof c['custom:kode_opd'] === 'string') out.kodeOpd = c['custom:kode_opd'];
  return out;
}

/**
 * Drafts the adoption of `sheet`. The workbook's own `Info` sheet (if any) is read too, as
 * `pokin import --sheet` does: its Tahun Awal turns relative year labels into years. Without
 * one, relative labels come back as a question (`tahunAwal`), answered by drafting again.
 */
export async function draftFromPort(port: WorkbookPort, sheet: string, hints: AdoptionHints, given: { tahunAwal?: number } = {}, lang: 'id' | 'en' = 'id'): Promise<{ source: AdoptionSource | null; result: AdoptionDraftResult }> {
  const [core, names] = await Promise.all([import('../core/adoption/index.js'), port.listSheets()]);
  const infoName = names.sheets.find((n) => headerKey(n) === 'info' && n !== sheet);
  const sheets = (await Promise.all([sheet, ...(infoName ? [infoName] : [])].map((n) => port.readRawSheet(n)))) as RawSheet[];
  // The code list for N01 suggestions, loaded as `pokin import` loads it (core/adoption).
  const opts = await core.withCodeList({ sheet, ...(given.tahunAwal ? { tahunAwal: given.tahunAwal } : {}) });
  const d = core.draftAdoption(sheets, opts, hints);
  if (!d.ok) {
    const q = d.questions[0];
    if (q) {
      return {
        source: null,
        result: { ok: false, message: q.message, question: { option: q.option, suggestion: q.suggestion ?? null, labels: q.labels.map((l) => `${l.cell} "${l.label}"`) } },
      };
    }
    const missing = d.notRecognised.sheets[0]?.missing.join(', ') ?? '';
    return {
      source: null,
      result: {
        ok: false,
        message: {
          id: `Lembar "${sheet}" tidak dikenali sebagai matriks Renstra, tabel level atau tabel Pokin. Yang tidak ditemukan: ${missing}. Pilih lembar lain, atau buat lembar Pokin baru.`,
          en: `Sheet "${sheet}" is not recognised as a Renstra matrix, a level table or Pokin tables. Not found: ${missing}. Pick another sheet, or create new Pokin sheets.`,
        },
      },
    };
  }
  return { source: { sheets, opts }, result: { ok: true, sheet, questions: d.questions, report: core.reportView(d.result.report, lang), counts: core.countsLine(d.result.report, lang) } };
}

export async function adoptDraft(source: AdoptionSource, answers: Record<string, string>, lang: 'id' | 'en'): Promise<{ snapshot: WorkbookSnapshot; config: PokinConfig; report: ReportView; counts: string }> {
  const { adoptWithAnswers, reportView, countsLine, withCodeList } = await import('../core/adoption/index.js');
  // The planner's answer names the version: its list, as `pokin import --versi` would load.
  const a = adoptWithAnswers(source.sheets, answers, await withCodeList(source.opts, answers['Versi Nomenklatur']?.trim() ?? ''));
  if (!a.ok) throw new Error('sheet not recognised');
  return { snapshot: a.result.snapshot, config: readWorkbook(a.result.snapshot).tree.config, report: reportView(a.result.report, lang), counts: countsLine(a.result.report, lang) };
}
