/**
 * `npm run bench -- reference`: what the server pays for validating with the Kepmendagri list
 * (core/reference.ts), the same setup as the pane and the CLI.
 * - The `PUT …/tree` Lambda bundle (esbuild, node22, ESM, minified, SDK bundled) with the list
 *   and with the list stubbed out, and a fresh Node's import time of each (median of 3).
 * - In a fresh Node: the first validation of the example workbook with the list (the dynamic
 *   import plus parsing the list: a cold container's first push), then a warm one, against
 *   the same validation without the list (the baseline, measured in the same process).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f = (n: number, d = 0) => n.toFixed(d);

/** Replaces the generated list modules by an empty list: the bundle without reference data. */
const noList: Plugin = {
  name: 'no-nomenklatur-list',
  setup(b) {
    b.onResolve({ filter: /(^|[\\/])data[\\/](kepmendagri|observed)-/ }, (a) => ({ path: a.path, namespace: 'empty-list' }));
    b.onLoad({ filter: /.*/, namespace: 'empty-list' }, () => ({ contents: 'export default "";', loader: 'js' }));
  },
};

async function bundles(dir: string): Promise<void> {
  const entry = join(ROOT, 'functions', 'http', 'put-tree.ts');
  const common = {
    entryPoints: [entry], bundle: true, platform: 'node' as const, target: 'node22', format: 'esm' as const, minify: true,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent' as const,
  };
  const rows: [string, string][] = [['with list', join(dir, 'put-tree.mjs')], ['without list', join(dir, 'put-tree.nolist.mjs')]];
  await build({ ...common, outfile: rows[0][1] });
  await build({ ...common, outfile: rows[1][1], plugins: [noList] });
  console.log('## put-tree Lambda bundle (esbuild, node22, ESM, minified, SDK bundled)');
  console.log('variant      | KB     | import ms (fresh node, median of 3)');
  const sizes: number[] = [];
  const times: number[] = [];
  for (const [name, file] of rows) {
    const kb = (await stat(file)).size / 1024;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e',
        `const t = performance.now(); const m = await import(${JSON.stringify(file)}); if (typeof m.handler !== 'function') throw new Error('no handler'); console.log(performance.now() - t);`],
      { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'ap-southeast-3' } });
      runs.push(Number(out.trim()));
    }
    sizes.push(kb);
    times.push(median(runs));
    console.log(`${name.padEnd(12)} | ${f(kb).padStart(6)} | ${f(median(runs)).padStart(6)}`);
  }
  console.log(`ratio with/without: size ${f(sizes[0] / sizes[1], 2)}×, import ${f(times[0] / times[1], 2)}×`);
}

/** In a fresh process: the cold and warm cost of validating with the list, against without. */
function firstPush(): void {
  const script = `
    import { readXlsx } from './xlsx/read.ts';
    import { readWorkbook } from './core/read/index.ts';
    import { validateTree } from './core/validate.ts';
    import { referenceFor } from './core/reference.ts';
    const { snapshot } = await readXlsx('examples/dinkes-dengan-kesalahan.xlsx');
    const time = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
    const run = async (withList) => {
      const read = readWorkbook(snapshot);
      const ref = withList ? await referenceFor(read.tree.config.versiNomenklatur) : {};
      return validateTree(read.tree, read.issues, ref);
    };
    const base = []; for (let i = 0; i < 5; i++) base.push(await time(() => run(false)));
    const cold = await time(() => run(true));
    const warm = []; for (let i = 0; i < 5; i++) warm.push(await time(() => run(true)));
    const m = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(JSON.stringify({ base: m(base), cold, warm: m(warm) }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop() as string) as { base: number; cold: number; warm: number };
  console.log('\n## validation of examples/dinkes-dengan-kesalahan.xlsx (62 boxes), fresh Node');
  console.log(`without list (baseline, median of 5): ${f(r.base, 1)} ms`);
  console.log(`with list, first (import + parse the list: a cold container's first push): ${f(r.cold, 1)} ms = ${f(r.cold / r.base, 1)}× baseline`);
  console.log(`with list, warm (median of 5): ${f(r.warm, 1)} ms = ${f(r.warm / r.base, 2)}× baseline`);
}

const dir = await mkdtemp(join(tmpdir(), 'pokin-ref-'));
try {
  await bundles(dir);
  firstPush();
} finally {
  await rm(dir, { recursive: true, force: true });
}
