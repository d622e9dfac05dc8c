/**
 * The Saran Pokin evaluators that read Renaksi, realisasi and the LKjIP tables (SAKIP.md §13:
 * "Renaksi and pengukuran present; the LKjIP tables complete"). Each measures, over the PK
 * indicators of the year (core/pengukuran, the same figures the Pengukuran and LKjIP sheets
 * show), the share that has what the criterion asks, and names the rule that judges a single
 * row (R01, U02, L01, L02, L03). A workbook without Rencana Aksi and Realisasi tables gets no
 * saran from them (null), so a planning-only workbook is not marked down for what it never had.
 */
import { hitungPengukuran, type IndikatorTahun, type PengukuranTahun } from '../../pengukuran/hitung.js';
import type { PohonKinerja } from '../../model.js';
import type { Bilingual } from '../../issues.js';
import type { Kriteria } from '../types.js';
import type { SaranContext, SaranEvaluator, Temuan } from './types.js';
import { percentEn, persen, sample } from './temuan.js';

interface Tahunan { p: PengukuranTahun; pk: IndikatorTahun[] }

const cache = new WeakMap<PohonKinerja, Tahunan | null>();

/** The year measured: the latest year of the Realisasi and Rencana Aksi rows. */
export function tahunPengukuran(tree: PohonKinerja): number | null {
  const p = tree.pengukuran;
  if (!p || (!p.ada.realisasi && !p.ada.rencanaAksi)) return null;
  let y: number | null = null;
  for (const r of [...p.realisasi, ...p.rencanaAksi]) if (y === null || r.tahun > y) y = r.tahun;
  return y;
}

/** The PK indicators of the year, computed once per tree; null without pengukuran tables. */
function tahunan(ctx: SaranContext): Tahunan | null {
  if (cache.has(ctx.tree)) return cache.get(ctx.tree) ?? null;
  const y = tahunPengukuran(ctx.tree);
  const out = y === null ? null : (() => { const p = hitungPengukuran(ctx.tree, y); return { p, pk: p.indikator.filter((i) => i.pk) }; })();
  cache.set(ctx.tree, out);
  return out;
}

/** A share of PK indicators, with the ones missing named. */
function share(t: Tahunan, good: (it: IndikatorTahun) => boolean, what: Bilingual, rule: string, over = t.pk): Temuan {
  const miss = over.filter((it) => !good(it));
  const n = over.length;
  const bagian = n ? (n - miss.length) / n : 0;
  const y = t.p.tahun;
  if (!miss.length) {
    return { bagian, alasan: { id: `${persen(bagian)}: seluruh ${n} indikator PK ${y} ${what.id}.`, en: `${percentEn(bagian)}: all ${n} PK indicators of ${y} ${what.en}.` } };
  }
  const ids = sample(miss.map((it) => it.indikator.nodeId));
  return { bagian, alasan: {
    id: `${persen(bagian)}: ${n - miss.length} dari ${n} indikator PK ${y} ${what.id}; belum: ${ids} (${rule} ×${miss.length}).`,
    en: `${percentEn(bagian)}: ${n - miss.length} of ${n} PK indicators of ${y} ${what.en}; not yet: ${ids} (${rule} ×${miss.length}).`,
  } };
}

const noPk = (y: number): Temuan => ({ bagian: 0, alasan: { id: `Belum ada indikator PK ${y} (Perjanjian Kinerja) untuk diukur.`, en: `No PK indicator of ${y} to measure yet.` } });

function evaluator(id: string, judul: Bilingual, cocok: (k: Kriteria) => boolean, nilai: (t: Tahunan, ctx: SaranContext) => Temuan | null): SaranEvaluator {
  return {
    id, judul, cocok,
    nilai: (ctx) => {
      const t = tahunan(ctx);
      if (!t) return null;
      if (!t.pk.length) return noPk(t.p.tahun);
      return nilai(t, ctx);
    },
  };
}

const reported = (it: IndikatorTahun, q: number) => { const r = it.realisasi[q]; return !!r && r.realisasi !== null; };

/** AREN001.3: a plan of activities (Rencana Aksi) for every PK indicator (R01). */
export const SARAN_RENAKSI = evaluator('renaksi',
  { id: 'Rencana Aksi untuk setiap indikator PK', en: 'A Rencana Aksi for every PK indicator' },
  (k) => /perencanaan aktivitas/i.test(k.teks),
  (t) => share(t, (it) => it.rencanaAksi.length > 0, { id: 'punya baris Rencana Aksi', en: 'have a Rencana Aksi row' }, 'R01'));

/**
 * AREN003.4 and BKUR002.4: capaian monitored / measured every quarter: each PK indicator
 * reported in every quarter up to the last one reported (U02 is the gap rule).
 */
export const SARAN_PENGUKURAN = evaluator('pengukuran',
  { id: 'Capaian diukur setiap triwulan', en: 'Achievement measured every quarter' },
  (k) => /dipantau secara berkala|pengukuran kinerja telah dilakukan secara berkala/i.test(k.teks),
  (t) => {
    const last = t.p.twTerakhir;
    const y = t.p.tahun;
    if (last === null) return { bagian: 0, alasan: { id: `Belum ada realisasi ${y} di tabel Realisasi.`, en: `No ${y} realisation in the Realisasi table yet.` } };
    const slots = t.pk.length * last;
    let filled = 0;
    const gaps: string[] = [];
    for (const it of t.pk) {
      let ok = true;
      for (let q = 0; q < last; q++) if (reported(it, q)) filled++; else ok = false;
      if (!ok) gaps.push(it.indikator.nodeId);
    }
    const bagian = slots ? filled / slots : 0;
    const upTo = `TW1–TW${last}`;
    return { bagian, alasan: gaps.length
      ? { id: `${persen(bagian)}: ${filled} dari ${slots} realisasi triwulan (${t.pk.length} indikator PK × ${upTo}) ${y} terisi; kosong pada ${sample(gaps)} (U02).`, en: `${percentEn(bagian)}: ${filled} of ${slots} quarterly realisations (${t.pk.length} PK indicators × ${upTo}) of ${y} reported; gaps at ${sample(gaps)} (U02).` }
      : { id: `${persen(bagian)}: seluruh ${t.pk.length} indikator PK ${y} punya realisasi ${upTo}.`, en: `${percentEn(bagian)}: all ${t.pk.length} PK indicators of ${y} have a realisation for ${upTo}.` } };
  });

/** CLAP002.3: realisasi against the year's target (LKjIP Capaian): a TW4 realisasi and a capaian (L01). */
export const SARAN_LKJIP_TAHUNAN = evaluator('lkjip-tahunan',
  { id: 'LKjIP: realisasi terhadap target tahunan', en: 'LKjIP: realisation against the annual target' },
  (k) => /realisasi kinerja dengan target tahunan/i.test(k.teks),
  (t) => share(t, (it) => reported(it, 3) && it.perTw[3].capaianTahun.murni !== null, { id: 'punya realisasi TW4 dan capaian terhadap target tahun', en: 'have a TW4 realisation and a capaian against the year\'s target' }, 'L01'));

/** CLAP002.4: against the medium-term target (LKjIP Renstra): Kondisi Akhir and a year-end realisasi. */
export const SARAN_LKJIP_RENSTRA = evaluator('lkjip-renstra',
  { id: 'LKjIP: realisasi terhadap target jangka menengah', en: 'LKjIP: realisation against the medium-term target' },
  (k) => /target jangka menengah/i.test(k.teks),
  (t) => share(t, (it) => reported(it, 3) && it.indikator.kondisiAkhir !== null && it.indikator.kondisiAkhir.kind !== 'none',
    { id: 'punya Kondisi Akhir (target akhir Renstra) dan realisasi TW4', en: 'have a Kondisi Akhir (Renstra end target) and a TW4 realisation' }, 'L01 / Kondisi Akhir'));

/** CLAP002.5: against earlier years (LKjIP Tren): a realisasi of the year before, or Kondisi Awal standing in. */
export const SARAN_LKJIP_TREN = evaluator('lkjip-tren',
  { id: 'LKjIP: realisasi dibanding tahun-tahun sebelumnya', en: 'LKjIP: realisation against earlier years' },
  (k) => /tahun-tahun sebelumnya/i.test(k.teks),
  (t, ctx) => {
    const y = t.p.tahun;
    const before = new Set((ctx.tree.pengukuran?.realisasi ?? []).filter((r) => r.tahun === y - 1 && r.realisasi !== null).map((r) => r.indikator));
    return share(t, (it) => before.has(it.indikator) || it.indikator.kondisiAwal !== null,
      { id: `punya realisasi ${y - 1} atau Kondisi Awal sebagai pembanding`, en: `have a ${y - 1} realisation or a Kondisi Awal to compare with` }, 'tren');
  });

/** CLAP002.6: benchmarks: every PK IKU has a Pembanding of the year (L03). */
export const SARAN_LKJIP_PEMBANDING = evaluator('lkjip-pembanding',
  { id: 'LKjIP: pembanding nasional/provinsi (benchmark)', en: 'LKjIP: national/provincial benchmark' },
  (k) => /benchmark/i.test(k.teks),
  (t, ctx) => {
    const iku = t.pk.filter((it) => it.indikator.iku === true);
    if (!iku.length) return null;
    const y = t.p.tahun;
    const has = new Set((ctx.tree.pengukuran?.pembanding ?? []).filter((p) => p.tahun === y && p.nilai !== null && p.nilai.kind !== 'none').map((p) => p.indikator));
    const r = share(t, (it) => has.has(it.indikator), { id: 'yang IKU punya nilai Pembanding', en: 'that are IKU have a Pembanding value' }, 'L03', iku);
    return r;
  });

/** CLAP002.7: success and failure explained: capaian outside 75–120 % with analysis text (L02). */
export const SARAN_LKJIP_ANALISIS = evaluator('lkjip-analisis',
  { id: 'LKjIP: keberhasilan/kegagalan dengan upaya dan hambatan', en: 'LKjIP: success/failure with efforts and obstacles' },
  (k) => /keberhasilan\/kegagalan/i.test(k.teks),
  (t) => {
    const analysed = (it: IndikatorTahun) => it.realisasi.some((r) => r && (r.penjelasan || r.faktorPendukung || r.faktorPenghambat || r.solusi));
    const ekstrem = t.pk.filter((it) => { const m = it.perTw[3].capaianTahun.murni; return reported(it, 3) && m !== null && (m < 75 || m > 120); });
    if (ekstrem.length) return share(t, analysed, { id: 'dengan capaian di luar 75–120 % punya analisis (Penjelasan, Faktor, Solusi)', en: 'with capaian outside 75–120 % have an analysis (Penjelasan, Faktor, Solusi)' }, 'L02', ekstrem);
    return share(t, analysed, { id: 'punya analisis (Penjelasan, Faktor Pendukung/Penghambat, Solusi)', en: 'have an analysis (Penjelasan, Faktor Pendukung/Penghambat, Solusi)' }, 'analisis');
  });

/** CLAP002.8: the LKjIP informs on efficiency: the boxes of PK indicators have a pagu and a realisasi anggaran (LKjIP Efisiensi). */
export const SARAN_LKJIP_EFISIENSI = evaluator('lkjip-efisiensi',
  { id: 'LKjIP: efisiensi penggunaan sumber daya', en: 'LKjIP: efficient use of resources' },
  // Not BKUR003.7 ("there IS efficiency"): that asks for a judgement, this for the figures.
  (k) => /menginfokan efisiensi/i.test(k.teks),
  (t) => {
    const withMoney = (it: IndikatorTahun) => {
      const b = t.p.box.get(it.box);
      return !!b && b.pagu !== null && b.realisasiAnggaranTw.some((x) => x !== null);
    };
    return share(t, withMoney, { id: 'ada pada kotak dengan pagu dan realisasi anggaran', en: 'sit in boxes with a pagu and a realisation of budget' }, 'efisiensi');
  });

export const EVALUATOR_PENGUKURAN: readonly SaranEvaluator[] = [
  SARAN_RENAKSI, SARAN_PENGUKURAN, SARAN_LKJIP_TAHUNAN, SARAN_LKJIP_RENSTRA, SARAN_LKJIP_TREN, SARAN_LKJIP_PEMBANDING, SARAN_LKJIP_ANALISIS, SARAN_LKJIP_EFISIENSI,
];
