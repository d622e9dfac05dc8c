/** Capaian computation (SAKIP.md §6) and SAKIP evaluation predikat (§7): the public API. */
export type { Akumulasi, Alasan, CapaianResult, CapaianStatus, OpsiCapaian, Polaritas } from './types.js';
export { OPSI_BAWAAN, opsiCapaian, parseAkumulasi, parsePolaritas } from './types.js';
export { hasil, terapkanBatas } from './batas.js';
export type { PasanganCapaian, Realisasi } from './rumus.js';
export {
  capaianNegatif, capaianPositif, capaianRentang, hitungCapaian,
  murniNegatif, murniPasangan, murniPositif, murniRentang,
} from './rumus.js';
export { capaianKualitatif, murniKualitatif, SKALA_PREDIKAT_SAKIP } from './kualitatif.js';
export type { InputAkumulasi, PeriodeCapaian } from './akumulasi.js';
export { hitungAkumulasi } from './akumulasi.js';
export type { JenisKategori, KategoriLkjip, KategoriPredikat, Pita, TabelPita } from './kategori.js';
export { kategoriCapaian, PITA_LKJIP, PITA_PREDIKAT, pitaUntuk, tabelKategori } from './kategori.js';
export type { BatasPredikat, PredikatSakip } from './predikat.js';
export { LABEL_PREDIKAT_SAKIP, predikatSakip, tabelPredikatSakip } from './predikat.js';
export { formatAngka, formatCapaian, formatPersen } from './format.js';
