/**
 * The questions an adoption asks before it writes (the pane's form; the lines `pokin import`
 * prints): the Info a foreign sheet lacks (pemda, kode pemda, jenis pemda, OPD, period,
 * nomenclature version), each with the value Pokin guessed and where the guess came from.
 * Guesses come from the sheet's title rows and name, the codes and years it holds, and what
 * the caller knows (the signed-in user's pemda and OPD, the file name). A guess is only a
 * proposal: the planner confirms or corrects it.
 */
import type { AdoptOptions, AdoptReport, RawSheet } from '../adopt/types.js';
import { JENIS_PEMDA } from '../layout/tables.js';
import { VERSI_NOMENKLATUR } from '../nomenklatur/code.js';
import { findTable } from '../read/index.js';
import { canonicalTables } from '../layout/tables.js';
import type { WorkbookSnapshot } from '../snapshot.js';
import { KODE_OPD_RE, KODE_PEMDA_RE } from '../wire/paths.js';

type Text = { id: string; en: string };

/** The Info keys an adoption may ask for, with the `pokin import` option that answers each. */
export const ASKED: readonly { key: string; option: keyof AdoptOptions; flag: string; label: Text; hint: Text }[] = [
  { key: 'Pemda', option: 'pemda', flag: '--pemda', label: { id: 'Nama pemda', en: 'Pemda name' }, hint: { id: 'mis. Kabupaten Banyuwangi', en: 'e.g. Kabupaten Banyuwangi' } },
  { key: 'Kode Pemda', option: 'kodePemda', flag: '--kode-pemda', label: { id: 'Kode pemda', en: 'Pemda code' }, hint: { id: 'kode Kemendagri, mis. 35.10 (kabupaten/kota) atau 35 (provinsi)', en: 'Kemendagri code, e.g. 35.10 (kabupaten/kota) or 35 (provinsi)' } },
  { key: 'Jenis Pemda', option: 'jenisPemda', flag: '--jenis', label: { id: 'Jenis pemda', en: 'Pemda type' }, hint: { id: 'Provinsi, Kabupaten atau Kota', en: 'Provinsi, Kabupaten or Kota' } },
  { key: 'Kode OPD', option: 'kodeOpd', flag: '--opd', label: { id: 'Kode OPD', en: 'OPD code' }, hint: { id: '22 karakter, mis. 1.02.0.00.0.00.01.0000', en: '22 characters, e.g. 1.02.0.00.0.00.01.0000' } },
  { key: 'Nama OPD', option: 'namaOpd', flag: '--nama-opd', label: { id: 'Nama OPD', en: 'OPD name' }, hint: { id: 'mis. Dinas Kesehatan', en: 'e.g. Dinas Kesehatan' } },
  { key: 'Tahun Awal', option: 'tahunAwal', flag: '--tahun-awal', label: { id: 'Tahun awal', en: 'First year' }, hint: { id: '4 digit, mis. 2025', en: '4 digits, e.g. 2025' } },
  { key: 'Tahun Akhir', option: 'tahunAkhir', flag: '--tahun-akhir', label: { id: 'Tahun akhir', en: 'Last year' }, hint: { id: '4 digit, ≥ tahun awal', en: '4 digits, ≥ first year' } },
  { key: 'Versi Nomenklatur', option: 'versiNomenklatur', flag: '--versi', label: { id: 'Versi nomenklatur', en: 'Nomenclature version' }, hint: { id: 'mis. Kepmendagri 900.1-2850/2025', en: 'e.g. Kepmendagri 900.1-2850/2025' } },
];

export interface AdoptionQuestion {
  key: string;
  option: keyof AdoptOptions;
  flag: string;
  label: Text;
  hint: Text;
  /** Pokin's proposal ('' when it has none). */
  guess: string;
  /** Where the guess came from, to show beside it. */
  source: Text | null;
}

/** What the caller knows besides the sheet: the signed-in user's pemda and OPD, the file name. */
export interface AdoptionHints {
  kodePemda?: string;
  kodeOpd?: string;
  fileName?: string;
}

const FROM = {
  title: { id: 'dari judul lembar', en: 'from the sheet title' },
  codes: { id: 'dari kode program (periksa!)', en: 'from the programme codes (check it!)' },
  kegiatan: { id: 'dari digit kelas kode kegiatan', en: 'from the kegiatan class digit' },
  years: { id: 'dari kolom tahun', en: 'from the year columns' },
  account: { id: 'dari akun yang masuk', en: 'from the signed-in account' },
  file: { id: 'dari nama berkas', en: 'from the file name' },
  period: { id: 'versi terakhir sebelum periode dimulai', en: 'latest version before the period starts' },
  pemda: { id: 'dari nama pemda', en: 'from the pemda name' },
};

/** Texts that may name the pemda, the OPD and the period: title rows above the header, the sheet name. */
function titleTexts(sheets: readonly RawSheet[], report: AdoptReport): string[] {
  const sheet = sheets.find((s) => s.name === report.sheet) ?? sheets[0];
  if (!sheet) return [];
  const above = Math.max(0, (report.headerRows[0] ?? 11) - 1);
  const out: string[] = [];
  for (const row of sheet.values.slice(0, Math.min(above, 10))) for (const v of row) if (typeof v === 'string' && v.trim()) out.push(titleCase(v.replace(/\s+/g, ' ').trim()));
  out.push(sheet.name);
  return out;
}

/**
 * Forms print their titles in capitals (`DINAS KESEHATAN KABUPATEN BANYUWANGI`); the name
 * patterns below read capitalised words, so an all-capitals title is read in title case.
 */
function titleCase(t: string): string {
  if (t !== t.toUpperCase() || !/[A-Z]/.test(t)) return t;
  return t.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}

const PEMDA_RE = /\b(Provinsi|Kabupaten|Kab\.|Kota)\s+((?:[A-Z][A-Za-z'-]*)(?:\s+[A-Z][A-Za-z'-]*){0,2})/;
const OPD_RE = /\b((?:Dinas|Badan|Bappeda|Bapperida|Sekretariat|Inspektorat|Satuan|Kantor|Kecamatan|RSUD|Rumah Sakit)\b[^,;:()\d]*?)(?=\s+(?:Provinsi|Kabupaten|Kab\.|Kota)\b|\s+(?:Tahun|Periode)\b|\s*\d{4}|[,;:()]|$)/;

function guessPemda(texts: string[]): string {
  for (const t of texts) {
    const m = PEMDA_RE.exec(t);
    if (m) return `${m[1] === 'Kab.' ? 'Kabupaten' : m[1]} ${m[2].replace(/\s+(Tahun|Periode|Dan)$/i, '')}`.trim();
  }
  return '';
}

function guessOpd(texts: string[]): string {
  for (const t of texts) {
    const m = OPD_RE.exec(t);
    if (m && m[1].trim().split(/\s+/).length <= 8) return m[1].trim();
  }
  return '';
}

function codes(snapshot: WorkbookSnapshot): string[] {
  const spec = canonicalTables([]).find((s) => s.key === 'pohon');
  const t = spec ? findTable(snapshot, spec) : undefined;
  const at = t ? t.header.findIndex((h) => String(h ?? '').trim() === 'Kode') : -1;
  return t && at >= 0 ? t.rows.map((r) => r[at]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

/** `U.BB.0.00.0.00.01.0000` of the bidang most programmes belong to (X.XX and programme 01 are every OPD's). */
function guessKodeOpd(all: string[]): string {
  const count = new Map<string, number>();
  for (const k of all) {
    const p = k.split('.');
    if (p.length < 3 || p[0] === 'X' || p[2] === '01' || !/^\d$/.test(p[0]) || !/^\d{2}$/.test(p[1])) continue;
    const b = `${p[0]}.${p[1]}`;
    count.set(b, (count.get(b) ?? 0) + 1);
  }
  const best = [...count].sort((a, b) => b[1] - a[1])[0];
  return best ? `${best[0]}.0.00.0.00.01.0000` : '';
}

/** Kegiatan class digit: 1 = Provinsi, 2 = Kabupaten/Kota (SAKIP.md §3.5). */
function guessJenis(pemda: string, all: string[]): { value: string; source: Text } | null {
  const word = pemda.split(' ')[0];
  if ((JENIS_PEMDA as readonly string[]).includes(word)) return { value: word, source: FROM.pemda };
  const cls = all.map((k) => k.split('.')).filter((p) => p.length >= 5).map((p) => p[3]);
  if (cls.includes('1') && !cls.includes('2')) return { value: 'Provinsi', source: FROM.kegiatan };
  if (cls.includes('2') && !cls.includes('1')) return { value: 'Kabupaten', source: FROM.kegiatan };
  return null;
}

function guessYears(texts: string[], report: AdoptReport): { awal: string; akhir: string; source: Text } | null {
  if (report.years.length) return { awal: String(report.years[0]), akhir: String(report.years[report.years.length - 1]), source: FROM.years };
  for (const t of texts) {
    const m = /\b(20\d\d)\s*(?:-|–|s\.?\s*d\.?|sampai)\s*(20\d\d)\b/i.exec(t);
    if (m && Number(m[2]) >= Number(m[1])) return { awal: m[1], akhir: m[2], source: FROM.title };
  }
  return null;
}

/** The newest version enacted before the period starts (a Renstra uses the list in force when it is drafted). */
export function guessVersi(tahunAwal: number | null): string {
  if (!tahunAwal) return VERSI_NOMENKLATUR[VERSI_NOMENKLATUR.length - 1].label;
  const before = VERSI_NOMENKLATUR.filter((v) => v.year < tahunAwal);
  return (before[before.length - 1] ?? VERSI_NOMENKLATUR[0]).label;
}

/**
 * The questions for a first adoption pass: one per Info key the sheet and the options left
 * empty (`report.missingInfo`), with a guess where one can be made.
 */
export function adoptionQuestions(sheets: readonly RawSheet[], first: { snapshot: WorkbookSnapshot; report: AdoptReport }, hints: AdoptionHints = {}): AdoptionQuestion[] {
  const missing = new Set(first.report.missingInfo);
  const texts = titleTexts(sheets, first.report);
  const fileTexts = hints.fileName ? [hints.fileName.replace(/\.[^.]+$/, '').replace(/_+/g, ' ')] : [];
  const all = codes(first.snapshot);
  const guesses = new Map<string, { value: string; source: Text }>();
  const put = (key: string, value: string, source: Text) => { if (value && !guesses.has(key)) guesses.set(key, { value, source }); };
  put('Pemda', guessPemda(texts), FROM.title);
  put('Pemda', guessPemda(fileTexts), FROM.file);
  put('Kode Pemda', hints.kodePemda && KODE_PEMDA_RE.test(hints.kodePemda) ? hints.kodePemda : '', FROM.account);
  put('Kode OPD', hints.kodeOpd && KODE_OPD_RE.test(hints.kodeOpd) ? hints.kodeOpd : '', FROM.account);
  put('Kode OPD', guessKodeOpd(all), FROM.codes);
  put('Nama OPD', guessOpd(texts), FROM.title);
  put('Nama OPD', guessOpd(fileTexts), FROM.file);
  const jenis = guessJenis(guesses.get('Pemda')?.value ?? '', all);
  if (jenis) put('Jenis Pemda', jenis.value, jenis.source);
  const years = guessYears([...texts, ...fileTexts], first.report);
  if (years) { put('Tahun Awal', years.awal, years.source); put('Tahun Akhir', years.akhir, years.source); }
  put('Versi Nomenklatur', guessVersi(years ? Number(years.awal) : null), FROM.period);
  return ASKED.filter((a) => missing.has(a.key)).map((a) => {
    const g = guesses.get(a.key);
    return { key: a.key, option: a.option, flag: a.flag, label: a.label, hint: a.hint, guess: g?.value ?? '', source: g?.source ?? null };
  });
}

/** A problem with one answer, in both languages; null when the answer can be used. */
export function checkAnswer(key: string, value: string, answers: Record<string, string> = {}): Text | null {
  const v = value.trim();
  if (v === '') return { id: 'Wajib diisi.', en: 'Required.' };
  if (key === 'Kode Pemda' && !KODE_PEMDA_RE.test(v)) return { id: 'Bentuk kode pemda: 35 atau 35.10.', en: 'Pemda code format: 35 or 35.10.' };
  if (key === 'Kode OPD' && !KODE_OPD_RE.test(v)) return { id: 'Bentuk kode OPD: 1.02.0.00.0.00.01.0000 (22 karakter).', en: 'OPD code format: 1.02.0.00.0.00.01.0000 (22 characters).' };
  if (key === 'Jenis Pemda' && !(JENIS_PEMDA as readonly string[]).some((j) => j.toLowerCase() === v.toLowerCase())) return { id: 'Pilih Provinsi, Kabupaten atau Kota.', en: 'Pick Provinsi, Kabupaten or Kota.' };
  if (key === 'Tahun Awal' || key === 'Tahun Akhir') {
    if (!/^(19|20)\d\d$/.test(v)) return { id: 'Tahun 4 digit, mis. 2025.', en: 'A 4-digit year, e.g. 2025.' };
    const awal = Number(key === 'Tahun Awal' ? v : answers['Tahun Awal']);
    const akhir = Number(key === 'Tahun Akhir' ? v : answers['Tahun Akhir']);
    if (awal && akhir && (akhir < awal || akhir - awal > 10)) return { id: 'Tahun akhir harus ≥ tahun awal (paling lama 10 tahun).', en: 'The last year must be ≥ the first (10 years at most).' };
  }
  return null;
}

/** Answers → adoption options (years as numbers). */
export function optionsFromAnswers(answers: Record<string, string>, base: AdoptOptions = {}): AdoptOptions {
  const out: AdoptOptions = { ...base };
  for (const a of ASKED) {
    const v = answers[a.key]?.trim();
    if (!v) continue;
    if (a.option === 'tahunAwal' || a.option === 'tahunAkhir') out[a.option] = Number(v);
    else (out as Record<string, unknown>)[a.option] = v;
  }
  return out;
}
