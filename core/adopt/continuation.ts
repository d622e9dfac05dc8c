/**
 * A record printed over several sheet rows (PDF-to-Excel copies): the row's hierarchy cells
 * are all merged down from the row above, and the only values typed in it continue that
 * row's cells (a satuan split in two: `Orang/` then `bulan`), or fill cells it left empty.
 * Text is joined, an empty number slot is filled, a second number is reported.
 */
import { cleanText, normaliseSatuan } from '../read/normalise.js';
import type { CellValue } from '../snapshot.js';
import type { Walker } from './matrix.js';
import { addCatatan } from './tree.js';
import { amountAt, targetAt } from './values.js';

function joinText(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return /[/(-]$/.test(a) || /^[/)-]/.test(b) ? `${a}${b}` : `${a} ${b}`;
}

/** True when `row` continues the row read before it (and was read so). */
export function continuation(w: Walker, row: number): boolean {
  const own = w.lastOwn;
  const { grid: g, model, years } = w.input;
  if (!own) return false;
  let mergedFromOwner = false;
  for (const c of w.hierarchyCols) {
    if (g.fresh(row, c)) return false;
    const m = g.coveredBy(row, c);
    if (m && m.top === own.row) mergedFromOwner = true;
  }
  if (!mergedFromOwner) return false;
  const { box, indicator: ind } = own;
  const L = w.ledger;
  const s = w.sink;
  const text = (c: number) => cleanText(g.raw(row, c)).value;
  const second = (c: number, what: string) => L.drop(row, c, {
    id: `baris lanjutan dari baris ${own.row}: ${what} sudah terisi di sana`, en: `a continuation of row ${own.row}: ${what} is already filled there`,
  });

  if (model.satuan !== undefined && g.fresh(row, model.satuan)) {
    if (ind) {
      const joined = normaliseSatuan(joinText(ind.satuan, text(model.satuan))).value;
      s.f02(g.cell(row, model.satuan), 'Satuan', { from: `${ind.satuan} + ${text(model.satuan)}`, to: joined }, box.id);
      ind.satuan = joined;
      L.carry(row, model.satuan);
    } else second(model.satuan, 'satuan');
  }
  if (model.pj !== undefined && g.fresh(row, model.pj)) {
    const joined = joinText(box.pj, text(model.pj));
    s.f02(g.cell(row, model.pj), 'Penanggung Jawab', { from: `${box.pj} + ${text(model.pj)}`, to: joined }, box.id);
    box.pj = joined;
    L.carry(row, model.pj);
  }
  for (const c of model.catatan) if (g.fresh(row, c)) { addCatatan(box, text(c)); L.carry(row, c); }

  years.forEach((y, k) => {
    const c = model.pagu.get(y);
    if (c === undefined || !g.fresh(row, c)) return;
    const role = model.roles.get(c);
    const scale = role?.kind === 'pagu' ? role.scale : 1;
    const a = amountAt(g, s, row, c, `Pagu ${y}`, w.input.notations.get(c), scale, box.id);
    if (box.pagu[k] === null) { box.pagu[k] = a.value; L.carry(row, c); if (a.source !== null) w.entries.push({ row, col: c, source: a.source, scale, box }); }
    else second(c, `Pagu ${y}`);
  });
  const put = (c: number | undefined, label: string, get: () => CellValue, set: (v: CellValue) => void) => {
    if (c === undefined || !g.fresh(row, c)) return;
    if (!ind || get() !== null) { second(c, label); return; }
    set(targetAt(g, s, row, c, ind.satuan, label, w.input.notations.get(c), box.id).value);
    L.carry(row, c);
  };
  put(model.awal, 'Kondisi Awal', () => ind?.kondisiAwal ?? null, (v) => { if (ind) ind.kondisiAwal = v; });
  years.forEach((y, k) => put(model.target.get(y), `Target ${y}`, () => ind?.targets[k] ?? null, (v) => { if (ind) ind.targets[k] = v; }));
  put(model.akhir, 'Kondisi Akhir', () => ind?.kondisiAkhir ?? null, (v) => { if (ind) ind.kondisiAkhir = v; });
  w.owns.push({ ...own, row, lanjutan: own.row });
  w.fates.push(ind ? { row, kind: 'indicator', id: box.id, indicator: ind.nama } : { row, kind: 'box', id: box.id });
  return true;
}
