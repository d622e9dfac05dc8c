/**
 * Values of a foreign sheet into canonical cell values, reusing the readers' normalisers
 * (`core/read/normalise.ts`). Every reinterpretation is recorded at its source cell (F02),
 * every value that cannot be placed as an issue with its reason; nothing is dropped silently.
 */
import { issue, type Bilingual, type Issue, type RuleId, type Severity } from '../issues.js';
import { cleanStatement, cleanText, isPercentUnit, normaliseCode, normaliseSatuan, scalesAsPercent, show } from '../read/normalise.js';
import type { CellValue } from '../snapshot.js';
import type { Grid } from './grid.js';
import type { NumberLocale } from './numbers.js';
import { readAmountText, readTarget, type TargetRead } from './targets.js';
import type { NormalisedValue, Skipped, Unplaced } from './types.js';

const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s).replace(/\n/g, '⏎');

/** Collects the adoption issues, the F02 list and the unplaced rows. */
export class Sink {
  readonly issues: Issue[] = [];
  readonly normalised: NormalisedValue[] = [];
  readonly unplaced: Unplaced[] = [];
  readonly skipped: Skipped[] = [];
  constructor(readonly sheet: string) {}

  f02(cell: string, label: string, change: { from: string; to: string } | undefined, id = ''): void {
    if (!change) return;
    this.normalised.push({ cell, from: change.from, to: change.to });
    this.issues.push(issue('F02', 'W', { sheet: this.sheet, cell, id }, {
      id: `${label}: "${clip(change.from)}" dibaca sebagai "${clip(change.to)}".`,
      en: `${label}: "${clip(change.from)}" was read as "${clip(change.to)}".`,
    }, change));
  }

  note(rule: RuleId, severity: Severity, cell: string, msg: Bilingual, id = ''): void {
    this.issues.push(issue(rule, severity, { sheet: this.sheet, cell, id }, msg));
  }

  /** F01: a row holding data could not be placed. */
  unplace(row: number, cell: string, msg: Bilingual): void {
    this.unplaced.push({ row, cell, reason: msg.id, reasonEn: msg.en });
    this.issues.push(issue('F01', 'E', { sheet: this.sheet, cell }, {
      id: `Baris ${row} tidak dapat ditempatkan: ${msg.id}`, en: `Row ${row} could not be placed: ${msg.en}`,
    }));
  }

  /**
   * F01 (severity I): a row that is not data (a totals row, a repeated header, column numbers,
   * a footnote, a title or signature line) was skipped. Its figures, if any, are checked elsewhere.
   */
  skip(row: number, cell: string, msg: Bilingual): void {
    this.skipped.push({ row, cell, reason: msg.id, reasonEn: msg.en });
    this.issues.push(issue('F01', 'I', { sheet: this.sheet, cell }, {
      id: `Baris ${row} dilewati: ${msg.id}`, en: `Row ${row} skipped: ${msg.en}`,
    }));
  }
}

export function statementAt(g: Grid, s: Sink, row: number, col: number, label: string, v: CellValue = g.shown(row, col)): string {
  const r = cleanStatement(v);
  s.f02(g.cell(row, col), label, r.change);
  return r.value;
}

export function textAt(g: Grid, s: Sink, row: number, col: number, label: string): string {
  const r = cleanText(g.raw(row, col));
  s.f02(g.cell(row, col), label, r.change);
  return r.value;
}

export function satuanAt(g: Grid, s: Sink, row: number, col: number): string {
  const t = cleanText(g.raw(row, col));
  const n = normaliseSatuan(t.value);
  s.f02(g.cell(row, col), 'Satuan', n.change ?? t.change);
  return n.value;
}

/** How one column's text numbers are read (`numbers.ts`). */
export interface ColumnNotation {
  locale: NumberLocale;
  /** False when `1.234`-like values in it must be reported as ambiguous. */
  decided: boolean;
}
const DEFAULT_NOTATION: ColumnNotation = { locale: 'id', decided: false };

function ambiguityNote(s: Sink, g: Grid, row: number, col: number, v: string, read: CellValue, n: ColumnNotation, id = ''): void {
  s.note('F02', 'W', g.cell(row, col), {
    id: `"${v}" ambigu (pemisah ribuan atau desimal?); dibaca ${show(read)} menurut format ${n.locale === 'id' ? 'Indonesia' : 'Inggris'}. Periksa.`,
    en: `"${v}" is ambiguous (thousands or decimal separator?); read as ${show(read)} in ${n.locale === 'id' ? 'Indonesian' : 'English'} notation. Check it.`,
  }, id);
}

/**
 * A pagu cell in whole rupiah: text loses `Rp`, `,-` and separators; a `Rp (000)` / `Rp (juta)`
 * column is multiplied out. `ok` is false when the text is no number (kept as typed: B02).
 */
export function amountAt(
  g: Grid, s: Sink, row: number, col: number, label: string, notation: ColumnNotation = DEFAULT_NOTATION, scale = 1, id = '',
): { value: CellValue; ok: boolean; source: number | null } {
  const v = g.raw(row, col);
  if (v === null) return { value: null, ok: true, source: null };
  let n: number | null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') return { value: v, ok: false, source: null };
  else {
    const a = readAmountText(v, notation.locale);
    if (a.invalid) return { value: v, ok: false, source: null };
    n = a.value;
    if (a.ambiguous && !notation.decided) ambiguityNote(s, g, row, col, v, n, notation, id);
    if (n === null) {
      if (v.trim() !== '') s.f02(g.cell(row, col), label, { from: v, to: '' }, id);
      return { value: null, ok: true, source: null };
    }
  }
  const scaled = scale === 1 ? n : Math.round(n * scale * 100) / 100;
  if (scale !== 1 || typeof v === 'string') {
    const to = scale === 1 ? String(scaled) : `${scaled} (${show(v)} × ${scale.toLocaleString('id-ID')})`;
    s.f02(g.cell(row, col), label, { from: show(v), to }, id);
  }
  return { value: scaled, ok: true, source: n };
}

export interface TargetCell {
  value: CellValue;
  /** A unit glued to the number (`3 Laporan`). */
  unit?: string;
  comparator?: TargetRead['comparator'];
  qualitative?: TargetRead['qualitative'];
  range?: boolean;
}

/**
 * A target, baseline or end condition. The canonical cell gets the clean value; a unit glued
 * to a number, a comparator and a qualitative kind are returned for the caller to use.
 */
export function targetAt(
  g: Grid, s: Sink, row: number, col: number, satuan: string, label: string, notation: ColumnNotation = DEFAULT_NOTATION, id = '',
): TargetCell {
  const v = g.raw(row, col);
  if (v === null) return { value: null };
  const fmt = g.numFmt(row, col);
  if (typeof v === 'number') {
    if (!(scalesAsPercent(fmt) && isPercentUnit(satuan))) return { value: v };
    const scaled = Math.round(v * 100 * 1e9) / 1e9;
    s.f02(g.cell(row, col), label, { from: `${v} (format %)`, to: String(scaled) }, id);
    return { value: scaled };
  }
  const r = readTarget(v, notation.locale);
  s.f02(g.cell(row, col), label, r.change, id);
  if (r.ambiguous && !notation.decided) ambiguityNote(s, g, row, col, String(v), r.value, notation, id);
  const out: TargetCell = { value: r.value };
  if (r.unit) out.unit = r.unit;
  if (r.comparator) out.comparator = r.comparator;
  if (r.qualitative) out.qualitative = r.qualitative;
  if (r.range) out.range = true;
  return out;
}

/** Units equal up to case and the percent spellings. */
export function sameUnit(a: string, b: string): boolean {
  if (isPercentUnit(a) && isPercentUnit(b)) return true;
  return normaliseSatuan(a).value.toLowerCase() === normaliseSatuan(b).value.toLowerCase();
}

const PLAIN_CODE = /^[0-9X]{1,4}(?:\.[0-9X]{1,4})*$/;

export interface CodePart {
  /** The code part (normalised where §10 allows); '' when blank or when no code starts the cell. */
  part: string;
  /** As typed (for a code kept as typed). */
  typed: string;
  /** The cell holds more than a code (`2 Paket`, `2.17.04\5`). */
  stray: boolean;
}

/**
 * One code cell: `2,01` → `2.01`, spaces → dots; a number typed into a 2-digit segment column
 * (bidang, program) gets its leading zero back, since Excel shows `1` for `01` typed as a number.
 */
export function codePartAt(g: Grid, s: Sink, row: number, col: number, twoDigit: boolean, v: CellValue = g.shown(row, col)): CodePart {
  if (v === null) return { part: '', typed: '', stray: false };
  const fmt = g.numFmt(row, col);
  if (typeof v === 'number' && Number.isInteger(v) && fmt && /^0+$/.test(fmt)) { const t = String(v).padStart(fmt.length, '0'); return { part: t, typed: t, stray: false }; }
  if (typeof v === 'number' && Number.isInteger(v) && twoDigit && v >= 0 && v < 100) {
    const t = String(v).padStart(2, '0');
    if (g.fresh(row, col) && t !== String(v)) s.f02(g.cell(row, col), 'Kode', { from: `${v} (angka/number)`, to: t });
    return { part: t, typed: t, stray: false };
  }
  const n = normaliseCode(v, fmt);
  if (n.value === '' || PLAIN_CODE.test(n.value)) {
    if (g.fresh(row, col)) s.f02(g.cell(row, col), 'Kode', n.change);
    return { part: n.value, typed: n.value, stray: false };
  }
  const typed = String(v).replace(/[\u00a0\s]+/g, ' ').trim();
  const m = /^([0-9Xx]{1,4}(?:\s*[.,]\s*[0-9Xx]{1,4})*)/.exec(typed);
  const part = m ? m[1].replace(/\s*[.,]\s*/g, '.').replace(/x/g, 'X') : '';
  return { part, typed, stray: true };
}

/** Joined code parts through `normaliseCode` again: the zero-padded class digit (`02` → `2`). */
export function joinCode(parts: string[], g: Grid, s: Sink, row: number, col: number): string {
  const joined = parts.filter((p) => p !== '').join('.');
  if (joined === '') return '';
  const n = normaliseCode(joined);
  s.f02(g.cell(row, col), 'Kode', n.change && { from: joined, to: n.value });
  return n.value;
}

export { show };
