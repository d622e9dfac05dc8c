/**
 * Checks a SAKIP quality-assurance team makes on indicators (SAKIP.md §5.3, all W, Live):
 * K18 target realism, K19 SMART form, K20 result level, K21 statement ↔ polarity.
 * Each looks for one kind of mistake and stays silent where another rule already speaks
 * (K06 for targets against the polarity, K11 for output-style indicators): one mistake,
 * one message.
 */
import { isOutcomeLevel } from '../config.js';
import { angka, issue } from '../issues.js';
import { cellOf, type Indikator, type Target } from '../model.js';
import { isPercentUnit } from '../read/normalise.js';
import type { Rule } from './context.js';
import { isSupportingProgram, OUTPUT_WORDS } from './indikator.js';

const atInd = (i: Indikator, field: string) => ({ sheet: i.loc.table.sheet, cell: cellOf(i.loc, field), id: i.nodeId });
const num = (t: Target | null): number | null => (t && t.kind === 'number' ? t.value : null);

/** Words that carry no meaning of their own in a statement or an indicator name. */
const STOP = new Set([
  'dan', 'yang', 'di', 'ke', 'dari', 'pada', 'untuk', 'dengan', 'dalam', 'serta', 'atau', 'oleh', 'terhadap', 'sesuai', 'secara', 'the', 'of', 'and',
]);
/** Measurement words: the same in many indicators, they say nothing about what is measured. */
const MEASURE = new Set(['persentase', 'prosentase', 'presentase', 'jumlah', 'angka', 'tingkat', 'indeks', 'rasio', 'nilai', 'rata', 'ratarata', 'capaian', 'cakupan', 'proporsi']);

const NON_ASCII = /[^\t-\x7f]/;

function words(s: string): string[] {
  // NFKD (é → e) only when there is something to decompose: most statements are plain ASCII,
  // and normalize() on every box and indicator was most of K19's and K21's time.
  const lower = s.toLowerCase();
  const plain = NON_ASCII.test(lower) ? lower.normalize('NFKD') : lower;
  return plain.replace(/[^a-z0-9\s]/g, ' ').split(/\s+/).filter((w) => w !== '' && !STOP.has(w));
}

/**
 * The text a K19 comparison keys on: case, punctuation and spacing ignored. A plain ASCII
 * class (non-ASCII characters kept as they are): a Unicode-class replace over every Formula
 * and Sumber Data was most of K19's time.
 */
function sameTextKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9\u0080-\uffff]+/g, ' ').trim();
}

/** Numeric targets with their years. */
function series(i: Indikator, years: number[]): { y: number; v: number }[] {
  const out: { y: number; v: number }[] = [];
  i.targets.forEach((t, k) => { const v = num(t); if (v !== null) out.push({ y: years[k], v }); });
  return out;
}

/**
 * K18 target realism: a year-on-year jump beyond `Faktor Lonjakan` (from Kondisi Awal on,
 * in the polarity's direction: a move against it is K06's); a percentage target above 100;
 * an outcome indicator at 100 % from the baseline on, which can never show improvement.
 */
export const K18: Rule = ({ tree, issues }) => {
  const f = tree.config.faktorLonjakan;
  const years = tree.config.years;
  for (const i of tree.indikator) {
    const s = series(i, years);
    const kumulatif = i.akumulasi === 'Kumulatif';
    const awal = num(i.kondisiAwal);
    const points: { label: string; y?: number; v: number }[] = [
      ...(awal !== null && !kumulatif ? [{ label: 'Kondisi Awal', v: awal }] : []),
      ...s.map((p) => ({ label: String(p.y), y: p.y, v: p.v })),
    ];
    for (let k = 1; k < points.length; k++) {
      const a = points[k - 1].v;
      const b = points[k].v;
      if (a <= 0 || b <= 0) continue;
      const up = b > a;
      if (!kumulatif && ((i.polaritas === 'Positif' && !up) || (i.polaritas === 'Negatif' && up))) continue;
      const ratio = up ? b / a : a / b;
      if (ratio <= f) continue;
      const r = Math.round(ratio * 10) / 10;
      issues.push(issue('K18', 'W', atInd(i, `target:${points[k].y}`), {
        id: `Target ${points[k].y} (${angka(b)}) ${up ? 'naik' : 'turun'} ${angka(r)}× dari ${points[k - 1].label === 'Kondisi Awal' ? 'Kondisi Awal' : 'target ' + points[k - 1].label} (${angka(a)}), melebihi Faktor Lonjakan ${angka(f)}×: periksa apakah target realistis (atau satuannya berbeda).`,
        en: `Target ${points[k].y} (${b}) ${up ? 'rises' : 'falls'} ${r}× from ${points[k - 1].label === 'Kondisi Awal' ? 'Kondisi Awal' : 'the ' + points[k - 1].label + ' target'} (${a}), beyond the Faktor Lonjakan of ${f}×: check that the target is realistic (or the unit the same).`,
      }));
    }
    if (isPercentUnit(i.satuan)) {
      const over = i.targets.map((t, k) => ({ t, y: years[k] }))
        .filter(({ t }) => (t?.kind === 'number' && t.value > 100) || (t?.kind === 'range' && t.high > 100));
      if (over.length) {
        issues.push(issue('K18', 'W', atInd(i, `target:${over[0].y}`), {
          id: `Target persentase di atas 100 (${over.map((o) => o.y).join(', ')}) pada indikator "${i.nama}": periksa rumus atau satuannya.`,
          en: `Percentage target above 100 (${over.map((o) => o.y).join(', ')}) on indicator "${i.nama}": check the formula or the unit.`,
        }));
      }
      const lvl = i.box?.level;
      if (lvl && isOutcomeLevel(lvl) && !kumulatif && i.polaritas === 'Positif' && awal !== null && awal >= 100 && s.length > 0 && s.every((p) => p.v >= 100)) {
        issues.push(issue('K18', 'W', atInd(i, 'kondisiAwal'), {
          id: `Indikator outcome "${i.nama}" sudah 100 % sejak Kondisi Awal: tidak dapat menunjukkan peningkatan kinerja; pilih indikator yang masih dapat membaik.`,
          en: `Outcome indicator "${i.nama}" is at 100 % from the baseline on: it can never show improvement; choose an indicator that can still improve.`,
        }));
      }
    }
  }
};

/** A ratio in a formula: a division sign, `per`, `dibagi`, `banding`, or × 100. */
const RATIO = /[/÷:]|\bper\b|\bdibagi\b|\bbanding|\brasio\b|[x×*]\s*100\b|\bpersen/i;
/** K19's "most of the workbook": more than half, and at least this many indicators. */
const SHARED_MIN = 5;

/**
 * K19 SMART form: a Definisi Operasional that only restates the indicator's name; one
 * Formula or Sumber Data shared by most of the workbook's indicators (copied down, not
 * written); a percentage indicator whose formula holds no ratio.
 */
export const K19: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    // Only a definition about as short as the name can merely restate it.
    const d = i.definisi !== '' && i.definisi.length <= i.nama.length + 10 ? words(i.definisi) : [];
    if (d.length > 0) {
      const name = new Set(words(i.nama));
      if (d.every((w) => name.has(w))) {
        issues.push(issue('K19', 'W', atInd(i, 'definisi'), {
          id: `Definisi Operasional "${i.definisi}" hanya mengulang nama indikator; jelaskan apa yang diukur, batasannya dan cara mengukurnya.`,
          en: `Definisi Operasional "${i.definisi}" only restates the indicator's name; say what is measured, its scope and how it is measured.`,
        }));
      }
    }
    if (isPercentUnit(i.satuan) && i.formula !== '' && !RATIO.test(i.formula)) {
      issues.push(issue('K19', 'W', atInd(i, 'formula'), {
        id: `Indikator persentase "${i.nama}" memakai Formula tanpa pembagian ("${i.formula}"); tulis pembilang / penyebut × 100.`,
        en: `Percentage indicator "${i.nama}" has a Formula without a ratio ("${i.formula}"); write numerator / denominator × 100.`,
      }));
    }
  }
  for (const [field, label] of [['formula', 'Formula'], ['sumberData', 'Sumber Data']] as const) {
    const filled = tree.indikator.filter((i) => i[field] !== '');
    if (filled.length < SHARED_MIN) continue;
    // Only one text can be used by more than half: count keys, then name that one.
    const keys = filled.map((i) => sameTextKey(i[field]));
    const count = new Map<string, number>();
    for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
    for (const [k, n] of count) {
      if (n * 2 <= filled.length) continue;
      const first = filled[keys.indexOf(k)];
      issues.push(issue('K19', 'W', atInd(first, field), {
        id: `${label} "${first[field]}" dipakai ${n} dari ${filled.length} indikator; setiap indikator perlu ${label} sendiri.`,
        en: `${label} "${first[field]}" is used by ${n} of ${filled.length} indicators; each indicator needs its own ${label}.`,
      }));
    }
  }
};

/** Input and process measures: budget absorption, on-time documents and reports, counts of activities. */
const INPUT_PROCESS = /\b(penyerapan|serapan|realisasi)\s+(anggaran|keuangan)\b|\btepat\s+waktu\b|\b(dokumen|laporan)\b.*\b(disusun|tersusun|tersedia|disampaikan)\b|\bjumlah\s+(kegiatan|rapat|sosialisasi|pelatihan|dokumen|laporan)\b/i;
/** Output statements: something provided or carried out, not a condition reached. */
const OUTPUT_STATEMENT = /^(tersedianya|terlaksananya|tersusunnya|terselenggaranya|terpenuhinya|terbangunnya|tersalurkannya|terlaksana|tersedia)\b/i;

/**
 * K20 result level: input or process indicators at Tujuan or Sasaran Strategis, and output
 * statements at an outcome level (Tujuan, Sasaran Strategis, Program; the supporting
 * programme exempt, as for K11). Output wording is fine at kegiatan and sub kegiatan.
 */
export const K20: Rule = ({ tree, issues }) => {
  for (const i of tree.indikator) {
    const l = i.box?.level;
    if (!l || l.nomenklatur !== null || OUTPUT_WORDS.test(i.nama)) continue;
    const m = INPUT_PROCESS.exec(i.nama);
    if (!m) continue;
    issues.push(issue('K20', 'W', atInd(i, 'nama'), {
      id: `Indikator "${i.nama}" mengukur masukan atau proses ("${m[0]}"), padahal ${l.name} menuntut indikator hasil (outcome): ukur perubahan kondisi yang dituju.`,
      en: `Indicator "${i.nama}" measures an input or a process ("${m[0]}"), but ${l.name} needs a result (outcome) indicator: measure the change in the condition aimed at.`,
    }));
  }
  for (const b of tree.boxes) {
    const l = b.level;
    if (!l || !isOutcomeLevel(l) || isSupportingProgram(b)) continue;
    const m = OUTPUT_STATEMENT.exec(b.pernyataan);
    if (!m) continue;
    issues.push(issue('K20', 'W', { sheet: b.loc.table.sheet, cell: cellOf(b.loc, 'pernyataan'), id: b.id }, {
      id: `Pernyataan "${b.pernyataan}" berbentuk keluaran ("${m[1]}…") di level ${l.name}, yang menuntut kondisi hasil (mis. "Meningkatnya …"); bentuk keluaran cocok untuk kegiatan dan sub kegiatan.`,
      en: `Statement "${b.pernyataan}" is worded as an output ("${m[1]}…") at ${l.name}, which needs a result condition (e.g. "Meningkatnya …"); output wording fits kegiatan and sub kegiatan.`,
    }));
  }
};

const FALLING = /^(menurunnya|berkurangnya|turunnya|menurun|rendahnya|menyusutnya|terkendalinya)\b/i;
const RISING = /^(meningkatnya|naiknya|bertambahnya|tingginya|meningkat|bertumbuhnya|tumbuhnya)\b/i;

/**
 * K21 statement ↔ polarity: "Menurunnya X" measured by a Positif indicator of X whose
 * targets rise, or "Meningkatnya X" by a Negatif indicator of X whose targets fall. The
 * indicator must measure what the statement names (two shared words, or every word of a
 * short statement): "Meningkatnya derajat kesehatan" measured by a falling Angka Kematian
 * Ibu is the right pattern, not a contradiction.
 */
export const K21: Rule = ({ tree, issues }) => {
  const years = tree.config.years;
  for (const b of tree.boxes) {
    const fall = FALLING.exec(b.pernyataan);
    const rise = fall ? null : RISING.exec(b.pernyataan);
    if (!fall && !rise) continue;
    const object = words(b.pernyataan.slice((fall ?? rise)![0].length)).filter((w) => !MEASURE.has(w));
    if (object.length === 0) continue;
    for (const i of b.indicators) {
      const s = series(i, years);
      if (s.length < 2) continue;
      const up = s[s.length - 1].v > s[0].v;
      const down = s[s.length - 1].v < s[0].v;
      const clash = (fall && i.polaritas === 'Positif' && up) || (rise && i.polaritas === 'Negatif' && down);
      if (!clash) continue;
      const name = new Set(words(i.nama));
      const shared = object.filter((w) => name.has(w)).length;
      if (shared < Math.min(2, object.length)) continue;
      const verb = (fall ?? rise)![1];
      issues.push(issue('K21', 'W', atInd(i, 'polaritas'), fall
        ? {
            id: `Pernyataan "${verb} …" menghendaki nilai turun, tetapi indikator "${i.nama}" berpolaritas Positif dengan target naik (${angka(s[0].v)} → ${angka(s[s.length - 1].v)}). Maksud Anda Polaritas "Negatif"?`,
            en: `The statement "${verb} …" wants the value to fall, but indicator "${i.nama}" is Positif with rising targets (${s[0].v} → ${s[s.length - 1].v}). Did you mean Polaritas "Negatif"?`,
          }
        : {
            id: `Pernyataan "${verb} …" menghendaki nilai naik, tetapi indikator "${i.nama}" berpolaritas Negatif dengan target turun (${angka(s[0].v)} → ${angka(s[s.length - 1].v)}). Maksud Anda Polaritas "Positif"?`,
            en: `The statement "${verb} …" wants the value to rise, but indicator "${i.nama}" is Negatif with falling targets (${s[0].v} → ${s[s.length - 1].v}). Did you mean Polaritas "Positif"?`,
          }));
    }
  }
};

export const KUALITAS_RULES: Rule[] = [K18, K19, K20, K21];
