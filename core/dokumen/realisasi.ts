/**
 * The realisasi document of an OPD and year (SAKIP.md §12): its `RencanaAksi`, `Realisasi` and
 * `Pembanding` rows, judged against a tree. The server judges a pushed document against the
 * OPD's current tree (HEAD); `pokin push --realisasi` and the pane judge it against the
 * workbook's own tree before sending. Same function, same rules (R02–R06, U01–U07, the F
 * issues of the three tables), so a document clean at the client is clean at the server when
 * both trees agree.
 */
import { a1, parseA1 } from '../a1.js';
import { countIssues, issue, sortIssues, type Issue } from '../issues.js';
import { isPengukuranTable, pengukuranSnapshot } from '../layout/pengukuran.js';
import { headerKey } from '../layout/tables.js';
import { readWorkbook } from '../read/index.js';
import { parseNumberText } from '../read/normalise.js';
import type { RuleContext } from '../rules/context.js';
import { REALISASI_RULES } from '../rules/realisasi.js';
import { RENAKSI_RULES } from '../rules/renaksi.js';
import type { TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import type { TreeCounts } from '../wire/api.js';

export interface PemeriksaanDokumen {
  /** The document's own issues (never the tree's), in Validasi order. */
  issues: Issue[];
  counts: TreeCounts;
}

/** Tables a realisasi document may not carry (it holds the pengukuran tables only). */
export function tabelAsingRealisasi(doc: WorkbookSnapshot): string[] {
  return doc.tables.filter((t) => !isPengukuranTable(t.name)).map((t) => t.name ?? t.sheet);
}

/** The realisasi document a workbook sends for a year (the contract's `pengukuranSnapshot`). */
export function dokumenRealisasi(snapshot: WorkbookSnapshot, tahun: number): WorkbookSnapshot {
  return pengukuranSnapshot(snapshot, tahun);
}

/** F01 for a row whose `Tahun` is another year than the document's (it would be stored under the wrong year). */
function tahunLain(t: TableSnapshot, tahun: number, issues: Issue[]): void {
  const col = t.header.findIndex((h) => headerKey(h) === 'tahun');
  if (col < 0) return;
  const { col: c0, row: r0 } = parseA1(t.address);
  t.rows.forEach((row, r) => {
    const v = row[col];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? parseNumberText(v.trim()) : null;
    if (n === null || n === tahun) return;
    issues.push(issue('F01', 'E', { sheet: t.sheet, cell: a1(c0 + col, r0 + 1 + r) }, {
      id: `Tahun ${String(v)} bukan tahun dokumen ini (${tahun}); kirim baris tahun itu sebagai realisasi ${String(v)}.`,
      en: `Tahun ${String(v)} is not this document's year (${tahun}); send that year's rows as the realisasi of ${String(v)}.`,
    }));
  });
}

/**
 * Reads the document with the tree and runs the Live R and U rules. Only the document's issues
 * come back: the tree was judged when it was pushed (or is judged by `pokin validate`).
 */
export function periksaRealisasi(tree: WorkbookSnapshot, doc: WorkbookSnapshot, tahun: number): PemeriksaanDokumen {
  const own = doc.tables.filter((t) => isPengukuranTable(t.name));
  const sheets = new Set(own.map((t) => t.sheet));
  const read = readWorkbook({ tables: [...tree.tables.filter((t) => !isPengukuranTable(t.name)), ...own] });
  const ctx: RuleContext = { tree: read.tree, issues: read.issues.slice() };
  for (const rule of [...RENAKSI_RULES, ...REALISASI_RULES]) rule(ctx);
  const issues = ctx.issues.filter((i) => sheets.has(i.sheet) || /^[RU]\d\d$/.test(i.rule));
  for (const t of own) tahunLain(t, tahun, issues);
  const sorted = sortIssues(issues);
  const reported = new Set<unknown>();
  for (const r of read.tree.pengukuran?.realisasi ?? []) if (r.tahun === tahun && r.realisasi !== null) reported.add(r.indikator);
  return { issues: sorted, counts: { boxes: 0, indicators: reported.size, ...countIssues(sorted) } };
}
