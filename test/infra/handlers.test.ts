/**
 * The handler entry points the stack names exist, export `handler`, match the backend's
 * route table, and bundle with the stack's own esbuild settings (the only bundling in the
 * infra tests: the template tests synthesize without it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { lambdaBundling, REPO_ROOT } from '../../infra/lib/bundling.js';
import { GSI1, TTL_ATTRIBUTE } from '../../infra/lib/data.js';
import { DEPLOYED_ROUTES, entryOf, routeKey } from '../../infra/lib/routes.js';
import { ROUTES } from '../../functions/http/routes.js';
import * as storeTable from '../../functions/store/table.js';

describe('handler entry points', () => {
  it('are the routes of functions/http/routes.ts, one to one', () => {
    const backend = ROUTES.map((r) => `${r.method} ${r.path} ${r.file}`).sort();
    expect(DEPLOYED_ROUTES.map((r) => `${routeKey(r)} ${r.file}`).sort()).toEqual(backend);
  });

  it('use the TTL attribute and index name of the store', () => {
    expect(TTL_ATTRIBUTE).toBe(storeTable.TTL_ATTRIBUTE);
    expect(GSI1).toBe(storeTable.GSI1);
  });

  it('exist, export handler, and bundle with the stack settings (minified ESM for node22 + source map)', async () => {
    const b = lambdaBundling();
    expect(b.format).toBe(OutputFormat.ESM);
    expect(b.forceDockerBundling).toBe(false);
    const sizes: Record<string, number> = {};
    // One esbuild call for all entries: shared parsing makes it several times faster.
    const entryPoints = Object.fromEntries(DEPLOYED_ROUTES.map((r) => [r.file, join(REPO_ROOT, entryOf(r))]));
    for (const entry of Object.values(entryPoints)) expect(existsSync(entry), entry).toBe(true);
    const result = await build({
      entryPoints,
      outdir: '/virtual-out',
      outExtension: { '.js': '.mjs' },
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: b.target,
      mainFields: b.mainFields,
      banner: { js: b.banner ?? '' },
      minify: b.minify,
      sourcemap: b.sourceMap,
      sourcesContent: b.sourcesContent,
      external: b.externalModules,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    for (const [out, meta] of Object.entries(result.metafile.outputs)) {
      if (!out.endsWith('.mjs')) continue;
      expect(meta.exports, out).toContain('handler');
      sizes[out.replace(/^.*\//, '')] = meta.bytes;
    }
    expect(Object.keys(sizes)).toHaveLength(DEPLOYED_ROUTES.length);
    // Load each bundle as Lambda would (an ES module): catches CommonJS `require` calls that
    // only fail at run time, and module-scope code that throws without AWS credentials.
    const dir = mkdtempSync(join(tmpdir(), 'pokin-bundle-'));
    try {
      for (const f of result.outputFiles) writeFileSync(join(dir, f.path.replace(/^.*\//, '')), f.contents);
      // A plain Node process, not vitest's module runner (which could paper over `require`).
      const urls = Object.keys(sizes).map((name) => pathToFileURL(join(dir, name)).href);
      const script = `for (const u of ${JSON.stringify(urls)}) { const m = await import(u); console.log(u.replace(/^.*\\//, ''), typeof m.handler); }`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, POKIN_TABLE: 't', AWS_REGION: 'ap-southeast-3' } });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim().split('\n').sort()).toEqual(Object.keys(sizes).map((n) => `${n} function`).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A handler that pulls in the world (ExcelJS, the CLI) would show here first.
    for (const [name, bytes] of Object.entries(sizes)) expect(bytes, name).toBeLessThan(1_500_000);
    console.info('bundle sizes (bytes):', sizes);
  });
});
