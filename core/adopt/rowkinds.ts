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
import type { ColumnModel } from './columns.js';
import type { Grid } from './grid.js';
import { isColumnNumberRow, isMoneyLabel, text, type HeaderBlock } from './header.js';
import { isYearLabel } from './yearlabels.js';

export type RowKind =
  | { kind: 'data' }
  | { kind: 'skip'; cell: string; msg: Bilingual }
  | { kind: 'totals'; cell: string; col: number; label: string }
  | { kind: 'kelompok'; cell: string; col: number; label: string }
  | { kind: 'group'; cell: string; col: number; label: string };

export const TOTAL = /^\s*(?:jumlah|total|sub\s*-?\s*total|grand\s*total|jml\.?)(?:\b|$)/i;
const FOOTNOTE = /^\s*(?:sumber\s*:|sumber data\s*:|keterangan\s*:|ket\s*[:.]|catatan\s*:|note\s*:|nb\b|\*|\(\*|dicetak|disusun|diolah)/i;
const PAGE = /^\s*(?:hal(?:aman)?\.?|page)\s*:?\s*\d+(?:\s*(?:dari|of|\/)\s*\d+)?\s*$|^\s*\d+\s*(?:dari|of)\s*\d+\s*$|^\s*-\s*\d+\s*-\s*$/i;
const SIGNATURE = /^\s*(?:nip\.?\s*[:.]?\s*\d|(?:plt\.?|plh\.?)\s|mengetahui|menyetujui|ditetapkan di|pada tanggal|bupati\b|wali\s?kota\b|gubernur\b|sekretaris daerah\b|pembina\b|penata\b|kepala (?:dinas|badan|bappeda|kantor|bagian)[^,]*,?$|[a-z .]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}\s*$)/i;
const ROMAN = /^\s*(?:[IVX]{1,5})\.?\s*$/;
const KELOMPOK = /^\s*(?:[IVX]{1,5}\.?\s+)?(?:urusan\s+(?:pemerintahan\s+)?(?:wajib|pilihan)|urusan\s+pemerintahan\s+(?:yang\s+)?(?:wajib|pilihan)|unsur\s+(?:pendukung|penunjang|pengawasan|kewilayahan|pemerintahan umum)(?:\s+urusan pemerintahan)?$|urusan\s+wajib|urusan\s+pilihan)/i;
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
}

const skip = (cell: string, id: string, en: string): RowKind => ({ kind: 'skip', cell, msg: { id, en } });

export function classifyRow(x: RowContext, row: number): RowKind {
  const { g, header } = x;
  let filled = 0;
  let hits = 0;
  let subTitles = 0;
  let first: { c: number; t: string } | undefined;
  let values = 0;
  let marker: string | undefined;
  let totals: { c: number; t: string } | undefined;
  let nameText: { c: number; t: string } | undefined;
  let hierarchyFilled = 0;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    if (!g.fresh(row, c)) continue;
    const v = g.raw(row, c);
    const t = text(v);
    filled++;
    first ??= { c, t };
    if (x.valueCols.has(c)) values++;
    if (x.markerCols.has(c)) marker = t;
    if (x.hierarchy.has(c)) hierarchyFilled++;
    if (x.nameCols.includes(c) && nameText === undefined) nameText = { c, t };
    const parts = header.labels.get(c);
    if (parts && typeof v === 'string' && parts.some((p) => headerKey(p) === headerKey(v))) hits++;
    if (typeof v === 'string' && (isYearLabel(v) || isMoneyLabel(v) || /^(?:target|k|rp|satuan|tk|kinerja)$/i.test(t))) subTitles++;
    if (!totals && typeof v === 'string' && TOTAL.test(v) && !x.indicatorCols.has(c) && (x.hierarchy.has(c) || x.markerCols.has(c) || c === g.firstCol) && t.length <= 80) totals = { c, t };
  }
  if (filled === 0) return { kind: 'data' };
  const cell = first ? g.cell(row, first.c) : g.cell(row, g.firstCol);
  if (isColumnNumberRow(g, row)) return skip(cell, 'baris nomor kolom (1, 2, 3 …), diulang.', 'a column-number row (1, 2, 3 …), repeated.');
  if ((hits >= 2 && hits * 2 >= filled) || (subTitles >= 2 && subTitles === filled)) {
    return skip(cell, 'judul tabel berulang (tiap halaman cetak, atau tabel ditempel dua kali).', 'a repeated table header (each printed page, or the table pasted twice).');
  }
  if (totals && !hasIndicator(x, row)) return { kind: 'totals', cell: g.cell(row, totals.c), col: totals.c, label: totals.t };
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

function hasIndicator(x: RowContext, row: number): boolean {
  return x.model.groups.some((grp) => grp.indicatorCol !== undefined && x.g.fresh(row, grp.indicatorCol) && !isBlank(x.g.raw(row, grp.indicatorCol)));
}
