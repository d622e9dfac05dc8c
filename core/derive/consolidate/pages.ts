/**
 * Paging by OPD. One consolidation of 60 OPDs can pass Lambda's 6 MB response limit once real
 * text (which compresses worse than generated text) is in it, so the answer is cut between OPD
 * sections. Rekap and matrix ride on every page (small); the cross-OPD issues, and with a
 * year the LKE scores, on the first; an OPD's capaian rides in its section.
 * The handler measures the encoded size (gzip lives in Node, not here) and picks the cut.
 */
import { encodeCursor, type ConsolidatedAnswer } from '../../wire/consolidated.js';
import type { Consolidation } from './model.js';

/** The answer carrying sections [start, end) as page `index`. */
export function pageAnswer(c: Consolidation, start: number, end: number, index: number): ConsolidatedAnswer {
  const last = end >= c.sections.length;
  return {
    ...c,
    issues: start === 0 ? c.issues : [],
    // The year's LKE scores ride on the first page, as the issues do (capaian in the sections).
    ...(c.lke ? { lke: start === 0 ? c.lke : [] } : {}),
    sections: c.sections.slice(start, end),
    page: {
      index,
      next: last ? null : encodeCursor({ fingerprint: c.fingerprint, start: end, index: index + 1 }),
      sectionCount: c.sections.length,
    },
  };
}

/** The client's side: the pages of one consolidation as one answer (sections in order). */
export function mergePages(pages: readonly ConsolidatedAnswer[]): ConsolidatedAnswer {
  if (pages.length === 0) throw new Error('no pages / tidak ada halaman');
  const first = pages[0];
  for (const p of pages) {
    if (p.fingerprint !== first.fingerprint) throw new Error('pages of different consolidations / halaman dari konsolidasi berbeda');
  }
  return {
    ...first,
    issues: pages.flatMap((p) => p.issues),
    ...(first.lke ? { lke: pages.flatMap((p) => p.lke ?? []) } : {}),
    sections: pages.flatMap((p) => p.sections),
    page: { index: 0, next: null, sectionCount: first.page.sectionCount },
  };
}
