/**
 * The adoption flow's questions and report (core/adoption), the same for the pane and
 * `pokin import`: the Info a Renstra matrix lacks, each with Pokin's guess and where it came
 * from; answers checked before anything is written; every source row accounted for.
 */
import { describe, expect, it } from 'vitest';
import { adoptWithAnswers, answerProblems, countsLine, draftAdoption, guessVersi, reportView } from '../../core/adoption/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { dirtySheet, levelSheet, renstraSheet } from '../fixtures/adopt/build.js';
import { renjaForm } from '../fixtures/adopt/renja.js';

const byKey = (qs: { key: string; guess: string }[]) => Object.fromEntries(qs.map((q) => [q.key, q.guess]));

describe('adoption questions', () => {
  it('asks a Renstra matrix for the Info it lacks, with guesses from its title, codes and years', () => {
    const d = draftAdoption([renstraSheet()]);
    if (!d.ok) throw new Error('not recognised');
    expect(d.questions.map((q) => q.key)).toEqual(['Pemda', 'Kode Pemda', 'Jenis Pemda', 'Kode OPD', 'Nama OPD', 'Versi Nomenklatur']);
    expect(byKey(d.questions)).toEqual({
      Pemda: 'Kabupaten Banyuwangi', 'Kode Pemda': '', 'Jenis Pemda': 'Kabupaten', 'Kode OPD': '5.01.0.00.0.00.01.0000',
      'Nama OPD': 'Bappeda', 'Versi Nomenklatur': 'Kepmendagri 900.1-2850/2025',
    });
    expect(d.questions.find((q) => q.key === 'Kode OPD')!.source!.id).toMatch(/periksa/);
    expect(d.questions.find((q) => q.key === 'Kode Pemda')!.hint.id).toMatch(/35\.10/);
  });

  it('reads the pemda and the OPD from a form\'s title in capitals (DINAS KESEHATAN KABUPATEN BANYUWANGI)', () => {
    const d = draftAdoption([renjaForm().sheet]);
    if (!d.ok) throw new Error('not recognised');
    expect(byKey(d.questions)).toMatchObject({ Pemda: 'Kabupaten Banyuwangi', 'Jenis Pemda': 'Kabupaten', 'Nama OPD': 'Dinas Kesehatan' });
  });

  it('takes the signed-in account\'s pemda and OPD, and the period from a level table\'s file name', () => {
    const d = draftAdoption([levelSheet()], {}, { kodePemda: '35.10', kodeOpd: '5.01.5.05.0.00.01.0000', fileName: 'pokin_bappeda_2026-2030.xlsx' });
    if (!d.ok) throw new Error('not recognised');
    const g = byKey(d.questions);
    expect(g).toMatchObject({ 'Kode Pemda': '35.10', 'Kode OPD': '5.01.5.05.0.00.01.0000', 'Tahun Awal': '2026', 'Tahun Akhir': '2030' });
    expect(d.questions.find((q) => q.key === 'Kode Pemda')!.source!.en).toBe('from the signed-in account');
  });

  it('refuses empty or malformed answers before anything is written', () => {
    const d = draftAdoption([renstraSheet()]);
    if (!d.ok) throw new Error('not recognised');
    const answers = { ...byKey(d.questions), 'Kode Pemda': '3510', 'Kode OPD': '' };
    const p = answerProblems(d.questions, answers);
    expect(Object.keys(p).sort()).toEqual(['Kode OPD', 'Kode Pemda']);
    expect(p['Kode Pemda'].id).toMatch(/35\.10/);
    expect(answerProblems(d.questions, { ...answers, 'Kode Pemda': '35.10', 'Kode OPD': '5.01.5.05.0.00.01.0000' })).toEqual({});
    expect(answerProblems([{ ...d.questions[0], key: 'Tahun Akhir' }], { 'Tahun Awal': '2026', 'Tahun Akhir': '2024' })['Tahun Akhir'].en).toMatch(/≥/);
  });

  it('writes the answers into Info: nothing left blank for the next sign-in to trip over', () => {
    const answers = { Pemda: 'Kabupaten Banyuwangi', 'Kode Pemda': '35.10', 'Jenis Pemda': 'Kabupaten', 'Kode OPD': '5.01.5.05.0.00.01.0000', 'Nama OPD': 'Bappeda', 'Versi Nomenklatur': 'Kepmendagri 900.1-2850/2025' };
    const a = adoptWithAnswers([renstraSheet()], answers);
    if (!a.ok) throw new Error('not recognised');
    expect(a.result.report.missingInfo).toEqual([]);
    const c = readWorkbook(a.result.snapshot).tree.config;
    expect([c.kodePemda, c.kodeOpd, c.tahunAwal, c.tahunAkhir]).toEqual(['35.10', '5.01.5.05.0.00.01.0000', 2026, 2030]);
  });

  it('guesses the nomenclature version in force before the period starts', () => {
    expect(guessVersi(2025)).toBe('Kepmendagri 900.1.15.5-3406/2024');
    expect(guessVersi(2021)).toBe('Kepmendagri 050-3708/2020');
  });
});

describe('adoption report', () => {
  it('accounts for every source row of a dirty matrix: placed, context, skipped and not placed with the reason', () => {
    const d = draftAdoption([dirtySheet()]);
    if (!d.ok) throw new Error('not recognised');
    const v = reportView(d.result.report);
    expect(v.rows.length).toBeGreaterThanOrEqual(v.sourceRows);
    expect(v.rows.some((r) => r.kind === 'context' && /bukan kotak/.test(r.text))).toBe(true);
    const unplaced = v.rows.filter((r) => r.kind === 'unplaced');
    expect(unplaced.length).toBe(v.unplaced.length);
    // Totals rows, repeated headers and footnotes are skipped, each with its reason.
    expect(v.rows.filter((r) => r.kind === 'skipped').map((r) => r.text)).toEqual(expect.arrayContaining([
      expect.stringMatching(/baris jumlah/), expect.stringMatching(/judul tabel berulang/), expect.stringMatching(/catatan kaki/),
    ]));
    // Stray text in a code still makes the box; the code is kept as typed and flagged (N01).
    expect(d.result.report.issues.find((i) => i.rule === 'N01' && i.cell === 'H17')!.message).toMatch(/2 Paket/);
    expect(v.normalised.length).toBeGreaterThan(0);
    expect(countsLine(d.result.report)).toMatch(/^34 baris → 25 kotak, 30 indikator; 0 tidak tertempatkan; 7 dilewati \(bukan data\); \d+ nilai dinormalkan\.$/);
    expect(reportView(d.result.report, 'en').rows.find((r) => r.kind === 'skipped')!.text).toMatch(/^skipped/);
  });
});
