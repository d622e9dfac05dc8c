/**
 * Capaian categories (SAKIP.md §6.3). Bands are data, not code, because a pemda may use its
 * own table; the two defaults are LKjIP [R15] and Predikat [WES].
 */
import type { PokinConfig } from '../config.js';
import type { CapaianResult } from './types.js';

/**
 * One band, given by its lower bound only: the band above ends where this one starts, so
 * no decimal value can fall between two bands (published tables use integer ranges).
 */
export interface Pita<L extends string = string> {
  label: L;
  /** Lower bound; -Infinity for the bottom band. */
  min: number;
  /** true: value ≥ min belongs here; false: value > min. */
  inklusif: boolean;
}

/** Bands from the top down. Nothing caps the top band, so values above 100 land in it. */
export type TabelPita<L extends string = string> = readonly Pita<L>[];

export type KategoriLkjip = 'Sangat Baik' | 'Baik' | 'Cukup' | 'Kurang' | 'Sangat Kurang';
export type KategoriPredikat = 'Sangat Berhasil' | 'Berhasil' | 'Cukup Berhasil' | 'Kurang Berhasil';

/** LKjIP: > 90, > 75–90, > 65–75, > 50–65, ≤ 50 (exclusive lower bounds). */
export const PITA_LKJIP: TabelPita<KategoriLkjip> = Object.freeze([
  { label: 'Sangat Baik', min: 90, inklusif: false },
  { label: 'Baik', min: 75, inklusif: false },
  { label: 'Cukup', min: 65, inklusif: false },
  { label: 'Kurang', min: 50, inklusif: false },
  { label: 'Sangat Kurang', min: -Infinity, inklusif: true },
]);

/** Predikat: ≥ 100, ≥ 75–< 100, ≥ 55–< 75, < 55 (inclusive lower bounds, as published). */
export const PITA_PREDIKAT: TabelPita<KategoriPredikat> = Object.freeze([
  { label: 'Sangat Berhasil', min: 100, inklusif: true },
  { label: 'Berhasil', min: 75, inklusif: true },
  { label: 'Cukup Berhasil', min: 55, inklusif: true },
  { label: 'Kurang Berhasil', min: -Infinity, inklusif: true },
]);

/**
 * The band of a value, or null when the value is not a finite number or the table has no band
 * for it (a custom table without a -Infinity bottom band). Tables are scanned top-down, so
 * their order matters; the defaults are already ordered.
 */
export function pitaUntuk<L extends string>(nilai: number | null, tabel: TabelPita<L>): L | null {
  if (nilai === null || !Number.isFinite(nilai)) return null;
  // Indexed: called for every indicator of every summary (an iterator object each time otherwise).
  for (let i = 0; i < tabel.length; i++) {
    const p = tabel[i];
    if (p.inklusif ? nilai >= p.min : nilai > p.min) return p.label;
  }
  return null;
}

export type JenisKategori = PokinConfig['kategoriCapaian'];

export function tabelKategori(jenis: 'LKjIP'): TabelPita<KategoriLkjip>;
export function tabelKategori(jenis: 'Predikat'): TabelPita<KategoriPredikat>;
export function tabelKategori(jenis: JenisKategori): TabelPita<KategoriLkjip | KategoriPredikat>;
export function tabelKategori(jenis: JenisKategori): TabelPita<KategoriLkjip | KategoriPredikat> {
  return jenis === 'Predikat' ? PITA_PREDIKAT : PITA_LKJIP;
}

/**
 * Category of a capaian. A `CapaianResult` is categorised by its capped value (§6.2), never by
 * capaian murni; a bare number is taken as already capped. Not computed → null.
 * `jenis` is the `Kategori Capaian` Info key, or a custom table.
 */
export function kategoriCapaian(c: CapaianResult | number | null, jenis?: 'LKjIP'): KategoriLkjip | null;
export function kategoriCapaian(c: CapaianResult | number | null, jenis: 'Predikat'): KategoriPredikat | null;
export function kategoriCapaian(c: CapaianResult | number | null, jenis: JenisKategori): KategoriLkjip | KategoriPredikat | null;
export function kategoriCapaian<L extends string>(c: CapaianResult | number | null, jenis: TabelPita<L>): L | null;
export function kategoriCapaian(c: CapaianResult | number | null, jenis: JenisKategori | TabelPita = 'LKjIP'): string | null {
  const nilai = c === null || typeof c === 'number' ? c : c.capaian;
  return pitaUntuk(nilai, typeof jenis === 'string' ? tabelKategori(jenis) : jenis);
}
