/**
 * What a row below the header is before it is read as data: structure printed into the
 * table (column numbers and headers repeated on every printed page, the title block
 * repeated, page numbers, footnotes, signature lines), a totals row (`JUMLAH …`, checked
 * against the rows it totals), a kelompok urusan row (`I`, `URUSAN WAJIB …`), a group row
 * naming a perangkat daerah or kecamatan, or data.
 */
import type { Bilingual } from '../issues.js';
import { headerKey } from '../layout/tables.js';
import { isBlank } from '../snapshot.js';
import { indicatorColumns, nameColumns, type ColumnModel } from './columns.js';
import type { Grid } from './grid.js';
import type { Walker } from './matrix.js';
import { isColumnNumberRow, isMoneyLabel, text, type HeaderBlock } from './header.js';
import { isYearLabel } from './yearlabels.js';

export type RowKind =
  | { kind: 'data' }
  | { kind: 'skip'; cell: string; msg: Bilingual }
  | { kind: 'totals'; cell: string; col: number; label: string }
  | { kind: 'kelompok'; cell: string; col: number; label: string }
  | { kind: 'group'; cell: string; col: number; label: string }
  /** Renja evaluation form: the average capaian row and the predikat row under the table (checked). */
  | { kind: 'ringkasan'; cell: string; col: number; label: string; jenis: 'rata-rata' | 'predikat' }
  /** Renja evaluation form: faktor pendorong / penghambat / tindak lanjut under the table. */
  | { kind: 'catatanForm'; cell: string; col: number; label: string; jenis: CatatanJenis; text: string };

export type CatatanJenis = 'pendorong' | 'penghambat' | 'tindak lanjut';

const TOTAL_START = /^\s*(?:j|t|s|g)/i;
export const TOTAL = /^\s*(?:jumlah|total|sub\s*-?\s*total|grand\s*total|jml\.?)(?:\b|$)/i;
const FOOTNOTE = /^\s*(?:sumber\s*:|sumber data\s*:|keterangan\s*:|ket\s*[:.]|catatan\s*:|note\s*:|nb\b|\*|\(\*|dicetak|disusun|diolah)/i;
const PAGE = /^\s*(?:hal(?:aman)?\.?|page)\s*:?\s*\d+(?:\s*(?:dari|of|\/)\s*\d+)?\s*$|^\s*\d+\s*(?:dari|of)\s*\d+\s*$|^\s*-\s*\d+\s*-\s*$/i;
const SIGNATURE = /^\s*(?:nip\.?\s*[:.]?\s*\d|(?:plt\.?|plh\.?)\s|mengetahui|menyetujui|ditetapkan di|pada tanggal|disusun\b|dievaluasi\b|diperiksa\b|tanggal\s*:|kepala\s+(?:perangkat\s+daerah|bappeda|badan\s+perencanaan)|bupati\b|wali\s?kota\b|gubernur\b|sekretaris daerah\b|pembina\b|penata\b|kepala (?:dinas|badan|bappeda|kantor|bagian)[^,]*,?$|[a-z .]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}\s*$)/i;
const ROMAN = /^\s*(?:[IVX]{1,5})\.?\s*$/;
const KELOMPOK = /^\s*(?:[IVX]{1,5}\.?\s+)?(?:urusan\s+(?:pemerintahan\s+)?(?:wajib|pilihan)|urusan\s+pemerintahan\s+(?:yang\s+)?(?:wajib|pilihan)|unsur\s+(?:pendukung|penunjang|pengawasan|kewilayahan|pemerintahan umum)(?:\s+urusan pemerintahan)?$|urusan\s+wajib|urusan\s+pilihan)/i;
/** Renja evaluation form: `Rata-rata capaian kinerja (%)`, `Predikat kinerja`. */
const RATA_RATA = /^\s*(?:nilai\s+)?rata\s*-?\s*rata\b/i;
const PREDIKAT = /^\s*predikat\b/i;
/** Renja evaluation form footer: `Faktor pendorong keberhasilan pencapaian:` and the like. */
const CATATAN_FORM: [RegExp, CatatanJenis][] = [
  [/^\s*(?:\d+[.)]\s*)?faktor\s+(?:pendorong|pendukung)\b/i, 'pendorong'],
  [/^\s*(?:\d+[.)]\s*)?faktor\s+penghambat\b/i, 'penghambat'],
  [/^\s*(?:\d+[.)]\s*)?tindak\s*lanjut\b/i, 'tindak lanjut'],
];

/** The footer label of a Renja evaluation form a text starts with, and the text after its colon. */
export function catatanForm(t: string): { jenis: CatatanJenis; label: string; rest: string } | undefined {
  for (const [re, jenis] of CATATAN_FORM) {
    if (!re.test(t)) continue;
    const at = t.indexOf(':');
    return { jenis, label: (at >= 0 ? t.slice(0, at) : t).trim(), rest: at >= 0 ? t.slice(at + 1).trim() : '' };
  }
  return undefined;
}

/** Text that names a perangkat daerah or a kecamatan (a group row, a penanggung jawab). */
export const OPD_NAME = /^\s*(?:dinas|badan|kecamatan|kelurahan|sekretariat|inspektorat|satuan polisi|satpol|rsud|rumah sakit|kantor|bagian|dprd|bappeda|bapenda|bpbd|bpkad|bkpsdm|bkd|uptd|kesbangpol|dukcapil|puskesmas|biro)\b/i;

export interface RowContext {
  g: Grid;
  header: HeaderBlock;
  model: ColumnModel;
  /** Hierarchy, code and indicator columns. */
  hierarchy: Set<number>;
  indicatorCols: Set<number>;
  /** Number/value columns (targets, pagu, baseline, end condition). */
  valueCols: Set<number>;
  /** Code and `No` columns. */
  markerCols: Set<number>;
  /** Where names are typed (the coded group's name column, else the first hierarchy column). */
  nameCols: number[];
  titleKeys: Set<string>;
  /** Per column: the `headerKey` of each of its title parts (a repeated header matches them). */
  labelKeys: Map<number, Set<string>>;
  /** The longest title part, plus room for spacing (a longer cell cannot repeat a title). */
  labelMax: number;
  /** First letters or digits of the title parts (a cheap test before `headerKey`). */
  labelFirst: Set<string>;
}

/** The first letter or digit of a text, lower-cased (what its `headerKey` starts with, for ASCII text). */
export function firstKeyChar(v: string): string {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) return v[i];
    if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
    if (c > 127) return '';
  }
  return '';
}

const skip = (cell: string, id: string, en: string): RowKind => ({ kind: 'skip', cell, msg: { id, en } });

export function classifyRow(x: RowContext, row: number): RowKind {
  const { g } = x;
  let filled = 0;
  let hits = 0;
  let numbers = 0;
  const short: string[] = [];
  let first: { c: number; t: string } | undefined;
  let values = 0;
  let marker: string | undefined;
  let totals: { c: number; t: string } | undefined;
  let nameText: { c: number; t: string } | undefined;
  let hierarchyFilled = 0;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    if (!g.fresh(row, c)) continue;
    const v = g.raw(row, c);
    filled++;
    const isMarker = x.markerCols.has(c);
    const isName = x.nameCols.includes(c) && nameText === undefined;
    // Plain text of the cell, only where it is looked at (most cells are numbers or prose).
    const t = first === undefined || isMarker || isName || (typeof v === 'string' && v.length <= 80 && TOTAL_START.test(v)) ? text(v) : '';
    first ??= { c, t };
    if (x.valueCols.has(c)) values++;
    if (isMarker) marker = t;
    if (x.hierarchy.has(c)) hierarchyFilled++;
    if (isName) nameText = { c, t };
    if (typeof v === 'string') {
      const keys = x.labelKeys.get(c);
      if (keys && v.length <= x.labelMax && x.labelFirst.has(firstKeyChar(v)) && keys.has(headerKey(v))) hits++;
      if (v.length <= 30) short.push(v);
    } else if (typeof v === 'number') numbers++;
    if (!totals && typeof v === 'string' && TOTAL.test(v) && !x.indicatorCols.has(c) && (x.hierarchy.has(c) || x.markerCols.has(c) || c === g.firstCol) && t.length <= 80) totals = { c, t };
  }
  if (filled === 0) return { kind: 'data' };
  const cell = first ? g.cell(row, first.c) : g.cell(row, g.firstCol);
  if (isColumnNumberRow(g, row)) return skip(cell, 'baris nomor kolom (1, 2, 3 …), diulang.', 'a column-number row (1, 2, 3 …), repeated.');
  // Sub-titles alone (`Target | Rp | Target | Rp`): a header printed again. Data rows carry numbers.
  const subTitles = numbers === 0 && short.length === filled && filled >= 2
    ? short.filter((v) => isYearLabel(v) || isMoneyLabel(v) || /^\s*(?:target|k|rp|satuan|tk|kinerja)\s*$/i.test(v)).length : 0;
  if ((hits >= 2 && hits * 2 >= filled) || (subTitles >= 2 && subTitles === filled)) {
    return skip(cell, 'judul tabel berulang (tiap halaman cetak, atau tabel ditempel dua kali).', 'a repeated table header (each printed page, or the table pasted twice).');
  }
  if (totals && !hasIndicator(x, row)) return { kind: 'totals', cell: g.cell(row, totals.c), col: totals.c, label: totals.t };
  if (x.model.renja && first && !hasIndicator(x, row)) {
    const f = renjaRow(x, row, first);
    if (f) return f;
  }
  if (first && filled <= 2 && values === 0) {
    const t = first.t;
    if (x.titleKeys.has(headerKey(t))) return skip(cell, 'judul dokumen berulang.', 'the document title, repeated.');
    if (PAGE.test(t)) return skip(cell, 'nomor halaman.', 'a page number.');
    if (filled === 1 && FOOTNOTE.test(t)) return skip(cell, 'catatan kaki atau teks di bawah tabel.', 'a footnote or text below the table.');
    if (SIGNATURE.test(t) && hierarchyFilled <= 1) return skip(cell, 'blok tanda tangan.', 'a signature block.');
  }
  const label = nameText?.t ?? first?.t ?? '';
  const romanMarker = marker !== undefined && ROMAN.test(marker);
  const noCode = !x.model.groups.some((grp) => grp.codeCols.some((c) => g.fresh(row, c) && !ROMAN.test(text(g.raw(row, c)))));
  if (noCode && (romanMarker || KELOMPOK.test(label))) {
    return { kind: 'kelompok', cell: g.cell(row, nameText?.c ?? first!.c), col: nameText?.c ?? first!.c, label };
  }
  if (noCode && nameText && hierarchyFilled === 1 && OPD_NAME.test(nameText.t) && !hasIndicator(x, row)) {
    return { kind: 'group', cell: g.cell(row, nameText.c), col: nameText.c, label: nameText.t };
  }
  return { kind: 'data' };
}

/** The summary rows and the footer of a Renja evaluation form (its label in the row's first cell). */
function renjaRow(x: RowContext, row: number, first: { c: number; t: string }): RowKind | undefined {
  const { g } = x;
  const label = text(g.raw(row, first.c));
  const cell = g.cell(row, first.c);
  if (x.hierarchy.has(first.c) || x.markerCols.has(first.c) || first.c === g.firstCol) {
    if (RATA_RATA.test(label)) return { kind: 'ringkasan', cell, col: first.c, label, jenis: 'rata-rata' };
    if (PREDIKAT.test(label)) return { kind: 'ringkasan', cell, col: first.c, label, jenis: 'predikat' };
  }
  const f = catatanForm(label);
  if (!f) return signatureName(x, row, first.c, label);
  // The text after the label's colon, and whatever else the row holds (the rest of a merged line).
  const more: string[] = f.rest ? [f.rest] : [];
  for (let c = first.c + 1; c <= g.lastCol; c++) if (g.fresh(row, c)) more.push(text(g.raw(row, c)));
  return { kind: 'catatanForm', cell, col: first.c, label: f.label, jenis: f.jenis, text: more.filter(Boolean).join(' ') };
}

/** The signer's name of a form's signature block: one text cell, the `NIP` line under it. */
function signatureName(x: RowContext, row: number, col: number, label: string): RowKind | undefined {
  const { g } = x;
  if (label === '' || row + 1 > g.lastRow) return undefined;
  for (let c = g.firstCol; c <= g.lastCol; c++) if (c !== col && g.fresh(row, c) && g.raw(row, c) !== null) return undefined;
  const below = text(g.raw(row + 1, col));
  return /^\s*nip\.?\s*[:.]?\s*\d/i.test(below) ? skip(g.cell(row, col), 'blok tanda tangan (nama penanda tangan).', "a signature block (the signer's name).") : undefined;
}

function hasIndicator(x: RowContext, row: number): boolean {
  for (const c of x.indicatorCols) if (x.g.fresh(row, c) && !isBlank(x.g.raw(row, c))) return true;
  return false;
}

/** What the row classifier needs to know of the sheet, built once per walk. */
export function rowContext(w: Walker): RowContext {
  const { grid: g, header, model } = w.input;
  const valueCols = new Set<number>([...model.target.values(), ...model.pagu.values()]);
  for (const c of [model.awal, model.akhir, model.paguAkhir]) if (c !== undefined) valueCols.add(c);
  for (const c of model.renja?.cols ?? []) valueCols.add(c.col);
  const markerCols = new Set<number>();
  for (const [c, r] of model.roles) if (r.kind === 'no') markerCols.add(c);
  for (const grp of model.groups) for (const c of grp.codeCols) markerCols.add(c);
  const coded = model.groups.find((x) => x.kind === 'coded' && x.nameCol !== undefined);
  const nameCols = coded ? nameColumns(coded).map((n) => n.col) : [...w.hierarchyCols].sort((a, b) => a - b).slice(0, 1);
  const titleKeys = new Set(header.titleBlock.map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, '')));
  const indicatorCols = new Set([...model.groups.flatMap((x) => indicatorColumns(x)), ...(model.sharedIndicator !== undefined ? [model.sharedIndicator] : [])]);
  const labelKeys = new Map([...header.labels].map(([c, parts]) => [c, new Set(parts.map((p) => headerKey(p)))]));
  let labelMax = 0;
  for (const parts of header.labels.values()) for (const p of parts) labelMax = Math.max(labelMax, p.length * 2 + 10);
  // '' stands for titles that start with a non-ASCII letter: those cells always get the full test.
  const labelFirst = new Set<string>(['']);
  for (const keys of labelKeys.values()) for (const k of keys) labelFirst.add(k[0] ?? '');
  return { g, header, model, hierarchy: w.hierarchyCols, indicatorCols, valueCols, markerCols, nameCols, titleKeys, labelKeys, labelMax, labelFirst };
}

