/**
 * The adoption report as the planner reads it, one view for the pane and `pokin import`:
 * what became of every source row (a box, an indicator, context, skipped with its reason,
 * or not placed with its reason), every normalised value, and the issues found on the way.
 * SAKIP.md §10: no row vanishes silently.
 */
import type { AdoptReport, RowFate } from '../adopt/types.js';
import type { Issue } from '../issues.js';

type Lang = 'id' | 'en';

export interface ReportRow {
  /** Source sheet row. */
  row: number;
  kind: RowFate['kind'];
  text: string;
}

export interface ReportView {
  sheet: string;
  years: number[];
  sourceRows: number;
  boxes: number;
  indicators: number;
  /** Every source row's fate, in sheet order. */
  rows: ReportRow[];
  unplaced: { row: number; cell: string; reason: string }[];
  normalised: { cell: string; from: string; to: string }[];
  /**
   * Issues found while adopting, at their source cells, in the view's language: codes (N01),
   * numbers, merged cells, hidden rows and columns. Not the normalised values (listed apart),
   * nor the F01 that already is an unplaced row's reason.
   */
  issues: ReportIssue[];
  jabatanCreated: { id: string; from: string }[];
  /** Source values carried into the workbook against values present (equal when nothing is lost). */
  values: { present: number; carried: number };
  /** Each source value not carried over, at its cell, with the reason. */
  notCarried: { cell: string; reason: string }[];
  /** Renja evaluation form: Realisasi rows written, the form's figures checked, its footer (empty otherwise). */
  renja: string[];
}

export interface ReportIssue {
  rule: Issue['rule'];
  severity: Issue['severity'];
  sheet: string;
  cell: string;
  message: string;
}

/** A normalised value as shown: quoted, a removed line break as ⏎ (a space would hide the change). */
export function shownValue(v: string): string {
  return `“${v.replace(/\r?\n/g, '⏎')}”`;
}

/** The issues the pane and `pokin import` list (see `ReportView.issues`). */
function reportIssues(r: AdoptReport, lang: Lang): ReportIssue[] {
  const unplaced = new Set(r.unplaced.map((u) => u.cell));
  return r.issues
    .filter((i) => !(i.rule === 'F02' && i.from !== undefined))
    .filter((i) => !(i.rule === 'F01' && (i.severity === 'I' || unplaced.has(i.cell) || unplaced.has(`${i.sheet}!${i.cell}`))))
    .filter((i) => i.rule === 'F02' || !i.message.startsWith('Baris '))
    .map((i) => ({ rule: i.rule, severity: i.severity, sheet: i.sheet, cell: i.cell, message: lang === 'en' ? i.messageEn : i.message }));
}

function fateText(f: RowFate, lang: Lang): string {
  const en = lang === 'en';
  switch (f.kind) {
    case 'box': return en ? `box ${f.id}` : `kotak ${f.id}`;
    case 'indicator': return en ? `indicator "${f.indicator}" of ${f.id}` : `indikator "${f.indicator}" pada ${f.id}`;
    case 'context': return en ? `context (${f.what}), not a box` : `konteks (${f.what}), bukan kotak`;
    case 'skipped': return en ? `skipped: ${f.reason}` : `dilewati: ${f.reason}`;
    case 'unplaced': return en ? `NOT placed (${f.cell}): ${f.reason}` : `TIDAK tertempatkan (${f.cell}): ${f.reason}`;
  }
}

export function reportView(r: AdoptReport, lang: Lang = 'id'): ReportView {
  const reasons = new Map(r.unplaced.map((u) => [`${u.row}|${u.cell}`, lang === 'en' ? u.reasonEn : u.reason]));
  const skipped = new Map(r.skipped.map((u) => [u.row, lang === 'en' ? u.reasonEn : u.reason]));
  return {
    sheet: r.sheet, years: r.years, sourceRows: r.sourceRows, boxes: r.boxes, indicators: r.indicators,
    rows: r.rows.map((f) => ({
      row: f.row, kind: f.kind,
      text: f.kind === 'unplaced' ? fateText({ ...f, reason: reasons.get(`${f.row}|${f.cell}`) ?? f.reason }, lang)
        : f.kind === 'skipped' ? fateText({ ...f, reason: skipped.get(f.row) ?? f.reason }, lang) : fateText(f, lang),
    })),
    unplaced: r.unplaced.map((u) => ({ row: u.row, cell: u.cell, reason: lang === 'en' ? u.reasonEn : u.reason })),
    normalised: r.normalised,
    issues: reportIssues(r, lang),
    jabatanCreated: r.jabatanCreated,
    values: { present: r.values.present, carried: r.values.carried },
    notCarried: r.notCarried.map((n) => ({ cell: n.cell, reason: lang === 'en' ? n.reasonEn : n.reason })),
    renja: renjaLines(r, lang),
  };
}

/** One line of counts: `33 baris → 25 kotak, 30 indikator; 0 tidak tertempatkan; 7 dilewati (bukan data); 3 nilai dinormalkan.` */
export function countsLine(r: Pick<AdoptReport, 'sourceRows' | 'boxes' | 'indicators' | 'unplaced' | 'normalised'> & { skipped?: readonly unknown[] }, lang: Lang = 'id'): string {
  const skipped = r.skipped?.length ?? 0;
  return lang === 'en'
    ? `${r.sourceRows} rows → ${r.boxes} boxes, ${r.indicators} indicators; ${r.unplaced.length} not placed; ${skipped} skipped (not data); ${r.normalised.length} values normalised.`
    : `${r.sourceRows} baris → ${r.boxes} kotak, ${r.indicators} indikator; ${r.unplaced.length} tidak tertempatkan; ${skipped} dilewati (bukan data); ${r.normalised.length} nilai dinormalkan.`;
}

/** `Nilai terbawa / ada: 130 / 132 (2 TIDAK terbawa)`: what the pane and `pokin import` print. */
export function valuesLine(r: { values: { present: number; carried: number } }, lang: Lang = 'id'): string {
  const lost = r.values.present - r.values.carried;
  return lang === 'en'
    ? `Values carried / present: ${r.values.carried} / ${r.values.present}${lost ? ` (${lost} NOT carried)` : ''}`
    : `Nilai terbawa / ada: ${r.values.carried} / ${r.values.present}${lost ? ` (${lost} TIDAK terbawa)` : ''}`;
}

/**
 * The Renja evaluation form: Realisasi rows written, the form's figures checked, where its
 * footer went; the pane and `pokin import` print the same lines (empty for other layouts).
 */
/** Where the form's year or period came from, in English (`judul kolom X` → `the X column title`). */
function sourceEn(dari: string): string {
  const m = /^judul kolom (.+)$/.exec(dari);
  return m ? `the ${m[1]} column title` : dari;
}

export function renjaLines(r: Pick<AdoptReport, 'renja'>, lang: Lang = 'id'): string[] {
  const j = r.renja;
  if (!j) return [];
  const en = lang === 'en';
  const bad = j.checks.filter((c) => !c.ok);
  return [
    en
      ? `Realisasi ${j.tahun} (year from ${sourceEn(j.tahunDari)}): ${j.realisasi.rows} rows, ${j.realisasi.indikator} indicators, quarters ${j.realisasi.triwulan.map((q) => `TW${q}`).join(', ') || '-'}`
      : `Realisasi ${j.tahun} (tahun dari ${j.tahunDari}): ${j.realisasi.rows} baris, ${j.realisasi.indikator} indikator, triwulan ${j.realisasi.triwulan.map((q) => `TW${q}`).join(', ') || '-'}`,
    ...(j.periode ? [en
      ? `Renstra period ${j.periode.awal}–${j.periode.akhir} (guessed from ${sourceEn(j.periode.dari)}; the workbook's Info, and where it is pushed): change with --tahun-awal/--tahun-akhir`
      : `Periode Renstra ${j.periode.awal}–${j.periode.akhir} (tebakan dari ${j.periode.dari}; dipakai di Info dan sebagai periode kirim): ubah dengan --tahun-awal/--tahun-akhir`] : []),
    en ? `Form figures checked: ${j.checks.length}, differing from Pokin (U08): ${bad.length}` : `Angka form diperiksa: ${j.checks.length}, berbeda dengan Pokin (U08): ${bad.length}`,
    ...j.catatan.map((c) => `  ${c.jenis}: "${c.text}" → ${c.to || (en ? 'nowhere (no Realisasi row)' : 'tidak ada baris Realisasi')}`),
  ];
}
