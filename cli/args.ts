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
    throw new UsageError(argumentError(e));
  }
}

/**
 * node:util's parseArgs answers in English with a hint about `--` that planners do not need;
 * its error codes (ERR_PARSE_ARGS_*, stable since Node 18.3) say what went wrong.
 */
function argumentError(e: unknown): Bilingual {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const option = /'(?:-\w, )?(--[^' <]+)/.exec(msg)?.[1] ?? /'(-[^' ,<]+)/.exec(msg)?.[1];
  const positional = /Unexpected argument '([^']*)'/.exec(msg)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return { id: `Opsi ${option} tidak dikenal. Lihat --help untuk opsi perintah ini.`, en: `Unknown option ${option}. See --help for this command's options.` };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(msg)
      ? { id: `Opsi ${option} memerlukan nilai (mis. ${option} NILAI).`, en: `Option ${option} needs a value (e.g. ${option} VALUE).` }
      : { id: `Opsi ${option} tidak memakai nilai.`, en: `Option ${option} takes no value.` };
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && positional !== undefined) {
    return { id: `Argumen "${positional}" tidak diharapkan di sini.`, en: `Unexpected argument "${positional}".` };
  }
  return { id: `Argumen tidak valid: ${msg}`, en: `Invalid arguments: ${msg}` };
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
