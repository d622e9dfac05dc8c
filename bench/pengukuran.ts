/**
 * `npm run bench -- pengukuran`: capaian and the LKjIP sheets of one year for 5,000 indicators
 * × 4 quarters (SAKIP.md §12), against the core's read + validate of the same workbook
 * (`validateSnapshot`, which reads the Rencana Aksi and Realisasi tables and runs R/U too),
 * measured interleaved in the same run. Goal: median ≤ 0.5× the baseline. Never fails.
 *
 * The workbook: the generated tree of bench/core.ts (1,667 boxes × 3 indicators), one Rencana
 * Aksi row per indicator with quarterly targets, and four Realisasi rows per indicator; a
 * third of the indicators Kumulatif, a third Rata-rata, the rest Nilai Akhir. The LKjIP covers
 * every PK indicator (`cakupan: 'semua'`), the heaviest case.
 */
import { lkjipSheets } from '../core/derive/index.js';
import { hitungPengukuran, perOpd, perSasaran } from '../core/pengukuran/index.js';
import { readWorkbook } from '../core/read/index.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { validateSnapshot } from '../core/validate.js';
import { toSnapshot, type FieldRow } from '../examples/src/workbook.js';
import { generate, prng } from '../test/helpers/generate.js';
import { median } from './timing.js';

const TAHUN = 2025;
const INDICATORS = 5_000;

/** The generated tree with a year of Rencana Aksi and four quarters of realisasi. */
export function pengukuranWorkbook(indicators = INDICATORS): WorkbookSnapshot {
  const g = generate({ boxes: Math.ceil(indicators / 3), indicatorsPerBox: 3 });
  const wb = g.workbook;
  const rand = prng(16);
  const rencanaAksi: FieldRow[] = [];
  const realisasi: FieldRow[][] = [[], [], [], []];
  wb.indikator.forEach((ind, k) => {
    const T = Number(ind[`target:${TAHUN}`]);
    const akumulasi = k % 3 === 1 ? 'Kumulatif' : k % 3 === 2 ? 'Rata-rata' : 'Nilai Akhir';
    ind.akumulasi = akumulasi;
    const base = Number(ind.kondisiAwal);
    const tw = akumulasi === 'Kumulatif' ? [T * 0.2, T * 0.3, T * 0.3, T * 0.2]
      : akumulasi === 'Rata-rata' ? [T, T, T, T]
        : [1, 2, 3, 4].map((q) => base + ((T - base) * q) / 4);
    const box = wb.pohon.find((b) => b.id === ind.nodeId);
    const row: FieldRow = { tahun: TAHUN, nodeId: ind.nodeId, nama: ind.nama, idJabatan: box?.penanggungJawab ?? null, no: '1', rencanaAksi: `Aksi ${ind.nodeId}`, kodeSubKegiatan: null };
    tw.forEach((t, q) => { row[`targetTw${q + 1}`] = Math.round(t * 100) / 100; });
    rencanaAksi.push(row);
    tw.forEach((t, q) => {
      realisasi[q].push({ tahun: TAHUN, periode: `TW${q + 1}`, nodeId: ind.nodeId, nama: ind.nama, realisasi: Math.round(t * (0.85 + rand() * 0.3) * 100) / 100, bukti: 'Laporan' });
    });
  });
  wb.rencanaAksi = rencanaAksi;
  wb.realisasi = realisasi.flat();
  wb.pembanding = [];
  return toSnapshot(wb);
}

function measure(fns: (() => unknown)[], minRuns: number, minMs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  const start = performance.now();
  let runs = 0;
  while (runs < minRuns || (performance.now() - start < minMs && runs < 200)) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k].push(performance.now() - t0);
    });
    runs++;
  }
  return times.map(median);
}

function main(): void {
  const snap = pengukuranWorkbook();
  const { tree } = readWorkbook(snap);
  const cells = { sheets: 0, cells: 0 };
  const indicators = tree.indikator.length;
  const rows = tree.pengukuran?.realisasi.length ?? 0;
  const [capaian, sheets, baseline] = measure([
    () => {
      // Every quarter of every indicator, against the plan and the year (what the rules read).
      const p = hitungPengukuran(tree, TAHUN);
      let n = 0;
      for (const it of p.indikator) for (const c of it.perTw) if (c.capaian.status === 'ok' && c.capaianTahun.status === 'ok' && c.kategori) n++;
      perSasaran(p, 4, 'tahun');
      return [n, perOpd(p, 4, 'tahun')];
    },
    () => {
      const p = hitungPengukuran(tree, TAHUN);
      const specs = lkjipSheets(tree, TAHUN, { cakupan: 'semua' }, p);
      cells.sheets = specs.length;
      cells.cells = specs.reduce((n, s) => n + s.cells.length, 0);
      return specs;
    },
    () => validateSnapshot(snap),
  ], 15, 3000, 3);
  const fmt = (n: number) => n.toFixed(1);
  console.log(`Pokin bench: pengukuran ${TAHUN}, ${indicators.toLocaleString('en-US')} indicators × 4 quarters (${rows.toLocaleString('en-US')} Realisasi rows)`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  console.log('');
  console.log(`  baseline: read + validate (validateSnapshot)          ${fmt(baseline).padStart(8)} ms`);
  console.log(`  capaian per indicator/quarter, sasaran, OPD           ${fmt(capaian).padStart(8)} ms   ${(capaian / baseline).toFixed(2)}×`);
  console.log(`  capaian + the ${cells.sheets} LKjIP sheets (${cells.cells.toLocaleString('en-US')} cells)        ${fmt(sheets).padStart(8)} ms   ${(sheets / baseline).toFixed(2)}×`);
  console.log('');
  console.log('Goal:');
  console.log(`  ${sheets / baseline <= 0.5 ? 'OK  ' : 'MISS'} capaian + LKjIP sheets ≤ 0.5× read + validate   (${(sheets / baseline).toFixed(2)}×)`);
}

// Run when executed, not when a test or a profile imports `pengukuranWorkbook`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
