/** The tree an adoption builds before it becomes canonical tables (`emit.ts`). */
import type { LevelConfig } from '../config.js';
import type { CellValue } from '../snapshot.js';

export interface AdoptedIndicator {
  nama: string;
  satuan: string;
  kondisiAwal: CellValue;
  /** In the order of the adopted years. */
  targets: CellValue[];
  kondisiAkhir: CellValue;
  /** Source row (1-based) where the indicator was found. */
  row: number;
  /** Whether a row already gave this indicator its values (a second one is reported). */
  filled: boolean;
  /** Other canonical fields carried over as they are (Polaritas, Akumulasi …), by field key. */
  extra?: Record<string, CellValue>;
  /** Renja evaluation form: realisasi TW1…TW4 of `AdoptedTree.tahunRealisasi` (null = not reported). */
  realisasi?: CellValue[];
}

export interface AdoptedBox {
  id: string;
  /** Undefined only when a canonical source names an unknown level (kept as typed). */
  level?: LevelConfig;
  levelName: string;
  /** Parent ID as typed, for canonical sources whose parent may be missing (T02). */
  induk?: string;
  pernyataan: string;
  kode: string;
  nomenklatur: string;
  /** Penanggung jawab as written in the source (matched against Jabatan when emitted). */
  pj: string;
  refPemda: string;
  catatan: string;
  /** In the order of the adopted years. */
  pagu: CellValue[];
  parent?: AdoptedBox;
  indicators: AdoptedIndicator[];
  row: number;
  /** RPJMD: every perangkat daerah the penanggung jawab cell names (the first is `pj`). */
  pjAll?: string[];
  /** RPJMD: the perangkat daerah code column's value. */
  kodeOpd?: string;
  /** Renja evaluation form: realisasi anggaran TW1…TW4 in rupiah (the box's, given once per quarter). */
  realisasiAnggaran?: (number | null)[];
}

/** Stands in the walk for a row that could not be placed: nothing may hang under it. */
export const BROKEN: AdoptedBox = {
  id: '', levelName: '', pernyataan: '', kode: '', nomenklatur: '', pj: '', refPemda: '', catatan: '', pagu: [], indicators: [], row: 0,
};

/** Appends a note to a box's Catatan once. */
export function addCatatan(b: AdoptedBox, note: string): void {
  if (note === '') return;
  const parts = b.catatan === '' ? [] : b.catatan.split(' | ');
  if (!parts.includes(note)) b.catatan = [...parts, note].join(' | ');
}

export interface AdoptedTree {
  boxes: AdoptedBox[];
  years: number[];
  /** The year of the indicators' `realisasi` (Renja evaluation form). */
  tahunRealisasi?: number;
}

/** Short ID prefixes for the default levels; other levels use their initials. */
const PREFIX: Record<string, string> = {
  tujuan: 'T', sasaranstrategis: 'SS', sasaranprogram: 'P', sasarankegiatan: 'K', sasaransubkegiatan: 'SK',
  tujuanpemda: 'TP', sasaranpemda: 'SPD',
};

export class IdMaker {
  private counts = new Map<string, number>();
  next(level: LevelConfig): string {
    const k = level.name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const p = PREFIX[k] ?? (level.name.split(/\s+/).map((w) => w[0] ?? '').join('').toUpperCase() || 'B');
    const n = (this.counts.get(p) ?? 0) + 1;
    this.counts.set(p, n);
    return `${p}${n}`;
  }
}

export function newBox(ids: IdMaker, level: LevelConfig, years: number, row: number, parent?: AdoptedBox): AdoptedBox {
  const b: AdoptedBox = {
    id: ids.next(level), level, levelName: level.name, pernyataan: '', kode: '', nomenklatur: '', pj: '', refPemda: '', catatan: '',
    pagu: new Array(years).fill(null), indicators: [], row,
  };
  if (parent) b.parent = parent;
  return b;
}

export function newIndicator(nama: string, years: number, row: number): AdoptedIndicator {
  return { nama, satuan: '', kondisiAwal: null, targets: new Array(years).fill(null), kondisiAkhir: null, row, filled: false };
}

/** Text equality as a planner means it: case and spacing ignored. */
export const sameText = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();
