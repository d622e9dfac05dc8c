import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { LiveValidation } from '../../addin/live/controller.js';
import { OfficePort, type ExcelHost } from '../../addin/office/port.js';
import { PortError } from '../../addin/port.js';
import { readXlsx } from '../../xlsx/read.js';
import { mockWorkbook } from './office-mock.js';

const example = await readXlsx(readFileSync('examples/dinkes-dengan-kesalahan.xlsx'));
const req = (max: string) => ({ isSetSupported: (_n: string, v = '1.1') => Number(v.split('.')[1]) <= Number(max.split('.')[1]) });

function portOn(wb: ReturnType<typeof mockWorkbook>, opts: { api?: string; payloadBudget?: number; syncTimeoutMs?: number } = {}) {
  return new OfficePort({
    excel: wb.excel as unknown as ExcelHost, requirements: req(opts.api ?? '1.12'),
    ...(opts.payloadBudget ? { payloadBudget: opts.payloadBudget } : {}), ...(opts.syncTimeoutMs ? { syncTimeoutMs: opts.syncTimeoutMs } : {}),
  });
}

describe('OfficePort', () => {
  it('refuses below ExcelApi 1.12 with a clear message', () => {
    const wb = mockWorkbook(example.snapshot);
    expect(() => portOn(wb, { api: '1.11' })).toThrowError(PortError);
    try { portOn(wb, { api: '1.11' }); } catch (e) { expect((e as PortError).messageId).toMatch(/ExcelApi 1\.12/); }
  });

  it('detects 1.13 / 1.14 features', () => {
    const wb = mockWorkbook(example.snapshot);
    expect(portOn(wb, { api: '1.12' }).features).toEqual({ mergedAreas: false, triggerSource: false, mergeUndo: false });
    expect(portOn(wb, { api: '1.14' }).features).toMatchObject({ mergedAreas: true, triggerSource: true });
  });

  it('reads every canonical table in one sync once the table list is known', async () => {
    const wb = mockWorkbook(example.snapshot);
    const port = portOn(wb);
    await port.refreshTables();
    const before = wb.log.syncs;
    const snap = await port.readSnapshot();
    expect(wb.log.syncs - before).toBe(1);
    const pohon = snap.tables.find((t) => t.name === 'PohonKinerja')!;
    const orig = example.snapshot.tables.find((t) => t.name === 'PohonKinerja')!;
    expect(pohon.rows.length).toBe(orig.rows.length);
    expect(pohon.header).toEqual(orig.header.map((h) => h ?? ''));
    expect(pohon.address).toBe('A1');
    expect(wb.log.writes).toEqual([]);
  });

  it('splits a read into row blocks only above the payload budget', async () => {
    const wb = mockWorkbook(example.snapshot);
    const small = portOn(wb);
    await small.refreshTables();
    const a = wb.log.syncs;
    const whole = await small.readSnapshot();
    expect(wb.log.syncs - a).toBe(1);
    const wb2 = mockWorkbook(example.snapshot);
    const chunked = portOn(wb2, { payloadBudget: 20_000 });
    await chunked.refreshTables();
    const b = wb2.log.syncs;
    const split = await chunked.readSnapshot();
    expect(wb2.log.syncs - b).toBeGreaterThan(1);
    for (const t of whole.tables) {
      const s = split.tables.find((x) => x.name === t.name)!;
      expect(s.rows.map((r) => r.map((v) => v ?? ''))).toEqual(t.rows.map((r) => r.map((v) => v ?? '')));
    }
  });

  it('live validation: typing writes nothing, one read per debounced burst, Status in one sync on request', async () => {
    vi.useFakeTimers();
    try {
      const wb = mockWorkbook(example.snapshot);
      const port = portOn(wb);
      const live = new LiveValidation(port, { debounceMs: 300 });
      live.start();
      await vi.waitFor(() => expect(Object.keys(wb.log.handlers).some((k) => k.startsWith('table:'))).toBe(true));
      const results: number[] = [];
      live.onResult((r) => results.push(r.result.summary.errors));
      const readsBefore = port.stats.reads;
      const syncsBefore = wb.log.syncs;
      for (let i = 0; i < 5; i++) { await wb.fire('Local'); await vi.advanceTimersByTimeAsync(50); }
      await vi.advanceTimersByTimeAsync(400);
      expect(port.stats.reads - readsBefore).toBe(1);
      expect(wb.log.syncs - syncsBefore).toBe(1);
      expect(results.length).toBe(1);
      expect(results[0]).toBeGreaterThan(0);
      expect(wb.log.writes).toEqual([]);
      expect(port.stats.writeSyncs).toBe(0);

      const s0 = wb.log.syncs;
      await live.writeStatus();
      expect(wb.log.syncs - s0).toBe(1);
      expect(port.stats.writeSyncs).toBe(1);
      const pohonStatus = wb.log.status.PohonKinerja!;
      expect(pohonStatus.length).toBe(example.snapshot.tables.find((t) => t.name === 'PohonKinerja')!.rows.length);
      expect(pohonStatus.flat().some((s) => /^E\d/.test(String(s)))).toBe(true);
      expect(wb.log.status.Indikator).toBeDefined();

      // Our own write's change events do not start another validation; Excel delivers them
      // right after the sync, so they still count as ours on that turn.
      const reads = port.stats.reads;
      await wb.fire('Local');
      await vi.advanceTimersByTimeAsync(400);
      expect(port.stats.reads).toBe(reads);
      await wb.fire('Local');
      await vi.advanceTimersByTimeAsync(400);
      expect(port.stats.reads).toBe(reads + 1); // this event came after the write: a real edit
      const ownWrite = live.ownWrite(async () => { await wb.fire('Local'); });
      await ownWrite;
      await vi.advanceTimersByTimeAsync(400);
      expect(port.stats.reads).toBe(reads + 1);
      live.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('with ExcelApi 1.14 listens on the sheets and ignores ThisLocalAddin events', async () => {
    vi.useFakeTimers();
    try {
      const wb = mockWorkbook(example.snapshot);
      const port = portOn(wb, { api: '1.14' });
      const live = new LiveValidation(port, { debounceMs: 300 });
      live.start();
      await vi.waitFor(() => expect(Object.keys(wb.log.handlers).some((k) => k.startsWith('sheet:'))).toBe(true));
      const reads = port.stats.reads;
      await wb.fire('Local', 'ThisLocalAddin');
      await vi.advanceTimersByTimeAsync(400);
      expect(port.stats.reads).toBe(reads);
      await wb.fire('Remote', 'Unknown');
      await vi.advanceTimersByTimeAsync(400);
      expect(port.stats.reads).toBe(reads + 1);
      expect(live.last?.quiet).toBe(true);
      live.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a sync that hangs becomes "Excel sedang sibuk" after the watchdog timeout', async () => {
    const wb = mockWorkbook(example.snapshot);
    const port = portOn(wb, { syncTimeoutMs: 50 });
    await port.refreshTables();
    wb.hang(true);
    const err = await port.readSnapshot().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).code).toBe('busy');
    expect((err as PortError).messageId).toMatch(/Excel sedang sibuk/);
    wb.hang(false);
    await expect(port.readSnapshot()).resolves.toBeTruthy();
  });

  it('selects a cell and keeps the identity in workbook settings', async () => {
    const wb = mockWorkbook(example.snapshot);
    const port = portOn(wb);
    await port.selectCell('Pohon Kinerja', 'D20');
    expect(wb.log.writes).toContain('select:Pohon Kinerja!D20');
    expect(await port.getIdentity()).toBeNull();
    await port.setIdentity({ pemda: '32.04', periode: '2025-2029', opd: '1.02.0.00.0.00.01.0000', baseVersion: 3 });
    expect(wb.log.writes).toContain('setting:pokin.identity');
  });
});
