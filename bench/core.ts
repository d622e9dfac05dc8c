/**
 * `npm run bench`: read + validate (`validateSnapshot`) on generated canonical snapshots of
 * 500, 5,000 and 20,000 boxes (three indicators each), against a baseline measured in the same
 * run, `JSON.parse(JSON.stringify(snapshot))`. Prints a table and the goals; never fails.
 *
 * Goals: 5,000 boxes ≤ 25 ms and ≤ 10× baseline; 20,000 boxes ≤ 4.5× the 5,000 time.
 * Candidates are timed interleaved, so a busy machine hits all of them alike (`BENCH_GC=1`
 * adds a full GC before each timed call). Optional: reading the 5,000-box workbook
 * from .xlsx through `xlsx/read.ts`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readWorkbook } from '../core/read/index.js';
import { validateSnapshot } from '../core/validate.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { generate } from '../test/helpers/generate.js';
import { median } from './timing.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [500, 5_000, 20_000];

/** `BENCH_GC=1`: a full GC before every timed call (exposed at run time); off by default. */
const gc: () => void = (() => {
  if (!process.env.BENCH_GC) return () => {};
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

/**
 * Warm up, then time the candidates interleaved (a, b, c, a, b, c, …), optionally with a GC
 * before each timed call, until `minRuns` rounds and `minMs` of measuring are done; medians per candidate.
 */
function measureInterleaved(fns: (() => unknown)[], minRuns: number, minMs: number, warmup: number): { medians: number[]; runs: number } {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  const start = performance.now();
  let runs = 0;
  while (runs < minRuns || (performance.now() - start < minMs && runs < 500)) {
    fns.forEach((fn, k) => {
      gc();
      const t0 = performance.now();
      fn();
      times[k].push(performance.now() - t0);
    });
    runs++;
  }
  return { medians: times.map(median), runs };
}

async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<{ median: number; runs: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), runs: times.length };
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const pad = (s: string, w: number) => s.padStart(w);

interface Row { boxes: number; indicators: number; ms: number; runs: number; base: number; read: number; issues: number }

async function main(): Promise<void> {
  const snapshots = new Map<number, WorkbookSnapshot>();
  for (const n of SIZES) snapshots.set(n, generate({ boxes: n, indicatorsPerBox: 3 }).snapshot);

  const rows: Row[] = [];
  for (const n of SIZES) {
    const snap = snapshots.get(n) as WorkbookSnapshot;
    const runs = n <= 500 ? 60 : n <= 5_000 ? 30 : 12;
    const warm = n <= 500 ? 20 : n <= 5_000 ? 8 : 4;
    let issues = 0;
    let indicators = 0;
    const m = measureInterleaved([
      () => {
        const r = validateSnapshot(snap);
        issues = r.issues.length;
        indicators = r.summary.indicators;
      },
      () => JSON.parse(JSON.stringify(snap)),
      () => readWorkbook(snap),
    ], runs, 2000, warm);
    const [ms, base, read] = m.medians;
    rows.push({ boxes: n, indicators, ms, runs: m.runs, base, read, issues });
  }

  console.log('Pokin bench: read + validate (validateSnapshot), generated canonical snapshots, 3 indicators per box');
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  console.log('');
  console.log(`${pad('boxes', 7)} ${pad('indicators', 10)} ${pad('runs', 5)} ${pad('median ms', 10)} ${pad('baseline ms', 12)} ${pad('ratio', 7)} ${pad('issues', 7)}   ${pad('(read only ms)', 14)}`);
  for (const r of rows) {
    console.log(`${pad(r.boxes.toLocaleString('en-US'), 7)} ${pad(String(r.indicators), 10)} ${pad(String(r.runs), 5)} ${pad(fmt(r.ms, 2), 10)} ${pad(fmt(r.base, 2), 12)} ${pad(fmt(r.ms / r.base, 2) + '×', 7)} ${pad(String(r.issues), 7)}   ${pad(fmt(r.read, 2), 14)}`);
  }
  const r5 = rows.find((r) => r.boxes === 5_000) as Row;
  const r20 = rows.find((r) => r.boxes === 20_000) as Row;
  const scale = r20.ms / r5.ms;
  console.log('');
  console.log(`ratio 20,000 / 5,000: ${fmt(scale, 2)}×   (baseline: ${fmt(r20.base / r5.base, 2)}×)`);
  console.log('');
  const ok = (b: boolean) => (b ? 'OK  ' : 'MISS');
  console.log('Goals:');
  console.log(`  ${ok(r5.ms <= 25)} 5,000 boxes ≤ 25 ms              (${fmt(r5.ms, 2)} ms)`);
  console.log(`  ${ok(r5.ms / r5.base <= 10)} 5,000 boxes ≤ 10× baseline       (${fmt(r5.ms / r5.base, 2)}×)`);
  console.log(`  ${ok(scale <= 4.5)} 20,000 ≤ 4.5× the 5,000 time      (${fmt(scale, 2)}×)`);

  // Optional: reading the 5,000-box workbook from .xlsx (ExcelJS adapter), when it exists.
  const readPath = join(ROOT, 'xlsx/read.ts');
  const writePath = join(ROOT, 'xlsx/write.ts');
  if (existsSync(readPath) && existsSync(writePath)) {
    const readMod = (await import(pathToFileURL(readPath).href)) as Record<string, unknown>;
    const writeMod = (await import(pathToFileURL(writePath).href)) as Record<string, unknown>;
    const readFn = (readMod.readWorkbookFile ?? readMod.readXlsx ?? readMod.readWorkbookSnapshot ?? readMod.readSnapshot) as
      | ((path: string) => Promise<unknown>) | undefined;
    const writeFn = writeMod.writeCanonicalWorkbook as ((target: string, s: WorkbookSnapshot, c: unknown) => Promise<unknown>) | undefined;
    if (readFn && writeFn) {
      const dir = mkdtempSync(join(tmpdir(), 'pokin-bench-'));
      try {
        const file = join(dir, 'bench-5000.xlsx');
        const snap = snapshots.get(5_000) as WorkbookSnapshot;
        await writeFn(file, snap, readWorkbook(snap).tree.config);
        const x = await measureAsync(() => readFn(file), 5, 1);
        console.log('');
        console.log(`xlsx: reading the 5,000-box workbook from .xlsx (xlsx/read.ts): median ${fmt(x.median, 0)} ms over ${x.runs} runs`);
      } catch (e) {
        console.log('');
        console.log(`xlsx: read timing skipped (${(e as Error).message})`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      console.log('');
      console.log('xlsx: read timing skipped (no known read function exported by xlsx/read.ts)');
    }
  } else {
    console.log('');
    console.log('xlsx: read timing skipped (xlsx/read.ts or write.ts not present)');
  }
}

await main();
