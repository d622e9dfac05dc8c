/**
 * `Validasi` (SAKIP.md §4.3): `Aturan | Tingkat | Lokasi | ID | Pesan`, Lokasi a link to the
 * offending cell, sorted by Tingkat (E, W, I), then sheet and row (`sortIssues`). A sixth
 * column, `Cara Memperbaiki`, carries the rule's title and how-to-fix text from the rule
 * catalogue, so the planner reading the sheet knows what to do without the pane.
 */
import { sheetRef } from '../a1.js';
import { sortIssues, type Issue } from '../issues.js';
import { ruleHelp } from '../rules/catalog.js';
import { SheetBuilder, type SheetSpec } from './spec.js';

export const VALIDASI_SHEET = 'Validasi';
export const VALIDASI_HEADERS = ['Aturan', 'Tingkat', 'Lokasi', 'ID', 'Pesan', 'Cara Memperbaiki'] as const;

/** `Kotak tanpa indikator: Tambahkan minimal …`; null for an uncatalogued ID. */
export function fixText(rule: string, lang: 'id' | 'en'): string | null {
  const h = ruleHelp(rule);
  return h ? `${h.title[lang]}: ${h.fix[lang]}` : null;
}

export function validasiSheet(issues: readonly Issue[], lang: 'id' | 'en' = 'id'): SheetSpec {
  const s = new SheetBuilder(VALIDASI_SHEET, [8, 8, 26, 16, 70, 70], { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [1, 1] });
  s.spec.freezeRows = 1;
  VALIDASI_HEADERS.forEach((h, i) => s.set(1, i + 1, h, 'header'));
  sortIssues([...issues]).forEach((i, k) => {
    const r = k + 2;
    const where = sheetRef(i.sheet, i.cell);
    s.set(r, 1, i.rule, 'center');
    s.set(r, 2, i.severity, 'center');
    s.set(r, 3, where, 'link', where);
    s.set(r, 4, i.id ?? null, 'text');
    s.set(r, 5, lang === 'en' ? i.messageEn : i.message, 'text');
    s.set(r, 6, fixText(i.rule, lang), 'text');
  });
  return s.spec;
}
