/**
 * Capaian of a year, per indicator and quarter (SAKIP.md §12, formulas of §6 from
 * `core/capaian`): s.d. TWn against the quarter's targets from the Rencana Aksi, and against
 * the year's target; both capped and uncapped, with their Kategori. Also the box figures the
 * sheets need: pagu (DPA when the workbook has it) and realisasi anggaran per quarter.
 *
 * One pass over the rows, Maps keyed by object: 5,000 indicators × 4 quarters cost a few ms.
 */
import {
  hitungAkumulasi, kategoriCapaian, opsiCapaian, parseAkumulasi, parsePolaritas,
  type Akumulasi, type CapaianResult, type OpsiCapaian, type Polaritas, type Realisasi,
} from '../capaian/index.js';
import type { PokinConfig } from '../config.js';
import type { Box, Indikator, PohonKinerja, Target } from '../model.js';
import { TRIWULAN, type PerTriwulan, type RealisasiRow, type RencanaAksiRow, type Triwulan } from './model.js';

/** One quarter's figures; read-only, computed on first access. */
export interface CapaianTw {
  readonly tw: Triwulan;
  /** Target s.d. TWn from the Rencana Aksi (Σ, last or mean by Akumulasi); null = no quarterly plan. */
  readonly targetSd: Target | null;
  /** Realisasi s.d. TWn (Σ, the TWn value or mean by Akumulasi); null = not (fully) reported. */
  readonly realisasiSd: Realisasi | null;
  /** Against the quarters' targets (s.d. TWn). */
  readonly capaian: CapaianResult;
  /** Against the year's target. */
  readonly capaianTahun: CapaianResult;
  readonly kategori: string | null;
  readonly kategoriTahun: string | null;
}

export interface IndikatorTahun {
  indikator: Indikator;
  box: Box;
  /** A PK indicator of the year: its box has an owner and the year's target is not `-` (§8). */
  pk: boolean;
  polaritas: Polaritas | null;
  akumulasi: Akumulasi | null;
  targetTahun: Target | null;
  /** Per quarter, the first target given on the indicator's Rencana Aksi rows; null = no plan. */
  targetTw: PerTriwulan<Target | null> | null;
  rencanaAksi: RencanaAksiRow[];
  realisasi: PerTriwulan<RealisasiRow | null>;
  perTw: PerTriwulan<CapaianTw>;
}

export interface BoxTahun {
  box: Box;
  /** Pagu of the year (DPA when present), rolled up from the children for uncoded boxes. */
  pagu: number | null;
  /** Σ Anggaran TWn over the box's Rencana Aksi rows; null = none given. */
  anggaranTw: PerTriwulan<number | null>;
  /** The box's own Realisasi Anggaran per quarter, else the sum of its children's. */
  realisasiAnggaranTw: PerTriwulan<number | null>;
  /** Whether `realisasiAnggaranTw` was given on the box's own rows. */
  anggaranSendiri: boolean;
}

export interface PengukuranTahun {
  tahun: number;
  /** Index of the year in `config.years`. */
  yi: number;
  config: PokinConfig;
  /** PK indicators of the year and any other indicator with pengukuran rows, in tree order. */
  indikator: IndikatorTahun[];
  byIndikator: Map<Indikator, IndikatorTahun>;
  box: Map<Box, BoxTahun>;
  /** The latest quarter holding any realisasi of the year; null = nothing reported. */
  twTerakhir: Triwulan | null;
}

const kosong = <T>(v: T): PerTriwulan<T> => [v, v, v, v];

/**
 * `Polaritas` / `Akumulasi` text → value, remembered: a workbook types a handful of distinct
 * values over thousands of indicators (bounded, so junk text cannot grow it without end).
 */
function dibaca<T>(cache: Map<string, T>, parse: (s: string) => T): (s: string) => T {
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = parse(s);
      if (cache.size < 256) cache.set(s, v);
    }
    return v as T;
  };
}
const polaritasOf = dibaca(new Map<string, Polaritas | null>(), parsePolaritas);
const akumulasiOf = dibaca(new Map<string, Akumulasi | null>(), parseAkumulasi);

/** Boxes in tree order (roots in row order, then their subtrees), cycles last. */
export function urutanPohon(tree: PohonKinerja): Box[] {
  const out: Box[] = [];
  const seen = new Set<Box>();
  const stack: Box[] = [];
  const visit = (root: Box) => {
    stack.push(root);
    while (stack.length) {
      const b = stack.pop() as Box;
      if (seen.has(b)) continue;
      seen.add(b);
      out.push(b);
      for (let i = b.children.length - 1; i >= 0; i--) stack.push(b.children[i]);
    }
  };
  for (const b of tree.boxes) if (!b.parent) visit(b);
  for (const b of tree.boxes) visit(b);
  return out;
}

/**
 * Pagu of a box for the year: `Pagu DPA <tahun>` when the workbook has it (SAKIP.md §8, read by
 * the PK work as `paguDpa`), else `Pagu <tahun>`.
 */
export function paguTahun(box: Box, yi: number): number | null {
  const dpa = (box as Box & { paguDpa?: (number | null)[] }).paguDpa?.[yi];
  return dpa ?? box.pagu[yi] ?? null;
}

/** A PK indicator of year index yi (SAKIP.md §8: owned box, a target that is not `-`). */
export function isPkIndikator(i: Indikator, yi: number): boolean {
  const t = yi >= 0 ? i.targets[yi] : null;
  return !!i.box?.penanggungJawab && !!t && t.kind !== 'none';
}

function gabung(xs: number[], a: Akumulasi): number {
  const s = xs.reduce((p, q) => p + q, 0);
  return a === 'Kumulatif' ? s : s / xs.length;
}

/** Target s.d. TWn of the plan: Σ (Kumulatif), mean (Rata-rata) or TWn (Nilai Akhir). */
export function targetSampai(ts: readonly (Target | null)[], n: number, a: Akumulasi | null): Target | null {
  if (a === null) return null;
  if (a === 'Nilai Akhir') return ts[n - 1] ?? null;
  const part = ts.slice(0, n);
  if (part.some((t) => t === null || t.kind === 'none' || t.kind === 'text')) return null;
  const typed = part as ({ kind: 'number'; value: number } | { kind: 'range'; low: number; high: number })[];
  if (typed.every((t) => t.kind === 'number')) return { kind: 'number', value: gabung(typed.map((t) => (t as { value: number }).value), a) };
  if (typed.every((t) => t.kind === 'range')) {
    const r = typed as { low: number; high: number }[];
    return { kind: 'range', low: gabung(r.map((t) => t.low), a), high: gabung(r.map((t) => t.high), a) };
  }
  return null;
}

/** Realisasi s.d. TWn: Σ / mean / the TWn value; null when a quarter up to n is missing. */
export function realisasiSampai(rs: readonly (Realisasi | null)[], n: number, a: Akumulasi | null): Realisasi | null {
  if (a === null) return null;
  if (a === 'Nilai Akhir') return rs[n - 1] ?? null;
  const part = rs.slice(0, n);
  if (part.some((r) => typeof r !== 'number')) return null;
  return gabung(part as number[], a);
}

const belumAda = (n: number): CapaianResult => ({
  murni: null, capaian: null, status: 'tidak dihitung',
  alasan: { id: `realisasi TW${n} belum ada`, en: `no TW${n} realisation yet` },
});
const tanpaRencana: CapaianResult = {
  murni: null, capaian: null, status: 'tidak dihitung',
  alasan: { id: 'tidak ada target triwulan (Rencana Aksi)', en: 'no quarterly targets (Rencana Aksi)' },
};

/** The capaian options of the workbook (Info keys, SAKIP.md §4.2). */
export function opsiDari(config: PokinConfig): OpsiCapaian {
  return opsiCapaian({ batasCapaian: config.batasCapaian, rumusNegatif: config.rumusNegatif, rentangDiAtas: config.rentangDiAtas });
}

/** What the four quarters of one indicator share (one object per indicator, not four copies). */
interface Bersama {
  readonly it: Omit<IndikatorTahun, 'perTw'>;
  /** Realisasi TW1…TW4 (null = not reported). */
  readonly nilai: readonly (Realisasi | null)[];
  /** Target and realisasi per quarter, as `hitungAkumulasi` reads them. */
  readonly semua: readonly { target: Target | null; realisasi: Realisasi | null }[];
  readonly opsi: OpsiCapaian;
  readonly jenis: PokinConfig['kategoriCapaian'];
}

/**
 * The figures of one quarter, each computed when first read: the rules read every quarter,
 * the LKjIP only TW4, so nothing is computed that no one shows (5,000 indicators × 4 quarters).
 */
class Kuartal implements CapaianTw {
  private c: CapaianResult | undefined = undefined;
  private ct: CapaianResult | undefined = undefined;
  private t: Target | null | undefined = undefined;
  private r: Realisasi | null | undefined = undefined;
  constructor(readonly tw: Triwulan, private readonly b: Bersama) {}
  private get periode() { return this.tw === 4 ? this.b.semua : this.b.semua.slice(0, this.tw); }
  get targetSd(): Target | null {
    const { it } = this.b;
    if (this.t === undefined) this.t = it.targetTw ? targetSampai(it.targetTw, this.tw, it.akumulasi) : null;
    return this.t;
  }
  get realisasiSd(): Realisasi | null {
    if (this.r === undefined) this.r = realisasiSampai(this.b.nilai, this.tw, this.b.it.akumulasi);
    return this.r;
  }
  get capaian(): CapaianResult {
    const { it } = this.b;
    this.c ??= this.b.nilai[this.tw - 1] === null ? belumAda(this.tw) : it.targetTw === null ? tanpaRencana
      : hitungAkumulasi({ akumulasi: it.akumulasi, polaritas: it.polaritas, periode: this.periode }, this.b.opsi);
    return this.c;
  }
  get capaianTahun(): CapaianResult {
    const { it } = this.b;
    this.ct ??= this.b.nilai[this.tw - 1] === null ? belumAda(this.tw)
      : hitungAkumulasi({ akumulasi: it.akumulasi, polaritas: it.polaritas, periode: this.periode, targetAkhir: it.targetTahun }, this.b.opsi);
    return this.ct;
  }
  get kategori(): string | null { return kategoriCapaian(this.capaian, this.b.jenis); }
  get kategoriTahun(): string | null { return kategoriCapaian(this.capaianTahun, this.b.jenis); }
}

/** Everything measured in one year. `tahun` must be a year of the period (else nothing is PK). */
export function hitungPengukuran(tree: PohonKinerja, tahun: number): PengukuranTahun {
  const config = tree.config;
  const yi = config.years.indexOf(tahun);
  const opsi = opsiDari(config);
  const jenis = config.kategoriCapaian;
  const p = tree.pengukuran;
  const raOf = new Map<Indikator, RencanaAksiRow[]>();
  const reOf = new Map<Indikator, PerTriwulan<RealisasiRow | null>>();
  let twTerakhir: Triwulan | null = null;
  for (const r of p?.rencanaAksi ?? []) {
    if (r.tahun !== tahun) continue;
    const list = raOf.get(r.indikator);
    if (list) list.push(r); else raOf.set(r.indikator, [r]);
  }
  for (const r of p?.realisasi ?? []) {
    if (r.tahun !== tahun) continue;
    let q = reOf.get(r.indikator);
    if (!q) { q = kosong<RealisasiRow | null>(null); reOf.set(r.indikator, q); }
    q[r.periode - 1] = r;
    if (r.realisasi !== null && (twTerakhir === null || r.periode > twTerakhir)) twTerakhir = r.periode;
  }

  const order = urutanPohon(tree);
  const indikator: IndikatorTahun[] = [];
  const byIndikator = new Map<Indikator, IndikatorTahun>();
  for (const b of order) {
    for (const i of b.indicators) {
      const pk = isPkIndikator(i, yi);
      const rencanaAksi = raOf.get(i) ?? [];
      const realisasi = reOf.get(i) ?? kosong<RealisasiRow | null>(null);
      if (!pk && rencanaAksi.length === 0 && !reOf.has(i)) continue;
      let targetTw: PerTriwulan<Target | null> | null = null;
      for (const r of rencanaAksi) {
        for (let k = 0; k < 4; k++) {
          if (r.target[k] === null) continue;
          targetTw ??= kosong<Target | null>(null);
          targetTw[k] ??= r.target[k];
        }
      }
      const it = {
        indikator: i, box: b, pk,
        polaritas: polaritasOf(i.polaritas), akumulasi: akumulasiOf(i.akumulasi),
        targetTahun: yi >= 0 ? (i.targets[yi] ?? null) : null,
        targetTw, rencanaAksi, realisasi,
        perTw: null as unknown as PerTriwulan<CapaianTw>,
      };
      const n1 = realisasi[0]?.realisasi ?? null, n2 = realisasi[1]?.realisasi ?? null;
      const n3 = realisasi[2]?.realisasi ?? null, n4 = realisasi[3]?.realisasi ?? null;
      const semua = [
        { target: targetTw?.[0] ?? null, realisasi: n1 }, { target: targetTw?.[1] ?? null, realisasi: n2 },
        { target: targetTw?.[2] ?? null, realisasi: n3 }, { target: targetTw?.[3] ?? null, realisasi: n4 },
      ];
      const bersama: Bersama = { it, nilai: [n1, n2, n3, n4], semua, opsi, jenis };
      it.perTw = [new Kuartal(1, bersama), new Kuartal(2, bersama), new Kuartal(3, bersama), new Kuartal(4, bersama)];
      indikator.push(it);
      byIndikator.set(i, it);
    }
  }
  return { tahun, yi, config, indikator, byIndikator, box: boxFigures(tree, order, yi, tahun), twTerakhir };
}

/** Pagu and realisasi anggaran per box, children summed into uncoded or unreported parents. */
function boxFigures(tree: PohonKinerja, order: Box[], yi: number, tahun: number): Map<Box, BoxTahun> {
  const out = new Map<Box, BoxTahun>();
  const own = new Map<Box, PerTriwulan<number | null>>();
  for (const r of tree.pengukuran?.realisasi ?? []) {
    if (r.tahun !== tahun || r.realisasiAnggaran === null) continue;
    let q = own.get(r.box);
    if (!q) { q = kosong<number | null>(null); own.set(r.box, q); }
    // The reader keeps one amount per box and quarter (a differing second one is F01).
    q[r.periode - 1] ??= r.realisasiAnggaran;
  }
  const plan = new Map<Box, PerTriwulan<number | null>>();
  for (const r of tree.pengukuran?.rencanaAksi ?? []) {
    if (r.tahun !== tahun) continue;
    let q = plan.get(r.box);
    if (!q) { q = kosong<number | null>(null); plan.set(r.box, q); }
    for (let k = 0; k < 4; k++) { const a = r.anggaran[k]; if (a !== null) q[k] = (q[k] ?? 0) + a; }
  }
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  // Children before parents: the reverse of tree order.
  for (let x = order.length - 1; x >= 0; x--) {
    const b = order[x];
    let pagu = yi >= 0 ? paguTahun(b, yi) : null;
    const mine = own.get(b);
    let real: PerTriwulan<number | null> = mine ? [...mine] as PerTriwulan<number | null> : kosong<number | null>(null);
    const kids = b.children.map((c) => out.get(c)).filter((c): c is BoxTahun => !!c);
    if (pagu === null && kids.length) pagu = kids.reduce<number | null>((s, c) => add(s, c.pagu), null);
    if (!mine && kids.length) {
      real = TRIWULAN.map((n) => kids.reduce<number | null>((s, c) => add(s, c.realisasiAnggaranTw[n - 1]), null)) as PerTriwulan<number | null>;
    }
    out.set(b, { box: b, pagu, anggaranTw: plan.get(b) ?? kosong<number | null>(null), realisasiAnggaranTw: real, anggaranSendiri: !!mine });
  }
  return out;
}

/** Realisasi anggaran s.d. TWn; null when nothing was reported. */
export function realisasiAnggaranSampai(b: BoxTahun, n: number): number | null {
  let s: number | null = null;
  for (let k = 0; k < n; k++) { const v = b.realisasiAnggaranTw[k]; if (v !== null) s = (s ?? 0) + v; }
  return s;
}

/** Serapan anggaran = realisasi / pagu × 100 (no cap, SAKIP.md §6.2); null when either is missing. */
export function serapan(pagu: number | null, realisasi: number | null): number | null {
  if (pagu === null || realisasi === null || pagu <= 0) return null;
  return (realisasi / pagu) * 100;
}
