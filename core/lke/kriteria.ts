/**
 * The criteria list: the shipped one (PermenPANRB 88/2021 as Kabupaten Trenggalek applies it)
 * or a pemda's own `Kriteria LKE` table in the same columns. Both go through `bangunKriteria`,
 * which checks what makes a score meaningless: sub komponen weights that do not add up to
 * their komponen (V01), komponen weights that do not add up to 100 (V02), rows that cannot
 * be read (F01).
 */
import { a1 } from '../a1.js';
import { issue, type Bilingual, type Issue } from '../issues.js';
import { kriteriaLkeTableSpec } from '../layout/lke.js';
import { cellOf, type RowLoc } from '../model.js';
import { findTable } from '../read/index.js';
import { idText, parseNumberText, plainText } from '../read/normalise.js';
import { reportUnreadable } from '../read/report.js';
import { cellAt, mapTable, rowHasInput, scrubErrors } from '../read/table.js';
import type { CellValue, WorkbookSnapshot } from '../snapshot.js';
import SHIPPED, { SUMBER_KRITERIA_88_2021 } from './data/kriteria-88-2021.js';
import { bacaJenis, bacaNilaiJawaban, SKALA_BAWAAN } from './skala.js';
import type { BarisKriteria, Komponen, Kriteria, KriteriaLke, SubKomponen } from './types.js';

/** A criteria row with where it sits (absent for the shipped list). */
export interface BarisBerlokasi {
  baris: BarisKriteria;
  loc?: RowLoc;
}

/** Weights are compared to 1e-6: `4,5 + 7,5` must equal 12 whatever the float rounding. */
const SAMA = (a: number, b: number) => Math.abs(a - b) <= 1e-6;
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);
const fmtId = (n: number) => fmt(n).replace('.', ',');

const FIELDS: (keyof BarisKriteria)[] = [
  'komponen_kode', 'komponen', 'komponen_bobot', 'sub_kode', 'sub_komponen', 'sub_bobot',
  'kriteria_kode', 'kriteria', 'jenis_jawaban', 'bukti_dukung', 'nilai_jawaban', 'saran_pokin',
];

let shippedCache: KriteriaLke | undefined;

/** The shipped list (SAKIP.md §13, `../shared/domain/lke/kriteria-88-2021.csv`). */
export function kriteriaBawaan(): KriteriaLke {
  if (!shippedCache) {
    const issues: Issue[] = [];
    shippedCache = bangunKriteria(SHIPPED.map((baris) => ({ baris })), issues, SUMBER_KRITERIA_88_2021, false);
    // The build script and its test keep the shipped list valid; a broken one must not score.
    if (issues.some((i) => i.severity === 'E')) throw new Error(`shipped LKE criteria invalid: ${issues[0].messageEn}`);
  }
  return shippedCache;
}

/** The shipped list as table rows (what `--kriteria` writes to start a variant from). */
export function barisKriteriaBawaan(): readonly BarisKriteria[] {
  return SHIPPED;
}

/**
 * The criteria of a workbook: its `Kriteria LKE` table when it has one with rows, else the
 * shipped list. Problems go to `issues`; an error there means the list cannot score.
 */
export function bacaKriteria(snapshot: WorkbookSnapshot, issues: Issue[]): KriteriaLke {
  const spec = kriteriaLkeTableSpec();
  const snap = findTable(snapshot, spec);
  if (!snap || !snap.rows.some((r) => rowHasInput(r, new Set()))) return kriteriaBawaan();
  const m = mapTable(snap, spec, issues);
  if (spec.columns.some((c) => c.required && !(c.key in m.index))) {
    return { sumber: sumberVarian(snap.sheet), varian: true, komponen: [], semua: [], byKode: new Map() };
  }
  const rows: BarisBerlokasi[] = [];
  snap.rows.forEach((raw, r) => {
    if (!rowHasInput(raw, m.outputCols)) return;
    const sheetRow = m.firstDataRow + r;
    const row = scrubErrors(m, raw, sheetRow, idText(cellAt(m, raw, 'kriteria_kode')), issues);
    const baris = Object.fromEntries(FIELDS.map((f) => [f, textOf(cellAt(m, row, f))])) as unknown as BarisKriteria;
    rows.push({ baris, loc: { table: m.loc, row: sheetRow } });
  });
  return bangunKriteria(rows, issues, sumberVarian(snap.sheet), true);
}

function sumberVarian(sheet: string): Bilingual {
  return { id: `Kriteria LKE buku kerja ini (lembar "${sheet}")`, en: `this workbook's own criteria (sheet "${sheet}")` };
}

function textOf(v: CellValue): string {
  return typeof v === 'number' ? String(v) : plainText(v);
}

/** Builds the komponen → sub komponen → kriteria structure and checks it. */
export function bangunKriteria(rows: readonly BarisBerlokasi[], issues: Issue[], sumber: Bilingual, varian: boolean): KriteriaLke {
  const komponen: Komponen[] = [];
  const komponenByKode = new Map<string, { k: Komponen; loc?: RowLoc }>();
  const subByKode = new Map<string, SubKomponen>();
  const semua: Kriteria[] = [];
  const byKode = new Map<string, Kriteria>();
  const where = (loc: RowLoc | undefined, field: string, id?: string) =>
    loc ? { sheet: loc.table.sheet, cell: cellOf(loc, field), ...(id ? { id } : {}) } : { sheet: 'Kriteria LKE', cell: 'A1', ...(id ? { id } : {}) };
  const unreadable = (loc: RowLoc | undefined, field: string, id: string, msg: Bilingual) => {
    if (loc) reportUnreadable(issues, loc, field, id, msg);
    else issues.push(issue('F01', 'E', where(loc, field, id), msg));
  };
  const bobot = (v: string, loc: RowLoc | undefined, field: string, id: string): number | null => {
    const n = parseNumberText(v);
    if (n === null || n < 0) {
      unreadable(loc, field, id, v === ''
        ? { id: `${field} kosong.`, en: `${field} is empty.` }
        : { id: `${field} "${v}" bukan bobot (angka ≥ 0).`, en: `${field} "${v}" is not a weight (a number ≥ 0).` });
      return null;
    }
    return n;
  };

  for (const { baris: b, loc } of rows) {
    const kode = b.kriteria_kode.trim();
    if (kode === '') { unreadable(loc, 'kriteria_kode', '', { id: 'Baris kriteria tanpa kriteria_kode.', en: 'A criteria row without kriteria_kode.' }); continue; }
    if (byKode.has(kode)) {
      unreadable(loc, 'kriteria_kode', kode, { id: `kriteria_kode "${kode}" ganda; baris ini diabaikan.`, en: `Duplicate kriteria_kode "${kode}"; this row is ignored.` });
      continue;
    }
    const jenis = bacaJenis(b.jenis_jawaban);
    if (!jenis) {
      unreadable(loc, 'jenis_jawaban', kode, {
        id: `jenis_jawaban "${b.jenis_jawaban}" tidak dikenal (pilihan: Y/T, A/B/C/D, A/B/C/D/E).`,
        en: `Unknown jenis_jawaban "${b.jenis_jawaban}" (choices: Y/T, A/B/C/D, A/B/C/D/E).`,
      });
      continue;
    }
    let skala = SKALA_BAWAAN[jenis].map((p) => ({ ...p }));
    if ((b.nilai_jawaban ?? '').trim() !== '') {
      const r = bacaNilaiJawaban(b.nilai_jawaban as string, jenis);
      if ('masalah' in r) { unreadable(loc, 'nilai_jawaban', kode, r.masalah); continue; }
      skala = r.skala;
    }
    const kk = b.komponen_kode.trim();
    const sk = b.sub_kode.trim();
    if (kk === '' || sk === '') {
      unreadable(loc, kk === '' ? 'komponen_kode' : 'sub_kode', kode, {
        id: `Kriteria "${kode}" tanpa ${kk === '' ? 'komponen_kode' : 'sub_kode'}.`, en: `Criterion "${kode}" has no ${kk === '' ? 'komponen_kode' : 'sub_kode'}.`,
      });
      continue;
    }
    const kb = bobot(b.komponen_bobot, loc, 'komponen_bobot', kode);
    const sb = bobot(b.sub_bobot, loc, 'sub_bobot', kode);
    if (kb === null || sb === null) continue;

    let kEntry = komponenByKode.get(kk);
    if (!kEntry) {
      kEntry = { k: { kode: kk, nama: b.komponen, bobot: kb, sub: [] }, ...(loc ? { loc } : {}) };
      komponenByKode.set(kk, kEntry);
      komponen.push(kEntry.k);
    } else if (!SAMA(kEntry.k.bobot, kb)) {
      issues.push(issue('V01', 'E', where(loc, 'komponen_bobot', kode), {
        id: `Bobot komponen ${kk} tertulis ${fmtId(kb)} di sini, padahal ${fmtId(kEntry.k.bobot)} di baris sebelumnya; satu komponen, satu bobot.`,
        en: `Komponen ${kk} weighs ${fmt(kb)} here but ${fmt(kEntry.k.bobot)} on an earlier row; one komponen, one weight.`,
      }));
    }
    let sub = subByKode.get(sk);
    if (!sub) {
      sub = { kode: sk, nama: b.sub_komponen, bobot: sb, komponen: kEntry.k, kriteria: [] };
      subByKode.set(sk, sub);
      kEntry.k.sub.push(sub);
    } else if (sub.komponen !== kEntry.k) {
      unreadable(loc, 'sub_kode', kode, {
        id: `sub_kode "${sk}" sudah dipakai di komponen ${sub.komponen.kode}; baris ini diabaikan.`,
        en: `sub_kode "${sk}" already belongs to komponen ${sub.komponen.kode}; this row is ignored.`,
      });
      continue;
    } else if (!SAMA(sub.bobot, sb)) {
      issues.push(issue('V01', 'E', where(loc, 'sub_bobot', kode), {
        id: `Bobot sub komponen ${sk} tertulis ${fmtId(sb)} di sini, padahal ${fmtId(sub.bobot)} di baris sebelumnya; satu sub komponen, satu bobot.`,
        en: `Sub komponen ${sk} weighs ${fmt(sb)} here but ${fmt(sub.bobot)} on an earlier row; one sub komponen, one weight.`,
      }));
    }
    const saran = (b.saran_pokin ?? '').trim();
    const k: Kriteria = {
      kode, teks: b.kriteria, jenis, skala, buktiDukung: b.bukti_dukung, sub, urutan: semua.length,
      ...(saran ? { saranPokin: saran } : {}), ...(loc ? { loc } : {}),
    };
    sub.kriteria.push(k);
    semua.push(k);
    byKode.set(kode, k);
  }

  for (const k of komponen) {
    const sum = k.sub.reduce((s, x) => s + x.bobot, 0);
    if (SAMA(sum, k.bobot)) continue;
    const loc = komponenByKode.get(k.kode)?.loc;
    const parts = k.sub.map((s) => fmtId(s.bobot)).join(' + ');
    issues.push(issue('V01', 'E', where(loc, 'komponen_bobot', k.kode), {
      id: `Bobot sub komponen ${k.nama} (${k.kode}) berjumlah ${fmtId(sum)} (${parts}), tidak sama dengan bobot komponennya ${fmtId(k.bobot)}.`,
      en: `The sub komponen weights of ${k.nama} (${k.kode}) add up to ${fmt(sum)} (${parts.replace(/,/g, '.')}), not to the komponen's weight ${fmt(k.bobot)}.`,
    }));
  }
  const total = komponen.reduce((s, k) => s + k.bobot, 0);
  if (komponen.length && !SAMA(total, 100)) {
    const loc = komponenByKode.get(komponen[0].kode)?.loc;
    issues.push(issue('V02', 'E', loc ? where(loc, 'komponen_bobot') : { sheet: 'Kriteria LKE', cell: a1(0, 1) }, {
      id: `Bobot komponen berjumlah ${fmtId(total)} (${komponen.map((k) => `${k.kode} ${fmtId(k.bobot)}`).join(', ')}), bukan 100; nilai LKE harus dari 100.`,
      en: `The komponen weights add up to ${fmt(total)} (${komponen.map((k) => `${k.kode} ${fmt(k.bobot)}`).join(', ')}), not 100; the LKE score is out of 100.`,
    }));
  }
  return { sumber, varian, komponen, semua, byKode };
}
