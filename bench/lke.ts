/**
 * `npm run bench -- lke`: `pokin lke score` on the example (examples/dinkes-lke-contoh.xlsx,
 * 55 boxes, 76 criteria). Goal (issue 17): under 1 s including the ExcelJS load; scoring itself
 * is a pure function and instant.
 *
 * In-process, timed interleaved against a baseline measured in the same run, ExcelJS merely
 * loading the file: the whole score path (read + criteria + answers + score + JSON), the read
 * alone, the Saran Pokin path (`pokin lke template`: Final validation + evaluators), and
 * `hitungSkor` alone. Also the first (cold) call, as a one-shot CLI pays it, and the command
 * as a child process against `pokin --help` (Node + tsx start-up) in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { evaluasiLke, hitungSkor, rekapJson } from '../core/lke/index.js';
import { readXlsx } from '../xlsx/read.js';
import { lkeTables } from '../core/layout/lke.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(ROOT, 'examples', 'dinkes-lke-contoh.xlsx');
const bytes = readFileSync(FILE);

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x: number) => `${x < 1 ? x.toFixed(3) : x.toFixed(1)} ms`;

async function score(): Promise<unknown> {
  const { snapshot } = await readXlsx(bytes, lkeTables());
  return rekapJson(evaluasiLke(snapshot, { saran: false }).rekap);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await score();
  const cold = performance.now() - t0;

  const { snapshot } = await readXlsx(bytes, lkeTables());
  const ev = evaluasiLke(snapshot, { saran: false });
  const candidates: [string, () => Promise<unknown> | unknown][] = [
    ['ExcelJS load (baseline)', async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer); }],
    ['readXlsx (load + tables)', () => readXlsx(bytes, lkeTables())],
    ['lke score (read + score + JSON)', score],
    ['Saran Pokin path (snapshot → saran)', () => evaluasiLke(snapshot)],
    ['hitungSkor alone', () => hitungSkor(ev.kriteria, ev.bacaan.jawaban)],
  ];
  for (let i = 0; i < 3; i++) for (const [, f] of candidates) await f();
  const times: number[][] = candidates.map(() => []);
  for (let run = 0; run < 15; run++) {
    for (let k = 0; k < candidates.length; k++) {
      const s = performance.now();
      await candidates[k][1]();
      times[k].push(performance.now() - s);
    }
  }
  const base = median(times[0]);
  console.log(`examples/dinkes-lke-contoh.xlsx, ${(bytes.length / 1024).toFixed(0)} KiB; medians of 15 interleaved runs`);
  candidates.forEach(([name], k) => console.log(`  ${name.padEnd(40)} ${ms(median(times[k])).padStart(10)}  ${(median(times[k]) / base).toFixed(2)}× baseline`));
  console.log(`  ${'first call in a fresh process (cold)'.padEnd(40)} ${ms(cold).padStart(10)}`);

  // The command as a user runs it: Node + tsx start-up is the same for every pokin command.
  const bin = join(ROOT, 'cli', 'bin.mjs');
  const wall = (args: string[]) => { const s = performance.now(); spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'ignore' }); return performance.now() - s; };
  const help: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < 5; i++) { help.push(wall(['--help'])); cli.push(wall(['lke', 'score', FILE, '--json'])); }
  console.log('child process, medians of 5 interleaved runs');
  console.log(`  ${'pokin --help (start-up only)'.padEnd(40)} ${ms(median(help)).padStart(10)}`);
  console.log(`  ${'pokin lke score FILE --json'.padEnd(40)} ${ms(median(cli)).padStart(10)}  (+${ms(median(cli) - median(help))} over start-up)`);
  const inProcess = median(times[2]);
  console.log(`goal: score under 1 s including the ExcelJS load: ${ms(inProcess)} in-process (${inProcess < 1000 ? 'met' : 'NOT met'}), cold ${ms(cold)}`);
}

await main();
