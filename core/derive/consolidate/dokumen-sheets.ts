/**
 * The year's sheets of the consolidated workbook (issues 16 item 7, 17 item 5): `Capaian OPD`
 * (capaian per indicator per OPD, then the cross-OPD view of the IKU) and `LKE OPD` (score and
 * predikat per OPD, per komponen). Values come computed from core (dokumen.ts); these only lay
 * them out. Text from the OPDs goes out as values: the adapter writes it as text, never a formula.
 */
import type { CapaianIndikatorOpd, ConsolidatedAnswer, LkeOpd, NilaiWire } from '../../wire/consolidated.js';
import { SheetBuilder, STYLES, type SheetSpec } from '../spec.js';

export const CAPAIAN_OPD_SHEET = 'Capaian OPD';
export const LKE_OPD_SHEET = 'LKE OPD';
export const CAPAIAN_OPD_HEADERS = [
  'Kode OPD', 'Nama OPD', 'ID Node', 'Indikator', 'Satuan', 'IKU', 'Target Tahun', 'Realisasi', 'Capaian (%)', 'Kategori', 'Keterangan', 'Penanggung Jawab',
] as const;
export const IKU_TITLE = 'Capaian IKU lintas OPD';
export const LKE_OPD_HEADERS = ['Kode OPD', 'Nama OPD', 'Versi LKE', 'Kriteria Terjawab', 'Jumlah Kriteria', 'Nilai', 'Predikat'] as const;

const LANDSCAPE = { paper: 'A4' as const, orientation: 'landscape' as const, fitToWidth: true, titleRows: [1, 1] as [number, number] };
const STYLE = {
  ...STYLES,
  persen: { border: true, vertical: 'top' as const, horizontal: 'right' as const, numFmt: '0.00' },
  // One line beside the block title: a wrapped note ran into the header row below it.
  catatan: { italic: true, vertical: 'top' as const },
};

/** A target or realisasi as a cell: a number stays a number; a range `a–b`; met/not met in words. */
export function nilaiCell(v: NilaiWire): string | number | null {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Tercapai' : 'Tidak tercapai';
  return `${v[0]}–${v[1]}`;
}

const KETERANGAN: Record<string, string> = { ok: '', 'tidak terdefinisi': 'Tidak terdefinisi', 'tidak dihitung': 'Tidak dihitung' };

function capaianRow(s: SheetBuilder, row: number, c: CapaianIndikatorOpd, names: ReadonlyMap<string, string>): void {
  const values: (string | number | null)[] = [
    c.opd, names.get(c.opd) ?? null, c.idNode, c.indikator, c.satuan, c.iku ? 'Ya' : null, nilaiCell(c.targetTahun), nilaiCell(c.realisasi),
  ];
  values.forEach((v, i) => s.set(row, i + 1, v, typeof v === 'number' ? 'number2' : i === 5 ? 'center' : 'text'));
  s.set(row, 9, c.capaian, 'persen');
  s.set(row, 10, c.kategori, 'center');
  s.set(row, 11, KETERANGAN[c.status] ?? c.status, 'text');
  s.set(row, 12, c.penanggungJawab || null, 'text');
}

/**
 * Every OPD's indicators of the year with capaian against the year's target, in rekap order;
 * below, the IKU of every OPD (and the pemda's) lowest capaian first: where the pemda's
 * targets are at risk.
 */
/**
 * OPDs that pushed the year's realisasi but whose tree is not in this consolidation (basis
 * `diterima` and no accepted version): their capaian is not counted. Said in the sheet and by
 * the CLI, so an empty Capaian OPD is never read as "nobody measured".
 */
export function realisasiDiLuarBasis(a: Pick<ConsolidatedAnswer, 'sections' | 'rekap'>): string[] {
  const inside = new Set(a.sections.map((x) => x.opd));
  return a.rekap.filter((r) => r.capaian?.realisasiVersion != null && !inside.has(r.opd)).map((r) => r.opd);
}

export function capaianOpdSheet(a: Pick<ConsolidatedAnswer, 'sections' | 'rekap' | 'tahun'> & Partial<Pick<ConsolidatedAnswer, 'basis'>>, lang: 'id' | 'en' = 'id'): SheetSpec {
  const s = new SheetBuilder(CAPAIAN_OPD_SHEET, [24, 30, 10, 40, 10, 6, 11, 11, 11, 14, 18, 16], LANDSCAPE);
  s.spec.styles = STYLE;
  s.spec.freezeRows = 1;
  const names = new Map(a.rekap.map((r) => [r.opd, r.namaOpd]));
  CAPAIAN_OPD_HEADERS.forEach((h, i) => s.set(1, i + 1, h, 'header'));
  const rows = a.sections.flatMap((x) => x.capaian ?? []);
  rows.forEach((c, k) => capaianRow(s, k + 2, c, names));
  let r = rows.length + 3;
  s.set(r, 1, `${IKU_TITLE} ${a.tahun ?? ''}`.trim(), 'bold');
  s.set(r, 4, lang === 'en' ? '(lowest capaian first; no capaian at the end)' : '(capaian terendah lebih dulu; tanpa capaian di akhir)', 'catatan');
  r++;
  CAPAIAN_OPD_HEADERS.forEach((h, i) => s.set(r, i + 1, h, 'header'));
  const iku = rows.filter((c) => c.iku).sort((x, y) => (x.capaian ?? Infinity) - (y.capaian ?? Infinity));
  iku.forEach((c, k) => capaianRow(s, r + 1 + k, c, names));
  if (iku.length === 0) s.set(r + 1, 1, lang === 'en' ? 'No IKU indicator has been measured this year.' : 'Belum ada indikator IKU yang diukur tahun ini.', 'plain');
  const luar = realisasiDiLuarBasis(a);
  if (luar.length) {
    const list = luar.map((o) => `${names.get(o) || o}`).join(', ');
    s.set(r + Math.max(iku.length, 1) + 2, 1, lang === 'en'
      ? `Not counted: ${list} pushed the realisasi of ${a.tahun} but has no tree accepted (basis ${a.basis ?? 'diterima'}). Accept their tree, or pull with basis terbaru.`
      : `Tidak dihitung: ${list} sudah mengirim realisasi ${a.tahun}, tetapi belum punya pohon yang diterima (basis ${a.basis ?? 'diterima'}). Terima pohonnya, atau tarik dengan basis terbaru.`, 'catatan');
  }
  return s.spec;
}

/** One row per OPD with an LKE of the year: score, predikat, then the nilai per komponen. */
export function lkeOpdSheet(a: Pick<ConsolidatedAnswer, 'lke' | 'rekap'>, lang: 'id' | 'en' = 'id'): SheetSpec {
  const lke: LkeOpd[] = a.lke ?? [];
  const komponen: { kode: string; nama: string; bobot: number }[] = [];
  for (const l of lke) for (const k of l.komponen) if (!komponen.some((x) => x.kode === k.kode)) komponen.push(k);
  const s = new SheetBuilder(LKE_OPD_SHEET, [24, 30, 8, 10, 10, 9, 9, ...komponen.map(() => 16)], LANDSCAPE);
  s.spec.styles = STYLE;
  s.spec.freezeRows = 1;
  const names = new Map(a.rekap.map((r) => [r.opd, r.namaOpd]));
  LKE_OPD_HEADERS.forEach((h, i) => s.set(1, i + 1, h, 'header'));
  komponen.forEach((k, j) => s.set(1, LKE_OPD_HEADERS.length + 1 + j, `${k.nama} (${k.bobot})`, 'header'));
  lke.forEach((l, i) => {
    const row = i + 2;
    [l.opd, names.get(l.opd) ?? null].forEach((v, c) => s.set(row, c + 1, v, 'text'));
    [l.version, l.terjawab, l.jumlahKriteria].forEach((v, c) => s.set(row, c + 3, v, 'number'));
    s.set(row, 6, l.kriteriaSah ? l.nilai : null, 'persen');
    s.set(row, 7, l.kriteriaSah ? l.predikat : (lang === 'en' ? 'criteria invalid' : 'kriteria tidak sah'), 'center');
    komponen.forEach((k, j) => s.set(row, LKE_OPD_HEADERS.length + 1 + j, l.kriteriaSah ? (l.komponen.find((x) => x.kode === k.kode)?.nilai ?? null) : null, 'persen'));
  });
  if (lke.length === 0) s.set(2, 1, lang === 'en' ? 'No OPD has pushed its LKE for this year.' : 'Belum ada OPD yang mengirim LKE tahun ini.', 'plain');
  return s.spec;
}

/** The year's sheets, when the consolidation has a year. */
export function consolidatedDokumenSheets(a: ConsolidatedAnswer, lang: 'id' | 'en' = 'id'): SheetSpec[] {
  return a.tahun ? [capaianOpdSheet(a, lang), lkeOpdSheet(a, lang)] : [];
}
