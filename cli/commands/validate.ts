/**
 * `pokin validate FILE.xlsx [--json] [--lang id|en]`: reads the workbook, validates it with
 * `core/`, prints the issues. Exit 0 = no error, 1 = errors found, 2 = the file is unusable.
 */
import { validateWithReference } from '../../core/reference.js';
import { langOf, parse, UsageError } from '../args.js';
import { describeSheets, humanReport, toJson, type Lang } from '../format.js';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsx, readXlsxWorkbook } from '../../xlsx/read.js';
import { rawSheet } from '../../xlsx/sheet.js';
import { parsePkSheetName } from '../../core/derive/pk.js';

export const VALIDATE_HELP: Record<Lang, string> = {
  id: `pokin validate BERKAS.xlsx [--json] [--final] [--pemda-tree P.xlsx] [--lang id|en]

  Memeriksa pohon kinerja di buku kerja kanonik (SAKIP.md §4) dengan semua aturan §5.
  --json         keluaran JSON: {"summary":{…},"issues":[…]}
  --final        juga aturan finalisasi (J04, P01–P03, B05, X03), seperti sebelum dikirim; P01 membandingkan lembar PK dengan pohon
  --pemda-tree P.xlsx  buku kerja pohon pemda (Kode OPD PEMDA): Ref Pemda diperiksa terhadap Sasaran Pemda-nya (T06)
  --lang id|en   bahasa pesan (bawaan: id)
  Kode keluar: 0 tanpa error, 1 ada error, 2 berkas tidak dapat dipakai.`,
  en: `pokin validate FILE.xlsx [--json] [--final] [--pemda-tree P.xlsx] [--lang id|en]

  Checks the performance tree in a canonical workbook (SAKIP.md §4) with every rule of §5.
  --json         JSON output: {"summary":{…},"issues":[…]}
  --final        also the finalisation rules (J04, P01–P03, B05, X03), as before a push; P01 compares the PK sheets with the tree
  --pemda-tree P.xlsx  the pemda tree's workbook (Kode OPD PEMDA): Ref Pemda is checked against its Sasaran Pemda (T06)
  --lang id|en   message language (default: id)
  Exit codes: 0 no errors, 1 errors found, 2 the file cannot be used.`,
};

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function runValidate(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' }, final: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    'pemda-tree': { type: 'string' },
  });
  const lang = langOf(values.lang);
  if (values.help) { io.out(VALIDATE_HELP[lang]); return 0; }
  if (positionals.length !== 1) {
    throw new UsageError({
      id: 'Sebutkan tepat satu berkas: pokin validate BERKAS.xlsx', en: 'Name exactly one file: pokin validate FILE.xlsx',
    });
  }
  const file = positionals[0];
  const unusable = (code: string, message: string, detail?: string) => {
    if (values.json) io.out(JSON.stringify({ error: { code, message } }));
    else io.err(detail ? `${message}\n${detail}` : message);
    return 2;
  };
  let read;
  let wb;
  try {
    ({ read, wb } = await readXlsxWorkbook(file, [], { merges: 'report' }));
  } catch (e) {
    if (e instanceof XlsxError) return unusable(e.code, e.text(lang));
    throw e;
  }
  const names = new Set(read.snapshot.tables.map((t) => t.name));
  // Without a tree table there is nothing to validate: say what the workbook does hold.
  if (!names.has('PohonKinerja') && !names.has('Indikator')) {
    const msg = lang === 'en'
      ? `${file}: no canonical table found (PohonKinerja, Indikator; see SAKIP.md §4). Sheets found:`
      : `${file}: tabel kanonik tidak ditemukan (PohonKinerja, Indikator; lihat SAKIP.md §4). Lembar yang ada:`;
    return unusable('no-tables', `${msg}\n${describeSheets(read.sheets, lang)}`);
  }
  let pemdaTree = null;
  if (values['pemda-tree']) {
    try {
      pemdaTree = (await readXlsx(values['pemda-tree'])).snapshot;
    } catch (e) {
      if (e instanceof XlsxError) return unusable(e.code, e.text(lang));
      throw e;
    }
  }
  // The same setup as the pane and the server: the Kepmendagri list of the Info's version
  // (lazily loaded) and, when given, the pemda tree's Sasaran Pemda IDs.
  // P01 compares the PK sheets the workbook holds with the tree (Final rules only).
  const pkSheets = values.final ? wb.worksheets.filter((w) => parsePkSheetName(w.name)).map((w) => rawSheet(w)) : [];
  const result = await validateWithReference(read.snapshot, { final: values.final === true, pemdaTree, pkSheets });
  if (values.json) io.out(JSON.stringify(toJson(result.summary, result.issues, lang)));
  else {
    io.out(humanReport(file, result.summary, result.issues, lang));
    // Help where the user is: how to fix what was found (the rule catalogue).
    const rules = [...new Set(result.issues.map((i) => i.rule))].sort();
    if (rules.length) io.out(lang === 'en' ? `How to fix: pokin rules ${rules.join(' ')} --lang en` : `Cara memperbaikinya: pokin rules ${rules.join(' ')}`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}
