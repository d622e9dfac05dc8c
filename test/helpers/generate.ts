/**
 * Deterministic generator of canonical workbook snapshots of N boxes, for the bench and the
 * property tests. The tree is balanced over the OPD levels (Tujuan → Sasaran Strategis →
 * Sasaran Program → Sasaran Kegiatan → Sasaran Sub Kegiatan), every box gets the same number
 * of indicators (3 by default), codes look real (`1.02.07`, `1.02.07.2.03`,
 * `1.02.07.2.03.0005`), pagu adds up (program = Σ kegiatan = Σ sub kegiatan, every year) and
 * owners follow the jabatan hierarchy (J02/J03).
 *
 * Codes are synthetic: they follow the §3.2 grammar but are not in any Kepmendagri list, so
 * validate without a nomenclature index (N03/N04 are off then). More than 294 programs
 * (about 16,000 boxes) spill into bidang outside the Kode OPD (N07 warnings).
 */
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot.js';
import { toSnapshot, type ExampleWorkbook, type FieldRow } from '../../examples/src/workbook.js';

export interface GenerateOptions {
  /** Number of boxes (rows of PohonKinerja). */
  boxes: number;
  /** Indicators per box (default 3). */
  indicatorsPerBox?: number;
  /** PRNG seed for pagu and baselines (default 1). */
  seed?: number;
  tahunAwal?: number;
  tahunAkhir?: number;
  /** Target fan-out per level (default 6; never above 7 children per box for N ≥ 50). */
  fanout?: number;
  /** Every n-th sub kegiatan gets a crosscutting link (default 40; 0 = none). */
  crosscuttingEvery?: number;
}

export interface Generated {
  workbook: ExampleWorkbook;
  snapshot: WorkbookSnapshot;
  /** Boxes per level, top to bottom. */
  levelCounts: number[];
}

const LEVELS = ['Tujuan', 'Sasaran Strategis', 'Sasaran Program', 'Sasaran Kegiatan', 'Sasaran Sub Kegiatan'] as const;
const PREFIX = ['T', 'SS', 'P', 'K', 'S'];
/** Kabupaten/kota bidang urusan; the first three make up the Kode OPD. */
const BIDANG = ['1.02', '1.03', '1.04', '1.05', '1.06', '2.01', '2.02', '2.03', '2.05', '2.07', '2.08', '2.09', '2.10', '2.11', '2.12'];
export const GENERATED_KODE_OPD = '1.02.1.03.1.04.01.0000';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Boxes per level: proportional to fanout^depth, each level at least as large as the one above. */
export function levelCounts(n: number, fanout = 6): number[] {
  if (n <= 0) return [0, 0, 0, 0, 0];
  if (n < LEVELS.length) return LEVELS.map((_, i) => (i < n ? 1 : 0));
  const w = LEVELS.map((_, i) => Math.pow(fanout, i));
  const s = w.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let used = 0;
  for (let i = 0; i < LEVELS.length - 1; i++) {
    const c = Math.max(i === 0 ? 1 : counts[i - 1], Math.round((n * w[i]) / s));
    counts.push(c);
    used += c;
  }
  counts.push(n - used);
  // The remainder can fall below the level above for tiny n: move boxes down until it fits.
  for (let i = LEVELS.length - 2; i >= 0 && counts[LEVELS.length - 1] < counts[LEVELS.length - 2]; i--) {
    while (counts[i] > (i === 0 ? 1 : counts[i - 1]) && counts[LEVELS.length - 1] < counts[LEVELS.length - 2]) {
      counts[i]--;
      counts[LEVELS.length - 1]++;
    }
  }
  return counts;
}

function nip(i: number): string {
  return `${1965 + (i % 30)}${pad(1 + (i % 12), 2)}${pad(1 + (i % 28), 2)}${1990 + (i % 30)}${pad(1 + ((i * 7) % 12), 2)}${1 + (i % 2)}${pad(i % 1000, 3)}`;
}

interface GBox {
  id: string;
  depth: number;
  /** Index within the level. */
  index: number;
  children: GBox[];
  kode: string | null;
  owner: string;
  /** Sub kegiatan pagu of Tahun Awal. */
  pagu0: number;
}

export function generate(opts: GenerateOptions): Generated {
  const ipb = opts.indicatorsPerBox ?? 3;
  const rand = prng(opts.seed ?? 1);
  const y0 = opts.tahunAwal ?? 2025;
  const y1 = opts.tahunAkhir ?? 2029;
  const years: number[] = [];
  for (let y = y0; y <= y1; y++) years.push(y);
  const counts = levelCounts(opts.boxes, opts.fanout ?? 6);
  const every = opts.crosscuttingEvery ?? 40;

  // Levels of boxes; child k of level d+1 hangs under floor(k * n_d / n_{d+1}) (balanced).
  const levels: GBox[][] = counts.map((c, d) =>
    Array.from({ length: c }, (_, i) => ({ id: `${PREFIX[d]}${i + 1}`, depth: d, index: i, children: [], kode: null, owner: 'KADIS', pagu0: 0 })),
  );
  for (let d = 1; d < levels.length; d++) {
    const up = levels[d - 1];
    const here = levels[d];
    if (up.length === 0) break;
    for (let k = 0; k < here.length; k++) up[Math.floor((k * up.length) / here.length)].children.push(here[k]);
  }

  // Codes, owners, positions.
  const jabatan: FieldRow[] = [
    { id: 'BUPATI', nama: 'Bupati', jenjang: 'Kepala Daerah', atasan: null, nip: null, namaPejabat: 'Bupati Contoh', unitKerja: 'Pemerintah Kabupaten' },
    { id: 'KADIS', nama: 'Kepala Dinas', jenjang: 'JPT Pratama', atasan: 'BUPATI', nip: nip(0), namaPejabat: 'Kepala Dinas Contoh', unitKerja: 'Dinas Contoh' },
  ];
  (levels[2] ?? []).forEach((p, i) => {
    const bidang = BIDANG[Math.floor(i / 98) % BIDANG.length];
    p.kode = `${bidang}.${pad(2 + (i % 98), 2)}`;
    p.owner = `ADM-${i + 1}`;
    jabatan.push({ id: p.owner, nama: `Kepala Bidang ${i + 1}`, jenjang: 'Administrator', atasan: 'KADIS', nip: nip(jabatan.length), namaPejabat: `Pejabat Administrator ${i + 1}`, unitKerja: `Bidang ${i + 1}` });
    p.children.forEach((k, j) => {
      k.kode = `${p.kode}.2.${pad(j + 1, 2)}`;
      k.owner = `PGW-${k.index + 1}`;
      jabatan.push({ id: k.owner, nama: `Kepala Seksi ${k.index + 1}`, jenjang: 'Pengawas', atasan: p.owner, nip: nip(jabatan.length), namaPejabat: `Pejabat Pengawas ${k.index + 1}`, unitKerja: `Seksi ${k.index + 1}` });
      k.children.forEach((s, m) => {
        s.kode = `${k.kode}.${pad(m + 1, 4)}`;
        s.owner = k.owner;
        s.pagu0 = Math.round(50 + rand() * 2950) * 1_000_000 + Math.round(rand() * 999) * 1000;
      });
    });
  });

  const paguOf = (b: GBox, yi: number): number | null => {
    if (b.kode === null) return null;
    if (b.depth === 4) return Math.round((b.pagu0 * Math.pow(1.05, yi)) / 1000) * 1000;
    let s = 0;
    for (const c of b.children) s += paguOf(c, yi) ?? 0;
    return s;
  };

  const pohon: FieldRow[] = [];
  const indikator: FieldRow[] = [];
  const crosscutting: FieldRow[] = [];
  const outcome = (d: number) => d <= 2;
  const visit = (b: GBox, parent: GBox | null) => {
    const row: FieldRow = {
      id: b.id,
      induk: parent ? parent.id : null,
      level: LEVELS[b.depth],
      pernyataan: `Meningkatnya kinerja ${LEVELS[b.depth].toLowerCase()} ${b.id}`,
      kode: b.kode,
      nomenklatur: b.kode ? `${b.depth === 2 ? 'PROGRAM ' : ''}Nomenklatur ${b.kode}` : null,
      penanggungJawab: b.owner,
      refPemda: parent ? null : 'SASPEM-1',
    };
    years.forEach((y, yi) => { row[`pagu:${y}`] = paguOf(b, yi); });
    row.catatan = null;
    pohon.push(row);
    for (let j = 1; j <= ipb; j++) {
      const base = 40 + Math.floor(rand() * 40);
      const step = 1 + Math.floor(rand() * 3);
      const ind: FieldRow = {
        nodeId: b.id,
        nama: outcome(b.depth) ? `Indeks capaian ${b.id} aspek ${j}` : `Jumlah keluaran ${b.id} jenis ${j}`,
        satuan: outcome(b.depth) ? 'Indeks' : 'Unit',
        polaritas: 'Positif',
        akumulasi: 'Nilai Akhir',
        iku: b.depth <= 1 && j === 1 ? 'Ya' : 'Tidak',
        definisi: `Definisi operasional indikator ${j} kotak ${b.id}`,
        formula: `Realisasi / sasaran × 100 (${b.id}-${j})`,
        sumberData: 'Laporan unit kerja',
        kondisiAwal: base,
      };
      years.forEach((y, yi) => { ind[`target:${y}`] = base + step * (yi + 1); });
      ind.kondisiAkhir = base + step * years.length;
      indikator.push(ind);
    }
    if (every > 0 && b.depth === 4 && (b.index + 1) % every === 0) {
      const lembaga = ((b.index + 1) / every) % 2 === 0;
      crosscutting.push({
        nodeId: b.id,
        opdTujuan: lembaga ? 'Lembaga Lain' : '2.09.0.00.0.00.01.0000',
        nodeTujuan: lembaga ? null : `S${b.index + 1}`,
        namaMitra: lembaga ? 'Pemerintah Desa' : 'Dinas Ketahanan Pangan',
        kontribusi: `Kontribusi mitra untuk ${b.id}`,
        keterangan: null,
        status: lembaga ? null : 'Disetujui',
        alasanTolak: null,
      });
    }
    for (const c of b.children) visit(c, b);
  };
  for (const root of levels[0]) visit(root, null);

  const info: [string, CellValue][] = [
    ['Pemda', 'Kabupaten Contoh'],
    ['Kode Pemda', '35.19'],
    ['Jenis Pemda', 'Kabupaten'],
    ['Kode OPD', GENERATED_KODE_OPD],
    ['Nama OPD', 'Dinas Contoh'],
    ['Jenis Periode', 'Renstra'],
    ['Tahun Awal', y0],
    ['Tahun Akhir', y1],
    ['Versi Nomenklatur', 'Kepmendagri 050-3708/2020'],
  ];
  const workbook: ExampleWorkbook = { info, jabatan, pohon, indikator, crosscutting };
  return { workbook, snapshot: toSnapshot(workbook), levelCounts: counts };
}

/** Shorthand: the snapshot of a generated workbook of `boxes` boxes. */
export function generateSnapshot(boxes: number, seed = 1): WorkbookSnapshot {
  return generate({ boxes, seed }).snapshot;
}
