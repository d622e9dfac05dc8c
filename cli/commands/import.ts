/**
 * `pokin import IN.xlsx --out CANONICAL.xlsx [--sheet NAME] [--json] …`: adopts a planner's
 * own sheet (wide Renstra matrix / Matriks Cascading, the pemda's RPJMD program matrix, level
 * table, renamed canonical tables) into the canonical workbook and reports what became of
 * every row and every value (SAKIP.md §4.5, §10).
 * Exit 0: every row placed and every value carried; 1: some row not placed or some value not
 * carried (the workbook is still written); 2: no known layout, a question only the planner can
 * answer (e.g. `--tahun-awal` for relative year labels), or unusable arguments or files.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { countsLine, draftAdoption, renjaLines, reportView, shownValue, valuesLine, withCodeList, type AdoptionQuestion } from '../../core/adoption/index.js';
import type { AdoptOptions, AdoptQuestion, AdoptReport, AdoptResult, KnownJabatan, NotRecognised } from '../../core/adopt/types.js';
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
       [--rpjmd] [--split-opd --out FOLDER] [--tahun TTTT]

  Mengadopsi lembar perencana (matriks Renstra/Matriks Cascading, matriks program RPJMD, tabel
  level, atau tabel kanonik dengan judul kolom lain) menjadi buku kerja kanonik, dengan laporan
  setiap baris dan setiap nilai (nilai terbawa / nilai ada, per kolom).
  --tahun-awal juga menjawab judul kolom tahun yang relatif (Tahun ke-1, Tahun-3, Tahun n+1).
  --rpjmd membaca lembar sebagai matriks program RPJMD (pohon pemda); --split-opd menulis satu
  buku kerja per perangkat daerah penanggung jawab ke FOLDER (plus PEMDA.xlsx).
  Form evaluasi Renja (Permendagri 86/2017): realisasi triwulan masuk tabel Realisasi; angka
  turunan form (realisasi tahun ini, s.d., capaian, rata-rata, predikat) diperiksa (U08).
  --tahun memberi tahun yang dievaluasi bila form tidak menyebutnya.
  Kode keluar: 0 semua baris tertempatkan dan semua nilai terbawa; 1 ada baris atau nilai yang
  tidak; 2 tata letak tidak dikenali, ada pertanyaan yang harus dijawab, atau argumen salah.`,
  en: `pokin import IN.xlsx --out CANONICAL.xlsx [--sheet NAME] [--json] [--lang id|en]
       [--pemda …] [--kode-pemda …] [--jenis Kabupaten|Kota|Provinsi] [--opd CODE] [--nama-opd …] [--versi …]
       [--tahun-awal YYYY --tahun-akhir YYYY] [--level-awal LEVEL] [--jabatan CANONICAL.xlsx]
       [--rpjmd] [--split-opd --out FOLDER] [--tahun YYYY]

  Adopts a planner's own sheet (wide Renstra matrix / Matriks Cascading, RPJMD program matrix,
  level table, or canonical tables with other headers) into a canonical workbook, reporting what
  became of every row and every value (values carried / present, per column).
  --tahun-awal also answers relative year labels (Tahun ke-1, Tahun-3, Tahun n+1).
  --rpjmd reads the sheet as the RPJMD program matrix (pemda tree); --split-opd writes one
  workbook per perangkat daerah penanggung jawab into FOLDER (plus PEMDA.xlsx).
  Renja evaluation form (Permendagri 86/2017): quarterly realisation goes to the Realisasi
  table; the form's derived figures (this year, to date, capaian, average, predikat) are
  checked (U08). --tahun gives the year evaluated when the form does not name it.
  Exit codes: 0 every row placed and every value carried; 1 some row or value was not; 2 no
  known layout, a question to answer, or wrong arguments.`,
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

export function reportJson(r: AdoptReport, lang: Lang, opd?: { opd: string; file: string; boxes: number; indicators: number; summary: unknown }[]) {
  const en = lang === 'en';
  return {
    layout: r.layout, sheet: r.sheet, headerRows: r.headerRows, years: r.years, yearLabels: r.yearLabels, columns: r.columns,
    values: { present: r.values.present, carried: r.values.carried, columns: r.values.columns },
    notCarried: r.notCarried.map((n) => ({ cell: n.cell, reason: en ? n.reasonEn : n.reason })),
    sourceRows: r.sourceRows, boxes: r.boxes, indicators: r.indicators,
    unplaced: r.unplaced.map((u) => ({ row: u.row, cell: u.cell, reason: en ? u.reasonEn : u.reason })),
    skipped: r.skipped.map((u) => ({ row: u.row, cell: u.cell, reason: en ? u.reasonEn : u.reason })),
    totals: r.totals, sharedPrograms: r.sharedPrograms,
    normalised: r.normalised, rows: r.rows, missingInfo: r.missingInfo, jabatanCreated: r.jabatanCreated,
    issues: toJson(r.validation.summary, r.issues, lang).issues,
    validation: toJson(r.validation.summary, r.validation.issues, lang),
    ...(opd ? { opd } : {}),
    ...(r.renja ? { renja: r.renja } : {}),
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

const MAX_LINES = 60;

/** The layouts in words (the key stays, as --json gives it). */
const LAYOUT_NAME: Record<AdoptReport['layout'], Record<Lang, string>> = {
  'renstra-matrix': { id: 'matriks Renstra', en: 'Renstra matrix' },
  'rpjmd-matrix': { id: 'matriks program RPJMD', en: 'RPJMD program matrix' },
  'level-table': { id: 'tabel level', en: 'level table' },
  canonical: { id: 'tabel Pokin dengan judul kolom lain', en: 'Pokin tables with other column titles' },
  'renja-evaluasi': { id: 'form evaluasi Renja', en: 'Renja evaluation form' },
};

function humanReport(file: string, out: string, r: AdoptReport, lang: Lang, opdFiles: string[], questions: readonly AdoptionQuestion[] = []): string {
  const en = lang === 'en';
  const lines = [
    `${file} → ${out}`,
    `${en ? 'Layout' : 'Tata letak'}: ${LAYOUT_NAME[r.layout][lang]} [${r.layout}] (${en ? 'sheet' : 'lembar'} '${r.sheet}', ${en ? 'header rows' : 'baris judul'} ${r.headerRows.join(', ')})`,
    `${en ? 'Years' : 'Tahun'}: ${r.years.join(', ') || '-'}${r.yearLabels.some((y) => y.relative) ? (en ? ' (from relative labels)' : ' (dari judul relatif)') : ''}`,
    `${en ? 'Columns' : 'Kolom'}: ${Object.entries(r.columns).map(([k, v]) => `${k}=${v}`).join('; ')}`,
    countsLine(r, lang),
    valuesLine(r, lang),
  ];
  for (const c of r.values.columns.filter((x) => x.carried < x.present)) {
    lines.push(`  ${c.column} (${c.header || '-'}; ${c.role}): ${c.carried} / ${c.present}`);
  }
  // The pane's report view (core/adoption), so both list the same findings.
  const view = reportView(r, lang);
  const detail = [
    ...view.unplaced.map((u) => `  ${at(r.sheet, u.cell)}  F01  ${u.reason}`),
    ...view.issues.map((i) => `  ${location(i.sheet, i.cell)}  ${i.rule}  ${i.message}`),
    ...view.notCarried.map((n) => `  ${at(r.sheet, n.cell)}  ${en ? 'not carried' : 'tidak terbawa'}: ${n.reason}`),
    ...view.normalised.map((n) => `  ${at(r.sheet, n.cell)}  F02  ${shownValue(n.from)} → ${shownValue(n.to)}`),
  ];
  lines.push(...detail.slice(0, MAX_LINES));
  if (detail.length > MAX_LINES) lines.push(en ? `  … ${detail.length - MAX_LINES} more (see --json)` : `  … ${detail.length - MAX_LINES} lagi (lihat --json)`);
  lines.push(...renjaLines(r, lang));
  for (const s of r.sharedPrograms) lines.push(`${en ? 'Shared program' : 'Program bersama'} ${s.kode} ${s.nomenklatur}: ${s.opd.join('; ')} (${en ? 'pagu counted at' : 'pagu dihitung pada'} ${s.paguAt})`);
  // What the sheet did not say, with Pokin's guesses: the same questions the pane asks.
  lines.push(...questionLines(questions, lang));
  if (r.jabatanCreated.length) lines.push(`${en ? 'Positions created from penanggung jawab text (fill in Jenjang)' : 'Jabatan dibuat dari teks penanggung jawab (lengkapi Jenjang)'}: ${r.jabatanCreated.map((j) => `${j.id} ← "${j.from}"`).join('; ')}`);
  if (opdFiles.length) lines.push(`${en ? 'Workbooks per OPD' : 'Buku kerja per OPD'}: ${opdFiles.join(', ')}`);
  lines.push(`${en ? 'Validation of the result' : 'Validasi hasil'}: ${summaryLine(r.validation.summary, lang)}`);
  return lines.join('\n');
}

function notRecognisedText(file: string, n: NotRecognised, lang: Lang): string {
  const en = lang === 'en';
  const head = en ? `${file}: no known layout (wide Renstra matrix, RPJMD matrix, level table, canonical tables). Sheets found:` : `${file}: tata letak tidak dikenali (matriks Renstra, matriks RPJMD, tabel level, tabel kanonik). Lembar yang ada:`;
  return [head, ...n.sheets.map((s) => `  - '${s.name}' (${en ? 'row' : 'baris'} ${s.firstRow}: ${s.header.slice(0, 12).join(' | ') || (en ? 'empty' : 'kosong')}); ${en ? 'missing' : 'tidak ada'}: ${s.missing.join(', ') || '-'}`)].join('\n');
}

function questionText(file: string, qs: AdoptQuestion[], lang: Lang): string {
  return [`${file}:`, ...qs.map((q) => `  ${lang === 'en' ? q.message.en : q.message.id}\n    ${q.labels.slice(0, 12).map((l) => `${l.cell} "${l.label}"`).join('; ')}`)].join('\n');
}

async function writeAll(result: AdoptResult, out: string, split: boolean): Promise<{ main: string; opd: { opd: string; file: string; boxes: number; indicators: number; summary: unknown }[] }> {
  if (!split) {
    await writeCanonicalWorkbook(out, result.snapshot, readWorkbook(result.snapshot).tree.config);
    return { main: out, opd: [] };
  }
  await mkdir(out, { recursive: true });
  const main = join(out, 'PEMDA.xlsx');
  await writeCanonicalWorkbook(main, result.snapshot, readWorkbook(result.snapshot).tree.config);
  const opd = [];
  for (const o of result.opd ?? []) {
    const file = join(out, `${o.slug}.xlsx`);
    await writeCanonicalWorkbook(file, o.snapshot, readWorkbook(o.snapshot).tree.config);
    opd.push({ opd: o.opd, file, boxes: o.boxes, indicators: o.indicators, summary: o.validation.summary });
  }
  return { main, opd };
}

export async function runImport(argv: string[], io: CommandIO = stdio): Promise<number> {
  let lang: Lang = 'id';
  try {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      pemda: { type: 'string' }, 'kode-pemda': { type: 'string' }, jenis: { type: 'string' }, opd: { type: 'string' }, 'nama-opd': { type: 'string' },
      versi: { type: 'string' }, 'tahun-awal': { type: 'string' }, 'tahun-akhir': { type: 'string' }, 'level-awal': { type: 'string' }, jabatan: { type: 'string' },
      rpjmd: { type: 'boolean' }, 'split-opd': { type: 'boolean' }, tahun: { type: 'string' },
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
    set('levelAwal', values['level-awal']); set('tahun', year(values.tahun, '--tahun'));
    if (values.rpjmd) opts.pemdaMatrix = true;
    if (values['split-opd']) opts.splitOpd = true;
    if (values.jabatan) opts.jabatan = await knownJabatan(values.jabatan);
    const sheets = await readRawSheets(file);
    if (opts.sheet && !sheets.some((s) => s.name.toLowerCase().replace(/\s+/g, '') === opts.sheet!.toLowerCase().replace(/\s+/g, ''))) {
      throw new UsageError({
        id: `Lembar "${opts.sheet}" tidak ada. Lembar yang ada: ${sheets.map((s) => `'${s.name}'`).join(', ')}`,
        en: `Sheet "${opts.sheet}" not found. Sheets: ${sheets.map((s) => `'${s.name}'`).join(', ')}`,
      });
    }
    // The reference list only feeds N01 suggestions (a name under the parent's code).
    const hints = { fileName: file.split(/[\\/]/).pop() };
    let adoption = draftAdoption(sheets, await withCodeList(opts, values.versi), hints);
    // The workbook's own Info may name another version than --versi (or none): the result is
    // validated with the list of the version it is written with, as pokin validate loads it.
    const versiWritten = adoption.ok ? readWorkbook(adoption.result.snapshot).tree.config.versiNomenklatur : '';
    if (adoption.ok && versiWritten !== (values.versi ?? '')) adoption = draftAdoption(sheets, await withCodeList(opts, versiWritten), hints);
    if (!adoption.ok) {
      if (adoption.questions.length) {
        const text = questionText(file, adoption.questions, lang);
        if (values.json) io.out(JSON.stringify({ error: { code: 'question', message: text, questions: adoption.questions.map((q) => ({ option: q.option, sheet: q.sheet, labels: q.labels, suggestion: q.suggestion ?? null, message: lang === 'en' ? q.message.en : q.message.id })) } }));
        else io.err(text);
        return 2;
      }
      const text = notRecognisedText(file, adoption.notRecognised, lang);
      if (values.json) io.out(JSON.stringify({ error: { code: 'no-layout', message: text, sheets: adoption.notRecognised.sheets } }));
      else io.err(text);
      return 2;
    }
    const { report } = adoption.result;
    const written = await writeAll(adoption.result, values.out, !!opts.splitOpd && !!adoption.result.opd);
    const questions = adoption.questions.map((q) => ({ key: q.key, option: q.flag, guess: q.guess, source: q.source?.[lang] ?? null }));
    if (values.json) io.out(JSON.stringify({ ...reportJson(report, lang, written.opd.length ? written.opd : undefined), questions }));
    else io.out(humanReport(file, written.main, report, lang, written.opd.map((o) => o.file), adoption.questions));
    return report.unplaced.length || report.values.carried < report.values.present ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) { io.err(lang === 'en' ? e.bilingual.en : e.bilingual.id); return 2; }
    if (e instanceof XlsxError) { io.err(e.text(lang)); return 2; }
    throw e;
  }
}

/** A report cell is `C2` on the adopted sheet, or `Sheet!C2` when the import read several sheets (canonical tables). */
function at(sheet: string, cell: string): string {
  const bang = cell.lastIndexOf('!');
  return bang < 0 ? location(sheet, cell) : location(cell.slice(0, bang).replace(/^'(.*)'$/, '$1'), cell.slice(bang + 1));
}
