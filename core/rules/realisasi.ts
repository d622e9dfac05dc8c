/**
 * Realisasi rules U01–U07 (SAKIP.md §12), all Live: they judge each reported quarter from the
 * workbook alone. Capaian comes from `core/pengukuran` (§6), computed once per pass.
 */
import { columnIndex } from '../a1.js';
import { issue, rupiah } from '../issues.js';
import { isPercentUnit } from '../read/normalise.js';
import { headerKey } from '../layout/tables.js';
import type { PohonKinerja, Target } from '../model.js';
import type { IndikatorTahun } from '../pengukuran/hitung.js';
import type { RealisasiRow } from '../pengukuran/model.js';
import type { Rule, RuleContext } from './context.js';
import { angkaId, at, pengukuranOf, tahunPengukuran } from './pengukuran-context.js';
import { targetText } from './renaksi.js';

const reported = new WeakMap<RuleContext, IndikatorTahun[]>();

/** Every indicator-year with realisasi rows (listed once per pass). */
function withRows(ctx: RuleContext): IndikatorTahun[] {
  let list = reported.get(ctx);
  if (!list) {
    list = [];
    for (const tahun of tahunPengukuran(ctx)) {
      for (const it of pengukuranOf(ctx, tahun).indikator) {
        const q = it.realisasi;
        if (q[0] || q[1] || q[2] || q[3]) list.push(it);
      }
    }
    reported.set(ctx, list);
  }
  return list;
}

/** Numeric indicator: its target of the year is a number or range, or its satuan is not qualitative. */
function numeric(ctx: RuleContext, it: IndikatorTahun): boolean {
  const t = it.targetTahun;
  if (t?.kind === 'text') return false;
  if (t?.kind === 'number' || t?.kind === 'range') return true;
  const s = headerKey(it.indikator.satuan);
  return !ctx.tree.config.satuanKualitatif.some((q) => headerKey(q) === s);
}

/** U01: a non-numeric realisasi for a numeric indicator. */
export const U01: Rule = (ctx) => {
  for (const it of withRows(ctx)) {
    if (!numeric(ctx, it)) continue;
    for (const r of it.realisasi) {
      if (!r || r.realisasi === null || typeof r.realisasi === 'number') continue;
      const shown = typeof r.realisasi === 'boolean' ? (r.realisasi ? 'tercapai' : 'tidak tercapai') : r.realisasi;
      ctx.issues.push(issue('U01', 'E', at(r.loc, 'realisasi', r.box.id), {
        id: `Realisasi "${shown}" bukan angka, padahal indikator "${it.indikator.nama}" bersatuan ${it.indikator.satuan || '—'} dengan target angka.`,
        en: `Realisasi "${shown}" is not a number, but "${it.indikator.nama}" is a numeric indicator (satuan ${it.indikator.satuan || '—'}).`,
      }));
    }
  }
};

/** U02: a quarter reported while an earlier quarter of the year is empty. */
export const U02: Rule = (ctx) => {
  for (const it of withRows(ctx)) {
    let gap = 0;
    for (let k = 0; k < 4; k++) {
      const r = it.realisasi[k];
      if (!r || r.realisasi === null) { if (!gap) gap = k + 1; continue; }
      if (!gap) continue;
      ctx.issues.push(issue('U02', 'W', at(r.loc, 'realisasi', r.box.id), {
        id: `Realisasi TW${k + 1} ${r.tahun} diisi, tetapi TW${gap} masih kosong (indikator "${it.indikator.nama}").`,
        en: `Realisasi TW${k + 1} ${r.tahun} is filled while TW${gap} is still empty (indicator "${it.indikator.nama}").`,
      }));
    }
  }
};

/** U03: a percentage realisasi outside 0–100. */
export const U03: Rule = (ctx) => {
  for (const r of ctx.tree.pengukuran?.realisasi ?? []) {
    if (typeof r.realisasi !== 'number' || !isPercentUnit(r.indikator.satuan) || (r.realisasi >= 0 && r.realisasi <= 100)) continue;
    ctx.issues.push(issue('U03', 'W', at(r.loc, 'realisasi', r.box.id), {
      id: `Realisasi ${angkaId(r.realisasi)} % di luar 0–100 % (indikator "${r.indikator.nama}").`,
      en: `Realisasi ${angkaId(r.realisasi)} % is outside 0–100 % (indicator "${r.indikator.nama}").`,
    }));
  }
};

/**
 * U04: capaian below 75 % or above 120 % without a `Penjelasan` on the quarter's row. The
 * capaian is s.d. TWn against the quarterly plan (uncapped, so a cap cannot hide an outlier);
 * without a plan, TW4 is judged against the year's target.
 */
export const U04: Rule = (ctx) => {
  for (const it of withRows(ctx)) {
    for (let k = 0; k < 4; k++) {
      const r = it.realisasi[k];
      if (!r || r.realisasi === null || r.penjelasan !== '') continue;
      const c = it.perTw[k];
      const murni = c.capaian.murni ?? (k === 3 ? c.capaianTahun.murni : null);
      if (murni === null || (murni >= 75 && murni <= 120)) continue;
      ctx.issues.push(issue('U04', 'W', at(r.loc, 'penjelasan', r.box.id), {
        id: `Capaian s.d. TW${k + 1} ${r.tahun} ${angkaId(Number(murni.toFixed(2)))} % (${murni < 75 ? 'di bawah 75' : 'di atas 120'} %) tanpa Penjelasan (indikator "${it.indikator.nama}").`,
        en: `Capaian up to TW${k + 1} ${r.tahun} is ${angkaId(Number(murni.toFixed(2)))} % (${murni < 75 ? 'below 75' : 'above 120'} %) without a Penjelasan (indicator "${it.indikator.nama}").`,
      }));
    }
  }
};

/** U05: realisasi anggaran (Σ to date) above the box's pagu. */
export const U05: Rule = (ctx) => {
  for (const tahun of tahunPengukuran(ctx)) {
    const m = pengukuranOf(ctx, tahun);
    const rowOf = new Map<string, RealisasiRow>();
    for (const r of ctx.tree.pengukuran?.realisasi ?? []) {
      if (r.tahun !== tahun || r.realisasiAnggaran === null) continue;
      const k = `${r.box.id}|${r.periode}`;
      if (!rowOf.has(k)) rowOf.set(k, r);
    }
    for (const b of m.box.values()) {
      if (!b.anggaranSendiri || b.pagu === null) continue;
      let sum = 0;
      for (let k = 0; k < 4; k++) {
        const v = b.realisasiAnggaranTw[k];
        if (v === null) continue;
        sum += v;
        if (sum <= b.pagu) continue;
        const r = rowOf.get(`${b.box.id}|${k + 1}`) as RealisasiRow;
        ctx.issues.push(issue('U05', 'E', at(r.loc, 'realisasiAnggaran', b.box.id), {
          id: `Realisasi anggaran kotak ${b.box.id} s.d. TW${k + 1} ${tahun} (${rupiah(sum)}) melebihi pagunya (${rupiah(b.pagu)}).`,
          en: `Realisasi anggaran of box ${b.box.id} up to TW${k + 1} ${tahun} (${rupiah(sum)}) exceeds its pagu (${rupiah(b.pagu)}).`,
        }));
        break;
      }
    }
  }
};

/** U06: a Nilai Akhir value that falls from one quarter to the next on a Positif indicator. */
export const U06: Rule = (ctx) => {
  for (const it of withRows(ctx)) {
    if (it.akumulasi !== 'Nilai Akhir' || it.polaritas !== 'Positif') continue;
    let prev: number | null = null;
    for (const r of it.realisasi) {
      const v = r?.realisasi;
      if (typeof v !== 'number' || !r) continue;
      if (prev !== null && v < prev) {
        ctx.issues.push(issue('U06', 'W', at(r.loc, 'realisasi', r.box.id), {
          id: `Realisasi TW${r.periode} (${angkaId(v)}) turun dari triwulan sebelumnya (${angkaId(prev)}) pada indikator Positif Nilai Akhir "${it.indikator.nama}".`,
          en: `Realisasi TW${r.periode} (${angkaId(v)}) falls from the previous quarter (${angkaId(prev)}) on the Positif Nilai Akhir indicator "${it.indikator.nama}".`,
        }));
      }
      prev = v;
    }
  }
};

const SHEET_REF = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!\$?([A-Za-z]{1,3})(?:\$?\d+)?(?::\$?([A-Za-z]{1,3})(?:\$?\d+)?)?/g;

/** Sheet → column letters of the target columns of Rencana Aksi and Indikator. */
function targetColumns(tree: PohonKinerja): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (loc: PohonKinerja['tables'][keyof PohonKinerja['tables']], keep: (k: string) => boolean) => {
    if (!loc) return;
    const set = out.get(headerKey(loc.sheet)) ?? new Set<number>();
    for (const [k, col] of Object.entries(loc.cols)) if (keep(k)) set.add(columnIndex(col));
    out.set(headerKey(loc.sheet), set);
  };
  add(tree.tables.rencanaAksi, (k) => k.startsWith('targetTw') || k === 'targetTahun');
  add(tree.tables.indikator, (k) => k.startsWith('target:') || k === 'kondisiAkhir');
  return out;
}

/** A formula that points at a target cell (an A1 or structured reference to a target column). */
export function copiesTarget(formula: string, tree: PohonKinerja): boolean {
  if (/\[[^\]]*target[^\]]*\]/i.test(formula)) return true;
  const cols = targetColumns(tree);
  for (const m of formula.matchAll(SHEET_REF)) {
    const sheet = headerKey((m[1] ?? m[2] ?? '').replace(/''/g, "'"));
    const set = cols.get(sheet);
    if (!set) continue;
    const a = columnIndex(m[3]);
    const b = m[4] ? columnIndex(m[4]) : a;
    for (let c = Math.min(a, b); c <= Math.max(a, b); c++) if (set.has(c)) return true;
  }
  return false;
}

function equalsTarget(v: RealisasiRow['realisasi'], t: Target | null): boolean {
  if (v === null || t === null) return false;
  if (typeof v === 'number' && t.kind === 'number') return Math.abs(v - t.value) < 1e-9;
  if (typeof v === 'string' && t.kind === 'text') return v.trim().toLowerCase() === t.text.trim().toLowerCase();
  return false;
}

/**
 * U07: realisasi copied from the plan: a Realisasi formula pointing at a target; or, for a box,
 * every indicator's realisasi equal to its target (the quarter's plan, else the year's) in all
 * four quarters.
 */
export const U07: Rule = (ctx) => {
  const rows = ctx.tree.pengukuran?.realisasi ?? [];
  for (const r of rows) {
    if (!r.realisasiFormula || !copiesTarget(r.realisasiFormula, ctx.tree)) continue;
    ctx.issues.push(issue('U07', 'W', at(r.loc, 'realisasi', r.box.id), {
      id: `Realisasi TW${r.periode} adalah rumus yang menyalin target (=${r.realisasiFormula}); isi nilai realisasi yang sebenarnya.`,
      en: `Realisasi TW${r.periode} is a formula copying the target (=${r.realisasiFormula}); enter the actual realisation.`,
    }));
  }
  for (const tahun of tahunPengukuran(ctx)) {
    const byBox = new Map<string, IndikatorTahun[]>();
    for (const it of pengukuranOf(ctx, tahun).indikator) {
      if (!it.realisasi.some((r) => r !== null)) continue;
      const l = byBox.get(it.box.id);
      if (l) l.push(it); else byBox.set(it.box.id, [it]);
    }
    for (const [boxId, list] of byBox) {
      const copied = list.every((it) => it.realisasi.every((r, k) => !!r && equalsTarget(r.realisasi, it.targetTw?.[k] ?? it.targetTahun)));
      if (!copied) continue;
      const first = list[0].realisasi[0] as RealisasiRow;
      ctx.issues.push(issue('U07', 'W', at(first.loc, 'realisasi', boxId), {
        id: `Realisasi semua indikator kotak ${boxId} sama persis dengan targetnya di keempat triwulan ${tahun} (mis. ${targetText(list[0].targetTw?.[0] ?? list[0].targetTahun)}): disalin dari rencana?`,
        en: `Every indicator of box ${boxId} reports exactly its target in all four quarters of ${tahun} (e.g. ${targetText(list[0].targetTw?.[0] ?? list[0].targetTahun)}): copied from the plan?`,
      }));
    }
  }
};

export const REALISASI_RULES: Rule[] = [U01, U02, U03, U04, U05, U06, U07];
