/**
 * The pane's side of the adoption flow (core/adoption, the same as `pokin import`): read the
 * chosen sheet through the port, draft (questions with guesses, the row-by-row report), then
 * adopt with the planner's answers. Core is loaded lazily: the pane's first paint never waits
 * for the adopter.
 */
import type { AdoptionHints, AdoptionQuestion, ReportView } from '../core/adoption/index.js';
import type { RawSheet } from '../core/adopt/types.js';
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

export type AdoptionDraftResult = AdoptionDraftView | { ok: false; message: { id: string; en: string } };

/** The signed-in user's pemda and OPD: guesses for an adoption's questions. */
export function identityHints(token: string | null): AdoptionHints {
  if (!token) return {};
  const c = tokenClaims(token);
  const out: AdoptionHints = {};
  if (typeof c['custom:pemda'] === 'string') out.kodePemda = c['custom:pemda'];
  if (typeof c['custom:kode_opd'] === 'string') out.kodeOpd = c['custom:kode_opd'];
  return out;
}

export async function draftFromPort(port: WorkbookPort, sheet: string, hints: AdoptionHints): Promise<{ source: RawSheet | null; result: AdoptionDraftResult }> {
  const [{ draftAdoption, reportView, countsLine }, raw] = await Promise.all([import('../core/adoption/index.js'), port.readRawSheet(sheet)]);
  const source = raw as RawSheet;
  const d = draftAdoption([source], {}, hints);
  if (!d.ok) {
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
  return { source, result: { ok: true, sheet, questions: d.questions, report: reportView(d.result.report), counts: countsLine(d.result.report) } };
}

export async function adoptDraft(source: RawSheet, answers: Record<string, string>, lang: 'id' | 'en'): Promise<{ snapshot: WorkbookSnapshot; config: PokinConfig; report: ReportView; counts: string }> {
  const { adoptWithAnswers, reportView, countsLine } = await import('../core/adoption/index.js');
  const a = adoptWithAnswers([source], answers);
  if (!a.ok) throw new Error('sheet not recognised');
  return { snapshot: a.result.snapshot, config: readWorkbook(a.result.snapshot).tree.config, report: reportView(a.result.report, lang), counts: countsLine(a.result.report, lang) };
}
