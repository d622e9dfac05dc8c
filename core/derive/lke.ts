/**
 * `LKE Rekap` (SAKIP.md §13), generated and printable (A4 portrait): komponen and sub komponen
 * with bobot, nilai, % and the points missing, then Total and Predikat with its label; the ten
 * criteria costing the most; what would raise the predikat to the next band (the smallest set
 * of answers, core/lke/naik.ts); the criteria not answered yet.
 */
import type { Bilingual } from '../issues.js';
import { kriteriaTermahal, type RekapLke } from '../lke/skor.js';
import type { UsulanNaik } from '../lke/naik.js';
import { SheetBuilder, STYLES, type SheetSpec } from './spec.js';

export const LKE_REKAP_SHEET = 'LKE Rekap';

export interface LkeRekapInput {
  rekap: RekapLke;
  naik: UsulanNaik;
  /** Where the criteria came from (shipped list or the workbook's own). */
  sumber: Bilingual;
  /** `Dinas Kesehatan — Kabupaten Contoh`, when the workbook names its OPD. */
  unit?: string;
}

const L = {
  judul: { id: 'REKAPITULASI EVALUASI AKUNTABILITAS KINERJA (LKE SAKIP)', en: 'PERFORMANCE ACCOUNTABILITY EVALUATION SUMMARY (LKE SAKIP)' },
  kriteria: { id: 'Kriteria', en: 'Criteria' },
  head1: { id: ['No', 'Kode', 'Komponen / Sub Komponen', 'Bobot', 'Nilai', '%', 'Poin Hilang', 'Terjawab'], en: ['No', 'Code', 'Komponen / sub komponen', 'Weight', 'Score', '%', 'Points lost', 'Answered'] },
  total: { id: 'Total', en: 'Total' },
  predikat: { id: 'Predikat', en: 'Predikat' },
  batas: { id: 'Batas Predikat', en: 'Batas Predikat' },
  termahal: { id: 'Sepuluh kriteria dengan poin hilang terbesar', en: 'The ten criteria costing the most points' },
  head2: { id: ['No', 'Kode', 'Kriteria', 'Jawaban', 'Poin', 'Poin Maks', 'Poin Hilang'], en: ['No', 'Code', 'Criterion', 'Answer', 'Points', 'Max', 'Points lost'] },
  belum: { id: '(belum)', en: '(none)' },
  naik: { id: 'Menuju predikat berikutnya', en: 'To the next predikat' },
  head3: { id: ['No', 'Kode', 'Kriteria', 'Jawaban', 'Usulan', 'Tambah'], en: ['No', 'Code', 'Criterion', 'Answer', 'Proposed', 'Added'] },
  definisi: {
    id: 'Perubahan paling sedikit: jumlah kriteria yang jawabannya berubah sekecil mungkin (dipilih yang poin hilangnya terbesar); tiap jawaban usulan adalah yang terendah yang masih mencapai predikat itu.',
    en: 'Fewest changes: the smallest number of criteria whose answer changes (those losing the most points); each proposed answer is the lowest that still reaches that predikat.',
  },
  belumDijawab: { id: 'Belum dijawab', en: 'Not answered' },
} as const;

const t = (b: { id: string; en: string }, lang: 'id' | 'en') => (lang === 'en' ? b.en : b.id);
/** Row height for wrapped text: explicit, because neither Excel nor Calc grows a row on open. */
const tinggi = (text: string, width: number) => Math.max(15, 13 * Math.ceil(text.length / Math.max(1, width * 1.15)) + 3);
const WIDTHS = [5, 12, 52, 10, 10, 10, 10, 11];
const FULL = WIDTHS.reduce((a, b) => a + b, 0);
const angka = (x: number, lang: 'id' | 'en') => {
  const s = (Math.round(Number(x.toPrecision(12)) * 100) / 100).toFixed(2);
  return lang === 'en' ? s : s.replace('.', ',');
};

export function lkeRekapSheet(input: LkeRekapInput, lang: 'id' | 'en' = 'id'): SheetSpec {
  const { rekap, naik } = input;
  const s = new SheetBuilder(LKE_REKAP_SHEET, WIDTHS, { paper: 'A4', orientation: 'portrait', fitToWidth: true });
  s.spec.styles = {
    ...STYLES,
    dua: { border: true, vertical: 'top', horizontal: 'right', numFmt: '0.00' },
    duaBold: { bold: true, border: true, vertical: 'top', horizontal: 'right', numFmt: '0.00' },
    textBold: { bold: true, border: true, wrap: true, vertical: 'top' },
    section: { bold: true, size: 11, vertical: 'bottom' },
    note: { italic: true, wrap: true, vertical: 'top' },
  };
  const last = 8;
  let r = 1;
  s.merge(r, 1, r, last, t(L.judul, lang), 'title'); s.height(r, 30); r++;
  if (input.unit) { s.merge(r, 1, r, last, input.unit, 'subtitle'); r++; }
  const sumber = `${t(L.kriteria, lang)}: ${t(input.sumber, lang)}`;
  s.merge(r, 1, r, last, sumber, 'plainCenter'); s.height(r, tinggi(sumber, FULL)); r += 2;

  L.head1[lang].forEach((h, i) => s.set(r, i + 1, h, 'header'));
  s.height(r, 30);
  r++;
  rekap.komponen.forEach((k, ki) => {
    s.set(r, 1, ki + 1, 'center');
    s.set(r, 2, k.kode, 'textBold');
    s.set(r, 3, k.nama, 'textBold');
    s.set(r, 4, k.bobot, 'duaBold');
    s.set(r, 5, k.nilai, 'duaBold');
    s.set(r, 6, k.bobot ? (k.nilai / k.bobot) * 100 : null, 'duaBold');
    s.set(r, 7, k.hilang, 'duaBold');
    s.set(r, 8, `${k.sub.reduce((n, x) => n + x.terjawab, 0)}/${k.sub.reduce((n, x) => n + x.jumlah, 0)}`, 'center');
    r++;
    for (const sub of k.sub) {
      s.set(r, 1, null, 'text');
      s.set(r, 2, sub.kode, 'text');
      s.set(r, 3, `    ${sub.nama}`, 'text');
      s.set(r, 4, sub.bobot, 'dua');
      s.set(r, 5, sub.nilai, 'dua');
      s.set(r, 6, sub.bobot ? (sub.nilai / sub.bobot) * 100 : null, 'dua');
      s.set(r, 7, sub.hilang, 'dua');
      s.set(r, 8, `${sub.terjawab}/${sub.jumlah}`, 'center');
      r++;
    }
  });
  const bobot = rekap.komponen.reduce((n, k) => n + k.bobot, 0);
  s.merge(r, 1, r, 3, t(L.total, lang), 'totalLabel');
  s.set(r, 4, bobot, 'duaBold');
  s.set(r, 5, rekap.totalBulat, 'duaBold');
  s.set(r, 6, bobot ? (rekap.total / bobot) * 100 : null, 'duaBold');
  s.set(r, 7, bobot - rekap.total, 'duaBold');
  s.set(r, 8, `${rekap.kriteria.length - rekap.belumDijawab.length}/${rekap.kriteria.length}`, 'center');
  r++;
  s.merge(r, 1, r, 3, t(L.predikat, lang), 'totalLabel');
  s.merge(r, 4, r, last, rekap.predikat ? `${rekap.predikat} — ${rekap.label}` : '—', 'textBold');
  r++;
  s.merge(r, 1, r, last, `${t(L.batas, lang)}: ${rekap.batas}`, 'note');
  r += 2;

  const top = kriteriaTermahal(rekap, 10);
  s.merge(r, 1, r, last, t(L.termahal, lang), 'section'); r++;
  L.head2[lang].forEach((h, i) => s.set(r, i + 1, h, 'header'));
  s.height(r, 30);
  r++;
  top.forEach((k, i) => {
    s.set(r, 1, i + 1, 'center');
    s.set(r, 2, k.kriteria.kode, 'text');
    s.set(r, 3, k.kriteria.teks, 'text');
    s.set(r, 4, k.jawaban ?? t(L.belum, lang), 'center');
    s.set(r, 5, k.poin, 'dua');
    s.set(r, 6, k.poin + k.hilang, 'dua');
    s.set(r, 7, k.hilang, 'dua');
    s.height(r, tinggi(k.kriteria.teks, WIDTHS[2]));
    r++;
  });
  r++;

  s.merge(r, 1, r, last, `${t(L.naik, lang)}${naik.ke ? `: ${naik.ke} (${naik.labelKe})` : ''}`, 'section'); r++;
  const intro = naikText(naik, rekap, lang);
  s.merge(r, 1, r, last, intro, 'plain'); s.height(r, tinggi(intro, FULL)); r++;
  if (naik.perubahan.length) {
    L.head3[lang].forEach((h, i) => s.set(r, i + 1, h, 'header'));
    s.height(r, 30);
    r++;
    naik.perubahan.forEach((p, i) => {
      s.set(r, 1, i + 1, 'center');
      s.set(r, 2, p.kode, 'text');
      s.set(r, 3, p.kriteria, 'text');
      s.set(r, 4, p.dari ?? t(L.belum, lang), 'center');
      s.set(r, 5, p.ke, 'center');
      s.set(r, 6, p.tambah, 'dua');
      s.height(r, tinggi(p.kriteria, WIDTHS[2]));
      r++;
    });
    s.merge(r, 1, r, last, t(L.definisi, lang), 'note'); s.height(r, tinggi(t(L.definisi, lang), FULL)); r++;
  }
  r++;
  const belum = rekap.belumDijawab.map((b) => b.kode);
  const belumText = `${t(L.belumDijawab, lang)} (${belum.length}): ${belum.join(', ') || '—'}`;
  s.merge(r, 1, r, last, belumText, 'plain');
  s.height(r, tinggi(belumText, FULL));
  return s.spec;
}

function naikText(n: UsulanNaik, rekap: RekapLke, lang: 'id' | 'en'): string {
  const total = angka(rekap.totalBulat, lang);
  if (!n.ke) {
    return lang === 'en' ? `The total ${total} already has the top predikat${rekap.predikat ? ` (${rekap.predikat})` : ''}.` : `Total ${total} sudah pada predikat tertinggi${rekap.predikat ? ` (${rekap.predikat})` : ''}.`;
  }
  const sign = n.inklusif ? '≥' : '>';
  const band = `${sign} ${angka(n.batasBawah ?? 0, lang)}`;
  if (!n.tercapai) {
    return lang === 'en' ? `Even the top answer on every criterion does not reach ${n.ke} (${band}): check the weights.` : `Semua kriteria pada jawaban tertinggi pun tidak mencapai ${n.ke} (${band}): periksa bobotnya.`;
  }
  const k = n.perubahan.length;
  return lang === 'en'
    ? `The total ${total} must rise by at least ${angka(n.perlu, lang)} points to ${band}. The fewest answers that do it (${k} ${k === 1 ? 'criterion' : 'criteria'}) give ${angka(n.totalBaru ?? 0, lang)}:`
    : `Total ${total} perlu naik sedikitnya ${angka(n.perlu, lang)} poin menjadi ${band}. Perubahan jawaban paling sedikit (${k} kriteria) memberi ${angka(n.totalBaru ?? 0, lang)}:`;
}
