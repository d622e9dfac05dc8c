/**
 * `PK <tahun> <ID Jabatan>` (SAKIP.md §8): the statement page (title, OPD and pemda, both
 * parties from `Jabatan` and the atasan chain, the commitment, place and date, two signature
 * blocks), then the lampiran: the targets of the boxes the position owns for that year
 * (boxes with `-` left out) and the budget block (`anggaran.ts`) with a total. Everything is
 * derived from the tree, never typed (P01). Printable on A4 or F4 portrait at 100 %.
 *
 * A PK Perubahan (after the DPPA, or a change of official or strategy) is a new sheet,
 * `PKP <tahun> <ID Jabatan>` (`PKP2 …` for a second change), carrying its date and reason;
 * the earlier PK sheet is never touched.
 */
import type { Jabatan, PohonKinerja } from '../model.js';
import { budgetBlock, budgetItems, ownedBoxes } from './anggaran.js';
import { fitRowHeights } from './fit.js';
import { keepTogether } from './pages.js';
import { targetValue, treeOrder } from './matriks.js';
import { numberStyle, SheetBuilder, sheetName, type Paper, type SheetSpec } from './spec.js';

export { budgetItems };

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

/** A PK Perubahan: which change of the year it is, when it is signed and why. */
export interface PkPerubahan {
  /** 1 for the first change of the year (default), 2 for the second … */
  ke?: number;
  /** Date printed on the date line, e.g. `15 September 2026`. */
  tanggal: string;
  /** Why the PK changes, e.g. `Perubahan anggaran (DPPA 2026)` or `Mutasi pejabat`. */
  alasan: string;
}

export interface PkOptions {
  wording?: Partial<PkWording>;
  /** Place on the date line; default Info `Tempat Penandatanganan`, else the pemda name without `Kabupaten`/`Kota`/`Provinsi`. */
  tempat?: string;
  /** Date text; default a dotted blank to fill in by hand. */
  tanggal?: string;
  /** PKs for Fungsional and Pelaksana positions (SAKIP.md §8: optional); default true. */
  nonStruktural?: boolean;
  /** A4 (default) or F4 (Folio 215 × 330 mm). */
  kertas?: Paper;
  /** Stamp every page `DRAF` (a PK generated from a tree that still has errors). */
  draf?: boolean;
  perubahan?: PkPerubahan;
}

export const DRAF_TEXT = 'DRAF';

/** Positions that own at least one box and are in `Jabatan`, in the order their first box appears in the tree. */
export function pkOwners(tree: PohonKinerja, opts: PkOptions = {}): string[] {
  return pkPlan(tree, opts).owners;
}

export interface PkPlan {
  owners: string[];
  /** Owners named in `Penanggung Jawab` that are not in `Jabatan` (J01): no PK can name them. */
  skipped: { id: string; boxes: string[] }[];
}

export function pkPlan(tree: PohonKinerja, opts: PkOptions = {}): PkPlan {
  const owners: string[] = [];
  const skipped = new Map<string, string[]>();
  for (const b of treeOrder(tree)) {
    const id = b.penanggungJawab;
    if (!id) continue;
    const j = tree.jabatanById.get(id);
    if (!j) { (skipped.get(id) ?? skipped.set(id, []).get(id)!).push(b.id); continue; }
    if (owners.includes(id)) continue;
    if (opts.nonStruktural === false && (j.jenjang === 'Fungsional' || j.jenjang === 'Pelaksana')) continue;
    owners.push(id);
  }
  return { owners, skipped: [...skipped].map(([id, boxes]) => ({ id, boxes })) };
}

export function pkSheetName(tahun: number, idJabatan: string, perubahanKe?: number): string {
  if (perubahanKe === undefined) return sheetName(`PK ${tahun} ${idJabatan}`);
  return sheetName(`PKP${perubahanKe > 1 ? perubahanKe : ''} ${tahun} ${idJabatan}`);
}

/** `PK 2026 KADIS` / `PKP 2026 KADIS` / `PKP2 2026 KADIS` → its year, position and change number (0 = the PK itself). */
export function parsePkSheetName(name: string): { tahun: number; idJabatan: string; ke: number } | null {
  const m = /^PK(P(\d*))? (\d{4}) (.+)$/.exec(name);
  if (!m) return null;
  return { tahun: Number(m[3]), idJabatan: m[4], ke: m[1] === undefined ? 0 : m[2] ? Number(m[2]) : 1 };
}

/** Place on the date line: the option, Info `Tempat Penandatanganan`, else the pemda name without its kind. */
export function tempatOf(tree: PohonKinerja, opts: PkOptions = {}): string {
  return opts.tempat || tree.config.tempatPenandatanganan || tree.config.pemda.replace(/^(kabupaten|kota|provinsi)\s+/i, '');
}

/** The lampiran's first block: one entry per indicator of the owned boxes with a target that year. */
export function pkTargetRows(
  tree: PohonKinerja, idJabatan: string, tahun: number, owned = ownedBoxes(tree, idJabatan),
): { sasaran: string; indikator: string; satuan: string; target: string | number | null }[] {
  const yi = tree.config.years.indexOf(tahun);
  const out: { sasaran: string; indikator: string; satuan: string; target: string | number | null }[] = [];
  if (yi < 0) return out;
  for (const b of owned) {
    const sasaran = b.pernyataan || [b.kode, b.nomenklatur].filter(Boolean).join(' ');
    for (const i of b.indicators) {
      if (i.targets[yi]?.kind === 'none') continue;
      out.push({ sasaran, indikator: i.nama, satuan: i.satuan, target: targetValue(i.targets[yi] ?? null) });
    }
  }
  return out;
}

const WIDTHS = [5, 34, 32.5, 12.5, 15];

export function pkSheet(tree: PohonKinerja, idJabatan: string, tahun: number, opts: PkOptions = {}): SheetSpec {
  const cfg = tree.config;
  const words = { ...DEFAULT_PK_WORDING, ...opts.wording };
  const fill = (t: string) => t.replace(/\{tahun\}/g, String(tahun));
  const pertama = tree.jabatanById.get(idJabatan);
  const kedua = pertama?.atasan ? tree.jabatanById.get(pertama.atasan) : undefined;
  const ubah = opts.perubahan;
  const name = pkSheetName(tahun, idJabatan, ubah ? (ubah.ke ?? 1) : undefined);
  // 99 character widths print at 100 % between 0,5" margins on A4 and F4 (the same width).
  const s = new SheetBuilder(name, WIDTHS, {
    paper: opts.kertas ?? 'A4', orientation: 'portrait', fitToWidth: true, pageBreaks: [],
    ...(opts.draf ? { header: DRAF_TEXT } : {}),
  });
  let r = 1;
  const line = (v: string, style: string) => { s.merge(r, 1, r, 5, v, style); r++; };
  const jenis = ubah ? 'PERJANJIAN KINERJA PERUBAHAN' : 'PERJANJIAN KINERJA';
  if (opts.draf) line(`${DRAF_TEXT} — belum untuk ditandatangani`, 'draf');
  line(`${jenis} TAHUN ${tahun}`, 'title');
  line(cfg.namaOpd.toUpperCase(), 'subtitle');
  line(cfg.pemda.toUpperCase(), 'subtitle');
  if (ubah) line(`Perubahan ke-${ubah.ke ?? 1} atas Perjanjian Kinerja Tahun ${tahun}. Alasan perubahan: ${ubah.alasan}.`, 'note');
  r++;
  line(fill(words.pembuka), 'plain');
  r++;
  const party = (j: Jabatan | undefined, fallbackId: string, closing: string) => {
    const rows: [string, string][] = [['Nama', j?.namaPejabat || '-']];
    // The Kepala Daerah is elected, not a civil servant: no NIP row.
    if (j?.jenjang !== 'Kepala Daerah') rows.push(['NIP', j?.nip || '-']);
    rows.push(['Jabatan', j?.nama || fallbackId || '-']);
    for (const [k, v] of rows) { s.set(r, 2, k, 'plain'); s.merge(r, 3, r, 5, `: ${v}`, 'plain'); r++; }
    line(closing, 'plain');
    r++;
  };
  party(pertama, idJabatan, 'Selanjutnya disebut PIHAK PERTAMA.');
  party(kedua, pertama?.atasan ?? '', 'Selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA.');
  line(fill(words.janjiPertama), 'plain');
  line(fill(words.janjiKedua), 'plain');
  r++;
  const tanggal = ubah?.tanggal ?? opts.tanggal;
  r = signatures(s, r, tahun, pertama, kedua, idJabatan, tempatOf(tree, opts), tanggal);
  s.spec.print.pageBreaks!.push(r - 1);
  r++;

  // Lampiran, block 1: targets of the owned boxes for the year.
  if (opts.draf) line(`${DRAF_TEXT} — belum untuk ditandatangani`, 'draf');
  line(`LAMPIRAN ${jenis} TAHUN ${tahun}`, 'title');
  line(`${(pertama?.nama || idJabatan).toUpperCase()} — ${cfg.namaOpd.toUpperCase()}`, 'subtitle');
  r++;
  ['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target'].forEach((h, i) => s.set(r, i + 1, h, 'header'));
  r++;
  const owned = ownedBoxes(tree, idJabatan);
  const rows = pkTargetRows(tree, idJabatan, tahun, owned);
  let no = 0;
  for (let k = 0; k < rows.length;) {
    let n = 1;
    while (k + n < rows.length && rows[k + n].sasaran === rows[k].sasaran) n++;
    no++;
    s.merge(r, 1, r + n - 1, 1, no, 'center');
    s.merge(r, 2, r + n - 1, 2, rows[k].sasaran || null, 'text');
    for (let i = 0; i < n; i++, k++) {
      s.set(r, 3, rows[k].indikator, 'text');
      s.set(r, 4, rows[k].satuan || null, 'center');
      s.set(r, 5, rows[k].target, numberStyle(rows[k].target));
      r++;
    }
  }
  if (no === 0) { s.merge(r, 1, r, 5, `Tidak ada target tahun ${tahun}.`, 'text'); r++; }
  r++;

  // Block 2: the budget at the level configured for the jenjang (or the nearest one owned).
  const block = budgetBlock(tree, idJabatan, tahun, owned);
  s.set(r, 1, 'No', 'header');
  s.merge(r, 2, r, 4, 'Program/Kegiatan/Sub Kegiatan', 'header');
  s.set(r, 5, 'Anggaran (Rp)', 'header');
  r++;
  block.items.forEach((b, k) => {
    s.set(r, 1, k + 1, 'center');
    s.merge(r, 2, r, 4, [b.kode, b.nomenklatur || b.pernyataan].filter(Boolean).join(' ') || null, 'text');
    s.set(r, 5, block.amounts[k], 'money');
    r++;
  });
  if (block.items.length === 0) { s.merge(r, 1, r, 5, 'Jabatan ini tidak memiliki program, kegiatan atau sub kegiatan berkode.', 'text'); r++; }
  // The total, its notes and the signatures print on one page (a signature alone on a page
  // signs nothing the reader can see).
  const keepFrom = r;
  s.merge(r, 1, r, 4, block.source === 'DPA' ? 'Jumlah' : 'Jumlah (indikatif)', 'totalLabel');
  s.set(r, 5, block.total, 'totalMoney');
  r++;
  const notes: string[] = [];
  notes.push(block.source === 'DPA'
    ? `Sumber anggaran: DPA tahun ${tahun} (kolom Pagu DPA ${tahun}).`
    : `Anggaran indikatif menurut Renstra (kolom Pagu ${tahun}); DPA tahun ${tahun} belum diisi (kolom Pagu DPA ${tahun}).`);
  if (block.fallback.length) {
    const which = block.fallback.map((b) => b.kode || b.id).join(', ');
    notes.push(block.level !== block.configured
      ? `Tidak ada ${block.configured} di bawah kotak jabatan ini; anggaran dicantumkan pada tingkat ${block.level}.`
      : `Tanpa ${block.configured} di bawahnya, dicantumkan pada tingkatnya sendiri: ${which}.`);
  }
  for (const n of notes) line(n, 'note');
  r++;
  const end = signatures(s, r, tahun, pertama, kedua, idJabatan, tempatOf(tree, opts), tanggal) - 1;
  return keepTogether(fitRowHeights(s.spec), keepFrom, end);
}

function signatures(
  s: SheetBuilder, r: number, tahun: number, pertama: Jabatan | undefined, kedua: Jabatan | undefined, idJabatan: string, tempat: string, tanggal: string | undefined,
): number {
  s.merge(r, 4, r, 5, `${tempat}, ${tanggal ?? '.................... ' + tahun}`, 'plainCenter');
  r++;
  s.set(r, 2, 'PIHAK KEDUA,', 'boldCenter');
  s.merge(r, 4, r, 5, 'PIHAK PERTAMA,', 'boldCenter');
  r++;
  s.set(r, 2, kedua?.nama || pertama?.atasan || '', 'plainCenter');
  s.merge(r, 4, r, 5, pertama?.nama || idJabatan, 'plainCenter');
  r += 4;
  s.set(r, 2, kedua?.namaPejabat || '', 'boldCenter');
  s.merge(r, 4, r, 5, pertama?.namaPejabat || '', 'boldCenter');
  r++;
  const nip = (j: Jabatan | undefined) => (j?.nip && j.jenjang !== 'Kepala Daerah' ? `NIP. ${j.nip}` : '');
  if (nip(kedua)) s.set(r, 2, nip(kedua), 'plainCenter');
  if (nip(pertama)) s.merge(r, 4, r, 5, nip(pertama), 'plainCenter');
  return r + 1;
}

/** Every position's PK for the year (positions missing from `Jabatan` skipped: see `pkPlan`). */
export function pkSheets(tree: PohonKinerja, tahun: number, opts: PkOptions = {}): SheetSpec[] {
  return pkPlan(tree, opts).owners.map((id) => pkSheet(tree, id, tahun, opts));
}
