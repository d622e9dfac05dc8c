/**
 * Loads the shipped nomenclature lists lazily (dynamic `import()` of generated string
 * modules: works under Node/tsx, in the Vite-built task pane and in esbuild bundles) and
 * builds look-up indexes. The workbook's own `Nomenklatur` table takes precedence.
 */
import type { JenisPemda } from '../config.js';
import type { NomenklaturRow } from '../model.js';
import { codeLevel, tidyCode, versionInfo, type ShippedList } from './code.js';
import type { NomenklaturEntry, NomenklaturIndex, NomenklaturLevel } from './types.js';

/** Index with a little more than the contract: size and which sub kegiatan widths it holds. */
export interface LoadedNomenklatur extends NomenklaturIndex {
  readonly size: number;
  /** True when the list holds at least one 2-digit sub kegiatan code. */
  readonly hasTwoDigitSub: boolean;
}

type JenisFlag = 'p' | 'k' | '';

const LEVEL_OF_LETTER: Record<string, NomenklaturLevel> = {
  u: 'urusan', b: 'bidang_urusan', p: 'program', g: 'kegiatan', s: 'sub_kegiatan',
};

const SOURCE_2020 = 'Kepmendagri 050-3708/2020 (SIMDA Perencanaan, BPKP)';
const SOURCE_2024 = 'Kepmendagri 050-3708/2020 + kode teramati 2024 (Kab. Madiun)';

/** code|jenis → entry. Urusan rows carry no jenis (`code|`). */
type EntryMap = Map<string, NomenklaturEntry>;

export function jenisFlag(jenis: JenisPemda | null): 'p' | 'k' | null {
  if (jenis === 'Provinsi') return 'p';
  if (jenis === 'Kabupaten' || jenis === 'Kota') return 'k';
  return null;
}

/** Parses a generated data module's text into `map` (later rows override earlier ones). */
export function parseData(text: string, map: EntryMap = new Map()): EntryMap {
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [kode, letter, flags = '', nama = '', kinerja, indikator, satuan] = line.split('|');
    const level = LEVEL_OF_LETTER[letter];
    if (!kode || !level) continue;
    const entry: NomenklaturEntry = { kode, level, nama };
    if (kinerja) entry.kinerja = kinerja;
    if (indikator) entry.indikator = indikator;
    if (satuan) entry.satuan = satuan;
    const jenis: JenisFlag[] = flags === '' ? [''] : (flags.split('') as JenisFlag[]);
    for (const j of jenis) map.set(`${kode}|${j}`, entry);
  }
  return map;
}

function lookupIn(map: EntryMap, kode: string, jenis: JenisPemda | null): NomenklaturEntry | undefined {
  const j = jenisFlag(jenis);
  if (j) return map.get(`${kode}|${j}`) ?? map.get(`${kode}|`);
  return map.get(`${kode}|k`) ?? map.get(`${kode}|p`) ?? map.get(`${kode}|`);
}

function makeIndex(map: EntryMap, source: string, complete: boolean): LoadedNomenklatur {
  let two = false;
  for (const e of map.values()) if (e.level === 'sub_kegiatan' && /\.\d{2}$/.test(e.kode)) { two = true; break; }
  return {
    source,
    complete,
    size: map.size,
    hasTwoDigitSub: two,
    lookup: (kode, jenis) => lookupIn(map, kode, jenis),
    entries: (jenis) => entriesIn(map, jenis),
  };
}

function* entriesIn(map: EntryMap, jenis: JenisPemda | null): Iterable<NomenklaturEntry> {
  const j = jenisFlag(jenis);
  for (const [key, e] of map) {
    const flag = key.slice(key.indexOf('|') + 1);
    if (flag === '' || !j || flag === j) yield e;
  }
}

// Module loads and parsed maps are cached per list; indexes per (list, complete).
const mapCache = new Map<ShippedList, Promise<EntryMap>>();
const indexCache = new Map<string, Promise<LoadedNomenklatur>>();

async function loadMap(list: ShippedList): Promise<EntryMap> {
  let p = mapCache.get(list);
  if (!p) {
    p = (async () => {
      const base = (await import('./data/kepmendagri-050-3708-2020.js')).default;
      const map = parseData(base);
      if (list === '2020+2024') parseData((await import('./data/observed-2024-kab-madiun.js')).default, map);
      return map;
    })();
    mapCache.set(list, p);
    p.catch(() => mapCache.delete(list));
  }
  return p;
}

/**
 * The reference list for a `Versi Nomenklatur` (SAKIP.md §3.1): Permendagri 90/2019 and
 * Kepmendagri 050-3708/2020 → the 2020 list (complete); later versions → the 2020 list
 * overlaid with the codes observed in 2024 (incomplete); unknown/empty → the 2020 list
 * (incomplete). Cached: the same version category returns the same index object.
 */
export function loadNomenklatur(versi: string): Promise<LoadedNomenklatur> {
  const v = versionInfo(versi);
  const key = `${v.list}|${v.complete}`;
  let p = indexCache.get(key);
  if (!p) {
    p = loadMap(v.list).then((map) => makeIndex(map, v.list === '2020' ? SOURCE_2020 : SOURCE_2024, v.complete));
    indexCache.set(key, p);
    p.catch(() => indexCache.delete(key));
  }
  return p;
}

/**
 * An index over the workbook's own `Nomenklatur` table (no jenis pemda: it is the pemda's
 * own list), falling back to `base`. Rows whose code has no valid shape (notes such as
 * "tidak ada kewenangan") are skipped; for a repeated code the first row wins.
 * Completeness follows `base` (a workbook table alone is treated as incomplete).
 */
export function indexFromRows(rows: readonly NomenklaturRow[], base?: NomenklaturIndex | null): LoadedNomenklatur {
  const own = new Map<string, NomenklaturEntry>();
  let two = false;
  for (const r of rows) {
    const kode = tidyCode(r.kode);
    const level = codeLevel(kode);
    if (!level || own.has(kode)) continue;
    const entry: NomenklaturEntry = { kode, level, nama: (r.nama ?? '').trim() };
    if (r.kinerja?.trim()) entry.kinerja = r.kinerja.trim();
    if (r.indikator?.trim()) entry.indikator = r.indikator.trim();
    if (r.satuan?.trim()) entry.satuan = r.satuan.trim();
    if (level === 'sub_kegiatan' && /\.\d{2}$/.test(kode)) two = true;
    own.set(kode, entry);
  }
  const baseTwo = (base as Partial<LoadedNomenklatur> | null | undefined)?.hasTwoDigitSub ?? false;
  const baseSize = (base as Partial<LoadedNomenklatur> | null | undefined)?.size ?? 0;
  return {
    source: base ? `tabel Nomenklatur + ${base.source}` : 'tabel Nomenklatur',
    complete: base?.complete ?? false,
    size: own.size + baseSize,
    hasTwoDigitSub: two || baseTwo,
    lookup: (kode, jenis) => own.get(kode) ?? base?.lookup(kode, jenis),
    entries: function* (jenis) {
      yield* own.values();
      if (base?.entries) for (const e of base.entries(jenis)) if (!own.has(e.kode)) yield e;
    },
  };
}
