/**
 * The empty canonical workbook a planner starts from (`pokin template`): the tables of
 * SAKIP.md §4.2 with the year columns of the period, and `Info` filled from the arguments.
 */
import { defaultConfig, type JenisPemda, type PokinConfig } from '../core/config.js';
import { canonicalTables, INFO_KEYS } from '../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../core/snapshot.js';
import { writeCanonicalWorkbook, type WriteOptions } from './write.js';

export interface TemplateParams {
  pemda: string;
  kodePemda: string;
  jenisPemda: JenisPemda;
  kodeOpd: string;
  namaOpd: string;
  tahunAwal: number;
  tahunAkhir: number;
  versiNomenklatur: string;
  jenisPeriode?: string;
}

export function templateConfig(p: TemplateParams): PokinConfig {
  const config = defaultConfig();
  config.pemda = p.pemda;
  config.kodePemda = p.kodePemda;
  config.jenisPemda = p.jenisPemda;
  config.kodeOpd = p.kodeOpd;
  config.namaOpd = p.namaOpd;
  config.tahunAwal = p.tahunAwal;
  config.tahunAkhir = p.tahunAkhir;
  config.versiNomenklatur = p.versiNomenklatur;
  config.jenisPeriode = p.jenisPeriode ?? config.jenisPeriode;
  config.years = [];
  for (let y = p.tahunAwal; y <= p.tahunAkhir; y++) config.years.push(y);
  return config;
}

/** Info rows in template order; years as numbers, everything else as text. */
export function templateSnapshot(config: PokinConfig): WorkbookSnapshot {
  const values: Record<string, CellValue> = {
    Pemda: config.pemda,
    'Kode Pemda': config.kodePemda,
    'Jenis Pemda': config.jenisPemda,
    'Kode OPD': config.kodeOpd,
    'Nama OPD': config.namaOpd,
    'Jenis Periode': config.jenisPeriode,
    'Tahun Awal': config.tahunAwal,
    'Tahun Akhir': config.tahunAkhir,
    'Versi Nomenklatur': config.versiNomenklatur,
  };
  const tables: TableSnapshot[] = canonicalTables(config.years)
    .filter((s) => s.key !== 'konfigurasiLevel' && s.key !== 'nomenklatur')
    .map((s) => ({
      sheet: s.sheet,
      name: s.table,
      address: 'A1',
      header: s.columns.map((c) => c.header),
      rows: s.key === 'info' ? INFO_KEYS.map((k) => [k.key, values[k.key] ?? null]) : [],
    }));
  return { tables };
}

export async function writeTemplate(target: string, p: TemplateParams, opts: WriteOptions = {}): Promise<PokinConfig> {
  const config = templateConfig(p);
  await writeCanonicalWorkbook(target, templateSnapshot(config), config, opts);
  return config;
}
