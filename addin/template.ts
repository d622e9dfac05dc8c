/** The template snapshot for *Buat lembar Pokin* (core only, so Office mode never loads ExcelJS). */
import type { PokinConfig } from '../core/config.js';
import { canonicalTables, INFO_KEYS } from '../core/layout/tables.js';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot.js';

export function templateSnapshot(config: PokinConfig): WorkbookSnapshot {
  const values: Record<string, CellValue> = {
    Pemda: config.pemda, 'Kode Pemda': config.kodePemda, 'Jenis Pemda': config.jenisPemda, 'Kode OPD': config.kodeOpd, 'Nama OPD': config.namaOpd,
    'Jenis Periode': config.jenisPeriode, 'Tahun Awal': config.tahunAwal, 'Tahun Akhir': config.tahunAkhir, 'Versi Nomenklatur': config.versiNomenklatur,
  };
  return {
    tables: canonicalTables(config.years)
      .filter((s) => s.key !== 'konfigurasiLevel' && s.key !== 'nomenklatur')
      .map((s) => ({
        sheet: s.sheet, name: s.table, address: 'A1', header: s.columns.map((c) => c.header),
        rows: s.key === 'info' ? INFO_KEYS.map((k) => [k.key, values[k.key] ?? null]) : [],
      })),
  };
}
