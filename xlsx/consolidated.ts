/**
 * The consolidated workbook (SAKIP.md §4.4) with ExcelJS: `Rekap OPD`, `Matriks Crosscutting`,
 * with a year `Capaian OPD` and `LKE OPD`,
 * the canonical tables with a leading `Kode OPD` as real Excel tables (filterable by OPD),
 * and `Validasi` of the cross-OPD rules. Every value from an OPD goes through `neutralise`:
 * text stays a text cell, never a formula, whoever typed `=HYPERLINK(…)` into a statement.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { consolidatedDokumenSheets } from '../core/derive/consolidate/dokumen-sheets.js';
import { consolidatedSmallSheets, type TimeOptions } from '../core/derive/consolidate/sheets.js';
import { consolidatedSheet, KODE_OPD_HEADER } from '../core/derive/consolidate/tables.js';
import { canonicalTables, headerKey } from '../core/layout/tables.js';
import { CONSOLIDATED_TABLES, type ConsolidatedAnswer } from '../core/wire/index.js';
import { renderSheet } from './render.js';
import { neutralise } from './write.js';

const TABLE_NAMES: Record<string, string> = {
  info: 'InfoKonsolidasi', jabatan: 'JabatanKonsolidasi', pohon: 'PohonKinerjaKonsolidasi', indikator: 'IndikatorKonsolidasi', crosscutting: 'CrosscuttingKonsolidasi',
};

/** Times in the consolidated sheets follow this machine's (or the pane's browser's) time zone. */
export const localTime = (): TimeOptions => ({ utcOffsetMinutes: -new Date().getTimezoneOffset() });

export function buildConsolidatedWorkbook(a: ConsolidatedAnswer, lang: 'id' | 'en' = 'id', time: TimeOptions = localTime()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pokin';
  const [rekap, matriks, validasi] = consolidatedSmallSheets(a, lang, time);
  renderSheet(wb, rekap);
  renderSheet(wb, matriks);
  // With a year: `Capaian OPD` and `LKE OPD` (issues 16 item 7, 17 item 5).
  for (const spec of consolidatedDokumenSheets(a, lang)) renderSheet(wb, spec);
  const specs = canonicalTables(a.years);
  for (const key of CONSOLIDATED_TABLES) {
    const header = a.headers[key];
    const spec = specs.find((s) => s.key === key);
    const ws = wb.addWorksheet(consolidatedSheet(key), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    header.forEach((h, i) => {
      const cs = spec?.columns.find((c) => headerKey(c.header) === headerKey(h));
      const col = ws.getColumn(i + 1);
      col.width = h === KODE_OPD_HEADER ? 24 : (cs?.width ?? Math.max(10, h.length + 2));
      // IDs, codes and NIP stay text (SAKIP.md §4.1), as in the OPD workbook.
      if (h === KODE_OPD_HEADER || cs?.numFmt === '@') col.numFmt = '@';
    });
    const rows: (string | number | boolean | null)[][] = [];
    for (const s of a.sections) for (const r of s.tables[key].rows) rows.push([s.opd, ...header.slice(1).map((_, i) => neutralise(r[i]))]);
    ws.addTable({
      name: TABLE_NAMES[key], ref: 'A1', headerRow: true, style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: header.map((name) => ({ name, filterButton: true })),
      // Excel never keeps a table without a data row.
      rows: rows.length ? rows : [header.map(() => null)],
    });
    ws.getRow(1).font = { bold: true };
  }
  renderSheet(wb, validasi);
  return wb;
}

export async function writeConsolidatedWorkbook(target: string, a: ConsolidatedAnswer, lang: 'id' | 'en' = 'id'): Promise<void> {
  await writeFile(target, Buffer.from(await buildConsolidatedWorkbook(a, lang).xlsx.writeBuffer()));
}
