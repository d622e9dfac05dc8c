/**
 * A consolidated answer for the pane's tests and bench, built by core/derive/consolidate from
 * generated OPDs (test/helpers/opds.ts) without a server; `evil` puts text that looks like a
 * formula where other users type.
 */
import { consolidate, pageAnswer } from '../../core/derive/consolidate/index.js';
import type { ConsolidatedAnswer, OpdRow } from '../../core/wire/index.js';
import { KODE_PEMDA, kodeOpd, opdSnapshot, PERIODE, pemdaSnapshot, YEARS } from '../helpers/opds.js';

export const EVIL = ['=HYPERLINK("http://x","klik")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)'] as const;

export function consolidationOf(opds: number, boxes = 40, evil = false): ConsolidatedAnswer {
  const counts = { boxes, indicators: boxes * 3, errors: 0, warnings: 1, infos: 0 };
  const inputs = [{ opd: 'PEMDA', snapshot: pemdaSnapshot(5), version: 1, status: 'diterima' as const, counts, head: { version: 1, at: '2025-01-01T00:00:00Z' } }];
  for (let i = 0; i < opds; i++) {
    inputs.push({
      opd: kodeOpd(i), version: 2, status: 'diterima' as const, counts, head: { version: 2, at: '2025-02-01T00:00:00Z' },
      snapshot: opdSnapshot(i, {
        boxes, refPemda: `SP${1 + (i % 5)}`,
        patch: evil ? (wb) => {
          wb.pohon[0].pernyataan = EVIL[0];
          const ind = wb.indikator[0] as Record<string, unknown>;
          ind.polaritas = EVIL[2];
          ind.definisi = EVIL[1];
          ind.sumberData = EVIL[3];
        } : undefined,
      }),
    });
  }
  const c = consolidate({ pemda: KODE_PEMDA, periode: PERIODE, years: YEARS, basis: 'diterima', generatedAt: '2025-03-01T00:00:00Z', opds: inputs, decisions: [] });
  return pageAnswer(c, 0, c.sections.length, 0);
}

export function opdRow(opd: string, over: Partial<OpdRow> = {}): OpdRow {
  return {
    opd, version: 1, submissionId: 'sub-00000001', hash: 'h', author: `dev-perencana-${opd}`, at: '2025-02-01T00:00:00Z', baseVersion: 0,
    counts: { boxes: 10, indicators: 30, errors: 0, warnings: 0, infos: 0 }, jsonBytes: 1, gzipBytes: 1, status: 'diajukan', ...over,
  };
}
