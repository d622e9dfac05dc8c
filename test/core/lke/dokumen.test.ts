/** LKE answers as a document for the API and the store (item 5's wire type), and its checks. */
import { describe, expect, it } from 'vitest';
import {
  bacaanDariDokumen, bacaJawabanLke, dokumenJawabanLke, hitungSkor, kriteriaBawaan, periksaDokumenLke, sidikKriteria,
} from '../../../core/lke/index.js';
import { lkeColumns } from '../../../core/layout/lke.js';
import { baris, build } from './helpers.js';

const H = lkeColumns().map((c) => c.header);
const k = kriteriaBawaan();
const bacaan = bacaJawabanLke({ tables: [{ sheet: 'LKE', name: 'LKE', address: 'A1', header: H, rows: [
  H.map((h) => ({ Kode: 'AREN001.1', Jawaban: 'Y', Tautan: 'https://contoh/a' } as Record<string, string>)[h] ?? null),
  H.map((h) => ({ Kode: 'AREN002.5', Jawaban: 'B', 'Catatan Evaluator': 'cek IKU' } as Record<string, string>)[h] ?? null),
] }] }, k, []);

describe('the LKE answers document', () => {
  it('carries the answers with the criteria fingerprint and scores the same after a round trip through JSON', () => {
    const doc = dokumenJawabanLke(k, bacaan, { kodeOpd: '1.02.0.00.0.00.01.0000', tahun: 2025 });
    expect(doc).toMatchObject({ jenis: 'lke-jawaban', versi: 1, tahun: 2025, kriteria: sidikKriteria(k) });
    expect(doc.jawaban).toEqual([
      { kode: 'AREN001.1', jawaban: 'Y', buktiDukung: '', tautan: 'https://contoh/a', catatanEvaluator: '' },
      { kode: 'AREN002.5', jawaban: 'B', buktiDukung: '', tautan: '', catatanEvaluator: 'cek IKU' },
    ]);
    const checked = periksaDokumenLke(JSON.parse(JSON.stringify(doc)), k);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(hitungSkor(k, bacaanDariDokumen(checked.dokumen).jawaban)).toEqual(hitungSkor(k, bacaan.jawaban));
  });

  it('changes the fingerprint when a weight or an answer value changes, not when a text does', () => {
    const a = build([baris('K', 100, 'S', 100, 'a')]).kriteria;
    const b = build([baris('K', 100, 'S', 100, 'a', 'A/B/C/D', { kriteria: 'Teks lain' })]).kriteria;
    const c = build([baris('K', 100, 'S', 100, 'a', 'A/B/C/D', { nilai_jawaban: 'A=1; B=0,7; C=0,3; D=0' })]).kriteria;
    expect(sidikKriteria(a)).toBe(sidikKriteria(b));
    expect(sidikKriteria(a)).not.toBe(sidikKriteria(c));
    expect(sidikKriteria(k)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses a hostile or wrong body with every reason, in both languages', () => {
    const doc = dokumenJawabanLke(k, bacaan, { kodeOpd: 'X', tahun: 2025 });
    const bad = { ...doc, tahun: 25, kriteria: 'zz', jawaban: [
      { kode: 'AREN001.1', jawaban: 'A', buktiDukung: '', tautan: '', catatanEvaluator: '' },
      { kode: 'AREN001.1', jawaban: 'Y', buktiDukung: '', tautan: '', catatanEvaluator: 'x'.repeat(5000) },
      { kode: 'NOPE', jawaban: null, buktiDukung: '', tautan: '', catatanEvaluator: '' },
    ] };
    const r = periksaDokumenLke(bad, k);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.masalah.map((m) => m.en)).toEqual([
      'tahun must be a 4-digit year.',
      'kriteria must be the criteria fingerprint (8 hex digits).',
      'jawaban[0].jawaban "A" is not a choice of AREN001.1 (Y/T).',
      'jawaban[1].kode "AREN001.1" is duplicated.',
      'jawaban[1].catatanEvaluator must be text ≤ 4000 characters.',
      'jawaban[2].kode "NOPE" is not in the criteria list.',
    ]);
    expect(periksaDokumenLke([], k)).toMatchObject({ ok: false });
    expect(periksaDokumenLke({ ...doc, kriteria: '00000000' }, k)).toMatchObject({ ok: false, masalah: [{ en: 'The answers were given against another criteria list.' }] });
  });
});
