/**
 * What Pokin accepts in an .xlsx file, checked by the package guard (guard.ts) BEFORE ExcelJS
 * loads it. Each limit is generous for any real Renstra / pohon kinerja workbook (a 10,000-row
 * Renstra matrix with 40 columns is 400,000 cells; the Kepmendagri nomenclature appendix is
 * ~30,000 rows × 9 columns) and far below what would exhaust memory: ExcelJS holds about
 * 550 MB for one million cells, so the cell limit keeps a load near 1 GB, and everything else
 * is refused after reading a few megabytes.
 *
 * Why each one: ExcelJS inflates every part of the zip into one string (a 2 GiB "sheet bomb"
 * of 2 MB would fill memory before anything is parsed); it creates one object per row, per
 * cell, per cell covered by a merge, per cell named by a defined name (it "explodes" ranges),
 * and one column object for every column up to a `<col max>`; `core/adopt` and the readers
 * build dense rows, so a single value at XFD1048576 means a billion-entry grid.
 */
const MiB = 1024 * 1024;

export const PACKAGE_LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 100 * MiB,
  /** Parts in the zip (a workbook with 200 sheets has ~600). */
  entries: 10_000,
  /** One part, inflated (a 10,000-row matrix sheet is ~15 MB of XML). */
  partBytes: 100 * MiB,
  /** All parts together, inflated. */
  totalBytes: 300 * MiB,
  /** Parts read whole to be checked: workbook.xml, relationships, tables, styles. */
  metaPartBytes: 20 * MiB,
  /** Highest row number of any row, cell, merge, table or declared dimension (Excel: 1,048,576). */
  rows: 100_000,
  /** Highest column (Excel's own XFD = 16,384; `<col max>` above it is malformed). */
  columns: 16_384,
  /** Rows × columns of a sheet's used range, or of one table. */
  sheetArea: 10_000_000,
  /** Cells of the workbook: written cells + cells covered by merges + cells named by defined names. */
  cells: 2_000_000,
  /** Merged areas in the workbook. */
  merges: 250_000,
  /** Cell formats (`<xf>`); Excel itself allows about 64,000. */
  styles: 131_072,
} as const;

export type PackageLimit = keyof typeof PACKAGE_LIMITS;
export type PackageLimits = { [K in PackageLimit]: number };
