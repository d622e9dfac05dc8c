/** What the LKjIP sheets share: options, the scope of indicators, a titled sheet builder. */
import type { PohonKinerja } from '../../model.js';
import type { IndikatorTahun } from '../../pengukuran/hitung.js';
import { Lembar } from './lembar.js';
import { kepalaOpd, PENGUKURAN_STYLES } from './teks.js';

export interface LkjipOptions {
  /**
   * Whose PK the LKjIP reports: the Kepala OPD's (default; the OPD's own PK) or every PK
   * indicator of the OPD.
   */
  cakupan?: 'kepala' | 'semua';
  /**
   * Efisiensi formula (no national formula is confirmed, SAKIP.md §12): `selisih` = capaian
   * rata-rata − serapan (default, percentage points); `rasio` = capaian / serapan.
   */
  efisiensi?: 'selisih' | 'rasio';
}

const SEMUA = (it: IndikatorTahun) => it.pk;
const KEPALA = new WeakMap<PohonKinerja, (it: IndikatorTahun) => boolean>();

/** The indicators the LKjIP reports on (one function per tree and scope, so summaries can be shared). */
export function lingkup(tree: PohonKinerja, opts: LkjipOptions): (it: IndikatorTahun) => boolean {
  if (opts.cakupan === 'semua') return SEMUA;
  let f = KEPALA.get(tree);
  if (!f) {
    const kepala = kepalaOpd(tree);
    f = (it) => it.pk && it.box.penanggungJawab === kepala;
    KEPALA.set(tree, f);
  }
  return f;
}

/** A sheet with the title block (rows 1–2) and the header on row 4, repeated on every page. */
export function lkjipBuilder(tree: PohonKinerja, name: string, judul: string, headers: string[], widths: number[], orientation: 'portrait' | 'landscape' = 'portrait'): Lembar {
  const s = new Lembar(name, widths, { paper: 'A4', orientation, fitToWidth: true, titleRows: [4, 4] });
  s.spec.styles = PENGUKURAN_STYLES;
  const last = Math.max(headers.length, widths.length);
  s.merge(1, 1, 1, last, judul.toUpperCase(), 'title');
  s.merge(2, 1, 2, last, `${tree.config.namaOpd} ${tree.config.pemda}`.trim().toUpperCase(), 'subtitle');
  headers.forEach((h, i) => s.set(4, i + 1, h, 'header'));
  return s;
}

/** Groups indicators by box, keeping tree order. */
export function perKotak(items: IndikatorTahun[]): IndikatorTahun[][] {
  const groups = new Map<string, IndikatorTahun[]>();
  for (const it of items) {
    const g = groups.get(it.box.id);
    if (g) g.push(it); else groups.set(it.box.id, [it]);
  }
  return [...groups.values()];
}
