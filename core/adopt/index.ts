/**
 * `adoptWorkbook`: recognises the layout of the planner's sheets (a wide Renstra matrix or a
 * Matriks Cascading, the pemda's RPJMD program matrix, a level table, or canonical tables with
 * other headers), maps it into the canonical tables and returns them with the adoption report
 * (SAKIP.md §4.5, §10). When it needs an answer only the planner has (the first year of a
 * header that counts years relatively), it asks instead of guessing (`Adoption.questions`).
 */
import { defaultConfig, levelsOfTree, type JenisPemda } from '../config.js';
import { headerKey, INFO_KEYS, JENIS_PEMDA } from '../layout/tables.js';
import { matchListValue } from '../read/normalise.js';
import type { CellValue, TableSnapshot } from '../snapshot.js';
import { validateSnapshot } from '../validate.js';
import { canonicalTally, findCanonical, findInfo, headerYears, readCanonical, readInfoTable } from './canonical.js';
import { buildModel, type ColumnModel } from './columns.js';
import { describeColumns } from './describe.js';
import { emitCanonical, type InfoValues } from './emit.js';
import { readForeign } from './foreign.js';
import { Grid } from './grid.js';
import { findHeader, headerRows, text, type HeaderBlock } from './header.js';
import { konfigurasiTable, slugOf, splitByOpd } from './pemda.js';
import { applyRenja, realisasiTable, renjaColumns, renjaHooks, type RenjaState } from './renja/index.js';
import type { AdoptedTree } from './tree.js';
import type {
  AdoptOptions, AdoptQuestion, AdoptReport, AdoptResult, Adoption, LayoutKind, NotRecognised, OpdWorkbook, YearLabel,
} from './types.js';
import { Sink } from './values.js';
import { parseYearLabel, periodInTitle } from './yearlabels.js';

export type {
  AdoptOptions, AdoptQuestion, AdoptReport, AdoptResult, Adoption, ColumnValues, NotCarried, NotRecognised, OpdWorkbook, RawSheet,
  RowFate, SharedProgram, TotalsCheck, ValueTally, YearLabel,
} from './types.js';
export { findHeader, headerAt, headerRows, isColumnNumberRow, type HeaderBlock } from './header.js';
export { Grid } from './grid.js';
export { buildModel, classify, type ColumnModel, type Role } from './columns.js';

function periodYears(opts: AdoptOptions, found: number[]): number[] {
  if (found.length) return found;
  const out: number[] = [];
  if (opts.tahunAwal !== undefined && opts.tahunAkhir !== undefined && opts.tahunAkhir >= opts.tahunAwal && opts.tahunAkhir - opts.tahunAwal <= 20) {
    for (let y = opts.tahunAwal; y <= opts.tahunAkhir; y++) out.push(y);
  }
  return out;
}

/**
 * A Renja evaluation form evaluates one year of a Renstra; the workbook it becomes belongs to
 * the Renstra's period (its pushes go to that period, where the Bagian Organisasi consolidates).
 * `--tahun-awal/--tahun-akhir` say it; else the form's end-of-period column (`Target Renstra …
 * Tahun 2029 (Akhir Periode Renstra)`) gives the last year, five years back the first (the
 * report says it is a guess). Null for other layouts, or when the form does not name it.
 */
function renjaPeriod(model: ColumnModel, opts: AdoptOptions): number[] | null {
  const r = model.renja;
  if (!r) return null;
  const awal = opts.tahunAwal ?? (r.tahunAkhir !== undefined ? r.tahunAkhir - 4 : undefined);
  const akhir = opts.tahunAkhir ?? r.tahunAkhir ?? (opts.tahunAwal !== undefined ? opts.tahunAwal + 4 : undefined);
  if (awal === undefined || akhir === undefined || akhir < awal || akhir - awal > 20 || r.tahun < awal || r.tahun > akhir) return null;
  return Array.from({ length: akhir - awal + 1 }, (_, i) => awal + i);
}

function infoFrom(opts: AdoptOptions, years: number[], base: InfoValues = {}): InfoValues {
  const pick = (k: keyof InfoValues, v: CellValue | undefined) => (v !== undefined && v !== null && v !== '' ? v : (base[k] ?? null));
  const jenis = opts.jenisPemda ? (matchListValue(opts.jenisPemda, JENIS_PEMDA).value ?? opts.jenisPemda) : undefined;
  return {
    Pemda: pick('Pemda', opts.pemda), 'Kode Pemda': pick('Kode Pemda', opts.kodePemda), 'Jenis Pemda': pick('Jenis Pemda', jenis),
    'Kode OPD': pick('Kode OPD', opts.kodeOpd), 'Nama OPD': pick('Nama OPD', opts.namaOpd), 'Jenis Periode': pick('Jenis Periode', base['Jenis Periode'] ?? 'Renstra'),
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
  const withIndicator = model.sharedIndicator !== undefined || model.groups.some((g) => g.indicatorCol !== undefined);
  const years = model.target.size > 0 || model.relative.size > 0;
  const missing: string[] = [];
  if (!coded?.codeCols.length) missing.push('Kode');
  if (coded?.nameCol === undefined) missing.push('Program/Kegiatan/Sub Kegiatan');
  if (!withIndicator) missing.push('Indikator');
  if (!years) missing.push('Target <tahun>');
  const ok = withIndicator && (!!coded?.codeCols.length || years);
  return ok ? { layout: 'renstra-matrix', missing } : { missing: levelCols === 1 ? ['Level 2', ...missing] : missing };
}

export function adoptWorkbook(sheets: import('./types.js').RawSheet[], opts: AdoptOptions = {}): Adoption {
  const chosen = opts.sheet ? sheets.filter((s) => headerKey(s.name) === headerKey(opts.sheet as string)) : sheets;
  const grids = chosen.map((s) => new Grid(s));
  const years0 = periodYears(opts, headerYears(grids));
  const found = findCanonical(grids, years0);
  const infoTable = found.find((f) => f.key === 'info') ?? (opts.sheet ? findInfo(sheets.filter((s) => !chosen.includes(s)).map((s) => new Grid(s))) : undefined);
  const info = readInfoTable(infoTable);
  const tahunAwal = opts.tahunAwal ?? info.tahunAwal;
  if (found.some((f) => f.key === 'pohon')) return { ok: true, result: adoptCanonical(found, opts, years0) };

  const notRecognised: NotRecognised = { sheets: [] };
  const questions: AdoptQuestion[] = [];
  const infoGrid = found.find((f) => f.key === 'info')?.grid;
  for (const g of grids) {
    if (g === infoGrid) continue;
    const header = findHeader(g, 3);
    if (!header) {
      notRecognised.sheets.push({ name: g.name, firstRow: firstRowOf(g), header: firstTexts(g, firstRowOf(g)), missing: ['Kode', 'Indikator', 'Target <tahun>'] });
      continue;
    }
    const model = buildModel(header, tahunAwal);
    // The Renja evaluation form: its year evaluated decides which columns are Target/Pagu.
    const renja = renjaColumns(header, opts.tahun);
    if (renja?.cols) applyRenja(model, renja.cols);
    const r = recognise(model);
    if (r.layout && renja?.missing) {
      notRecognised.sheets.push({ name: g.name, firstRow: header.titleRows[0], header: [...header.labels.values()].map((p) => p.join(' / ')), missing: [renja.missing] });
      continue;
    }
    if (r.layout && renja?.cols) return { ok: true, result: adoptMatrix(g, header, model, 'renja-evaluasi', opts, info.values) };
    if (!r.layout) {
      notRecognised.sheets.push({ name: g.name, firstRow: header.titleRows[0], header: [...header.labels.values()].map((p) => p.join(' / ')), missing: r.missing });
      continue;
    }
    if (model.relative.size) { questions.push(askTahunAwal(g, header, model)); continue; }
    return { ok: true, result: adoptMatrix(g, header, model, r.layout, { ...opts, ...(tahunAwal !== undefined ? { tahunAwal } : {}) }, info.values) };
  }
  if (questions.length) {
    return { ok: false, questions, notRecognised: { sheets: questions.map((q) => ({ name: q.sheet, firstRow: 0, header: q.labels.map((l) => l.label), missing: ['Tahun Awal'] })) } };
  }
  return { ok: false, notRecognised, questions: [] };
}

function askTahunAwal(g: Grid, h: HeaderBlock, model: ColumnModel): AdoptQuestion {
  const labels = [...model.relative.entries()].sort((a, b) => a[0] - b[0]).map(([c, label]) => ({ cell: h.labelCells.get(c) ?? g.cell(h.titleRows[0], c), label }));
  // The part of each label that names the year relatively (`Tahun-1`), once each.
  const relParts = labels.map((l) => l.label.split(' / ').reverse().find((p) => parseYearLabel(p)?.kind === 'relative') ?? l.label);
  const distinct = [...new Set(relParts)];
  const period = periodInTitle(h.titleBlock);
  const yearCols = new Set(relParts.map((p) => { const y = parseYearLabel(p); return y?.kind === 'relative' ? y.k : p; })).size;
  const suggestion = period ? (period.to - period.from === yearCols ? period.from + 1 : period.from) : undefined;
  const shown = distinct.slice(0, 6).map((l) => `"${l}"`).join(', ');
  return {
    option: 'tahunAwal', sheet: g.name, labels, ...(suggestion ? { suggestion } : {}),
    message: {
      id: `Lembar "${g.name}" menamai kolom tahunnya secara relatif (${shown}). Tahun berapakah tahun pertama periode ini? Impor lagi dengan --tahun-awal TTTT${period ? ` (judulnya menyebut ${period.from}–${period.to}; mungkin ${suggestion})` : ''}. Kolom-kolom ini tidak dibuang diam-diam: tanpa jawaban, impor berhenti.`,
      en: `Sheet "${g.name}" names its year columns relatively (${shown}). Which year is the period's first? Import again with --tahun-awal YYYY${period ? ` (its title says ${period.from}–${period.to}; perhaps ${suggestion})` : ''}. These columns are never dropped silently: without an answer, the import stops.`,
    },
  };
}

function adoptMatrix(g: Grid, header: HeaderBlock, model: ColumnModel, layout: LayoutKind, opts: AdoptOptions, infoBase: InfoValues): AdoptResult {
  const years = renjaPeriod(model, opts) ?? periodYears(opts, model.years);
  const jenisText = opts.jenisPemda ?? (typeof infoBase['Jenis Pemda'] === 'string' ? infoBase['Jenis Pemda'] : '');
  const jenis = (matchListValue(jenisText, JENIS_PEMDA).value ?? null) as JenisPemda | null;
  const renjaState: RenjaState = { checks: [], footer: [] };
  const read = readForeign(g, header, model, layout, years, opts, jenis, model.renja ? renjaHooks(model.renja, renjaState) : {});
  const renja = model.renja ? realisasiTable(read.tree, model.renja, renjaState) : undefined;
  const yearLabels: YearLabel[] = [];
  for (const [y, c] of [...model.target.entries(), ...model.pagu.entries()].sort((a, b) => a[1] - b[1])) {
    const parts = header.labels.get(c) ?? [];
    yearLabels.push({ cell: header.labelCells.get(c) ?? '', label: parts.join(' / '), year: y, relative: !parts.some((p) => p.includes(String(y))) });
  }
  const base: InfoValues = read.pemda ? { ...infoBase, 'Kode OPD': 'PEMDA', 'Jenis Periode': 'RPJMD', 'Nama OPD': opts.namaOpd ?? infoBase['Nama OPD'] ?? opts.pemda ?? infoBase.Pemda ?? null } : infoBase;
  const info = infoFrom(opts, years, base);
  if (read.pemda) info['Kode OPD'] = 'PEMDA';
  const levels = read.pemda ? konfigurasiTable(read.levels) : undefined;
  let main: AdoptedTree = read.tree;
  let opd: OpdWorkbook[] | undefined;
  if (read.pemda && opts.splitOpd) {
    const config = defaultConfig();
    const split = splitByOpd(read.tree, levelsOfTree(config));
    main = split.pemda;
    const taken = new Set<string>();
    opd = split.parts.map((p) => {
      const pInfo = infoFrom({ ...opts, kodeOpd: p.kodeOpd || '', namaOpd: p.opd }, years, { ...infoBase, 'Jenis Periode': 'Renstra' });
      pInfo['Kode OPD'] = p.kodeOpd || null;
      pInfo['Nama OPD'] = p.opd;
      const e = emitCanonical(p.tree, pInfo, opts.jabatan ?? []);
      const v = validateSnapshot(e.snapshot, opts.nomenklatur ? { nomenklatur: opts.nomenklatur } : {});
      return { opd: p.opd, slug: slugOf(p.opd, taken), snapshot: e.snapshot, boxes: p.tree.boxes.length, indicators: p.tree.boxes.reduce((n, b) => n + b.indicators.length, 0), validation: { summary: v.summary, issues: v.issues } };
    });
  }
  const result = finish({
    layout: read.layout, sheet: g.name, headerRows: headerRows(header), years, yearLabels, columns: describeColumns(model),
    values: read.values, notCarried: read.notCarried, totals: read.totals, sourceRows: read.sourceRows,
  }, main, read.tree, read.fates, info, opts, read.sink, undefined, undefined, levels, renja ? [renja.table] : []);
  if (opd) result.opd = opd;
  if (renja) {
    result.report.renja = renja.report;
    const given = opts.tahunAwal !== undefined || opts.tahunAkhir !== undefined;
    if (given && years.length > 1) result.report.renja.periode = { awal: years[0], akhir: years[years.length - 1], dari: '--tahun-awal/--tahun-akhir' };
  }
  return result;
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
  const tally = canonicalTally(found, read, sink);
  return finish({
    layout: 'canonical', sheet: pohon.grid.name, headerRows: headerRows(pohon.header), years: read.tree.years, yearLabels: [], columns,
    values: tally.values, notCarried: tally.notCarried, totals: [], sourceRows: read.sourceRows,
  }, read.tree, read.tree, read.fates, info, opts, sink, read.known, read.crosscutting);
}

type ReportHead = Pick<AdoptReport, 'layout' | 'sheet' | 'headerRows' | 'years' | 'yearLabels' | 'columns' | 'values' | 'notCarried' | 'totals' | 'sourceRows'>;

function finish(
  head: ReportHead, tree: AdoptedTree, whole: AdoptedTree, fates: AdoptReport['rows'], info: InfoValues, opts: AdoptOptions, sink: Sink,
  known = opts.jabatan ?? [], crosscutting: Record<string, CellValue>[] = [], levels?: TableSnapshot, extraTables: TableSnapshot[] = [],
): AdoptResult {
  const emitted = emitCanonical(tree, info, known, crosscutting, levels);
  // Tables beyond the tree (the Renja form's Realisasi), validated with it.
  emitted.snapshot.tables.push(...extraTables);
  // With the code list `pokin validate` loads for the written Info's version (the same list:
  // core/adoption withCodeList), so the import's summary is the one validate prints after.
  const validation = validateSnapshot(emitted.snapshot, opts.nomenklatur ? { nomenklatur: opts.nomenklatur } : {});
  const shared = whole.boxes.filter((b) => b.pjAll && b.pjAll.length > 1)
    .map((b) => ({ row: b.row, kode: b.kode, nomenklatur: b.nomenklatur, opd: b.pjAll as string[], paguAt: (b.pjAll as string[])[0] }));
  const report: AdoptReport = {
    ...head,
    boxes: whole.boxes.length,
    indicators: whole.boxes.reduce((n, b) => n + b.indicators.length, 0),
    unplaced: sink.unplaced, skipped: sink.skipped.sort((a, b) => a.row - b.row), normalised: sink.normalised, rows: fates.sort((a, b) => a.row - b.row),
    missingInfo: emitted.missingInfo, jabatanCreated: emitted.jabatanCreated, sharedPrograms: shared,
    issues: sink.issues,
    validation: { summary: validation.summary, issues: validation.issues },
  };
  return { snapshot: emitted.snapshot, report };
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
