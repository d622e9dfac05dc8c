/**
 * `pokin template OUT.xlsx --pemda … --kode-pemda … --jenis … --opd … --nama-opd …
 *  --tahun-awal … --tahun-akhir … [--versi …] [--periode …] [--force]`:
 * writes an empty canonical workbook for one OPD (or the pemda tree, `--opd PEMDA`).
 */
import { access } from 'node:fs/promises';
import { KODE_OPD_PEMDA, type JenisPemda } from '../../core/config.js';
import type { Bilingual } from '../../core/issues.js';
import { JENIS_PERIODE } from '../../core/layout/tables.js';
import { VERSI_NOMENKLATUR } from '../../core/nomenklatur/code.js';
import { langOf, parse, UsageError } from '../args.js';
import type { Lang } from '../format.js';
import { writeTemplate, type TemplateParams } from '../../xlsx/template.js';
import { tambahPengukuran } from '../../xlsx/tambah.js';
import type { CommandIO } from './validate.js';

export const DEFAULT_VERSI = 'Kepmendagri 900.1-2850/2025';
/** RPJMD/Renstra run five years, an RPD less; ten leaves room without inviting typos. */
const MAX_YEARS = 10;
const KODE_OPD = /^[1-9]\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;
const KODE_PEMDA = /^\d{2}(\.\d{2})?$/;

export const TEMPLATE_HELP: Record<Lang, string> = {
  id: `pokin template KELUARAN.xlsx --pemda NAMA --kode-pemda 32.04 --jenis kabupaten
       --opd KODE_OPD --nama-opd NAMA --tahun-awal 2025 --tahun-akhir 2029
       [--versi "${DEFAULT_VERSI}"] [--periode Renstra|RPJMD|RPD] [--force]

  Membuat buku kerja kanonik kosong: tabel Info (terisi), Jabatan, PohonKinerja, Indikator,
  Crosscutting, dengan kolom Pagu/Target per tahun, daftar pilihan dan penanda aturan.
  --opd PEMDA membuat buku kerja pohon kinerja pemda. --force menimpa berkas yang ada.

pokin template BERKAS.xlsx --tambah pengukuran [--tahun TTTT] [--out BARU.xlsx]

  Menambahkan tabel Rencana Aksi, Realisasi dan Pembanding (SAKIP.md §12) ke buku kerja yang sudah
  ada: satu baris Rencana Aksi per indikator PK tahun itu (Satuan, Akumulasi, target tahun di
  sampingnya), satu baris Realisasi per indikator dan triwulan, satu baris Pembanding per IKU.
  Baris yang sudah ada dipertahankan; lembar lain tidak diubah. Tanpa --out berkas itu ditimpa.`,
  en: `pokin template OUT.xlsx --pemda NAME --kode-pemda 32.04 --jenis kabupaten
       --opd KODE_OPD --nama-opd NAME --tahun-awal 2025 --tahun-akhir 2029
       [--versi "${DEFAULT_VERSI}"] [--periode Renstra|RPJMD|RPD] [--force]

  Writes an empty canonical workbook: tables Info (filled in), Jabatan, PohonKinerja,
  Indikator, Crosscutting, with Pagu/Target columns per year, dropdowns and rule marks.
  --opd PEMDA makes the pemda tree's workbook. --force overwrites an existing file.

pokin template FILE.xlsx --tambah pengukuran [--tahun YYYY] [--out NEW.xlsx]

  Adds the Rencana Aksi, Realisasi and Pembanding tables (SAKIP.md §12) to an existing workbook:
  one Rencana Aksi row per PK indicator of the year (Satuan, Akumulasi and the year's target
  beside it), one Realisasi row per indicator and quarter, one Pembanding row per IKU. Rows
  already there are kept; other sheets are untouched. Without --out the file is overwritten.`,
};

const key = (s: string) => s.toLowerCase().replace(/\s+/g, '');

function year(v: string | undefined, flag: string, problems: Bilingual[]): number | null {
  if (v === undefined) return null;
  if (!/^\d{4}$/.test(v.trim()) || Number(v) < 2000 || Number(v) > 2100) {
    problems.push({ id: `${flag} harus tahun 4 digit (2000–2100), bukan "${v}".`, en: `${flag} must be a 4-digit year (2000–2100), not "${v}".` });
    return null;
  }
  return Number(v);
}

/** Checks every argument and reports all problems at once. */
export function templateParams(values: Record<string, string | boolean | undefined>): TemplateParams {
  const problems: Bilingual[] = [];
  const text = (flag: string) => {
    const v = values[flag];
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push({ id: `--${flag} wajib diisi.`, en: `--${flag} is required.` });
      return '';
    }
    return v.trim();
  };
  const pemda = text('pemda');
  const kodePemda = text('kode-pemda');
  if (kodePemda && !KODE_PEMDA.test(kodePemda)) {
    problems.push({ id: `--kode-pemda "${kodePemda}" tidak valid (contoh: 32 atau 32.04).`, en: `--kode-pemda "${kodePemda}" is invalid (e.g. 32 or 32.04).` });
  }
  const jenisText = text('jenis');
  const jenis = (['Provinsi', 'Kabupaten', 'Kota'] as const).find((j) => key(j) === key(jenisText));
  if (jenisText && !jenis) {
    problems.push({ id: `--jenis harus provinsi, kabupaten atau kota (bukan "${jenisText}").`, en: `--jenis must be provinsi, kabupaten or kota (not "${jenisText}").` });
  }
  let kodeOpd = text('opd');
  if (key(kodeOpd) === key(KODE_OPD_PEMDA)) kodeOpd = KODE_OPD_PEMDA;
  else if (kodeOpd && !KODE_OPD.test(kodeOpd)) {
    problems.push({
      id: `--opd "${kodeOpd}" bukan kode OPD SIPD (contoh 5.01.5.05.0.00.01.0000) atau PEMDA.`,
      en: `--opd "${kodeOpd}" is not a SIPD kode OPD (e.g. 5.01.5.05.0.00.01.0000) or PEMDA.`,
    });
  }
  const namaOpd = text('nama-opd');
  const awal = year(text('tahun-awal') || undefined, '--tahun-awal', problems);
  const akhir = year(text('tahun-akhir') || undefined, '--tahun-akhir', problems);
  if (awal !== null && akhir !== null && (akhir < awal || akhir - awal + 1 > MAX_YEARS)) {
    problems.push({
      id: `Periode ${awal}–${akhir} tidak valid: --tahun-akhir ≥ --tahun-awal, paling lama ${MAX_YEARS} tahun.`,
      en: `Period ${awal}–${akhir} is invalid: --tahun-akhir ≥ --tahun-awal, at most ${MAX_YEARS} years.`,
    });
  }
  const versiArg = typeof values.versi === 'string' ? values.versi : DEFAULT_VERSI;
  const versi = VERSI_NOMENKLATUR.find((v) => key(v.label) === key(versiArg));
  if (!versi) {
    problems.push({
      id: `--versi "${versiArg}" tidak dikenal. Pilihan: ${VERSI_NOMENKLATUR.map((v) => v.label).join('; ')}.`,
      en: `Unknown --versi "${versiArg}". Choices: ${VERSI_NOMENKLATUR.map((v) => v.label).join('; ')}.`,
    });
  }
  const periodeArg = typeof values.periode === 'string' ? values.periode : kodeOpd === KODE_OPD_PEMDA ? 'RPJMD' : 'Renstra';
  const periode = JENIS_PERIODE.find((p) => key(p) === key(periodeArg));
  if (!periode) problems.push({ id: `--periode harus ${JENIS_PERIODE.join('/')}.`, en: `--periode must be ${JENIS_PERIODE.join('/')}.` });
  if (problems.length) {
    throw new UsageError({ id: problems.map((p) => p.id).join('\n'), en: problems.map((p) => p.en).join('\n') });
  }
  return {
    pemda, kodePemda, jenisPemda: jenis as JenisPemda, kodeOpd, namaOpd,
    tahunAwal: awal as number, tahunAkhir: akhir as number, versiNomenklatur: versi!.label, jenisPeriode: periode!,
  };
}

export async function runTemplate(args: string[], io: CommandIO): Promise<number> {
  const s = { type: 'string' } as const;
  const { values, positionals } = parse(args, {
    pemda: s, 'kode-pemda': s, jenis: s, opd: s, 'nama-opd': s, 'tahun-awal': s, 'tahun-akhir': s,
    versi: s, periode: s, lang: s, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    tambah: s, tahun: s, out: s,
  });
  const lang = langOf(values.lang);
  if (values.help) { io.out(TEMPLATE_HELP[lang]); return 0; }
  if (values.tambah !== undefined) return runTambah(positionals, values, lang, io);
  const out = positionals[0];
  if (positionals.length !== 1 || !out || !/\.xlsx$/i.test(out)) {
    throw new UsageError({ id: 'Sebutkan satu berkas keluaran .xlsx: pokin template KELUARAN.xlsx …', en: 'Name one output .xlsx file: pokin template OUT.xlsx …' });
  }
  const params = templateParams(values);
  if (!values.force && (await access(out).then(() => true, () => false))) {
    throw new UsageError({ id: `${out} sudah ada; pakai --force untuk menimpanya.`, en: `${out} already exists; use --force to overwrite it.` });
  }
  const config = await writeTemplate(out, params);
  io.out(lang === 'en'
    ? `Written ${out}: ${config.namaOpd} (${config.kodeOpd}), ${config.tahunAwal}–${config.tahunAkhir}, ${config.versiNomenklatur}.`
    : `Tertulis ${out}: ${config.namaOpd} (${config.kodeOpd}), ${config.tahunAwal}–${config.tahunAkhir}, ${config.versiNomenklatur}.`);
  return 0;
}

/** `pokin template FILE.xlsx --tambah pengukuran [--tahun Y] [--out NEW.xlsx]`. */
async function runTambah(positionals: string[], values: Record<string, string | boolean | undefined>, lang: Lang, io: CommandIO): Promise<number> {
  if (key(String(values.tambah)) !== 'pengukuran') {
    throw new UsageError({ id: `--tambah "${values.tambah}" tidak dikenal (pilihan: pengukuran).`, en: `Unknown --tambah "${values.tambah}" (choices: pengukuran).` });
  }
  const file = positionals[0];
  if (positionals.length !== 1 || !file || !/\.xlsx$/i.test(file)) {
    throw new UsageError({ id: 'Sebutkan satu buku kerja .xlsx: pokin template BERKAS.xlsx --tambah pengukuran', en: 'Name one .xlsx workbook: pokin template FILE.xlsx --tambah pengukuran' });
  }
  const problems: Bilingual[] = [];
  const tahun = year(typeof values.tahun === 'string' ? values.tahun : undefined, '--tahun', problems);
  if (problems.length) throw new UsageError(problems[0]);
  const out = typeof values.out === 'string' ? values.out : file;
  if (out !== file && !values.force && (await access(out).then(() => true, () => false))) {
    throw new UsageError({ id: `${out} sudah ada; pakai --force untuk menimpanya.`, en: `${out} already exists; use --force to overwrite it.` });
  }
  const r = await tambahPengukuran(file, tahun ?? undefined, out);
  io.out(lang === 'en'
    ? `Written ${out}: pengukuran ${r.tahun} — Rencana Aksi ${r.rows.rencanaAksi} rows (${r.added.rencanaAksi} new), Realisasi ${r.rows.realisasi} (${r.added.realisasi} new), Pembanding ${r.rows.pembanding} (${r.added.pembanding} new).`
    : `Tertulis ${out}: pengukuran ${r.tahun} — Rencana Aksi ${r.rows.rencanaAksi} baris (${r.added.rencanaAksi} baru), Realisasi ${r.rows.realisasi} (${r.added.realisasi} baru), Pembanding ${r.rows.pembanding} (${r.added.pembanding} baru).`);
  return 0;
}
