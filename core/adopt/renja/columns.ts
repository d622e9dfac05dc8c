/**
 * The columns of the Renja evaluation form (Permendagri 86/2017, "Evaluasi terhadap hasil
 * Renja Perangkat Daerah", often called form E.81; SAKIP.md §12, last paragraph), read from
 * the header the shared reader found (`header.ts`): each value group (`Target Renstra akhir`,
 * `Realisasi s.d. tahun lalu`, `Target Renja tahun ini`, `Realisasi Triwulan I–IV`,
 * `Realisasi tahun ini`, `Realisasi s.d. tahun ini`, `Tingkat capaian (%)`) with its `K`,
 * `Rp` (scaled by `Rp (000)`) or `Satuan` sub-column, and the year evaluated.
 *
 * The column model of the Renstra reader is kept for everything the two share (codes, names,
 * indicators, satuan, penanggung jawab, keterangan): the Renja target of the year becomes
 * `Target <tahun>` and its Rp `Pagu <tahun>`, the Renstra end target `Kondisi Akhir`; the
 * other groups get `renja` roles that `realisasi.ts` reads after the walk.
 */
import { headerKey } from '../../layout/tables.js';
import type { Triwulan } from '../../pengukuran/model.js';
import { isMoney, scaleOf, type ColumnModel, type Role } from '../columns.js';
import type { HeaderBlock } from '../header.js';
import { parseYearLabel, periodInTitle, yearOfParts } from '../yearlabels.js';

export type RenjaField = 'targetAkhir' | 'realisasiLalu' | 'targetTahun' | 'tw' | 'realisasiTahun' | 'realisasiSd' | 'capaian';
export type Ukuran = 'k' | 'rp' | 'satuan';

export interface RenjaCol {
  col: number;
  field: RenjaField;
  ukuran: Ukuran;
  /** Quarter of a `tw` column. */
  tw?: Triwulan;
  /** Rupiah multiplier of an `Rp` column (`Rp (000)` → 1,000). */
  scale: number;
  /** Capaian against the year's Renja target (`tahun`) or the Renstra end target (`akhir`). */
  basis?: 'tahun' | 'akhir';
  /** Header text, parts joined with ` / `. */
  label: string;
  /** The printed column number (and formula, e.g. `12 = 8+9+10+11`) from the column-number row. */
  nomor?: string;
}

export interface RenjaColumns {
  /** The year evaluated. */
  tahun: number;
  /** Where the year was read (`--tahun`, the header, the title). */
  tahunDari: string;
  cols: RenjaCol[];
  byCol: Map<number, RenjaCol>;
  /** The year of the Renstra end target (`Target … Tahun 2029 (Akhir Periode)`), if named. */
  tahunAkhir?: number;
}

const ROMAN: Record<string, Triwulan> = { i: 1, ii: 2, iii: 3, iv: 4 };
const SD = /\bs\s*\.?\s*\/?\s*d\b\.?|sampai\s+dengan/i;

/** The quarter a column's parts name: `Triwulan I`, `TW 2`, or a bare `I`–`IV` / `1`–`4` under a triwulan group. */
function quarterOf(parts: string[]): Triwulan | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    const t = parts[i].replace(/\s+/g, ' ').trim();
    const m = /(?:triwulan|tw|trw)\.?\s*(iv|iii|ii|i|[1-4])\b/i.exec(t) ?? /^\(?\s*(iv|iii|ii|i|[1-4])\s*\)?$/i.exec(t);
    if (m) return ROMAN[m[1].toLowerCase()] ?? (Number(m[1]) as Triwulan);
  }
  return undefined;
}

function ukuranOf(parts: string[]): Ukuran {
  const last = parts[parts.length - 1] ?? '';
  if (headerKey(last) === 'satuan') return 'satuan';
  return isMoney(last) ? 'rp' : 'k';
}

/** The Renja role of one column from its title parts, or undefined when it is none of the value groups. */
export function renjaField(parts: string[]): Omit<RenjaCol, 'col' | 'label' | 'nomor'> | undefined {
  const all = parts.join(' ');
  const k = headerKey(all);
  const ukuran = ukuranOf(parts);
  const scale = ukuran === 'rp' ? scaleOf(parts) : 1;
  if (k.includes('triwulan') || /\btw\.?\s*(?:iv|iii|ii|i|[1-4])\b/i.test(all)) {
    const tw = quarterOf(parts);
    return tw ? { field: 'tw', ukuran, tw, scale } : undefined;
  }
  if (k.includes('capaian') && !k.startsWith('realisasi') && (k.includes('tingkat') || /%|persen/i.test(all))) {
    return { field: 'capaian', ukuran, scale, basis: /renstra|rpjmd|akhir\s*periode|jangka\s+menengah/i.test(all) ? 'akhir' : 'tahun' };
  }
  if (k.includes('target') && !k.startsWith('realisasi')) {
    return { field: /renstra|rpjmd|akhir/i.test(all) ? 'targetAkhir' : 'targetTahun', ukuran, scale };
  }
  if (k.includes('realisasi')) {
    if (/lalu|sebelum/i.test(all)) return { field: 'realisasiLalu', ukuran, scale };
    if (SD.test(all)) return { field: 'realisasiSd', ukuran, scale };
    return { field: 'realisasiTahun', ukuran, scale };
  }
  return undefined;
}

/** The year a form evaluates: `--tahun`, the Renja target's label, the title, the other groups' years. */
function tahunOf(h: HeaderBlock, found: { field: RenjaField; parts: string[] }[], given?: number): { tahun: number; dari: string } | undefined {
  if (given !== undefined) return { tahun: given, dari: '--tahun' };
  const yearIn = (f: RenjaField) => {
    for (const x of found) {
      if (x.field !== f) continue;
      const y = yearOfParts(x.parts);
      if (y?.kind === 'absolute') return y.year;
    }
    return undefined;
  };
  const target = yearIn('targetTahun');
  if (target) return { tahun: target, dari: 'judul kolom Target Renja' };
  const period = periodInTitle(h.titleBlock);
  for (const line of h.titleBlock) {
    // A single year in the title (`… Tahun 2025`), not a period (`2025-2029`).
    const y = parseYearLabel(line);
    if (y?.kind === 'absolute' && !(period && line.includes(String(period.from)) && line.includes(String(period.to)))) return { tahun: y.year, dari: 'judul lembar' };
  }
  const lalu = yearIn('realisasiLalu');
  if (lalu) return { tahun: lalu + 1, dari: 'judul kolom Realisasi s.d. tahun lalu' };
  for (const f of ['realisasiTahun', 'realisasiSd'] as const) {
    const y = yearIn(f);
    if (y) return { tahun: y, dari: 'judul kolom Realisasi' };
  }
  return undefined;
}

/**
 * The form's columns, when the header describes a Renja evaluation form: realisasi in at
 * least two quarters (or one, under a title naming the evaluation of a Renja) beside an
 * indicator column. `tahun` undefined with `missing` set: the form was recognised but its year
 * could not be read.
 */
export function renjaColumns(h: HeaderBlock, given?: number): { cols?: RenjaColumns; missing?: string } | undefined {
  const found: { col: number; parts: string[]; r: Omit<RenjaCol, 'col' | 'label' | 'nomor'> }[] = [];
  for (const [col, parts] of h.labels) {
    if (h.spans.has(col)) continue;
    const r = renjaField(parts);
    if (r) found.push({ col, parts, r });
  }
  const quarters = new Set(found.filter((f) => f.r.field === 'tw' && f.r.ukuran === 'k').map((f) => f.r.tw));
  const titled = h.titleBlock.some((l) => /evaluasi/i.test(l) && /renja|rencana\s+kerja/i.test(l));
  if (quarters.size < 2 && !(titled && quarters.size >= 1)) return undefined;
  const t = tahunOf(h, found.map((f) => ({ field: f.r.field, parts: f.parts })), given);
  if (!t) return { missing: 'Tahun yang dievaluasi (--tahun)' };
  const cols = found.sort((a, b) => a.col - b.col).map((f) => ({ col: f.col, label: f.parts.join(' / '), ...f.r }));
  let tahunAkhir: number | undefined;
  for (const f of found) {
    if (f.r.field !== 'targetAkhir') continue;
    const y = yearOfParts(f.parts);
    if (y?.kind === 'absolute') tahunAkhir = y.year;
  }
  numbers(h, cols);
  return { cols: { tahun: t.tahun, tahunDari: t.dari, cols, byCol: new Map(cols.map((c) => [c.col, c])), ...(tahunAkhir ? { tahunAkhir } : {}) } };
}

/** The printed column numbers (formula labels included) of the form's columns, for messages. */
function numbers(h: HeaderBlock, cols: RenjaCol[]): void {
  if (h.numberRow === undefined) return;
  for (const c of cols) {
    const label = h.numberLabels?.get(c.col);
    if (label) c.nomor = label;
  }
}

/**
 * The column model of the shared reader, corrected for the form: the Renja target of the year
 * is `Target <tahun>` / `Pagu <tahun>` / `Satuan <tahun>`, the Renstra end target `Kondisi
 * Akhir`, and every other value group a `renja` role. Whatever the Renstra classification
 * made of those columns (an end-of-period pagu, an ignored realisasi) is replaced.
 */
export function applyRenja(model: ColumnModel, rc: RenjaColumns): void {
  const y = rc.tahun;
  const claimed = new Set(rc.cols.map((c) => c.col));
  for (const map of [model.target, model.pagu, model.satuanYear]) for (const [k, c] of [...map]) if (claimed.has(c)) map.delete(k);
  for (const slot of ['satuan', 'awal', 'akhir', 'paguAkhir'] as const) if (model[slot] !== undefined && claimed.has(model[slot] as number)) delete model[slot];
  const role = (c: number, r: Role) => model.roles.set(c, r);
  for (const c of rc.cols) {
    if (c.field === 'targetTahun' && c.ukuran === 'k' && !model.target.has(y)) { model.target.set(y, c.col); role(c.col, { kind: 'target', year: y }); continue; }
    if (c.field === 'targetTahun' && c.ukuran === 'rp' && !model.pagu.has(y)) { model.pagu.set(y, c.col); role(c.col, { kind: 'pagu', year: y, scale: c.scale }); continue; }
    if (c.field === 'targetTahun' && c.ukuran === 'satuan' && !model.satuanYear.has(y)) { model.satuanYear.set(y, c.col); role(c.col, { kind: 'satuan', year: y }); continue; }
    if (c.field === 'targetAkhir' && c.ukuran === 'k' && model.akhir === undefined) { model.akhir = c.col; role(c.col, { kind: 'akhir' }); continue; }
    role(c.col, { kind: 'renja', col: c });
  }
  model.years = [y];
  model.renja = rc;
}
