/**
 * `RencanaAksi`, `Realisasi` and `Pembanding` rows (SAKIP.md §12) into the pengukuran model.
 * Every non-empty row becomes a row object or an F01 at its cell (unknown box or indicator, a
 * year outside the period, an unknown quarter, a duplicate quarter); every reinterpretation is
 * an F02, as in the tree tables (§10).
 */
import type { PokinConfig } from '../config.js';
import { rupiah, type Issue } from '../issues.js';
import { PERIODE, pengukuranTables } from '../layout/pengukuran.js';
import { headerKey, YA_TIDAK, type TableSpec } from '../layout/tables.js';
import type { Box, Indikator, PohonKinerja, RowLoc, Target } from '../model.js';
import {
  TINGKAT_PEMBANDING, TRIWULAN, type NilaiRealisasi, type PembandingRow, type Pengukuran, type PerTriwulan,
  type RealisasiRow, type RencanaAksiRow, type TingkatPembanding, type Triwulan,
} from '../pengukuran/model.js';
import type { CellValue, TableSnapshot } from '../snapshot.js';
import {
  cleanStatement, idText, matchListValue, normaliseCode, parseAmount, parseNumberText, parseTarget, plainText, proseText,
} from './normalise.js';
import { reportNormalised, reportUnreadable } from './report.js';
import { cellAt, formatAt, mapTable, reportMerges, rowHasInput, scrubErrors, type MappedTable } from './table.js';

type Finder = (spec: TableSpec) => TableSnapshot | undefined;

/** Reads the pengukuran tables present; undefined when the workbook holds none of them. */
export function readPengukuran(find: Finder, tree: PohonKinerja, issues: Issue[]): Pengukuran | undefined {
  const [raSpec, reSpec, pbSpec] = pengukuranTables();
  const snaps = [find(raSpec), find(reSpec), find(pbSpec)];
  if (snaps.every((s) => s === undefined)) return undefined;
  const map = (spec: TableSpec, snap: TableSnapshot | undefined): MappedTable | undefined => {
    if (!snap) return undefined;
    const m = mapTable(snap, spec, issues);
    reportMerges(m, issues);
    tree.tables[spec.key] = m.loc;
    return m;
  };
  const r = new RowReader(tree, issues);
  const ra = map(raSpec, snaps[0]);
  const re = map(reSpec, snaps[1]);
  const pb = map(pbSpec, snaps[2]);
  return {
    rencanaAksi: ra ? r.rencanaAksi(ra) : [],
    realisasi: re ? r.realisasi(re) : [],
    pembanding: pb ? r.pembanding(pb) : [],
    ada: { rencanaAksi: !!ra, realisasi: !!re, pembanding: !!pb },
  };
}

/** The columns every pengukuran row starts with: where it belongs. */
interface Head {
  r: number;
  row: CellValue[];
  loc: RowLoc;
  tahun: number;
  box: Box;
  indikator: Indikator;
}

const ROMAN: Record<string, Triwulan> = { i: 1, ii: 2, iii: 3, iv: 4 };

const EXACT: Record<string, Triwulan> = { TW1: 1, TW2: 2, TW3: 3, TW4: 4 };

/** `TW1`, `TW 1`, `TW-I`, `Triwulan II`, `Q3`, `4` → the quarter; null when unknown. */
export function parsePeriode(v: CellValue): Triwulan | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 4 ? (v as Triwulan) : null;
  if (typeof v !== 'string') return null;
  const exact = EXACT[v];
  if (exact) return exact;
  const k = v.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^(?:tw|triwulan|trw|q|kuartal)/, '');
  if (/^[1-4]$/.test(k)) return Number(k) as Triwulan;
  return ROMAN[k] ?? null;
}

/** Indicator names compare like headers: case, spaces and punctuation ignored. */
const nameKey = (s: string) => headerKey(s);

class RowReader {
  private readonly config: PokinConfig;
  /** box → (exact name, then name key → indicator), built once per box. */
  private readonly names = new Map<Box, Map<string, Indikator>>();
  private readonly exact = new Map<Box, Map<string, Indikator>>();

  constructor(private readonly tree: PohonKinerja, private readonly issues: Issue[]) {
    this.config = tree.config;
  }

  /** The box's indicator of that name: exact first (the common case), else case, spaces and punctuation ignored. */
  private indicatorOf(box: Box, nama: string): Indikator | undefined {
    let e = this.exact.get(box);
    if (!e) {
      e = new Map();
      for (const i of box.indicators) if (!e.has(i.nama)) e.set(i.nama, i);
      this.exact.set(box, e);
    }
    const hit = e.get(nama);
    if (hit) return hit;
    let m = this.names.get(box);
    if (!m) {
      m = new Map();
      for (const i of box.indicators) if (!m.has(nameKey(i.nama))) m.set(nameKey(i.nama), i);
      this.names.set(box, m);
    }
    return m.get(nameKey(nama));
  }

  /** Rows with their box, indicator and year; what cannot be placed is reported and skipped. */
  private *heads(m: MappedTable): Generator<Head> {
    const rows = m.snapshot.rows;
    const years = this.config.years;
    for (let r = 0; r < rows.length; r++) {
      if (!rowHasInput(rows[r], m.outputCols)) continue;
      const sheetRow = m.firstDataRow + r;
      const loc: RowLoc = { table: m.loc, row: sheetRow };
      const rawId = idText(cellAt(m, rows[r], 'nodeId'));
      const row = scrubErrors(m, rows[r], sheetRow, rawId, this.issues);
      const nodeId = idText(cellAt(m, row, 'nodeId'));
      const bad = (field: string, id: string, en: string) => reportUnreadable(this.issues, loc, field, nodeId, { id, en });
      if (nodeId === '') { bad('nodeId', 'Baris tanpa ID Node tidak dapat dibaca.', 'A row without ID Node cannot be read.'); continue; }
      const box = this.tree.byId.get(nodeId);
      if (!box) {
        bad('nodeId', `ID Node "${nodeId}" tidak ada di Pohon Kinerja; baris ini tidak terbaca.`, `ID Node "${nodeId}" matches no box in Pohon Kinerja; this row is not read.`);
        continue;
      }
      const nama = cleanStatement(cellAt(m, row, 'nama'));
      if (nama.value === '') { bad('nama', 'Nama indikator kosong.', 'Indicator name is empty.'); continue; }
      const indikator = this.indicatorOf(box, nama.value);
      if (!indikator) {
        const known = box.indicators.map((i) => `"${i.nama}"`).join(', ') || '—';
        bad('nama', `Indikator "${nama.value}" bukan indikator kotak ${nodeId} (indikatornya: ${known}).`,
          `"${nama.value}" is not an indicator of box ${nodeId} (its indicators: ${known}).`);
        continue;
      }
      const typed = cellAt(m, row, 'nama');
      if (typed !== indikator.nama) reportNormalised(this.issues, loc, 'nama', 'Indikator', nodeId, { from: plainText(typed), to: indikator.nama });
      const tahunCell = cellAt(m, row, 'tahun');
      const tahun = typeof tahunCell === 'number' ? tahunCell : typeof tahunCell === 'string' ? parseNumberText(tahunCell.trim()) : null;
      if (tahunCell === null || (typeof tahunCell === 'string' && tahunCell.trim() === '')) {
        bad('tahun', 'Tahun kosong.', 'Tahun (year) is empty.');
        continue;
      }
      if (tahun === null || !Number.isInteger(tahun) || !years.includes(tahun)) {
        bad('tahun', `Tahun "${String(tahunCell)}" bukan tahun periode ${years[0] ?? '?'}–${years[years.length - 1] ?? '?'}.`,
          `Tahun "${String(tahunCell)}" is not a year of the period ${years[0] ?? '?'}–${years[years.length - 1] ?? '?'}.`);
        continue;
      }
      yield { r, row, loc, tahun, box, indikator };
    }
  }

  private text(m: MappedTable, row: CellValue[], key: string): string {
    return proseText(cellAt(m, row, key));
  }

  /** A target-like cell (`Target TWn`, `Nilai Pembanding`) with the indicator's satuan. */
  private target(m: MappedTable, h: Head, key: string, label: string): Target | null {
    const v = cellAt(m, h.row, key);
    if (v === null) return null;
    if (typeof v === 'number' && !m.snapshot.numberFormats) return { kind: 'number', value: v };
    const p = parseTarget(v, h.indikator.satuan, formatAt(m, h.r, key));
    reportNormalised(this.issues, h.loc, key, label, h.box.id, p.change);
    return p.value;
  }

  /** Rupiah; unreadable or negative text is F01 and read as blank. */
  private amount(m: MappedTable, h: Head, key: string, label: string): number | null {
    const p = parseAmount(cellAt(m, h.row, key));
    if (p.invalid !== undefined || (p.value !== null && p.value < 0)) {
      const shown = p.invalid ?? String(p.value);
      reportUnreadable(this.issues, h.loc, key, h.box.id, {
        id: `${label} "${shown}" bukan jumlah rupiah yang tidak negatif; nilainya diabaikan.`,
        en: `${label} "${shown}" is not a non-negative amount of rupiah; it is ignored.`,
      });
      return null;
    }
    reportNormalised(this.issues, h.loc, key, label, h.box.id, p.change);
    return p.value;
  }

  rencanaAksi(m: MappedTable): RencanaAksiRow[] {
    const out: RencanaAksiRow[] = [];
    for (const h of this.heads(m)) {
      const kode = normaliseCode(cellAt(m, h.row, 'kodeSubKegiatan'), formatAt(m, h.r, 'kodeSubKegiatan'));
      reportNormalised(this.issues, h.loc, 'kodeSubKegiatan', 'Kode Sub Kegiatan', h.box.id, kode.change);
      const no = cellAt(m, h.row, 'no');
      out.push({
        tahun: h.tahun, nodeId: h.box.id, indikatorNama: h.indikator.nama, box: h.box, indikator: h.indikator,
        idJabatan: idText(cellAt(m, h.row, 'idJabatan')),
        no: no === null ? '' : idText(no),
        rencanaAksi: plainText(cellAt(m, h.row, 'rencanaAksi')),
        kodeSubKegiatan: kode.value,
        target: TRIWULAN.map((n) => this.target(m, h, `targetTw${n}`, `Target TW${n}`)) as PerTriwulan<Target | null>,
        anggaran: TRIWULAN.map((n) => this.amount(m, h, `anggaranTw${n}`, `Anggaran TW${n}`)) as PerTriwulan<number | null>,
        outputAksi: this.text(m, h.row, 'outputAksi'),
        catatan: this.text(m, h.row, 'catatan'),
        loc: h.loc,
      });
    }
    return out;
  }

  realisasi(m: MappedTable): RealisasiRow[] {
    const out: RealisasiRow[] = [];
    /** indicator → (tahun × 10 + quarter → its row): a quarter is given once. */
    const seen = new Map<Indikator, Map<number, RealisasiRow>>();
    const anggaranOf = new Map<string, RealisasiRow>();
    const formulas = m.snapshot.formulas;
    const realisasiCol = m.index.realisasi;
    for (const h of this.heads(m)) {
      const periodeCell = cellAt(m, h.row, 'periode');
      const periode = parsePeriode(periodeCell);
      const unreadable = (field: string, id: string, en: string) => reportUnreadable(this.issues, h.loc, field, h.box.id, { id, en });
      if (periode === null) {
        unreadable('periode', periodeCell === null || plainText(periodeCell) === ''
          ? 'Periode kosong (isi TW1, TW2, TW3 atau TW4).' : `Periode "${plainText(periodeCell)}" tidak dikenal (pilihan: ${PERIODE.join(', ')}).`,
        periodeCell === null || plainText(periodeCell) === ''
          ? 'Periode is empty (use TW1, TW2, TW3 or TW4).' : `Unknown Periode "${plainText(periodeCell)}" (choices: ${PERIODE.join(', ')}).`);
        continue;
      }
      if (periodeCell !== PERIODE[periode - 1]) reportNormalised(this.issues, h.loc, 'periode', 'Periode', h.box.id, { from: plainText(periodeCell), to: `TW${periode}` });
      let quarters = seen.get(h.indikator);
      if (!quarters) { quarters = new Map(); seen.set(h.indikator, quarters); }
      const key = h.tahun * 10 + periode;
      const first = quarters.get(key);
      if (first) {
        unreadable('periode', `Realisasi TW${periode} ${h.tahun} indikator ini sudah ada di baris ${first.loc.row}; baris ini diabaikan.`,
          `The TW${periode} ${h.tahun} realisation of this indicator is already on row ${first.loc.row}; this row is ignored.`);
        continue;
      }
      const diverifikasiText = plainText(cellAt(m, h.row, 'diverifikasi'));
      const dv = matchListValue(diverifikasiText, YA_TIDAK);
      reportNormalised(this.issues, h.loc, 'diverifikasi', 'Diverifikasi', h.box.id, dv.change);
      if (diverifikasiText !== '' && !dv.value) {
        unreadable('diverifikasi', `Diverifikasi "${diverifikasiText}" harus Ya atau Tidak.`, `Diverifikasi "${diverifikasiText}" must be Ya or Tidak.`);
      }
      const row: RealisasiRow = {
        tahun: h.tahun, periode, nodeId: h.box.id, indikatorNama: h.indikator.nama, box: h.box, indikator: h.indikator,
        realisasi: this.nilai(m, h),
        realisasiAnggaran: this.amount(m, h, 'realisasiAnggaran', 'Realisasi Anggaran'),
        bukti: this.text(m, h.row, 'bukti'),
        penjelasan: this.text(m, h.row, 'penjelasan'),
        faktorPendukung: this.text(m, h.row, 'faktorPendukung'),
        faktorPenghambat: this.text(m, h.row, 'faktorPenghambat'),
        solusi: this.text(m, h.row, 'solusi'),
        diverifikasi: dv.value === 'Ya' ? true : dv.value === 'Tidak' ? false : null,
        loc: h.loc,
      };
      const f = realisasiCol !== undefined ? formulas?.[h.r]?.[realisasiCol] : undefined;
      if (f) row.realisasiFormula = f;
      quarters.set(key, row);
      this.oncePerBox(anggaranOf, row);
      out.push(row);
    }
    return out;
  }

  /**
   * `Realisasi Anggaran` belongs to the box and is given once per box and quarter: a second,
   * different amount on another indicator's row cannot be read (F01) and is ignored.
   */
  private oncePerBox(anggaranOf: Map<string, RealisasiRow>, row: RealisasiRow): void {
    if (row.realisasiAnggaran === null) return;
    const k = `${row.tahun}|${row.box.id}|${row.periode}`;
    const first = anggaranOf.get(k);
    if (!first) { anggaranOf.set(k, row); return; }
    if (first.realisasiAnggaran === row.realisasiAnggaran) return;
    reportUnreadable(this.issues, row.loc, 'realisasiAnggaran', row.box.id, {
      id: `Realisasi Anggaran kotak ${row.box.id} TW${row.periode} ${row.tahun} sudah diisi ${rupiah(first.realisasiAnggaran ?? 0)} di baris ${first.loc.row}; nilai ini (${rupiah(row.realisasiAnggaran)}) diabaikan. Isi sekali per kotak dan triwulan.`,
      en: `Realisasi Anggaran of box ${row.box.id} TW${row.periode} ${row.tahun} is already ${rupiah(first.realisasiAnggaran ?? 0)} on row ${first.loc.row}; this amount (${rupiah(row.realisasiAnggaran)}) is ignored. Give it once per box and quarter.`,
    });
    row.realisasiAnggaran = null;
  }

  /**
   * The Realisasi cell: numbers as they are (percent-formatted cells scaled), Indonesian number
   * text parsed (F02); `-`/`n/a` = not reported (F02). For a qualitative indicator `Tercapai` /
   * `Ya` and `Tidak Tercapai` / `Tidak` are met / not met; any other text stays text (U01 judges it).
   */
  private nilai(m: MappedTable, h: Head): NilaiRealisasi | null {
    const v = cellAt(m, h.row, 'realisasi');
    if (v === null) return null;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number' && !m.snapshot.numberFormats) return v;
    const p = parseTarget(v, h.indikator.satuan, formatAt(m, h.r, 'realisasi'));
    const report = (to: string) => reportNormalised(this.issues, h.loc, 'realisasi', 'Realisasi', h.box.id, { from: String(v), to });
    const t = p.value;
    if (t === null || t.kind === 'none') { report(''); return null; }
    if (t.kind === 'number') {
      reportNormalised(this.issues, h.loc, 'realisasi', 'Realisasi', h.box.id, p.change);
      return t.value;
    }
    const text = typeof v === 'string' ? plainText(v) : String(v);
    if (this.kualitatif(h)) {
      const k = headerKey(text);
      if (k === 'tercapai' || k === 'ya') { report('tercapai'); return true; }
      if (k === 'tidaktercapai' || k === 'tidak' || k === 'belumtercapai') { report('tidak tercapai'); return false; }
    }
    return text;
  }

  private kualitatif(h: Head): boolean {
    const yi = this.config.years.indexOf(h.tahun);
    const t = yi >= 0 ? h.indikator.targets[yi] : null;
    if (t?.kind === 'text') return true;
    const s = headerKey(h.indikator.satuan);
    return this.config.satuanKualitatif.some((q) => headerKey(q) === s);
  }

  pembanding(m: MappedTable): PembandingRow[] {
    const out: PembandingRow[] = [];
    for (const h of this.heads(m)) {
      const tingkatText = plainText(cellAt(m, h.row, 'tingkat'));
      const t = matchListValue(tingkatText, TINGKAT_PEMBANDING);
      reportNormalised(this.issues, h.loc, 'tingkat', 'Tingkat', h.box.id, t.change);
      if (tingkatText !== '' && !t.value) {
        reportUnreadable(this.issues, h.loc, 'tingkat', h.box.id, {
          id: `Tingkat "${tingkatText}" tidak dikenal (pilihan: ${TINGKAT_PEMBANDING.join(', ')}).`,
          en: `Unknown Tingkat "${tingkatText}" (choices: ${TINGKAT_PEMBANDING.join(', ')}).`,
        });
      }
      out.push({
        tahun: h.tahun, nodeId: h.box.id, indikatorNama: h.indikator.nama, box: h.box, indikator: h.indikator,
        nilai: this.target(m, h, 'nilai', 'Nilai Pembanding'),
        tingkat: (t.value as TingkatPembanding | null) ?? null,
        sumber: plainText(cellAt(m, h.row, 'sumber')),
        loc: h.loc,
      });
    }
    return out;
  }
}

