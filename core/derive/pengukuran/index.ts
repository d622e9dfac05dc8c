/** The generated sheets of pengukuran (SAKIP.md §12): Renaksi, Pengukuran TWn and the LKjIP tables. */
import type { PohonKinerja } from '../../model.js';
import { hitungPengukuran } from '../../pengukuran/hitung.js';
import type { Triwulan } from '../../pengukuran/model.js';
import { twTerakhir } from '../../pengukuran/tahun.js';
import type { SheetSpec } from '../spec.js';
import { lkjipSheets, type LkjipOptions } from './lkjip.js';
import { renaksiSheets, type RenaksiOptions } from './renaksi.js';
import { pengukuranSheet } from './tw.js';

export { renaksiSheet, renaksiSheets, renaksiSheetName, type RenaksiOptions } from './renaksi.js';
export { pengukuranSheet, pengukuranSheetName, pengukuranHeaders } from './tw.js';
export {
  lkjipSheets, lkjipPkSheet, lkjipCapaianSheet, lkjipEfisiensiSheet, lkjipAnggaranSheet, lkjipRekapSheet, LKJIP_SHEETS, type LkjipOptions,
} from './lkjip.js';
export { trenSheet, renstraSheet, pembandingSheet } from './lkjip-tahunan.js';
export { angkaTeks, capaianTeks, kategoriWarna, kepalaOpd, nilaiTeks, persenTeks, rupiahTeks } from './teks.js';

export type PengukuranKind = 'renaksi' | 'pengukuran' | 'lkjip';
export const PENGUKURAN_KINDS: readonly PengukuranKind[] = ['renaksi', 'pengukuran', 'lkjip'];

export interface PengukuranSheetsOptions {
  /** Pengukuran TWn quarter; default the latest reported quarter of the year (TW1 when none). */
  tw?: Triwulan;
  renaksi?: RenaksiOptions;
  lkjip?: LkjipOptions;
}

/** The requested pengukuran sheets for one year, computing the year's capaian once. */
export function pengukuranSheets(tree: PohonKinerja, tahun: number, kinds: readonly PengukuranKind[], opts: PengukuranSheetsOptions = {}): SheetSpec[] {
  if (!kinds.some((k) => PENGUKURAN_KINDS.includes(k))) return [];
  const p = hitungPengukuran(tree, tahun);
  const out: SheetSpec[] = [];
  if (kinds.includes('renaksi')) out.push(...renaksiSheets(tree, tahun, opts.renaksi, p));
  if (kinds.includes('pengukuran')) out.push(pengukuranSheet(tree, tahun, opts.tw ?? twTerakhir(tree, tahun) ?? 1, p));
  if (kinds.includes('lkjip')) out.push(...lkjipSheets(tree, tahun, opts.lkjip, p));
  return out;
}
