/**
 * Live validation on the Excel double under every build profile (issue 11 findings #2, #6, #7,
 * #15, #16): handlers that survive rebuilt tables, a refused registration that shows, missed
 * events caught on focus and when idle, edits that cost kilobytes, handlers removed through
 * their own context, own writes told apart without timing; and the patched copy equal to a
 * full read over random edit sequences.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveValidation, type FocusSource } from '../../addin/live/controller.js';
import { templateSnapshot } from '../../addin/template.js';
import { readWorkbook } from '../../core/read/index.js';
import type { CellValue } from '../../core/snapshot.js';
import { validateSnapshot } from '../../core/validate.js';
import { templateConfig } from '../../xlsx/template.js';
import { generateSnapshot } from '../helpers/generate.js';
import { ALL_PROFILES, attach, excelDouble, portOn, type ExcelDouble } from './excel/testkit.js';

const config = templateConfig({ pemda: 'Kabupaten Contoh', kodePemda: '32.04', jenisPemda: 'Kabupaten', kodeOpd: '1.02.0.00.0.00.01.0000', namaOpd: 'Dinas Kesehatan', tahunAwal: 2025, tahunAkhir: 2029, versiNomenklatur: 'Kepmendagri 900.1-2850/2025' });
const small = generateSnapshot(60);
const smallConfig = readWorkbook(small).tree.config;

const rowsOf = (live: LiveValidation, table: string) => live.last!.snapshot.tables.find((t) => t.name === table)!.rows;
const tick = (ms = 400) => vi.advanceTimersByTimeAsync(ms);

function focusSource(): FocusSource & { fire(): void } {
  const fns = new Set<() => void>();
  return { addEventListener: (_t, fn) => fns.add(fn), removeEventListener: (_t, fn) => fns.delete(fn), fire: () => fns.forEach((f) => f()) };
}

describe.each(ALL_PROFILES)('Live validation on $label', (profile) => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps listening after the first run and after the tables are rebuilt by a pull (#2)', async () => {
    const d = excelDouble(profile);
    const port = attach(d);
    const live = new LiveValidation(port, { debounceMs: 300 });
    live.start();
    await live.validateNow();
    // First run on a blank workbook: the template's tables did not exist when the pane started.
    await port.createTables(templateSnapshot(config), config);
    live.rebind();
    await live.validateNow();
    d.user.edit('Pohon Kinerja', 'A2', [['SS1', '', 'Sasaran Strategis', 'Meningkatnya derajat kesehatan']]);
    await tick();
    expect(rowsOf(live, 'PohonKinerja')[0][0]).toBe('SS1');
    // A pull builds the tables again; the old ones become "(asal)" copies.
    await port.createTables(small, smallConfig);
    live.rebind();
    await live.validateNow();
    d.user.edit('Pohon Kinerja', 'D2', 'Pernyataan sesudah pull');
    await tick();
    expect(rowsOf(live, 'PohonKinerja')[0][3]).toBe('Pernyataan sesudah pull');
    // Edits in the "(asal)" copy are not the tree's: no read for them.
    d.mark();
    d.user.edit('Pohon Kinerja (asal)', 'D2', 'lama');
    await tick();
    expect(d.mark().syncs).toBe(0);
    // Exactly one set of handlers, however often it was rebound.
    expect(d.activeHandlers().length).toBe(4);
    live.stop();
  });

  it('shows a refused registration instead of going silent, and listens once registered again (#2)', async () => {
    const { d, port } = portOn(profile, { snapshot: small });
    d.refuseEvents(true);
    const live = new LiveValidation(port);
    live.start();
    await tick(10);
    expect(live.health.listening).toBe(false);
    expect(String((live.health.error as Error).message)).toMatch(/Excel menolak|internal error/);
    d.refuseEvents(false);
    live.rebind();
    await tick(10);
    expect(live.health).toMatchObject({ listening: true, error: null });
    live.stop();
  });

  it('catches what Excel did not report: a full read on focus and when idle, with the time shown (#6)', async () => {
    const { d, port } = portOn(profile, { snapshot: small });
    const focus = focusSource();
    const live = new LiveValidation(port, { debounceMs: 300, idleMs: 30_000, focus });
    live.start();
    await live.validateNow();
    const at0 = live.health.lastFullAt;
    expect(at0).not.toBeNull();
    // A dropdown pick: on the web no event at all.
    d.user.pick('Indikator', 'D2', 'Negatif');
    await tick();
    const seen = () => rowsOf(live, 'Indikator')[0][3];
    if (!profile.events.dropdownPick) expect(seen()).not.toBe('Negatif');
    focus.fire();
    await tick();
    expect(seen()).toBe('Negatif');
    // A deleted row (no event on the web): the idle check finds it.
    const n = rowsOf(live, 'Indikator').length;
    d.user.deleteRows('Indikator', 5);
    await tick(31_000);
    expect(rowsOf(live, 'Indikator').length).toBe(n - 1);
    expect(live.last!.full).toBe(true);
    expect(live.health.lastFullAt).not.toBeNull();
    live.stop();
  });

  it('reads only the edited rows: kilobytes per edit, one sync, no write (#7)', async () => {
    const big = generateSnapshot(1000);
    const { d, port } = portOn(profile, { snapshot: big });
    const live = new LiveValidation(port, { debounceMs: 300 });
    live.start();
    await live.validateNow();
    const full = d.mark();
    d.user.edit('Indikator', 'B100', 'Persentase balita gizi baik');
    await tick();
    const edit = d.mark();
    expect(edit.syncs).toBe(1);
    expect(edit.writes).toBe(0);
    expect(edit.request + edit.response).toBeLessThan(16 * 1024);
    expect(edit.request + edit.response).toBeLessThan((full.request + full.response) / 50);
    expect(rowsOf(live, 'Indikator')[98][1]).toBe('Persentase balita gizi baik');
    live.stop();
  });

  it('reads again after tables someone else added, not after the ones Pokin created itself', async () => {
    const { d, port } = portOn(profile, { snapshot: small });
    const live = new LiveValidation(port, { debounceMs: 300 });
    live.start();
    await live.validateNow();
    const full0 = port.stats.fullReads;
    await port.createTables(templateSnapshot(config), config);
    await live.validateNow();
    await tick(1000);
    expect(port.stats.fullReads - full0).toBe(1); // the Validasi after the creation, nothing more
    // A planner deletes a canonical table by hand: the list is read again.
    d.user.deleteTable('Crosscutting');
    await tick(1000);
    expect(port.stats.fullReads - full0).toBe(2);
    expect(live.last!.snapshot.tables.some((t) => t.name === 'Crosscutting')).toBe(false);
    live.stop();
  });

  it('removes its handlers through the context that registered them (#15)', async () => {
    const { d, port } = portOn(profile, { snapshot: small });
    const live = new LiveValidation(port);
    live.start();
    await tick(10);
    expect(d.activeHandlers().length).toBe(4);
    live.stop();
    await tick(10);
    expect(d.activeHandlers()).toEqual([]);
  });

  it('tells its own Status write from a planner\'s edit without timing (#16)', async () => {
    const { d, port } = portOn(profile, { snapshot: small });
    const live = new LiveValidation(port, { debounceMs: 300 });
    live.start();
    await live.validateNow();
    d.mark();
    // Pokin writes Status, and in the same moment the planner types into a box.
    const writing = live.writeStatus();
    d.user.edit('Pohon Kinerja', 'D3', 'Diketik saat Pokin menulis');
    await writing;
    await tick();
    expect(rowsOf(live, 'PohonKinerja')[1][3]).toBe('Diketik saat Pokin menulis');
    // The Status write itself started no read of its own: the one read after it is the edit's.
    const reads = d.stats.log.slice(-d.mark().syncs).filter((s) => !s.writes);
    expect(reads.length).toBeLessThanOrEqual(1 + 2); // the edit's patch read (+ Status's own table listing)
    live.stop();
  });
});

/** Random planner actions on the double; whether Excel reported them on this profile. */
type Action =
  | { kind: 'edit'; table: 'Pohon Kinerja' | 'Indikator'; row: number; col: number; value: CellValue }
  | { kind: 'pick'; row: number; value: string }
  | { kind: 'append'; id: string }
  | { kind: 'delete'; row: number }
  | { kind: 'remote'; row: number; value: string };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), table: fc.constantFrom('Pohon Kinerja' as const, 'Indikator' as const), row: fc.integer({ min: 0, max: 70 }), col: fc.integer({ min: 0, max: 12 }), value: fc.oneof(fc.constantFrom('', 'SS1', 'P1.1', 'X9', 'Ya', 'Rentang', '-', '10 - 20'), fc.integer({ min: -5, max: 5000 })) }),
  fc.record({ kind: fc.constant('pick' as const), row: fc.integer({ min: 0, max: 150 }), value: fc.constantFrom('Positif', 'Negatif', 'Rentang', 'Salah') }),
  fc.record({ kind: fc.constant('append' as const), id: fc.constantFrom('N1', 'N2', 'SS1') }),
  fc.record({ kind: fc.constant('delete' as const), row: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('remote' as const), row: fc.integer({ min: 0, max: 50 }), value: fc.constantFrom('Meningkatnya A', '') }),
);

function apply(d: ExcelDouble, a: Action): boolean {
  const rowsOfTable = (sheet: string) => d.snapshotOf().tables.find((t) => t.sheet === sheet)!.rows.length;
  switch (a.kind) {
    case 'edit': {
      const r = 2 + Math.min(a.row, rowsOfTable(a.table) - 1);
      d.user.edit(a.table, `${String.fromCharCode(65 + a.col)}${r}`, a.value);
      return true;
    }
    case 'pick': {
      d.user.pick('Indikator', `D${2 + Math.min(a.row, rowsOfTable('Indikator') - 1)}`, a.value);
      return d.profile.events.dropdownPick;
    }
    case 'append': {
      d.user.edit('Pohon Kinerja', `A${2 + rowsOfTable('Pohon Kinerja')}`, [[a.id, 'SS1', 'Sasaran Program', 'Meningkatnya baru']]);
      return true;
    }
    case 'delete': {
      if (rowsOfTable('Pohon Kinerja') < 5) return true;
      d.user.deleteRows('Pohon Kinerja', 2 + a.row % (rowsOfTable('Pohon Kinerja') - 1));
      return d.profile.events.rowDelete;
    }
    case 'remote':
      d.user.remoteEdit('Pohon Kinerja', `D${2 + Math.min(a.row, rowsOfTable('Pohon Kinerja') - 1)}`, a.value);
      return true;
  }
}

const issueKeys = (s: Parameters<typeof validateSnapshot>[0]) => validateSnapshot(s).issues.map((i) => `${i.rule}|${i.severity}|${i.sheet}!${i.cell}|${i.message}`).sort();

describe.each(ALL_PROFILES)('The patched copy on $label', (profile) => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('gives the issue list of a full read after every reported edit, over random edit sequences', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
      const d = excelDouble(profile, { snapshot: small });
      const port = attach(d);
      const live = new LiveValidation(port, { debounceMs: 300 });
      live.start();
      await live.validateNow();
      let trusted = true;
      for (const a of actions) {
        const reported = apply(d, a);
        await tick();
        // After an edit Excel did not report, the copy may be stale until the next full read
        // (focus, idle, Validasi): that is what those are for.
        trusted &&= reported;
        if (!trusted || !live.last) continue;
        expect(issueKeys(live.last.snapshot)).toEqual(issueKeys(d.snapshotOf()));
      }
      await live.validateNow();
      expect(issueKeys(live.last!.snapshot)).toEqual(issueKeys(d.snapshotOf()));
      live.stop();
    }), { numRuns: 25, seed: 11 });
  }, 120_000);
});
