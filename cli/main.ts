/**
 * The `pokin` command line. Bad input (arguments, files) is answered with a bilingual
 * message and exit code 2, never with a stack trace; `POKIN_DEBUG=1` shows the stack of an
 * unexpected failure for developers.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { langHint, UsageError } from './args.js';
import type { CommandIO } from './commands/validate.js';
import type { Lang } from './format.js';
import { XlsxError } from '../xlsx/errors.js';

const HELP: Record<Lang, string> = {
  id: `pokin: alat pohon kinerja SAKIP

Perintah:
  validate BERKAS.xlsx [--json] [--lang id|en]   memeriksa pohon kinerja
  template KELUARAN.xlsx --pemda … --opd …       membuat buku kerja kanonik kosong
  import MASUK.xlsx --out KANONIK.xlsx            mengadopsi lembar Renstra/cascading yang sudah ada
  export KANONIK.xlsx --out KELUARAN.xlsx         membuat Matriks Cascading, PK, Validasi (juga Renaksi, Pengukuran, LKjIP)
  pengukuran BERKAS.xlsx --tahun T [--tw N]       capaian kinerja dari Rencana Aksi dan Realisasi
  push BERKAS.xlsx --api URL --token T            memvalidasi lalu mengirim pohon ke server
  pull --opd … --periode … --out BERKAS.xlsx      menarik satu versi pohon dari server
  pull --consolidated --periode … --out B.xlsx    buku kerja konsolidasi semua OPD (Bagian Organisasi)
  dev-token --role … --pemda … [--opd …]          token uji dari server lokal
  lke template|score|rekap BERKAS.xlsx            evaluasi SAKIP mandiri (LKE PermenPANRB 88/2021)
  rules [ID…]                                     daftar aturan dan cara memperbaikinya
  help [PERINTAH]                                 bantuan

Pakai "pokin PERINTAH --help" untuk rinciannya. Tambahkan --lang en untuk bahasa Inggris.`,
  en: `pokin: SAKIP performance tree tool

Commands:
  validate FILE.xlsx [--json] [--lang id|en]     check a performance tree
  template OUT.xlsx --pemda … --opd …            write an empty canonical workbook
  import IN.xlsx --out CANONICAL.xlsx             adopt an existing Renstra/cascading sheet
  export CANONICAL.xlsx --out OUT.xlsx            generate Matriks Cascading, PK, Validasi (also Renaksi, Pengukuran, LKjIP)
  pengukuran FILE.xlsx --tahun Y [--tw N]         performance capaian from Rencana Aksi and Realisasi
  push FILE.xlsx --api URL --token T              validate, then send the tree to the server
  pull --opd … --periode … --out FILE.xlsx        fetch one version of a tree from the server
  pull --consolidated --periode … --out F.xlsx    the consolidated workbook of every OPD (Bagian Organisasi)
  dev-token --role … --pemda … [--opd …]          a test token from the local server
  lke template|score|rekap FILE.xlsx              SAKIP self-assessment (LKE, PermenPANRB 88/2021)
  rules [ID…]                                     the rules and how to fix them
  help [COMMAND]                                  help

Use "pokin COMMAND --help" for details. Add --lang en for English.`,
};

/**
 * Each command is loaded when it runs: `pokin validate` never compiles the pengukuran, LKE
 * or remote commands (start-up is most of a short command's time, tsx compiling on the fly).
 */
interface Command {
  run: (args: string[], io: CommandIO) => Promise<number>;
  help: Record<Lang, string> | undefined;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => { const m = await import('./commands/validate.js'); return { run: m.runValidate, help: m.VALIDATE_HELP }; },
  template: async () => { const m = await import('./commands/template.js'); return { run: m.runTemplate, help: m.TEMPLATE_HELP }; },
  import: async () => { const m = await import('./commands/import.js'); return { run: m.runImport, help: m.IMPORT_HELP }; },
  export: async () => { const m = await import('./commands/export.js'); return { run: m.runExport, help: m.EXPORT_HELP }; },
  pengukuran: async () => { const m = await import('./commands/pengukuran.js'); return { run: m.runPengukuran, help: m.PENGUKURAN_HELP }; },
  push: async () => { const m = await import('./commands/remote.js'); return { run: m.runPush, help: m.REMOTE_HELP.push }; },
  pull: async () => { const m = await import('./commands/remote.js'); return { run: m.runPull, help: m.REMOTE_HELP.pull }; },
  'dev-token': async () => { const m = await import('./commands/remote.js'); return { run: m.runDevToken, help: m.REMOTE_HELP['dev-token'] }; },
  lke: async () => { const m = await import('./commands/lke.js'); return { run: m.runLke, help: m.LKE_HELP }; },
  rules: async () => { const m = await import('./commands/rules.js'); return { run: m.runRules, help: m.RULES_HELP }; },
};

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const lang = langHint(argv);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command.startsWith('--lang')) {
      // No command is a wrong command line (a script calling `pokin` without one must notice).
      io.err(HELP[lang]);
      return 2;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      const topic = command === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined;
      const help = topic && COMMANDS[topic] ? (await COMMANDS[topic]()).help?.[lang] : undefined;
      io.out(help || HELP[lang]);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      throw new UsageError({
        id: `Perintah tidak dikenal: "${command}". Lihat pokin --help.`, en: `Unknown command: "${command}". See pokin --help.`,
      });
    }
    return await (await load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) { io.err(lang === 'en' ? e.bilingual.en : e.bilingual.id); return 2; }
    if (e instanceof XlsxError) { io.err(e.text(lang)); return 2; }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(lang === 'en' ? `pokin: unexpected error: ${msg}` : `pokin: kesalahan tak terduga: ${msg}`);
    if (process.env.POKIN_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 2;
  }
}

function defaultIO(): CommandIO {
  // `pokin validate … | head` closes the pipe early: the reader has what it wanted, so stop
  // quietly instead of dying on EPIPE with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
}

/**
 * Run when executed (`tsx cli/main.ts`, or `cli/bin.mjs` importing this file, also through
 * the npm bin symlink), not when a test imports `main`.
 */
function isEntry(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  let real = arg;
  try { real = realpathSync(arg); } catch { /* keep the path as given */ }
  return import.meta.url === pathToFileURL(real).href || /[\\/]cli[\\/]bin\.mjs$/.test(real);
}

if (isEntry()) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
