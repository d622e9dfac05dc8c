/** Statement and indicator rules K01–K13, K16 (SAKIP.md §5.3); K18–K21 in `kualitas.ts`. */
import { isOutcomeLevel } from '../config.js';
import { angka, issue } from '../issues.js';
import { AKUMULASI, POLARITAS } from '../layout/tables.js';
import { cellOf, type Box, type Indikator, type Target } from '../model.js';
import { isPercentUnit } from '../read/normalise.js';
import { didYouMean, suggestAkumulasi, suggestPolaritas } from '../read/suggest.js';
import type { Rule } from './context.js';

const atBox = (b: Box, field: string) => ({ sheet: b.loc.table.sheet, cell: cellOf(b.loc, field), id: b.id });
const atInd = (i: Indikator, field: string) => ({ sheet: i.loc.table.sheet, cell: cellOf(i.loc, field), id: i.nodeId });
/** The reader already collapsed whitespace; comparisons only need to ignore case. */
const norm = (s: string) => s.toLowerCase();

export function isQualitative(ind: Indikator, satuanKualitatif: readonly string[]): boolean {
  if (ind.satuan === '') return false;
  return satuanKualitatif.includes(ind.satuan) || satuanKualitatif.some((q) => norm(q) === norm(ind.satuan));
}

const num = (t: Target | null): number | null => (t && t.kind === 'number' ? t.value : null);

export const K01: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    if (b.indicators.length > 0 || tree.byId.get(b.id) !== b) continue;
    issues.push(issue('K01', 'E', atBox(b, 'id'), {
      id: `Kotak "${b.id}" belum punya indikator di lembar Indikator.`, en: `Box "${b.id}" has no indicator row in the Indikator sheet.`,
    }));
  }
};

export const K02: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    if (i.satuan !== '') continue;
    issues.push(issue('K02', 'E', atInd(i, 'satuan'), {
      id: `Indikator "${i.nama}" belum punya Satuan.`, en: `Indicator "${i.nama}" has no Satuan (unit).`,
    }));
  }
};

export const K03: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    for (let k = 0; k < tree.config.years.length; k++) {
      if (i.targets[k] !== null) continue;
      const y = tree.config.years[k];
      issues.push(issue('K03', 'E', atInd(i, `target:${y}`), {
        id: `Target ${y} indikator "${i.nama}" kosong (isi "-" bila sengaja tanpa target).`,
        en: `Target ${y} of indicator "${i.nama}" is empty (write "-" for a deliberate no-target year).`,
      }));
    }
    if (i.kondisiAkhir === null) {
      issues.push(issue('K03', 'E', atInd(i, 'kondisiAkhir'), {
        id: `Kondisi Akhir indikator "${i.nama}" kosong.`, en: `Kondisi Akhir of indicator "${i.nama}" is empty.`,
      }));
    }
  }
};

export const K04: Rule = ({ tree, issues }) => {
  const q = tree.config.satuanKualitatif;
  for (const i of tree.indikator) {
    for (let k = 0; k <= i.targets.length; k++) {
      const t = k < i.targets.length ? i.targets[k] : i.kondisiAkhir;
      if (!t || t.kind !== 'text' || isQualitative(i, q)) continue;
      const field = k < i.targets.length ? `target:${tree.config.years[k]}` : 'kondisiAkhir';
      const label = k < i.targets.length ? `Target ${tree.config.years[k]}` : 'Kondisi Akhir';
      issues.push(issue('K04', 'E', atInd(i, field), {
        id: `${label} "${t.text}" bukan angka, padahal satuan "${i.satuan || '-'}" bukan kualitatif (${q.join(', ')}).`,
        en: `${label} "${t.text}" is not a number, and unit "${i.satuan || '-'}" is not qualitative (${q.join(', ')}).`,
      }));
    }
    for (const c of i.unitConflicts) {
      const field = c.year === 'awal' ? 'kondisiAwal' : c.year === 'akhir' ? 'kondisiAkhir' : `target:${c.year}`;
      issues.push(issue('K04', 'E', atInd(i, field), {
        id: `Satuan "${c.unit}" pada nilai berbeda dengan Satuan indikator "${i.satuan}".`,
        en: `Unit "${c.unit}" in the value differs from the indicator's Satuan "${i.satuan}".`,
      }));
    }
  }
};

export const K05: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    for (const [field, label, list, suggest] of [['polaritas', 'Polaritas', POLARITAS, suggestPolaritas], ['akumulasi', 'Akumulasi', AKUMULASI, suggestAkumulasi]] as const) {
      const v = i[field];
      if ((list as readonly string[]).includes(v)) continue;
      const hint = didYouMean(suggest(v));
      issues.push(issue('K05', 'E', atInd(i, field), v === ''
        ? { id: `${label} indikator "${i.nama}" kosong (pilihan: ${list.join(', ')}).`, en: `${label} of indicator "${i.nama}" is empty (choices: ${list.join(', ')}).` }
        : { id: `${label} "${v}" tidak dikenal (pilihan: ${list.join(', ')}).${hint.id}`, en: `Unknown ${label} "${v}" (choices: ${list.join(', ')}).${hint.en}` }));
    }
  }
};

/**
 * K06 (SAKIP.md §5.3): targets that go against the polarity, every year it happens; a first
 * target below Kondisi Awal on a Positif indicator (above it on a Negatif one); and, at
 * Tujuan, Sasaran Strategis and Program only, a flat series not already at its maximum.
 * A Kumulatif indicator's yearly targets are amounts that add up, so their order says
 * nothing about direction: it is left out.
 */
export const K06: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    if (i.polaritas !== 'Positif' && i.polaritas !== 'Negatif') continue;
    if (i.akumulasi === 'Kumulatif') continue;
    const pos = i.polaritas === 'Positif';
    const ys: number[] = [];
    const vs: number[] = [];
    for (let k = 0; k < i.targets.length; k++) {
      const v = num(i.targets[k]);
      if (v !== null) { ys.push(tree.config.years[k]); vs.push(v); }
    }
    if (vs.length === 0) continue;
    const awal = num(i.kondisiAwal);
    if (awal !== null && (pos ? vs[0] < awal : vs[0] > awal)) {
      issues.push(issue('K06', 'W', atInd(i, `target:${ys[0]}`), {
        id: `Target ${ys[0]} (${angka(vs[0])}) ${pos ? 'lebih rendah' : 'lebih tinggi'} dari Kondisi Awal (${angka(awal)}), padahal polaritas ${i.polaritas}: kinerja direncanakan memburuk.`,
        en: `Target ${ys[0]} (${vs[0]}) is ${pos ? 'below' : 'above'} Kondisi Awal (${awal}) on a ${i.polaritas} indicator: performance is planned to get worse.`,
      }));
    }
    let against = false;
    for (let k = 1; k < vs.length; k++) {
      if (!(pos ? vs[k] < vs[k - 1] : vs[k] > vs[k - 1])) continue;
      against = true;
      issues.push(issue('K06', 'W', atInd(i, `target:${ys[k]}`), {
        id: `Target ${ys[k]} (${angka(vs[k])}) ${pos ? 'turun' : 'naik'} dari ${angka(vs[k - 1])}, berlawanan dengan polaritas ${i.polaritas}.`,
        en: `Target ${ys[k]} (${vs[k]}) ${pos ? 'falls' : 'rises'} from ${vs[k - 1]}, against the ${i.polaritas} polarity.`,
      }));
    }
    if (against || vs.length < 2 || !i.box?.level || !isOutcomeLevel(i.box.level)) continue;
    const flat = vs.every((v) => v === vs[0]);
    const atMax = (isPercentUnit(i.satuan) && vs[0] >= 100 && pos) || (!pos && vs[0] === 0);
    if (flat && !atMax) {
      issues.push(issue('K06', 'W', atInd(i, `target:${ys[0]}`), {
        id: `Target "${i.nama}" datar (${angka(vs[0])} setiap tahun) dan belum di nilai maksimum; target ${i.box.level.name} sebaiknya menantang.`,
        en: `Targets of "${i.nama}" are flat (${vs[0]} every year) and not at their maximum; ${i.box.level.name} targets should be challenging.`,
      }));
    }
  }
};

export const K07: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    const akhir = num(i.kondisiAkhir);
    if (akhir === null) continue;
    // A missing, text or range target is reported by K03/K04/K16; a sum over the rest would
    // only repeat that mistake as a second warning.
    if (i.targets.some((t) => t === null || t.kind === 'text' || t.kind === 'range')) continue;
    const vs: number[] = [];
    for (const t of i.targets) { const v = num(t); if (v !== null) vs.push(v); }
    if (vs.length === 0) continue;
    let expected: number;
    let how: { id: string; en: string };
    if (i.akumulasi === 'Kumulatif') { expected = vs.reduce((a, b) => a + b, 0); how = { id: 'jumlah target tahunan', en: 'the sum of the yearly targets' }; }
    else if (i.akumulasi === 'Rata-rata') { expected = vs.reduce((a, b) => a + b, 0) / vs.length; how = { id: 'rata-rata target tahunan', en: 'the mean of the yearly targets' }; }
    else if (i.akumulasi === 'Nilai Akhir') { expected = vs[vs.length - 1]; how = { id: 'target tahun terakhir', en: 'the last yearly target' }; }
    else continue;
    if (Math.abs(expected - akhir) <= 1e-9 * Math.max(1, Math.abs(expected))) continue;
    const e = Math.round(expected * 1e6) / 1e6;
    issues.push(issue('K07', 'W', atInd(i, 'kondisiAkhir'), {
      id: `Kondisi Akhir ${angka(akhir)} ≠ ${how.id} (${angka(e)}) untuk akumulasi ${i.akumulasi}.`,
      en: `Kondisi Akhir ${akhir} ≠ ${how.en} (${e}) for akumulasi ${i.akumulasi}.`,
    }));
  }
};

export const K08: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    if (i.kondisiAwal !== null && i.kondisiAwal.kind !== 'none') continue;
    issues.push(issue('K08', 'W', atInd(i, 'kondisiAwal'), {
      id: `Kondisi Awal indikator "${i.nama}" kosong atau n/a; target perlu dasar data.`,
      en: `Kondisi Awal (baseline) of indicator "${i.nama}" is empty or n/a; targets need a data basis.`,
    }));
  }
};

export const K09: Rule = ({ tree, issues }) => {
  const fields = [['definisi', 'Definisi Operasional'], ['formula', 'Formula'], ['sumberData', 'Sumber Data']] as const;
  for (const i of tree.indikator) {
    const missing = fields.filter(([f]) => i[f] === '');
    if (missing.length === 0) continue;
    const names = missing.map(([, l]) => l).join(', ');
    issues.push(issue('K09', 'W', atInd(i, missing[0][0]), {
      id: `Indikator "${i.nama}" belum punya ${names}.`, en: `Indicator "${i.nama}" lacks ${names}.`,
    }));
  }
};

export const K10: Rule = ({ tree, issues }) => {
  const firstByName = new Map<string, Indikator>();
  for (const i of tree.indikator) {
    const key = norm(i.nama);
    const first = firstByName.get(key);
    if (!first) { firstByName.set(key, i); continue; }
    const sameBox = first.box === i.box;
    issues.push(issue('K10', sameBox ? 'E' : 'W', atInd(i, 'nama'), sameBox
      ? { id: `Indikator "${i.nama}" dua kali di kotak "${i.nodeId}" (baris ${first.loc.row}).`, en: `Indicator "${i.nama}" appears twice in box "${i.nodeId}" (row ${first.loc.row}).` }
      : { id: `Indikator "${i.nama}" juga dipakai kotak "${first.nodeId}" (baris ${first.loc.row}); wajar hanya untuk cascading langsung.`, en: `Indicator "${i.nama}" is also used by box "${first.nodeId}" (row ${first.loc.row}); legitimate only for a direct cascade.` }));
  }
};

export const OUTPUT_WORDS = /^(jumlah|terlaksananya|tersusunnya|tersedianya|persentase kegiatan)\b/i;

/** A supporting programme (program segment 01) may carry output-style indicators (SAKIP.md §5.3). */
export function isSupportingProgram(b: Box): boolean {
  return b.level?.nomenklatur === 'program' && /\.01$/.test(b.kode);
}

export const K11: Rule = ({ tree, issues }) => {
  // Sub kegiatan indicators of the Kepmendagri lampiran, where the workbook's own list gives them.
  const subIndicators = new Set(tree.nomenklatur.filter((n) => n.indikator !== '').map((n) => norm(n.indikator)));
  for (const i of tree.indikator) {
    const b = i.box;
    if (!b?.level || !isOutcomeLevel(b.level) || isSupportingProgram(b)) continue;
    const copied = subIndicators.has(norm(i.nama));
    if (!copied && !OUTPUT_WORDS.test(i.nama)) continue;
    issues.push(issue('K11', 'W', atInd(i, 'nama'), copied
      ? { id: `Indikator "${i.nama}" menyalin indikator sub kegiatan Kepmendagri, padahal ${b.level.name} menuntut indikator outcome.`, en: `Indicator "${i.nama}" copies a Kepmendagri sub kegiatan indicator, but ${b.level.name} needs an outcome indicator.` }
      : { id: `Indikator "${i.nama}" berbentuk output, padahal ${b.level.name} menuntut indikator outcome.`, en: `Indicator "${i.nama}" is output-style, but ${b.level.name} needs an outcome indicator.` }));
  }
};

const ACTIVITY = /^(pelaksanaan|penyusunan|pengadaan|penyediaan|pembangunan|pemeliharaan|penyelenggaraan|pengelolaan|pembinaan|fasilitasi|koordinasi|peningkatan|pengembangan|pelayanan|kegiatan|program)\b/i;
const INDICATOR = /^(jumlah|persentase|prosentase|presentase|indeks|angka|rasio|nilai|tingkat|cakupan|rata-rata)\b/i;

export const K12: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    const s = b.pernyataan;
    if (s === '') continue;
    const activity = ACTIVITY.exec(s);
    const indicator = activity ? null : INDICATOR.exec(s);
    if (!activity && !indicator) continue;
    issues.push(issue('K12', 'W', atBox(b, 'pernyataan'), activity
      ? { id: `Pernyataan "${s}" berbentuk kegiatan ("${activity[1]}…"), bukan kondisi (mis. "Meningkatnya …").`, en: `Statement "${s}" reads as an activity ("${activity[1]}…"), not a condition (e.g. "Meningkatnya …").` }
      : { id: `Pernyataan "${s}" berbentuk indikator ("${indicator?.[1]}…"), bukan kondisi; pindahkan ke lembar Indikator.`, en: `Statement "${s}" reads as an indicator ("${indicator?.[1]}…"), not a condition; move it to the Indikator sheet.` }));
  }
};

export const K13: Rule = ({ tree, issues }) => {
  const max = tree.config.maksIndikator;
  for (const b of tree.boxes) {
    if (b.indicators.length <= max) continue;
    issues.push(issue('K13', 'W', atBox(b, 'id'), {
      id: `Kotak "${b.id}" punya ${b.indicators.length} indikator (maksimum ${max}).`,
      en: `Box "${b.id}" has ${b.indicators.length} indicators (maximum ${max}).`,
    }));
  }
};

export const K16: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    for (let k = 0; k <= i.targets.length; k++) {
      const t = k < i.targets.length ? i.targets[k] : i.kondisiAkhir;
      if (!t || t.kind !== 'range') continue;
      const field = k < i.targets.length ? `target:${tree.config.years[k]}` : 'kondisiAkhir';
      if (t.low > t.high) {
        issues.push(issue('K16', 'W', atInd(i, field), {
          id: `Rentang ${angka(t.low)} - ${angka(t.high)}: batas bawah lebih besar dari batas atas.`,
          en: `Range ${t.low} - ${t.high}: the lower bound exceeds the upper bound.`,
        }));
      } else if (i.polaritas !== 'Rentang') {
        issues.push(issue('K16', 'W', atInd(i, field), {
          id: `Target berupa rentang (${angka(t.low)} - ${angka(t.high)}) padahal Polaritas "${i.polaritas || '-'}", bukan Rentang.`,
          en: `A range target (${t.low} - ${t.high}) while Polaritas is "${i.polaritas || '-'}", not Rentang.`,
        }));
      }
    }
  }
};

export const INDIKATOR_RULES: Rule[] = [K01, K02, K03, K04, K05, K06, K07, K08, K09, K10, K11, K12, K13, K16];
