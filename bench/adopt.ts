/**
 * `npx tsx bench/adopt.ts`: adoption and export speed, printed, never failing.
 *
 * 1. Import of a generated wide matrix of ~10,000 rows (a Matriks Cascading of a generated
 *    tree, tujuan/sasaran merged down, coded columns blank under their parent row): median time of ExcelJS merely loading the
 *    file, of the import (raw sheet + adoption + validation) and of the import with the
 *    canonical workbook written, in the same run. Goal: import adds at most 1× the load time.
 * 2. Export of the PK sheets of 200 positions (derive + render + write). Goal: under 2 s.
 */
import ExcelJS from 'exceljs';
import { adoptWorkbook } from '../core/adopt/index.js';
import { matriksSheet, pkOwners, pkSheet } from '../core/derive/index.js';
import { readWorkbook } from '../core/read/index.js';
import { rawSheet } from '../xlsx/sheet.js';
import { renderSheet } from '../xlsx/render.js';
import { canonicalWorkbookBuffer } from '../xlsx/write.js';
import { generate } from '../test/helpers/generate.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const IGNORE = { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] };
const load = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, IGNORE);
  return wb;
};

async function main(): Promise<void> {
  const runs = Number(process.env.RUNS ?? 5);
  // ~3,340 boxes × 3 indicators ≈ 10,000 matrix rows.
  const tree = readWorkbook(generate({ boxes: 3340, indicatorsPerBox: 3, crosscuttingEvery: 0 }).snapshot).tree;
  // A Renstra-style sheet: tujuan and sasaran merged down (columns A–D), the coded columns
  // left blank under their parent row ("blank = same as above"). ExcelJS checks every merge
  // against all earlier ones while loading, so a merge per cell would measure ExcelJS alone.
  const spec = matriksSheet(tree);
  spec.merges = spec.merges.filter((m) => /^[A-D]\d/.test(m));
  const wbIn = new ExcelJS.Workbook();
  renderSheet(wbIn, spec);
  const file = Buffer.from(await wbIn.xlsx.writeBuffer());
  const rows = spec.cells.reduce((m, c) => Math.max(m, c.row), 0) - 1;
  console.log(`Matrix: ${rows} data rows, ${spec.merges.length} merges, ${(file.length / 1024 / 1024).toFixed(1)} MB`);

  const tLoad = await time(() => load(file), runs);
  let boxes = 0;
  const tImport = await time(async () => {
    const wb = await load(file);
    const r = adoptWorkbook([rawSheet(wb.worksheets[0])]);
    if (!r.ok) throw new Error('not recognised');
    boxes = r.result.report.boxes;
  }, runs);
  const tAdoptOnly = tImport - tLoad;
  const tFull = await time(async () => {
    const wb = await load(file);
    const r = adoptWorkbook([rawSheet(wb.worksheets[0])]);
    if (!r.ok) throw new Error('not recognised');
    await canonicalWorkbookBuffer(r.result.snapshot, readWorkbook(r.result.snapshot).tree.config);
  }, Math.max(3, runs - 2));
  console.log(`ExcelJS load only:                 ${tLoad.toFixed(0)} ms`);
  console.log(`import (load + adopt + validate):  ${tImport.toFixed(0)} ms  (${boxes} boxes); added ${tAdoptOnly.toFixed(0)} ms = ${(tAdoptOnly / tLoad).toFixed(2)}× load  [goal ≤ 1×]`);
  console.log(`import + canonical workbook write: ${tFull.toFixed(0)} ms  (added ${((tFull - tLoad) / tLoad).toFixed(2)}× load)`);

  const owners = pkOwners(tree).slice(0, 200);
  const tPk = await time(async () => {
    const wb = new ExcelJS.Workbook();
    for (const id of owners) renderSheet(wb, pkSheet(tree, id, tree.config.years[0]));
    await wb.xlsx.writeBuffer();
  }, Math.max(3, runs - 2));
  console.log(`PK export, ${owners.length} positions (derive + render + write): ${tPk.toFixed(0)} ms  [goal < 2000 ms]`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
