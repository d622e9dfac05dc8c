/**
 * Rows of a wide Renstra matrix, an RPJMD program matrix, a Matriks Cascading or a level
 * table into an adopted tree (SAKIP.md §4.5). A cell is "fresh" when typed in its row; a
 * blank cell, or one covered by a merge, means "same as above" in the hierarchy columns
 * (never in the number columns). A row belongs to the deepest box it names; its satuan,
 * baseline, targets and pagu go to that box and its indicator. Urusan, bidang, kelompok
 * urusan and group rows (a kecamatan) are context; totals rows are checked; rows that fit
 * nowhere are reported with their reason (F01). Every value is accounted for in the ledger.
 */
import type { LevelConfig, NomenklaturType } from '../config.js';
import type { Bilingual } from '../issues.js';
import type { NomenklaturIndex } from '../nomenklatur/types.js';
import { codedBox } from './coded.js';
import { indicatorColumns, nameColumns, type ColumnModel, type Group } from './columns.js';
import type { Grid } from './grid.js';
import { text, type HeaderBlock } from './header.js';
import type { Ledger } from './ledger.js';
import { continuation, fillValues, type PaguEntry } from './rowvalues.js';
import { classifyRow, rowContext, type CatatanJenis } from './rowkinds.js';
import { stackedLines } from './stacked.js';
import { addCatatan, BROKEN, IdMaker, newBox, newIndicator, sameText, type AdoptedBox, type AdoptedIndicator, type AdoptedTree } from './tree.js';
import type { RowFate } from './types.js';
import { statementAt, type ColumnNotation, type Sink } from './values.js';

export interface MatrixInput {
  grid: Grid;
  header: HeaderBlock;
  model: ColumnModel;
  /** The workbook tree's levels in order (SAKIP.md §2.3). */
  levels: LevelConfig[];
  /** Level table: index in `levels` of `Level 1`. */
  levelStart: number;
  years: number[];
  splitIndicatorLines: boolean;
  notations: Map<number, ColumnNotation>;
  nomenklatur?: NomenklaturIndex;
  /** Kegiatan class digit for suggestions (`2` kab/kota, `1` provinsi). */
  classDigit: string;
}

/** A context row (urusan, bidang, kelompok urusan, group) and the block of rows it heads. */
export interface ContextRow {
  row: number;
  kind: 'kelompok' | 'urusan' | 'bidang' | 'group';
  code: string;
  label: string;
  /** Boxes created under it (for its subtotals and for carrying its own cells). */
  boxes: AdoptedBox[];
}

export interface TotalsRow { row: number; cell: string; label: string }

/** Renja evaluation form: an average-capaian or predikat row under the table. */
export interface RingkasanRow { row: number; cell: string; col: number; label: string; jenis: 'rata-rata' | 'predikat' }

/** Renja evaluation form: one footer line (faktor pendorong …), its label row or a line under it. */
export interface CatatanRow { row: number; cell: string; jenis: CatatanJenis; label: string; text: string; cols: number[] }

export interface Own {
  box: AdoptedBox;
  indicator?: AdoptedIndicator;
  row: number;
  /** Several indicators listed in one cell (`1. … ⏎ 2. …`): their values come line by line. */
  stacked?: AdoptedIndicator[];
}

const RANK: Record<ContextRow['kind'], number> = { kelompok: 0, urusan: 1, bidang: 2, group: 3 };

export class Walker {
  readonly ids = new IdMaker();
  readonly boxes: AdoptedBox[] = [];
  readonly fates: RowFate[] = [];
  readonly cur: (AdoptedBox | undefined)[];
  readonly byType: Partial<Record<NomenklaturType, AdoptedBox>> = {};
  readonly lastParts = new Map<Group, string[]>();
  readonly lastCoded = new Map<Group, NomenklaturType>();
  /** Urusan and bidang codes of the context rows above. */
  readonly context: string[] = [];
  readonly contexts: ContextRow[] = [];
  readonly openContexts: ContextRow[] = [];
  readonly totals: TotalsRow[] = [];
  readonly entries: PaguEntry[] = [];
  /** Rows a merge above must not reach (totals, structure). */
  readonly nonData = new Set<number>();
  readonly hierarchyCols = new Set<number>();
  group: { label: string; row: number; used: boolean } | undefined;
  lastOwn: Own | undefined;
  sourceRows = 0;
  /** Group indexes in reading order: uncoded groups, then coded ones (each in column order). */
  readonly order: number[];
  /** Renja evaluation form: average and predikat rows, footer lines. */
  readonly ringkasan: RingkasanRow[] = [];
  readonly catatan: CatatanRow[] = [];
  /** Every row read into a box or indicator (continuation rows too), for adopters that read more columns. */
  readonly owns: (Own & { lanjutan?: number })[] = [];
  /** Per row being read. */
  own: Own | undefined;
  contextWhat: string | undefined;

  constructor(readonly input: MatrixInput, readonly sink: Sink, readonly ledger: Ledger) {
    this.cur = input.model.groups.map(() => undefined);
    const idx = input.model.groups.map((_, i) => i);
    this.order = [...idx.filter((i) => input.model.groups[i].kind !== 'coded'), ...idx.filter((i) => input.model.groups[i].kind === 'coded')];
    for (const grp of input.model.groups) {
      for (const c of [grp.statementCol, ...grp.codeCols, ...nameColumns(grp).map((n) => n.col), ...indicatorColumns(grp)]) if (c !== undefined) this.hierarchyCols.add(c);
    }
    if (input.model.sharedIndicator !== undefined) this.hierarchyCols.add(input.model.sharedIndicator);
  }

  get g(): Grid { return this.input.grid; }

  levelOf(grp: Group): LevelConfig | undefined {
    const nonCoded = this.input.levels.filter((l) => !l.nomenklatur);
    if (grp.kind === 'tujuan') return nonCoded.length >= 2 ? nonCoded[nonCoded.length - 2] : undefined;
    if (grp.kind === 'sasaran') return nonCoded[nonCoded.length - 1];
    if (grp.kind === 'level') return this.input.levels[this.input.levelStart + (grp.k ?? 1) - 1];
    return undefined;
  }

  typed(t: NomenklaturType): LevelConfig | undefined {
    return this.input.levels.find((l) => l.nomenklatur === t);
  }

  /**
   * The box a new box of group `gi` hangs under: for a tujuan/sasaran/level group the deepest
   * box of the groups left of it; for a coded group the deepest tujuan/sasaran box wherever its
   * column sits (a `Kode` column may come first), and with `codedToo` the coded groups left of it.
   */
  deepestAbove(gi: number, codedToo: boolean): AdoptedBox | undefined {
    const groups = this.input.model.groups;
    const coded = groups[gi].kind === 'coded';
    for (let j = groups.length - 1; j >= 0; j--) {
      const b = this.cur[j];
      if (j === gi || !b || b === BROKEN) continue;
      const other = groups[j].kind === 'coded';
      if (!coded && (j > gi || (other && !codedToo))) continue;
      if (coded && other && (!codedToo || j > gi)) continue;
      return b;
    }
    return undefined;
  }

  /** A new box in group `gi` ends the boxes below it: coded ones always, deeper groups too. */
  reset(gi: number): void {
    const groups = this.input.model.groups;
    const coded = groups[gi].kind === 'coded';
    for (let j = 0; j < this.cur.length; j++) {
      if (j === gi) continue;
      const other = groups[j].kind === 'coded';
      if (coded ? other && j > gi : other || j > gi) this.cur[j] = undefined;
    }
  }

  resetCoded(): void {
    for (const k of Object.keys(this.byType) as NomenklaturType[]) delete this.byType[k];
  }

  /** A new box, registered with the open context rows and the current group. */
  addBox(level: LevelConfig, row: number, parent?: AdoptedBox): AdoptedBox {
    const b = newBox(this.ids, level, this.input.years.length, row, parent);
    this.boxes.push(b);
    for (const c of this.openContexts) c.boxes.push(b);
    if (this.group) { b.pj = this.group.label; this.group.used = true; }
    return b;
  }

  fail(row: number, cell: string, msg: Bilingual): void {
    this.sink.unplace(row, cell, msg);
    this.ledger.dropRow(row, msg);
    this.fates.push({ row, kind: 'unplaced', cell, reason: msg.id });
  }

  openContext(c: ContextRow): void {
    while (this.openContexts.length && RANK[this.openContexts[this.openContexts.length - 1].kind] >= RANK[c.kind]) this.openContexts.pop();
    this.openContexts.push(c);
    this.contexts.push(c);
  }

  run(): AdoptedTree {
    const { grid: g, header } = this.input;
    const ctx = rowContext(this);
    for (let row = header.dataStart; row <= g.lastRow; row++) {
      if (g.rowBlank(row) && (g.uncached.size === 0 || !hasUncached(g, row))) continue;
      const kind = classifyRow(ctx, row);
      if (kind.kind === 'skip') {
        this.nonData.add(row);
        this.sink.skip(row, kind.cell, kind.msg);
        this.fates.push({ row, kind: 'skipped', cell: kind.cell, reason: kind.msg.id });
        continue;
      }
      this.sourceRows++;
      this.ledger.dataRow(row);
      if (g.hiddenRows.has(row)) {
        this.sink.note('F02', 'W', g.cell(row, g.firstCol), { id: `Baris ${row} tersembunyi; isinya tetap dibaca.`, en: `Row ${row} is hidden; its values are read all the same.` });
      }
      if (kind.kind === 'totals') {
        this.nonData.add(row);
        this.totals.push({ row, cell: kind.cell, label: kind.label });
        this.fates.push({ row, kind: 'skipped', cell: kind.cell, reason: `baris jumlah ("${kind.label}"), diperiksa terhadap baris yang dijumlahkannya` });
        continue;
      }
      if (kind.kind === 'ringkasan') {
        this.nonData.add(row);
        this.ringkasan.push({ row, cell: kind.cell, col: kind.col, label: kind.label, jenis: kind.jenis });
        this.fates.push({ row, kind: 'skipped', cell: kind.cell, reason: `baris ${kind.jenis === 'predikat' ? 'predikat' : 'rata-rata capaian'} ("${kind.label}"), diperiksa terhadap baris di atasnya` });
        continue;
      }
      if (kind.kind === 'catatanForm' || (this.catatan.length && kind.kind === 'data' && this.catatan[this.catatan.length - 1].row === row - 1)) {
        // The footer of a Renja evaluation form: a label row, then its lines until the next label.
        this.nonData.add(row);
        const prev = this.catatan[this.catatan.length - 1];
        const cols: number[] = [];
        for (let c = g.firstCol; c <= g.lastCol; c++) if (g.fresh(row, c)) cols.push(c);
        const line = kind.kind === 'catatanForm'
          ? { row, cell: kind.cell, jenis: kind.jenis, label: kind.label, text: kind.text, cols }
          : { row, cell: g.cell(row, cols[0] ?? g.firstCol), jenis: prev.jenis, label: prev.label, text: cols.map((c) => String(g.raw(row, c) ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' '), cols };
        this.catatan.push(line);
        this.fates.push({ row, kind: 'context', what: `catatan form: ${line.label}` });
        this.lastOwn = undefined;
        continue;
      }
      if (kind.kind === 'kelompok' || kind.kind === 'group') {
        if (kind.kind === 'group') { this.group = { label: kind.label, row, used: false }; this.resetCoded(); }
        this.openContext({ row, kind: kind.kind, code: '', label: kind.label, boxes: [] });
        this.fates.push({ row, kind: 'context', what: `${kind.kind === 'group' ? 'perangkat daerah' : 'kelompok urusan'} ${kind.label}` });
        this.lastOwn = undefined;
        continue;
      }
      this.readRow(row);
    }
    return { boxes: this.boxes, years: this.input.years };
  }

  private readRow(row: number): void {
    const { grid: g, model } = this.input;
    this.own = undefined;
    this.contextWhat = undefined;
    if (continuation(this, row)) return;
    // Tujuan/sasaran/level groups first: they are above every coded box, wherever their columns sit.
    for (const gi of this.order) {
      const grp = model.groups[gi];
      if (grp.kind !== 'coded') {
        const sc = grp.statementCol;
        if (sc !== undefined && g.fresh(row, sc) && !this.statementBox(grp, gi, row, sc)) return;
      } else {
        const fresh = grp.codeCols.some((c) => g.fresh(row, c)) || [...nameColumns(grp).map((n) => n.col), grp.statementCol].some((c) => c !== undefined && g.fresh(row, c));
        if (fresh && this.numbering(grp, row)) {
          // a tujuan/sasaran number (`T1`, `1.1`) in the code column: kept with its box
        } else if (fresh) {
          const r = codedBox(this, grp, gi, row);
          if (r === 'failed') { this.cur[gi] = BROKEN; this.reset(gi); return; }
          if (r !== 'context') { this.cur[gi] = r; this.reset(gi); this.own = { box: r, row }; }
        }
      }
      for (const ic of indicatorColumns(grp)) if (g.fresh(row, ic) && !this.indicator(this.cur[gi], row, ic)) return;
    }
    const si = model.sharedIndicator;
    if (si !== undefined && g.fresh(row, si) && !this.indicator(this.own?.box ?? this.deepestCurrent(), row, si)) return;
    if (!this.own) {
      if (this.contextWhat !== undefined) { this.fates.push({ row, kind: 'context', what: this.contextWhat }); this.lastOwn = undefined; return; }
      this.fail(row, firstFresh(g, row), { id: 'baris ini tidak berisi pernyataan, kode, maupun indikator.', en: 'the row holds no statement, code or indicator.' });
      return;
    }
    fillValues(this, row, this.own);
    this.owns.push(this.own);
    this.lastOwn = this.own;
    this.fates.push(this.own.indicator
      ? { row, kind: 'indicator', id: this.own.box.id, indicator: this.own.indicator.nama }
      : { row, kind: 'box', id: this.own.box.id });
  }

  private statementBox(grp: Group, gi: number, row: number, sc: number): boolean {
    const { grid: g, header } = this.input;
    const level = this.levelOf(grp);
    if (!level) {
      this.fail(row, g.cell(row, sc), { id: `kolom ${text(header.labels.get(sc)?.join(' ') ?? '')} tidak sesuai dengan level yang dikonfigurasi.`, en: 'the column matches no configured level.' });
      return false;
    }
    const stmt = statementAt(g, this.sink, row, sc, 'Pernyataan Kinerja');
    const parent = this.deepestAbove(gi, false);
    const current = this.cur[gi];
    const same = current && current !== BROKEN && sameText(current.pernyataan, stmt) && current.parent === parent;
    if (!same) {
      const b = this.addBox(level, row, parent);
      b.pernyataan = stmt;
      this.cur[gi] = b;
      this.reset(gi);
      this.resetCoded();
    }
    this.ledger.carry(row, sc);
    this.own = { box: this.cur[gi] as AdoptedBox, row };
    return true;
  }

  /**
   * A code column that numbers a tujuan or sasaran row (`T1`, `S.1.2`, `1.1`) rather than
   * coding a program: nothing else of the coded group is typed and a statement made this row's
   * box. The number goes to that box's Catatan.
   */
  private numbering(grp: Group, row: number): boolean {
    const { grid: g } = this.input;
    if (!this.own || this.own.box.level?.nomenklatur) return false;
    if ([...nameColumns(grp).map((n) => n.col), grp.statementCol].some((c) => c !== undefined && g.fresh(row, c))) return false;
    const typed = grp.codeCols.filter((c) => g.fresh(row, c));
    if (typed.length !== 1) return false;
    const t = String(g.raw(row, typed[0])).trim();
    if (!/^(?:[A-Za-z]{1,4}[.\s-]?)?\d{1,2}(?:\.\d{1,2}){0,3}\.?$/.test(t)) return false;
    addCatatan(this.own.box, `Nomor: ${t}`);
    this.ledger.carry(row, typed[0]);
    return true;
  }

  /** The deepest box any group holds (a shared indicator column's continuation rows). */
  private deepestCurrent(): AdoptedBox | undefined {
    for (let j = this.cur.length - 1; j >= 0; j--) if (this.cur[j]) return this.cur[j];
    return undefined;
  }

  private indicator(box: AdoptedBox | undefined, row: number, ic: number): boolean {
    const { grid: g } = this.input;
    if (box === BROKEN) {
      this.fail(row, g.cell(row, ic), { id: 'indikator di bawah baris yang tidak tertempatkan.', en: 'an indicator under a row that was not placed.' });
      return false;
    }
    if (!box) {
      this.fail(row, g.cell(row, ic), { id: 'indikator tanpa kotak (pernyataan atau kode) di atasnya.', en: 'an indicator with no box (statement or code) above it.' });
      return false;
    }
    const raw = g.raw(row, ic);
    const stacked = this.input.splitIndicatorLines ? undefined : stackedLines(raw);
    const names = this.input.splitIndicatorLines && typeof raw === 'string' ? raw.split(/\r?\n/).filter((s) => s.trim() !== '') : (stacked ?? [raw]);
    const made: AdoptedIndicator[] = [];
    for (const n of names) {
      const nama = statementAt(g, this.sink, row, ic, 'Indikator', n);
      if (nama === '') continue;
      let ind = box.indicators.find((x) => sameText(x.nama, nama) && !x.filled);
      if (!ind) { ind = newIndicator(nama, this.input.years.length, row); box.indicators.push(ind); }
      made.push(ind);
      this.own = { box, indicator: made[0], row };
    }
    if (stacked && made.length > 1 && this.own) this.own.stacked = made;
    this.ledger.carry(row, ic);
    return true;
  }
}

function hasUncached(g: Grid, row: number): boolean {
  for (let c = g.firstCol; c <= g.lastCol; c++) if (g.uncachedFormula(row, c) !== undefined) return true;
  return false;
}

export function firstFresh(g: Grid, row: number): string {
  for (let c = g.firstCol; c <= g.lastCol; c++) if (g.fresh(row, c)) return g.cell(row, c);
  return g.cell(row, g.firstCol);
}
