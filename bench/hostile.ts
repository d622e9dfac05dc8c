/**
 * `npm run bench -- hostile`: what a file costs before Pokin says yes or no.
 *
 * 1. Merges at load: a ~10,000-row Matriks Cascading (a generated tree, every ancestor cell
 *    merged down its rows, as the export writes it) and the same matrix with every value cell
 *    merged with its neighbour (PDF-converted sheets look like this). Import time (`pokin
 *    import`'s path: the package read in the guard's pass, xlsx/raw-read.ts, then adoption)
 *    and read time (`validate`'s and `push`'s: package guard + ExcelJS, merges left to the guard,
 *    + canonical tables) against ExcelJS merely
 *    loading the same file without its merges, measured in the same run. Goal: ≤ 2×.
 *    ExcelJS's own merge loading (quadratic) is timed once for the first file, for scale.
 * 2. Hostile files (test/helpers/hostile.ts): `pokin validate` and `pokin import` through the
 *    installed entry (cli/bin.mjs), under /usr/bin/time -v when present: exit code, seconds,
 *    peak memory. Goal: exit 2 within 10 s and under 1 GB each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetter } from '../core/a1.js';
import { adoptWorkbook } from '../core/adopt/index.js';
import { matriksSheet } from '../core/derive/index.js';
import { readWorkbook } from '../core/read/index.js';
import type { SheetSpec } from '../core/derive/spec.js';
import { readRawSheets } from '../xlsx/sheet.js';
import { applyMerges } from '../xlsx/merges.js';
import { parseArea, type Area } from '../xlsx/package-scan.js';
import { readXlsx } from '../xlsx/read.js';
import { renderSheet } from '../xlsx/render.js';
import { generate } from '../test/helpers/generate.js';
import { HOSTILE, zip } from '../test/helpers/hostile.js';
import { entryData, zipEntries } from '../xlsx/zip.js';
import { inflateRawSync } from 'node:zlib';
import { time } from './timing.js';

const DIR = process.env.POKIN_HOSTILE_DIR ?? join(tmpdir(), 'pokin-hostile');

async function bytesOf(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Rendered without merges, which are then added without ExcelJS's quadratic check (its own
  // mergeCells would take hours for the second file).
  renderSheet(wb, { ...spec, merges: [] });
  const sheets = new Map([[spec.name, { part: '', merges: spec.merges.map((m) => parseArea(m) as Area), uncachedCount: 0, uncached: [] }]]);
  applyMerges(wb, { sheets, inflatedBytes: 0, cells: 0, formats: [] });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same file with only its `<mergeCells>` elements taken out (every cell stays). */
async function withoutMergeCells(bytes: Buffer): Promise<Buffer> {
  const { entries } = zipEntries(bytes, 10_000);
  return zip(entries.map((e) => {
    const raw = entryData(bytes, e);
    const data = e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    return { name: e.name, data: /^xl\/worksheets\//.test(e.name) ? data.toString('utf8').replace(/<mergeCells[^]*?<\/mergeCells>/, '') : data };
  }));
}

/** Every value cell merged with the (empty) cell to its right: columns doubled. */
function everyCellMerged(spec: SheetSpec): SheetSpec {
  const cells = spec.cells.map((c) => ({ ...c, col: c.col * 2 }));
  // 1-based column 2k and 2k+1 are 0-based letters 2k-1 and 2k.
  const merges = spec.cells.filter((c) => c.row > 1).map((c) => `${columnLetter(c.col * 2 - 1)}${c.row}:${columnLetter(c.col * 2)}${c.row}`);
  return { ...spec, cells, merges, columnWidths: [] };
}

async function merges(): Promise<void> {
  const runs = Number(process.env.RUNS ?? 3);
  const tree = readWorkbook(generate({ boxes: 3340, indicatorsPerBox: 3, crosscuttingEvery: 0 }).snapshot).tree;
  const spec = matriksSheet(tree);
  const cases: [string, SheetSpec][] = [['Matriks Cascading, ancestors merged down', spec], ['every value cell merged with its neighbour', everyCellMerged(spec)]];
  console.log('\n## Loading merges (vs ExcelJS loading the same file without its merges, same run; goal ≤ 2×)');
  console.log('read = what validate and push read: package guard + ExcelJS without the merges (the guard\'s) + canonical tables; import = package read in the guard pass (xlsx/raw-read.ts) + adoption (core/adopt)');
  console.log('file                                         | rows   | merges  | MB  | ExcelJS, no merges | read            | import');
  for (const [label, s] of cases) {
    const merged = await bytesOf(s);
    const plain = await withoutMergeCells(merged);
    const rows = s.cells.reduce((m, c) => Math.max(m, c.row), 0) - 1;
    const tPlain = await time(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(plain as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] } as never);
    }, runs);
    const tLoad = await time(() => readXlsx(merged), runs);
    let recognised = false;
    const tImport = await time(async () => {
      recognised = adoptWorkbook(await readRawSheets(merged)).ok;
    }, runs);
    const r = (t: number) => `${t.toFixed(0).padStart(5)} ms ${(t / tPlain).toFixed(2)}×${t / tPlain <= 2 ? ' ok' : ' ABOVE GOAL'}`;
    console.log(`${label.padEnd(44)} | ${String(rows).padStart(6)} | ${String(s.merges.length).padStart(7)} | ${(merged.length / 1048576).toFixed(1).padStart(3)} | ${tPlain.toFixed(0).padStart(15)} ms | ${r(tLoad)} | ${r(tImport)}${recognised ? '' : ' (layout not adopted)'}`);
    if (s === spec) {
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(merged as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] } as never);
      console.log(`  (ExcelJS loading its merges itself, quadratic: ${(performance.now() - t0).toFixed(0)} ms for ${s.merges.length} merges)`);
    }
  }
}

function measure(file: string, command: 'validate' | 'import'): { code: number | null; seconds: number; maxKb: number | null; message: string } {
  const timed = existsSync('/usr/bin/time');
  const cmd = timed ? '/usr/bin/time' : process.execPath;
  const out = command === 'import' ? ['--out', join(DIR, 'imported.xlsx')] : [];
  const args = [...(timed ? ['-v', process.execPath] : []), 'cli/bin.mjs', command, file, ...out, '--lang', 'en'];
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  const seconds = (performance.now() - t0) / 1000;
  const maxKb = timed ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) : null;
  const message = (r.stderr.split('\n').find((l) => l.includes(file)) ?? r.stderr.split('\n')[0] ?? '').replace(`${file}: `, '');
  return { code: r.status, seconds, maxKb, message };
}

async function hostile(): Promise<void> {
  await mkdir(DIR, { recursive: true });
  console.log(`\n## Hostile files (pokin validate / import via cli/bin.mjs${existsSync('/usr/bin/time') ? ', /usr/bin/time -v' : ''}; goal: exit 2, < 10 s, < 1 GB)`);
  console.log('file                          | command  | KB on disk | exit | seconds | peak MB | message');
  for (const h of HOSTILE) {
    const file = join(DIR, `${h.name}.xlsx`);
    if (!existsSync(file)) await writeFile(file, await h.build());
    const kb = (await stat(file)).size / 1024;
    for (const command of ['validate', 'import'] as const) {
      const m = measure(file, command);
      const ok = m.code === 2 && m.seconds < 10 && (m.maxKb === null || m.maxKb < 1024 * 1024);
      console.log(`${h.name.padEnd(29)} | ${command.padEnd(8)} | ${kb.toFixed(0).padStart(10)} | ${String(m.code).padStart(4)} | ${m.seconds.toFixed(2).padStart(7)} | ${m.maxKb === null ? '    n/a' : (m.maxKb / 1024).toFixed(0).padStart(7)} | ${ok ? 'ok' : 'ABOVE GOAL'}: ${m.message.slice(0, 110)}`);
    }
  }
}

const only = process.argv[2];
try {
  if (!only || only === 'merges') await merges();
  if (!only || only === 'files') await hostile();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
}
