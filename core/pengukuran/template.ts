/**
 * The pengukuran tables for a year, ready to write (`pokin template --tambah pengukuran`, and
 * the pane later): Rencana Aksi pre-filled with one row per PK indicator of the year (Satuan,
 * Akumulasi and the year's target shown beside it, ID Jabatan = the box's owner), Realisasi with
 * one empty row per PK indicator and quarter, Pembanding with one row per IKU.
 *
 * Rows already in the workbook are kept as they are (any year, extra columns too); only rows
 * that are missing are added, and the shown Satuan / Akumulasi / Target Tahun are refreshed.
 * Running it again is harmless.
 */
import { headerKey, type TableSpec } from '../layout/tables.js';
import { pengukuranTables } from '../layout/pengukuran.js';
import type { PohonKinerja, Target } from '../model.js';
import { mapTable, type MappedTable } from '../read/table.js';
import { cleanStatement, idText, parseNumberText } from '../read/normalise.js';
import { parsePeriode } from '../read/pengukuran.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import { isPkIndikator, urutanPohon } from './hitung.js';
import { TRIWULAN } from './model.js';

type Find = (spec: TableSpec) => TableSnapshot | undefined;

function shownTarget(t: Target | null): CellValue {
  if (t === null) return null;
  switch (t.kind) {
    case 'number': return t.value;
    case 'range': return `${t.low} - ${t.high}`;
    case 'text': return t.text;
    default: return '-';
  }
}

/** A table in the spec's column order, with the existing rows moved into it and unknown columns kept at the end. */
class Table {
  readonly header: string[];
  readonly rows: CellValue[][] = [];
  private readonly at: Record<string, number> = {};
  constructor(readonly spec: TableSpec, existing: TableSnapshot | undefined) {
    this.header = spec.columns.map((c) => c.header);
    spec.columns.forEach((c, i) => { this.at[c.key] = i; });
    if (!existing) return;
    const m: MappedTable = mapTable(existing, spec, []);
    const known = new Set(Object.values(m.index));
    const extra = existing.header.map((_, i) => i).filter((i) => !known.has(i) && String(existing.header[i] ?? '').trim() !== '');
    for (const i of extra) this.header.push(String(existing.header[i]));
    for (const raw of existing.rows) {
      const row: CellValue[] = new Array(this.header.length).fill(null);
      for (const [key, i] of Object.entries(m.index)) row[this.at[key]] = raw[i] ?? null;
      extra.forEach((i, k) => { row[spec.columns.length + k] = raw[i] ?? null; });
      if (row.some((v) => v !== null && v !== '')) this.rows.push(row);
    }
  }
  get(row: CellValue[], key: string): CellValue { return row[this.at[key]] ?? null; }
  set(row: CellValue[], key: string, v: CellValue): void { row[this.at[key]] = v; }
  add(values: Record<string, CellValue>): void {
    const row: CellValue[] = new Array(this.header.length).fill(null);
    for (const [k, v] of Object.entries(values)) this.set(row, k, v);
    this.rows.push(row);
  }
  snapshot(): TableSnapshot {
    return { sheet: this.spec.sheet, name: this.spec.table, address: 'A1', header: this.header, rows: this.rows };
  }
}

const yearOf = (v: CellValue) => (typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v.trim()) : null);

/** The three tables after adding what year `tahun` is missing. `find` looks up the existing tables. */
export function pengukuranTemplate(tree: PohonKinerja, tahun: number, find: Find = () => undefined): WorkbookSnapshot {
  const [raSpec, reSpec, pbSpec] = pengukuranTables();
  const ra = new Table(raSpec, find(raSpec));
  const re = new Table(reSpec, find(reSpec));
  const pb = new Table(pbSpec, find(pbSpec));
  const years = tree.config.years;
  const yi = years.indexOf(tahun);
  const keyOf = (t: Table, row: CellValue[]) => `${yearOf(t.get(row, 'tahun'))}|${idText(t.get(row, 'nodeId'))}|${headerKey(cleanStatement(t.get(row, 'nama')).value)}`;
  const indicatorOf = (row: CellValue[]) => {
    const box = tree.byId.get(idText(ra.get(row, 'nodeId')));
    const k = headerKey(cleanStatement(ra.get(row, 'nama')).value);
    return box?.indicators.find((i) => headerKey(i.nama) === k);
  };

  // Refresh what Rencana Aksi shows beside each indicator (any year of the period).
  for (const row of ra.rows) {
    const i = indicatorOf(row);
    const y = yearOf(ra.get(row, 'tahun'));
    if (!i || y === null || !years.includes(y)) continue;
    ra.set(row, 'satuan', i.satuan || null);
    ra.set(row, 'akumulasi', i.akumulasi || null);
    ra.set(row, 'targetTahun', shownTarget(i.targets[years.indexOf(y)] ?? null));
  }

  const planned = new Set(ra.rows.map((r) => keyOf(ra, r)));
  const reported = new Set(re.rows.map((r) => `${keyOf(re, r)}|${parsePeriode(re.get(r, 'periode'))}`));
  const compared = new Set(pb.rows.map((r) => keyOf(pb, r)));
  const pk = urutanPohon(tree).flatMap((b) => b.indicators.filter((i) => isPkIndikator(i, yi)));
  const base = (i: (typeof pk)[number]) => ({ tahun, nodeId: i.nodeId, nama: i.nama });
  for (const i of pk) {
    if (planned.has(`${tahun}|${i.nodeId}|${headerKey(i.nama)}`)) continue;
    ra.add({
      ...base(i), satuan: i.satuan || null, akumulasi: i.akumulasi || null, targetTahun: shownTarget(i.targets[yi] ?? null),
      idJabatan: i.box?.penanggungJawab || null, no: '1',
    });
  }
  for (const n of TRIWULAN) {
    for (const i of pk) {
      if (reported.has(`${tahun}|${i.nodeId}|${headerKey(i.nama)}|${n}`)) continue;
      re.add({ ...base(i), periode: `TW${n}` });
    }
  }
  for (const i of pk) {
    if (i.iku !== true || compared.has(`${tahun}|${i.nodeId}|${headerKey(i.nama)}`)) continue;
    pb.add(base(i));
  }
  return { tables: [ra.snapshot(), re.snapshot(), pb.snapshot()] };
}
