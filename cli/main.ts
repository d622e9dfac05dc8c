/**
 * The `pokin` command line. Bad input (arguments, files) is answered with a bilingual
 * message and exit code 2, never with a stack trace; `POKIN_DEBUG=1` shows the stack of an
 * unexpected failure for developers.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { langHint, UsageError } from './args.js';
import { EXPORT_HELP, runExport } from './commands/export.js';
import { IMPORT_HELP, runImport } from './commands/import.js';
import { LKE_HELP, runLke } from './commands/lke.js';
import { PENGUKURAN_HELP, runPengukuran } from './commands/pengukuran.js';
import { REMOTE_HELP, runDevToken, runPull, runPush } from './commands/remote.js';
import { RULES_HELP, runRules } from './commands/rules.js';
import { runTemplate, TEMPLATE_HELP } from './commands/template.js';
import { runValidate, VALIDATE_HELP, type CommandIO } from './commands/validate.js';
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

const COMMAND_HELP: Record<string, Record<Lang, string>> = {
  validate: VALIDATE_HELP, template: TEMPLATE_HELP, import: IMPORT_HELP, export: EXPORT_HELP, pengukuran: PENGUKURAN_HELP, lke: LKE_HELP, rules: RULES_HELP,
  ...REMOTE_HELP,
};

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const lang = langHint(argv);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': return await runValidate(rest, io);
      case 'template': return await runTemplate(rest, io);
      case 'import': return await runImport(rest, io);
      case 'export': return await runExport(rest, io);
      case 'pengukuran': return await runPengukuran(rest, io);
      case 'push': return await runPush(rest, io);
      case 'pull': return await runPull(rest, io);
      case 'dev-token': return await runDevToken(rest, io);
      case 'lke': return await runLke(rest, io);
      case 'rules': return await runRules(rest, io);
      case undefined: case 'help': case '--help': case '-h': {
        const topic = command === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined;
        io.out((topic && COMMAND_HELP[topic]?.[lang]) || HELP[lang]);
        return 0;
      }
      default:
        throw new UsageError({
          id: `Perintah tidak dikenal: "${command}". Lihat pokin --help.`, en: `Unknown command: "${command}". See pokin --help.`,
        });
    }
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
