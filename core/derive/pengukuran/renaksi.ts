/**
 * `Renaksi <tahun> <ID Jabatan>` (SAKIP.md §12): the Rencana Aksi of one position for a year,
 * A4 landscape, signed like the PK (the position, and its atasan who knows of it):
 * `No | Sasaran | Indikator | Satuan | Target | Rencana Aksi | TW I | TW II | TW III | TW IV |
 * Penanggung Jawab`. One row per action; the box, the indicator and its quarterly targets are
 * merged over their actions. A PK indicator without an action shows "—" so the gap is visible.
 */
import type { Jabatan, PohonKinerja } from '../../model.js';
import { hitungPengukuran, type IndikatorTahun, type PengukuranTahun } from '../../pengukuran/hitung.js';
import { pkOwners } from '../pk.js';
import { sheetName, type SheetSpec } from '../spec.js';
import { Lembar } from './lembar.js';
import { nilaiTeks, PENGUKURAN_STYLES, sasaranTeks } from './teks.js';
import { sesuaikanTinggi } from './tinggi.js';

export interface RenaksiOptions {
  tempat?: string;
  tanggal?: string;
}

export function renaksiSheetName(tahun: number, idJabatan: string): string {
  return sheetName(`Renaksi ${tahun} ${idJabatan}`);
}

const HEADERS = ['No', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Rencana Aksi', 'TW I', 'TW II', 'TW III', 'TW IV', 'Penanggung Jawab'];
const WIDTHS = [5, 30, 30, 10, 10, 42, 8, 8, 8, 8, 24];

export function renaksiSheet(tree: PohonKinerja, idJabatan: string, tahun: number, opts: RenaksiOptions = {}, p: PengukuranTahun = hitungPengukuran(tree, tahun)): SheetSpec {
  const cfg = tree.config;
  const pertama = tree.jabatanById.get(idJabatan);
  const kedua = pertama?.atasan ? tree.jabatanById.get(pertama.atasan) : undefined;
  const s = new Lembar(renaksiSheetName(tahun, idJabatan), WIDTHS, { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [5, 5] });
  s.spec.styles = PENGUKURAN_STYLES;
  const last = HEADERS.length;
  s.merge(1, 1, 1, last, `RENCANA AKSI TAHUN ${tahun}`, 'title');
  s.merge(2, 1, 2, last, (pertama?.nama || idJabatan).toUpperCase(), 'subtitle');
  s.merge(3, 1, 3, last, `${cfg.namaOpd} ${cfg.pemda}`.trim().toUpperCase(), 'subtitle');
  HEADERS.forEach((h, i) => s.set(5, i + 1, h, 'header'));
  let r = 6;
  const groups = new Map<string, IndikatorTahun[]>();
  for (const it of p.indikator) {
    if (!it.pk || it.box.penanggungJawab !== idJabatan) continue;
    const g = groups.get(it.box.id);
    if (g) g.push(it); else groups.set(it.box.id, [it]);
  }
  let no = 0;
  for (const items of groups.values()) {
    const top = r;
    no++;
    for (const it of items) {
      const acts = it.rencanaAksi;
      const n = Math.max(1, acts.length);
      const bottom = r + n - 1;
      s.merge(r, 3, bottom, 3, it.indikator.nama, 'text');
      s.merge(r, 4, bottom, 4, it.indikator.satuan || null, 'center');
      s.merge(r, 5, bottom, 5, nilaiTeks(it.targetTahun), 'angka');
      for (let k = 0; k < 4; k++) s.merge(r, 7 + k, bottom, 7 + k, nilaiTeks(it.targetTw?.[k] ?? null), 'angka');
      if (!acts.length) {
        s.set(r, 6, '—', 'text');
        s.set(r, 11, null, 'text');
      }
      acts.forEach((a, k) => {
        const label = a.rencanaAksi || a.outputAksi || '—';
        s.set(r + k, 6, a.no ? `${a.no}. ${label}` : label, 'text');
        s.set(r + k, 11, tree.jabatanById.get(a.idJabatan)?.nama || a.idJabatan || null, 'text');
      });
      r = bottom + 1;
    }
    s.merge(top, 1, r - 1, 1, no, 'center');
    s.merge(top, 2, r - 1, 2, sasaranTeks(items[0].box), 'text');
  }
  if (no === 0) { s.merge(r, 1, r, last, `Tidak ada indikator PK ${tahun} untuk jabatan ini.`, 'text'); r++; }
  r++;
  tandaTangan(s, r, tahun, pertama, kedua, idJabatan, opts, cfg.pemda);
  return sesuaikanTinggi(s.spec, s.spans);
}

/** Place and date, then "Mengetahui" (the atasan, left) and the position (right), as in the PK. */
function tandaTangan(s: Lembar, r: number, tahun: number, pertama: Jabatan | undefined, kedua: Jabatan | undefined, idJabatan: string, opts: RenaksiOptions, pemda: string): void {
  const tempat = opts.tempat ?? pemda.replace(/^(kabupaten|kota|provinsi)\s+/i, '');
  s.merge(r, 8, r, 11, `${tempat}, ${opts.tanggal ?? '.................... ' + tahun}`, 'plainCenter');
  r++;
  s.merge(r, 2, r, 3, 'Mengetahui,', 'boldCenter');
  r++;
  s.merge(r, 2, r, 3, kedua?.nama || pertama?.atasan || '', 'plainCenter');
  s.merge(r, 8, r, 11, pertama?.nama || idJabatan, 'plainCenter');
  s.height(r, 30);
  r += 4;
  s.merge(r, 2, r, 3, kedua?.namaPejabat || '', 'boldCenter');
  s.merge(r, 8, r, 11, pertama?.namaPejabat || '', 'boldCenter');
  r++;
  if (kedua?.nip) s.merge(r, 2, r, 3, `NIP. ${kedua.nip}`, 'plainCenter');
  if (pertama?.nip) s.merge(r, 8, r, 11, `NIP. ${pertama.nip}`, 'plainCenter');
}

/** The Renaksi of every position that owns PK indicators of the year, in tree order. */
export function renaksiSheets(tree: PohonKinerja, tahun: number, opts: RenaksiOptions = {}, p: PengukuranTahun = hitungPengukuran(tree, tahun)): SheetSpec[] {
  const owners = new Set(p.indikator.filter((it) => it.pk).map((it) => it.box.penanggungJawab));
  return pkOwners(tree).filter((id) => owners.has(id)).map((id) => renaksiSheet(tree, id, tahun, opts, p));
}
