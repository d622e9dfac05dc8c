/**
 * Per-pemda configuration: the Info keys and the level configuration (SAKIP.md §2.3, §4.2).
 * Rules read levels from here; nothing about levels is hard-coded in a rule.
 */

export const JENJANG = ['Kepala Daerah', 'JPT Pratama', 'Administrator', 'Pengawas', 'Fungsional', 'Pelaksana'] as const;
export type Jenjang = (typeof JENJANG)[number];

export type NomenklaturType = 'program' | 'kegiatan' | 'sub_kegiatan';
export type JenisPemda = 'Provinsi' | 'Kabupaten' | 'Kota';
export type TreeKind = 'pemda' | 'opd';

/** `(akar)` in the `Induk` list of a level marks that it may be a root. */
export const ROOT_MARK = '(akar)';

export interface LevelConfig {
  /** 1-based position in the configured order (higher = further down the tree). */
  order: number;
  name: string;
  tree: TreeKind;
  resultType: string;
  jenjang: Jenjang[];
  nomenklatur: NomenklaturType | null;
  /** Allowed parent levels; `(akar)` = may be a root. */
  parents: string[];
  optional: boolean;
}

export type BudgetLevel = 'Program' | 'Kegiatan' | 'Sub Kegiatan';

export interface PokinConfig {
  pemda: string;
  kodePemda: string;
  jenisPemda: JenisPemda | null;
  kodeOpd: string;
  namaOpd: string;
  jenisPeriode: string;
  tahunAwal: number | null;
  tahunAkhir: number | null;
  /** Tahun Awal … Tahun Akhir; empty when the period is unusable. */
  years: number[];
  versiNomenklatur: string;
  batasCapaian: 'Tanpa' | 100 | 110 | 120;
  rumusNegatif: '2T-R' | 'T/R';
  rentangDiAtas: 'Baik' | 'Buruk';
  kategoriCapaian: 'LKjIP' | 'Predikat';
  batasPredikat: 'Bawah Eksklusif' | 'Bawah Inklusif';
  anggaranPk: Record<Jenjang, BudgetLevel>;
  maksAnak: number;
  maksIndikator: number;
  toleransiPagu: number;
  satuanKualitatif: string[];
  /** K18: a year-on-year target jump beyond this factor is unrealistic (Info `Faktor Lonjakan`). */
  faktorLonjakan: number;
  /**
   * Place printed on the PK date line (Info `Tempat Penandatanganan`), e.g. `Soreang` for
   * Kabupaten Bandung; empty = the pemda name without `Kabupaten`/`Kota`/`Provinsi`.
   */
  tempatPenandatanganan: string;
  levels: LevelConfig[];
  /**
   * Server version this workbook was pulled from or last pushed as (Info `Versi Server`);
   * the base of the next push, so a stale workbook gets a 409 instead of overwriting.
   */
  versiServer: number | null;
}

const L = (
  order: number, name: string, tree: TreeKind, resultType: string, jenjang: Jenjang[],
  nomenklatur: NomenklaturType | null, parents: string[], optional = false,
): LevelConfig => ({ order, name, tree, resultType, jenjang, nomenklatur, parents, optional });

/**
 * Default levels for a kabupaten/kota (SAKIP.md §2.3). A provinsi uses the same levels;
 * only the kegiatan class digit differs, and that comes from `Jenis Pemda`.
 */
export function defaultLevels(): LevelConfig[] {
  return [
    L(1, 'Tujuan Pemda', 'pemda', 'impact / ultimate outcome', ['Kepala Daerah'], null, [ROOT_MARK]),
    L(2, 'Sasaran Pemda', 'pemda', 'outcome (IKU pemda)', ['Kepala Daerah'], null, ['Tujuan Pemda']),
    L(3, 'Tujuan', 'opd', 'outcome', ['JPT Pratama'], null, [ROOT_MARK], true),
    L(4, 'Sasaran Strategis', 'opd', 'intermediate outcome', ['JPT Pratama'], null, ['Tujuan', ROOT_MARK]),
    L(5, 'Sasaran Program', 'opd', 'intermediate / immediate outcome', ['Administrator'], 'program', ['Sasaran Strategis']),
    L(6, 'Sasaran Kegiatan', 'opd', 'immediate outcome / output', ['Pengawas', 'Fungsional'], 'kegiatan', ['Sasaran Program']),
    L(7, 'Sasaran Sub Kegiatan', 'opd', 'output', ['Pengawas', 'Fungsional', 'Pelaksana'], 'sub_kegiatan', ['Sasaran Kegiatan']),
  ];
}

export function defaultConfig(): PokinConfig {
  return {
    pemda: '',
    kodePemda: '',
    jenisPemda: null,
    kodeOpd: '',
    namaOpd: '',
    jenisPeriode: 'Renstra',
    tahunAwal: null,
    tahunAkhir: null,
    years: [],
    versiNomenklatur: '',
    batasCapaian: 'Tanpa',
    rumusNegatif: '2T-R',
    rentangDiAtas: 'Baik',
    kategoriCapaian: 'LKjIP',
    batasPredikat: 'Bawah Eksklusif',
    anggaranPk: {
      'Kepala Daerah': 'Program',
      'JPT Pratama': 'Program',
      Administrator: 'Kegiatan',
      Pengawas: 'Sub Kegiatan',
      Fungsional: 'Sub Kegiatan',
      Pelaksana: 'Sub Kegiatan',
    },
    maksAnak: 7,
    maksIndikator: 3,
    toleransiPagu: 0,
    satuanKualitatif: ['Predikat', 'Opini', 'Kategori'],
    faktorLonjakan: 3,
    tempatPenandatanganan: '',
    levels: defaultLevels(),
    versiServer: null,
  };
}

/** The kode OPD of the pemda tree's workbook (SAKIP.md §2.4). */
export const KODE_OPD_PEMDA = 'PEMDA';

export function isPemdaTree(config: PokinConfig): boolean {
  return config.kodeOpd.trim().toUpperCase() === KODE_OPD_PEMDA;
}

/** Levels that belong to this workbook's tree (pemda or OPD). */
export function levelsOfTree(config: PokinConfig): LevelConfig[] {
  const tree: TreeKind = isPemdaTree(config) ? 'pemda' : 'opd';
  return config.levels.filter((l) => l.tree === tree);
}

/** The deepest level of this workbook's tree (T07 compares leaves with it). */
export function lowestLevel(config: PokinConfig): LevelConfig | undefined {
  const ls = levelsOfTree(config);
  return ls.reduce<LevelConfig | undefined>((a, l) => (!a || l.order > a.order ? l : a), undefined);
}

/** Kegiatan class digit expected for the pemda (SAKIP.md §3.5, N05). */
export function classDigit(jenis: JenisPemda | null): '1' | '2' | null {
  if (jenis === 'Provinsi') return '1';
  if (jenis === 'Kabupaten' || jenis === 'Kota') return '2';
  return null;
}

/** Outcome levels for K11: levels without nomenclature plus program level. */
export function isOutcomeLevel(level: LevelConfig): boolean {
  return level.nomenklatur === null || level.nomenklatur === 'program';
}
