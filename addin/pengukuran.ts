/**
 * The Pengukuran tab's journeys (SAKIP.md §12): the tables added or completed for a year (the
 * core of `pokin template --tambah pengukuran`), the LKjIP rules of a year, and the realisasi
 * pushed as its own versioned document (`pengukuranSnapshot`, core/layout/pengukuran.ts).
 * Capaian itself is core's (`laporanPengukuran`), computed where it is shown.
 */
import type { Issue } from '../core/issues.js';
import { dokumenOf } from '../core/dokumen/index.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { validateSnapshot } from '../core/validate.js';
import { pushDocument, type DocHost, type DocPushOutcome } from './docs.js';
import type { TambahOutcome } from './port.js';

/** Adds (or completes) the tables for `tahun` from a fresh read of the tree, then validates everything again. */
export async function tambahPengukuran(h: DocHost, tahun: number): Promise<TambahOutcome> {
  const r = await h.live.validateNow();
  const out = await h.live.ownWrite(() => h.port.tambahPengukuran(tahun, r.result.tree));
  // New tables: listen to them too, then read everything.
  h.live.rebind();
  await h.live.validateNow();
  return out;
}

/** L01–L03 for the year whose LKjIP tables are generated (as `pokin export --sheets lkjip` checks them). */
export function lkjipIssues(snapshot: WorkbookSnapshot, tahun: number): Issue[] {
  return validateSnapshot(snapshot, { lkjip: tahun }).issues.filter((i) => /^L0\d$/.test(i.rule));
}

/** Pushes the realisasi of `tahun` (`base`: push on top of that version after a 409). */
export async function pushRealisasi(h: DocHost, tahun: number, base?: number): Promise<DocPushOutcome> {
  const r = await h.live.validateNow();
  // The document and its check are `pokin push --realisasi`'s and the server's (core/dokumen).
  const { doc, check } = dokumenOf('realisasi', r.snapshot, tahun);
  if (check.counts.errors > 0) {
    return {
      kind: 'blocked', errors: check.counts.errors,
      message: { id: `Perbaiki ${check.counts.errors} error di lembar pengukuran sebelum mengirim realisasi.`, en: `Fix the ${check.counts.errors} errors on the pengukuran sheets before pushing the realisasi.` },
    };
  }
  if (!doc.tables.some((t) => t.rows.length)) {
    return { kind: 'failed', message: { id: `Belum ada baris pengukuran tahun ${tahun}.`, en: `No pengukuran rows for ${tahun} yet.` } };
  }
  return pushDocument(h, 'realisasi', tahun, r.snapshot, doc, base);
}
