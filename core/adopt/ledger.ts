/**
 * The value ledger: every non-blank cell typed in a data row is a value present in the
 * source; the adopter marks each one it carries into the canonical workbook (or verifies as
 * a sum it need not store). What is left is reported per column and per cell, so that no
 * value is ever set aside silently (issue "Real workbooks in", SAKIP.md §10).
 */
import { columnLetter } from '../a1.js';
import type { Bilingual } from '../issues.js';
import type { ColumnModel } from './columns.js';
import { describeRole } from './describe.js';
import type { Grid } from './grid.js';
import type { HeaderBlock } from './header.js';
import type { ColumnValues, NotCarried, ValueTally } from './types.js';
import type { Sink } from './values.js';

const key = (r: number, c: number) => r * 16384 + c;

export class Ledger {
  /** One flag per cell of the grid's used range (a Set of 100,000s of keys costs more than the import). */
  private readonly carriedCells: Uint8Array;
  private readonly first: number;
  private readonly firstCol: number;
  private readonly width: number;
  private readonly lastRow: number;
  private readonly lastCol: number;

  constructor(g: Grid) {
    this.first = g.firstRow;
    this.firstCol = g.firstCol;
    this.width = Math.max(0, g.lastCol - g.firstCol + 1);
    this.lastRow = g.lastRow;
    this.lastCol = g.lastCol;
    this.carriedCells = new Uint8Array(Math.max(0, g.lastRow - g.firstRow + 1) * this.width);
  }

  private at(r: number, c: number): number {
    if (r < this.first || r > this.lastRow || c < this.firstCol || c > this.lastCol) return -1;
    return (r - this.first) * this.width + (c - this.firstCol);
  }

  private readonly why = new Map<number, Bilingual>();
  private readonly rowWhy = new Map<number, Bilingual>();
  /** Rows whose values count (data, context, totals); structure rows are never added. */
  private readonly rows: number[] = [];

  dataRow(row: number): void {
    this.rows.push(row);
  }

  carry(row: number, col: number | undefined): void {
    if (col === undefined) return;
    const i = this.at(row, col);
    if (i >= 0) this.carriedCells[i] = 1;
  }

  isCarried(row: number, col: number): boolean {
    const i = this.at(row, col);
    return i >= 0 && this.carriedCells[i] === 1;
  }

  /** Why one value was not carried (the first reason given wins). */
  drop(row: number, col: number, why: Bilingual): void {
    if (!this.why.has(key(row, col))) this.why.set(key(row, col), why);
  }

  /** Why a whole row's values were not carried. */
  dropRow(row: number, why: Bilingual): void {
    if (!this.rowWhy.has(row)) this.rowWhy.set(row, why);
  }

  /**
   * Counts present and carried values per column and lists the values not carried. A column
   * whose values were all set aside because of what it is (no role) gets one F03 naming it,
   * its header and how many values it held.
   */
  tally(g: Grid, h: HeaderBlock, model: ColumnModel, sink: Sink): { values: ValueTally & { columns: ColumnValues[] }; notCarried: NotCarried[] } {
    const perCol = new Map<number, ColumnValues>();
    const notCarried: NotCarried[] = [];
    const header = (c: number) => (h.labels.get(c) ?? []).join(' / ');
    for (const row of this.rows) {
      for (let c = g.firstCol; c <= g.lastCol; c++) {
        if (!g.fresh(row, c) && g.uncachedFormula(row, c) === undefined) continue;
        let t = perCol.get(c);
        if (!t) {
          t = { column: columnLetter(c), header: header(c), role: h.labels.has(c) ? describeRole(model, c) : 'tanpa judul', present: 0, carried: 0 };
          perCol.set(c, t);
        }
        t.present++;
        if (this.isCarried(row, c)) { t.carried++; continue; }
        const why = this.why.get(key(row, c)) ?? this.rowWhy.get(row) ?? columnWhy(model, c, t);
        notCarried.push({ cell: g.cell(row, c), reason: why.id, reasonEn: why.en });
      }
    }
    const columns = [...perCol.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    for (const [c, t] of [...perCol.entries()].sort((a, b) => a[0] - b[0])) {
      const role = model.roles.get(c);
      if (t.carried > 0 || (role && role.kind !== 'ignored')) continue;
      sink.note('F03', 'E', h.labelCells.get(c) ?? g.cell(h.titleRows[0], c), {
        id: `Kolom ${t.column} ("${t.header || 'tanpa judul'}") berisi ${t.present} nilai yang tidak diimpor (${role?.kind === 'ignored' ? role.why : 'tanpa judul'}).`,
        en: `Column ${t.column} ("${t.header || 'untitled'}") holds ${t.present} values that were not imported (${role?.kind === 'ignored' ? role.whyEn : 'no title'}).`,
      });
    }
    const present = columns.reduce((n, t) => n + t.present, 0);
    const carried = columns.reduce((n, t) => n + t.carried, 0);
    return { values: { present, carried, columns }, notCarried };
  }
}

function columnWhy(model: ColumnModel, c: number, t: ColumnValues): Bilingual {
  const role = model.roles.get(c);
  if (!role) return { id: `kolom ${t.column} tanpa judul`, en: `column ${t.column} has no title` };
  if (role.kind === 'ignored') return { id: `kolom ${t.column} tidak diimpor: ${role.why}`, en: `column ${t.column} is not imported: ${role.whyEn}` };
  return { id: 'nilai ini tidak mendapat tempat di baris ini', en: 'this value found no place in its row' };
}
