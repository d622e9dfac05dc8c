/**
 * Example: the Dinas Kesehatan tree (`dinkes.ts`) with a year of pengukuran (SAKIP.md §12):
 * Rencana Aksi 2025 for every PK indicator, realisasi for the four quarters, and Pembanding for
 * every IKU. It is meant to be CLEAN: `pokin pengukuran … --final` reports no error and no
 * warning. One indicator is added to the tree, a Rentang / Rata-rata one (the bed occupancy
 * rate of the inpatient puskesmas), so that every polarity and accumulation is measured.
 *
 * Quarterly plans follow the indicator's Akumulasi (Kumulatif: 20/30/30/20 % of the year's
 * target; Nilai Akhir: a straight line from the baseline to the target; Rata-rata: the target
 * every quarter). Realisations come from a seeded generator, except the indicators checked by
 * hand in test/core/pengukuran/hand.test.ts, whose values are fixed here. A Penjelasan is
 * written wherever capaian leaves 75–120 %. Figures are illustrative, not official data.
 */
import { readWorkbook } from '../../core/read/index.js';
import { hitungPengukuran } from '../../core/pengukuran/hitung.js';
import type { CellValue } from '../../core/snapshot.js';
import { dinkesWorkbook, YEARS } from './dinkes.js';
import { cloneWorkbook, toSnapshot, type ExampleWorkbook, type FieldRow } from './workbook.js';

export const TAHUN_PENGUKURAN = 2025;
const Y = TAHUN_PENGUKURAN;
const QUARTER_SHARE = [0.2, 0.3, 0.3, 0.2];
const BUDGET_SHARE = [0.15, 0.25, 0.3, 0.3];

/** Names of the indicators the hand-check test follows. */
export const HAND = {
  kumulatif: 'Jumlah Alat Kesehatan/Alat Penunjang Medik yang Disediakan',
  negatif: 'Angka Kematian Ibu',
  positif: 'Angka Harapan Hidup',
  rentang: 'Bed Occupancy Rate (BOR) Puskesmas Rawat Inap',
} as const;

/** Fixed plans and realisations of the hand-checked indicators (Target TW1–4, Realisasi TW1–4). */
const FIXED: Record<string, { tw: CellValue[]; real: CellValue[] }> = {
  [HAND.kumulatif]: { tw: [26, 39, 39, 26], real: [20, 42, 35, 40] },
  [HAND.negatif]: { tw: [97.63, 96.75, 95.88, 95], real: [97.1, 96.9, 96.2, 93.4] },
  [HAND.positif]: { tw: [72.59, 72.63, 72.66, 72.7], real: [72.6, 72.64, 72.66, 72.71] },
  [HAND.rentang]: { tw: ['60 - 85', '60 - 85', '60 - 85', '60 - 85'], real: [84, 88, 90, 86] },
};

/**
 * Indicators that fall short in 2025 (realisasi × factor; a Negatif one rises), so the LKjIP
 * shows every grade a real year has, with the Penjelasan a planner would write.
 */
const SHORT: Record<string, number> = {
  'Angka Kematian Bayi': 1.12,
  'Persentase Desa Siaga Aktif Mandiri': 0.82,
  'Persentase Posyandu Purnama dan Mandiri': 0.89,
  'Jumlah Tenaga Kesehatan yang Direkrut Sesuai Analisis Kebutuhan': 0.68,
  'Jumlah Industri Rumah Tangga Pangan yang Diawasi': 0.45,
};

/** The Dinas Kesehatan tree plus the Rentang / Rata-rata indicator on `S1.2.7`. */
export function dinkesPengukuranTree(): ExampleWorkbook {
  const wb = cloneWorkbook(dinkesWorkbook());
  const at = wb.indikator.findIndex((r) => r.nodeId === 'S1.2.7');
  const bor: FieldRow = {
    nodeId: 'S1.2.7', nama: HAND.rentang, satuan: '%', polaritas: 'Rentang', akumulasi: 'Rata-rata', iku: 'Tidak',
    definisi: 'Rata-rata persentase pemakaian tempat tidur puskesmas rawat inap; di bawah 60 % kurang dimanfaatkan, di atas 85 % melebihi kapasitas',
    formula: 'Jumlah hari perawatan / (jumlah tempat tidur × jumlah hari) × 100',
    sumberData: 'SIMPUS rawat inap', kondisiAwal: 58,
  };
  for (const y of YEARS) bor[`target:${y}`] = '60 - 85';
  bor.kondisiAkhir = '60 - 85';
  wb.indikator.splice(at + 1, 0, bor);
  return wb;
}

/** mulberry32: small, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The year's target split by quarter (Kumulatif), as whole numbers when the target is whole. */
function split(total: number): number[] {
  const whole = Number.isInteger(total);
  const parts = QUARTER_SHARE.map((s) => (whole ? Math.floor(total * s) : r2(total * s)));
  parts[3] = whole ? total - parts[0] - parts[1] - parts[2] : r2(total - parts[0] - parts[1] - parts[2]);
  return parts;
}

/** Rupiah split over the quarters, rounded to Rp 1.000, the rest in TW4 (Σ = pagu exactly, R04). */
function splitBudget(pagu: number): number[] {
  const parts = BUDGET_SHARE.map((s) => Math.round((pagu * s) / 1000) * 1000);
  parts[3] = pagu - parts[0] - parts[1] - parts[2];
  return parts;
}

interface Aksi { text: string; output: string; by?: string }

/** Actions by level: a realistic plan without hand-writing 65 of them. */
function actions(box: FieldRow, ind: FieldRow, first: boolean, sub: (id: string) => FieldRow | undefined): Aksi[] {
  const nama = String(ind.nama);
  const level = String(box.level);
  if (level === 'Tujuan' || level === 'Sasaran Strategis') {
    const out: Aksi[] = [{ text: `Rapat koordinasi triwulanan capaian ${nama} bersama para kepala bidang`, output: 'Notulen dan rekomendasi rapat' }];
    const kabid = box.id === 'SS1' ? 'KABID-YANKES' : box.id === 'SS2' ? 'KABID-KESMAS' : box.id === 'SS3' ? 'SEKDIS' : undefined;
    if (kabid) out.push({ text: `Pemantauan data ${String(ind.sumberData)} dan analisis kecenderungannya`, output: 'Laporan analisis triwulanan', by: kabid });
    return out;
  }
  if (level === 'Sasaran Program') return [{ text: `Monitoring dan evaluasi kegiatan pendukung ${nama}`, output: 'Laporan monev program' }];
  if (level === 'Sasaran Kegiatan') return [{ text: `Supervisi fasilitatif ke puskesmas untuk ${nama}`, output: 'Laporan supervisi' }];
  const nom = String(box.nomenklatur ?? box.pernyataan);
  if (!first) return [{ text: `Pemantauan capaian ${nama}`, output: 'Laporan pemantauan' }];
  void sub;
  return [
    { text: `Penyusunan KAK dan jadwal pelaksanaan ${nom}`, output: 'KAK dan jadwal' },
    { text: `Pelaksanaan ${nom}`, output: `Laporan pelaksanaan ${nom}` },
  ];
}

/** The first sub kegiatan code at or below a box (the Kode Sub Kegiatan of its actions). */
function subCode(wb: ExampleWorkbook, id: string): string | null {
  const box = wb.pohon.find((b) => b.id === id);
  if (!box?.kode) return null;
  if (String(box.level) === 'Sasaran Sub Kegiatan') return String(box.kode);
  for (const c of wb.pohon.filter((b) => b.induk === id)) {
    const k = subCode(wb, String(c.id));
    if (k) return k;
  }
  return null;
}

/** The plan and the four quarters of every indicator of 2025. */
export function dinkesPengukuran(): ExampleWorkbook {
  const wb = dinkesPengukuranTree();
  const rnd = prng(2025);
  const yi = YEARS.indexOf(Y);
  const rencanaAksi: FieldRow[] = [];
  const realisasi: FieldRow[][] = [[], [], [], []];
  const boxOf = (id: unknown) => wb.pohon.find((b) => b.id === id) as FieldRow;
  const seenBox = new Set<unknown>();
  for (const ind of wb.indikator) {
    const box = boxOf(ind.nodeId);
    const T = ind[`target:${Y}`];
    const firstOfBox = !seenBox.has(box.id);
    seenBox.add(box.id);
    const fixed = FIXED[String(ind.nama)];
    const akumulasi = String(ind.akumulasi);
    const neg = ind.polaritas === 'Negatif';
    const pct = ind.satuan === '%';
    let tw: CellValue[];
    let real: CellValue[];
    const short = SHORT[String(ind.nama)] ?? 1;
    if (fixed) ({ tw, real } = fixed);
    else if (typeof T !== 'number') throw new Error(`no numeric ${Y} target for ${String(ind.nama)}`);
    else if (akumulasi === 'Kumulatif') {
      tw = split(T);
      real = (tw as number[]).map((t) => Math.max(0, Math.round(t * short * (0.9 + rnd() * 0.25))));
    } else {
      const base = Number(ind.kondisiAwal);
      tw = [1, 2, 3, 4].map((k) => (k === 4 ? T : r2(base + ((T - base) * k) / 4)));
      let prev = -Infinity;
      real = (tw as number[]).map((t) => {
        let v = r2(t * short * (neg ? 0.97 + rnd() * 0.06 : 0.985 + rnd() * 0.035));
        if (pct) v = Math.min(100, v);
        if (!neg) v = Math.max(v, prev); // a Positif Nilai Akhir value does not fall (U06)
        prev = v;
        return v;
      });
    }
    const pagu = box[`pagu:${Y}`];
    const isSub = String(box.level) === 'Sasaran Sub Kegiatan';
    const budget = isSub && firstOfBox && typeof pagu === 'number' ? splitBudget(pagu) : null;
    const acts = actions(box, ind, firstOfBox, () => undefined);
    acts.forEach((a, k) => {
      const row: FieldRow = {
        tahun: Y, nodeId: ind.nodeId, nama: ind.nama, satuan: ind.satuan, akumulasi: ind.akumulasi, targetTahun: T,
        idJabatan: a.by ?? box.penanggungJawab, no: String(k + 1), rencanaAksi: a.text, kodeSubKegiatan: subCode(wb, String(box.id)),
        outputAksi: a.output,
      };
      if (k === 0) tw.forEach((t, q) => { row[`targetTw${q + 1}`] = t; });
      if (budget && k === 0) budget.forEach((b, q) => { row[`anggaranTw${q + 1}`] = b; });
      rencanaAksi.push(row);
    });
    real.forEach((v, q) => {
      const row: FieldRow = {
        tahun: Y, periode: `TW${q + 1}`, nodeId: ind.nodeId, nama: ind.nama, realisasi: v,
        bukti: `${String(ind.sumberData)} TW${q + 1} ${Y}`, diverifikasi: 'Ya',
      };
      if (budget) row.realisasiAnggaran = Math.round((budget[q] * (0.82 + rnd() * 0.16)) / 1000) * 1000;
      realisasi[q].push(row);
    });
  }
  void yi;
  wb.rencanaAksi = rencanaAksi;
  wb.realisasi = realisasi.flat();
  wb.pembanding = PEMBANDING.map(([nodeId, nama, nilai, tingkat, sumber]) => ({ tahun: Y, nodeId, nama, nilai, tingkat, sumber }));
  explain(wb);
  return wb;
}

/** Comparison values for every IKU (illustrative). */
const PEMBANDING: [string, string, CellValue, string, string][] = [
  ['T1', 'Angka Harapan Hidup', 74.1, 'Provinsi', 'BPS Provinsi, Statistik Daerah 2025 (ilustratif)'],
  ['T1', 'Indeks Keluarga Sehat', 0.28, 'Provinsi', 'Aplikasi Keluarga Sehat, rekap provinsi (ilustratif)'],
  ['SS1', 'Angka Kematian Ibu', 93, 'Provinsi', 'Profil Kesehatan Provinsi 2025 (ilustratif)'],
  ['SS1', 'Angka Kematian Bayi', 6.1, 'Provinsi', 'Profil Kesehatan Provinsi 2025 (ilustratif)'],
  ['SS1', 'Prevalensi Balita Stunting', 19.8, 'Nasional', 'Survei Status Gizi Indonesia (ilustratif)'],
  ['SS1', 'Prevalensi Balita Stunting', 14.7, 'Provinsi', 'Survei Status Gizi Indonesia, angka provinsi (ilustratif)'],
  ['SS2', 'Persentase Rumah Tangga Ber-PHBS', 68, 'Provinsi', 'Profil Kesehatan Provinsi 2025 (ilustratif)'],
  ['SS2', 'Persentase Desa Stop Buang Air Besar Sembarangan', 85, 'Provinsi', 'Aplikasi STBM, rekap provinsi (ilustratif)'],
  ['T2', 'Nilai SAKIP Dinas Kesehatan', 72.3, 'Kabupaten lain', 'LHE SAKIP Dinas Kesehatan kabupaten tetangga (ilustratif)'],
  ['SS3', 'Indeks Reformasi Birokrasi Dinas Kesehatan', 70, 'Kabupaten lain', 'Hasil PMPRB kabupaten tetangga (ilustratif)'],
];

/**
 * A Penjelasan wherever capaian leaves 75–120 % (U04, L02), computed with core's own capaian,
 * and a short analysis on every TW4 row of an IKU. A box whose every realisasi equals its plan
 * in all quarters would look copied (U07): its first TW1 value is nudged.
 */
function explain(wb: ExampleWorkbook): void {
  const { tree } = readWorkbook(toSnapshot(wb));
  const p = hitungPengukuran(tree, Y);
  const rows = wb.realisasi as FieldRow[];
  const rowOf = (nodeId: string, nama: string, q: number) => rows.find((r) => r.nodeId === nodeId && r.nama === nama && r.periode === `TW${q}`) as FieldRow;
  const byBox = new Map<string, boolean>();
  for (const it of p.indikator) {
    const id = it.box.id, nama = it.indikator.nama;
    for (let q = 1; q <= 4; q++) {
      const c = it.perTw[q - 1];
      const m = c.capaian.murni ?? (q === 4 ? c.capaianTahun.murni : null);
      const mYear = q === 4 ? c.capaianTahun.murni : null;
      const out = (x: number | null) => x !== null && (x < 75 || x > 120);
      if (out(m) || out(mYear)) {
        rowOf(id, nama, q).penjelasan = (m ?? mYear ?? 0) > 100
          ? 'Capaian melampaui rencana triwulan karena kegiatan yang dijadwalkan triwulan berikutnya dapat dilaksanakan lebih awal.'
          : 'Capaian di bawah rencana triwulan karena pengadaan barang dan jasa baru selesai di akhir triwulan; kegiatan dikejar pada triwulan berikutnya.';
      }
    }
    if (it.indikator.iku) {
      Object.assign(rowOf(id, nama, 4), {
        penjelasan: rowOf(id, nama, 4).penjelasan ?? 'Target tahun tercapai sesuai rencana aksi.',
        faktorPendukung: 'Komitmen lintas sektor dan pendampingan puskesmas yang rutin.',
        faktorPenghambat: 'Keterbatasan tenaga kesehatan di wilayah terpencil.',
        solusi: 'Penempatan tenaga kesehatan melalui rekrutmen PPPK dan kemitraan dengan desa.',
      });
    }
    const same = it.realisasi.every((r, k) => r !== null && typeof r.realisasi === 'number' && it.targetTw?.[k]?.kind === 'number' && r.realisasi === (it.targetTw[k] as { value: number }).value);
    byBox.set(id, (byBox.get(id) ?? true) && same);
  }
  for (const [id, copied] of byBox) {
    if (!copied) continue;
    const it = p.indikator.find((x) => x.box.id === id);
    if (!it) continue;
    const q = [1, 2, 3, 4].map((n) => rowOf(id, it.indikator.nama, n));
    if (it.akumulasi === 'Kumulatif') {
      // One unit finished a quarter early: the same year total, a different quarter.
      const k = [3, 2, 1].find((x) => Number(q[x].realisasi) > 0);
      if (k !== undefined) { q[k].realisasi = Number(q[k].realisasi) - 1; q[k - 1].realisasi = Number(q[k - 1].realisasi) + 1; }
    } else {
      q[0].realisasi = r2(Number(q[0].realisasi) * 0.995);
    }
  }
}
