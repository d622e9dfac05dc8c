/**
 * `pokin export CANONICAL.xlsx --out OUT.xlsx [--sheets matriks,level,pk,validasi] [--tahun 2026]`:
 * writes the canonical tables again plus the generated sheets of SAKIP.md §4.3 (Matriks
 * Cascading, the level table view, one PK per position, Validasi). The Validasi links point
 * into the same output workbook, so the tables are rewritten at A1 of their own sheets.
 * Exit 0: written; 2: unusable arguments or file.
 */
import ExcelJS from 'exceljs';
import { ALL_DERIVED_KINDS, DERIVED_KINDS, deriveSheets, PENGUKURAN_KINDS, type DerivedKind } from '../../core/derive/index.js';
import { tahunTersedia } from '../../core/pengukuran/index.js';
import type { Triwulan } from '../../core/pengukuran/model.js';
import { workbookTables } from '../../core/layout/pengukuran.js';
import { headerKey } from '../../core/layout/tables.js';
import type { TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { validateSnapshot } from '../../core/validate.js';
import { langOf, parse, UsageError } from '../args.js';
import { describeSheets, summaryLine, type Lang } from '../format.js';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsx } from '../../xlsx/read.js';
import { renderSheets } from '../../xlsx/render.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import type { CommandIO } from './validate.js';

export const EXPORT_HELP: Record<Lang, string> = {
  id: `pokin export KANONIK.xlsx --out KELUARAN.xlsx [--sheets matriks,level,pk,validasi] [--tahun TTTT] [--tempat KOTA] [--lang id|en]
       [--sheets renaksi,pengukuran,lkjip --tahun TTTT --tw N]

  Menulis tabel kanonik beserta lembar turunan: Matriks Cascading, Tabel Level, PK <tahun> <ID Jabatan>
  untuk setiap jabatan pemilik kotak, dan Validasi. --tahun memilih tahun PK (bawaan: tahun awal periode).
  Atas permintaan: Renaksi <tahun> <ID Jabatan>, Pengukuran <tahun> TW<n> (--tw, bawaan triwulan terakhir
  yang dilaporkan) dan tabel LKjIP (memeriksa juga L01–L03).`,
  en: `pokin export CANONICAL.xlsx --out OUT.xlsx [--sheets matriks,level,pk,validasi] [--tahun YYYY] [--tempat CITY] [--lang id|en]
       [--sheets renaksi,pengukuran,lkjip --tahun YYYY --tw N]

  Writes the canonical tables and the generated sheets: Matriks Cascading, the level table, a
  PK <year> <ID Jabatan> for every position that owns boxes, and Validasi. --tahun picks the PK year
  (default: the first year of the period). On request: Renaksi <year> <ID Jabatan>, Pengukuran <year>
  TW<n> (--tw, default the latest reported quarter) and the LKjIP tables (also checking L01–L03).`,
};

const stdio: CommandIO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** The tables moved to A1 of their canonical sheets, as the output workbook holds them. */
export function placedSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const specs = workbookTables([]);
  const tables: TableSnapshot[] = [];
  for (const t of snapshot.tables) {
    const spec = specs.find((s) => t.name !== undefined && headerKey(s.table) === headerKey(t.name));
    if (!spec) continue;
    const { merges: _merges, ...rest } = t;
    tables.push({ ...rest, sheet: spec.sheet, name: spec.table, address: 'A1' });
  }
  return { tables };
}

function kindsOf(v: string | undefined): DerivedKind[] {
  if (v === undefined) return [...DERIVED_KINDS];
  const out: DerivedKind[] = [];
  for (const part of v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!(ALL_DERIVED_KINDS as readonly string[]).includes(part)) {
      throw new UsageError({ id: `--sheets: "${part}" tidak dikenal (pilihan: ${ALL_DERIVED_KINDS.join(', ')}).`, en: `--sheets: unknown "${part}" (choices: ${ALL_DERIVED_KINDS.join(', ')}).` });
    }
    out.push(part as DerivedKind);
  }
  return out;
}

export async function runExport(argv: string[], io: CommandIO = stdio): Promise<number> {
  let lang: Lang = 'id';
  try {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' }, sheets: { type: 'string' }, tahun: { type: 'string' }, tw: { type: 'string' }, tempat: { type: 'string' },
      lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) { io.out(EXPORT_HELP[lang]); return 0; }
    if (positionals.length !== 1 || !values.out) {
      throw new UsageError({ id: 'Pakai: pokin export KANONIK.xlsx --out KELUARAN.xlsx', en: 'Usage: pokin export CANONICAL.xlsx --out OUT.xlsx' });
    }
    const kinds = kindsOf(values.sheets);
    const file = positionals[0];
    const read = await readXlsx(file);
    if (!read.snapshot.tables.some((t) => t.name === 'PohonKinerja')) {
      const msg = lang === 'en'
        ? `${file}: no PohonKinerja table (run pokin import first). Sheets found:`
        : `${file}: tabel PohonKinerja tidak ditemukan (jalankan pokin import dahulu). Lembar yang ada:`;
      io.err(`${msg}\n${describeSheets(read.sheets, lang)}`);
      return 2;
    }
    const placed = placedSnapshot(read.snapshot);
    const pengukuran = kinds.some((k) => (PENGUKURAN_KINDS as readonly string[]).includes(k));
    let result = validateSnapshot(placed, { final: kinds.includes('pk') });
    const years = result.tree.config.years;
    let tahun: number | undefined;
    if (values.tahun !== undefined) {
      tahun = Number(values.tahun);
      if (!years.includes(tahun)) {
        throw new UsageError({
          id: `--tahun ${values.tahun} di luar periode (${years.join(', ') || 'periode kosong'}).`,
          en: `--tahun ${values.tahun} is outside the period (${years.join(', ') || 'no period'}).`,
        });
      }
    } else if (pengukuran) {
      tahun = tahunTersedia(result.tree).at(-1);
    }
    const tw = values.tw === undefined ? undefined : Number(String(values.tw).replace(/^tw/i, ''));
    if (tw !== undefined && ![1, 2, 3, 4].includes(tw)) {
      throw new UsageError({ id: `--tw harus 1, 2, 3 atau 4 (bukan "${values.tw}").`, en: `--tw must be 1, 2, 3 or 4 (not "${values.tw}").` });
    }
    // The LKjIP rules (L01–L03) judge the year whose LKjIP is generated.
    if (kinds.includes('lkjip') && tahun !== undefined) result = validateSnapshot(placed, { final: kinds.includes('pk'), lkjip: tahun });
    const specs = deriveSheets(result.tree, result.issues, {
      sheets: kinds, lang, ...(tahun !== undefined ? { tahun } : {}), ...(values.tempat ? { pk: { tempat: values.tempat } } : {}),
      ...(tw !== undefined ? { pengukuran: { tw: tw as Triwulan } } : {}),
    });
    const wb: ExcelJS.Workbook = buildCanonicalWorkbook(placed, result.tree.config);
    renderSheets(wb, specs);
    await wb.xlsx.writeFile(values.out);
    const names = specs.map((s) => s.name);
    io.out(lang === 'en'
      ? `${values.out}: ${names.length} sheets generated (${names.join(', ')}).\n${summaryLine(result.summary, lang)}`
      : `${values.out}: ${names.length} lembar dibuat (${names.join(', ')}).\n${summaryLine(result.summary, lang)}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { io.err(lang === 'en' ? e.bilingual.en : e.bilingual.id); return 2; }
    if (e instanceof XlsxError) { io.err(e.text(lang)); return 2; }
    throw e;
  }
}
