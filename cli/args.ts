/** Argument errors and shared option handling for the `pokin` commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Bilingual } from '../core/issues.js';
import type { Lang } from './format.js';

/** A wrong command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
    this.name = 'UsageError';
  }
}

/** `node:util` parseArgs, with its English-only errors turned into bilingual ones. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError({ id: `Argumen tidak valid: ${msg}`, en: `Invalid arguments: ${msg}` });
  }
}

export function langOf(v: unknown): Lang {
  if (v === undefined) return 'id';
  if (v === 'id' || v === 'en') return v;
  throw new UsageError({ id: `--lang harus id atau en (bukan "${String(v)}").`, en: `--lang must be id or en (not "${String(v)}").` });
}

/** Picks the --lang value out of raw arguments, for messages printed before parsing succeeds. */
export function langHint(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'id';
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'id';
}
