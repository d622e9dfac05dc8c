/**
 * Formula-based conditional formats for the rules a formula can express (ARCHITECTURE.md §2):
 * Excel re-evaluates them while the planner types, so the instant marks cost no add-in
 * writes. Pure data; the ExcelJS template and the Office.js adapter render it.
 *
 * Formula conventions, and why:
 * - en-US notation (`,` separators): Excel stores CF formulas that way whatever the UI
 *   locale (Indonesian Excel shows `;`), and LibreOffice reads the file format the same.
 * - Relative to the first data row with the column fixed (`$B2`), so one rule covers the
 *   whole column range and stays right if an adapter applies it to a wider range.
 * - No structured references (`Tabel[Kolom]`): Excel rejects them in CF formulas.
 * - Other sheets only through INDIRECT("'Sheet'!$A$2:$A$2000"): Excel 2007 refuses direct
 *   cross-sheet references in CF, and INDIRECT works in Excel and LibreOffice alike.
 *   (Cost: a renamed sheet silently disables those marks; `core/` still validates.)
 * - Lookups go through COUNTIF with `"="&` and `~`-escaped wildcards, so an ID such as `P*1`
 *   or `>5` is compared literally. Excel compares text case-insensitively; `core/` is the judge.
 */
import { columnIndex, columnLetter as letter } from '../a1.js';
import { levelsOfTree, ROOT_MARK, type NomenklaturType, type PokinConfig } from '../config.js';
import type { Bilingual, RuleId } from '../issues.js';
import type { TableKey } from '../model.js';
import { resolveList, structuredRef, type ListSheetPlan } from './lists.js';
// A module cycle by design: the pengukuran formats use this file's helpers, and are part of
// `conditionalFormats` so every adapter gets them; neither module runs the other at load time.
import { pengukuranFormulaRules } from './pengukuran-formats.js';
import type { ListSource, TableSpec } from './tables.js';

/** Where a table sits on its sheet. */
export interface TablePlacement {
  sheet: string;
  /**
   * The Excel table's name and the header text of each placed column: lookups from other sheets
   * then go through INDIRECT("Table[Column]"), which follows the table as it grows.
   */
  table?: string;
  headers?: Record<string, string>;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Field key (`id`, `pagu:2026` …) → column letters, for the columns present. */
  cols: Record<string, string>;
  /** Last sheet row the formats (and lookups into this table) cover. */
  lastRow: number;
}

export type Placements = Partial<Record<TableKey, TablePlacement>>;

export interface ConditionalFormat {
  sheet: string;
  /** A1 range the format applies to, e.g. `A2:A2000`. */
  range: string;
  /** en-US formula without the leading `=`, relative to the range's top-left cell. */
  formula: string;
  severity: 'E' | 'W';
  rule: RuleId;
  description: Bilingual;
}

/** Placement of a table written from its spec (template): columns from `firstCol`, in spec order. */
export function placementFromSpec(spec: TableSpec, headerRow = 1, lastRow = 2000, firstCol = 'A'): TablePlacement {
  const start = columnIndex(firstCol);
  const cols: Record<string, string> = {};
  spec.columns.forEach((c, i) => { cols[c.key] = letter(start + i); });
  return { sheet: spec.sheet, headerRow, cols, lastRow };
}

/** Formula building blocks for one placed table. */
export class PlacedTable {
  readonly first: number;
  readonly inputKeys: string[];
  constructor(readonly spec: TableSpec, readonly p: TablePlacement) {
    this.first = p.headerRow + 1;
    this.inputKeys = spec.columns.filter((c) => !c.output).map((c) => c.key);
  }
  has(key: string): boolean { return key in this.p.cols; }
  /** `$B2`: fixed column, relative row. */
  cell(key: string): string { return `$${this.p.cols[key]}${this.first}`; }
  /**
   * A column for lookups on the same sheet: the whole column `$B:$B` below a header in row 1
   * (the canonical layout: nothing else on the sheet), so a lookup never stops at a fixed row
   * however far the table grows; it is also short, and COUNTIF/SUMIFS scan only the used range.
   * The header text is inside, but it never equals an ID in practice. Elsewhere `$B$4:$B$2000`.
   */
  abs(key: string): string {
    const c = this.p.cols[key];
    if (this.p.headerRow === 1) return `$${c}:$${c}`;
    return `$${c}$${this.first}:$${c}$${this.p.lastRow}`;
  }
  /** `B2:B2000`, the range a format applies to. */
  range(key: string): string { const c = this.p.cols[key]; return `${c}${this.first}:${c}${this.p.lastRow}`; }
  /** INDIRECT on this table's column, for formulas living on another sheet. */
  remote(key: string): string {
    const header = this.p.headers?.[key];
    if (this.p.table && header) return `INDIRECT(${textLiteral(structuredRef(this.p.table, header))})`;
    return `INDIRECT(${textLiteral(`'${this.p.sheet.replace(/'/g, "''")}'!${this.abs(key)}`)})`;
  }
  /** Leftmost and rightmost input columns (Status and other output columns excluded). */
  span(): [string, string] | undefined {
    const idx = this.inputKeys.filter((k) => this.has(k)).map((k) => columnIndex(this.p.cols[k]));
    if (!idx.length) return undefined;
    return [letter(Math.min(...idx)), letter(Math.max(...idx))];
  }
  /** The row holds anything in its input columns (COUNTA also counts text typed as spaces). */
  rowFilled(): string {
    const s = this.span();
    return s ? `COUNTA($${s[0]}${this.first}:$${s[1]}${this.first})>0` : 'FALSE';
  }
  /** All input columns of the data rows, and their top-left cell. */
  area(): { range: string; topLeft: string } | undefined {
    const s = this.span();
    return s && { range: `${s[0]}${this.first}:${s[1]}${this.p.lastRow}`, topLeft: `${s[0]}${this.first}` };
  }
}

/** A text literal in a formula: `"a ""b"""`. */
export function textLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** COUNTIF criterion that matches `ref`'s value literally (no wildcards, no operators). */
export function exactCriterion(ref: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}

/** The same for a value known now (a level name). */
export function exactCriterionLiteral(v: string): string {
  return textLiteral('=' + v.replace(/[~*?]/g, '~$&'));
}

/** Trimmed text with spaces, `-` and `_` removed: how `matchListValue` compares list values. */
export function listKeyExpr(ref: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${ref})," ",""),"-",""),"_","")`;
}
export function listKey(v: string): string {
  return v.trim().replace(/[\s_-]+/g, '');
}

/**
 * How many of `values` the cell's key matches: one comparison for a single value, else COUNTIF
 * over the key list on the list sheet (issue 11 #12: an OR of comparisons grew past 500
 * characters). COUNTIF compares without case, like the reader; a `*` or `?` typed in the cell
 * acts as a wildcard here, which can only hide an instant mark: core still judges the value.
 */
function keyMatches(ref: string, values: readonly string[], lists: ListSheetPlan): { one: string } | { count: string } {
  const keys = [...new Set(values.map(listKey))];
  if (keys.length === 1) return { one: `${listKeyExpr(ref)}=${textLiteral(keys[0])}` };
  return { count: `COUNTIF(INDIRECT(${textLiteral(lists.range(keys))}),${listKeyExpr(ref)})` };
}

/** TRUE when `ref` holds something outside `values` (case-insensitive, like the reader). */
export function notInList(ref: string, values: readonly string[], lists: ListSheetPlan): string {
  const m = keyMatches(ref, values, lists);
  return `AND(TRIM(${ref})<>"",${'one' in m ? `NOT(${m.one})` : `${m.count}=0`})`;
}

/** TRUE when `ref` is one of the level names (same comparison as `notInList`). */
export function isOneOf(ref: string, values: readonly string[], lists: ListSheetPlan): string {
  if (!values.length) return 'FALSE';
  const m = keyMatches(ref, values, lists);
  return 'one' in m ? m.one : `${m.count}>0`;
}

/**
 * The longest conditional-format formula Pokin installs. No documented limit was found for
 * conditional-format formulas set through Office.js, and one formula Excel refused would fail the
 * whole template, so Pokin stays within the 255 characters every Excel accepts in a rule; a
 * longer one (possible only with unusual level configurations) is left out: core still judges it.
 */
export const MAX_CF_FORMULA = 255;

export const blank = (ref: string) => `TRIM(${ref})=""`;
export const filled = (ref: string) => `TRIM(${ref})<>""`;

/** Level groups the structural formats need. */
export interface ListsForFormulas {
  /** Levels that cannot be roots: an empty Induk there is T02. */
  nonRootLevels: string[];
  /** Levels whose boxes need a Penanggung Jawab before push (J01). */
  ownerLevels: string[];
  /** Level names per nomenclature type (B01 sums children one type down). */
  byNomenklatur: Record<NomenklaturType, string[]>;
}

export function listsForFormulas(config: PokinConfig): ListsForFormulas {
  const levels = levelsOfTree(config);
  const byNomenklatur: Record<NomenklaturType, string[]> = { program: [], kegiatan: [], sub_kegiatan: [] };
  for (const l of levels) if (l.nomenklatur) byNomenklatur[l.nomenklatur].push(l.name);
  return {
    nonRootLevels: levels.filter((l) => !l.parents.includes(ROOT_MARK)).map((l) => l.name),
    // Optional levels (e.g. Tujuan PD) are above the owned rungs; J01 starts at the first required one.
    ownerLevels: levels.filter((l) => !l.optional).map((l) => l.name),
    byNomenklatur,
  };
}

/**
 * Every conditional format for the placed tables. Formats that need a table that is not
 * placed (e.g. K01 without `Indikator`) are left out rather than pointing nowhere.
 */
export function conditionalFormats(config: PokinConfig, placements: Placements, specs: TableSpec[], lists: ListSheetPlan): ConditionalFormat[] {
  const placed: Partial<Record<TableKey, PlacedTable>> = {};
  for (const spec of specs) {
    const p = placements[spec.key];
    if (p) placed[spec.key] = new PlacedTable(spec, p);
  }
  return formulaRules(config, placed, listsForFormulas(config), lists).filter((f) => f.formula.length + 1 <= MAX_CF_FORMULA);
}

/**
 * The formats in the order to hand them to `ConditionalFormatCollection.add`, which "adds a new
 * conditional format to the collection at the first/top priority"
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection): warnings
 * first and errors last, so every error ends up above every warning and red wins over amber.
 */
export function inAddOrder(formats: readonly ConditionalFormat[]): ConditionalFormat[] {
  return [...formats.filter((f) => f.severity === 'W'), ...formats.filter((f) => f.severity === 'E')];
}

type Placed = Partial<Record<TableKey, PlacedTable>>;
const bi = (id: string, en: string): Bilingual => ({ id, en });
/**
 * Which rule a value outside its list breaks. Polaritas and Akumulasi are K05 (also when
 * empty); Level, Jenjang and IKU cannot be read (F01). Penanggung Jawab is J01 (a range
 * look-up), Status is set by the workflow, so neither is here.
 */
const LIST_RULE: Partial<Record<ListSource, RuleId>> = {
  level: 'F01', jenjang: 'F01', iku: 'F01', polaritas: 'K05', akumulasi: 'K05', pohon: 'F01', jenisNomenklatur: 'F01',
  periode: 'F01', tingkatPembanding: 'F01',
};
const NEXT_TYPE: Partial<Record<NomenklaturType, NomenklaturType>> = { program: 'kegiatan', kegiatan: 'sub_kegiatan' };
const TYPE_LABEL: Record<NomenklaturType, Bilingual> = {
  program: bi('program', 'programme'), kegiatan: bi('kegiatan', 'activity'), sub_kegiatan: bi('sub kegiatan', 'sub-activity'),
};

function formulaRules(config: PokinConfig, t: Placed, lists: ListsForFormulas, plan: ListSheetPlan): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  const add = (tb: PlacedTable, key: string, rule: RuleId, severity: 'E' | 'W', formula: string, description: Bilingual) => {
    if (tb.has(key)) out.push({ sheet: tb.p.sheet, range: tb.range(key), formula, severity, rule, description });
  };
  /** A column on the same sheet is referenced directly; another sheet's through INDIRECT. */
  const lookup = (from: PlacedTable, to: PlacedTable, key: string) => (from.p.sheet === to.p.sheet ? to.abs(key) : to.remote(key));
  const countOf = (from: PlacedTable, to: PlacedTable, key: string, ref: string) =>
    `COUNTIF(${lookup(from, to, key)},${exactCriterion(`TRIM(${ref})`)})`;
  const required = (tb: PlacedTable, key: string, label: string, rule: RuleId = 'F01') =>
    add(tb, key, rule, 'E', `AND(${tb.rowFilled()},${blank(tb.cell(key))})`, bi(`${label} wajib diisi.`, `${label} is required.`));
  const outsideList = (tb: PlacedTable, key: string, label: string, values: readonly string[], rule: RuleId = 'F01') =>
    values.length && add(tb, key, rule, 'E', notInList(tb.cell(key), values, plan),
      bi(`${label} bukan salah satu pilihan: ${values.join(', ')}.`, `${label} is not one of: ${values.join(', ')}.`));
  const errorValues = (tb: PlacedTable) => {
    const a = tb.area();
    if (a) {
      out.push({ sheet: tb.p.sheet, range: a.range, formula: `ISERROR(${a.topLeft})`, severity: 'E', rule: 'F01',
        description: bi('Sel berisi nilai galat (#REF!, #N/A, #DIV/0! …).', 'The cell holds an error value (#REF!, #N/A, #DIV/0! …).') });
    }
  };

  // Enumerated columns, from the layout: dropdowns are bypassed by paste (SAKIP.md §4.6).
  for (const tb of Object.values(t)) {
    for (const c of tb?.spec.columns ?? []) {
      if (!tb || !c.list || !(c.list in LIST_RULE)) continue;
      const d = resolveList(c.list, { config });
      if (d?.kind !== 'values') continue;
      const rule = LIST_RULE[c.list]!;
      if (rule === 'K05') required(tb, c.key, c.header, rule);
      outsideList(tb, c.key, c.header, d.values, rule);
    }
  }

  const p = t.pohon;
  if (p) {
    const id = p.cell('id'), induk = p.cell('induk'), level = p.cell('level'), pj = p.cell('penanggungJawab');
    required(p, 'id', 'ID');
    required(p, 'level', 'Level');
    required(p, 'pernyataan', 'Pernyataan Kinerja');
    if (p.has('id')) {
      add(p, 'id', 'T01', 'E', `AND(${filled(id)},${countOf(p, p, 'id', id)}>1)`, bi('ID ganda.', 'Duplicate ID.'));
      if (p.has('induk')) {
        add(p, 'induk', 'T02', 'E', `AND(${filled(induk)},OR(TRIM(${induk})=TRIM(${id}),${countOf(p, p, 'id', induk)}=0))`,
          bi('Induk tidak ada di tabel, atau menunjuk dirinya sendiri.', 'Induk names no existing row, or the row itself.'));
      }
    }
    if (p.has('level') && lists.nonRootLevels.length) {
      add(p, 'induk', 'T02', 'E', `AND(${blank(induk)},${isOneOf(level, lists.nonRootLevels, plan)})`,
        bi('Level ini harus punya Induk.', 'This level needs an Induk.'));
    }
    if (t.indikator?.has('nodeId') && p.has('id')) {
      add(p, 'id', 'K01', 'E', `AND(${filled(id)},${countOf(p, t.indikator, 'nodeId', id)}=0)`,
        bi('Kotak belum punya indikator.', 'The box has no indicator row.'));
    }
    if (t.jabatan?.has('id')) {
      add(p, 'penanggungJawab', 'J01', 'E', `AND(${filled(pj)},${countOf(p, t.jabatan, 'id', pj)}=0)`,
        bi('Penanggung Jawab tidak ada di tabel Jabatan.', 'Penanggung Jawab is not an ID Jabatan.'));
    }
    // Amber, not red: draft boxes without an owner are accepted until push (SAKIP.md §2.1).
    if (p.has('level') && lists.ownerLevels.length) {
      add(p, 'penanggungJawab', 'J01', 'W', `AND(${blank(pj)},${isOneOf(level, lists.ownerLevels, plan)})`,
        bi('Penanggung Jawab belum diisi (wajib sebelum dikirim).', 'Penanggung Jawab is empty (required before push).'));
    }
    for (const key of Object.keys(p.p.cols).filter((k) => k.startsWith('pagu:'))) {
      const x = p.cell(key), year = key.slice(5);
      add(p, key, 'B02', 'E', `AND(ISNUMBER(${x}),OR(${x}<0,${x}<>INT(${x})))`,
        bi(`Pagu ${year} harus rupiah bulat dan tidak negatif.`, `Pagu ${year} must be a whole, non-negative rupiah amount.`));
      add(p, key, 'F02', 'W', `AND(ISTEXT(${x}),${filled(x)})`,
        bi(`Pagu ${year} berupa teks; isi sebagai angka.`, `Pagu ${year} is text; enter it as a number.`));
      if (p.has('id') && p.has('induk') && p.has('level')) budgetRule(p, key, config, lists, plan, add);
    }
    errorValues(p);
  }

  const i = t.indikator;
  if (i) {
    required(i, 'nodeId', 'ID Node');
    required(i, 'nama', 'Indikator');
    required(i, 'satuan', 'Satuan', 'K02');
    if (p?.has('id')) {
      add(i, 'nodeId', 'F01', 'E', `AND(${filled(i.cell('nodeId'))},${countOf(i, p, 'id', i.cell('nodeId'))}=0)`,
        bi('ID Node tidak ada di Pohon Kinerja.', 'ID Node matches no box in Pohon Kinerja.'));
    }
    for (const key of Object.keys(i.p.cols).filter((k) => k.startsWith('target:'))) {
      required(i, key, `Target ${key.slice(7)} (isi "-" bila sengaja tanpa target / "-" for no target)`, 'K03');
    }
    required(i, 'kondisiAkhir', 'Kondisi Akhir', 'K03');
    errorValues(i);
  }

  const j = t.jabatan;
  if (j) {
    const id = j.cell('id'), atasan = j.cell('atasan');
    required(j, 'id', 'ID Jabatan');
    required(j, 'jenjang', 'Jenjang');
    if (j.has('id')) {
      add(j, 'id', 'F01', 'E', `AND(${filled(id)},${countOf(j, j, 'id', id)}>1)`, bi('ID Jabatan ganda.', 'Duplicate ID Jabatan.'));
      add(j, 'atasan', 'J03', 'E', `AND(${filled(atasan)},OR(TRIM(${atasan})=TRIM(${id}),${countOf(j, j, 'id', atasan)}=0))`,
        bi('ID Atasan tidak ada di tabel Jabatan, atau menunjuk dirinya sendiri.', 'ID Atasan names no position, or the position itself.'));
    }
    errorValues(j);
  }

  const x = t.crosscutting;
  if (x) {
    required(x, 'nodeId', 'ID Node');
    required(x, 'opdTujuan', 'OPD Tujuan');
    if (p?.has('id')) {
      add(x, 'nodeId', 'F01', 'E', `AND(${filled(x.cell('nodeId'))},${countOf(x, p, 'id', x.cell('nodeId'))}=0)`,
        bi('ID Node tidak ada di Pohon Kinerja.', 'ID Node matches no box in Pohon Kinerja.'));
    }
    const info = t.info;
    if (info?.has('kunci') && info.has('nilai')) {
      const own = `IFERROR(TRIM(INDEX(${lookup(x, info, 'nilai')},MATCH("Kode OPD",${lookup(x, info, 'kunci')},0))),"")`;
      const opd = x.cell('opdTujuan');
      add(x, 'opdTujuan', 'X01', 'E', `AND(${filled(opd)},TRIM(${opd})=${own})`,
        bi('OPD Tujuan adalah OPD sendiri; buat sebagai anak biasa.', 'OPD Tujuan is this OPD itself; model it as a normal child.'));
    }
    errorValues(x);
  }
  if (t.info) errorValues(t.info);
  // Rencana Aksi, Realisasi, Pembanding (SAKIP.md §12), when placed.
  out.push(...pengukuranFormulaRules(t));
  return out;
}

/**
 * B01: a program (kegiatan) box's pagu equals the sum of its direct kegiatan (sub kegiatan)
 * children's pagu, within `Toleransi Pagu`. Level names come from the configuration; a box
 * without such children is left to T07. A blank parent with filled children fails (N(blank)=0).
 */
function budgetRule(
  p: PlacedTable, key: string, config: PokinConfig, lists: ListsForFormulas, plan: ListSheetPlan,
  add: (tb: PlacedTable, key: string, rule: RuleId, severity: 'E' | 'W', formula: string, d: Bilingual) => void,
): void {
  const x = p.cell(key), year = key.slice(5);
  // `"="&TRIM(ID)`, without the wildcard escaping of exactCriterion: the formula must stay under
  // MAX_CF_FORMULA, and an ID with `*` or `?` can only blur this instant mark (core judges B01).
  const own = `"="&TRIM(${p.cell('id')})`;
  for (const type of ['program', 'kegiatan'] as const) {
    const childType = NEXT_TYPE[type]!;
    const parents = lists.byNomenklatur[type];
    const children = lists.byNomenklatur[childType];
    if (!parents.length || !children.length) continue;
    const per = (fn: 'SUMIFS' | 'COUNTIFS') => {
      const terms = children.map((l) => `${fn}(${fn === 'SUMIFS' ? p.abs(key) + ',' : ''}${p.abs('induk')},${own},${p.abs('level')},${exactCriterionLiteral(l)})`);
      return terms.length === 1 ? terms[0] : `(${terms.join('+')})`;
    };
    // children count × |pagu − Σ children| > tolerance: a box without such children is never
    // marked (T07's business), and one AND less keeps the formula short. A blank ID is F01's.
    const formula = `AND(${isOneOf(p.cell('level'), parents, plan)},${per('COUNTIFS')}*ABS(N(${x})-${per('SUMIFS')})>${Math.max(0, config.toleransiPagu)})`;
    const [pl, cl] = [TYPE_LABEL[type], TYPE_LABEL[childType]];
    add(p, key, 'B01', 'E', formula,
      bi(`Pagu ${year} ${pl.id} ≠ jumlah pagu ${cl.id} di bawahnya.`, `Pagu ${year} of the ${pl.en} ≠ the sum of its ${cl.en} children.`));
  }
}
