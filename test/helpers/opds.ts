/**
 * Many OPDs of one pemda for the consolidation tests and bench: OPD trees from the
 * deterministic generator (test/helpers/generate.ts) with distinct Kode OPD (each its own
 * bidang, codes moved onto it), the same Kode Pemda and period, roots pointing at the pemda
 * tree's Sasaran Pemda, and crosscutting rows supplied by the caller.
 */
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot.js';
import { specsFor, toSnapshot, type ExampleWorkbook, type FieldRow } from '../../examples/src/workbook.js';
import { generate } from './generate.js';

export const KODE_PEMDA = '35.19';
export const PERIODE = '2025-2029';
export const YEARS = [2025, 2026, 2027, 2028, 2029];

/** Bidang of OPD i: 1.01 … 1.20, 2.01 … 2.20, 3.01 … (distinct for i < 180). */
export function bidangOf(i: number): string {
  return `${1 + Math.floor(i / 20)}.${String(1 + (i % 20)).padStart(2, '0')}`;
}

export function kodeOpd(i: number): string {
  return `${bidangOf(i)}.0.00.0.00.01.0000`;
}

export function namaOpd(i: number): string {
  return `Dinas Contoh ${i + 1}`;
}

export interface OpdOptions {
  boxes?: number;
  /** Ref Pemda of every root (default SP1). */
  refPemda?: string;
  /** Crosscutting rows keyed by field (`nodeId`, `opdTujuan`, `nodeTujuan`, `kontribusi`, …). */
  crosscutting?: FieldRow[];
  /** Last word on the workbook before the snapshot is made. */
  patch?: (wb: ExampleWorkbook) => void;
  seed?: number;
}

export function opdWorkbook(i: number, o: OpdOptions = {}): ExampleWorkbook {
  const wb = generate({ boxes: o.boxes ?? 40, seed: o.seed ?? i + 1, crosscuttingEvery: 0, tahunAwal: YEARS[0], tahunAkhir: YEARS[YEARS.length - 1] }).workbook;
  const bidang = bidangOf(i);
  const info: Record<string, CellValue> = { 'Kode Pemda': KODE_PEMDA, 'Kode OPD': kodeOpd(i), 'Nama OPD': namaOpd(i) };
  wb.info = wb.info.map(([k, v]) => [k, k in info ? info[k] : v]);
  for (const r of wb.pohon) {
    if (typeof r.kode === 'string') {
      r.kode = r.kode.replace(/^\d\.\d{2}\./, `${bidang}.`);
      r.nomenklatur = `${r.level === 'Sasaran Program' ? 'PROGRAM ' : ''}Nomenklatur ${r.kode}`;
    }
    if (r.induk === null) r.refPemda = o.refPemda ?? 'SP1';
  }
  wb.crosscutting = (o.crosscutting ?? []).map((c) => ({ namaMitra: null, keterangan: null, status: null, alasanTolak: null, kontribusi: 'Kontribusi', ...c }));
  o.patch?.(wb);
  return wb;
}

/**
 * The OPD's codes are moved onto a made-up bidang, so the workbook carries them in its own
 * `Nomenklatur` table (as a pemda's SIPD list would): the server validates against the
 * Kepmendagri list like the pane and the CLI, and a made-up code without it is N03.
 */
export function opdSnapshot(i: number, o: OpdOptions = {}): WorkbookSnapshot {
  const wb = opdWorkbook(i, o);
  const snap = toSnapshot(wb);
  const codes = new Map<string, string>();
  for (const r of wb.pohon) if (typeof r.kode === 'string' && r.kode !== '') codes.set(r.kode, String(r.nomenklatur ?? ''));
  const spec = specsFor(wb).find((s) => s.key === 'nomenklatur');
  if (spec && codes.size) {
    const keys = spec.columns.map((c) => c.key);
    snap.tables.push({
      sheet: spec.sheet, name: spec.table, address: 'A1', header: spec.columns.map((c) => c.header),
      rows: [...codes].map(([kode, nama]) => keys.map((k) => (k === 'kode' ? kode : k === 'nama' ? nama : null))),
    });
  }
  return snap;
}

/** The pemda tree (Kode OPD = PEMDA): TP1 → SP1 … SPn. */
export function pemdaSnapshot(sasaran = 5): WorkbookSnapshot {
  const ids = Array.from({ length: sasaran }, (_, k) => `SP${k + 1}`);
  const pohon: FieldRow[] = [
    { id: 'TP1', induk: null, level: 'Tujuan Pemda', pernyataan: 'Meningkatnya kesejahteraan masyarakat', penanggungJawab: 'BUPATI' },
    ...ids.map((id, k) => ({ id, induk: 'TP1', level: 'Sasaran Pemda', pernyataan: `Meningkatnya kualitas layanan bidang ${k + 1}`, penanggungJawab: 'BUPATI' })),
  ];
  const indikator: FieldRow[] = ['TP1', ...ids].map((id) => {
    const r: FieldRow = {
      nodeId: id, nama: `Indeks capaian ${id}`, satuan: 'Indeks', polaritas: 'Positif', akumulasi: 'Nilai Akhir', iku: 'Ya',
      definisi: 'Definisi', formula: 'Rumus', sumberData: 'BPS', kondisiAwal: 60,
    };
    YEARS.forEach((y, k) => { r[`target:${y}`] = 61 + k; });
    r.kondisiAkhir = 60 + YEARS.length;
    return r;
  });
  return toSnapshot({
    info: [
      ['Pemda', 'Kabupaten Contoh'], ['Kode Pemda', KODE_PEMDA], ['Jenis Pemda', 'Kabupaten'], ['Kode OPD', 'PEMDA'],
      ['Nama OPD', 'Pemerintah Kabupaten Contoh'], ['Jenis Periode', 'RPJMD'], ['Tahun Awal', YEARS[0]], ['Tahun Akhir', YEARS[YEARS.length - 1]],
      ['Versi Nomenklatur', 'Kepmendagri 050-3708/2020'],
    ],
    jabatan: [{ id: 'BUPATI', nama: 'Bupati', jenjang: 'Kepala Daerah', atasan: null, nip: null, namaPejabat: 'Bupati Contoh', unitKerja: 'Pemda' }],
    pohon, indikator, crosscutting: [],
  });
}
