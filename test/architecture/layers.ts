/**
 * The layering of ARCHITECTURE.md §1 as data, and a checker over import specifiers: one pure
 * core, adapters beside each other (xlsx/, client/, addin/office, functions/store), and the
 * programs on top (cli/, the pane, the Lambda handlers). Nothing points up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

/** Top-level folder → the top-level folders (and packages) it may import. */
export const ALLOWED: Record<string, { folders: string[]; nodeBuiltins: boolean; packages?: RegExp }> = {
  // Pure TypeScript: runs in the pane, in Lambda and in the CLI. No Node APIs, no packages.
  core: { folders: ['core'], nodeBuiltins: false, packages: /^$/ },
  // The ExcelJS workbook adapter: for the CLI, the preview pane and the API client.
  xlsx: { folders: ['core', 'xlsx'], nodeBuiltins: true },
  // The API client: for the CLI and the pane.
  client: { folders: ['core', 'xlsx', 'client'], nodeBuiltins: true },
  // What runs in Lambda or the local stack: never the pane, the CLI or the client.
  functions: { folders: ['core', 'functions'], nodeBuiltins: true },
  cli: { folders: ['core', 'xlsx', 'client', 'cli'], nodeBuiltins: true },
  // The task pane runs in a webview: no Node built-ins, never the server or the CLI.
  addin: { folders: ['core', 'xlsx', 'client', 'addin'], nodeBuiltins: false },
  infra: { folders: ['infra', 'functions', 'core'], nodeBuiltins: true },
};

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const SPEC = /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]/g;

/** Every import/export specifier in a source text (static, side-effect and dynamic). */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(SPEC)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The violations of one file, given its path relative to the repository root (posix). */
export function checkFile(file: string, source: string): Violation[] {
  const top = file.split('/')[0];
  const rule = ALLOWED[top];
  if (!rule) return [];
  const out: Violation[] = [];
  for (const spec of specifiers(source)) {
    if (spec.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      const folder = target.split('/')[0];
      if (target.startsWith('..')) out.push({ file, specifier: spec, reason: 'points outside the repository' });
      else if (!rule.folders.includes(folder)) out.push({ file, specifier: spec, reason: `${top}/ may not import ${folder}/` });
      // The pane's dev tooling aside, addin/ code runs in a webview.
    } else if (spec.startsWith('node:')) {
      if (!rule.nodeBuiltins) out.push({ file, specifier: spec, reason: `${top}/ may not use Node built-ins` });
    } else if (rule.packages && !rule.packages.test(spec)) {
      out.push({ file, specifier: spec, reason: `${top}/ may not import packages` });
    }
  }
  return out;
}

function walk(dir: string, acc: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'cdk.out' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, acc);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) acc.push(p);
  }
  return acc;
}

/** Every violation in the repository at `root`. */
export function checkRepository(root: string): Violation[] {
  const out: Violation[] = [];
  for (const top of Object.keys(ALLOWED)) {
    let files: string[] = [];
    try { files = walk(join(root, top), []); } catch { continue; }
    for (const f of files) {
      const rel = relative(root, f).split(sep).join('/');
      out.push(...checkFile(rel, readFileSync(f, 'utf8')));
    }
  }
  return out;
}

/** The repository root, from a file in test/architecture/. */
export const repositoryRoot = (here: string) => dirname(dirname(dirname(here)));
