/**
 * The rows under a Renja evaluation form's table: `Rata-rata capaian kinerja (%)` checked
 * against the mean of the rows' capaian (the form's and Pokin's), `Predikat kinerja` against the
 * band of that average (Permendagri 86/2017: ≥ 91 Sangat Tinggi, 76–< 91 Tinggi, 66–< 76 Sedang,
 * 51–< 66 Rendah, < 51 Sangat Rendah), and the footer lines (faktor pendorong, penghambat,
 * tindak lanjut) carried into the `Realisasi` rows of the top boxes' indicators in the last
 * quarter reported (`Faktor Pendukung`, `Faktor Penghambat`, `Solusi`).
 */
import type { Walker } from '../matrix.js';
import type { RenjaCheck } from '../types.js';
import type { RenjaRead } from './realisasi.js';

export function predikatRenja(avg: number): string {
  return avg >= 91 ? 'Sangat Tinggi' : avg >= 76 ? 'Tinggi' : avg >= 66 ? 'Sedang' : avg >= 51 ? 'Rendah' : 'Sangat Rendah';
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const key = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');

export interface FooterLine { row: number; jenis: string; text: string }

export function checkRingkasan(w: Walker, read: RenjaRead): RenjaCheck[] {
  const g = w.g;
  const out: RenjaCheck[] = [];
  let avgStated: number | null = null;
  let avgPokin: number | null = null;
  for (const r of w.ringkasan) {
    w.ledger.carry(r.row, r.col);
    for (let c = g.firstCol; c <= g.lastCol; c++) {
      if (c === r.col || !g.fresh(r.row, c) || g.raw(r.row, c) === null) continue;
      const v = g.raw(r.row, c);
      const cell = g.cell(r.row, c);
      const rows = read.rows.map((x) => x.capaian.get(c)).filter((x) => x !== undefined);
      if (r.jenis === 'rata-rata') {
        const form = mean(rows.map((x) => x.stated));
        const pokinVals = rows.map((x) => x.pokin);
        const pokin = pokinVals.length && pokinVals.every((x) => x !== null) ? mean(pokinVals as number[]) : null;
        const stated = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
        if (avgStated === null && Number.isFinite(stated)) { avgStated = stated; avgPokin = pokin ?? form; }
        note(w, out, r.row, c, cell, 'Rata-rata capaian kinerja (%)', Number.isFinite(stated) ? stated : String(v), form, pokin, form === null ? null : Math.abs(stated - (pokin ?? form)) <= 0.051);
      } else {
        const basis = avgPokin ?? avgStated;
        const expected = basis === null ? null : predikatRenja(basis);
        note(w, out, r.row, c, cell, 'Predikat kinerja', String(v), avgStated === null ? null : predikatRenja(avgStated), expected, expected === null ? null : key(String(v)) === key(expected));
      }
    }
  }
  return out;
}

function note(w: Walker, out: RenjaCheck[], row: number, col: number, cell: string, what: string, stated: number | string, form: number | string | null, pokin: number | string | null, ok: boolean | null): void {
  const good = ok !== false;
  out.push({ cell, what, stated, form, pokin, ok: good, rule: good ? '' : 'U08' });
  if (good) { w.ledger.carry(row, col); return; }
  const f = (x: number | string | null) => (typeof x === 'number' ? String(Math.round(x * 100) / 100) : x ?? '-');
  w.sink.note('U08', 'W', cell, {
    id: `${what}: form menulis ${f(stated)}, Pokin menghitung ${f(pokin ?? form)}${form !== null && pokin !== null && form !== pokin ? ` (dari capaian yang ditulis form: ${f(form)})` : ''}. Tidak diimpor.`,
    en: `${what}: the form states ${f(stated)}, Pokin computes ${f(pokin ?? form)}${form !== null && pokin !== null && form !== pokin ? ` (from the capaian the form states: ${f(form)})` : ''}. Not imported.`,
  });
  w.ledger.drop(row, col, { id: `${what} berbeda dengan hitungan (U08)`, en: `${what} differs from the arithmetic (U08)` });
}

/** The footer lines, each carried (all its cells) and returned for the `Realisasi` rows. */
export function footerLines(w: Walker): FooterLine[] {
  const out: FooterLine[] = [];
  for (const c of w.catatan) {
    for (const col of c.cols) w.ledger.carry(c.row, col);
    if (c.text) out.push({ row: c.row, jenis: c.jenis, text: c.text });
  }
  return out;
}
