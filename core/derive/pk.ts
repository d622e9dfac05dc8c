/**
 * `PK <tahun> <ID Jabatan>` (SAKIP.md §8): the statement page (title, OPD and pemda, both
 * parties from `Jabatan` and the atasan chain, the commitment, place and date, two signature
 * blocks), then the lampiran: the targets of the boxes the position owns for that year
 * (boxes with `-` left out) and the budget at the level configured for its jenjang, with a
 * total. Everything is derived from the tree, never typed (P01). Printable on A4 portrait.
 */
import type { BudgetLevel, NomenklaturType } from '../config.js';
import type { Box, Jabatan, PohonKinerja } from '../model.js';
import { targetValue, treeOrder } from './matriks.js';
import { SheetBuilder, sheetName, type SheetSpec } from './spec.js';

export interface PkWording {
  pembuka: string;
  janjiPertama: string;
  janjiKedua: string;
}

/** Default wording after the PermenPANRB 53/2014 format; `{tahun}` is replaced. */
export const DEFAULT_PK_WORDING: PkWording = {
  pembuka: 'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:',
  janjiPertama: 'Pihak pertama berjanji akan mewujudkan target kinerja tahun {tahun} sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab pihak pertama.',
  janjiKedua: 'Pihak kedua akan melakukan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.',
};

export interface PkOptions {
  wording?: Partial<PkWording>;
  /** Place on the date line; default: the pemda name without `Kabupaten`/`Kota`/`Provinsi`. */
  tempat?: string;
  /** Date text; default a dotted blank to fill in by hand. */
  tanggal?: string;
  /** PKs for Fungsional and Pelaksana positions (SAKIP.md §8: optional); default true. */
  nonStruktural?: boolean;
}

const TYPE: Record<BudgetLevel, NomenklaturType> = { Program: 'program', Kegiatan: 'kegiatan', 'Sub Kegiatan': 'sub_kegiatan' };

/** Positions that own at least one box, in the order their first box appears in the tree. */
export function pkOwners(tree: PohonKinerja, opts: PkOptions = {}): string[] {
  const out: string[] = [];
  for (const b of treeOrder(tree)) {
    const id = b.penanggungJawab;
    if (!id || out.includes(id)) continue;
    const j = tree.jabatanById.get(id);
    if (opts.nonStruktural === false && (j?.jenjang === 'Fungsional' || j?.jenjang === 'Pelaksana')) continue;
    out.push(id);
  }
  return out;
}

export function pkSheetName(tahun: number, idJabatan: string): string {
  return sheetName(`PK ${tahun} ${idJabatan}`);
}

/** The coded boxes at `level` that the owned boxes are, or that lie below them (tree order, once each). */
export function budgetItems(owned: Box[], level: BudgetLevel): Box[] {
  const type = TYPE[level];
  const out: Box[] = [];
  const seen = new Set<Box>();
  const visit = (b: Box) => {
    if (seen.has(b)) return;
    seen.add(b);
    if (b.level?.nomenklatur === type) { out.push(b); return; }
    for (const c of b.children) visit(c);
  };
  for (const b of owned) visit(b);
  return out;
}

export function pkSheet(tree: PohonKinerja, idJabatan: string, tahun: number, opts: PkOptions = {}): SheetSpec {
  const cfg = tree.config;
  const yi = cfg.years.indexOf(tahun);
  const words = { ...DEFAULT_PK_WORDING, ...opts.wording };
  const fill = (t: string) => t.replace(/\{tahun\}/g, String(tahun));
  const pertama = tree.jabatanById.get(idJabatan);
  const kedua = pertama?.atasan ? tree.jabatanById.get(pertama.atasan) : undefined;
  const s = new SheetBuilder(pkSheetName(tahun, idJabatan), [6, 38, 38, 12, 18], { paper: 'A4', orientation: 'portrait', fitToWidth: true, pageBreaks: [] });
  let r = 1;
  const line = (v: string, style: string, height?: number) => { s.merge(r, 1, r, 5, v, style); if (height) s.height(r, height); r++; };
  line(`PERJANJIAN KINERJA TAHUN ${tahun}`, 'title');
  line(cfg.namaOpd.toUpperCase(), 'subtitle');
  line(cfg.pemda.toUpperCase(), 'subtitle');
  r++;
  line(fill(words.pembuka), 'plain', 45);
  r++;
  const party = (j: Jabatan | undefined, fallbackId: string, closing: string) => {
    const rows: [string, string][] = [['Nama', j?.namaPejabat || '-'], ['NIP', j?.nip || '-'], ['Jabatan', j?.nama || fallbackId || '-']];
    for (const [k, v] of rows) { s.set(r, 2, k, 'plain'); s.merge(r, 3, r, 5, `: ${v}`, 'plain'); r++; }
    line(closing, 'plain');
    r++;
  };
  party(pertama, idJabatan, 'Selanjutnya disebut PIHAK PERTAMA.');
  party(kedua, pertama?.atasan ?? '', 'Selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA.');
  line(fill(words.janjiPertama), 'plain', 60);
  line(fill(words.janjiKedua), 'plain', 45);
  r++;
  r = signatures(s, r, tahun, pertama, kedua, idJabatan, opts, cfg.pemda);
  s.spec.print.pageBreaks!.push(r - 1);
  r++;

  // Lampiran, block 1: targets of the owned boxes for the year.
  line(`LAMPIRAN PERJANJIAN KINERJA TAHUN ${tahun}`, 'title');
  line(`${(pertama?.nama || idJabatan).toUpperCase()} — ${cfg.namaOpd.toUpperCase()}`, 'subtitle');
  r++;
  ['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target'].forEach((h, i) => s.set(r, i + 1, h, 'header'));
  r++;
  const owned = treeOrder(tree).filter((b) => b.penanggungJawab === idJabatan);
  let no = 0;
  for (const b of owned) {
    const inds = b.indicators.filter((i) => yi >= 0 && i.targets[yi]?.kind !== 'none');
    if (!inds.length) continue;
    no++;
    s.merge(r, 1, r + inds.length - 1, 1, no, 'center');
    s.merge(r, 2, r + inds.length - 1, 2, b.pernyataan || [b.kode, b.nomenklatur].filter(Boolean).join(' ') || null, 'text');
    for (const i of inds) {
      s.set(r, 3, i.nama, 'text');
      s.set(r, 4, i.satuan || null, 'center');
      s.set(r, 5, targetValue(i.targets[yi] ?? null), 'number');
      r++;
    }
  }
  if (no === 0) { s.merge(r, 1, r, 5, `Tidak ada target tahun ${tahun}.`, 'text'); r++; }
  r++;

  // Block 2: budget at the configured level for the jenjang.
  const level = pertama?.jenjang ? cfg.anggaranPk[pertama.jenjang] : 'Sub Kegiatan';
  s.set(r, 1, 'No', 'header');
  s.merge(r, 2, r, 4, 'Program/Kegiatan/Sub Kegiatan', 'header');
  s.set(r, 5, 'Anggaran (Rp)', 'header');
  r++;
  let total = 0;
  budgetItems(owned, level).forEach((b, k) => {
    const pagu = yi >= 0 ? b.pagu[yi] : null;
    if (pagu !== null) total += pagu;
    s.set(r, 1, k + 1, 'center');
    s.merge(r, 2, r, 4, [b.kode, b.nomenklatur || b.pernyataan].filter(Boolean).join(' ') || null, 'text');
    s.set(r, 5, pagu, 'money');
    r++;
  });
  s.merge(r, 1, r, 4, 'Jumlah', 'totalLabel');
  s.set(r, 5, total, 'totalMoney');
  r += 2;
  signatures(s, r, tahun, pertama, kedua, idJabatan, opts, cfg.pemda);
  return s.spec;
}

function signatures(
  s: SheetBuilder, r: number, tahun: number, pertama: Jabatan | undefined, kedua: Jabatan | undefined, idJabatan: string, opts: PkOptions, pemda: string,
): number {
  const tempat = opts.tempat ?? pemda.replace(/^(kabupaten|kota|provinsi)\s+/i, '');
  s.merge(r, 4, r, 5, `${tempat}, ${opts.tanggal ?? '.................... ' + tahun}`, 'plainCenter');
  r++;
  s.set(r, 2, 'PIHAK KEDUA,', 'boldCenter');
  s.merge(r, 4, r, 5, 'PIHAK PERTAMA,', 'boldCenter');
  r++;
  s.set(r, 2, kedua?.nama || pertama?.atasan || '', 'plainCenter');
  s.merge(r, 4, r, 5, pertama?.nama || idJabatan, 'plainCenter');
  s.height(r, 30);
  r += 4;
  s.set(r, 2, kedua?.namaPejabat || '', 'boldCenter');
  s.merge(r, 4, r, 5, pertama?.namaPejabat || '', 'boldCenter');
  r++;
  if (kedua?.nip) s.set(r, 2, `NIP. ${kedua.nip}`, 'plainCenter');
  if (pertama?.nip) s.merge(r, 4, r, 5, `NIP. ${pertama.nip}`, 'plainCenter');
  return r + 1;
}

/** Every position's PK for the year. */
export function pkSheets(tree: PohonKinerja, tahun: number, opts: PkOptions = {}): SheetSpec[] {
  return pkOwners(tree, opts).map((id) => pkSheet(tree, id, tahun, opts));
}
