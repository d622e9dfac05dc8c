/**
 * What each column of a foreign sheet holds, from its title parts (SAKIP.md §4.5): the
 * hierarchy groups (tujuan, sasaran, coded program/kegiatan/sub kegiatan columns, or the
 * `Level k` columns of a level table) and the value columns (satuan, baseline, `Target | Rp`
 * per year with the rupiah scale of `Rp (000)` / `Rp. (juta)`, the final condition,
 * penanggung jawab, notes). Titles are compared with `headerKey` (case, spacing and
 * punctuation ignored), like the canonical tables.
 */
import type { NomenklaturType } from '../config.js';
import { headerKey } from '../layout/tables.js';
import { isMoneyLabel, type HeaderBlock } from './header.js';
import type { RenjaCol, RenjaColumns } from './renja/columns.js';
import { yearOfParts, yearOfRelative } from './yearlabels.js';

/** `shared`: one indicator column for every level (`Indikator Kinerja Tujuan, Sasaran, Program dan Kegiatan`). */
export type Hint = 'tujuan' | 'sasaran' | 'coded' | 'any' | 'shared' | NomenklaturType;

/** Indicator fields a matrix may carry besides its name and values. */
export type IndicatorField = 'definisi' | 'formula' | 'sumberData' | 'polaritas' | 'akumulasi' | 'iku';

export type Role =
  | { kind: 'no' }
  | { kind: 'statement'; hint: Hint }
  | { kind: 'indicator'; hint: Hint }
  | { kind: 'code' }
  | { kind: 'name'; hint: Hint }
  | { kind: 'level'; k: number }
  | { kind: 'satuan'; year?: number }
  | { kind: 'awal' } | { kind: 'akhir' } | { kind: 'pj' } | { kind: 'refPemda' } | { kind: 'kodeOpd' }
  | { kind: 'catatan'; label?: string }
  | { kind: 'field'; field: IndicatorField }
  | { kind: 'target'; year: number }
  | { kind: 'pagu'; year: number; scale: number }
  /** The `Rp` of the end-of-period group: the sum of the yearly pagu, checked, not stored. */
  | { kind: 'paguAkhir'; scale: number }
  /** A value column of the Renja evaluation form beyond target and pagu (`renja/columns.ts`). */
  | { kind: 'renja'; col: RenjaCol }
  | { kind: 'ignored'; why: string; whyEn: string };

export interface Group {
  kind: 'tujuan' | 'sasaran' | 'coded' | 'level';
  /** Level table: k of `Level k`. */
  k?: number;
  /** A coded group whose titles name one nomenclature level (Matriks Cascading). */
  fixed?: NomenklaturType;
  statementCol?: number;
  indicatorCol?: number;
  nameCol?: number;
  codeCols: number[];
  /**
   * More name / indicator columns of one coded group, one per level (`Kode | Program | Kegiatan |
   * Indikator Program | Indikator Kegiatan`): the row's level is the one whose column it fills.
   */
  names?: { col: number; type: NomenklaturType }[];
  indicators?: { col: number; type: NomenklaturType }[];
}

/** Every name column of a group with the level it names (when the header says). */
export function nameColumns(g: Group): { col: number; type?: NomenklaturType }[] {
  const out: { col: number; type?: NomenklaturType }[] = [];
  if (g.nameCol !== undefined) out.push(g.names?.length ? { col: g.nameCol, ...(g.fixed ? { type: g.fixed } : {}) } : { col: g.nameCol });
  for (const n of g.names ?? []) out.push(n);
  return out;
}

export function indicatorColumns(g: Group): number[] {
  return [g.indicatorCol, ...(g.indicators ?? []).map((x) => x.col)].filter((c): c is number => c !== undefined);
}

export interface ColumnModel {
  groups: Group[];
  roles: Map<number, Role>;
  years: number[];
  target: Map<number, number>;
  pagu: Map<number, number>;
  /** Per-year satuan columns (`Target | Satuan | Rp`). */
  satuanYear: Map<number, number>;
  satuan?: number;
  awal?: number;
  akhir?: number;
  paguAkhir?: number;
  pj?: number;
  refPemda?: number;
  kodeOpd?: number;
  catatan: number[];
  fields: Map<IndicatorField, number>;
  /** Relative year labels met while `tahunAwal` was unknown: column → label. */
  relative: Map<number, string>;
  /** One indicator column for every level: the row's deepest box takes it. */
  sharedIndicator?: number;
  /** The Renja evaluation form's realisasi, capaian and other value columns, when the sheet is one. */
  renja?: RenjaColumns;
}

const RP_WORDS = ['rp', 'pagu', 'anggaran', 'dana', 'rupiah', 'pendanaan', 'biaya', 'paguindikatif', 'keuangan'];
const TARGET_WORDS = new Set(['target', 'k', 'tk', 'kinerja', 'volume', 'targetkinerja', 'fisik', 'kuantitas', 'capaiankinerja']);
const has = (k: string, ...words: string[]) => words.some((w) => k.includes(w));
const ignored = (why: string, whyEn: string): Role => ({ kind: 'ignored', why, whyEn });

/** Rupiah multiplier a money title states: `(000)`/ribu → 1,000; juta → 1,000,000; miliar → 10⁹. */
export function scaleOf(parts: string[]): number {
  const all = parts.join(' ').toLowerCase();
  if (/miliar|milyar/.test(all)) return 1e9;
  if (/juta/.test(all)) return 1e6;
  if (/ribu|\(\s*000\s*\)|rp\.?\s*000\b|\b000\s*\)/.test(all)) return 1e3;
  return 1;
}

export function isMoney(part: string): boolean {
  const k = headerKey(part);
  return isMoneyLabel(part) || RP_WORDS.some((w) => k === w || k.startsWith(w));
}

function levelHint(k: string): Hint {
  const sub = k.includes('subkegiatan');
  const keg = k.replace(/subkegiatan/g, '').includes('kegiatan');
  const prog = k.includes('program');
  if ((prog && (keg || sub)) || (keg && sub)) return 'coded';
  if (sub) return 'sub_kegiatan';
  if (keg) return 'kegiatan';
  if (prog) return 'program';
  return 'any';
}

const AWAL = /kondisi\w*awal|capaian\w*awal|kinerja\w*awal|dataawal|baseline|tahunawalperencanaan|datacapaian|awalperiode|awalrpjmd|awalrenstra/;
const AKHIR = /kondisi\w*akhir|akhirperiode|padaakhir|targetakhir|capaian\w*akhir|kinerja\w*akhir/;

export function classify(parts: string[], tahunAwal: number | undefined, relative?: (label: string) => void): Role {
  const all = headerKey(parts.join(' '));
  const lastPart = parts[parts.length - 1] ?? '';
  const last = headerKey(lastPart);
  if (all === '') return ignored('tanpa judul', 'no title');
  if (['no', 'nomor', 'nourut', 'nmr', 'noaurut'].includes(all)) return { kind: 'no' };
  if (has(all, 'realisasi')) return ignored('realisasi tidak diimpor', 'realisation is not imported');
  if (AWAL.test(all)) return isMoney(lastPart) ? ignored('pagu tahun awal', 'baseline-year budget') : { kind: 'awal' };
  if (AKHIR.test(all)) return isMoney(lastPart) ? { kind: 'paguAkhir', scale: scaleOf(parts) } : last === 'satuan' ? { kind: 'satuan' } : { kind: 'akhir' };
  const y = has(all, 'kode', 'indikator') ? undefined : yearOfParts(parts);
  if (y) {
    let year: number | undefined;
    if (y.kind === 'absolute') year = y.year;
    else if (y.k === 0) return isMoney(lastPart) ? ignored('pagu tahun awal', 'baseline-year budget') : { kind: 'awal' };
    else if (tahunAwal !== undefined) year = yearOfRelative(y.k, tahunAwal);
    else { relative?.(parts.join(' / ')); return ignored('tahun relatif tanpa Tahun Awal', 'relative year without Tahun Awal'); }
    if (last === 'satuan') return { kind: 'satuan', year };
    if (isMoney(lastPart)) return { kind: 'pagu', year, scale: scaleOf(parts) };
    if (TARGET_WORDS.has(last)) return { kind: 'target', year };
    if (has(last, 'capaian', 'persen', '%')) return ignored('kolom capaian/persentase', 'an achievement/percentage column');
    if (/^(pagu|anggaran|rp|dana|pendanaan)/.test(all)) return { kind: 'pagu', year, scale: scaleOf(parts) };
    return { kind: 'target', year };
  }
  if (has(all, 'satuan')) return { kind: 'satuan' };
  if (/^level\d+$/.test(all)) return { kind: 'level', k: Number(all.slice(5)) };
  if (has(all, 'kodeopd', 'kodepd', 'kodeskpd', 'kodeunit')) return { kind: 'kodeOpd' };
  if (has(all, 'kode')) return { kind: 'code' };
  if (has(all, 'definisi')) return { kind: 'field', field: 'definisi' };
  if (has(all, 'formula', 'rumus', 'carapengukuran', 'caraperhitungan')) return { kind: 'field', field: 'formula' };
  if (has(all, 'sumberdata')) return { kind: 'field', field: 'sumberData' };
  if (has(all, 'polaritas', 'polarisasi')) return { kind: 'field', field: 'polaritas' };
  if (has(all, 'akumulasi')) return { kind: 'field', field: 'akumulasi' };
  if (all === 'iku' || all === 'ikuyatidak') return { kind: 'field', field: 'iku' };
  if (has(all, 'indikator')) {
    const levels = ['tujuan', 'sasaran', 'program', 'kegiatan'].filter((w) => all.includes(w)).length;
    if (levels >= 2 && has(all, 'tujuan', 'sasaran') && !/^indikatorsasaran(program|kegiatan|subkegiatan)/.test(all)) return { kind: 'indicator', hint: 'shared' };
    if (has(all, 'tujuan')) return { kind: 'indicator', hint: 'tujuan' };
    const lh = levelHint(all);
    if (lh === 'any' && has(all, 'sasaran')) return { kind: 'indicator', hint: 'sasaran' };
    return { kind: 'indicator', hint: lh };
  }
  if (has(all, 'penanggungjawab', 'unitkerja', 'pelaksana', 'pemilik', 'perangkatdaerah') || ['pj', 'opd', 'pd', 'skpd'].includes(all)) return { kind: 'pj' };
  if (has(all, 'lokasi')) return { kind: 'catatan', label: 'Lokasi' };
  if (has(all, 'refpemda', 'sasaranrpjmd', 'sasaranpemda', 'referensipemda', 'indukpemda')) return { kind: 'refPemda' };
  if (has(all, 'tujuan')) return { kind: 'statement', hint: 'tujuan' };
  if (has(all, 'sasaran', 'pernyataan', 'kondisi')) {
    const lh = levelHint(all);
    return { kind: 'statement', hint: lh === 'any' ? 'sasaran' : lh };
  }
  if (has(all, 'program', 'kegiatan', 'uraian', 'nomenklatur', 'urusan')) return { kind: 'name', hint: levelHint(all) };
  if (has(all, 'keterangan', 'catatan') || all === 'ket') return { kind: 'catatan' };
  if (has(all, 'capaian', 'persen')) return ignored('kolom capaian/persentase', 'an achievement/percentage column');
  return ignored(`tidak dikenal: ${parts.join(' / ')}`, `unknown: ${parts.join(' / ')}`);
}

/** Builds the column model; hierarchy groups follow the column order. */
export function buildModel(h: HeaderBlock, tahunAwal?: number): ColumnModel {
  const model: ColumnModel = {
    groups: [], roles: new Map(), years: [], target: new Map(), pagu: new Map(), satuanYear: new Map(),
    catatan: [], fields: new Map(), relative: new Map(),
  };
  const cols = [...h.labels.keys()].sort((a, b) => a - b);
  let coded: Group | undefined;
  let prevWasCode = false;
  const dup = (): Role => ignored('kolom ganda', 'duplicate column');
  const groupOf = (kind: 'tujuan' | 'sasaran'): Group => {
    let g = model.groups.find((x) => x.kind === kind);
    if (!g) { g = { kind, codeCols: [] }; model.groups.push(g); }
    return g;
  };
  const newCoded = (): Group => { coded = { kind: 'coded', codeCols: [] }; model.groups.push(coded); return coded; };
  const fix = (g: Group, hint: Hint) => {
    if (hint === 'program' || hint === 'kegiatan' || hint === 'sub_kegiatan') g.fixed ??= hint;
  };
  for (const c of cols) {
    // A grid column printed as part of the column left of it is read through that column.
    if (h.spans.has(c)) { model.roles.set(c, ignored('bagian dari kolom di kirinya (sel judul digabung)', 'part of the column on its left (merged title)')); prevWasCode = false; continue; }
    let role = classify(h.labels.get(c) as string[], tahunAwal, (label) => model.relative.set(c, label));
    const isCode = role.kind === 'code';
    if (role.kind === 'code') {
      if (!prevWasCode || !coded) newCoded();
      (coded as Group).codeCols.push(c);
    } else if (role.kind === 'level') {
      model.groups.push({ kind: 'level', k: role.k, statementCol: c, codeCols: [] });
    } else if (role.kind === 'indicator' && role.hint === 'shared') {
      if (model.sharedIndicator === undefined) model.sharedIndicator = c;
      else role = dup();
    } else if (role.kind === 'statement' || role.kind === 'name' || role.kind === 'indicator') {
      const hint = role.hint;
      if (hint === 'tujuan' || (hint === 'sasaran' && role.kind === 'statement') || (hint === 'sasaran' && !coded)) {
        const g = groupOf(hint === 'tujuan' ? 'tujuan' : 'sasaran');
        const slot = role.kind === 'indicator' ? 'indicatorCol' : 'statementCol';
        if (g[slot] === undefined) g[slot] = c;
        else role = dup();
      } else if (role.kind === 'indicator' && hint === 'any' && leftGroup(model, h, c)?.kind !== 'coded' && leftGroup(model, h, c)?.indicatorCol === undefined && leftGroup(model, h, c)) {
        (leftGroup(model, h, c) as Group).indicatorCol = c;
      } else if (role.kind === 'indicator' && hint === 'any' && model.groups.some((x) => x.kind !== 'coded') && model.sharedIndicator === undefined) {
        // `Indikator Kinerja` right of the program names, in a sheet that also has tujuan/sasaran
        // columns: one indicator column for every level.
        model.sharedIndicator = c;
        role = { kind: 'indicator', hint: 'shared' };
      } else {
        const g = coded ?? newCoded();
        const slot = role.kind === 'indicator' ? 'indicatorCol' : role.kind === 'name' ? 'nameCol' : 'statementCol';
        const typed = hint === 'program' || hint === 'kegiatan' || hint === 'sub_kegiatan' ? hint : undefined;
        if (g[slot] === undefined) { g[slot] = c; fix(g, hint); }
        else if (typed && slot !== 'statementCol' && g.fixed && g.fixed !== typed) {
          const list = slot === 'nameCol' ? (g.names ??= []) : (g.indicators ??= []);
          if (list.some((x) => x.type === typed)) role = dup();
          else list.push({ col: c, type: typed });
        } else role = dup();
      }
    } else if (role.kind === 'target' || role.kind === 'pagu') {
      const map = role.kind === 'target' ? model.target : model.pagu;
      if (map.has(role.year)) role = ignored('kolom tahun ganda', 'duplicate year column');
      else map.set(role.year, c);
    } else if (role.kind === 'satuan' && role.year !== undefined) {
      if (model.satuanYear.has(role.year)) role = dup();
      else model.satuanYear.set(role.year, c);
    } else if (role.kind === 'catatan') {
      model.catatan.push(c);
    } else if (role.kind === 'field') {
      if (model.fields.has(role.field)) role = dup();
      else model.fields.set(role.field, c);
    } else if (role.kind === 'satuan' || role.kind === 'awal' || role.kind === 'akhir' || role.kind === 'pj' || role.kind === 'refPemda' || role.kind === 'kodeOpd' || role.kind === 'paguAkhir') {
      const slot = role.kind;
      if (model[slot] === undefined) model[slot] = c;
      else role = dup();
    }
    prevWasCode = isCode;
    model.roles.set(c, role);
  }
  model.years = [...new Set([...model.target.keys(), ...model.pagu.keys()])].sort((a, b) => a - b);
  // One year in the sheet (a Renja-like form) and one money column without a year: that year's pagu.
  const money = cols.filter((c) => { const r = model.roles.get(c); return r?.kind === 'ignored' && r.why.startsWith('tidak dikenal') && isMoney((h.labels.get(c) ?? []).slice(-1)[0] ?? ''); });
  if (model.years.length === 1 && money.length === 1 && !model.pagu.has(model.years[0])) {
    model.pagu.set(model.years[0], money[0]);
    model.roles.set(money[0], { kind: 'pagu', year: model.years[0], scale: scaleOf(h.labels.get(money[0]) ?? []) });
  }
  model.groups.sort((a, b) => firstCol(a) - firstCol(b));
  return model;
}

/** The group of the nearest titled column left of `c` (`Sasaran | Indikator` → sasaran). */
function leftGroup(model: ColumnModel, h: HeaderBlock, c: number): Group | undefined {
  for (let x = c - 1; x >= 0; x--) {
    if (!h.labels.has(x) || h.spans.has(x)) continue;
    return model.groups.find((g) => [g.statementCol, g.nameCol, g.indicatorCol, ...g.codeCols, ...(g.names ?? []).map((n) => n.col)].includes(x));
  }
  return undefined;
}

function firstCol(g: Group): number {
  return Math.min(...[g.statementCol, g.indicatorCol, g.nameCol, ...g.codeCols].filter((x): x is number => x !== undefined));
}
