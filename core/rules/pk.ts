/**
 * Final rules on the Perjanjian Kinerja (SAKIP.md §5.5–5.6, §8):
 * - P01 (E): a PK sheet the workbook holds lists exactly the indicators of the boxes its
 *   position owns, with their targets for its year; a typed-over target fails. Only the
 *   latest PK of a year and position is judged (an earlier one, kept after a PK Perubahan,
 *   is a record).
 * - P03 (W): every Sasaran Strategis has at least one IKU.
 * - B05 (W): a PK's budget block adds up to the pagu of the coded boxes its position owns.
 */
import { levelsOfTree } from '../config.js';
import { budgetBlock, budgetItemsOf, ownedByPosition, ownedPagu } from '../derive/anggaran.js';
import { parsePkSheetName, pkPlan, pkTargetRows } from '../derive/pk.js';
import { angka, issue, rupiah } from '../issues.js';
import { headerKey } from '../layout/tables.js';
import { cellOf, type Box } from '../model.js';
import { columnLetter } from '../a1.js';
import type { RawSheet } from '../adopt/types.js';
import type { CellValue } from '../snapshot.js';
import type { Rule } from './context.js';

const atBox = (b: Box) => ({ sheet: b.loc.table.sheet, cell: cellOf(b.loc, 'id'), id: b.id });

/** P03: the deepest level without nomenclature (Sasaran Strategis; Sasaran Pemda in the pemda tree) needs an IKU. */
export const P03: Rule = ({ tree, issues }) => {
  const uncoded = levelsOfTree(tree.config).filter((l) => !l.nomenklatur);
  const ss = uncoded[uncoded.length - 1];
  if (!ss) return;
  for (const b of tree.boxes) {
    if (b.level?.name !== ss.name || b.indicators.length === 0 || tree.byId.get(b.id) !== b) continue;
    if (b.indicators.some((i) => i.iku === true)) continue;
    issues.push(issue('P03', 'W', atBox(b), {
      id: `${ss.name} "${b.id}" tidak punya indikator IKU (kolom IKU = Ya); setiap ${ss.name} perlu sedikitnya satu IKU.`,
      en: `${ss.name} "${b.id}" has no IKU indicator (IKU = Ya); every ${ss.name} needs at least one IKU.`,
    }));
  }
};

/** B05: for every PK owner and year, the budget block's total against the pagu of the coded boxes it owns. */
export const B05: Rule = ({ tree, issues }) => {
  // A box whose pagu does not add up is B01's (an error): B05 would only repeat it.
  const b01 = new Set(issues.filter((i) => i.rule === 'B01').map((i) => i.id));
  const { owners } = pkPlan(tree);
  const byOwner = ownedByPosition(tree);
  const tol = tree.config.toleransiPagu;
  for (const id of owners) {
    const owned = byOwner.get(id) ?? [];
    if (owned.some((b) => b01.has(b.id))) continue;
    const items = budgetItemsOf(tree, id, owned);
    const off: { y: number; total: number; want: number; source: string }[] = [];
    tree.config.years.forEach((y, yi) => {
      const block = budgetBlock(tree, id, y, owned, items);
      const want = ownedPagu(owned, yi, block.source);
      if (want === null || Math.abs(block.total - want) <= tol) return;
      off.push({ y, total: block.total, want, source: block.source === 'DPA' ? `Pagu DPA ${y}` : `Pagu ${y}` });
    });
    if (!off.length) continue;
    const j = tree.jabatanById.get(id)!;
    const o = off[0];
    const years = off.map((x) => x.y).join(', ');
    issues.push(issue('B05', 'W', { sheet: j.loc.table.sheet, cell: cellOf(j.loc, 'id'), id }, {
      id: `Anggaran PK ${j.nama || id} (${o.source}) berjumlah ${rupiah(o.total)}, tidak sama dengan pagu kotak berkode miliknya (${rupiah(o.want)}); tahun: ${years}.`,
      en: `The PK budget of ${j.nama || id} (${o.source}) adds up to ${rupiah(o.total)}, not the pagu of the coded boxes it owns (${rupiah(o.want)}); years: ${years}.`,
    }));
  }
};

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim());
const same = (a: CellValue | undefined, b: string | number | null): boolean => {
  if (typeof b === 'number') return typeof a === 'number' ? Math.abs(a - b) < 1e-9 : text(a).replace(',', '.') === String(b);
  return text(a) === text(b);
};
const HEADER = ['no', 'sasaran', 'indikatorkinerja', 'satuan', 'target'];

/** Block 1 of a PK sheet as typed: rows under `No | Sasaran | Indikator Kinerja | Satuan | Target`. */
function sheetTargets(raw: RawSheet): { row: number; sasaran: string; indikator: CellValue; satuan: CellValue; target: CellValue }[] | null {
  const start = raw.values.findIndex((r) => HEADER.every((h, c) => headerKey(r?.[c]) === h));
  if (start < 0) return null;
  const out: { row: number; sasaran: string; indikator: CellValue; satuan: CellValue; target: CellValue }[] = [];
  let sasaran = '';
  for (let r = start + 1; r < raw.values.length; r++) {
    const v = raw.values[r] ?? [];
    if (v.slice(0, 5).every((x) => x === null || x === undefined || text(x) === '')) break;
    // The "no targets" line spans the table; a merged Sasaran holds its text in its first row.
    if (typeof v[0] === 'string' && text(v[2]) === '') break;
    if (text(v[1]) !== '') sasaran = text(v[1]);
    out.push({ row: r + 1, sasaran, indikator: v[2] ?? null, satuan: v[3] ?? null, target: v[4] ?? null });
  }
  return out;
}

/** P01: the latest PK sheet of each year and position against the tree. */
export const P01: Rule = ({ tree, issues, pkSheets }) => {
  const latest = new Map<string, { raw: RawSheet; tahun: number; id: string; ke: number }>();
  for (const raw of pkSheets ?? []) {
    const p = parsePkSheetName(raw.name);
    if (!p) continue;
    const k = `${p.tahun}|${p.idJabatan}`;
    const prev = latest.get(k);
    if (!prev || p.ke > prev.ke) latest.set(k, { raw, tahun: p.tahun, id: p.idJabatan, ke: p.ke });
  }
  for (const { raw, tahun, id } of latest.values()) {
    const where = (row: number, col: number) => ({ sheet: raw.name, cell: `${columnLetter(col)}${row}`, id });
    const rows = sheetTargets(raw);
    if (!rows) {
      issues.push(issue('P01', 'E', where(1, 0), {
        id: `Lembar ${raw.name} tidak memuat tabel lampiran "No | Sasaran | Indikator Kinerja | Satuan | Target"; buat ulang PK dari pohon kinerja.`,
        en: `Sheet ${raw.name} holds no lampiran table "No | Sasaran | Indikator Kinerja | Satuan | Target"; generate the PK again from the tree.`,
      }));
      continue;
    }
    // Rows are matched by Sasaran and indicator name, so one missing or extra row is one finding.
    const want = pkTargetRows(tree, id, tahun);
    const used = new Set<number>();
    const lastRow = rows.length ? rows[rows.length - 1].row : 1;
    for (const w of want) {
      const k = rows.findIndex((g, n) => !used.has(n) && same(g.indikator, w.indikator) && g.sasaran === text(w.sasaran));
      if (k < 0) {
        issues.push(issue('P01', 'E', where(lastRow, 2), {
          id: `PK ${raw.name} tidak memuat indikator "${w.indikator}" (${w.sasaran}), padahal kotak milik ${id} menargetkannya tahun ${tahun}; buat ulang PK.`,
          en: `PK ${raw.name} lacks indicator "${w.indikator}" (${w.sasaran}), which a box owned by ${id} targets in ${tahun}; generate the PK again.`,
        }));
        continue;
      }
      used.add(k);
      const got = rows[k];
      if (!same(got.satuan, w.satuan)) {
        issues.push(issue('P01', 'E', where(got.row, 3), {
          id: `Satuan "${text(got.indikator)}" di ${raw.name} tertulis ${text(got.satuan) || '(kosong)'}, padahal di lembar Indikator ${w.satuan || '(kosong)'}; buat ulang PK.`,
          en: `The unit of "${text(got.indikator)}" in ${raw.name} reads ${text(got.satuan) || '(empty)'}, but the Indikator sheet says ${w.satuan || '(empty)'}; generate the PK again.`,
        }));
      } else if (!same(got.target, w.target)) {
        const shown = typeof w.target === 'number' ? angka(w.target) : String(w.target ?? '');
        issues.push(issue('P01', 'E', where(got.row, 4), {
          id: `Target "${text(got.indikator)}" di ${raw.name} tertulis ${text(got.target) || '(kosong)'}, padahal Target ${tahun} di lembar Indikator ${shown}; target PK tidak diketik, buat ulang PK.`,
          en: `The target of "${text(got.indikator)}" in ${raw.name} reads ${text(got.target) || '(empty)'}, but Target ${tahun} in the Indikator sheet is ${shown}; PK targets are not typed, generate the PK again.`,
        }));
      }
    }
    rows.forEach((g, n) => {
      if (used.has(n)) return;
      issues.push(issue('P01', 'E', where(g.row, 2), {
        id: `Indikator "${text(g.indikator)}" di ${raw.name} bukan indikator kotak milik ${id} dengan target ${tahun}; buat ulang PK.`,
        en: `Indicator "${text(g.indikator)}" in ${raw.name} is not an indicator of a box owned by ${id} with a ${tahun} target; generate the PK again.`,
      }));
    });
  }
};

export const PK_FINAL_RULES: Rule[] = [P01, P03, B05];
