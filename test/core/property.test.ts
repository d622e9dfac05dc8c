/**
 * Property tests (fast-check): random generated trees with random damage never make
 * `readWorkbook` / `validateSnapshot` throw, and no input row vanishes silently (SAKIP.md §5.1
 * F01 "No row may vanish silently"): every non-empty row of PohonKinerja, Indikator, Jabatan
 * and Crosscutting became a box / indicator / position / link (model objects carry `loc.row`),
 * or an F01 issue names that sheet and row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerKey } from '../../core/layout/tables.js';
import { readWorkbook } from '../../core/read/index.js';
import { isBlank, type CellValue, type TableSnapshot, type WorkbookSnapshot } from '../../core/snapshot.js';
import { validateSnapshot } from '../../core/validate.js';
import { generate, prng } from '../helpers/generate.js';

const INPUT_TABLES = ['PohonKinerja', 'Indikator', 'Jabatan', 'Crosscutting'] as const;
const DAMAGEABLE = ['Info', ...INPUT_TABLES] as const;
type TableName = (typeof DAMAGEABLE)[number];

const ERROR_VALUES = ['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'];

type Damage =
  | { kind: 'delete'; table: TableName; row: number; col: number }
  | { kind: 'swap'; table: TableName; r1: number; c1: number; r2: number; c2: number }
  | { kind: 'error'; table: TableName; row: number; col: number; value: string }
  | { kind: 'random'; table: TableName; row: number; col: number; value: CellValue }
  | { kind: 'dupId'; r1: number; r2: number }
  | { kind: 'selfParent'; row: number }
  | { kind: 'cycle'; r1: number; r2: number }
  | { kind: 'merge'; table: TableName; row: number; col: number; h: number; w: number }
  | { kind: 'shuffle'; table: TableName; seed: number }
  | { kind: 'dropColumn'; table: TableName; col: number }
  | { kind: 'blankRow'; table: TableName; row: number }
  | { kind: 'duplicateRow'; table: TableName; row: number };

const tableArb = fc.constantFrom<TableName>(...DAMAGEABLE);
const inputTableArb = fc.constantFrom<TableName>(...INPUT_TABLES);
const randomValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '-', 'n/a', 'Rp 1.234,5', '1.234', '80 - 90', '98%', '3 Laporan', '=SUM(A1)', 'X.XX.01', 'Positif', 'Ya', 'Kabupaten', 'Lembaga Lain'),
  fc.integer({ min: -1e6, max: 1e12 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), table: tableArb, row: fc.nat(), col: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), table: tableArb, r1: fc.nat(), c1: fc.nat(), r2: fc.nat(), c2: fc.nat() }),
  fc.record({ kind: fc.constant('error' as const), table: tableArb, row: fc.nat(), col: fc.nat(), value: fc.constantFrom(...ERROR_VALUES) }),
  fc.record({ kind: fc.constant('random' as const), table: tableArb, row: fc.nat(), col: fc.nat(), value: randomValue }),
  fc.record({ kind: fc.constant('dupId' as const), r1: fc.nat(), r2: fc.nat() }),
  fc.record({ kind: fc.constant('selfParent' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('cycle' as const), r1: fc.nat(), r2: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), table: inputTableArb, row: fc.nat(), col: fc.nat(), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('shuffle' as const), table: tableArb, seed: fc.nat() }),
  fc.record({ kind: fc.constant('dropColumn' as const), table: tableArb, col: fc.nat() }),
  fc.record({ kind: fc.constant('blankRow' as const), table: inputTableArb, row: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateRow' as const), table: inputTableArb, row: fc.nat() }),
);

function cloneSnapshot(s: WorkbookSnapshot): WorkbookSnapshot {
  return { tables: s.tables.map((t) => ({ ...t, header: [...t.header], rows: t.rows.map((r) => [...r]), ...(t.merges ? { merges: [...t.merges] } : {}) })) };
}

function tableOf(s: WorkbookSnapshot, name: TableName): TableSnapshot | undefined {
  return s.tables.find((t) => t.name === name);
}

const colOfHeader = (t: TableSnapshot, header: string) => t.header.findIndex((h) => headerKey(h) === headerKey(header));

/** Applies one damage in place; indices are taken modulo the table's size. */
function applyDamage(s: WorkbookSnapshot, d: Damage): void {
  const pohon = tableOf(s, 'PohonKinerja');
  switch (d.kind) {
    case 'delete': case 'error': case 'random': {
      const t = tableOf(s, d.table);
      if (!t || t.rows.length === 0 || t.header.length === 0) return;
      const v = d.kind === 'delete' ? null : d.value;
      t.rows[d.row % t.rows.length][d.col % t.header.length] = v;
      return;
    }
    case 'swap': {
      const t = tableOf(s, d.table);
      if (!t || t.rows.length === 0 || t.header.length === 0) return;
      const a = t.rows[d.r1 % t.rows.length];
      const b = t.rows[d.r2 % t.rows.length];
      const ca = d.c1 % t.header.length;
      const cb = d.c2 % t.header.length;
      [a[ca], b[cb]] = [b[cb], a[ca]];
      return;
    }
    case 'dupId': case 'selfParent': case 'cycle': {
      if (!pohon || pohon.rows.length === 0) return;
      const id = colOfHeader(pohon, 'ID');
      const induk = colOfHeader(pohon, 'Induk');
      if (id < 0 || induk < 0) return;
      const n = pohon.rows.length;
      if (d.kind === 'dupId') pohon.rows[d.r2 % n][id] = pohon.rows[d.r1 % n][id];
      else if (d.kind === 'selfParent') pohon.rows[d.row % n][induk] = pohon.rows[d.row % n][id];
      else {
        const a = pohon.rows[d.r1 % n];
        const b = pohon.rows[d.r2 % n];
        a[induk] = b[id];
        b[induk] = a[id];
      }
      return;
    }
    case 'merge': {
      const t = tableOf(s, d.table);
      if (!t || t.rows.length === 0 || t.header.length === 0) return;
      const r0 = (d.row % t.rows.length) + 2; // tables at A1: data row i is sheet row i + 2
      const c0 = d.col % t.header.length;
      const letter = (c: number) => String.fromCharCode(65 + Math.min(c, 25));
      t.merges = [...(t.merges ?? []), `${letter(c0)}${r0}:${letter(c0 + d.w - 1)}${r0 + d.h - 1}`];
      return;
    }
    case 'shuffle': {
      const t = tableOf(s, d.table);
      if (!t) return;
      const rand = prng(d.seed);
      for (let i = t.rows.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [t.rows[i], t.rows[j]] = [t.rows[j], t.rows[i]];
      }
      return;
    }
    case 'dropColumn': {
      const t = tableOf(s, d.table);
      if (!t || t.header.length === 0) return;
      const c = d.col % t.header.length;
      t.header.splice(c, 1);
      for (const r of t.rows) r.splice(c, 1);
      return;
    }
    case 'blankRow': {
      const t = tableOf(s, d.table);
      if (!t || t.rows.length === 0) return;
      t.rows[d.row % t.rows.length] = t.header.map(() => null);
      return;
    }
    case 'duplicateRow': {
      const t = tableOf(s, d.table);
      if (!t || t.rows.length === 0) return;
      const i = d.row % t.rows.length;
      t.rows.splice(i, 0, [...t.rows[i]]);
      return;
    }
  }
}

/** Rows holding input: any non-blank cell outside the add-in's output `Status` columns. */
function inputRows(t: TableSnapshot): number[] {
  const output = new Set<number>();
  if (t.name === 'PohonKinerja' || t.name === 'Indikator') {
    t.header.forEach((h, i) => { if (headerKey(h) === 'status') output.add(i); });
  }
  const out: number[] = [];
  t.rows.forEach((r, i) => {
    if (r.some((v, c) => !output.has(c) && !isBlank(v))) out.push(i + 2);
  });
  return out;
}

function unaccounted(s: WorkbookSnapshot): string[] {
  const { tree, issues } = readWorkbook(s);
  const seen = new Set<string>();
  const mark = (o: { loc: { table: { sheet: string }; row: number } }) => seen.add(`${o.loc.table.sheet}|${o.loc.row}`);
  tree.boxes.forEach(mark);
  tree.indikator.forEach(mark);
  tree.jabatan.forEach(mark);
  tree.crosscutting.forEach(mark);
  for (const i of issues) if (i.rule === 'F01') seen.add(`${i.sheet}|${/(\d+)$/.exec(i.cell)?.[1] ?? ''}`);
  // A required column missing from a table is one F03 at its header, standing for every row.
  const missingColumn = new Set(issues.filter((i) => i.rule === 'F03').map((i) => i.sheet));
  const missing: string[] = [];
  for (const name of INPUT_TABLES) {
    const t = tableOf(s, name);
    if (!t || missingColumn.has(t.sheet)) continue;
    for (const row of inputRows(t)) if (!seen.has(`${t.sheet}|${row}`)) missing.push(`${t.sheet} row ${row}: ${JSON.stringify(t.rows[row - 2])}`);
  }
  return missing;
}

const caseArb = fc.record({
  boxes: fc.integer({ min: 1, max: 30 }),
  seed: fc.nat(),
  ipb: fc.integer({ min: 1, max: 4 }),
  damage: fc.array(damageArb, { maxLength: 10 }),
});

function damaged(c: { boxes: number; seed: number; ipb: number; damage: Damage[] }): WorkbookSnapshot {
  const s = cloneSnapshot(generate({ boxes: c.boxes, seed: c.seed, indicatorsPerBox: c.ipb, crosscuttingEvery: 3 }).snapshot);
  for (const d of c.damage) applyDamage(s, d);
  return s;
}

describe('property: read + validate on random, damaged trees', () => {
  it('undamaged generated trees validate without errors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), (boxes, seed) => {
        const r = validateSnapshot(generate({ boxes, seed }).snapshot);
        expect(r.issues.filter((i) => i.severity === 'E')).toEqual([]);
        expect(r.summary.boxes).toBe(boxes);
      }),
      { numRuns: 25 },
    );
  });

  it('never throws, and every non-empty input row is accounted for (model object, F01, or the F03 of a missing column)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = damaged(c);
        expect(() => validateSnapshot(s)).not.toThrow();
        expect(unaccounted(s)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('every issue carries a sheet and an A1 cell', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { issues } = validateSnapshot(damaged(c));
        for (const i of issues) {
          expect(i.sheet).not.toBe('');
          expect(i.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
