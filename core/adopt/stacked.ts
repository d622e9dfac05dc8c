/**
 * Several indicators listed in one cell (`1. Cakupan A ⏎ 2. Cakupan B`), as PDF copies of
 * matrices print them, with their satuan and targets stacked the same way in their cells
 * (`% ⏎ Dokumen`, `80 ⏎ 3`). Line i of each value cell belongs to indicator i. One satuan for
 * all is shared; a number cell whose lines do not match the indicators is reported, never
 * spread by guess.
 */
import { cleanText, normaliseSatuan, show } from '../read/normalise.js';
import type { CellValue } from '../snapshot.js';
import type { Walker } from './matrix.js';
import { readTarget } from './targets.js';
import type { AdoptedBox, AdoptedIndicator } from './tree.js';
import { sameUnit } from './values.js';

function lines(v: CellValue): CellValue[] {
  if (typeof v !== 'string') return [v];
  return v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** Lines of a cell that lists several indicators, each numbered or bulleted; undefined otherwise. */
export function stackedLines(v: unknown): string[] | undefined {
  if (typeof v !== 'string' || !/\n/.test(v)) return undefined;
  const lines = v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length >= 2 && lines.every((l) => /^(?:\d{1,2}[.)]|[a-z][.)]|[-•·▪*])\s*\S/.test(l)) ? lines : undefined;
}

export function fillStacked(w: Walker, row: number, box: AdoptedBox, inds: AdoptedIndicator[]): void {
  const { grid: g, model, years } = w.input;
  const n = inds.length;
  const mismatch = (c: number, got: number, label: string) => {
    w.sink.note('F01', 'E', g.cell(row, c), {
      id: `${label}: sel berisi ${got} nilai untuk ${n} indikator yang ditulis dalam satu sel; tidak dibagi dengan tebakan.`,
      en: `${label}: the cell holds ${got} values for ${n} indicators written in one cell; not spread by guess.`,
    }, box.id);
    w.ledger.drop(row, c, { id: `${got} nilai untuk ${n} indikator dalam satu sel`, en: `${got} values for ${n} indicators in one cell` });
  };
  if (model.satuan !== undefined && g.fresh(row, model.satuan)) {
    const ls = lines(g.raw(row, model.satuan)).map((v) => normaliseSatuan(cleanText(v).value).value);
    if (ls.length === n || ls.length === 1) {
      inds.forEach((ind, i) => { ind.satuan ||= ls.length === 1 ? ls[0] : ls[i]; });
      if (ls.length === n) w.sink.f02(g.cell(row, model.satuan), 'Satuan', { from: show(g.raw(row, model.satuan)), to: ls.join(' | ') }, box.id);
      w.ledger.carry(row, model.satuan);
    } else mismatch(model.satuan, ls.length, 'Satuan');
  }
  const put = (c: number | undefined, label: string, set: (ind: AdoptedIndicator, v: CellValue) => void) => {
    if (c === undefined || !g.fresh(row, c)) return;
    const ls = lines(g.raw(row, c));
    if (ls.length !== n) { mismatch(c, ls.length, label); return; }
    const locale = w.input.notations.get(c)?.locale ?? 'id';
    const read = ls.map((v) => readTarget(v, locale));
    read.forEach((r, i) => {
      if (r.unit && inds[i].satuan === '') inds[i].satuan = normaliseSatuan(r.unit).value;
      else if (r.unit && !sameUnit(r.unit, inds[i].satuan)) {
        w.sink.note('K04', 'E', g.cell(row, c), { id: `${label} "${show(ls[i])}" memakai satuan ${r.unit}, berbeda dengan satuan indikator (${inds[i].satuan}).`, en: `${label} "${show(ls[i])}" uses the unit ${r.unit}, unlike the indicator's unit (${inds[i].satuan}).` }, box.id);
      }
      set(inds[i], r.unit && inds[i].satuan && !sameUnit(r.unit, inds[i].satuan) ? show(ls[i]) : r.value);
    });
    w.sink.f02(g.cell(row, c), label, { from: show(g.raw(row, c)), to: read.map((r) => show(r.value)).join(' | ') }, box.id);
    w.ledger.carry(row, c);
  };
  put(model.awal, 'Kondisi Awal', (ind, v) => { ind.kondisiAwal = v; });
  years.forEach((y, k) => put(model.target.get(y), `Target ${y}`, (ind, v) => { ind.targets[k] = v; }));
  put(model.akhir, 'Kondisi Akhir', (ind, v) => { ind.kondisiAkhir = v; });
  for (const ind of inds) ind.filled = true;
}
