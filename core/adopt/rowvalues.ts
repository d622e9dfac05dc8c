/**
 * The value columns of one matrix row (satuan, baseline, yearly targets and pagu, final
 * condition, penanggung jawab) into the row's own box and indicator. Numbers are read from
 * their own row only, never from a merge above.
 */
import { cleanText, normaliseSatuan, show } from '../read/normalise.js';
import type { CellValue } from '../snapshot.js';
import type { ColumnModel } from './columns.js';
import type { Grid } from './grid.js';
import type { AdoptedBox, AdoptedIndicator } from './tree.js';
import { amountAt, sameUnit, satuanAt, targetAt, type Sink } from './values.js';

export function fillValues(
  g: Grid, s: Sink, model: ColumnModel, years: number[], row: number, box: AdoptedBox, ind: AdoptedIndicator | undefined,
): void {
  years.forEach((y, k) => {
    const c = model.pagu.get(y);
    if (c === undefined || !g.fresh(row, c)) return;
    const v = amountAt(g, s, row, c, `Pagu ${y}`);
    if (box.pagu[k] === null) box.pagu[k] = v;
    else if (v !== box.pagu[k] && v !== 0) keepFirst(s, g.cell(row, c), `Pagu ${y}`, v, box.pagu[k], box.id);
  });
  for (const [field, col] of [['pj', model.pj], ['refPemda', model.refPemda], ['catatan', model.catatan]] as const) {
    if (col === undefined || !g.fresh(row, col)) continue;
    const t = cleanText(g.raw(row, col));
    s.f02(g.cell(row, col), field === 'pj' ? 'Penanggung Jawab' : field === 'refPemda' ? 'Ref Pemda' : 'Catatan', t.change, box.id);
    if (box[field] === '') box[field] = t.value;
    else if (t.value !== box[field]) keepFirst(s, g.cell(row, col), field === 'pj' ? 'Penanggung Jawab' : field, t.value, box[field], box.id);
  }

  const valueCols: [string, number | undefined][] = [
    ['satuan', model.satuan], ['awal', model.awal], ['akhir', model.akhir],
    ...years.map((y): [string, number | undefined] => [`target ${y}`, model.target.get(y)]),
  ];
  const freshValue = valueCols.find(([, c]) => c !== undefined && g.fresh(row, c));
  if (!ind) {
    if (freshValue) {
      s.note('F01', 'E', g.cell(row, freshValue[1] as number), {
        id: `Nilai di baris ${row} tidak punya indikator; nilainya tidak diimpor.`,
        en: `Values in row ${row} have no indicator; they are not imported.`,
      }, box.id);
    }
    return;
  }
  if (!freshValue) return;
  ind.filled = true;
  if (model.satuan !== undefined && g.fresh(row, model.satuan)) ind.satuan = satuanAt(g, s, row, model.satuan);
  const target = (col: number | undefined, label: string): CellValue => {
    if (col === undefined || !g.fresh(row, col)) return null;
    const t = targetAt(g, s, row, col, ind.satuan, label);
    if (!t.unit) return t.value;
    const cell = g.cell(row, col);
    if (ind.satuan === '') {
      ind.satuan = normaliseSatuan(t.unit).value;
      s.f02(cell, 'Satuan', { from: '', to: ind.satuan }, box.id);
      return t.value;
    }
    if (sameUnit(t.unit, ind.satuan)) return t.value;
    // Kept as typed, so the canonical workbook shows the conflict too (K04).
    s.note('K04', 'E', cell, {
      id: `${label} "${show(g.raw(row, col))}" memakai satuan ${t.unit}, berbeda dengan satuan indikator (${ind.satuan}).`,
      en: `${label} "${show(g.raw(row, col))}" uses the unit ${t.unit}, unlike the indicator's unit (${ind.satuan}).`,
    }, box.id);
    return show(g.raw(row, col));
  };
  ind.kondisiAwal = target(model.awal, 'Kondisi Awal');
  years.forEach((y, k) => { ind.targets[k] = target(model.target.get(y), `Target ${y}`); });
  ind.kondisiAkhir = target(model.akhir, 'Kondisi Akhir');
}

function keepFirst(s: Sink, cell: string, label: string, v: CellValue, kept: CellValue, id: string): void {
  s.note('F02', 'W', cell, {
    id: `${label} "${show(v)}" berbeda dengan nilai kotak ${id} yang sudah terbaca ("${show(kept)}"); nilai pertama dipakai.`,
    en: `${label} "${show(v)}" differs from box ${id}'s value read earlier ("${show(kept)}"); the first value is kept.`,
  }, id);
}
