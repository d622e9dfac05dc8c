/**
 * `npm run bench -- adopt`: adoption and export speed, printed, never failing.
 *
 * 1. Import of a generated 10,000-row Renstra matrix with one merge per cell, the way
 *    PDF-to-Excel copies come: every printed column spans two grid columns, merged in the
 *    header and in every data cell (~130,000 merges). Baseline: ExcelJS loading the same
 *    matrix without merges, in the same run. Goal: import ≤ 2× the baseline. The import is
 *    `pokin import`'s path: `readRawSheets` (xlsx/raw-read.ts, the package read in the
 *    guard's pass, no ExcelJS) then `adoptWorkbook`, alternating run by run with the baseline.
 *    The read alone and the adoption alone (raw sheet in memory → canonical tables +
 *    validation) are timed too, and the import report's values carried / present are
 *    printed (goal: equal).
 * 2. Export of the PK sheets of 200 positions (derive + render + write). Goal: under 2 s.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../core/a1.js';
import { adoptWorkbook } from '../core/adopt/index.js';
import { withCodeList } from '../core/adoption/index.js';
import type { RawSheet } from '../core/adopt/types.js';
import { pkOwners, pkSheet } from '../core/derive/index.js';
import { readWorkbook } from '../core/read/index.js';
import type { CellValue } from '../core/snapshot.js';
import { renderSheet } from '../xlsx/render.js';
import { readRawSheets } from '../xlsx/sheet.js';
import { generate } from '../test/helpers/generate.js';
import { interleaved, time } from './timing.js';

const YEARS = [2026, 2027, 2028, 2029, 2030];

/** Printed columns of the matrix; each spans two grid columns. */
const PRINTED = ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Indikator Kinerja', 'Satuan', 'Kondisi Awal', ...YEARS.flatMap((y) => [`Target ${y}`, `Pagu ${y}`]), 'Kondisi Akhir', 'Unit Kerja Penanggung Jawab'];

/** 10,000 data rows: 200 programs × (program + 4 kegiatan × (kegiatan + 5 sub kegiatan)), each with a second indicator row. */
export function matrixRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const box = (kode: string, nama: string, pagu: number, pj: string) => {
    const t = (i: number) => YEARS.map((_, k) => 50 + i + k);
    rows.push([kode, nama, `Indikator utama ${kode}`, '%', 48, ...YEARS.flatMap((_, k) => [t(0)[k], pagu]), t(0)[4], pj]);
    rows.push([null, null, `Indikator kedua ${kode}`, 'Dokumen', 1, ...YEARS.flatMap(() => [2, null]), 2, null]);
  };
  for (let p = 0; p < 200; p++) {
    const prog = `1.${pad(2 + Math.floor(p / 90), 2)}.${pad(2 + (p % 90), 2)}`;
    box(prog, `PROGRAM ${prog}`, 4 * 5 * 1_000_000, `Bidang ${p % 7}`);
    for (let k = 1; k <= 4; k++) {
      const keg = `${prog}.2.${pad(k, 2)}`;
      box(keg, `Kegiatan ${keg}`, 5 * 1_000_000, `Seksi ${k}`);
      for (let s = 1; s <= 5; s++) box(`${keg}.${pad(s, 4)}`, `Sub Kegiatan ${keg}.${pad(s, 4)}`, 1_000_000, `Seksi ${k}`);
    }
  }
  return rows;
}

/** The raw sheet (2 grid columns per printed column) and its merges: header, and every filled data cell. */
export function matrixSheet(withMerges: boolean): RawSheet {
  const rows = matrixRows();
  const values: CellValue[][] = [PRINTED.flatMap((h) => [h, null])];
  const merges: string[] = [];
  const L = (i: number) => columnLetter(i);
  PRINTED.forEach((_, i) => merges.push(`${L(2 * i)}1:${L(2 * i + 1)}1`));
  rows.forEach((r, ri) => {
    values.push(r.flatMap((v) => [v, null]));
    r.forEach((v, i) => { if (v !== null) merges.push(`${L(2 * i)}${ri + 2}:${L(2 * i + 1)}${ri + 2}`); });
  });
  return { name: 'Renstra', values, merges: withMerges ? merges : [] };
}

/** Writes a raw sheet with ExcelJS; merges are indexed directly (ExcelJS's own check is quadratic). */
async function xlsxOf(sheet: RawSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.values.forEach((r, i) => { ws.getRow(i + 1).values = r.map((x) => (x === null ? undefined : x)) as ExcelJS.CellValue[]; });
  // The same work as Worksheet._mergeCellsInternal minus the check against earlier merges.
  const internal = ws as unknown as { _merges: Record<string, unknown>; getCell(r: number, c: number): { merge(m: unknown, s?: boolean): void; address: string } };
  for (const range of sheet.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
    const top = Number(m[2]);
    const bottom = Number(m[4]);
    const left = columnIndex(m[1]) + 1;
    const right = columnIndex(m[3]) + 1;
    const master = internal.getCell(top, left);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) internal.getCell(r, c).merge(master, true);
    internal._merges[master.address] = { range, model: { top, left, bottom, right }, top, left, bottom, right, intersects: () => false };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}


function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const IGNORE = { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] };

async function main(): Promise<void> {
  const runs = Number(process.env.RUNS ?? 5);
  const merged = matrixSheet(true);
  const plain = matrixSheet(false);
  const fileMerged = await xlsxOf(merged);
  const filePlain = await xlsxOf(plain);
  console.log(`Matrix: ${merged.values.length - 1} data rows, ${merged.merges.length} merges (one per filled cell), ${(fileMerged.length / 1024 / 1024).toFixed(1)} MB`);

  // The options pokin import adopts with: the Kepmendagri list (N01 suggestions, and the
  // validation of the result as pokin validate runs it), loaded once as the CLI's cache does.
  const opts = await withCodeList({});
  // Baseline, read, adoption and import alternate, run by run, so that all see the same machine load.
  let report = { present: 0, carried: 0, boxes: 0 };
  let imported = { present: 0, carried: 0 };
  const [tLoad, tRead, tAdopt, tImport] = await interleaved([
    async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(filePlain as unknown as ExcelJS.Buffer, IGNORE); },
    async () => { await readRawSheets(fileMerged); },
    async () => {
      const r = adoptWorkbook([merged], opts);
      if (!r.ok) throw new Error('not recognised');
      report = { present: r.result.report.values.present, carried: r.result.report.values.carried, boxes: r.result.report.boxes };
    },
    async () => {
      const r = adoptWorkbook(await readRawSheets(fileMerged), opts);
      if (!r.ok) throw new Error('not recognised');
      imported = { present: r.result.report.values.present, carried: r.result.report.values.carried };
    },
  ], runs);
  const x = (t: number) => `${t.toFixed(0)} ms = ${(t / tLoad).toFixed(2)}× baseline`;
  console.log(`baseline, ExcelJS load without merges:      ${tLoad.toFixed(0)} ms`);
  console.log(`read only (xlsx with merges → raw sheets, guard included): ${x(tRead)}`);
  console.log(`adopt only (raw sheet with merges → canonical + validation): ${x(tAdopt)}  (${report.boxes} boxes)`);
  console.log(`import report: values carried / present = ${report.carried} / ${report.present}  [goal: equal]`);
  console.log(`import (xlsx with merges → adopt), as pokin import runs it: ${x(tImport)}  [goal ≤ 2×]; carried / present = ${imported.carried} / ${imported.present}`);

  const tree = readWorkbook(generate({ boxes: 3340, indicatorsPerBox: 3, crosscuttingEvery: 0 }).snapshot).tree;
  const owners = pkOwners(tree).slice(0, 200);
  const tPk = await time(async () => {
    const wb = new ExcelJS.Workbook();
    for (const id of owners) renderSheet(wb, pkSheet(tree, id, tree.config.years[0]));
    await wb.xlsx.writeBuffer();
  }, Math.max(3, runs - 2));
  console.log(`PK export, ${owners.length} positions (derive + render + write): ${tPk.toFixed(0)} ms  [goal < 2000 ms]`);
}

if (process.argv[1]?.endsWith("adopt.ts")) main().catch((e) => { console.error(e); process.exitCode = 1; });
