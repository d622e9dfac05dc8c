/**
 * Consolidation for the Bagian Organisasi (SAKIP.md §4.4, §9): merge, cross-OPD rules,
 * Rekap OPD, Matriks Crosscutting, crosscutting link identity and status, and the
 * consolidated workbook's small sheets as sheet specifications.
 */
export * from './ids.js';
export * from './links.js';
export * from './model.js';
export * from './pages.js';
export * from './rules.js';
export * from './sheets.js';
export * from './tables.js';
export * from './pull.js';
export * from './dokumen.js';
export * from './dokumen-sheets.js';
