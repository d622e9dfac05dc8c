/**
 * Adopting one foreign sheet (a wide Renstra matrix or Matriks Cascading, an RPJMD program
 * matrix, a level table) once its header is read: the pre-passes (columns printed over two
 * grid columns, hidden columns, each column's number notation), the row walk, the checks,
 * the value ledger, and for the pemda's matrix the pemda tree or its split per OPD.
 */
import { columnLetter } from '../a1.js';
import { classDigit, defaultConfig, levelsOfTree, type JenisPemda } from '../config.js';
import { headerKey } from '../layout/tables.js';
import { checkContexts, checkTotals, reportOversizedMerges, reportUncached } from './checks.js';
import type { ColumnModel } from './columns.js';
import type { Grid } from './grid.js';
import type { HeaderBlock } from './header.js';
import { Ledger } from './ledger.js';
import { Walker } from './matrix.js';
import { LocaleVote } from './numbers.js';
import { isPemdaMatrix, pemdaLevels, sharedPrograms } from './pemda.js';
import type { AdoptedTree } from './tree.js';
import type { AdoptOptions, LayoutKind, NotCarried, RowFate, TotalsCheck, ValueTally, ColumnValues } from './types.js';
import { Sink, type ColumnNotation } from './values.js';

export interface ForeignRead {
  layout: LayoutKind;
  tree: AdoptedTree;
  fates: RowFate[];
  sourceRows: number;
  sink: Sink;
  values: ValueTally & { columns: ColumnValues[] };
  notCarried: NotCarried[];
  totals: TotalsCheck[];
  pemda: boolean;
  levels: ReturnType<typeof defaultConfig>['levels'];
}

/**
 * What an adopter of another form adds to the walk (the Renja evaluation form): its own columns
 * read after the rows are placed, and its own checks after the totals; both before the ledger
 * is tallied, so every value they take is counted.
 */
export interface ForeignHooks {
  afterWalk?: (w: Walker) => void;
  afterChecks?: (w: Walker) => void;
}

export function readForeign(
  g: Grid, header: HeaderBlock, model: ColumnModel, layout: LayoutKind, years: number[], opts: AdoptOptions, jenis: JenisPemda | null, hooks: ForeignHooks = {},
): ForeignRead {
  const sink = new Sink(g.name);
  relocateSpans(g, header);
  reportHidden(g, header, model, sink);
  const notations = columnNotations(g, header, model, sink);
  const pemda = layout !== 'level-table' && isPemdaMatrix(g, header, model, opts);
  const config = defaultConfig();
  config.kodeOpd = pemda ? 'PEMDA' : (opts.kodeOpd ?? '');
  if (pemda) config.levels = pemdaLevels();
  const levels = levelsOfTree(config);
  let levelStart = 0;
  if (opts.levelAwal) {
    const i = levels.findIndex((l) => headerKey(l.name) === headerKey(opts.levelAwal as string));
    if (i >= 0) levelStart = i;
  }
  const ledger = new Ledger(g);
  const w = new Walker({
    grid: g, header, model, levels, levelStart, years, splitIndicatorLines: layout === 'level-table', notations,
    ...(opts.nomenklatur ? { nomenklatur: opts.nomenklatur } : {}), classDigit: classDigit(jenis) ?? '2',
  }, sink, ledger);
  const tree = w.run();
  hooks.afterWalk?.(w);
  // Row numbers (`No`) keep their rows' order: carried with every row that was read.
  const noCols = [...model.roles].filter(([, r]) => r.kind === 'no').map(([c]) => c);
  for (const f of w.fates) if (f.kind === 'box' || f.kind === 'indicator' || f.kind === 'context') for (const c of noCols) if (g.fresh(f.row, c)) ledger.carry(f.row, c);
  const totals = [...checkTotals(w), ...checkContexts(w)];
  hooks.afterChecks?.(w);
  reportOversizedMerges(w);
  reportUncached(w, g);
  if (pemda) sharedPrograms(tree);
  const { values, notCarried } = ledger.tally(g, header, model, sink);
  return { layout: pemda ? 'rpjmd-matrix' : layout, tree, fates: w.fates, sourceRows: w.sourceRows, sink, values, notCarried, totals, pemda, levels: config.levels };
}

/** A value typed in the second grid column of a column printed over two is read in the first. */
function relocateSpans(g: Grid, h: HeaderBlock): void {
  if (!h.spans.size) return;
  for (let r = h.dataStart; r <= g.lastRow; r++) {
    for (const [c, anchor] of h.spans) {
      if (g.fresh(r, c) && !g.fresh(r, anchor) && !g.coveredBy(r, anchor)) g.relocate(r, c, anchor);
    }
  }
}

/** A hidden column that holds data is still read (nothing is lost), and said so. */
function reportHidden(g: Grid, header: HeaderBlock, model: ColumnModel, sink: Sink): void {
  for (const c of g.hidden) {
    const role = model.roles.get(c);
    let filled = false;
    for (let r = header.dataStart; r <= g.lastRow && !filled; r++) filled = g.fresh(r, c);
    if (!filled) continue;
    const label = (header.labels.get(c) ?? []).join(' / ');
    const used = !!role && role.kind !== 'ignored';
    sink.note('F02', 'W', header.labelCells.get(c) ?? g.cell(header.titleRows[0], c), used
      ? { id: `Kolom ${columnLetter(c)} (${label}) tersembunyi; isinya tetap dibaca.`, en: `Column ${columnLetter(c)} (${label}) is hidden; its values are read all the same.` }
      : { id: `Kolom ${columnLetter(c)} (${label}) tersembunyi dan tidak diimpor.`, en: `Column ${columnLetter(c)} (${label}) is hidden and not imported.` });
  }
}

/**
 * Each number column's notation from its own text values (`numbers.ts`). A column mixing
 * Indonesian and English notation is reported once; its `1.234`-like values one by one.
 */
function columnNotations(g: Grid, h: HeaderBlock, model: ColumnModel, sink: Sink): Map<number, ColumnNotation> {
  const cols = new Set<number>([...model.target.values(), ...model.pagu.values()]);
  for (const c of [model.awal, model.akhir, model.paguAkhir]) if (c !== undefined) cols.add(c);
  for (const c of model.renja?.cols ?? []) if (c.ukuran !== 'satuan') cols.add(c.col);
  const out = new Map<number, ColumnNotation>();
  for (const c of cols) {
    const vote = new LocaleVote();
    for (let r = h.dataStart; r <= g.lastRow; r++) {
      const v = g.raw(r, c);
      if (typeof v === 'string') vote.add(v);
    }
    const d = vote.decide();
    out.set(c, { locale: d.locale, decided: d.decided });
    if (d.mixed) {
      sink.note('F02', 'W', h.labelCells.get(c) ?? g.cell(h.titleRows[0], c), {
        id: `Kolom ${columnLetter(c)} memakai dua format angka (Indonesia ${vote.id}×, Inggris ${vote.en}×); tiap nilai dibaca menurut formatnya sendiri, nilai seperti 1.234 menurut format ${d.locale === 'id' ? 'Indonesia' : 'Inggris'} dan dilaporkan.`,
        en: `Column ${columnLetter(c)} mixes two number notations (Indonesian ${vote.id}×, English ${vote.en}×); each value is read in its own notation, values like 1.234 in ${d.locale === 'id' ? 'Indonesian' : 'English'} notation and reported.`,
      });
    }
  }
  return out;
}
