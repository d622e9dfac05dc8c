/**
 * The Pengukuran tab's journeys (SAKIP.md §12): the tables added or completed for a year (the
 * core of `pokin template --tambah pengukuran`), the LKjIP rules of a year, and the realisasi
 * pushed as its own versioned document (`pengukuranSnapshot`, core/layout/pengukuran.ts).
 * Capaian itself is core's (`laporanPengukuran`), computed where it is shown.
 */
import type { Issue } from '../core/issues.js';
import { isPengukuranTable, pengukuranSnapshot } from '../core/layout/pengukuran.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { validateSnapshot } from '../core/validate.js';
import { pushDocument, type DocHost, type DocPushOutcome } from './docs.js';
import type { TambahOutcome } from './port.js';

/** The sheets holding the pengukuran tables. */
export function pengukuranSheets(snapshot: WorkbookSnapshot): Set<string> {
  return new Set(snapshot.tables.filter((t) => isPengukuranTable(t.name)).map((t) => t.sheet));
}

/** Errors on the pengukuran sheets: they stop a realisasi push (the server would refuse it, 422). */
export function realisasiErrors(issues: readonly Issue[], snapshot: WorkbookSnapshot): Issue[] {
  const sheets = pengukuranSheets(snapshot);
  return issues.filter((i) => i.severity === 'E' && sheets.has(i.sheet));
}

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
  const errors = realisasiErrors(r.result.issues, r.snapshot);
  if (errors.length) {
    return {
      kind: 'blocked', errors: errors.length,
      message: { id: `Perbaiki ${errors.length} error di lembar pengukuran sebelum mengirim realisasi.`, en: `Fix the ${errors.length} errors on the pengukuran sheets before pushing the realisasi.` },
    };
  }
  const doc = pengukuranSnapshot(r.snapshot, tahun);
  if (!doc.tables.some((t) => t.rows.length)) {
    return { kind: 'failed', message: { id: `Belum ada baris pengukuran tahun ${tahun}.`, en: `No pengukuran rows for ${tahun} yet.` } };
  }
  return pushDocument(h, 'realisasi', tahun, r.snapshot, doc, base);
}
