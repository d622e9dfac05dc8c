/**
 * Values of a foreign sheet into canonical cell values, reusing the readers' normalisers
 * (`core/read/normalise.ts`). Every reinterpretation is recorded at its source cell (F02),
 * every value that cannot be placed as an issue with its reason; nothing is dropped silently.
 */
import { issue, type Bilingual, type Issue, type RuleId, type Severity } from '../issues.js';
import {
  cleanStatement, cleanText, isPercentUnit, normaliseCode, normaliseSatuan, parseAmount, parseTarget, show,
} from '../read/normalise.js';
import type { CellValue } from '../snapshot.js';
import type { Grid } from './grid.js';
import type { NormalisedValue, Unplaced } from './types.js';

const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s).replace(/\n/g, '⏎');

/** Collects the adoption issues, the F02 list and the unplaced rows. */
export class Sink {
  readonly issues: Issue[] = [];
  readonly normalised: NormalisedValue[] = [];
  readonly unplaced: Unplaced[] = [];
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

  /** F01: the row could not be placed; `extra` adds a more specific issue at the same cell. */
  unplace(row: number, cell: string, msg: Bilingual): void {
    this.unplaced.push({ row, cell, reason: msg.id, reasonEn: msg.en });
    this.issues.push(issue('F01', 'E', { sheet: this.sheet, cell }, {
      id: `Baris ${row} tidak dapat ditempatkan: ${msg.id}`, en: `Row ${row} could not be placed: ${msg.en}`,
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

export function amountAt(g: Grid, s: Sink, row: number, col: number, label: string): CellValue {
  const v = g.raw(row, col);
  if (v === null || typeof v === 'number') return v;
  const a = parseAmount(v);
  if (a.invalid !== undefined) return v; // B02 judges it in the canonical workbook
  s.f02(g.cell(row, col), label, a.change);
  return a.value;
}

export interface TargetCell {
  value: CellValue;
  /** A unit glued to the number (`3 Laporan`). */
  unit?: string;
}

/**
 * A target, baseline or end condition. The canonical cell gets the clean value; a unit glued
 * to a number is returned so the caller can fill or compare `Satuan`.
 */
export function targetAt(g: Grid, s: Sink, row: number, col: number, satuan: string, label: string): TargetCell {
  const v = g.raw(row, col);
  if (v === null) return { value: null };
  const fmt = g.numFmt(row, col);
  if (typeof v === 'number' && !(fmt && fmt.includes('%') && isPercentUnit(satuan))) return { value: v };
  const p = parseTarget(v, satuan, fmt);
  s.f02(g.cell(row, col), label, p.change);
  const t = p.value;
  const value: CellValue = t === null ? null
    : t.kind === 'number' ? t.value
    : t.kind === 'range' ? `${t.low} - ${t.high}`
    : t.kind === 'none' ? '-'
    : t.text;
  return p.unit ? { value, unit: p.unit } : { value };
}

/** Units equal up to case and the percent spellings. */
export function sameUnit(a: string, b: string): boolean {
  if (isPercentUnit(a) && isPercentUnit(b)) return true;
  return normaliseSatuan(a).value.toLowerCase() === normaliseSatuan(b).value.toLowerCase();
}

const PLAIN_CODE = /^[0-9X]{1,4}(?:\.[0-9X]{1,4})*$/;

/**
 * One code cell: `2,01` → `2.01`, spaces → dots; a number typed into a 2-digit segment column
 * (bidang, program) gets its leading zero back, since Excel shows `1` for `01` typed as a number.
 * Returns null when the cell holds stray text (`2 Paket`).
 */
export function codePartAt(g: Grid, s: Sink, row: number, col: number, twoDigit: boolean, v: CellValue = g.shown(row, col)): string | null {
  if (v === null) return '';
  const fmt = g.numFmt(row, col);
  if (typeof v === 'number' && Number.isInteger(v) && fmt && /^0+$/.test(fmt)) return String(v).padStart(fmt.length, '0');
  if (typeof v === 'number' && Number.isInteger(v) && twoDigit && v >= 0 && v < 100) {
    const t = String(v).padStart(2, '0');
    if (g.fresh(row, col)) s.f02(g.cell(row, col), 'Kode', { from: `${v} (angka/number)`, to: t });
    return t;
  }
  const n = normaliseCode(v, fmt);
  if (n.value !== '' && !PLAIN_CODE.test(n.value)) return null;
  if (g.fresh(row, col)) s.f02(g.cell(row, col), 'Kode', n.change);
  return n.value;
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
