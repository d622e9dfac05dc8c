/**
 * `adoptWorkbook`: recognises the layout of the planner's sheets (a wide Renstra matrix or a
 * Matriks Cascading, a level table, or canonical tables with other headers), maps it into the
 * canonical tables and returns them with the adoption report (SAKIP.md §4.5, §10).
 */
import { columnLetter } from '../a1.js';
import { defaultConfig, levelsOfTree } from '../config.js';
import { headerKey, INFO_KEYS, JENIS_PEMDA } from '../layout/tables.js';
import { matchListValue } from '../read/normalise.js';
import type { CellValue, TableSnapshot } from '../snapshot.js';
import { validateSnapshot } from '../validate.js';
import { headerYears, findCanonical, readCanonical } from './canonical.js';
import { buildModel, describeColumns, type ColumnModel } from './columns.js';
import { emitCanonical, type InfoValues } from './emit.js';
import { Grid } from './grid.js';
import { findHeader, headerRows, text, type HeaderBlock } from './header.js';
import { adoptRows } from './matrix.js';
import type { AdoptedTree } from './tree.js';
import type { AdoptOptions, AdoptReport, AdoptResult, LayoutKind, NotRecognised, RawSheet, RowFate } from './types.js';
import { Sink } from './values.js';

export type { AdoptOptions, AdoptReport, AdoptResult, NotRecognised, RawSheet } from './types.js';
export type Adoption = { ok: true; result: AdoptResult } | { ok: false; notRecognised: NotRecognised };

function periodYears(opts: AdoptOptions, found: number[]): number[] {
  if (found.length) return found;
  const out: number[] = [];
  if (opts.tahunAwal !== undefined && opts.tahunAkhir !== undefined && opts.tahunAkhir >= opts.tahunAwal && opts.tahunAkhir - opts.tahunAwal <= 20) {
    for (let y = opts.tahunAwal; y <= opts.tahunAkhir; y++) out.push(y);
  }
  return out;
}

function infoFrom(opts: AdoptOptions, years: number[], base: InfoValues = {}): InfoValues {
  const pick = (k: keyof InfoValues, v: CellValue | undefined) => (v !== undefined && v !== null && v !== '' ? v : (base[k] ?? null));
  const jenis = opts.jenisPemda ? (matchListValue(opts.jenisPemda, JENIS_PEMDA).value ?? opts.jenisPemda) : undefined;
  return {
    Pemda: pick('Pemda', opts.pemda), 'Kode Pemda': pick('Kode Pemda', opts.kodePemda), 'Jenis Pemda': pick('Jenis Pemda', jenis),
    'Kode OPD': pick('Kode OPD', opts.kodeOpd), 'Nama OPD': pick('Nama OPD', opts.namaOpd), 'Jenis Periode': pick('Jenis Periode', 'Renstra'),
    'Tahun Awal': pick('Tahun Awal', years.length ? years[0] : undefined), 'Tahun Akhir': pick('Tahun Akhir', years.length ? years[years.length - 1] : undefined),
    'Versi Nomenklatur': pick('Versi Nomenklatur', opts.versiNomenklatur),
  };
}

function infoSnapshot(info: InfoValues): TableSnapshot {
  return { sheet: 'Info', name: 'Info', address: 'A1', header: ['Kunci', 'Nilai'], rows: INFO_KEYS.map((k) => [k.key, info[k.key as keyof InfoValues] ?? null]) };
}

/** Which layout a sheet's header describes, or the headers it lacks. */
function recognise(model: ColumnModel): { layout?: LayoutKind; missing: string[] } {
  const levelCols = model.groups.filter((g) => g.kind === 'level').length;
  if (levelCols >= 2) return { layout: 'level-table', missing: [] };
  const coded = model.groups.find((g) => g.kind === 'coded');
  const withIndicator = model.groups.some((g) => g.indicatorCol !== undefined);
  const missing: string[] = [];
  if (!coded?.codeCols.length) missing.push('Kode');
  if (coded?.nameCol === undefined) missing.push('Program/Kegiatan/Sub Kegiatan');
  if (!withIndicator) missing.push('Indikator');
  if (model.target.size === 0) missing.push('Target <tahun>');
  const ok = withIndicator && (!!coded?.codeCols.length || model.target.size > 0);
  return ok ? { layout: 'renstra-matrix', missing } : { missing: levelCols === 1 ? ['Level 2', ...missing] : missing };
}

export function adoptWorkbook(sheets: RawSheet[], opts: AdoptOptions = {}): Adoption {
  const chosen = opts.sheet ? sheets.filter((s) => headerKey(s.name) === headerKey(opts.sheet as string)) : sheets;
  const grids = chosen.map((s) => new Grid(s));
  const years0 = periodYears(opts, headerYears(grids));
  const found = findCanonical(grids, years0);
  if (found.some((f) => f.key === 'pohon')) return { ok: true, result: adoptCanonical(found, opts, years0) };

  const notRecognised: NotRecognised = { sheets: [] };
  for (const g of grids) {
    const header = findHeader(g, 3);
    if (!header) {
      notRecognised.sheets.push({ name: g.name, firstRow: firstRowOf(g), header: firstTexts(g, firstRowOf(g)), missing: ['Kode', 'Indikator', 'Target <tahun>'] });
      continue;
    }
    const model = buildModel(header, opts.tahunAwal);
    const r = recognise(model);
    if (!r.layout) {
      notRecognised.sheets.push({ name: g.name, firstRow: header.titleRows[0], header: [...header.labels.values()].map((p) => p.join(' / ')), missing: r.missing });
      continue;
    }
    return { ok: true, result: adoptMatrix(g, header, model, r.layout, opts) };
  }
  return { ok: false, notRecognised };
}

function adoptMatrix(g: Grid, header: HeaderBlock, model: ColumnModel, layout: LayoutKind, opts: AdoptOptions): AdoptResult {
  const sink = new Sink(g.name);
  reportHidden(g, header, model, sink);
  const years = periodYears(opts, model.years);
  const config = defaultConfig();
  config.kodeOpd = opts.kodeOpd ?? '';
  const levels = levelsOfTree(config);
  let levelStart = 0;
  if (opts.levelAwal) {
    const i = levels.findIndex((l) => headerKey(l.name) === headerKey(opts.levelAwal as string));
    if (i >= 0) levelStart = i;
  }
  const out = adoptRows({ grid: g, header, model, levels, levelStart, years, splitIndicatorLines: layout === 'level-table' }, sink);
  const info = infoFrom(opts, years);
  return finish(layout, g.name, headerRows(header), years, describeColumns(model), out.tree, out.fates, out.sourceRows, info, opts, sink);
}

function adoptCanonical(found: ReturnType<typeof findCanonical>, opts: AdoptOptions, years: number[]): AdoptResult {
  const pohon = found.find((f) => f.key === 'pohon')!;
  const sink = new Sink(pohon.grid.name);
  const hasInfo = found.some((f) => f.key === 'info');
  const info0 = infoFrom(opts, years);
  const read = readCanonical(found, hasInfo ? undefined : infoSnapshot(info0), sink);
  const c = read.read.config;
  const info = infoFrom(opts, read.tree.years, {
    Pemda: c.pemda, 'Kode Pemda': c.kodePemda, 'Jenis Pemda': c.jenisPemda, 'Kode OPD': c.kodeOpd, 'Nama OPD': c.namaOpd,
    'Jenis Periode': c.jenisPeriode, 'Tahun Awal': c.tahunAwal, 'Tahun Akhir': c.tahunAkhir, 'Versi Nomenklatur': c.versiNomenklatur,
  });
  const columns: Record<string, string> = {};
  for (const f of found) for (const [k, v] of Object.entries(f.columns)) columns[`${f.grid.name}!${k}`] = v;
  return finish('canonical', pohon.grid.name, headerRows(pohon.header), read.tree.years, columns, read.tree, read.fates, read.sourceRows, info, opts, sink, read.known, read.crosscutting);
}

function finish(
  layout: LayoutKind, sheet: string, hRows: number[], years: number[], columns: Record<string, string>, tree: AdoptedTree,
  fates: RowFate[], sourceRows: number, info: InfoValues, opts: AdoptOptions, sink: Sink,
  known = opts.jabatan ?? [], crosscutting: Record<string, CellValue>[] = [],
): AdoptResult {
  const emitted = emitCanonical(tree, info, known, crosscutting);
  const validation = validateSnapshot(emitted.snapshot);
  const report: AdoptReport = {
    layout, sheet, headerRows: hRows, years, columns, sourceRows,
    boxes: tree.boxes.length,
    indicators: tree.boxes.reduce((n, b) => n + b.indicators.length, 0),
    unplaced: sink.unplaced, normalised: sink.normalised, rows: fates,
    missingInfo: emitted.missingInfo, jabatanCreated: emitted.jabatanCreated,
    issues: sink.issues,
    validation: { summary: validation.summary, issues: validation.issues },
  };
  return { snapshot: emitted.snapshot, report };
}

/** A hidden column that holds data is still read (nothing is lost), and said so. */
function reportHidden(g: Grid, header: HeaderBlock, model: ColumnModel, sink: Sink): void {
  for (const c of g.hidden) {
    const role = model.roles.get(c);
    if (!role) continue;
    let filled = false;
    for (let r = header.dataStart; r <= g.lastRow && !filled; r++) filled = g.fresh(r, c);
    if (!filled) continue;
    const label = (header.labels.get(c) ?? []).join(' / ');
    const used = role.kind !== 'ignored' && role.kind !== 'no';
    sink.note('F02', 'W', g.cell(header.titleRows[0], c), used
      ? { id: `Kolom ${columnLetter(c)} (${label}) tersembunyi; isinya tetap dibaca.`, en: `Column ${columnLetter(c)} (${label}) is hidden; its values are read all the same.` }
      : { id: `Kolom ${columnLetter(c)} (${label}) tersembunyi dan tidak diimpor.`, en: `Column ${columnLetter(c)} (${label}) is hidden and not imported.` });
  }
}

function firstRowOf(g: Grid): number {
  for (let r = g.firstRow; r <= g.lastRow; r++) if (!g.rowBlank(r)) return r;
  return 0;
}

function firstTexts(g: Grid, row: number): string[] {
  if (!row) return [];
  const out: string[] = [];
  for (let c = g.firstCol; c <= Math.min(g.lastCol, g.firstCol + 11); c++) out.push(text(g.shown(row, c)));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}
