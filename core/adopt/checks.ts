/**
 * Checks after the rows are read: totals rows (`JUMLAH …`) and the subtotals printed on
 * urusan, bidang, kelompok and group rows against the pagu of the rows they total (B01 when
 * they differ: a total that is not the sum of its parts, the rule for program vs kegiatan
 * pagu); merged areas that run past their block; formulas without a cached value.
 * A total that checks out needs no place in the canonical workbook: it is carried as verified.
 */
import { columnLetter } from '../a1.js';
import { show } from '../read/normalise.js';
import type { Grid } from './grid.js';
import type { ContextRow, Walker } from './matrix.js';
import type { PaguEntry } from './rowvalues.js';
import { readAmountText } from './targets.js';
import type { TotalsCheck } from './types.js';

interface Candidate { sum: number; what: string }

function stated(w: Walker, row: number, col: number): number | null {
  const v = w.g.raw(row, col);
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  return readAmountText(v, w.input.notations.get(col)?.locale ?? 'id').value;
}

function scaleOf(w: Walker, col: number): number {
  const r = w.input.model.roles.get(col);
  return r?.kind === 'pagu' || r?.kind === 'paguAkhir' ? r.scale : r?.kind === 'renja' ? r.col.scale : 1;
}

/**
 * The rule a total that differs is reported under: B01 for pagu (a total that is not the sum of
 * its parts); U08 for the realisasi anggaran figures of a Renja evaluation form, which are not
 * pagu (the form's own arithmetic, SAKIP.md §12).
 */
function ruleOf(w: Walker, col: number): { rule: 'B01' | 'U08'; severity: 'E' | 'W' } {
  return w.input.model.roles.get(col)?.kind === 'renja' ? { rule: 'U08', severity: 'W' } : { rule: 'B01', severity: 'E' };
}

/** Σ of the entries per level of their boxes (and over all levels), in rupiah. */
function sums(entries: PaguEntry[], what: string): Candidate[] {
  const byLevel = new Map<string, number>();
  let all = 0;
  for (const e of entries) {
    const v = e.source * e.scale;
    all += v;
    byLevel.set(e.box.levelName, (byLevel.get(e.box.levelName) ?? 0) + v);
  }
  const out = [...byLevel.entries()].map(([lv, sum]) => ({ sum, what: `jumlah pagu ${lv} ${what}` }));
  if (byLevel.size > 1) out.push({ sum: all, what: `jumlah semua baris ${what}` });
  return out;
}

function entriesFor(w: Walker, col: number, keep: (e: PaguEntry) => boolean): PaguEntry[] {
  const m = w.input.model;
  const cols = col === m.paguAkhir ? new Set(m.pagu.values()) : new Set([col]);
  return w.entries.filter((e) => cols.has(e.col) && keep(e));
}

function check(w: Walker, row: number, col: number, candidates: Candidate[], label: string, out: TotalsCheck['checks']): boolean {
  const v = stated(w, row, col);
  const cell = w.g.cell(row, col);
  const column = `${columnLetter(col)} (${(w.input.header.labels.get(col) ?? []).join(' / ')})`;
  if (v === null) {
    w.ledger.drop(row, col, { id: 'nilai pada baris jumlah bukan angka', en: 'a value in a totals row is not a number' });
    out.push({ cell, column, stated: NaN, computed: null, ok: false, against: '' });
    return false;
  }
  const rupiah = v * scaleOf(w, col);
  const tol = Math.max(1, scaleOf(w, col));
  const hit = candidates.find((c) => Math.abs(c.sum - rupiah) <= tol);
  const best = hit ?? candidates[0];
  out.push({ cell, column, stated: rupiah, computed: best ? best.sum : null, ok: !!hit, against: best?.what ?? '' });
  if (hit) { w.ledger.carry(row, col); return true; }
  const fmt = (n: number) => `Rp ${Math.round(n).toLocaleString('id-ID')}`;
  const fmtEn = (n: number) => `Rp ${Math.round(n).toLocaleString('en-US')}`;
  const r = ruleOf(w, col);
  w.sink.note(r.rule, r.severity, cell, {
    id: `${label} di baris ${row}: ${show(w.g.raw(row, col))} (${fmt(rupiah)}) ≠ ${best ? `${best.what} (${fmt(best.sum)})` : 'tidak ada pagu di atasnya'}. Periksa baris yang hilang atau salah ketik.`,
    en: `${label} in row ${row}: ${show(w.g.raw(row, col))} (${fmtEn(rupiah)}) ≠ ${best ? `${best.what.replace('jumlah pagu', 'the sum of the pagu of').replace('jumlah semua baris', 'the sum of all rows')} (${fmtEn(best.sum)})` : 'no pagu above it'}. Look for a missing or mistyped row.`,
  });
  w.ledger.drop(row, col, { id: `jumlah tidak sama dengan baris yang dijumlahkannya (${r.rule})`, en: `the total differs from the rows it totals (${r.rule})` });
  return false;
}

/** Money columns whose totals and subtotals are checked (the Renja form's realisasi Rp columns too; not its capaian). */
function moneyCols(w: Walker): number[] {
  const m = w.input.model;
  const renja = (m.renja?.cols ?? []).filter((c) => c.ukuran === 'rp' && c.field !== 'capaian').map((c) => c.col);
  return [...m.pagu.values(), ...(m.paguAkhir !== undefined ? [m.paguAkhir] : []), ...renja];
}

/** Totals rows: against the rows since the previous totals row, the whole table, or the subtotals. */
export function checkTotals(w: Walker): TotalsCheck[] {
  const out: TotalsCheck[] = [];
  const { grid: g, header, model } = w.input;
  let prev = header.dataStart - 1;
  const previous: number[] = [];
  for (const t of w.totals) {
    const checks: TotalsCheck['checks'] = [];
    let ok = true;
    for (const c of moneyCols(w)) {
      if (!g.fresh(t.row, c)) continue;
      const since = prev;
      const cands = [
        ...sums(entriesFor(w, c, (e) => e.row > since && e.row < t.row), `baris ${since + 1}–${t.row - 1}`),
        ...sums(entriesFor(w, c, (e) => e.row < t.row), 'di atasnya'),
      ];
      const subs = previous.map((r) => (g.fresh(r, c) ? (stated(w, r, c) ?? 0) * scaleOf(w, c) : 0));
      if (subs.length) cands.push({ sum: subs.reduce((a, b) => a + b, 0), what: 'jumlah baris-baris jumlah di atasnya' });
      ok = check(w, t.row, c, cands, `Baris jumlah "${t.label}"`, checks) && ok;
    }
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      if (!g.fresh(t.row, c) || moneyCols(w).includes(c)) continue;
      const isLabel = g.cell(t.row, c) === t.cell || model.roles.get(c)?.kind === 'no';
      if (isLabel && ok) w.ledger.carry(t.row, c);
      else if (isLabel) w.ledger.drop(t.row, c, { id: 'label baris jumlah yang angkanya tidak cocok', en: 'the label of a totals row whose figures do not match' });
      else w.ledger.drop(t.row, c, { id: 'nilai pada baris jumlah selain pagu tidak diperiksa', en: 'a totals-row value other than pagu is not checked' });
    }
    w.sink.skip(t.row, t.cell, { id: `baris jumlah ("${t.label}") ${ok ? 'cocok dengan' : 'TIDAK cocok dengan'} baris yang dijumlahkannya; tidak diimpor.`, en: `a totals row ("${t.label}") that ${ok ? 'matches' : 'does NOT match'} the rows it totals; not imported.` });
    out.push({ row: t.row, label: t.label, checks });
    previous.push(t.row);
    prev = t.row;
  }
  return out;
}

/** Urusan, bidang, kelompok and group rows: their cells are context when boxes hang under them; their subtotals are checked. */
export function checkContexts(w: Walker): TotalsCheck[] {
  const out: TotalsCheck[] = [];
  const { grid: g } = w.input;
  const money = new Set(moneyCols(w));
  for (const ctx of w.contexts) {
    const checks: TotalsCheck['checks'] = [];
    const boxes = new Set(ctx.boxes);
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      if (!g.fresh(ctx.row, c)) continue;
      if (money.has(c)) {
        const cands = sums(entriesFor(w, c, (e) => boxes.has(e.box)), `di bawah ${KIND[ctx.kind].id} ${ctx.code || ctx.label}`);
        check(w, ctx.row, c, cands, `Subtotal ${KIND[ctx.kind].id} ${ctx.code || ctx.label}`, checks);
      } else if (w.hierarchyCols.has(c) || w.input.model.roles.get(c)?.kind === 'no' || w.input.model.roles.get(c)?.kind === 'pj') {
        if (ctx.boxes.length) w.ledger.carry(ctx.row, c);
        else w.ledger.drop(ctx.row, c, contextWhy(ctx));
      } else {
        w.ledger.drop(ctx.row, c, { id: `nilai pada baris ${KIND[ctx.kind].id} tidak punya kotak untuk menampungnya`, en: `a value on a ${KIND[ctx.kind].en} row has no box to hold it` });
      }
    }
    if (checks.length) out.push({ row: ctx.row, label: `${KIND[ctx.kind].id} ${ctx.code || ctx.label}`, checks });
  }
  return out;
}

const KIND: Record<ContextRow['kind'], { id: string; en: string }> = {
  kelompok: { id: 'kelompok urusan', en: 'kelompok urusan' }, urusan: { id: 'urusan', en: 'urusan' }, bidang: { id: 'bidang', en: 'bidang' },
  group: { id: 'perangkat daerah', en: 'perangkat daerah' },
};

function contextWhy(ctx: ContextRow) {
  return { id: `${KIND[ctx.kind].id} ${ctx.code || ctx.label} tanpa program di bawahnya; tidak ada tempatnya di pohon`, en: `${KIND[ctx.kind].en} ${ctx.code || ctx.label} has no program under it; the tree has no place for it` };
}

/**
 * A merge in a hierarchy column that reaches rows which are not data (totals, footnotes,
 * blank rows, or past the sheet): its value was not carried into them (F01 at the anchor).
 */
export function reportOversizedMerges(w: Walker): void {
  const { grid: g, header: h } = w.input;
  // A row left blank because the record above is printed over it (all its cells merged down) is
  // part of that record, not outside it.
  const partOfRecord = (r: number, m: { top: number; left: number }) => {
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      const o = g.coveredBy(r, c);
      if (o && o.left !== m.left && o.top >= h.dataStart && !w.nonData.has(o.top)) return true;
    }
    return false;
  };
  for (const m of g.merges) {
    if (m.top < h.dataStart || m.bottom === m.top || !w.hierarchyCols.has(m.left) || w.nonData.has(m.top) && !w.totals.some((t) => t.row === m.top)) continue;
    let outside = m.bottom > g.lastRow;
    for (let r = m.top + 1; r <= Math.min(m.bottom, g.lastRow) && !outside; r++) if (w.nonData.has(r) || (g.rowBlank(r) && !partOfRecord(r, m))) outside = true;
    if (!outside) continue;
    w.sink.note('F01', 'E', g.cell(m.top, m.left), {
      id: `Sel gabungan ${m.range} lebih panjang dari baris datanya; nilainya tidak diturunkan ke baris di luar tabel.`,
      en: `Merged area ${m.range} is longer than its data rows; its value is not carried into rows outside the table.`,
    });
  }
}

/** Formula cells without a cached result in data rows: their value is unknown (F01). */
export function reportUncached(w: Walker, g: Grid): void {
  for (const [k, formula] of g.uncached) {
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    if (row < w.input.header.dataStart || w.nonData.has(row) && !w.totals.some((t) => t.row === row)) continue;
    const msg = { id: `Sel ${g.cell(row, col)} berisi rumus (=${formula}) tanpa nilai tersimpan; buka dan simpan ulang berkas di Excel agar nilainya terhitung, lalu impor lagi.`, en: `Cell ${g.cell(row, col)} holds a formula (=${formula}) with no cached value; open and save the file in Excel so it is calculated, then import again.` };
    w.sink.note('F01', 'E', g.cell(row, col), msg);
    w.ledger.drop(row, col, { id: `rumus tanpa nilai tersimpan (=${formula})`, en: `a formula with no cached value (=${formula})` });
  }
}
