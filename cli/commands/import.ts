/**
 * `pokin import IN.xlsx --out CANONICAL.xlsx [--sheet NAME] [--json] …`: adopts a planner's
 * own sheet (wide Renstra matrix / Matriks Cascading, level table, renamed canonical tables)
 * into the canonical workbook and reports what became of every row (SAKIP.md §4.5, §10).
 * Exit 0: every row placed; 1: some rows not placed (the workbook is still written);
 * 2: no known layout, or unusable arguments or files.
 */
import { draftAdoption, type AdoptionQuestion } from '../../core/adoption/index.js';
import type { AdoptOptions, AdoptReport, KnownJabatan, NotRecognised } from '../../core/adopt/types.js';
import { readWorkbook } from '../../core/read/index.js';
import { langOf, parse, UsageError } from '../args.js';
import { location, summaryLine, toJson, type Lang } from '../format.js';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsx } from '../../xlsx/read.js';
import { readRawSheets } from '../../xlsx/sheet.js';
import { writeCanonicalWorkbook } from '../../xlsx/write.js';
import type { CommandIO } from './validate.js';

export const IMPORT_HELP: Record<Lang, string> = {
  id: `pokin import MASUKAN.xlsx --out KANONIK.xlsx [--sheet NAMA] [--json] [--lang id|en]
       [--pemda …] [--kode-pemda …] [--jenis Kabupaten|Kota|Provinsi] [--opd KODE] [--nama-opd …] [--versi …]
       [--tahun-awal TTTT --tahun-akhir TTTT] [--level-awal LEVEL] [--jabatan KANONIK.xlsx]

  Mengadopsi lembar perencana (matriks Renstra/Matriks Cascading, tabel level, atau tabel kanonik
  dengan judul kolom lain) menjadi buku kerja kanonik, dengan laporan setiap baris.
  Kode keluar: 0 semua baris tertempatkan, 1 ada baris yang tidak, 2 tata letak tidak dikenali.`,
  en: `pokin import IN.xlsx --out CANONICAL.xlsx [--sheet NAME] [--json] [--lang id|en]
       [--pemda …] [--kode-pemda …] [--jenis Kabupaten|Kota|Provinsi] [--opd CODE] [--nama-opd …] [--versi …]
       [--tahun-awal YYYY --tahun-akhir YYYY] [--level-awal LEVEL] [--jabatan CANONICAL.xlsx]

  Adopts a planner's own sheet (wide Renstra matrix / Matriks Cascading, level table, or canonical
  tables with other headers) into a canonical workbook, reporting what became of every row.
  Exit codes: 0 every row placed, 1 some rows not placed, 2 no known layout.`,
};

const stdio: CommandIO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

function year(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new UsageError({ id: `${name} harus tahun 4 digit (bukan "${v}").`, en: `${name} must be a 4-digit year (not "${v}").` });
  return Number(v);
}

async function knownJabatan(file: string): Promise<KnownJabatan[]> {
  const { tree } = readWorkbook((await readXlsx(file)).snapshot);
  return tree.jabatan.map((j) => ({ id: j.id, nama: j.nama, jenjang: j.jenjang ?? j.jenjangRaw, atasan: j.atasan, nip: j.nip, namaPejabat: j.namaPejabat, unitKerja: j.unitKerja }));
}

export function reportJson(r: AdoptReport, lang: Lang) {
  return {
    layout: r.layout, sheet: r.sheet, headerRows: r.headerRows, years: r.years, columns: r.columns,
    sourceRows: r.sourceRows, boxes: r.boxes, indicators: r.indicators,
    unplaced: r.unplaced.map((u) => ({ row: u.row, cell: u.cell, reason: lang === 'en' ? u.reasonEn : u.reason })),
    normalised: r.normalised, rows: r.rows, missingInfo: r.missingInfo, jabatanCreated: r.jabatanCreated,
    issues: toJson(r.validation.summary, r.issues, lang).issues,
    validation: toJson(r.validation.summary, r.validation.issues, lang),
  };
}

/** The questions the pane asks, as the options that answer them (same guesses: core/adoption). */
function questionLines(qs: readonly AdoptionQuestion[], lang: Lang): string[] {
  if (!qs.length) return [];
  const en = lang === 'en';
  return [
    en ? 'Info left empty; give it with these options:' : 'Info dibiarkan kosong; isi lewat opsi berikut:',
    ...qs.map((q) => `  ${q.flag} "${q.guess || '…'}"  ${q.label[lang]}${q.guess && q.source ? ` (${en ? 'guess' : 'tebakan'}: ${q.source[lang]})` : ''}; ${q.hint[lang]}`),
  ];
}

function humanReport(file: string, out: string, r: AdoptReport, lang: Lang, questions: readonly AdoptionQuestion[] = []): string {
  const en = lang === 'en';
  const lines = [
    `${file} → ${out}`,
    `${en ? 'Layout' : 'Tata letak'}: ${r.layout} (${en ? 'sheet' : 'lembar'} '${r.sheet}', ${en ? 'header rows' : 'baris judul'} ${r.headerRows.join(', ')})`,
    `${en ? 'Years' : 'Tahun'}: ${r.years.join(', ') || '-'}`,
    `${en ? 'Columns' : 'Kolom'}: ${Object.entries(r.columns).map(([k, v]) => `${k}=${v}`).join('; ')}`,
    `${en ? 'Rows' : 'Baris'}: ${r.sourceRows} → ${r.boxes} ${en ? 'boxes' : 'kotak'}, ${r.indicators} ${en ? 'indicators' : 'indikator'}; ${r.unplaced.length} ${en ? 'not placed' : 'tidak tertempatkan'}; ${r.normalised.length} ${en ? 'values normalised' : 'nilai dinormalkan'}.`,
  ];
  for (const u of r.unplaced) lines.push(`  ${location(r.sheet, u.cell)}  F01  ${en ? u.reasonEn : u.reason}`);
  for (const i of r.issues.filter((x) => x.rule !== 'F01' && x.rule !== 'F02')) lines.push(`  ${location(i.sheet, i.cell)}  ${i.rule}  ${en ? i.messageEn : i.message}`);
  lines.push(...questionLines(questions, lang));
  if (r.jabatanCreated.length) lines.push(`${en ? 'Positions created from penanggung jawab text (fill in Jenjang)' : 'Jabatan dibuat dari teks penanggung jawab (lengkapi Jenjang)'}: ${r.jabatanCreated.map((j) => `${j.id} ← "${j.from}"`).join('; ')}`);
  lines.push(`${en ? 'Validation of the result' : 'Validasi hasil'}: ${summaryLine(r.validation.summary, lang)}`);
  return lines.join('\n');
}

function notRecognisedText(file: string, n: NotRecognised, lang: Lang): string {
  const en = lang === 'en';
  const head = en ? `${file}: no known layout (wide Renstra matrix, level table, canonical tables). Sheets found:` : `${file}: tata letak tidak dikenali (matriks Renstra, tabel level, tabel kanonik). Lembar yang ada:`;
  return [head, ...n.sheets.map((s) => `  - '${s.name}' (${en ? 'row' : 'baris'} ${s.firstRow}: ${s.header.slice(0, 12).join(' | ') || (en ? 'empty' : 'kosong')}); ${en ? 'missing' : 'tidak ada'}: ${s.missing.join(', ') || '-'}`)].join('\n');
}

export async function runImport(argv: string[], io: CommandIO = stdio): Promise<number> {
  let lang: Lang = 'id';
  try {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      pemda: { type: 'string' }, 'kode-pemda': { type: 'string' }, jenis: { type: 'string' }, opd: { type: 'string' }, 'nama-opd': { type: 'string' },
      versi: { type: 'string' }, 'tahun-awal': { type: 'string' }, 'tahun-akhir': { type: 'string' }, 'level-awal': { type: 'string' }, jabatan: { type: 'string' },
    });
    lang = langOf(values.lang);
    if (values.help) { io.out(IMPORT_HELP[lang]); return 0; }
    if (positionals.length !== 1 || !values.out) {
      throw new UsageError({ id: 'Pakai: pokin import MASUKAN.xlsx --out KANONIK.xlsx', en: 'Usage: pokin import IN.xlsx --out CANONICAL.xlsx' });
    }
    const file = positionals[0];
    const opts: AdoptOptions = {};
    const set = <K extends keyof AdoptOptions>(k: K, v: AdoptOptions[K] | undefined) => { if (v !== undefined) opts[k] = v; };
    set('sheet', values.sheet); set('pemda', values.pemda); set('kodePemda', values['kode-pemda']); set('jenisPemda', values.jenis);
    set('kodeOpd', values.opd); set('namaOpd', values['nama-opd']); set('versiNomenklatur', values.versi);
    set('tahunAwal', year(values['tahun-awal'], '--tahun-awal')); set('tahunAkhir', year(values['tahun-akhir'], '--tahun-akhir'));
    set('levelAwal', values['level-awal']);
    if (values.jabatan) opts.jabatan = await knownJabatan(values.jabatan);
    const sheets = await readRawSheets(file);
    if (opts.sheet && !sheets.some((s) => s.name.toLowerCase().replace(/\s+/g, '') === opts.sheet!.toLowerCase().replace(/\s+/g, ''))) {
      throw new UsageError({
        id: `Lembar "${opts.sheet}" tidak ada. Lembar yang ada: ${sheets.map((s) => `'${s.name}'`).join(', ')}`,
        en: `Sheet "${opts.sheet}" not found. Sheets: ${sheets.map((s) => `'${s.name}'`).join(', ')}`,
      });
    }
    const adoption = draftAdoption(sheets, opts, { fileName: file.split(/[\\/]/).pop() });
    if (!adoption.ok) {
      const text = notRecognisedText(file, adoption.notRecognised, lang);
      if (values.json) io.out(JSON.stringify({ error: { code: 'no-layout', message: text, sheets: adoption.notRecognised.sheets } }));
      else io.err(text);
      return 2;
    }
    const { snapshot, report } = adoption.result;
    await writeCanonicalWorkbook(values.out, snapshot, readWorkbook(snapshot).tree.config);
    const questions = adoption.questions.map((q) => ({ key: q.key, option: q.flag, guess: q.guess, source: q.source?.[lang] ?? null }));
    if (values.json) io.out(JSON.stringify({ ...reportJson(report, lang), questions }));
    else io.out(humanReport(file, values.out, report, lang, adoption.questions));
    return report.unplaced.length ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) { io.err(lang === 'en' ? e.bilingual.en : e.bilingual.id); return 2; }
    if (e instanceof XlsxError) { io.err(e.text(lang)); return 2; }
    throw e;
  }
}
