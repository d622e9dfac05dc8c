/**
 * Push benchmark against the local stack (`npx tsx bench/push.ts`): trees of 500, 2,000 and
 * 10,000 boxes. Prints latency (p50/p95, per 1,000 boxes), the write capacity units DynamoDB
 * (dynalite) reports per push (puts, updates and deletes) and their ratio to ceil(compressed
 * KB) — the design's "about one write unit per KB", goal ≤ 1.1× — then the esbuild bundle of
 * each Lambda handler: size, and import time in a fresh Node process.
 */
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { apiOf, pushBody } from '../client/api.js';
import { ROUTES } from '../functions/http/routes.js';
import { startApiServer } from '../functions/local/server.js';
import { GENERATED_KODE_OPD, generateSnapshot } from '../test/helpers/generate.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SIZES: [boxes: number, pushes: number][] = [[500, 12], [2_000, 8], [10_000, 4]];
const ref = { pemda: '35.19', periode: '2025-2029', opd: GENERATED_KODE_OPD };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (n: number, d = 1) => n.toFixed(d);

async function pushes(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pokin-bench-'));
  let wcu = 0;
  const api = await startApiServer({
    port: 0, dataDir: dir, inMemory: true, log: () => {},
    storeOptions: { onCapacity: (u, op) => { if (/Put|Update|Delete/.test(op)) wcu += u; } },
  });
  try {
    const token = await apiOf({ api: api.url }).devToken({ role: 'perencana', pemda: ref.pemda, opd: ref.opd });
    console.log('\n## Pushes (chunks written once, without a TTL; goal: WCU / ceil(gzip KB) ≤ 1.1)');
    console.log('boxes  | JSON MB | gzip KB | JSON/gzip | p50 ms | p95 ms | ms/1k boxes | WCU/push | WCU / ceil(gzip KB)');
    let base = 0;
    for (const [boxes, n] of SIZES) {
      const tree = withoutShippedList(generateSnapshot(boxes));
      const json = JSON.stringify(tree);
      const gzKb = gzipSync(json).length / 1024;
      const times: number[] = [];
      const units: number[] = [];
      for (let i = 0; i < n; i++) {
        wcu = 0;
        const t0 = performance.now();
        const r = await apiOf({ api: api.url, token }).push(ref, pushBody(tree, base));
        times.push(performance.now() - t0);
        units.push(wcu);
        base = r.answer.version;
      }
      const meanWcu = units.reduce((a, b) => a + b, 0) / units.length;
      console.log([
        String(boxes).padEnd(6), f(json.length / 1e6, 2).padStart(7), f(gzKb, 0).padStart(7), f(json.length / 1024 / gzKb, 1).padStart(9),
        f(pct(times, 50), 0).padStart(6), f(pct(times, 95), 0).padStart(6), f(pct(times, 50) / (boxes / 1000), 0).padStart(11),
        f(meanWcu, 0).padStart(8), f(meanWcu / Math.ceil(gzKb), 2).padStart(19) + (meanWcu / Math.ceil(gzKb) <= 1.1 ? '  ok' : '  ABOVE GOAL'),
      ].join(' | '));
    }
  } finally {
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function bundles(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pokin-bundle-'));
  console.log('\n## Lambda bundles (esbuild, node22, ESM, minified; SDK bundled | SDK external as in the nodejs22.x runtime)');
  console.log('handler        | bundled KB | external KB | import ms (fresh node, bundled) | import ms / bundled MB');
  try {
    for (const route of ROUTES) {
      const entry = join(import.meta.dirname, '..', 'functions', 'http', `${route.file}.ts`);
      const common = {
        entryPoints: [entry], bundle: true, platform: 'node' as const, target: 'node22', format: 'esm' as const, minify: true,
        // CommonJS dependencies call require(); an ESM bundle needs one.
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        logLevel: 'silent' as const,
      };
      const full = join(dir, `${route.file}.mjs`);
      const ext = join(dir, `${route.file}.ext.mjs`);
      await build({ ...common, outfile: full });
      await build({ ...common, outfile: ext, external: ['@aws-sdk/*'] });
      const fullKb = (await stat(full)).size / 1024;
      const extKb = (await stat(ext)).size / 1024;
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const out = execFileSync(process.execPath, ['--input-type=module', '-e',
          `const t = performance.now(); const m = await import(${JSON.stringify(full)}); if (typeof m.handler !== 'function') throw new Error('no handler'); console.log(performance.now() - t);`],
        { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'ap-southeast-3' } });
        runs.push(Number(out.trim()));
      }
      const ms = pct(runs, 50);
      console.log(`${route.file.padEnd(14)} | ${f(fullKb, 0).padStart(10)} | ${f(extKb, 0).padStart(11)} | ${f(ms, 0).padStart(31)} | ${f(ms / (fullKb / 1024), 0).padStart(22)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log('# Pokin push benchmark (local stack: node:http adapter + dynalite; latency includes client gzip and HTTP)');
await pushes();
await bundles();

/**
 * The generator's codes are made up; under a `Versi Nomenklatur` Pokin ships, the server refuses
 * them (N03, since the server validates with the Kepmendagri list). A version it does not ship
 * turns N03 into a warning, so the push measures the commit, not a refusal.
 */
function withoutShippedList(s: WorkbookSnapshot): WorkbookSnapshot {
  for (const t of s.tables) if (t.name === 'Info') for (const row of t.rows) if (row[0] === 'Versi Nomenklatur') row[1] = 'Daftar nomenklatur pemda (bench)';
  return s;
}
