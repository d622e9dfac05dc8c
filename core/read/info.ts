/**
 * The `Info` table (SAKIP.md §4.2) and the optional `Konfigurasi Level` table into the
 * configuration. Absent optional keys keep their defaults.
 */
import { a1 } from '../a1.js';
import {
  defaultConfig, JENJANG, ROOT_MARK, type BudgetLevel, type Jenjang, type JenisPemda, type LevelConfig,
  type NomenklaturType, type PokinConfig,
} from '../config.js';
import { issue, type Issue } from '../issues.js';
import { headerKey, infoColumns, INFO_KEYS, konfigurasiLevelColumns, type TableSpec } from '../layout/tables.js';
import type { CellValue, TableSnapshot } from '../snapshot.js';
import { idText, cleanText, matchListValue, parseNumberText } from './normalise.js';
import { cellAt, mapTable, rowHasInput, scrubErrors } from './table.js';

const INFO_SPEC: TableSpec = { key: 'info', sheet: 'Info', table: 'Info', required: true, columns: infoColumns() };

interface InfoEntry { value: CellValue; cell: string }

function asYear(v: CellValue): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v.trim()) : null;
  return n !== null && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
}

function jenisPemda(v: string): JenisPemda | null {
  const k = v.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'provinsi' || k === 'prov') return 'Provinsi';
  if (k === 'kabupaten' || k === 'kab') return 'Kabupaten';
  if (k === 'kota') return 'Kota';
  return null;
}

export function readInfo(snapshot: TableSnapshot | undefined, issues: Issue[]): { config: PokinConfig; found: boolean } {
  const config = defaultConfig();
  if (!snapshot) return { config, found: false };
  const m = mapTable(snapshot, INFO_SPEC, issues);
  const entries = new Map<string, InfoEntry>();
  const kunciCol = m.index.kunci;
  const nilaiCol = m.index.nilai;
  snapshot.rows.forEach((raw, r) => {
    const sheetRow = m.firstDataRow + r;
    if (!rowHasInput(raw, m.outputCols)) return;
    const row = scrubErrors(m, raw, sheetRow, '', issues);
    const key = cleanText(cellAt(m, row, 'kunci')).value;
    if (key === '') {
      issues.push(issue('F01', 'E', { sheet: m.loc.sheet, cell: a1(m.firstCol + (kunciCol ?? 0), sheetRow) }, {
        id: 'Baris Info tanpa Kunci tidak dapat dibaca.', en: 'An Info row without a Kunci cannot be read.',
      }));
      return;
    }
    entries.set(headerKey(key), { value: cellAt(m, row, 'nilai'), cell: a1(m.firstCol + (nilaiCol ?? 1), sheetRow) });
  });
  const where = (e: InfoEntry) => ({ sheet: m.loc.sheet, cell: e.cell });
  const text = (k: string) => { const e = entries.get(headerKey(k)); return e ? idText(e.value) : ''; };
  const bad = (k: string, e: InfoEntry, idMsg: string, enMsg: string) =>
    issues.push(issue('F01', 'E', where(e), { id: `Info "${k}": ${idMsg}`, en: `Info "${k}": ${enMsg}` }));

  for (const k of INFO_KEYS) {
    if (!k.required) continue;
    const e = entries.get(headerKey(k.key));
    if (!e || cleanText(e.value).value === '') {
      issues.push(issue('F03', 'E', { sheet: m.loc.sheet, cell: e?.cell ?? a1(m.firstCol, m.loc.headerRow) }, {
        id: `"${k.key}" di lembar Info belum diisi.`, en: `"${k.key}" on the Info sheet is missing or empty.`,
      }));
    }
  }
  config.pemda = text('Pemda');
  config.kodePemda = text('Kode Pemda');
  config.kodeOpd = text('Kode OPD');
  config.namaOpd = text('Nama OPD');
  config.jenisPeriode = text('Jenis Periode') || config.jenisPeriode;
  config.versiNomenklatur = text('Versi Nomenklatur');
  const jp = entries.get(headerKey('Jenis Pemda'));
  if (jp && text('Jenis Pemda') !== '') {
    config.jenisPemda = jenisPemda(text('Jenis Pemda'));
    if (!config.jenisPemda) bad('Jenis Pemda', jp, 'isi Provinsi, Kabupaten atau Kota.', 'use Provinsi, Kabupaten or Kota.');
  }
  const ea = entries.get(headerKey('Tahun Awal'));
  const eb = entries.get(headerKey('Tahun Akhir'));
  const ya = ea ? asYear(ea.value) : null;
  const yb = eb ? asYear(eb.value) : null;
  if (ea && ya === null && !isBlankish(ea.value)) bad('Tahun Awal', ea, 'bukan tahun 4 digit.', 'not a 4-digit year.');
  if (eb && yb === null && !isBlankish(eb.value)) bad('Tahun Akhir', eb, 'bukan tahun 4 digit.', 'not a 4-digit year.');
  if (ya !== null && yb !== null && yb < ya && eb) bad('Tahun Akhir', eb, `lebih kecil dari Tahun Awal (${ya}).`, `earlier than Tahun Awal (${ya}).`);
  config.tahunAwal = ya;
  config.tahunAkhir = yb;
  if (ya !== null && yb !== null && yb >= ya && yb - ya <= 20) {
    for (let y = ya; y <= yb; y++) config.years.push(y);
  }
  readOptionalKeys(config, entries, bad);
  return { config, found: true };
}

function isBlankish(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

type Bad = (k: string, e: InfoEntry, idMsg: string, enMsg: string) => void;

function readOptionalKeys(config: PokinConfig, entries: Map<string, InfoEntry>, bad: Bad): void {
  const opt = (k: string, apply: (v: string, e: InfoEntry) => boolean, allowed: string) => {
    const e = entries.get(headerKey(k));
    if (!e) return;
    const v = cleanText(e.value).value;
    if (v === '') return;
    if (!apply(v, e)) bad(k, e, `nilai "${v}" tidak dikenal (${allowed}).`, `unknown value "${v}" (${allowed}).`);
  };
  const pick = <T extends string>(list: readonly T[]) => (v: string): T | null => matchListValue(v, list).value as T | null;
  opt('Batas Capaian', (v) => {
    const p = pick(['Tanpa', '100', '110', '120'])(v);
    if (!p) return false;
    config.batasCapaian = p === 'Tanpa' ? 'Tanpa' : (Number(p) as 100 | 110 | 120);
    return true;
  }, 'Tanpa/100/110/120');
  opt('Rumus Negatif', (v) => { const p = pick(['2T-R', 'T/R'] as const)(v); if (p) config.rumusNegatif = p; return !!p; }, '2T-R / T/R');
  opt('Rentang Di Atas', (v) => { const p = pick(['Baik', 'Buruk'] as const)(v); if (p) config.rentangDiAtas = p; return !!p; }, 'Baik/Buruk');
  opt('Kategori Capaian', (v) => { const p = pick(['LKjIP', 'Predikat'] as const)(v); if (p) config.kategoriCapaian = p; return !!p; }, 'LKjIP/Predikat');
  opt('Batas Predikat', (v) => { const p = pick(['Bawah Eksklusif', 'Bawah Inklusif'] as const)(v); if (p) config.batasPredikat = p; return !!p; }, 'Bawah Eksklusif/Bawah Inklusif');
  const positiveInt = (set: (n: number) => void) => (v: string) => {
    const n = parseNumberText(v);
    if (n === null || !Number.isInteger(n) || n < 0) return false;
    set(n);
    return true;
  };
  opt('Maks Anak', positiveInt((n) => (config.maksAnak = n)), 'bilangan bulat / whole number');
  opt('Maks Indikator', positiveInt((n) => (config.maksIndikator = n)), 'bilangan bulat / whole number');
  opt('Toleransi Pagu', positiveInt((n) => (config.toleransiPagu = n)), 'bilangan bulat / whole number');
  opt('Versi Server', positiveInt((n) => (config.versiServer = n)), 'bilangan bulat / whole number');
  opt('Faktor Lonjakan', (v) => {
    const n = parseNumberText(v);
    if (n === null || !(n > 1)) return false;
    config.faktorLonjakan = n;
    return true;
  }, 'angka > 1 / a number > 1');
  opt('Tempat Penandatanganan', (v) => { config.tempatPenandatanganan = v; return true; }, '');
  opt('Satuan Kualitatif', (v) => { config.satuanKualitatif = v.split(';').map((s) => s.trim()).filter(Boolean); return true; }, '');
  for (const j of JENJANG) {
    opt(`Anggaran PK ${j}`, (v) => {
      const p = pick(['Program', 'Kegiatan', 'Sub Kegiatan'] as const)(v);
      if (p) config.anggaranPk[j] = p as BudgetLevel;
      return !!p;
    }, 'Program/Kegiatan/Sub Kegiatan');
  }
}

const LEVEL_SPEC: TableSpec = { key: 'konfigurasiLevel', sheet: 'Konfigurasi Level', table: 'KonfigurasiLevel', required: false, columns: konfigurasiLevelColumns() };

/** Optional level override; an unusable table keeps the defaults and says why. */
export function readLevelConfig(snapshot: TableSnapshot | undefined, config: PokinConfig, issues: Issue[]): void {
  if (!snapshot) return;
  const m = mapTable(snapshot, LEVEL_SPEC, issues);
  const levels: LevelConfig[] = [];
  snapshot.rows.forEach((raw, r) => {
    const sheetRow = m.firstDataRow + r;
    if (!rowHasInput(raw, m.outputCols)) return;
    const row = scrubErrors(m, raw, sheetRow, '', issues);
    const name = cleanText(cellAt(m, row, 'level')).value;
    const cell = (k: string) => a1(m.firstCol + (m.index[k] ?? 0), sheetRow);
    if (name === '') {
      issues.push(issue('F01', 'E', { sheet: m.loc.sheet, cell: cell('level') }, { id: 'Baris konfigurasi tanpa nama Level.', en: 'A configuration row without a Level name.' }));
      return;
    }
    const urutan = Number(cellAt(m, row, 'urutan'));
    const jenjang = cleanText(cellAt(m, row, 'jenjang')).value.split(';').map((s) => matchListValue(s.trim(), JENJANG).value).filter((j): j is Jenjang => !!j);
    const nomenRaw = headerKey(cleanText(cellAt(m, row, 'jenisNomenklatur')).value);
    const nomenklatur: NomenklaturType | null = nomenRaw === 'program' ? 'program' : nomenRaw === 'kegiatan' ? 'kegiatan' : nomenRaw === 'subkegiatan' ? 'sub_kegiatan' : null;
    const parents = cleanText(cellAt(m, row, 'induk')).value.split(';').map((s) => s.trim()).filter(Boolean)
      .map((s) => (headerKey(s) === 'akar' ? ROOT_MARK : s));
    levels.push({
      order: Number.isFinite(urutan) && urutan > 0 ? urutan : levels.length + 1,
      name,
      tree: headerKey(cleanText(cellAt(m, row, 'pohon')).value) === 'pemda' ? 'pemda' : 'opd',
      resultType: cleanText(cellAt(m, row, 'jenisHasil')).value,
      jenjang,
      nomenklatur,
      parents: parents.length ? parents : [ROOT_MARK],
      optional: headerKey(cleanText(cellAt(m, row, 'opsional')).value) === 'ya',
    });
  });
  if (levels.length) config.levels = levels.sort((a, b) => a.order - b.order);
}
