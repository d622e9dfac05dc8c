/**
 * What each column of a foreign sheet holds, from its title parts (SAKIP.md §4.5): the
 * hierarchy groups (tujuan, sasaran, coded program/kegiatan/sub kegiatan columns, or the
 * `Level k` columns of a level table) and the value columns (satuan, baseline, `Target | Rp`
 * per year, the final condition, penanggung jawab). Titles are compared with `headerKey`
 * (case, spacing and punctuation ignored), like the canonical tables.
 */
import { columnLetter } from '../a1.js';
import type { NomenklaturType } from '../config.js';
import { headerKey } from '../layout/tables.js';
import type { HeaderBlock } from './header.js';

export type Hint = 'tujuan' | 'sasaran' | 'coded' | 'any' | NomenklaturType;

export type Role =
  | { kind: 'no' }
  | { kind: 'statement'; hint: Hint }
  | { kind: 'indicator'; hint: Hint }
  | { kind: 'code' }
  | { kind: 'name'; hint: Hint }
  | { kind: 'level'; k: number }
  | { kind: 'satuan' } | { kind: 'awal' } | { kind: 'akhir' } | { kind: 'pj' } | { kind: 'refPemda' } | { kind: 'catatan' }
  | { kind: 'target'; year: number } | { kind: 'pagu'; year: number }
  | { kind: 'ignored'; why: string };

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
}

export interface ColumnModel {
  groups: Group[];
  roles: Map<number, Role>;
  years: number[];
  target: Map<number, number>;
  pagu: Map<number, number>;
  satuan?: number;
  awal?: number;
  akhir?: number;
  pj?: number;
  refPemda?: number;
  catatan?: number;
}

const RP = new Set(['rp', 'pagu', 'anggaran', 'dana', 'rupiah', 'rpjuta', 'pendanaan', 'biaya', 'paguindikatif']);
const TARGET = new Set(['target', 'k', 'tk', 'kinerja', 'volume', 'targetkinerja']);
const has = (k: string, ...words: string[]) => words.some((w) => k.includes(w));

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

/** The year a column title names: `2026`, `Tahun 2026`, or `Tahun ke-1` with a known start year. */
function yearOf(parts: string[], tahunAwal?: number): number | undefined {
  for (const p of parts) {
    const m = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(p);
    if (m) return Number(m[1]);
  }
  if (tahunAwal === undefined) return undefined;
  for (const p of parts) {
    const m = /tahun\s*(?:ke)?\s*[-–]?\s*([1-9])\b/i.exec(p);
    if (m) return tahunAwal + Number(m[1]) - 1;
  }
  return undefined;
}

export function classify(parts: string[], tahunAwal?: number): Role {
  const all = headerKey(parts.join(' '));
  const last = headerKey(parts[parts.length - 1]);
  if (all === '') return { kind: 'ignored', why: 'tanpa judul' };
  if (['no', 'nomor', 'nourut', 'nmr'].includes(all)) return { kind: 'no' };
  if (has(all, 'realisasi')) return { kind: 'ignored', why: 'realisasi tidak diimpor' };
  if (has(all, 'kondisiawal', 'baseline', 'capaianawal', 'tahunawalperencanaan', 'datacapaian', 'kinerjaawal', 'capaianpadatahun')) return { kind: 'awal' };
  if (has(all, 'kondisiakhir', 'akhirperiode', 'padaakhir', 'targetakhir')) {
    return RP.has(last) ? { kind: 'ignored', why: 'pagu akhir periode (jumlah pagu tahunan)' } : { kind: 'akhir' };
  }
  const year = yearOf(parts, tahunAwal);
  if (year !== undefined && !has(all, 'kode', 'indikator')) {
    if (RP.has(last)) return { kind: 'pagu', year };
    if (TARGET.has(last)) return { kind: 'target', year };
    if (/^(pagu|anggaran|rp|dana)/.test(all)) return { kind: 'pagu', year };
    return { kind: 'target', year };
  }
  if (has(all, 'satuan')) return { kind: 'satuan' };
  if (/^level\d+$/.test(all)) return { kind: 'level', k: Number(all.slice(5)) };
  if (has(all, 'kode')) return all.includes('kodeopd') ? { kind: 'ignored', why: 'kode OPD' } : { kind: 'code' };
  if (has(all, 'indikator')) {
    if (has(all, 'tujuan')) return { kind: 'indicator', hint: 'tujuan' };
    const lh = levelHint(all);
    if (lh === 'any' && has(all, 'sasaran')) return { kind: 'indicator', hint: 'sasaran' };
    return { kind: 'indicator', hint: lh };
  }
  if (has(all, 'penanggungjawab', 'unitkerja', 'pelaksana', 'pemilik') || all === 'pj' || all === 'opd') return { kind: 'pj' };
  if (has(all, 'lokasi')) return { kind: 'ignored', why: 'lokasi tidak diimpor' };
  if (has(all, 'refpemda', 'sasaranrpjmd', 'sasaranpemda', 'referensipemda', 'indukpemda')) return { kind: 'refPemda' };
  if (has(all, 'tujuan')) return { kind: 'statement', hint: 'tujuan' };
  if (has(all, 'sasaran', 'pernyataan', 'kondisi')) {
    const lh = levelHint(all);
    return { kind: 'statement', hint: lh === 'any' ? 'sasaran' : lh };
  }
  if (has(all, 'program', 'kegiatan', 'uraian', 'nomenklatur', 'urusan')) return { kind: 'name', hint: levelHint(all) };
  if (has(all, 'keterangan', 'catatan')) return { kind: 'catatan' };
  return { kind: 'ignored', why: `tidak dikenal: ${parts.join(' / ')}` };
}

/** Builds the column model; hierarchy groups follow the column order. */
export function buildModel(h: HeaderBlock, tahunAwal?: number): ColumnModel {
  const model: ColumnModel = { groups: [], roles: new Map(), years: [], target: new Map(), pagu: new Map() };
  const cols = [...h.labels.keys()].sort((a, b) => a - b);
  let coded: Group | undefined;
  let prevWasCode = false;
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
    let role = classify(h.labels.get(c) as string[], tahunAwal);
    const isCode = role.kind === 'code';
    if (role.kind === 'code') {
      if (!prevWasCode || !coded) newCoded();
      (coded as Group).codeCols.push(c);
    } else if (role.kind === 'level') {
      model.groups.push({ kind: 'level', k: role.k, statementCol: c, codeCols: [] });
    } else if (role.kind === 'statement' || role.kind === 'name' || role.kind === 'indicator') {
      const hint = role.hint;
      const lastGroup = model.groups[model.groups.length - 1];
      if (hint === 'tujuan' || (hint === 'sasaran' && role.kind === 'statement') || (hint === 'sasaran' && !coded)) {
        const g = groupOf(hint === 'tujuan' ? 'tujuan' : 'sasaran');
        const slot = role.kind === 'indicator' ? 'indicatorCol' : 'statementCol';
        if (g[slot] === undefined) g[slot] = c;
        else role = { kind: 'ignored', why: 'kolom ganda' };
      } else if (role.kind === 'indicator' && hint === 'any' && lastGroup && lastGroup.kind !== 'coded' && lastGroup.indicatorCol === undefined) {
        lastGroup.indicatorCol = c;
      } else {
        const g = coded ?? newCoded();
        const slot = role.kind === 'indicator' ? 'indicatorCol' : role.kind === 'name' ? 'nameCol' : 'statementCol';
        if (g[slot] === undefined) { g[slot] = c; fix(g, hint); }
        else role = { kind: 'ignored', why: 'kolom ganda' };
      }
    } else if (role.kind === 'target' || role.kind === 'pagu') {
      const map = role.kind === 'target' ? model.target : model.pagu;
      if (map.has(role.year)) role = { kind: 'ignored', why: 'kolom tahun ganda' };
      else map.set(role.year, c);
    } else if (role.kind !== 'no' && role.kind !== 'ignored') {
      const slot = role.kind;
      if (model[slot] === undefined) model[slot] = c;
      else role = { kind: 'ignored', why: 'kolom ganda' };
    }
    prevWasCode = isCode;
    model.roles.set(c, role);
  }
  model.years = [...new Set([...model.target.keys(), ...model.pagu.keys()])].sort((a, b) => a - b);
  model.groups.sort((a, b) => firstCol(a) - firstCol(b));
  return model;
}

function firstCol(g: Group): number {
  return Math.min(...[g.statementCol, g.indicatorCol, g.nameCol, ...g.codeCols].filter((x): x is number => x !== undefined));
}

/** Column letter → what it was read as, for the report. */
export function describeColumns(model: ColumnModel): Record<string, string> {
  const out: Record<string, string> = {};
  const byCol = new Map<number, string>();
  model.groups.forEach((g) => {
    const name = g.kind === 'level' ? `level ${g.k}` : g.kind === 'coded' ? (g.fixed ? g.fixed.replace('_', ' ') : 'program/kegiatan') : g.kind;
    if (g.statementCol !== undefined) byCol.set(g.statementCol, g.kind === 'coded' ? `sasaran ${name}` : name);
    if (g.indicatorCol !== undefined) byCol.set(g.indicatorCol, `indikator ${name}`);
    if (g.nameCol !== undefined) byCol.set(g.nameCol, `nomenklatur ${name}`);
    g.codeCols.forEach((c, i) => byCol.set(c, g.codeCols.length > 1 ? `kode ${i + 1}/${g.codeCols.length}` : 'kode'));
  });
  for (const [c, role] of [...model.roles].sort((a, b) => a[0] - b[0])) {
    let label = byCol.get(c);
    if (!label) {
      switch (role.kind) {
        case 'target': label = `target ${role.year}`; break;
        case 'pagu': label = `pagu ${role.year}`; break;
        case 'awal': label = 'kondisi awal'; break;
        case 'akhir': label = 'kondisi akhir'; break;
        case 'satuan': label = 'satuan'; break;
        case 'pj': label = 'penanggung jawab'; break;
        case 'refPemda': label = 'ref pemda'; break;
        case 'catatan': label = 'catatan'; break;
        case 'no': label = 'diabaikan: nomor urut'; break;
        case 'ignored': label = `diabaikan: ${role.why}`; break;
        default: label = 'diabaikan';
      }
    }
    out[columnLetter(c)] = label;
  }
  return out;
}
