/**
 * `pokin lke template|score|rekap` as a user walks it: a new LKE workbook, the LKE added to a
 * tree workbook (with Saran Pokin), answers typed in Excel kept across a refresh, the score in
 * the issue's JSON shape with its exit codes, a pemda variant whose weights do not add up, the
 * printable LKE Rekap. In-process through `main` (as the CLI runs), and once as a child process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { main } from '../../cli/main.js';
import { lkeColumns, lkeTables } from '../../core/layout/lke.js';
import { barisKriteriaBawaan, tabelKriteriaLke } from '../../core/lke/index.js';
import { readXlsx } from '../../xlsx/read.js';
import { validateSnapshot } from '../../core/validate.js';
import { runCli, tempDir } from './fixtures.js';

const tmp = tempDir('lke');
afterAll(() => tmp.cleanup());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const H = lkeColumns().map((c) => c.header);
const col = (h: string) => H.indexOf(h) + 1;

/** Types answers into the LKE sheet as a user in Excel would (by Kode), then saves. */
async function answer(file: string, out: string, answers: Record<string, string | null>, extra: (ws: ExcelJS.Worksheet, rowOf: (k: string) => number) => void = () => {}) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('LKE')!;
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => { if (n > 1) rows.set(String(row.getCell(col('Kode')).value), n); });
  for (const [kode, v] of Object.entries(answers)) ws.getRow(rows.get(kode)!).getCell(col('Jawaban')).value = v;
  extra(ws, (k) => rows.get(k)!);
  await wb.xlsx.writeFile(out);
}

const all = (pick: (jenis: string) => string | null) =>
  Object.fromEntries(barisKriteriaBawaan().map((b) => [b.kriteria_kode, pick(b.jenis_jawaban)]));

describe('pokin lke template', () => {
  it('creates a new workbook with the LKE of 76 criteria and, with --kriteria, the editable Kriteria LKE table', async () => {
    const f = tmp.path('baru.xlsx');
    const r = await run(['lke', 'template', f, '--kriteria']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('LKE 76 kriteria');
    const { snapshot } = await readXlsx(f, lkeTables());
    const lke = snapshot.tables.find((t) => t.name === 'LKE')!;
    expect(lke.header).toEqual(H);
    expect(lke.rows.length).toBe(76);
    expect(snapshot.tables.find((t) => t.name === 'KriteriaLKE')?.rows.length).toBe(76);
  });

  it('refuses to rewrite an existing workbook: the LKE goes to --out, with the tree\'s tables and the Saran Pokin', async () => {
    const src = 'examples/dinkes-kabupaten-contoh.xlsx';
    const refused = await run(['lke', 'template', src]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Pokin tidak menulis ulang buku kerja Anda');
    const out = tmp.path('dinkes-lke.xlsx');
    const r = await run(['lke', 'template', src, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 Saran Pokin');
    const before = await readXlsx(src, lkeTables());
    const after = await readXlsx(out, lkeTables());
    // The tree reads and validates exactly as before.
    const strip = (s: typeof before.snapshot) => s.tables.filter((t) => t.name !== 'LKE').map((t) => [t.name, t.header, t.rows]);
    expect(strip(after.snapshot)).toEqual(strip(before.snapshot));
    expect(validateSnapshot(after.snapshot).issues).toEqual(validateSnapshot(before.snapshot).issues);
    const lke = after.snapshot.tables.find((t) => t.name === 'LKE')!;
    const smart = lke.rows.find((row) => row[col('Kode') - 1] === 'AREN002.5')!;
    expect(smart[col('Saran Pokin') - 1]).toBe('A: 100 %: 64 dari 64 indikator tanpa temuan K02/K04/K09/K11/K19.');
    expect(smart[col('Jawaban') - 1]).toBeNull();
  });

  it('names the sheets of the source workbook it does not copy', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('examples/dinkes-kabupaten-contoh.xlsx');
    wb.addWorksheet('Catatan Rapat').getCell('A1').value = 'notulen';
    const src = tmp.path('dengan-lembar-lain.xlsx');
    await wb.xlsx.writeFile(src);
    const r = await run(['lke', 'template', src, '--out', tmp.path('dengan-lembar-lain-lke.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(hanya tabel kanonik dan LKE): Catatan Rapat.');
  });

  it('keeps answers, links and notes typed in Excel when the LKE is refreshed, and carries the variant table', async () => {
    const base = tmp.path('refresh-base.xlsx');
    await run(['lke', 'template', base, '--kriteria']);
    const typed = tmp.path('refresh-typed.xlsx');
    await answer(base, typed, { 'AREN001.1': 'ya', 'AREN002.5': 'b' }, (ws, rowOf) => {
      ws.getRow(rowOf('AREN001.1')).getCell(col('Tautan')).value = 'https://contoh/renstra.pdf';
      ws.getRow(rowOf('AREN001.1')).getCell(col('Catatan Evaluator')).value = '=HYPERLINK("http://jahat")';
    });
    const out = tmp.path('refresh-out.xlsx');
    const r = await run(['lke', 'template', typed, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 terjawab');
    const lke = (await readXlsx(out, lkeTables())).snapshot.tables.find((t) => t.name === 'LKE')!;
    const row = lke.rows.find((x) => x[col('Kode') - 1] === 'AREN001.1')!;
    expect([row[col('Jawaban') - 1], row[col('Nilai') - 1], row[col('Tautan') - 1]]).toEqual(['Y', 1, 'https://contoh/renstra.pdf']);
    // Text from another user stays text: written as a string, never as a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('LKE')!;
    const noteCell = ws.getRow(lke.rows.indexOf(row) + 2).getCell(col('Catatan Evaluator'));
    expect(noteCell.value).toBe('=HYPERLINK("http://jahat")');
    expect(noteCell.type).toBe(ExcelJS.ValueType.String);
    expect((await readXlsx(out, lkeTables())).snapshot.tables.some((t) => t.name === 'KriteriaLKE')).toBe(true);
  });

  it('refuses a variant whose sub komponen weights do not add up (V01), naming the cell', async () => {
    const rows = barisKriteriaBawaan().map((b) => ({ ...b }));
    for (const b of rows) if (b.sub_kode === 'DVAL003') b.sub_bobot = '12.5';
    const t = tabelKriteriaLke(rows);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kriteria LKE');
    ws.addTable({ name: 'KriteriaLKE', ref: 'A1', columns: t.header.map((h) => ({ name: String(h) })), rows: t.rows as ExcelJS.CellValue[][] });
    const f = tmp.path('varian-salah.xlsx');
    await wb.xlsx.writeFile(f);
    const r = await run(['lke', 'template', f, '--out', tmp.path('x.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'Kriteria LKE'!C63");
    expect(r.stderr).toContain('V01 E [DVAL01]  The sub komponen weights of Evaluasi Akuntabilitas Kinerja Internal (DVAL01) add up to 32.5 (5 + 7.5 + 12.5 + 7.5), not to the komponen\'s weight 25.');
    // Only the criteria table's problem: its header is not mistaken for an LKE table.
    expect(r.stderr).not.toContain('F03');
    expect(existsSync(tmp.path('x.xlsx'))).toBe(false);
  });
});

describe('pokin lke score', () => {
  let complete: string;
  let partial: string;
  beforeAll(async () => {
    const base = tmp.path('score-base.xlsx');
    await run(['lke', 'template', base]);
    complete = tmp.path('score-complete.xlsx');
    await answer(base, complete, all((j) => (j === 'Y/T' ? 'Y' : 'C')));
    partial = tmp.path('score-partial.xlsx');
    await answer(base, partial, { ...all((j) => (j === 'Y/T' ? 'Y' : 'A')), 'AREN001.1': null, 'BKUR002.1': 'Z' });
  });

  it('prints the recap in the issue\'s JSON shape and exits 0 when every criterion is answered', async () => {
    const r = await run(['lke', 'score', complete, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['komponen', 'total', 'predikat', 'label', 'belumDijawab']);
    expect(json).toMatchObject({ total: 50.99, predikat: 'CC', label: 'Cukup (Memadai)', belumDijawab: [] });
    expect(json.komponen[0]).toMatchObject({ kode: 'AREN01', nama: 'Perencanaan Kinerja', bobot: 30, nilai: 15.93 });
    expect(Object.keys(json.komponen[0].sub[0])).toEqual(['kode', 'nama', 'bobot', 'nilai', 'terjawab', 'jumlah']);
  });

  it('exits 1 and lists unanswered criteria; an answer off the scale counts as unanswered, reported on stderr with its cell', async () => {
    const r = await run(['lke', 'score', partial, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.belumDijawab).toEqual(['AREN001.1', 'BKUR002.1']);
    expect(r.stderr).toMatch(/LKE!G\d+\s+F01 E \[BKUR002\.1\]\s+Jawaban "Z" bukan pilihan kriteria BKUR002\.1 \(A\/B\/C\/D\)/);
    const human = await run(['lke', 'score', partial]);
    expect(human.stdout).toContain('Belum dijawab (2): AREN001.1, BKUR002.1');
    expect(human.stdout).toMatch(/Predikat: AA \(Sangat Memuaskan\)/);
  });

  it('exits 2 with a hint when the workbook has no LKE table (JSON: an error object)', async () => {
    const r = await run(['lke', 'score', 'examples/dinkes-kabupaten-contoh.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tabel LKE tidak ditemukan');
    expect(r.stderr).toContain('pokin lke template');
    const j = await run(['lke', 'score', 'examples/dinkes-kabupaten-contoh.xlsx', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ error: { code: 'no-lke' } });
  });

  it('answers an unknown subcommand with exit 2 and no stack trace', async () => {
    const r = await run(['lke', 'nilai', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pokin lke: sub-perintah "nilai" tidak dikenal (template, score, rekap).');
    expect((await run(['help', 'lke'])).stdout).toContain('pokin lke score BERKAS.xlsx [--json]');
  });

  it('scores the example through the real command line (child process)', async () => {
    const r = await runCli(['lke', 'score', 'examples/dinkes-lke-contoh.xlsx', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ total: 54.44, predikat: 'CC', belumDijawab: ['CLAP003.7', 'DVAL004.3'] });
  });
});

describe('pokin lke rekap', () => {
  it('adds the printable LKE Rekap: recap, costliest criteria, the way to the next predikat', async () => {
    const out = tmp.path('rekap.xlsx');
    const r = await run(['lke', 'rekap', 'examples/dinkes-lke-contoh.xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('LKE Rekap')!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (c.value !== null) text.push(String(c.value)); }));
    expect(text).toContain('REKAPITULASI EVALUASI AKUNTABILITAS KINERJA (LKE SAKIP)');
    expect(text).toContain('CC — Cukup (Memadai)');
    expect(text).toContain('Sepuluh kriteria dengan poin hilang terbesar');
    expect(text).toContain('Menuju predikat berikutnya: B (Baik)');
    expect(text.some((t) => t.startsWith('Total 54,44 perlu naik sedikitnya 5,57 poin menjadi > 60,00.'))).toBe(true);
    expect(text).toContain('Belum dijawab (2): CLAP003.7, DVAL004.3');
    expect(ws.pageSetup.paperSize).toBe(9);
  });
});
