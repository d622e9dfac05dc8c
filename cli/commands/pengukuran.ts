/**
 * `pokin pengukuran FILE.xlsx --tahun Y [--tw N] [--json] [--final] [--lang id|en]`: capaian per
 * indicator, per sasaran and for the OPD (SAKIP.md §12, formulas §6), with the workbook's issues.
 * JSON: `{"tahun","tw","indikator":[{"idNode","indikator","satuan","target","realisasi",
 * "capaian","capaianMurni","kategori",…}],"sasaran":[…],"summary":{…},"issues":[…]}`.
 * Exit 0: no error; 1: errors found; 2: unusable arguments or file.
 */
import { formatAngka } from '../../core/capaian/index.js';
import { angkaTeks } from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import { laporanPengukuran, tahunTersedia, type LaporanIndikator, type LaporanPengukuran, type NilaiJson } from '../../core/pengukuran/index.js';
import type { Triwulan } from '../../core/pengukuran/model.js';
import { validateSnapshot } from '../../core/validate.js';
import { langOf, parse, UsageError } from '../args.js';
import { describeSheets, location, toJson, type Lang } from '../format.js';
import { XlsxError } from '../../xlsx/errors.js';
import { readXlsx } from '../../xlsx/read.js';
import type { CommandIO } from './validate.js';

export const PENGUKURAN_HELP: Record<Lang, string> = {
  id: `pokin pengukuran BERKAS.xlsx [--tahun TTTT] [--tw 1-4] [--json] [--final] [--lang id|en]

  Menghitung capaian kinerja dari tabel RencanaAksi dan Realisasi (SAKIP.md §12, rumus §6):
  per indikator, per sasaran dan OPD (rata-rata, jumlah per kategori), serta serapan anggaran.
  --tahun   tahun pengukuran (bawaan: tahun terakhir yang punya baris Realisasi/Rencana Aksi)
  --tw N    capaian s.d. triwulan N terhadap target triwulan Rencana Aksi; tanpa --tw: capaian
            tahun terhadap target tahun, per triwulan terakhir yang dilaporkan
  --json    keluaran JSON {"tahun","tw","indikator","sasaran","summary","issues"}
  --final   juga aturan finalisasi dan LKjIP (R01, L01–L03)
  Kode keluar: 0 tanpa error, 1 ada error, 2 berkas/argumen tidak dapat dipakai.`,
  en: `pokin pengukuran FILE.xlsx [--tahun YYYY] [--tw 1-4] [--json] [--final] [--lang id|en]

  Computes performance capaian from the RencanaAksi and Realisasi tables (SAKIP.md §12, formulas §6):
  per indicator, per sasaran and for the OPD (mean, count per category), and budget absorption.
  --tahun   the year (default: the latest year with Realisasi/Rencana Aksi rows)
  --tw N    capaian up to quarter N against the Rencana Aksi's quarterly targets; without --tw:
            the year's capaian against the year's target, as of the latest reported quarter
  --json    JSON output {"tahun","tw","indikator","sasaran","summary","issues"}
  --final   also the finalisation and LKjIP rules (R01, L01–L03)
  Exit codes: 0 no errors, 1 errors found, 2 unusable file or arguments.`,
};

const stdio: CommandIO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

function nilai(v: NilaiJson): string {
  if (v === null) return '—';
  if (typeof v === 'number') return angkaTeks(v);
  if (Array.isArray(v)) return `${angkaTeks(v[0])} - ${angkaTeks(v[1])}`;
  if (typeof v === 'boolean') return v ? 'tercapai' : 'tidak tercapai';
  return v;
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).padEnd(n);

function human(file: string, l: LaporanPengukuran, issues: Issue[], lang: Lang): string {
  const en = lang === 'en';
  const when = l.tw === null ? (en ? 'nothing reported yet' : 'belum ada realisasi') : `${en ? 'up to' : 's.d.'} TW${l.tw}`;
  const against = l.basis === 'tw' ? (en ? 'against the quarterly plan (Rencana Aksi)' : 'terhadap target triwulan (Rencana Aksi)') : (en ? "against the year's target" : 'terhadap target tahun');
  const lines = [`${file}: pengukuran ${l.tahun} ${when}, ${against}`, ''];
  lines.push(`  ${cut('ID Node', 10)} ${cut(en ? 'Indicator' : 'Indikator', 44)} ${cut('Satuan', 10)} ${'Target'.padStart(12)} ${'Realisasi'.padStart(12)} ${'Capaian %'.padStart(10)}  Kategori`);
  for (const i of l.indikator) {
    const c = i.capaian === null ? (i.status === 'ok' ? '—' : i.status) : formatAngka(i.capaian);
    lines.push(`  ${cut(i.idNode, 10)} ${cut(i.indikator, 44)} ${cut(i.satuan, 10)} ${nilai(i.target).padStart(12)} ${nilai(i.realisasi).padStart(12)} ${c.padStart(10)}  ${i.kategori ?? ''}`);
  }
  const s = l.summary;
  const counts = Object.entries(s.perKategori).map(([k, n]) => `${k} ${n}`).join(', ');
  lines.push('');
  lines.push(en
    ? `Mean capaian of ${s.dihitung}/${s.jumlahIndikator} PK indicators: ${s.capaian === null ? '—' : formatAngka(s.capaian) + ' %'}${s.kategori ? ` (${s.kategori})` : ''}; ${counts}.`
    : `Rata-rata capaian ${s.dihitung}/${s.jumlahIndikator} indikator PK: ${s.capaian === null ? '—' : formatAngka(s.capaian) + ' %'}${s.kategori ? ` (${s.kategori})` : ''}; ${counts}.`);
  if (s.serapan !== null) lines.push(`${en ? 'Budget absorption' : 'Serapan anggaran'}: ${formatAngka(s.serapan)} %.`);
  const mine = issues.filter((i) => /^[RUL]\d\d$/.test(i.rule) || ['Rencana Aksi', 'Realisasi', 'Pembanding'].includes(i.sheet));
  if (mine.length) {
    lines.push('', en ? `Pengukuran issues (${mine.length}):` : `Masalah pengukuran (${mine.length}):`);
    for (const i of mine) lines.push(`  ${i.severity} ${location(i.sheet, i.cell).padEnd(22)} ${i.rule}${i.id ? ` [${i.id}]` : ''}  ${en ? i.messageEn : i.message}`);
  }
  const rest = issues.length - mine.length;
  const errors = issues.filter((i) => i.severity === 'E').length;
  lines.push('', en
    ? `${errors} errors in the workbook${rest ? `; ${rest} issues of the tree not shown (pokin validate)` : ''}.`
    : `${errors} error di buku kerja${rest ? `; ${rest} masalah pohon kinerja tidak ditampilkan (pokin validate)` : ''}.`);
  return lines.join('\n');
}

/** The JSON shape of the issue, extras after the listed keys. */
function json(l: LaporanPengukuran, issues: Issue[], lang: Lang): unknown {
  const j = toJson({ boxes: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 }, issues, lang);
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const i of issues) counts[i.severity === 'E' ? 'errors' : i.severity === 'W' ? 'warnings' : 'infos']++;
  const indikator: LaporanIndikator[] = l.indikator;
  return { tahun: l.tahun, tw: l.tw, indikator, sasaran: l.sasaran, summary: { ...l.summary, basis: l.basis, ...counts }, issues: j.issues };
}

export async function runPengukuran(argv: string[], io: CommandIO = stdio): Promise<number> {
  let lang: Lang = 'id';
  const { values, positionals } = parse(argv, {
    tahun: { type: 'string' }, tw: { type: 'string' }, json: { type: 'boolean' }, final: { type: 'boolean' },
    lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  lang = langOf(values.lang);
  if (values.help) { io.out(PENGUKURAN_HELP[lang]); return 0; }
  if (positionals.length !== 1) {
    throw new UsageError({ id: 'Sebutkan tepat satu berkas: pokin pengukuran BERKAS.xlsx --tahun TTTT', en: 'Name exactly one file: pokin pengukuran FILE.xlsx --tahun YYYY' });
  }
  let tw: Triwulan | undefined;
  if (values.tw !== undefined) {
    const n = Number(String(values.tw).replace(/^tw/i, ''));
    if (![1, 2, 3, 4].includes(n)) throw new UsageError({ id: `--tw harus 1, 2, 3 atau 4 (bukan "${values.tw}").`, en: `--tw must be 1, 2, 3 or 4 (not "${values.tw}").` });
    tw = n as Triwulan;
  }
  const file = positionals[0];
  let read;
  try {
    read = await readXlsx(file);
  } catch (e) {
    if (e instanceof XlsxError) { io.err(e.text(lang)); return 2; }
    throw e;
  }
  if (!read.snapshot.tables.some((t) => t.name === 'PohonKinerja')) {
    io.err(`${lang === 'en' ? `${file}: no PohonKinerja table. Sheets found:` : `${file}: tabel PohonKinerja tidak ditemukan. Lembar yang ada:`}\n${describeSheets(read.sheets, lang)}`);
    return 2;
  }
  const tambah = {
    id: `Tambahkan dengan: pokin template ${file} --tambah pengukuran --tahun TTTT`,
    en: `Add the tables with: pokin template ${file} --tambah pengukuran --tahun YYYY`,
  };
  if (!read.snapshot.tables.some((t) => t.name === 'RencanaAksi' || t.name === 'Realisasi')) {
    // Without the tables every indicator would print "not measured" and exit 0: say why instead.
    throw new UsageError({
      id: `${file}: tabel RencanaAksi dan Realisasi belum ada. ${tambah.id}`,
      en: `${file}: no RencanaAksi or Realisasi table. ${tambah.en}`,
    });
  }
  const probe = validateSnapshot(read.snapshot);
  const years = probe.tree.config.years;
  let tahun: number;
  if (values.tahun !== undefined) {
    tahun = Number(values.tahun);
    if (!years.includes(tahun)) {
      throw new UsageError({
        id: `--tahun ${values.tahun} di luar periode (${years.join(', ') || 'periode kosong'}).`,
        en: `--tahun ${values.tahun} is outside the period (${years.join(', ') || 'no period'}).`,
      });
    }
  } else {
    const ada = tahunTersedia(probe.tree);
    if (!ada.length) {
      throw new UsageError({
        id: `${file}: tabel RencanaAksi/Realisasi belum berisi baris. Isi Rencana Aksi dan Realisasi, lalu ulangi.`,
        en: `${file}: the RencanaAksi/Realisasi tables have no rows yet. Fill the Rencana Aksi and Realisasi, then run again.`,
      });
    }
    tahun = ada[ada.length - 1];
  }
  const result = values.final ? validateSnapshot(read.snapshot, { final: true, lkjip: tahun }) : probe;
  const laporan = laporanPengukuran(result.tree, tahun, tw);
  io.out(values.json ? JSON.stringify(json(laporan, result.issues, lang)) : human(file, laporan, result.issues, lang));
  return result.summary.errors > 0 ? 1 : 0;
}
