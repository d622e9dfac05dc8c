/**
 * The per-OPD, per-year documents besides the tree (SAKIP.md §12, §13): what a workbook sends
 * (`dokumenRealisasi`, `lkeSnapshot`), how the client and the server judge it (`periksaRealisasi`,
 * `periksaLke`: one function for both), and the evaluator's notes on an LKE.
 */
export { dokumenRealisasi, periksaRealisasi, tabelAsingRealisasi, type PemeriksaanDokumen } from './realisasi.js';
export { catatanOf, denganCatatan, kodeLke, lkeSnapshot, periksaLke, tabelAsingLke } from './lke.js';
