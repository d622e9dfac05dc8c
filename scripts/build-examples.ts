/**
 * `npm run examples`: renders the example workbooks into `examples/*.xlsx` with the CLI's
 * ExcelJS adapter (`xlsx/write.ts`):
 *   examples/dinkes-kabupaten-contoh.xlsx   valid (0 errors)
 *   examples/dinkes-dengan-kesalahan.xlsx   deliberate mistakes (see examples/src/dinkes-salah.ts)
 *   examples/dinkes-lke-contoh.xlsx         the valid tree with an LKE self-assessment (examples/src/dinkes-lke.ts)
 *   examples/dinkes-pengukuran-2025.xlsx    the valid tree with a year of Rencana Aksi and realisasi
 *   examples/dinkes-pengukuran-dengan-kesalahan.xlsx   pengukuran mistakes (examples/src/dinkes-pengukuran-salah.ts)
 *
 * The output is byte-for-byte deterministic: ExcelJS stamps the document properties and
 * JSZip every zip entry with the current time, so the clock is pinned to a fixed instant while
 * a workbook is serialised.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkbook } from '../core/read/index.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { writeFile } from 'node:fs/promises';
import { buildCanonicalWorkbook, writeCanonicalWorkbook } from '../xlsx/write.js';
import { dinkesWorkbook } from '../examples/src/dinkes.js';
import { dinkesSalah } from '../examples/src/dinkes-salah.js';
import { dinkesLkeJawaban } from '../examples/src/dinkes-lke.js';
import { lkeRekapSheet } from '../core/derive/index.js';
import { lkeColumns } from '../core/layout/lke.js';
import { evaluasiLke, lembarLke } from '../core/lke/index.js';
import { writeLkeWorkbook } from '../xlsx/lke.js';
import { dinkesPengukuran } from '../examples/src/dinkes-pengukuran.js';
import { dinkesPengukuranSalah } from '../examples/src/dinkes-pengukuran-salah.js';
import { cellAddress, sheetOf, toSnapshot, type ExampleWorkbook } from '../examples/src/workbook.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES_DIR = join(ROOT, 'examples');
export const VALID_FILE = join(EXAMPLES_DIR, 'dinkes-kabupaten-contoh.xlsx');
export const FAULTY_FILE = join(EXAMPLES_DIR, 'dinkes-dengan-kesalahan.xlsx');
export const LKE_FILE = join(EXAMPLES_DIR, 'dinkes-lke-contoh.xlsx');
export const PENGUKURAN_FILE = join(EXAMPLES_DIR, 'dinkes-pengukuran-2025.xlsx');
export const PENGUKURAN_FAULTY_FILE = join(EXAMPLES_DIR, 'dinkes-pengukuran-dengan-kesalahan.xlsx');

/** Fixed timestamp for document properties and zip entries (UTC, so the bytes do not depend on TZ). */
const FIXED_TIME = Date.UTC(2025, 0, 2, 8, 0, 0);

/** Runs `fn` with `new Date()` / `Date.now()` pinned to FIXED_TIME, then restores the clock. */
async function withFixedClock<T>(fn: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(FIXED_TIME);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return FIXED_TIME;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

export async function renderExample(target: string, snapshot: WorkbookSnapshot): Promise<void> {
  const { config } = readWorkbook(snapshot).tree;
  mkdirSync(dirname(target), { recursive: true });
  await withFixedClock(() => writeCanonicalWorkbook(target, snapshot, config));
}

/**
 * An example with formula cells (a realisasi copied from the plan, U07): the canonical writer
 * writes values only (formula injection), so the example's own formulas are set afterwards.
 */
export async function renderExampleWorkbook(target: string, example: ExampleWorkbook): Promise<void> {
  if (!example.formulas?.length) return renderExample(target, toSnapshot(example));
  const snapshot = toSnapshot(example);
  const { config } = readWorkbook(snapshot).tree;
  mkdirSync(dirname(target), { recursive: true });
  await withFixedClock(async () => {
    const wb = buildCanonicalWorkbook(snapshot, config);
    for (const f of example.formulas ?? []) {
      const cell = wb.getWorksheet(sheetOf(example, f.table))?.getCell(cellAddress(example, f.table, f.field, f.row));
      if (cell) cell.value = { formula: f.formula, result: cell.value as number, date1904: false };
    }
    await writeFile(target, Buffer.from(await wb.xlsx.writeBuffer()));
  });
}

export interface BuiltExamples { valid: string; faulty: string; pengukuran: string; pengukuranFaulty: string }

export async function buildExamples(dir = EXAMPLES_DIR): Promise<BuiltExamples> {
  const valid = join(dir, 'dinkes-kabupaten-contoh.xlsx');
  const faulty = join(dir, 'dinkes-dengan-kesalahan.xlsx');
  const pengukuran = join(dir, 'dinkes-pengukuran-2025.xlsx');
  const pengukuranFaulty = join(dir, 'dinkes-pengukuran-dengan-kesalahan.xlsx');
  await renderExample(valid, toSnapshot(dinkesWorkbook()));
  await renderExample(faulty, toSnapshot(dinkesSalah().workbook));
  await renderExampleWorkbook(pengukuran, dinkesPengukuran());
  await renderExampleWorkbook(pengukuranFaulty, dinkesPengukuranSalah().workbook);
  return { valid, faulty, pengukuran, pengukuranFaulty };
}

/** The valid tree plus its LKE (answers from examples/src/dinkes-lke.ts, Saran Pokin, LKE Rekap). */
export async function buildLkeExample(dir = EXAMPLES_DIR): Promise<string> {
  const target = join(dir, 'dinkes-lke-contoh.xlsx');
  const tree = toSnapshot(dinkesWorkbook());
  const header = lkeColumns().map((c) => c.header);
  const answers = { sheet: 'LKE', name: 'LKE', address: 'A1', header, rows: dinkesLkeJawaban().map((r) => header.map((h) => r[h] ?? null)) };
  const ev = evaluasiLke({ tables: [...tree.tables, answers] });
  const config = readWorkbook(tree).tree.config;
  const rekap = lkeRekapSheet({ rekap: ev.rekap, naik: ev.naik, sumber: ev.kriteria.sumber, unit: `${config.namaOpd} — ${config.pemda}` });
  mkdirSync(dir, { recursive: true });
  await withFixedClock(() => writeLkeWorkbook(target, { canonical: { snapshot: tree, config }, lembar: lembarLke(ev.kriteria, ev.bacaan, ev.saran), generated: [rekap] }));
  return target;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { valid, faulty, pengukuran, pengukuranFaulty } = await buildExamples();
  const lke = await buildLkeExample();
  const { expected } = dinkesSalah();
  for (const f of [valid, faulty, pengukuran, pengukuranFaulty, lke]) console.log(`${relative(ROOT, f)}  sha256:${sha(f)}`);
  console.log(`${expected.length} planted mistakes, ${new Set(expected.map((e) => e.rule)).size} rule IDs: ${[...new Set(expected.map((e) => e.rule))].sort().join(' ')}`);
}
