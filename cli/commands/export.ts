/**
 * `pokin export CANONICAL.xlsx --out OUT.xlsx [--sheets matriks,level,pk,validasi] [--tahun 2026] …`:
 * writes the canonical tables again plus the generated sheets of SAKIP.md §4.3 (Matriks
 * Cascading, the level table view, one PK per position, Validasi). The Validasi links point
 * into the same output workbook, so the tables are rewritten at A1 of their own sheets.
 *
 * PKs are signed documents: they are refused while the tree has errors (exit 1, nothing
 * written) unless `--draf`, which stamps every page DRAF. A PK Perubahan is requested with
 * `--perubahan --tanggal TANGGAL --alasan TEKS`: it becomes `PKP <tahun> <ID>` (`PKP2 …` for
 * the next change), carrying that date and reason on its pages, and every PK sheet the input
 * workbook already holds is copied over unchanged, so the earlier PK is kept.
 * Exit 0: written; 1: PK refused (errors in the tree); 2: unusable arguments or file.
 */
import ExcelJS from 'exceljs';
import {
  ALL_DERIVED_KINDS, DERIVED_KINDS, DRAF_TEXT, deriveSheets, parsePkSheetName, pkGate, pkSpecs, PAPERS, PENGUKURAN_KINDS,
  type DerivedKind, type Paper,
} from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import { workbookTables } from '../../core/layout/pengukuran.js';
import { headerKey } from '../../core/layout/tables.js';
import { tahunTersedia } from '../../core/pengukuran/index.js';
import type { Triwulan } from '../../core/pengukuran/model.js';
import type { TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import { langOf, parse, UsageError } from '../args.js';
import { describeSheets, location, summaryLine, type Lang } from '../format.js';
import { copyWorksheet } from '../../xlsx/copy.js';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsxWorkbook } from '../../xlsx/read.js';
import { renderSheets } from '../../xlsx/render.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import type { CommandIO } from './validate.js';
import { validateWithReference } from '../../core/reference.js';

export const EXPORT_HELP: Record<Lang, string> = {
  id: `pokin export KANONIK.xlsx --out KELUARAN.xlsx [--sheets matriks,level,pk,validasi] [--tahun TTTT]
       [--kertas A4|A3|F4] [--per-sasaran] [--tempat KOTA] [--jabatan ID,ID] [--draf]
       [--perubahan --tanggal TANGGAL --alasan TEKS] [--lang id|en]
       [--sheets renaksi,pengukuran,lkjip --tahun TTTT --tw N]

  Menulis tabel kanonik beserta lembar turunan: Matriks Cascading, Tabel Level, PK <tahun> <ID Jabatan>
  untuk setiap jabatan pemilik kotak, dan Validasi.
  --tahun        tahun PK (bawaan: tahun awal periode); Matriks hanya memuat tahun ini (tanpa --tahun: seluruh periode)
  --kertas       kertas Matriks dan Tabel Level (lanskap; bawaan A4); PK memakai A4, atau F4 (Folio 215 × 330 mm)
  --per-sasaran  Matriks dengan pita per Tujuan dan Sasaran Strategis (lebih lebar untuk dicetak)
  --tempat       tempat penandatanganan PK (bawaan: Info "Tempat Penandatanganan")
  --jabatan      PK hanya untuk jabatan ini
  --draf         PK dibuat walau pohon masih memuat error; setiap halaman bercap DRAF
  --perubahan    PK Perubahan (PKP <tahun> <ID>) dengan --tanggal dan --alasan; PK sebelumnya dalam berkas tetap disimpan
  Atas permintaan (--sheets): Renaksi <tahun> <ID Jabatan>, Pengukuran <tahun> TW<n> (--tw, bawaan triwulan
  terakhir yang dilaporkan) dan tabel LKjIP (memeriksa juga L01–L03).

  Exit: 0 ditulis, 1 PK ditolak karena pohon memuat error (tidak ada yang ditulis), 2 argumen atau berkas tidak dapat dipakai.`,
  en: `pokin export CANONICAL.xlsx --out OUT.xlsx [--sheets matriks,level,pk,validasi] [--tahun YYYY]
       [--kertas A4|A3|F4] [--per-sasaran] [--tempat CITY] [--jabatan ID,ID] [--draf]
       [--perubahan --tanggal DATE --alasan TEXT] [--lang id|en]
       [--sheets renaksi,pengukuran,lkjip --tahun YYYY --tw N]

  Writes the canonical tables and the generated sheets: Matriks Cascading, the level table, a
  PK <year> <ID Jabatan> for every position that owns boxes, and Validasi.
  --tahun        the PK year (default: the first year of the period); the Matriks shows this year only (without it: the period)
  --kertas       paper of the Matriks and level table (landscape; default A4); PKs use A4, or F4 (Folio 215 × 330 mm)
  --per-sasaran  Matriks with a band per Tujuan and Sasaran Strategis (wider columns on paper)
  --tempat       place of signing (default: Info "Tempat Penandatanganan")
  --jabatan      PKs for these positions only
  --draf         PKs even though the tree still has errors; every page stamped DRAF
  --perubahan    a PK Perubahan (PKP <year> <ID>) with --tanggal and --alasan; earlier PKs in the file are kept
  On request (--sheets): Renaksi <year> <ID Jabatan>, Pengukuran <year> TW<n> (--tw, default the latest
  reported quarter) and the LKjIP tables (also checking L01–L03).

  Exit: 0 written, 1 PK refused because the tree has errors (nothing written), 2 unusable arguments or file.`,
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

function paperOf(v: string | undefined): Paper | undefined {
  if (v === undefined) return undefined;
  const p = PAPERS.find((x) => x.toLowerCase() === v.trim().toLowerCase());
  if (!p) throw new UsageError({ id: `--kertas harus ${PAPERS.join(', ')} (bukan "${v}").`, en: `--kertas must be ${PAPERS.join(', ')} (not "${v}").` });
  return p;
}

/** Why no PK may be generated: the errors, listed like `pokin validate` does (first 10). */
function refusal(errors: readonly Issue[], summary: string, lang: Lang): string {
  const shown = errors.slice(0, 10).map((i) => `  ${location(i.sheet, i.cell)}  ${i.rule}${i.id ? ` [${i.id}]` : ''}  ${lang === 'en' ? i.messageEn : i.message}`);
  const more = errors.length > 10 ? [lang === 'en' ? `  … and ${errors.length - 10} more (pokin validate)` : `  … dan ${errors.length - 10} lagi (pokin validate)`] : [];
  const head = lang === 'en'
    ? `No PK generated: the tree has ${errors.length} errors. A PK is a signed document; fix the errors first, or add --draf for a copy stamped DRAF on every page.`
    : `PK tidak dibuat: pohon memuat ${errors.length} error. PK adalah dokumen yang ditandatangani; perbaiki errornya dahulu, atau tambahkan --draf untuk salinan bercap DRAF di setiap halaman.`;
  return [head, ...shown, ...more, summary].join('\n');
}

/**
 * The page break of a PK sheet, before its lampiran (after the statement page's signatures
 * and the blank row below them: `pkSheet`'s layout). ExcelJS does not read page breaks back
 * (exceljs/exceljs#2249), so a kept PK gets its break from its content.
 */
function lampiranBreak(ws: ExcelJS.Worksheet): number[] {
  let title = 0;
  ws.eachRow((row, n) => { if (!title && /^LAMPIRAN PERJANJIAN KINERJA/.test(String(row.getCell(1).value ?? ''))) title = n; });
  if (!title) return [];
  const draf = String(ws.getRow(title - 1).getCell(1).value ?? '').startsWith(DRAF_TEXT);
  return [title - (draf ? 3 : 2)];
}

export async function runExport(argv: string[], io: CommandIO = stdio): Promise<number> {
  let lang: Lang = 'id';
  try {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' }, sheets: { type: 'string' }, tahun: { type: 'string' }, tw: { type: 'string' }, tempat: { type: 'string' },
      kertas: { type: 'string' }, 'per-sasaran': { type: 'boolean' }, jabatan: { type: 'string' }, draf: { type: 'boolean' },
      perubahan: { type: 'boolean' }, tanggal: { type: 'string' }, alasan: { type: 'string' },
      lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) { io.out(EXPORT_HELP[lang]); return 0; }
    if (positionals.length !== 1 || !values.out) {
      throw new UsageError({ id: 'Pakai: pokin export KANONIK.xlsx --out KELUARAN.xlsx', en: 'Usage: pokin export CANONICAL.xlsx --out OUT.xlsx' });
    }
    const kinds = kindsOf(values.sheets);
    const kertas = paperOf(values.kertas);
    if (values.perubahan && (!values.tanggal?.trim() || !values.alasan?.trim())) {
      throw new UsageError({
        id: '--perubahan memerlukan --tanggal (tanggal penandatanganan) dan --alasan (mis. "Perubahan anggaran (DPPA 2026)").',
        en: '--perubahan needs --tanggal (the signing date) and --alasan (e.g. "Perubahan anggaran (DPPA 2026)").',
      });
    }
    const file = positionals[0];
    const { read, wb: input } = await readXlsxWorkbook(file);
    if (!read.snapshot.tables.some((t) => t.name === 'PohonKinerja')) {
      const msg = lang === 'en'
        ? `${file}: no PohonKinerja table (run pokin import first). Sheets found:`
        : `${file}: tabel PohonKinerja tidak ditemukan (jalankan pokin import dahulu). Lembar yang ada:`;
      io.err(`${msg}\n${describeSheets(read.sheets, lang)}`);
      return 2;
    }
    const placed = placedSnapshot(read.snapshot);
    const withPk = kinds.includes('pk');
    const pengukuran = kinds.some((k) => (PENGUKURAN_KINDS as readonly string[]).includes(k));
    // The same validation as `pokin validate --final`, reference list included.
    let result = await validateWithReference(placed, { final: withPk });
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
    if (kinds.includes('lkjip') && tahun !== undefined) result = await validateWithReference(placed, { final: withPk, lkjip: tahun });
    // A PK is judged by the finalisation rules (as `pokin validate --final`): say so, since the
    // counts differ from a plain `pokin validate` of the same file.
    const summary = summaryLine(result.summary, lang) + (withPk ? (lang === 'en' ? ' (finalisation check, as pokin validate --final)' : ' (pemeriksaan finalisasi, seperti pokin validate --final)') : '');
    // The same decision as the pane's (core/derive/pk-gate.ts).
    const gate = pkGate(result.issues, { draf: values.draf === true });
    if (withPk && !gate.boleh) {
      io.err(refusal(gate.errors, summary, lang));
      return 1;
    }
    const only = values.jabatan ? values.jabatan.split(',').map((s) => s.trim()).filter(Boolean) : null;
    const specs = deriveSheets(result.tree, result.issues, {
      sheets: kinds.filter((k) => k !== 'pk'), lang, ...(tahun !== undefined ? { tahun } : {}),
      matriks: { ...(kertas ? { kertas } : {}), perSasaran: values['per-sasaran'] === true },
      level: kertas ? { kertas } : {},
      ...(tw !== undefined ? { pengukuran: { tw: tw as Triwulan } } : {}),
    });
    const existing = input.worksheets.map((w) => w.name);
    let skipped: { id: string; boxes: string[] }[] = [];
    const pkYear = tahun ?? years[0];
    if (withPk && pkYear !== undefined) {
      const pk = pkSpecs(result.tree, {
        tahun: pkYear, only,
        opts: { ...(values.tempat ? { tempat: values.tempat } : {}), kertas: kertas === 'F4' ? 'F4' : 'A4', draf: gate.boleh && gate.draf },
        perubahan: values.perubahan ? { tanggal: values.tanggal!.trim(), alasan: values.alasan!.trim() } : null,
      }, existing);
      // PKs before Validasi, as deriveSheets orders them.
      const at = specs.findIndex((s) => s.name === 'Validasi');
      specs.splice(at < 0 ? specs.length : at, 0, ...pk.specs);
      skipped = pk.skipped;
    }
    const wb: ExcelJS.Workbook = buildCanonicalWorkbook(placed, result.tree.config);
    // PK sheets already in the input stay as they were (an earlier PK is never edited in place).
    const made = new Set(specs.map((s) => s.name));
    const kept = input.worksheets.filter((w) => parsePkSheetName(w.name) && !made.has(w.name));
    for (const w of kept) copyWorksheet(w, wb, lampiranBreak(w));
    renderSheets(wb, specs);
    await wb.xlsx.writeFile(values.out);
    const names = specs.map((s) => s.name);
    const lines = [lang === 'en'
      ? `${values.out}: ${names.length} sheets generated (${names.join(', ')}).`
      : `${values.out}: ${names.length} lembar dibuat (${names.join(', ')}).`];
    if (kept.length) lines.push(lang === 'en' ? `Kept from ${file}: ${kept.map((w) => w.name).join(', ')}.` : `Disimpan dari ${file}: ${kept.map((w) => w.name).join(', ')}.`);
    for (const s of skipped) {
      lines.push(lang === 'en'
        ? `No PK for "${s.id}" (owner of ${s.boxes.join(', ')}): not in the Jabatan sheet (J01).`
        : `PK untuk "${s.id}" (pemilik ${s.boxes.join(', ')}) tidak dibuat: tidak ada di lembar Jabatan (J01).`);
    }
    if (withPk && values.draf && result.summary.errors > 0) {
      lines.push(lang === 'en' ? 'PKs stamped DRAF: the tree still has errors (pokin validate).' : 'PK bercap DRAF: pohon masih memuat error (pokin validate).');
    }
    lines.push(summary);
    io.out(lines.join('\n'));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { io.err(lang === 'en' ? e.bilingual.en : e.bilingual.id); return 2; }
    if (e instanceof XlsxError) { io.err(e.text(lang)); return 2; }
    throw e;
  }
}
