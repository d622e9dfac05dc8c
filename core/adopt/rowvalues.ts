/**
 * The value columns of one matrix row (satuan, baseline, yearly targets and pagu, final
 * condition, penanggung jawab, notes, indicator fields) into the row's own box and
 * indicator, each value marked in the ledger when it is carried. Numbers are read from their
 * own row only, never from a merge above; text (satuan, penanggung jawab) merged down over
 * several rows is what the sheet shows in each of them.
 */
import type { Bilingual } from '../issues.js';
import { cleanText, normaliseSatuan, show } from '../read/normalise.js';
import type { CellValue } from '../snapshot.js';
import { OPD_NAME } from './rowkinds.js';
import type { Own, Walker } from './matrix.js';
import { addCatatan, type AdoptedBox, type AdoptedIndicator } from './tree.js';
import { fillStacked } from './stacked.js';
import { amountAt, sameUnit, satuanAt, targetAt, type TargetCell } from './values.js';

/** A pagu figure as read, in the source's own units, for the totals checks. */
export interface PaguEntry { row: number; col: number; source: number; scale: number; box: AdoptedBox }

export { continuation } from './continuation.js';

const notPlaced = (what: string): Bilingual => ({ id: `${what}: baris ini tidak punya indikator untuk menampungnya.`, en: `${what}: the row has no indicator to hold it.` });

/** Text merged down from a row above into this one (a merge is "the same" by definition). */
export function mergedText(w: Walker, row: number, col: number): string {
  const m = w.g.coveredBy(row, col);
  if (!m || m.top >= row || m.top < w.input.header.dataStart) return '';
  return cleanText(w.g.raw(m.top, m.left)).value;
}

const UNIT_NAME = /^\s*(?:bidang|sub\s*bag(?:ian)?|subbag|seksi|upt|uptd|sub\s*bidang|subbid|bagian|sekretariat|kepala)\b/i;

/**
 * Perangkat daerah (or units) named in one penanggung jawab cell: one per line, `;`, number or
 * bullet, or a comma / `dan` right before another OPD name. Split only when every piece names
 * one; otherwise the cell is one name.
 */
export function splitOpd(t: string): string[] {
  const whole = t.replace(/\s+/g, ' ').trim();
  // Most cells name one unit: nothing in them could separate two.
  if (!/[\n;,&•·]|\sdan\s|\s-\s|\d[.)]\s/i.test(t)) return [whole];
  const pieces = t.split(/\r?\n|;|\s+(?=\d{1,2}[.)]\s)|(?:^|\s)[-•·]\s+/).map((p) => p.replace(/^\s*\d{1,2}[.)]\s*/, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const out: string[] = [];
  for (const p of pieces) {
    const sub = p.split(/\s*(?:,|\bdan\b|&)\s*(?=(?:dinas|badan|kecamatan|sekretariat|inspektorat|rsud|rumah sakit|kantor|satuan polisi|bagian|bappeda|bpbd|bpkad)\b)/i).map((x) => x.trim()).filter(Boolean);
    out.push(...(sub.length > 1 && sub.every((x) => OPD_NAME.test(x)) ? sub : [p]));
  }
  // `DINKES`, `BAPPEDA`, `DPUPR`: the abbreviations RPJMD tables use for perangkat daerah.
  const abbreviation = (x: string) => /^[A-Z][A-Z0-9&./-]{1,15}$/.test(x);
  if (out.length < 2 || !out.every((x) => OPD_NAME.test(x) || UNIT_NAME.test(x) || abbreviation(x))) return [whole];
  return [...new Set(out)];
}

export function fillValues(w: Walker, row: number, own: Own): void {
  const { grid: g, model, years } = w.input;
  const { box } = own;
  const ind = own.indicator;
  const L = w.ledger;
  const s = w.sink;
  const notation = (c: number) => w.input.notations.get(c);
  const rowPagu: (number | null)[] = years.map(() => null);
  years.forEach((y, k) => {
    const c = model.pagu.get(y);
    if (c === undefined || !g.fresh(row, c)) return;
    const role = model.roles.get(c);
    const scale = role?.kind === 'pagu' ? role.scale : 1;
    const a = amountAt(g, s, row, c, `Pagu ${y}`, notation(c), scale, box.id);
    if (a.source !== null) w.entries.push({ row, col: c, source: a.source, scale, box });
    if (typeof a.value === 'number') rowPagu[k] = a.value;
    if (box.pagu[k] === null || box.pagu[k] === a.value) { if (box.pagu[k] === null) box.pagu[k] = a.value; L.carry(row, c); return; }
    if (a.value === 0 || a.value === null) { L.carry(row, c); return; }
    keepFirst(w, g.cell(row, c), `Pagu ${y}`, a.value, box.pagu[k], box);
    L.drop(row, c, { id: `Pagu ${y} kedua untuk kotak ${box.id}; nilai pertama dipakai`, en: `a second Pagu ${y} for box ${box.id}; the first is kept` });
  });
  checkPaguAkhir(w, row, rowPagu);
  textColumns(w, row, box);
  if (own.stacked) { fillStacked(w, row, box, own.stacked); return; }

  const valueCols: number[] = [];
  for (const c of [model.satuan, model.awal, model.akhir, ...model.target.values(), ...model.satuanYear.values(), ...model.fields.values()]) if (c !== undefined && g.fresh(row, c)) valueCols.push(c);
  if (!ind) {
    if (valueCols.length) {
      s.note('F01', 'E', g.cell(row, valueCols[0]), { id: `Nilai di baris ${row} tidak punya indikator; nilainya tidak diimpor.`, en: `Values in row ${row} have no indicator; they are not imported.` }, box.id);
      for (const c of valueCols) L.drop(row, c, notPlaced('nilai indikator'));
    }
    return;
  }
  if (model.satuan !== undefined) {
    if (g.fresh(row, model.satuan)) {
      const sat = satuanAt(g, s, row, model.satuan);
      if (ind.satuan === '' || sameUnit(ind.satuan, sat)) { ind.satuan ||= sat; L.carry(row, model.satuan); }
      else L.drop(row, model.satuan, { id: `satuan kedua untuk indikator "${ind.nama}"`, en: `a second satuan for indicator "${ind.nama}"` });
    } else if (ind.satuan === '') ind.satuan = normaliseSatuan(mergedText(w, row, model.satuan)).value;
  }
  if (!valueCols.length) return;
  ind.filled = true;
  const comparators = new Set<string>();
  let qualitative: TargetCell['qualitative'];
  const put = (col: number | undefined, label: string, get: () => CellValue, set: (v: CellValue) => void) => {
    if (col === undefined || !g.fresh(row, col)) return;
    const t = targetValue(w, row, col, ind, box, label);
    if (t.comparator) comparators.add(t.comparator);
    if (t.range) comparators.add('range');
    if (t.qualitative) qualitative = t.qualitative;
    if (get() === null || get() === t.value) { set(t.value); L.carry(row, col); return; }
    keepFirst(w, g.cell(row, col), label, t.value, get(), box);
    L.drop(row, col, { id: `${label} kedua untuk indikator "${ind.nama}"; nilai pertama dipakai`, en: `a second ${label} for indicator "${ind.nama}"; the first is kept` });
  };
  put(model.awal, 'Kondisi Awal', () => ind.kondisiAwal, (v) => { ind.kondisiAwal = v; });
  years.forEach((y, k) => put(model.target.get(y), `Target ${y}`, () => ind.targets[k], (v) => { ind.targets[k] = v; }));
  put(model.akhir, 'Kondisi Akhir', () => ind.kondisiAkhir, (v) => { ind.kondisiAkhir = v; });
  satuanPerYear(w, row, ind, box);
  for (const [field, c] of model.fields) {
    if (!g.fresh(row, c)) continue;
    const t = cleanText(g.raw(row, c)).value;
    ind.extra = { ...ind.extra, [field]: t };
    L.carry(row, c);
  }
  polarityFromComparators(w, row, ind, box, comparators);
  if (qualitative && ind.satuan === '') {
    ind.satuan = qualitative;
    s.f02(g.cell(row, model.target.values().next().value ?? g.firstCol), 'Satuan', { from: '', to: qualitative }, box.id);
  }
}

function targetValue(w: Walker, row: number, col: number, ind: AdoptedIndicator, box: AdoptedBox, label: string): TargetCell {
  const g = w.g;
  const t = targetAt(g, w.sink, row, col, ind.satuan, label, w.input.notations.get(col), box.id);
  if (!t.unit) return t;
  const cell = g.cell(row, col);
  if (ind.satuan === '') {
    ind.satuan = normaliseSatuan(t.unit).value;
    w.sink.f02(cell, 'Satuan', { from: '', to: ind.satuan }, box.id);
    return t;
  }
  if (sameUnit(t.unit, ind.satuan)) return t;
  // Kept as typed, so the canonical workbook shows the conflict too (K04).
  w.sink.note('K04', 'E', cell, {
    id: `${label} "${show(g.raw(row, col))}" memakai satuan ${t.unit}, berbeda dengan satuan indikator (${ind.satuan}).`,
    en: `${label} "${show(g.raw(row, col))}" uses the unit ${t.unit}, unlike the indicator's unit (${ind.satuan}).`,
  }, box.id);
  return { value: show(g.raw(row, col)) };
}

/** `Target | Satuan | Rp`: a year's satuan fills an empty one, repeats it, or conflicts (K04). */
function satuanPerYear(w: Walker, row: number, ind: AdoptedIndicator, box: AdoptedBox): void {
  const g = w.g;
  for (const [y, c] of w.input.model.satuanYear) {
    if (!g.fresh(row, c)) continue;
    const sat = satuanAt(g, w.sink, row, c);
    if (ind.satuan === '') ind.satuan = sat;
    if (sameUnit(sat, ind.satuan)) { w.ledger.carry(row, c); continue; }
    w.sink.note('K04', 'E', g.cell(row, c), {
      id: `Satuan ${y} "${sat}" berbeda dengan satuan indikator (${ind.satuan}); tidak diimpor.`,
      en: `Satuan ${y} "${sat}" differs from the indicator's unit (${ind.satuan}); not imported.`,
    }, box.id);
    w.ledger.drop(row, c, { id: `satuan ${y} berbeda dengan satuan indikator`, en: `satuan ${y} differs from the indicator's unit` });
  }
}

/** `<22`, `≤ 5` → Negatif; `> 80%`, `≥ 3` → Positif; ranges → Rentang, when the indicator has no Polaritas yet. */
function polarityFromComparators(w: Walker, row: number, ind: AdoptedIndicator, box: AdoptedBox, cmp: Set<string>): void {
  if (!cmp.size || ind.extra?.polaritas) return;
  const all = [...cmp];
  const down = all.every((c) => c === '<' || c === '≤');
  const up = all.every((c) => c === '>' || c === '≥');
  const range = all.every((c) => c === 'range');
  if (!down && !up && !range) return;
  const pol = range ? 'Rentang' : down ? 'Negatif' : 'Positif';
  ind.extra = { ...ind.extra, polaritas: pol };
  w.sink.f02(w.g.cell(row, w.input.model.target.values().next().value ?? w.g.firstCol), 'Polaritas', { from: '', to: range ? 'Rentang (dari target berbentuk rentang)' : `${pol} (dari target bertanda ${all.join(' ')})` }, box.id);
}

/** The `Rp` of the end-of-period group: carried when it is the sum of the row's yearly pagu. */
function checkPaguAkhir(w: Walker, row: number, rowPagu: (number | null)[]): void {
  const { grid: g, model } = w.input;
  const c = model.paguAkhir;
  if (c === undefined || !g.fresh(row, c)) return;
  const role = model.roles.get(c);
  const scale = role?.kind === 'paguAkhir' ? role.scale : 1;
  const a = amountAt(g, w.sink, row, c, 'Pagu akhir periode', w.input.notations.get(c), scale);
  const sum = rowPagu.reduce<number>((t, v) => t + (v ?? 0), 0);
  const tol = Math.max(1, scale, ...[...model.pagu.values()].map((pc) => { const r = model.roles.get(pc); return r?.kind === 'pagu' ? r.scale : 1; }));
  if (a.value === null || (typeof a.value === 'number' && Math.abs(a.value - sum) <= tol)) { w.ledger.carry(row, c); return; }
  w.sink.note('B01', 'E', g.cell(row, c), {
    id: `Pagu akhir periode (${show(g.raw(row, c))}) ≠ jumlah pagu tahunan di barisnya (${sum.toLocaleString('id-ID')}); tidak diimpor.`,
    en: `End-of-period pagu (${show(g.raw(row, c))}) ≠ the sum of the row's yearly pagu (${sum.toLocaleString('en-US')}); not imported.`,
  });
  w.ledger.drop(row, c, { id: 'pagu akhir periode berbeda dengan jumlah pagu tahunan', en: 'end-of-period pagu differs from the sum of the yearly pagu' });
}

/** Penanggung jawab, Ref Pemda, notes, kode OPD: onto the box. */
function textColumns(w: Walker, row: number, box: AdoptedBox): void {
  const { grid: g, model } = w.input;
  if (model.pj !== undefined) {
    const fresh = g.fresh(row, model.pj);
    const raw = fresh ? g.raw(row, model.pj) : mergedText(w, row, model.pj);
    const t = cleanText(raw).value;
    if (t !== '') {
      const all = splitOpd(typeof raw === 'string' ? raw : t);
      const first = all[0] ?? t;
      if (box.pj === '' || box.pj === w.group?.label || box.pj === first) { box.pj = first; if (all.length > 1) box.pjAll = all; if (fresh) w.ledger.carry(row, model.pj); }
      else if (fresh) {
        keepFirst(w, g.cell(row, model.pj), 'Penanggung Jawab', t, box.pj, box);
        w.ledger.drop(row, model.pj, { id: 'penanggung jawab kedua untuk kotak yang sama', en: 'a second penanggung jawab for the same box' });
      }
    }
  }
  if (model.refPemda !== undefined && g.fresh(row, model.refPemda)) {
    const t = cleanText(g.raw(row, model.refPemda)).value;
    if (box.refPemda === '' || box.refPemda === t) { box.refPemda = t; w.ledger.carry(row, model.refPemda); }
    else { keepFirst(w, g.cell(row, model.refPemda), 'Ref Pemda', t, box.refPemda, box); w.ledger.drop(row, model.refPemda, { id: 'Ref Pemda kedua', en: 'a second Ref Pemda' }); }
  }
  if (model.kodeOpd !== undefined && g.fresh(row, model.kodeOpd)) {
    box.kodeOpd ??= cleanText(g.raw(row, model.kodeOpd)).value;
    addCatatan(box, `Kode PD: ${cleanText(g.raw(row, model.kodeOpd)).value}`);
    w.ledger.carry(row, model.kodeOpd);
  }
  for (const c of model.catatan) {
    if (!g.fresh(row, c)) continue;
    const role = model.roles.get(c);
    const t = cleanText(g.raw(row, c)).value;
    addCatatan(box, role?.kind === 'catatan' && role.label ? `${role.label}: ${t}` : t);
    w.ledger.carry(row, c);
  }
}

export function keepFirst(w: Walker, cell: string, label: string, v: CellValue, kept: CellValue, box: AdoptedBox): void {
  w.sink.note('F02', 'W', cell, {
    id: `${label} "${show(v)}" berbeda dengan nilai kotak ${box.id} yang sudah terbaca ("${show(kept)}"); nilai pertama dipakai.`,
    en: `${label} "${show(v)}" differs from box ${box.id}'s value read earlier ("${show(kept)}"); the first value is kept.`,
  }, box.id);
}
