/**
 * The values of a Renja evaluation form beyond the tree (SAKIP.md §12, last paragraph), read
 * after the walk placed every row: realisasi K per triwulan into the indicator, realisasi Rp per
 * triwulan into the box (`Rp (000)` multiplied out, F02), and every figure the form derives
 * (realisasi tahun ini, s.d. tahun ini, tingkat capaian) checked against the row's own values
 * and Pokin's capaian (§6); a figure that differs is U08 and not imported. A triwulan cell whose
 * formula points at the target is U07. Realisasi s.d. tahun lalu and the Renstra end pagu have
 * no column of their own: they go into the box's Catatan, so nothing is set aside silently.
 */
import { columnLetter } from '../../a1.js';
import { hitungAkumulasi } from '../../capaian/akumulasi.js';
import { parseAkumulasi, parsePolaritas, type Akumulasi, type Polaritas } from '../../capaian/types.js';
import type { Bilingual } from '../../issues.js';
import { show } from '../../read/normalise.js';
import type { CellValue } from '../../snapshot.js';
import type { Walker } from '../matrix.js';
import { addCatatan, type AdoptedBox, type AdoptedIndicator } from '../tree.js';
import type { RenjaCheck } from '../types.js';
import { amountAt, targetAt } from '../values.js';
import type { RenjaCol, RenjaColumns, RenjaField, Ukuran } from './columns.js';

/** What the form gave per row, for the summary rows' checks. */
export interface RenjaRowRead {
  row: number;
  box: AdoptedBox;
  indicator?: AdoptedIndicator;
  /** Stated capaian per capaian column, and Pokin's (capped) capaian where it computes one. */
  capaian: Map<number, { stated: number; pokin: number | null }>;
}

export interface RenjaRead {
  checks: RenjaCheck[];
  rows: RenjaRowRead[];
}

const rp = (n: number) => `Rp ${Math.round(n).toLocaleString('id-ID')}`;
const rpEn = (n: number) => `Rp ${Math.round(n).toLocaleString('en-US')}`;
const num = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol + 1e-9 * Math.abs(b);

function colsOf(rc: RenjaColumns, field: RenjaField, ukuran: Ukuran): RenjaCol[] {
  return rc.cols.filter((c) => c.field === field && c.ukuran === ukuran);
}
const one = (rc: RenjaColumns, field: RenjaField, ukuran: Ukuran) => colsOf(rc, field, ukuran)[0];

/** A formula that names the target column of its own row (`=I12`, `=I12/4`, `=$I$12*25%`). */
function copiesTarget(formula: string, targetCol: string, row: number): boolean {
  return new RegExp(`(?:^|[^A-Z$])\\$?${targetCol}\\$?${row}(?!\\d)`, 'i').test(formula.replace(/^=/, ''));
}

export function readRenja(w: Walker, rc: RenjaColumns): RenjaRead {
  const { grid: g, model } = w.input;
  const s = w.sink;
  const L = w.ledger;
  const tahun = rc.tahun;
  const checks: RenjaCheck[] = [];
  const rows: RenjaRowRead[] = [];
  const tw = [1, 2, 3, 4].map((q) => ({ k: rc.cols.find((c) => c.field === 'tw' && c.tw === q && c.ukuran === 'k'), rp: rc.cols.find((c) => c.field === 'tw' && c.tw === q && c.ukuran === 'rp') }));
  const targetK = model.target.get(tahun);
  const paguCol = model.pagu.get(tahun);
  const paguScale = (() => { const r = paguCol !== undefined ? model.roles.get(paguCol) : undefined; return r?.kind === 'pagu' ? r.scale : 1; })();
  const seen = new Set<number>();

  const number = (row: number, c: RenjaCol | undefined, label: string, id: string): { v: number | null; present: boolean; raw: CellValue } => {
    if (!c || !g.fresh(row, c.col)) return { v: null, present: false, raw: null };
    const raw = g.raw(row, c.col);
    if (raw === null || raw === '') return { v: null, present: false, raw };
    if (c.ukuran === 'rp') {
      const a = amountAt(g, s, row, c.col, label, w.input.notations.get(c.col), c.scale, id);
      return { v: typeof a.value === 'number' ? a.value : null, present: true, raw };
    }
    const t = targetAt(g, s, row, c.col, '', label, w.input.notations.get(c.col), id);
    return { v: typeof t.value === 'number' ? t.value : null, present: true, raw };
  };
  const check = (row: number, c: RenjaCol, what: string, stated: number, form: number | null, pokin: number | null, tol: number, money: boolean, id: string) => {
    const against = pokin ?? form;
    const ok = against === null || close(stated, against, tol);
    checks.push({ cell: g.cell(row, c.col), what, stated, form, pokin, ok, rule: ok ? '' : 'U08' });
    if (ok) { L.carry(row, c.col); return; }
    const f = (n: number) => (money ? rp(n) : num(n));
    const fEn = (n: number) => (money ? rpEn(n) : String(Math.round(n * 100) / 100));
    const by = pokin !== null && (form === null || !close(pokin, form, tol)) ? 'Pokin' : 'form';
    w.sink.note('U08', 'W', g.cell(row, c.col), {
      id: `${what} di baris ${row}: form menulis ${f(stated)}, ${by === 'Pokin' ? 'Pokin menghitung' : 'rumus form dari nilai barisnya memberi'} ${f(against)}${form !== null && by === 'Pokin' ? ` (rumus form: ${f(form)})` : ''}. Tidak diimpor; Pokin menghitungnya sendiri.`,
      en: `${what} in row ${row}: the form states ${fEn(stated)}, ${by === 'Pokin' ? 'Pokin computes' : "the form's own formula on its row gives"} ${fEn(against)}${form !== null && by === 'Pokin' ? ` (form's formula: ${fEn(form)})` : ''}. Not imported; Pokin computes it itself.`,
    }, id);
    L.drop(row, c.col, { id: `${what} berbeda dengan hitungan (U08)`, en: `${what} differs from the arithmetic (U08)` });
  };

  for (const own of w.owns) {
    const row = own.row;
    if (seen.has(row)) continue;
    seen.add(row);
    const { box } = own;
    const ind = own.indicator;
    const id = box.id;
    const read: RenjaRowRead = { row, box, ...(ind ? { indicator: ind } : {}), capaian: new Map() };
    rows.push(read);
    // Triwulan K: the indicator's realisasi.
    const k: (number | null)[] = [null, null, null, null];
    const rpq: (number | null)[] = [null, null, null, null];
    tw.forEach((t, q) => {
      if (t.k && g.fresh(row, t.k.col) && g.raw(row, t.k.col) !== null) {
        const label = `Realisasi TW${q + 1} ${tahun}`;
        if (!ind) { noIndicator(w, row, t.k.col, label, id); return; }
        const raw = g.raw(row, t.k.col);
        const n = number(row, t.k, label, id);
        ind.realisasi ??= [null, null, null, null];
        ind.realisasi[q] = n.v ?? (typeof raw === 'string' ? raw.trim() : raw);
        k[q] = n.v;
        L.carry(row, t.k.col);
        const fx = g.formulaAt(row, t.k.col);
        if (fx && targetK !== undefined && copiesTarget(fx, columnLetter(targetK), row)) {
          s.note('U07', 'W', g.cell(row, t.k.col), {
            id: `${label} "${ind.nama}" adalah rumus yang menunjuk target (=${fx.replace(/^=/, '')}), bukan data terukur. Diimpor sebagai nilainya (${show(raw)}); isi realisasi yang sebenarnya.`,
            en: `${label} of "${ind.nama}" is a formula pointing at the target (=${fx.replace(/^=/, '')}), not measured data. Imported as its value (${show(raw)}); enter the real realisation.`,
          }, id);
        }
      }
      if (t.rp && g.fresh(row, t.rp.col) && g.raw(row, t.rp.col) !== null) {
        const label = `Realisasi Anggaran TW${q + 1} ${tahun}`;
        let n = number(row, t.rp, label, id).v;
        n = unitsTypo(w, row, t.rp, n, box.pagu[0], label, id);
        rpq[q] = n;
        box.realisasiAnggaran ??= [null, null, null, null];
        const had = box.realisasiAnggaran[q];
        if (had === null || had === undefined || (n !== null && close(had, n, t.rp.scale))) { box.realisasiAnggaran[q] = had ?? n; L.carry(row, t.rp.col); }
        else L.drop(row, t.rp.col, { id: `${label} kedua untuk kotak ${id}; nilai pertama dipakai`, en: `a second ${label} for box ${id}; the first is kept` });
      }
    });
    const reported = k.filter((x): x is number => x !== null);
    const target = ind && ind.targets[0] !== null && typeof ind.targets[0] === 'number' ? ind.targets[0] : null;
    let polaritas = ind ? parsePolaritas(String(ind.extra?.polaritas ?? '')) : null;
    let akumulasi: Akumulasi | null = ind ? parseAkumulasi(String(ind.extra?.akumulasi ?? '')) : null;

    // Realisasi tahun ini (K): Σ TW (Kumulatif), the last TW (Nilai Akhir) or the mean (Rata-rata).
    const yk = one(rc, 'realisasiTahun', 'k');
    const yearK = number(row, yk, `Realisasi ${tahun}`, id);
    let kYear: number | null = null;
    if (yk && yearK.present) {
      if (!ind) noIndicator(w, row, yk.col, `Realisasi ${tahun}`, id);
      else if (yearK.v === null || !reported.length) {
        check(row, yk, `Realisasi ${tahun} (K)`, yearK.v ?? NaN, null, null, 0.01, false, id);
        if (yearK.v !== null) kYear = yearK.v;
      } else {
        const by: Record<Akumulasi, number> = { Kumulatif: reported.reduce((a, b) => a + b, 0), 'Nilai Akhir': reported[reported.length - 1], 'Rata-rata': reported.reduce((a, b) => a + b, 0) / reported.length };
        const fits = (Object.keys(by) as Akumulasi[]).filter((a) => close(yearK.v as number, by[a], 0.01));
        if (!akumulasi && fits.length) {
          akumulasi = fits[0];
          ind.extra = { ...ind.extra, akumulasi };
          s.f02(g.cell(row, yk.col), 'Akumulasi', { from: '', to: `${akumulasi} (realisasi tahun ini = ${akumulasi === 'Kumulatif' ? 'jumlah' : akumulasi === 'Nilai Akhir' ? 'triwulan terakhir' : 'rata-rata'} triwulan)` }, id);
        }
        const pokin = akumulasi ? by[akumulasi] : null;
        check(row, yk, `Realisasi ${tahun} (K)`, yearK.v, by.Kumulatif, pokin, 0.01, false, id);
        // No akumulasi fits: the form's own formula (Σ TW, `12 = 8+9+10+11`) stands for the year.
        kYear = pokin ?? by.Kumulatif;
      }
    }
    // Realisasi tahun ini (Rp): Σ TW.
    const yr = one(rc, 'realisasiTahun', 'rp');
    const yearRp = number(row, yr, `Realisasi Anggaran ${tahun}`, id);
    const rpReported = rpq.filter((x): x is number => x !== null);
    const rpYear = rpReported.length ? rpReported.reduce((a, b) => a + b, 0) : null;
    if (yr && yearRp.present) check(row, yr, `Realisasi Anggaran ${tahun}`, yearRp.v ?? NaN, rpYear, rpYear, yr.scale, true, id);

    // Realisasi s.d. tahun lalu and the Renstra end pagu: into the box's Catatan (no table holds them).
    const laluK = one(rc, 'realisasiLalu', 'k'), laluRp = one(rc, 'realisasiLalu', 'rp'), akhirRp = one(rc, 'targetAkhir', 'rp');
    const lk = number(row, laluK, 'Realisasi s.d. tahun lalu', id), lr = number(row, laluRp, 'Realisasi Anggaran s.d. tahun lalu', id);
    const ar = number(row, akhirRp, 'Pagu akhir Renstra', id);
    const notes: string[] = [];
    if (lk.present && laluK) { notes.push(`Realisasi s.d. ${tahun - 1}${ind ? ` (${ind.nama})` : ''}: ${show(lk.v ?? lk.raw)}`); L.carry(row, laluK.col); }
    if (lr.present && laluRp) { notes.push(`Realisasi anggaran s.d. ${tahun - 1}: ${lr.v !== null ? rp(lr.v) : show(lr.raw)}`); L.carry(row, laluRp.col); }
    if (ar.present && akhirRp) { notes.push(`Pagu akhir Renstra${rc.tahunAkhir ? ` ${rc.tahunAkhir}` : ''}: ${ar.v !== null ? rp(ar.v) : show(ar.raw)}`); L.carry(row, akhirRp.col); }
    for (const n of notes) if (!box.catatan.includes(n)) addCatatan(box, n);

    // Realisasi s.d. tahun ini: lalu + tahun ini (Kumulatif), else this year's.
    const sk = one(rc, 'realisasiSd', 'k'), sr = one(rc, 'realisasiSd', 'rp');
    const sdK = number(row, sk, `Realisasi s.d. ${tahun}`, id), sdRp = number(row, sr, `Realisasi Anggaran s.d. ${tahun}`, id);
    let kSd: number | null = null;
    if (sk && sdK.present) {
      if (!ind) noIndicator(w, row, sk.col, `Realisasi s.d. ${tahun}`, id);
      else {
        const form = kYear !== null ? (lk.v ?? 0) + kYear : null;
        const pokin = kYear === null ? null : akumulasi === 'Kumulatif' ? (lk.v ?? 0) + kYear : akumulasi ? kYear : null;
        check(row, sk, `Realisasi s.d. ${tahun} (K)`, sdK.v ?? NaN, form, pokin, 0.01, false, id);
        kSd = pokin ?? sdK.v;
      }
    }
    const rpSd = rpYear !== null ? (lr.v ?? 0) + rpYear : null;
    if (sr && sdRp.present) check(row, sr, `Realisasi Anggaran s.d. ${tahun}`, sdRp.v ?? NaN, rpSd, rpSd, sr.scale, true, id);

    // Tingkat capaian: against the year's target / pagu, or the Renstra end target / pagu.
    for (const c of colsOf(rc, 'capaian', 'k').concat(colsOf(rc, 'capaian', 'rp'))) {
      const label = `Tingkat capaian ${c.basis === 'akhir' ? 'Renstra' : tahun} (${c.ukuran === 'rp' ? 'Rp' : 'K'}, %)`;
      const stated = number(row, { ...c, ukuran: 'k' }, label, id);
      if (!stated.present) continue;
      if (c.ukuran === 'rp') {
        const p0 = c.basis === 'akhir' ? ar.v : box.pagu[0];
        const pagu = typeof p0 === 'number' ? p0 : null;
        const real = c.basis === 'akhir' ? rpSd : rpYear;
        const x = pagu && real !== null ? (real / pagu) * 100 : null;
        check(row, c, label, stated.v ?? NaN, x, x, 0.051, false, id);
        continue;
      }
      if (!ind) { noIndicator(w, row, c.col, label, id); continue; }
      const t = c.basis === 'akhir' ? (typeof ind.kondisiAkhir === 'number' ? ind.kondisiAkhir : null) : target;
      const real = c.basis === 'akhir' ? kSd : kYear;
      if (!polaritas && c.basis !== 'akhir' && t && real !== null && stated.v !== null) {
        // The form states capaian but not polarity; its arithmetic tells which it used, so the
        // imported indicator is measured as the form measured it (reported, like Akumulasi).
        polaritas = polaritasOf(t, real, stated.v);
        if (polaritas) {
          ind.extra = { ...ind.extra, polaritas };
          w.sink.note('F02', 'W', w.g.cell(row, c.col), {
            id: `Polaritas: "" dibaca sebagai "${polaritas}" (capaian formulir ${show(stated.v)} = ${polaritas === 'Positif' ? 'realisasi ÷ target' : 'kebalikan realisasi terhadap target'}).`,
            en: `Polaritas: "" was read as "${polaritas}" (the form's capaian ${show(stated.v)} = ${polaritas === 'Positif' ? 'realisasi ÷ target' : 'the inverse of realisasi against target'}).`,
          }, id);
        }
      }
      const form = t && real !== null ? (real / t) * 100 : null;
      let pokin: number | null = null;
      let capped: number | null = null;
      if (t !== null && real !== null) {
        const res = hitungAkumulasi({ akumulasi: 'Nilai Akhir', polaritas: polaritas ?? 'Positif', periode: [{ target: null, realisasi: real }], targetAkhir: { kind: 'number', value: t } });
        pokin = res.murni;
        capped = res.capaian;
      }
      check(row, c, label, stated.v ?? NaN, form, pokin, 0.051, false, id);
      if (stated.v !== null && c.basis !== 'akhir') read.capaian.set(c.col, { stated: stated.v, pokin: capped });
    }
  }
  void paguScale;
  return { checks, rows };
}

/**
 * Which polarity gives the form's stated capaian for this target and realisasi. The
 * Permendagri 86/2017 form defines its capaian as realisasi ÷ target × 100 (Positif); a form
 * whose figure only fits the inverse was filled for a Negatif indicator. Null when neither fits.
 */
function polaritasOf(target: number, real: number, stated: number): Polaritas | null {
  const fit = (p: Polaritas) => {
    const x = hitungAkumulasi({ akumulasi: 'Nilai Akhir', polaritas: p, periode: [{ target: null, realisasi: real }], targetAkhir: { kind: 'number', value: target } }).murni;
    return x !== null && close(x, stated, 0.051);
  };
  return fit('Positif') ? 'Positif' : fit('Negatif') ? 'Negatif' : null;
}

/** A value of the form on a row without an indicator to hold it. */
function noIndicator(w: Walker, row: number, col: number, label: string, id: string): void {
  const msg: Bilingual = { id: `${label}: baris ${row} tidak punya indikator untuk menampungnya; tidak diimpor.`, en: `${label}: row ${row} has no indicator to hold it; not imported.` };
  w.sink.note('F01', 'E', w.g.cell(row, col), msg, id);
  w.ledger.drop(row, col, msg);
}

/**
 * A realisasi Rp typed in rupiah under an `Rp (000)` header: ×1,000 would make it a thousand
 * times the row's pagu while the figure as typed fits it. Read as rupiah and reported (F02).
 */
function unitsTypo(w: Walker, row: number, c: RenjaCol, n: number | null, pagu: CellValue, label: string, id: string): number | null {
  if (n === null || c.scale === 1 || typeof pagu !== 'number' || pagu <= 0) return n;
  const typed = n / c.scale;
  if (n <= pagu * 100 || typed > pagu * 1.5) return n;
  w.sink.note('F02', 'W', w.g.cell(row, c.col), {
    id: `${label} ${show(w.g.raw(row, c.col))} di kolom Rp (×${c.scale.toLocaleString('id-ID')}) akan menjadi ${rp(n)}, ${Math.round(n / pagu)}× pagu barisnya; dibaca sebagai rupiah (${rp(typed)}). Periksa satuannya.`,
    en: `${label} ${show(w.g.raw(row, c.col))} in an Rp column (×${c.scale.toLocaleString('en-US')}) would be ${rpEn(n)}, ${Math.round(n / pagu)}× its row's pagu; read as rupiah (${rpEn(typed)}). Check its unit.`,
  }, id);
  return typed;
}
