/**
 * Numbers on the printed pengukuran and LKjIP sheets in Indonesian form (decimal comma, dot
 * thousands) whatever the reader's Excel locale: a number format cannot force the separators
 * (Excel takes them from the system), so these report sheets hold display text, right-aligned.
 * They are generated views, never read back; the unrounded values live in `core/pengukuran`.
 */
import { formatAngka, type CapaianResult, type Realisasi } from '../../capaian/index.js';
import { levelsOfTree } from '../../config.js';
import type { Box, PohonKinerja, Target } from '../../model.js';
import { STYLES, type CellStyle } from '../spec.js';

/** Up to three decimals, trailing zeros dropped: 72.85 → "72,85", 1050 → "1.050", 0.5 → "0,5". */
export function angkaTeks(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Number.isInteger(x) && x > -1000 && x < 1000) return String(x);
  const milli = Math.round(Math.abs(x) * 1000);
  if (!Number.isSafeInteger(milli)) return x.toExponential(2).replace('.', ',');
  let int = String(Math.floor(milli / 1000));
  for (let i = int.length - 3; i > 0; i -= 3) int = int.slice(0, i) + '.' + int.slice(i);
  let frac = String(milli % 1000).padStart(3, '0');
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  const body = frac ? `${int},${frac}` : int;
  return x < 0 && milli !== 0 ? '-' + body : body;
}

/** A target, baseline or realisation as printed. */
export function nilaiTeks(v: Target | Realisasi | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return angkaTeks(v);
  if (typeof v === 'boolean') return v ? 'Tercapai' : 'Tidak tercapai';
  if (typeof v === 'string') return v;
  switch (v.kind) {
    case 'number': return angkaTeks(v.value);
    case 'range': return `${angkaTeks(v.low)} - ${angkaTeks(v.high)}`;
    case 'text': return v.text;
    default: return '-';
  }
}

/** A percent with two decimals ("107,14"); null → null. */
export function persenTeks(x: number | null): string | null {
  return x === null ? null : formatAngka(x);
}

/** Capaian as printed: the capped value with two decimals, or why there is none. */
export function capaianTeks(c: CapaianResult): string {
  if (c.status === 'ok' && c.capaian !== null) return formatAngka(c.capaian);
  return c.status;
}

/** Rupiah without the symbol (the header says Rp): 3250000000 → "3.250.000.000". */
export function rupiahTeks(n: number | null): string | null {
  if (n === null) return null;
  return angkaTeks(Math.round(n));
}

/** The statement a box is shown by: its Pernyataan Kinerja, else its code and name. */
export function sasaranTeks(b: Box): string {
  return b.pernyataan || [b.kode, b.nomenklatur].filter(Boolean).join(' ') || b.id;
}

/** Program / kegiatan / sub kegiatan: code and nomenclature. */
export function komponenTeks(b: Box): string {
  return [b.kode, b.nomenklatur || b.pernyataan].filter(Boolean).join(' ') || b.id;
}

/** Fills per Kategori (LKjIP and Predikat bands), so a printed page shows the grade at a glance. */
const KATEGORI_FILL: Record<string, string> = {
  'Sangat Baik': 'FFC6EFCE', Baik: 'FFE2F0D9', Cukup: 'FFFFF2CC', Kurang: 'FFFCE4D6', 'Sangat Kurang': 'FFFFC7CE',
  'Sangat Berhasil': 'FFC6EFCE', Berhasil: 'FFE2F0D9', 'Cukup Berhasil': 'FFFFF2CC', 'Kurang Berhasil': 'FFFFC7CE',
};

export const PENGUKURAN_STYLES: Record<string, CellStyle> = {
  ...STYLES,
  angka: { border: true, vertical: 'top', horizontal: 'right' },
  angkaBold: { border: true, bold: true, vertical: 'top', horizontal: 'right' },
  textBold: { border: true, bold: true, wrap: true, vertical: 'top' },
  // Programme rows stand out by a fill, not bold: a bold-only font prints in another face in Calc.
  textProgram: { border: true, wrap: true, vertical: 'top', fill: 'FFF2F2F2' },
  note: { italic: true, size: 9, wrap: true, vertical: 'top' },
  ...Object.fromEntries(Object.entries(KATEGORI_FILL).map(([k, fill]) => [`kategori:${k}`, { border: true, wrap: true, vertical: 'top', horizontal: 'center', fill } as CellStyle])),
};

/** The fill of a Kategori as `#RRGGBB` (the pane's chips use the printed sheets' colours); null when none. */
export function kategoriWarna(k: string | null | undefined): string | null {
  const f = k ? KATEGORI_FILL[k] : undefined;
  return f ? `#${f.slice(-6)}` : null;
}

const KATEGORI_STYLE = new Map(Object.keys(KATEGORI_FILL).map((k) => [k, `kategori:${k}`]));

/** The style of a Kategori cell. */
export function kategoriStyle(k: string | null): string {
  return (k && KATEGORI_STYLE.get(k)) || 'center';
}

/**
 * The Kepala OPD: owner of the first root box in tree order, else the first JPT Pratama. The
 * LKjIP reports on this position's PK (SAKIP.md §12: `LKjIP PK`, the PK targets).
 */
export function kepalaOpd(tree: PohonKinerja): string | undefined {
  const root = tree.boxes.find((b) => !b.parent && b.penanggungJawab);
  return root?.penanggungJawab ?? tree.jabatan.find((j) => j.jenjang === 'JPT Pratama')?.id;
}

/** Depth of a box's level among the tree's levels (0 = top), for indenting printed names. */
export function kedalaman(tree: PohonKinerja): (b: Box) => number {
  const names = levelsOfTree(tree.config).map((l) => l.name);
  return (b) => Math.max(0, names.indexOf(b.level?.name ?? ''));
}
