/**
 * Canonical tables that planners renamed, reordered or extended (SAKIP.md §4.1): each sheet's
 * header is matched against the table specs with the extra synonyms, the columns get their
 * canonical names in place, and `readWorkbook` reads them at their source cells, so every F01
 * and F02 points at the planner's own sheet. The tree it reads is emitted as clean tables.
 */
import { a1, columnLetter } from '../a1.js';
import type { PohonKinerja, Target } from '../model.js';
import { canonicalTables, headerKey, INFO_KEYS, type TableSpec } from '../layout/tables.js';
import { readWorkbook } from '../read/index.js';
import { mapTable } from '../read/table.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import type { Grid } from './grid.js';
import { findHeader, headerRows, type HeaderBlock } from './header.js';
import { KEY_COLUMNS, withSynonyms } from './synonyms.js';
import type { AdoptedBox, AdoptedIndicator, AdoptedTree } from './tree.js';
import type { InfoValues } from './emit.js';
import type { ColumnValues, KnownJabatan, NotCarried, RowFate, ValueTally } from './types.js';
import type { Sink } from './values.js';

export interface FoundTable {
  key: string;
  grid: Grid;
  header: HeaderBlock;
  snapshot: TableSnapshot;
  /** Column letter → canonical header or `diabaikan: …`. */
  columns: Record<string, string>;
}

const YEAR = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/;

/** Years named in the headers of the sheets (`Target 2026`, `Anggaran Tahun 2027`). */
export function headerYears(grids: Grid[]): number[] {
  const out = new Set<number>();
  for (const g of grids) {
    const h = findHeader(g, 2);
    if (!h) continue;
    for (const parts of h.labels.values()) {
      const m = YEAR.exec(parts.join(' '));
      if (m) out.add(Number(m[1]));
    }
  }
  return [...out].sort((a, b) => a - b);
}

function tryTable(g: Grid, spec: TableSpec, h: HeaderBlock | undefined): FoundTable | undefined {
  if (!h) return undefined;
  const width = g.lastCol - g.firstCol + 1;
  const original = Array.from({ length: width }, (_, i) => (h.labels.get(g.firstCol + i) ?? []).join(' '));
  // The header sits right above the first data row, so data rows keep their sheet rows.
  const address = a1(g.firstCol, h.dataStart - 1);
  const probe: TableSnapshot = { sheet: g.name, address, header: original, rows: [] };
  const m = mapTable(probe, withSynonyms(spec), []);
  const keys = KEY_COLUMNS[spec.key];
  const found = keys.filter((k) => k in m.index).length;
  // A sheet named like the canonical one (`Pohon Kinerja`) with one key column renamed is still
  // that table: taking it as a foreign matrix would carry nothing. The missing column is F03.
  const named = headerKey(g.name) === headerKey(spec.sheet) && keys.length > 2 && found === keys.length - 1
    && Object.keys(m.index).length >= Math.ceil(spec.columns.filter((c) => c.required).length / 2);
  if (found < keys.length && !named) return undefined;
  let last = g.lastRow;
  while (last >= h.dataStart && g.rowBlank(last)) last--;
  const rows: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = h.dataStart; r <= last; r++) {
    rows.push(Array.from({ length: width }, (_, i) => g.raw(r, g.firstCol + i)));
    formats.push(Array.from({ length: width }, (_, i) => g.numFmt(r, g.firstCol + i)));
  }
  const header = original.map((t) => (t === '' ? '' : `Kolom lain: ${t}`));
  const columns: Record<string, string> = {};
  for (const [key, i] of Object.entries(m.index)) {
    const col = spec.columns.find((c) => c.key === key);
    if (col) { header[i] = col.header; columns[m.loc.cols[key]] = col.header; }
  }
  original.forEach((t, i) => {
    const letter = a1(g.firstCol + i, 1).replace(/\d+$/, '');
    if (t !== '' && !columns[letter]) columns[letter] = `diabaikan: ${t}`;
  });
  const merges = g.merges.filter((mg) => mg.bottom >= h.dataStart && mg.top <= last).map((mg) => mg.range);
  const snapshot: TableSnapshot = { sheet: g.name, name: spec.table, address, header, rows, numberFormats: formats };
  if (merges.length) snapshot.merges = merges;
  return { key: spec.key, grid: g, header: h, snapshot, columns };
}

/** Finds the canonical tables among the sheets; a sheet named like the table is tried first. */
export function findCanonical(grids: Grid[], years: number[]): FoundTable[] {
  const found: FoundTable[] = [];
  const used = new Set<Grid>();
  const headers = new Map<Grid, HeaderBlock | undefined>(grids.map((g) => [g, findHeader(g, 2)]));
  for (const spec of canonicalTables(years)) {
    if (spec.key === 'konfigurasiLevel' || spec.key === 'nomenklatur') continue;
    const ordered = [...grids].sort((a, b) => Number(headerKey(b.name) === headerKey(spec.sheet)) - Number(headerKey(a.name) === headerKey(spec.sheet)));
    for (const g of ordered) {
      if (used.has(g)) continue;
      const t = tryTable(g, spec, headers.get(g));
      if (t) { found.push(t); used.add(g); break; }
    }
  }
  return found;
}

/** The workbook's Info table on a sheet named `Info`, even when the import looks at one sheet only. */
export function findInfo(grids: Grid[]): FoundTable | undefined {
  const spec = canonicalTables([]).find((t) => t.key === 'info') as TableSpec;
  for (const g of grids) if (headerKey(g.name) === headerKey(spec.sheet)) return tryTable(g, spec, findHeader(g, 2));
  return undefined;
}

function targetCell(t: Target | null): CellValue {
  if (!t) return null;
  switch (t.kind) {
    case 'number': return t.value;
    case 'range': return `${t.low} - ${t.high}`;
    case 'none': return '-';
    default: return t.text;
  }
}

export interface CanonicalRead {
  /** `sheet!row` of every source row read into a box, indicator or other record. */
  placed: Set<string>;
  tree: AdoptedTree;
  read: PohonKinerja;
  known: KnownJabatan[];
  crosscutting: Record<string, CellValue>[];
  fates: RowFate[];
  sourceRows: number;
}

/** Reads the found tables with `readWorkbook`, at their source cells. */
export function readCanonical(found: FoundTable[], info: TableSnapshot | undefined, sink: Sink): CanonicalRead {
  const tables = found.map((f) => f.snapshot);
  if (info && !found.some((f) => f.key === 'info')) tables.unshift(info);
  const snapshot: WorkbookSnapshot = { tables };
  const { tree, issues } = readWorkbook(snapshot);
  sink.issues.push(...issues);
  for (const i of issues) if (i.rule === 'F02' && i.from !== undefined && i.to !== undefined) sink.normalised.push({ cell: `${i.sheet}!${i.cell}`, from: i.from, to: i.to });

  const boxes = new Map<string, AdoptedBox>();
  const adopted: AdoptedBox[] = tree.boxes.map((b) => {
    const a: AdoptedBox = {
      id: b.id, levelName: b.level?.name ?? b.levelName, pernyataan: b.pernyataan, kode: b.kode, nomenklatur: b.nomenklatur,
      pj: b.penanggungJawab, refPemda: b.refPemda, catatan: b.catatan, induk: b.induk,
      pagu: b.pagu.map((v, k) => (v === null ? b.paguRaw[k] : v)), indicators: [], row: b.loc.row,
    };
    if (b.level) a.level = b.level;
    boxes.set(b.id, a);
    return a;
  });
  for (const i of tree.indikator) {
    const box = boxes.get(i.nodeId);
    if (!box) continue;
    const ind: AdoptedIndicator = {
      nama: i.nama, satuan: i.satuan, kondisiAwal: targetCell(i.kondisiAwal), targets: i.targets.map(targetCell),
      kondisiAkhir: targetCell(i.kondisiAkhir), row: i.loc.row, filled: true,
      extra: { polaritas: i.polaritas || null, akumulasi: i.akumulasi || null, iku: i.ikuRaw || null, definisi: i.definisi || null, formula: i.formula || null, sumberData: i.sumberData || null },
    };
    box.indicators.push(ind);
  }

  const fates: RowFate[] = [];
  const placed = new Set<string>();
  let sourceRows = 0;
  const placedBox = new Map(tree.boxes.map((b) => [`${b.loc.table.sheet}!${b.loc.row}`, b.id]));
  const placedInd = new Map(tree.indikator.map((i) => [`${i.loc.table.sheet}!${i.loc.row}`, i]));
  for (const f of found) {
    if (f.key !== 'pohon' && f.key !== 'indikator') {
      f.snapshot.rows.forEach((_, r) => {
        const sheetRow = f.header.dataStart + r;
        const bad = issues.some((i) => i.rule === 'F01' && i.severity === 'E' && i.sheet === f.grid.name && new RegExp(`^[A-Z]+${sheetRow}$`).test(i.cell));
        if (!bad) placed.add(`${f.grid.name}!${sheetRow}`);
      });
      continue;
    }
    f.snapshot.rows.forEach((row, r) => {
      if (row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) return;
      sourceRows++;
      const sheetRow = f.header.dataStart + r;
      const key = `${f.grid.name}!${sheetRow}`;
      const box = f.key === 'pohon' ? placedBox.get(key) : undefined;
      const ind = f.key === 'indikator' ? placedInd.get(key) : undefined;
      if (box) { placed.add(key); fates.push({ row: sheetRow, kind: 'box', id: box }); return; }
      if (ind) { placed.add(key); fates.push({ row: sheetRow, kind: 'indicator', id: ind.nodeId, indicator: ind.nama }); return; }
      const why = issues.find((i) => i.rule === 'F01' && i.sheet === f.grid.name && new RegExp(`^[A-Z]+${sheetRow}$`).test(i.cell));
      // Sheet-qualified: the canonical tables sit on several sheets.
      const cell = `${f.grid.name}!${why?.cell ?? a1(f.grid.firstCol, sheetRow)}`;
      const reason = why?.message ?? 'baris tidak terbaca.';
      sink.unplaced.push({ row: sheetRow, cell, reason, reasonEn: why?.messageEn ?? 'the row could not be read.' });
      fates.push({ row: sheetRow, kind: 'unplaced', cell, reason });
    });
  }
  const known: KnownJabatan[] = tree.jabatan.map((j) => ({
    id: j.id, nama: j.nama, jenjang: j.jenjang ?? j.jenjangRaw, atasan: j.atasan, nip: j.nip, namaPejabat: j.namaPejabat, unitKerja: j.unitKerja,
  }));
  const crosscutting = tree.crosscutting.map((c) => ({
    nodeId: c.nodeId, opdTujuan: c.opdTujuan, nodeTujuan: c.nodeTujuan || null, namaMitra: c.namaMitra || null, kontribusi: c.kontribusi || null,
    keterangan: c.keterangan || null, status: c.status || null, alasanTolak: c.alasanTolak || null,
  }));
  return { placed, tree: { boxes: adopted, years: tree.config.years }, read: tree, known, crosscutting, fates, sourceRows };
}

/** The workbook's own Info table (`Kunci | Nilai`), if it has one: Tahun Awal answers relative year labels. */
export function readInfoTable(f: FoundTable | undefined): { tahunAwal?: number; values: InfoValues } {
  const values: InfoValues = {};
  if (!f) return { values };
  const ki = f.snapshot.header.findIndex((h) => h === 'Kunci');
  const vi = f.snapshot.header.findIndex((h) => h === 'Nilai');
  if (ki < 0 || vi < 0) return { values };
  for (const row of f.snapshot.rows) {
    const k = INFO_KEYS.find((x) => headerKey(x.key) === headerKey(row[ki]));
    const v = row[vi];
    if (k && v !== null && v !== '') values[k.key as keyof InfoValues] = typeof v === 'string' ? v.trim() : v;
  }
  const t = Number(values['Tahun Awal']);
  return Number.isInteger(t) && t >= 1900 && t <= 2100 ? { tahunAwal: t, values } : { values };
}

/** Present vs carried values of renamed canonical tables: mapped columns of rows that were read. */
export function canonicalTally(found: FoundTable[], read: CanonicalRead, sink: Sink): { values: ValueTally & { columns: ColumnValues[] }; notCarried: NotCarried[] } {
  const columns: ColumnValues[] = [];
  const notCarried: NotCarried[] = [];
  for (const f of found) {
    const width = f.snapshot.header.length;
    for (let i = 0; i < width; i++) {
      const h = String(f.snapshot.header[i] ?? '');
      const mapped = h !== '' && !h.startsWith('Kolom lain:');
      const letter = columnLetter(f.grid.firstCol + i);
      const t: ColumnValues = { column: `${f.grid.name}!${letter}`, header: (f.header.labels.get(f.grid.firstCol + i) ?? []).join(' / '), role: mapped ? h : 'diabaikan', present: 0, carried: 0 };
      f.snapshot.rows.forEach((row, r) => {
        const v = row[i];
        if (v === null || (typeof v === 'string' && v.trim() === '')) return;
        const sheetRow = f.header.dataStart + r;
        t.present++;
        if (mapped && read.placed.has(`${f.grid.name}!${sheetRow}`)) { t.carried++; return; }
        notCarried.push(mapped
          ? { cell: `${f.grid.name}!${letter}${sheetRow}`, reason: 'barisnya tidak tertempatkan (lihat F01 baris itu)', reasonEn: 'its row was not placed (see the F01 of that row)' }
          : { cell: `${f.grid.name}!${letter}${sheetRow}`, reason: `kolom ${letter} tidak dikenal (${t.header})`, reasonEn: `column ${letter} is not known (${t.header})` });
      });
      if (!t.present) continue;
      columns.push(t);
      if (!mapped) {
        sink.note('F03', 'E', a1(f.grid.firstCol + i, f.header.titleRows[0]), {
          id: `Kolom ${letter} lembar ${f.grid.name} ("${t.header}") berisi ${t.present} nilai yang tidak diimpor (judulnya tidak dikenal).`,
          en: `Column ${letter} of sheet ${f.grid.name} ("${t.header}") holds ${t.present} values that were not imported (unknown title).`,
        });
      }
    }
  }
  const present = columns.reduce((n, t) => n + t.present, 0);
  const carried = columns.reduce((n, t) => n + t.carried, 0);
  return { values: { present, carried, columns }, notCarried };
}

export { headerRows };
