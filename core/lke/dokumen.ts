/**
 * LKE answers as a document the API can carry and the store can keep (per OPD and year, like
 * the realisasi): the answers by criterion code with their evidence and notes, plus a
 * fingerprint of the criteria list they were given against, so a server or a consolidation can
 * tell answers to a different list apart. Pure data in and out: `dokumenJawabanLke` from a
 * workbook's evaluation, `periksaDokumenLke` for an untrusted body (a 4xx with the reasons),
 * `bacaanDariDokumen` back into what `hitungSkor` and `lembarLke` take.
 */
import type { Bilingual } from '../issues.js';
import type { BacaanJawaban } from './jawaban.js';
import { bacaJawaban } from './skala.js';
import type { JawabanLke, KriteriaLke } from './types.js';

export const JENIS_DOKUMEN_LKE = 'lke-jawaban';

export interface JawabanDokumen {
  kode: string;
  /** Answer code (`Y`, `A` …) or null when not answered. */
  jawaban: string | null;
  buktiDukung: string;
  tautan: string;
  catatanEvaluator: string;
}

export interface DokumenJawabanLke {
  jenis: typeof JENIS_DOKUMEN_LKE;
  versi: 1;
  kodeOpd: string;
  tahun: number;
  /** `sidikKriteria` of the list the answers were given against. */
  kriteria: string;
  jawaban: JawabanDokumen[];
}

/** Limits for an untrusted document (a pemda variant has ~100 criteria; texts are notes and links). */
export const BATAS_DOKUMEN_LKE = { jawaban: 1000, teks: 4000, kode: 40 } as const;

/**
 * A short, stable fingerprint of a criteria list: codes, weights, answer types and values in
 * list order (FNV-1a, 32 bits, hex). Texts are left out: a typo fix does not orphan answers.
 */
export function sidikKriteria(k: KriteriaLke): string {
  const parts = k.semua.map((c) => [c.sub.komponen.kode, c.sub.komponen.bobot, c.sub.kode, c.sub.bobot, c.kode, c.skala.map((p) => `${p.kode}=${p.nilai}`).join(',')].join('|'));
  let h = 0x811c9dc5;
  for (const ch of parts.join('\n')) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function dokumenJawabanLke(kriteria: KriteriaLke, bacaan: BacaanJawaban, meta: { kodeOpd: string; tahun: number }): DokumenJawabanLke {
  const jawaban: JawabanDokumen[] = [];
  for (const k of kriteria.semua) {
    const j = bacaan.jawaban.get(k.kode);
    if (!j) continue;
    jawaban.push({ kode: k.kode, jawaban: j.jawaban, buktiDukung: j.buktiDukung, tautan: j.tautan, catatanEvaluator: j.catatanEvaluator });
  }
  return { jenis: JENIS_DOKUMEN_LKE, versi: 1, kodeOpd: meta.kodeOpd, tahun: meta.tahun, kriteria: sidikKriteria(kriteria), jawaban };
}

type Hasil = { ok: true; dokumen: DokumenJawabanLke } | { ok: false; masalah: Bilingual[] };

/** Checks an untrusted body; every problem is listed, nothing is half-accepted. */
export function periksaDokumenLke(x: unknown, kriteria?: KriteriaLke): Hasil {
  const masalah: Bilingual[] = [];
  const bad = (id: string, en: string) => masalah.push({ id, en });
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ok: false, masalah: [{ id: 'Dokumen LKE harus objek JSON.', en: 'The LKE document must be a JSON object.' }] };
  const d = x as Record<string, unknown>;
  if (d.jenis !== JENIS_DOKUMEN_LKE) bad(`jenis harus "${JENIS_DOKUMEN_LKE}".`, `jenis must be "${JENIS_DOKUMEN_LKE}".`);
  if (d.versi !== 1) bad('versi harus 1.', 'versi must be 1.');
  if (typeof d.kodeOpd !== 'string' || d.kodeOpd === '' || d.kodeOpd.length > BATAS_DOKUMEN_LKE.kode) bad('kodeOpd wajib diisi (teks).', 'kodeOpd is required (text).');
  if (typeof d.tahun !== 'number' || !Number.isInteger(d.tahun) || d.tahun < 2000 || d.tahun > 2100) bad('tahun harus tahun 4 digit.', 'tahun must be a 4-digit year.');
  if (typeof d.kriteria !== 'string' || !/^[0-9a-f]{8}$/.test(d.kriteria)) bad('kriteria harus sidik daftar kriteria (8 digit heksadesimal).', 'kriteria must be the criteria fingerprint (8 hex digits).');
  else if (kriteria && d.kriteria !== sidikKriteria(kriteria)) bad('Jawaban diberikan untuk daftar kriteria lain.', 'The answers were given against another criteria list.');
  const list = d.jawaban;
  if (!Array.isArray(list)) bad('jawaban harus larik.', 'jawaban must be an array.');
  else if (list.length > BATAS_DOKUMEN_LKE.jawaban) bad(`Paling banyak ${BATAS_DOKUMEN_LKE.jawaban} jawaban.`, `At most ${BATAS_DOKUMEN_LKE.jawaban} answers.`);
  else {
    const seen = new Set<string>();
    list.forEach((j: unknown, i) => {
      const at = `jawaban[${i}]`;
      if (typeof j !== 'object' || j === null) { bad(`${at} harus objek.`, `${at} must be an object.`); return; }
      const r = j as Record<string, unknown>;
      if (typeof r.kode !== 'string' || r.kode === '' || r.kode.length > BATAS_DOKUMEN_LKE.kode) { bad(`${at}.kode wajib diisi.`, `${at}.kode is required.`); return; }
      if (seen.has(r.kode)) bad(`${at}.kode "${r.kode}" ganda.`, `${at}.kode "${r.kode}" is duplicated.`);
      seen.add(r.kode);
      const k = kriteria?.byKode.get(r.kode);
      if (kriteria && !k) bad(`${at}.kode "${r.kode}" tidak ada dalam daftar kriteria.`, `${at}.kode "${r.kode}" is not in the criteria list.`);
      if (r.jawaban !== null && typeof r.jawaban !== 'string') bad(`${at}.jawaban harus teks atau null.`, `${at}.jawaban must be text or null.`);
      else if (typeof r.jawaban === 'string' && k && bacaJawaban(r.jawaban, k.skala) !== r.jawaban) {
        bad(`${at}.jawaban "${r.jawaban}" bukan pilihan ${k.kode} (${k.skala.map((p) => p.kode).join('/')}).`, `${at}.jawaban "${r.jawaban}" is not a choice of ${k.kode} (${k.skala.map((p) => p.kode).join('/')}).`);
      }
      for (const f of ['buktiDukung', 'tautan', 'catatanEvaluator']) {
        if (typeof r[f] !== 'string' || (r[f] as string).length > BATAS_DOKUMEN_LKE.teks) bad(`${at}.${f} harus teks ≤ ${BATAS_DOKUMEN_LKE.teks} karakter.`, `${at}.${f} must be text ≤ ${BATAS_DOKUMEN_LKE.teks} characters.`);
      }
    });
  }
  if (masalah.length) return { ok: false, masalah };
  const doc = d as unknown as DokumenJawabanLke;
  return { ok: true, dokumen: {
    jenis: JENIS_DOKUMEN_LKE, versi: 1, kodeOpd: doc.kodeOpd, tahun: doc.tahun, kriteria: doc.kriteria,
    jawaban: doc.jawaban.map((j) => ({ kode: j.kode, jawaban: j.jawaban, buktiDukung: j.buktiDukung, tautan: j.tautan, catatanEvaluator: j.catatanEvaluator })),
  } };
}

/** The answers of a document as a workbook reading (for `hitungSkor`, `lembarLke`). */
export function bacaanDariDokumen(doc: DokumenJawabanLke): BacaanJawaban {
  const jawaban = new Map<string, JawabanLke>();
  for (const j of doc.jawaban) jawaban.set(j.kode, { ...j });
  return { jawaban, asing: [] };
}
