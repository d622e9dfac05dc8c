/**
 * The pemda's own matrices (the RPJMD/RPD program matrix: urusan → bidang → program with
 * program indicators, targets and pagu per year, kondisi akhir, perangkat daerah penanggung
 * jawab, kelompok urusan and kecamatan group rows). They adopt into the pemda tree (Kode OPD
 * `PEMDA`, SAKIP.md §2.4), whose levels then need a program level: `Program Pemda`
 * (proposed), written to the workbook's `Konfigurasi Level` table (§4.2). Or, split, into one
 * canonical workbook per perangkat daerah named in the penanggung jawab column: a program
 * several OPDs share goes to each, its pagu to the first only (never counted twice).
 */
import { defaultLevels, KODE_OPD_PEMDA, ROOT_MARK, type LevelConfig } from '../config.js';
import { headerKey } from '../layout/tables.js';
import { cleanText } from '../read/normalise.js';
import type { TableSnapshot } from '../snapshot.js';
import type { ColumnModel } from './columns.js';
import type { Grid } from './grid.js';
import type { HeaderBlock } from './header.js';
import { addCatatan, type AdoptedBox, type AdoptedTree } from './tree.js';
import type { AdoptOptions, SharedProgram } from './types.js';

export const PROGRAM_PEMDA = 'Program Pemda';

/** The default levels with a program level in the pemda tree, under Sasaran Pemda. */
export function pemdaLevels(): LevelConfig[] {
  const base = defaultLevels();
  const out: LevelConfig[] = [];
  for (const l of base) {
    out.push({ ...l, order: out.length + 1 });
    if (l.name === 'Sasaran Pemda') {
      out.push({
        order: out.length + 1, name: PROGRAM_PEMDA, tree: 'pemda', resultType: 'outcome program (RPJMD)', jenjang: ['JPT Pratama'],
        nomenklatur: 'program', parents: ['Sasaran Pemda', ROOT_MARK], optional: false,
      });
    }
  }
  return out;
}

/** The `Konfigurasi Level` table for a level list (SAKIP.md §4.2). */
export function konfigurasiTable(levels: LevelConfig[]): TableSnapshot {
  const nomen = (n: LevelConfig['nomenklatur']) => (n === 'sub_kegiatan' ? 'Sub Kegiatan' : n === 'kegiatan' ? 'Kegiatan' : n === 'program' ? 'Program' : null);
  return {
    sheet: 'Konfigurasi Level', name: 'KonfigurasiLevel', address: 'A1',
    header: ['Urutan', 'Level', 'Pohon', 'Jenis Hasil', 'Jenjang', 'Jenis Nomenklatur', 'Induk', 'Opsional'],
    rows: levels.map((l) => [l.order, l.name, l.tree === 'pemda' ? 'Pemda' : 'OPD', l.resultType, l.jenjang.join('; '), nomen(l.nomenklatur),
      l.parents.map((p) => (p === ROOT_MARK ? '(akar)' : p)).join('; '), l.optional ? 'Ya' : 'Tidak']),
  };
}

const STRONG_OPD = /^\s*(?:dinas|badan|kecamatan|inspektorat|satuan polisi|satpol|rsud|rumah sakit|kantor|sekretariat (?:daerah|dprd)|bappeda|bapenda|bpbd|bpkad|bkpsdm)\b/i;

/** Is this sheet the pemda's matrix (RPJMD/RPD) rather than an OPD's Renstra? */
export function isPemdaMatrix(g: Grid, h: HeaderBlock, model: ColumnModel, opts: AdoptOptions): boolean {
  if (opts.pemdaMatrix || opts.splitOpd || opts.kodeOpd?.trim().toUpperCase() === KODE_OPD_PEMDA) return true;
  if (opts.kodeOpd) return false;
  const said = [...h.titleBlock, ...[...h.labels.values()].map((p) => p.join(' '))].some((t) => /\brpjmd\b|\brpd\b|jangka menengah daerah|program prioritas/i.test(t));
  if (said) return true;
  if (model.pj === undefined || !/perangkatdaerah|skpd|opd/.test(headerKey((h.labels.get(model.pj) ?? []).join(' ')))) return false;
  const names = new Set<string>();
  for (let r = h.dataStart; r <= g.lastRow && names.size < 2; r++) {
    const t = cleanText(g.raw(r, model.pj)).value;
    if (STRONG_OPD.test(t)) names.add(headerKey(t));
  }
  return names.size >= 2;
}

/** Programs whose penanggung jawab cell names several OPDs: reported; the first OPD keeps the pagu. */
export function sharedPrograms(tree: AdoptedTree): SharedProgram[] {
  const out: SharedProgram[] = [];
  for (const b of tree.boxes) {
    if (!b.pjAll || b.pjAll.length < 2) continue;
    out.push({ row: b.row, kode: b.kode, nomenklatur: b.nomenklatur, opd: b.pjAll, paguAt: b.pjAll[0] });
    addCatatan(b, `Penanggung jawab bersama: ${b.pjAll.join('; ')} (pagu dicatat pada ${b.pjAll[0]})`);
  }
  return out;
}

export interface OpdPart {
  opd: string;
  kodeOpd: string;
  tree: AdoptedTree;
}

/**
 * One tree per perangkat daerah: the coded boxes it is named on (and the coded boxes under
 * them), as roots when their parent is a pemda box (whose ID becomes `Ref Pemda`). The pemda
 * tree keeps its own (uncoded) boxes only.
 */
export function splitByOpd(tree: AdoptedTree, opdLevels: LevelConfig[]): { pemda: AdoptedTree; parts: OpdPart[] } {
  const coded = (b: AdoptedBox) => !!b.level?.nomenklatur;
  const ownersOf = new Map<AdoptedBox, string[]>();
  const order: string[] = [];
  for (const b of tree.boxes) {
    if (!coded(b)) continue;
    const own = b.pjAll ?? (b.pj ? [b.pj] : []);
    const inherited = b.parent && ownersOf.get(b.parent);
    const owners = own.length ? own : (inherited ?? ['(tanpa penanggung jawab)']);
    ownersOf.set(b, owners);
    for (const o of owners) if (!order.includes(o)) order.push(o);
  }
  const parts: OpdPart[] = order.map((opd) => {
    const clones = new Map<AdoptedBox, AdoptedBox>();
    const boxes: AdoptedBox[] = [];
    for (const b of tree.boxes) {
      const owners = ownersOf.get(b);
      if (!owners?.includes(opd)) continue;
      const level = opdLevels.find((l) => l.nomenklatur === b.level?.nomenklatur) ?? b.level;
      const c: AdoptedBox = { ...b, indicators: b.indicators.map((i) => ({ ...i, targets: [...i.targets] })), pagu: [...b.pagu], pj: opd, levelName: level?.name ?? b.levelName };
      delete c.pjAll;
      delete c.parent;
      if (level) c.level = level;
      const p = b.parent && clones.get(b.parent);
      if (p) c.parent = p;
      else if (b.parent && !coded(b.parent)) c.refPemda = b.parent.id;
      if (owners.length > 1 && owners[0] !== opd) {
        c.pagu = c.pagu.map(() => null);
        addCatatan(c, `Program bersama ${owners.join('; ')}; pagunya dicatat pada ${owners[0]} agar tidak terhitung dua kali`);
      }
      clones.set(b, c);
      boxes.push(c);
    }
    const kodeOpd = boxes.find((b) => b.kodeOpd)?.kodeOpd ?? '';
    return { opd, kodeOpd, tree: { boxes, years: tree.years } };
  });
  return { pemda: { boxes: tree.boxes.filter((b) => !coded(b)), years: tree.years }, parts };
}

/** A file-safe name for an OPD (`Dinas Kesehatan` → `dinas-kesehatan`). */
export function slugOf(opd: string, taken: Set<string>): string {
  const base = opd.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'opd';
  let s = base;
  for (let n = 2; taken.has(s); n++) s = `${base}-${n}`;
  taken.add(s);
  return s;
}
