/**
 * The port's copy of the canonical tables between reads, and the rows Excel reported as
 * changed since. Change events are hints (ARCHITECTURE §2): their address tells which rows to
 * read again; anything the copy cannot explain (a header edit, a new column, a table that grew
 * or shrank without an event, a table added or removed) makes the next read a full one.
 * Pure: no Office.js here, so the patching is tested on its own.
 */
import { headerKey } from '../../core/layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';
import type { DirtyRows, KnownTable, PatchOutcome } from './tables.js';
import { origin } from './tables.js';

/** 0-based inclusive rectangle of an A1 area (`B7`, `A2:C9`, `3:5`, `C:C`). */
export interface Area { r0: number; c0: number; r1: number; c1: number }

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses an event address (possibly several areas, possibly with the sheet) into areas; null if unreadable. */
export function parseAreas(address: string | undefined): Area[] | null {
  if (!address) return null;
  const out: Area[] = [];
  for (const part of address.split(',')) {
    const a = part.slice(part.lastIndexOf('!') + 1).replace(/\$/g, '').trim().toUpperCase();
    const [p, q = p] = a.split(':');
    const cell = (s: string, end: boolean) => {
      const m = /^([A-Z]{0,3})(\d*)$/.exec(s);
      if (!m || (!m[1] && !m[2])) return null;
      return { c: m[1] ? columnIndex(m[1]) : end ? LAST_COL : 0, r: m[2] ? Number(m[2]) - 1 : end ? LAST_ROW : 0 };
    };
    const s = cell(p, false), e = cell(q, true);
    if (!s || !e) return null;
    out.push({ r0: Math.min(s.r, e.r), c0: Math.min(s.c, e.c), r1: Math.max(s.r, e.r), c1: Math.max(s.c, e.c) });
  }
  return out;
}

/** What an event means for the copy. */
export type EventEffect = 'ignore' | 'rows' | 'shape' | 'unknown';

export class SnapshotCache {
  snapshot: WorkbookSnapshot | null = null;
  known: KnownTable[] = [];
  private dirty: DirtyRows = new Map();
  /** Tables (by name) to read in full next time; '*' = list and read everything. */
  private stale = new Set<string>();

  /** A full read replaced the copy. */
  reset(snapshot: WorkbookSnapshot, known: KnownTable[]): void {
    this.snapshot = snapshot;
    this.known = known;
    this.dirty = new Map();
    this.stale.clear();
  }

  invalidate(table = '*'): void {
    this.stale.add(table);
  }

  get needsFullRead(): boolean {
    return !this.snapshot || this.stale.has('*');
  }

  /** Tables to read again in full on the next patch read. */
  staleTables(): string[] {
    return [...this.stale].filter((t) => t !== '*');
  }

  /**
   * Records a change event of sheet `sheetId` at `address`. Output-only cells (the Status
   * columns, SAKIP.md §4.1) and other sheets are ignored: that is how Pokin's own Status and
   * generated-sheet writes are told apart below ExcelApi 1.14, without timing.
   */
  note(sheetId: string | undefined, address: string | undefined): EventEffect {
    if (!this.snapshot) return 'unknown';
    const onSheet = this.known.filter((t) => t.sheetId === sheetId);
    if (!onSheet.length) return sheetId === undefined ? (this.invalidate(), 'unknown') : 'ignore';
    const areas = parseAreas(address);
    if (!areas) { for (const t of onSheet) this.invalidate(t.name); return 'unknown'; }
    let effect: EventEffect = 'ignore';
    for (const t of onSheet) {
      const { row0, col0 } = origin(t);
      const top = row0, bottom = row0 + t.rows, left = col0, right = col0 + t.columns - 1;
      const status = t.columnNames.findIndex((n) => headerKey(n) === 'status');
      for (const a of areas) {
        if (a.c1 < left || a.c0 > right + 1 || a.r1 < top || a.r0 > bottom + 1) continue;
        // Only the Status column: output, never read as input.
        if (status >= 0 && a.c0 === col0 + status && a.c1 === col0 + status && a.r0 > top) continue;
        if (a.r0 <= top || a.c1 > right || a.r1 > bottom || a.r1 - a.r0 > 50_000) {
          // Header, a new column or row just outside, or a whole-sheet change: read this table again.
          this.invalidate(t.name);
          effect = 'shape';
          continue;
        }
        const rows = this.dirty.get(t.name) ?? new Set<number>();
        for (let r = a.r0; r <= a.r1; r++) rows.add(r - top - 1);
        this.dirty.set(t.name, rows);
        if (effect === 'ignore') effect = 'rows';
      }
    }
    return effect;
  }

  /** The rows to read now (and forget them: events arriving during the read are kept for the next). */
  take(): DirtyRows {
    const d = this.dirty;
    this.dirty = new Map();
    return d;
  }

  /**
   * Applies a patch read. Returns the tables whose shape changed (they must be read in full);
   * the copy is then only partly patched and the caller reads those tables.
   */
  apply(p: PatchOutcome): string[] {
    const changed = this.known.filter((t) => p.addresses.get(t.name) !== t.address).map((t) => t.name);
    const snap = this.snapshot!;
    const tables = snap.tables.map((ts): TableSnapshot => {
      const rows = p.rows.get(ts.name ?? '');
      if (!rows?.size || changed.includes(ts.name ?? '')) return ts;
      const next = ts.rows.slice();
      let formats = ts.numberFormats ? ts.numberFormats.slice() : null;
      let formulas = ts.formulas ? ts.formulas.slice() : null;
      const blankGrid = () => next.map(() => ts.header.map(() => null as string | null));
      for (const [i, r] of rows) {
        if (i < 0 || i >= next.length) continue;
        next[i] = r.values;
        if (r.formats) {
          if (!formats && r.formats.some((f) => f !== null)) formats = blankGrid();
          if (formats) formats[i] = r.formats;
        }
        if (r.formulas) {
          if (!formulas && r.formulas.some((f) => f !== null)) formulas = blankGrid();
          if (formulas) formulas[i] = r.formulas;
        }
      }
      const out: TableSnapshot = { ...ts, rows: next };
      // Same shape as a full read: number formats and formulas only when some cell has one.
      if (formats && formats.some((row) => row.some((f) => f !== null))) out.numberFormats = formats;
      else delete out.numberFormats;
      if (formulas && formulas.some((row) => row.some((f) => f !== null))) out.formulas = formulas;
      else delete out.formulas;
      return out;
    });
    this.snapshot = { tables };
    return changed;
  }

  /** Replaces some tables (read in full) in the copy. */
  replace(fresh: TableSnapshot[], known: KnownTable[]): void {
    const byName = new Map(fresh.map((t) => [t.name, t]));
    this.snapshot = { tables: this.snapshot!.tables.map((t) => byName.get(t.name) ?? t) };
    for (const k of known) {
      const i = this.known.findIndex((x) => x.name === k.name);
      if (i >= 0) this.known[i] = k;
      this.stale.delete(k.name);
    }
  }
}

/** For tests: the copy's rows equal a full read's, cell by cell. */
export function sameRows(a: CellValue[][], b: CellValue[][]): boolean {
  return a.length === b.length && a.every((r, i) => r.length === b[i].length && r.every((v, j) => v === b[i][j]));
}
