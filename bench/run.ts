/**
 * `npm run bench`: every benchmark, each in its own Node process so one's heap and JIT state
 * never colour another's figures. Each prints its ratios against a baseline measured in the
 * same run. `npm run bench -- core adopt` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = ['core', 'adopt', 'push', 'addin', 'consolidate', 'reference', 'lke', 'pengukuran', 'hostile'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = (wanted.length ? wanted : ALL).filter((n) => existsSync(`bench/${n}.ts`));
let failed = 0;
for (const name of names) {
  console.log(`\n=== bench/${name}.ts ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`bench/${name}.ts exited ${r.status}`); }
}
process.exitCode = failed ? 1 : 0;
