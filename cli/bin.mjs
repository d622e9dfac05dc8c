#!/usr/bin/env node
// Entry point for the installed `pokin` command: runs the TypeScript CLI through tsx, so the
// same sources serve `npm run pokin` from a checkout and the bin.
//
// The CLI runs in a child process. When V8 runs out of memory it prints its GC log and a
// native backtrace and aborts; no JavaScript can catch that in the process itself. The parent
// passes the child's stderr through, drops that report, and says in words what happened.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { oomFilter } from './oom.mjs';

if (process.env.POKIN_CLI_CHILD === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
} else {
  const args = process.argv.slice(2);
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, POKIN_CLI_CHILD: '1' },
  });
  const filter = oomFilter((text) => process.stderr.write(text));
  child.stderr.on('data', (chunk) => filter.write(chunk.toString('utf8')));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('close', (code, signal) => {
    filter.end();
    if (filter.outOfMemory) {
      process.stderr.write(filter.message(args.includes('en') && args[args.indexOf('en') - 1] === '--lang' ? 'en' : 'id') + '\n');
      process.exitCode = 2;
    } else process.exitCode = code ?? (signal ? 2 : 0);
  });
}
