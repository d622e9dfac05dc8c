/**
 * The capaian report of a year as plain JSON values: what `pokin pengukuran --json` prints,
 * and what the pane's Pengukuran tab and the backend's consolidated capaian will show.
 * Values are stored unrounded (SAKIP.md §6); front ends round when they display.
 *
 * With a quarter (`tw`), `target` / `realisasi` / `capaian` are s.d. TWn against the quarterly
 * plan of the Rencana Aksi; without one they are the year against the year's target, as of
 * the latest reported quarter. The other view is always given too (`targetTahun`, `capaianTahun`).
 */
import type { Alasan, CapaianStatus } from '../capaian/index.js';
import type { PohonKinerja, Target } from '../model.js';
import type { Realisasi } from '../capaian/index.js';
import { hitungPengukuran, type IndikatorTahun, type PengukuranTahun } from './hitung.js';
import type { Triwulan } from './model.js';
import { capaianOf, perOpd, perSasaran, type Basis, type Ringkasan } from './ringkasan.js';

/** A target or realisation in JSON: a number, `[low, high]`, text, a met/not met flag, `-`, or null. */
export type NilaiJson = number | string | boolean | [number, number] | null;

export function nilaiJson(v: Target | Realisasi | null): NilaiJson {
  if (v === null) return null;
  if (typeof v !== 'object') return v;
  switch (v.kind) {
    case 'number': return v.value;
    case 'range': return [v.low, v.high];
    case 'text': return v.text;
    default: return '-';
  }
}

export interface LaporanIndikator {
  idNode: string;
  indikator: string;
  satuan: string;
  target: NilaiJson;
  realisasi: NilaiJson;
  capaian: number | null;
  capaianMurni: number | null;
  kategori: string | null;
  status: CapaianStatus;
  alasan?: Alasan;
  targetTahun: NilaiJson;
  capaianTahun: number | null;
  capaianTahunMurni: number | null;
  kategoriTahun: string | null;
  polaritas: string;
  akumulasi: string;
  iku: boolean | null;
  penanggungJawab: string;
  /** A PK indicator of the year (summaries count only these). */
  pk: boolean;
}

export type LaporanSasaran = Ringkasan & { idNode: string; level: string; sasaran: string; penanggungJawab: string };

export interface LaporanPengukuran {
  tahun: number;
  /** The quarter reported on; null when nothing is reported yet. */
  tw: Triwulan | null;
  basis: Basis;
  indikator: LaporanIndikator[];
  sasaran: LaporanSasaran[];
  summary: Ringkasan;
}

export function laporanIndikator(it: IndikatorTahun, tw: Triwulan, basis: Basis): LaporanIndikator {
  const c = it.perTw[tw - 1];
  const main = capaianOf(it, tw, basis);
  const i = it.indikator;
  return {
    idNode: i.nodeId,
    indikator: i.nama,
    satuan: i.satuan,
    target: nilaiJson(basis === 'tw' ? c.targetSd : it.targetTahun),
    realisasi: nilaiJson(c.realisasiSd),
    capaian: main.capaian,
    capaianMurni: main.murni,
    kategori: basis === 'tw' ? c.kategori : c.kategoriTahun,
    status: main.status,
    ...(main.alasan ? { alasan: main.alasan } : {}),
    targetTahun: nilaiJson(it.targetTahun),
    capaianTahun: c.capaianTahun.capaian,
    capaianTahunMurni: c.capaianTahun.murni,
    kategoriTahun: c.kategoriTahun,
    polaritas: i.polaritas,
    akumulasi: i.akumulasi,
    iku: i.iku,
    penanggungJawab: it.box.penanggungJawab,
    pk: it.pk,
  };
}

/** The report for a year; `tw` picks the quarter (default: the latest reported, year basis). */
export function laporanPengukuran(tree: PohonKinerja, tahun: number, tw?: Triwulan, p: PengukuranTahun = hitungPengukuran(tree, tahun)): LaporanPengukuran {
  const basis: Basis = tw === undefined ? 'tahun' : 'tw';
  const q = tw ?? p.twTerakhir;
  const at: Triwulan = q ?? 4;
  return {
    tahun,
    tw: q,
    basis,
    indikator: p.indikator.map((it) => laporanIndikator(it, at, basis)),
    sasaran: perSasaran(p, at, basis).map(({ box, ...r }) => ({
      idNode: box.id, level: box.levelName, sasaran: box.pernyataan, penanggungJawab: box.penanggungJawab, ...r,
    })),
    summary: perOpd(p, at, basis),
  };
}
