/**
 * The Office.js port on the Excel double, under every build profile (Microsoft 365, Office 2021
 * LTSC, Excel for Mac 16.40, Excel on the web): reading, live validation, Status, identity.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveValidation } from '../../addin/live/controller.js';
import { PortError } from '../../addin/port.js';
import { readXlsx } from '../../xlsx/read.js';
import { ALL_PROFILES, excelDouble, portOn, attach } from './excel/testkit.js';

const example = await readXlsx(readFileSync('examples/dinkes-dengan-kesalahan.xlsx'));
const ID = { pemda: '32.04', periode: '2025-2029', opd: '1.02.0.00.0.00.01.0000', baseVersion: 3 };

describe('OfficePort requirements', () => {
  it('refuses below ExcelApi 1.12 with a clear message', () => {
    const d = excelDouble('mac-16.40');
    const old = { isSetSupported: (n: string, v = '1.1') => n === 'ExcelApi' && Number(v.split('.')[1]) <= 11 };
    const make = () => attach({ ...d, requirements: old });
    expect(make).toThrowError(PortError);
    try { make(); } catch (e) { expect((e as PortError).messageId).toMatch(/ExcelApi 1\.12/); }
  });
});

describe.each(ALL_PROFILES)('OfficePort on $label', (profile) => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('detects the features of the build', () => {
    const { port } = portOn(profile);
    expect(port.features).toEqual({ mergedAreas: profile.excelApi >= 13, triggerSource: profile.excelApi >= 14, mergeUndo: profile.excelApi >= 20 });
  });

  it('reads every canonical table: the list, then one sync for all values', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    const snap = await port.readSnapshot();
    // listing (names, then shapes) + one read
    expect(d.mark().syncs).toBe(3);
    const pohon = snap.tables.find((t) => t.name === 'PohonKinerja')!;
    const orig = example.snapshot.tables.find((t) => t.name === 'PohonKinerja')!;
    expect(pohon.rows.length).toBe(orig.rows.length);
    expect(pohon.header).toEqual(orig.header.map((h) => h ?? ''));
    expect(pohon.address).toBe('A1');
    expect(d.stats.log.some((s) => s.writes)).toBe(false);
  });

  it('splits a read into row blocks only above the payload budget, with the same values', async () => {
    const { port: whole } = portOn(profile, { snapshot: example.snapshot });
    const a = await whole.readSnapshot();
    const { d, port: small } = portOn(profile, { snapshot: example.snapshot }, { payloadBudget: 20_000 });
    const b = await small.readSnapshot();
    expect(d.mark().syncs).toBeGreaterThan(3);
    for (const t of a.tables) expect(b.tables.find((x) => x.name === t.name)!.rows).toEqual(t.rows);
    expect(Math.max(...d.stats.log.map((s) => s.response))).toBeLessThan(30_000);
  });

  it('live validation: typing writes nothing, one small read per debounced burst, Status in one write sync on request', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    const live = new LiveValidation(port, { debounceMs: 300 });
    live.start();
    await live.validateNow();
    await vi.waitFor(() => expect(d.activeHandlers().length).toBeGreaterThan(0));
    const results: number[] = [];
    live.onResult((r) => results.push(r.result.summary.errors));
    d.mark();
    for (let i = 0; i < 5; i++) { d.user.edit('Pohon Kinerja', `D${3 + i}`, `Meningkatnya mutu ${i}`); await vi.advanceTimersByTimeAsync(50); }
    await vi.advanceTimersByTimeAsync(400);
    const m = d.mark();
    expect(m.syncs).toBe(1);
    expect(m.writes).toBe(0);
    expect(results.length).toBe(1);
    expect(results[0]).toBeGreaterThan(0);

    await live.writeStatus();
    const w = d.mark();
    expect(w.writes).toBe(1);
    expect(d.stats.undoRecords).toBe(1);
    const status = d.book.values(d.book.sheet('Pohon Kinerja')!, { r0: 1, r1: 62, c0: 0, c1: 30 }).flat().map(String);
    expect(status.some((s) => /^E\d/.test(s))).toBe(true);
    // The Status write's own events start no validation (they land in the output column).
    await vi.advanceTimersByTimeAsync(1000);
    expect(d.mark().syncs).toBe(0);
    live.stop();
  });

  it('refreshes co-authors\' edits quietly', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    const live = new LiveValidation(port, { debounceMs: 300 });
    live.start();
    await live.validateNow();
    await vi.waitFor(() => expect(d.activeHandlers().length).toBeGreaterThan(0));
    d.user.remoteEdit('Indikator', 'B3', 'Persentase baru');
    await vi.advanceTimersByTimeAsync(400);
    expect(live.last?.quiet).toBe(true);
    expect(live.last?.snapshot.tables.find((t) => t.name === 'Indikator')!.rows[1][1]).toBe('Persentase baru');
    live.stop();
  });

  it('selects a cell and keeps the identity in settings and in Info "Versi Server"', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    await port.selectCell('Pohon Kinerja', 'D20');
    expect(await port.getIdentity()).toBeNull();
    await port.setIdentity(ID);
    expect(JSON.parse(String(d.book.settings.get('pokin.identity')))).toEqual(ID);
    const info = d.snapshotOf().tables.find((t) => t.name === 'Info')!;
    expect(info.rows.find((r) => r[0] === 'Versi Server')?.[1]).toBe(3);
    expect(await port.getIdentity()).toEqual(ID);
  });
});
