/**
 * `pokin lke template|score|rekap`: the LKE self-assessment (SAKIP.md §13).
 * - template: the `LKE` sheet with the criteria (the workbook's `Kriteria LKE` or the shipped
 *   list), answer dropdowns, `Nilai` formulas and the Saran Pokin; answers already given are kept.
 * - score: the recap (komponen, sub komponen, total, predikat); exit 1 while criteria are unanswered.
 * - rekap: as template, plus the printable `LKE Rekap`.
 * Exit 2: unusable arguments or file, or a criteria list that cannot score (V01, V02, F01, F03).
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lkeRekapSheet } from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import { kriteriaLkeTableSpec, lkeTables, lkeTableSpec } from '../../core/layout/lke.js';
import {
  barisKriteriaBawaan, bulat, evaluasiLke, lembarLke, rekapJson, tabelKriteriaLke, type EvaluasiLke,
} from '../../core/lke/index.js';
import { findTable, readWorkbook } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { langOf, parse, UsageError } from '../args.js';
import { location, toJson, type Lang } from '../format.js';
import { writeLkeWorkbook } from '../../xlsx/lke.js';
import { readXlsx } from '../../xlsx/read.js';
import { placedSnapshot } from './export.js';
import type { CommandIO } from './validate.js';

export const LKE_HELP: Record<Lang, string> = {
  id: `pokin lke template BERKAS.xlsx [--out KELUARAN.xlsx] [--kriteria] [--force] [--lang id|en]
pokin lke score BERKAS.xlsx [--json] [--lang id|en]
pokin lke rekap BERKAS.xlsx --out KELUARAN.xlsx [--lang id|en]

  Evaluasi SAKIP mandiri dengan LKE PermenPANRB 88/2021 (SAKIP.md §13).
  template  menambahkan lembar LKE: kriteria (tabel "Kriteria LKE" buku kerja, atau daftar bawaan),
            pilihan jawaban per jenis (Y/T, A/B/C/D, A–E), rumus Nilai, kolom bukti, dan Saran Pokin
            untuk kriteria yang dapat dinilai dari pohon kinerja. Jawaban yang sudah ada dipertahankan.
            BERKAS belum ada: dibuat. BERKAS sudah ada: hasilnya ditulis ke --out (tabel kanonik dan
            LKE; lembar lain tidak disalin). --kriteria juga menulis tabel "Kriteria LKE" dari daftar
            bawaan untuk diubah pemda (bobot, nilai_jawaban, saran_pokin).
  score     nilai per komponen dan sub komponen, total, predikat. --json:
            {"komponen":[…],"total":N,"predikat":"B","label":"Baik","belumDijawab":[…]}
  rekap     seperti template, ditambah lembar cetak "LKE Rekap".
  Kode keluar: 0 lengkap, 1 ada kriteria belum dijawab (score), 2 berkas/kriteria tidak dapat dipakai.`,
  en: `pokin lke template FILE.xlsx [--out OUT.xlsx] [--kriteria] [--force] [--lang id|en]
pokin lke score FILE.xlsx [--json] [--lang id|en]
pokin lke rekap FILE.xlsx --out OUT.xlsx [--lang id|en]

  SAKIP self-assessment with the LKE of PermenPANRB 88/2021 (SAKIP.md §13).
  template  adds the LKE sheet: the criteria (the workbook's "Kriteria LKE" table, or the shipped
            list), answer dropdowns by type (Y/T, A/B/C/D, A–E), the Nilai formula, evidence columns
            and the Saran Pokin for the criteria the tree can judge. Existing answers are kept.
            FILE absent: it is created. FILE present: the result goes to --out (canonical tables and
            the LKE; other sheets are not copied). --kriteria also writes the shipped list as a
            "Kriteria LKE" table for the pemda to edit (weights, nilai_jawaban, saran_pokin).
  score     score per komponen and sub komponen, total, predikat. --json:
            {"komponen":[…],"total":N,"predikat":"B","label":"Baik","belumDijawab":[…]}
  rekap     as template, plus the printable "LKE Rekap" sheet.
  Exit codes: 0 complete, 1 criteria unanswered (score), 2 unusable file or criteria list.`,
};

const exists = (f: string) => access(f).then(() => true, () => false);

function issueLines(issues: readonly Issue[], lang: Lang): string[] {
  return issues.map((i) => `  ${location(i.sheet, i.cell).padEnd(20)} ${i.rule} ${i.severity}${i.id ? ` [${i.id}]` : ''}  ${lang === 'en' ? i.messageEn : i.message}`);
}

/**
 * Stops with exit 2 (and the cells to fix) when the criteria list cannot score; with --json
 * also `{"error":{"code","message"},"issues":[…]}` on stdout, as `pokin validate` does.
 */
function criteriaUnusable(ev: EvaluasiLke, io: CommandIO, lang: Lang, json = false): number | null {
  if (ev.kriteriaSah) return null;
  const bad = ev.issues.filter((i) => i.severity === 'E' && i.sheet !== lkeTableSpec().sheet);
  const message = lang === 'en'
    ? `The criteria list (${ev.kriteria.sumber.en}) cannot score; fix it first:`
    : `Daftar kriteria (${ev.kriteria.sumber.id}) tidak dapat menilai; perbaiki dahulu:`;
  if (json) io.out(JSON.stringify({ error: { code: 'kriteria-invalid', message }, issues: toJson({ boxes: 0, indicators: 0, errors: bad.length, warnings: 0, infos: 0 }, bad, lang).issues }));
  io.err([message, ...issueLines(bad, lang)].join('\n'));
  return 2;
}

export async function runLke(argv: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'template') return template(rest, io, false);
  if (sub === 'rekap') return template(rest, io, true);
  if (sub === 'score') return score(rest, io);
  const { values } = parse(argv.filter((a) => a === '--help' || a === '-h' || a.startsWith('--lang')), { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const lang = langOf(values.lang);
  if (sub === undefined || values.help || sub === 'help') { io.out(LKE_HELP[lang]); return 0; }
  throw new UsageError({ id: `pokin lke: sub-perintah "${sub}" tidak dikenal (template, score, rekap).`, en: `pokin lke: unknown subcommand "${sub}" (template, score, rekap).` });
}

async function template(argv: string[], io: CommandIO, rekap: boolean): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' }, kriteria: { type: 'boolean' }, force: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  const lang = langOf(values.lang);
  if (values.help) { io.out(LKE_HELP[lang]); return 0; }
  const file = positionals[0];
  if (positionals.length !== 1 || !file || !/\.xlsx$/i.test(file)) {
    throw new UsageError({ id: `Sebutkan satu berkas .xlsx: pokin lke ${rekap ? 'rekap' : 'template'} BERKAS.xlsx`, en: `Name one .xlsx file: pokin lke ${rekap ? 'rekap' : 'template'} FILE.xlsx` });
  }
  const present = await exists(file);
  if (present && !values.out) {
    throw new UsageError({
      id: `${file} sudah ada: Pokin tidak menulis ulang buku kerja Anda. Beri --out KELUARAN.xlsx untuk buku kerja baru berisi tabelnya dan LKE.`,
      en: `${file} exists: Pokin does not rewrite your workbook. Give --out OUT.xlsx for a new workbook holding its tables and the LKE.`,
    });
  }
  if (!present && rekap) throw new UsageError({ id: `${file} tidak ditemukan.`, en: `${file} was not found.` });
  const target = values.out ?? file;
  if (present && resolve(target) === resolve(file)) {
    throw new UsageError({ id: '--out harus berkas lain, bukan BERKAS itu sendiri.', en: '--out must be another file, not FILE itself.' });
  }
  if (values.out && !values.force && (await exists(values.out))) {
    throw new UsageError({ id: `${values.out} sudah ada; pakai --force untuk menimpanya.`, en: `${values.out} already exists; use --force to overwrite it.` });
  }
  const read = present ? await readXlsx(file, lkeTables()) : undefined;
  const snapshot: WorkbookSnapshot = read?.snapshot ?? { tables: [] };
  const ev = evaluasiLke(snapshot);
  const stop = criteriaUnusable(ev, io, lang);
  if (stop !== null) return stop;
  const lembar = lembarLke(ev.kriteria, ev.bacaan, ev.saran, lang);
  const variant = findTable(snapshot, kriteriaLkeTableSpec());
  const kriteria = ev.kriteria.varian && variant ? variant : values.kriteria ? tabelKriteriaLke(barisKriteriaBawaan()) : undefined;
  const placed = placedSnapshot(snapshot);
  const canonical = placed.tables.length ? { snapshot: placed, config: readWorkbook(placed).tree.config } : undefined;
  const unit = ev.tree ? [ev.tree.config.namaOpd, ev.tree.config.pemda].filter(Boolean).join(' — ') : '';
  const generated = rekap ? [lkeRekapSheet({ rekap: ev.rekap, naik: ev.naik, sumber: ev.kriteria.sumber, ...(unit ? { unit } : {}) }, lang)] : [];
  const written = await writeLkeWorkbook(target, { ...(canonical ? { canonical } : {}), lembar, ...(kriteria ? { kriteria } : {}), generated });
  // Nothing is left behind silently: name the source sheets the new workbook does not hold.
  const left = (read?.sheets ?? []).map((x) => x.name).filter((n) => !written.includes(n));
  const answered = ev.rekap.kriteria.length - ev.rekap.belumDijawab.length;
  io.out(lang === 'en'
    ? `Written ${target}: LKE of ${ev.kriteria.semua.length} criteria (${ev.kriteria.sumber.en}), ${answered} answered, ${ev.saran.size} Saran Pokin${kriteria ? ', Kriteria LKE table' : ''}${rekap ? ', LKE Rekap' : ''}.`
    : `Tertulis ${target}: LKE ${ev.kriteria.semua.length} kriteria (${ev.kriteria.sumber.id}), ${answered} terjawab, ${ev.saran.size} Saran Pokin${kriteria ? ', tabel Kriteria LKE' : ''}${rekap ? ', LKE Rekap' : ''}.`);
  if (left.length) {
    io.out(lang === 'en'
      ? `Not copied from ${file} (only the canonical tables and the LKE are): ${left.join(', ')}. Generated sheets come back with pokin export.`
      : `Tidak disalin dari ${file} (hanya tabel kanonik dan LKE): ${left.join(', ')}. Lembar turunan dibuat lagi dengan pokin export.`);
  }
  if (ev.issues.length) io.err(issueLines(ev.issues, lang).join('\n'));
  return 0;
}

async function score(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const lang = langOf(values.lang);
  if (values.help) { io.out(LKE_HELP[lang]); return 0; }
  if (positionals.length !== 1) throw new UsageError({ id: 'Sebutkan tepat satu berkas: pokin lke score BERKAS.xlsx', en: 'Name exactly one file: pokin lke score FILE.xlsx' });
  const file = positionals[0];
  const { snapshot } = await readXlsx(file, lkeTables());
  if (!findTable(snapshot, lkeTableSpec())) {
    const message = lang === 'en'
      ? `${file}: no LKE table. Add one with: pokin lke template ${file} --out OUT.xlsx`
      : `${file}: tabel LKE tidak ditemukan. Tambahkan dengan: pokin lke template ${file} --out KELUARAN.xlsx`;
    if (values.json) io.out(JSON.stringify({ error: { code: 'no-lke', message } }));
    io.err(message);
    return 2;
  }
  const ev = evaluasiLke(snapshot, { saran: false });
  const stop = criteriaUnusable(ev, io, lang, values.json === true);
  if (stop !== null) return stop;
  if (values.json) io.out(JSON.stringify(rekapJson(ev.rekap)));
  else io.out(humanRecap(file, ev, lang));
  // Problems in the answers never change the JSON's shape: they go to stderr, with their cells.
  if (ev.issues.length) io.err(issueLines(ev.issues, lang).join('\n'));
  return ev.rekap.belumDijawab.length > 0 ? 1 : 0;
}

function humanRecap(file: string, ev: EvaluasiLke, lang: Lang): string {
  const n = (x: number) => (lang === 'en' ? bulat(x).toFixed(2) : bulat(x).toFixed(2).replace('.', ','));
  const r = ev.rekap;
  const lines = [`LKE ${file}`, `${lang === 'en' ? 'Criteria' : 'Kriteria'}: ${lang === 'en' ? ev.kriteria.sumber.en : ev.kriteria.sumber.id}`, ''];
  lines.push(`${(lang === 'en' ? 'Komponen / sub komponen' : 'Komponen / Sub Komponen').padEnd(52)} ${'Bobot'.padStart(7)} ${'Nilai'.padStart(7)}  ${lang === 'en' ? 'Answered' : 'Terjawab'}`);
  for (const k of r.komponen) {
    const t = k.sub.reduce((a, s) => a + s.terjawab, 0);
    const j = k.sub.reduce((a, s) => a + s.jumlah, 0);
    lines.push(`${`${k.kode} ${k.nama}`.padEnd(52).slice(0, 52)} ${n(k.bobot).padStart(7)} ${n(k.nilai).padStart(7)}  ${t}/${j}`);
    for (const s of k.sub) lines.push(`${`  ${s.kode} ${s.nama}`.padEnd(52).slice(0, 52)} ${n(s.bobot).padStart(7)} ${n(s.nilai).padStart(7)}  ${s.terjawab}/${s.jumlah}`);
  }
  lines.push(`${'Total'.padEnd(52)} ${n(r.komponen.reduce((a, k) => a + k.bobot, 0)).padStart(7)} ${n(r.totalBulat).padStart(7)}`);
  // The Info key and its values stay in Indonesian (they are what the workbook holds); English says what they mean.
  const batas = lang === 'en'
    ? `Batas Predikat: ${r.batas} = ${r.batas === 'Bawah Inklusif' ? 'a band includes its lower bound' : 'a band excludes its lower bound'}`
    : `Batas Predikat: ${r.batas}`;
  lines.push(`Predikat: ${r.predikat ?? '—'}${r.label ? ` (${r.label})` : ''}   [${batas}]`);
  if (r.belumDijawab.length) lines.push(`${lang === 'en' ? 'Not answered' : 'Belum dijawab'} (${r.belumDijawab.length}): ${r.belumDijawab.map((b) => b.kode).join(', ')}`);
  const u = ev.naik;
  if (u.ke && u.tercapai) {
    lines.push(lang === 'en'
      ? `To ${u.ke} (${u.labelKe}): +${n(u.perlu)} points at least; fewest changes (${u.perubahan.length}): ${u.perubahan.map((p) => `${p.kode} ${p.dari ?? '(none)'}→${p.ke}`).join(', ')}`
      : `Menuju ${u.ke} (${u.labelKe}): naik sedikitnya ${n(u.perlu)} poin; perubahan paling sedikit (${u.perubahan.length}): ${u.perubahan.map((p) => `${p.kode} ${p.dari ?? '(belum)'}→${p.ke}`).join(', ')}`);
  }
  return lines.join('\n');
}
