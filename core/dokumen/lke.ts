/**
 * The LKE document of an OPD and year (SAKIP.md §13): the `LKE` table and, when the pemda uses
 * its own criteria, `Kriteria LKE`. The OPD writes the answers; the evaluator (Bagian
 * Organisasi, admin) writes `Catatan Evaluator` through the server. So the server owns that
 * column: a push keeps the notes of the version it replaces (whatever the OPD's copy says, V04
 * when it said something else), and a note is a new version made from the current one.
 */
import { a1 } from '../a1.js';
import { countIssues, issue, sortIssues, type Issue } from '../issues.js';
import { headerKey } from '../layout/tables.js';
import { lkeTables, lkeTableSpec } from '../layout/lke.js';
import { bacaJawabanLke } from '../lke/jawaban.js';
import { bacaKriteria } from '../lke/kriteria.js';
import { findTable } from '../read/index.js';
import { idText, plainText } from '../read/normalise.js';
import { mapTable, rowHasInput } from '../read/table.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import type { PemeriksaanDokumen } from './realisasi.js';

const LKE_NAMES = new Set(lkeTables().map((t) => headerKey(t.table)));
const isLkeTable = (t: TableSnapshot) => t.name !== undefined && LKE_NAMES.has(headerKey(t.name));

/** The LKE document of a workbook: its `LKE` table and its `Kriteria LKE` table when present, values only. */
export function lkeSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const spec of lkeTables()) {
    const t = findTable(snapshot, spec);
    if (!t) continue;
    const { formulas: _f, ...rest } = t;
    tables.push({ ...rest, name: spec.table });
  }
  return { tables };
}

/** Tables an LKE document may not carry. */
export function tabelAsingLke(doc: WorkbookSnapshot): string[] {
  return doc.tables.filter((t) => !isLkeTable(t)).map((t) => t.name ?? t.sheet);
}

/**
 * The criteria list and the answers as `pokin lke score` reads them: an error (a criteria list
 * that cannot score, V01/V02/F01/F03; an answer off its criterion's scale, F01) refuses the
 * document. Unanswered criteria are fine: a self-assessment is filled over weeks.
 */
export function periksaLke(doc: WorkbookSnapshot): PemeriksaanDokumen {
  const issues: Issue[] = [];
  const spec = lkeTableSpec();
  if (!findTable(doc, spec)) {
    issues.push(issue('F03', 'E', { sheet: spec.sheet, cell: 'A1' }, {
      id: `Tabel ${spec.table} (lembar "${spec.sheet}") tidak ada di dokumen LKE.`,
      en: `Table ${spec.table} (sheet "${spec.sheet}") is missing from the LKE document.`,
    }));
    return { issues, counts: { boxes: 0, indicators: 0, ...countIssues(issues) } };
  }
  const kriteria = bacaKriteria(doc, issues);
  const bacaan = bacaJawabanLke(doc, kriteria, issues);
  const answered = [...bacaan.jawaban.values()].filter((j) => j.jawaban !== null).length;
  const sorted = sortIssues(issues);
  return { issues: sorted, counts: { boxes: 0, indicators: answered, ...countIssues(sorted) } };
}

interface CatatanColumn {
  table: TableSnapshot;
  kode: number;
  catatan: number;
  /** Sheet row and column of the first data cell, for addresses. */
  firstRow: number;
  firstCol: number;
}

function catatanColumn(doc: WorkbookSnapshot): CatatanColumn | null {
  const spec = lkeTableSpec();
  const table = findTable(doc, spec);
  if (!table) return null;
  const m = mapTable(table, spec, []);
  if (m.index.kode === undefined) return null;
  return { table, kode: m.index.kode, catatan: m.index.catatanEvaluator ?? -1, firstRow: m.firstDataRow, firstCol: m.firstCol };
}

/** The evaluator's notes of a document, by criterion code. */
export function catatanOf(doc: WorkbookSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  const c = catatanColumn(doc);
  if (!c || c.catatan < 0) return out;
  for (const row of c.table.rows) {
    const kode = idText(row[c.kode] ?? null);
    const text = plainText(row[c.catatan] ?? null);
    if (kode !== '' && text !== '' && !out.has(kode)) out.set(kode, text);
  }
  return out;
}

/** The criterion codes the document's `LKE` table holds (the rows a note may be written on). */
export function kodeLke(doc: WorkbookSnapshot): Set<string> {
  const c = catatanColumn(doc);
  const out = new Set<string>();
  if (!c) return out;
  for (const row of c.table.rows) {
    if (!rowHasInput(row, new Set())) continue;
    const kode = idText(row[c.kode] ?? null);
    if (kode !== '') out.add(kode);
  }
  return out;
}

/**
 * A copy of the document whose `Catatan Evaluator` column holds exactly `notes` (by `Kode`; the
 * column is added when missing). V04 for every row where the document said something else:
 * what the OPD typed there is reported, never dropped silently.
 */
export function denganCatatan(doc: WorkbookSnapshot, notes: ReadonlyMap<string, string>): { doc: WorkbookSnapshot; issues: Issue[] } {
  const c = catatanColumn(doc);
  const issues: Issue[] = [];
  if (!c) return { doc, issues };
  const header = c.table.header.slice();
  let col = c.catatan;
  if (col < 0) { header.push('Catatan Evaluator'); col = header.length - 1; }
  const rows = c.table.rows.map((r, i) => {
    const row = r.slice();
    while (row.length < header.length) row.push(null);
    const kode = idText(row[c.kode] ?? null);
    const was = plainText(row[col] ?? null);
    const note = kode === '' ? '' : (notes.get(kode) ?? '');
    if (was !== note && was !== '') {
      issues.push(issue('V04', 'W', { sheet: c.table.sheet, cell: a1(c.firstCol + col, c.firstRow + i), id: kode }, {
        id: `Catatan Evaluator ${kode || ''} diisi evaluator lewat server; isi "${was.slice(0, 60)}" tidak disimpan.`,
        en: `Catatan Evaluator ${kode || ''} is written by the evaluator through the server; "${was.slice(0, 60)}" was not stored.`,
      }));
    }
    row[col] = (note === '' ? null : note) as CellValue;
    return row;
  });
  return { doc: { tables: doc.tables.map((t) => (t === c.table ? { ...t, header, rows } : t)) }, issues };
}
