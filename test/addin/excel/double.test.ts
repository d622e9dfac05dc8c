/**
 * The Excel double itself: each documented behaviour the port's tests rely on, checked the
 * way an add-in would meet it (the comments in the double cite the doc page or issue).
 */
import { describe, expect, it } from 'vitest';
import { ALL_PROFILES, excelDouble, FIVE_MB_FOR_TESTS, type ExcelDouble } from './testkit.js';

type Ctx = { workbook: Excel.Workbook; sync(): Promise<void> };
const run = <T>(d: ExcelDouble, batch: (c: Ctx) => Promise<T>, options: object = {}) => d.excel.run(options, batch as (c: unknown) => Promise<unknown>) as Promise<T>;

const table = { tables: [{ sheet: 'Data', name: 'Data', address: 'A1', header: ['ID', 'Nama'], rows: [['A', 'x'], ['B', 'y']] }] };

describe('Excel double: request semantics', () => {
  it('needs load and sync before a property can be read', async () => {
    const d = excelDouble('microsoft-365', { snapshot: table });
    await run(d, async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load('values');
      expect(() => r.values).toThrow();
      await context.sync();
      expect(r.values).toEqual([['ID', 'Nama'], ['A', 'x'], ['B', 'y']]);
    });
  });

  it('runs a batch in order and keeps what ran before the failing command', async () => {
    const d = excelDouble('microsoft-365', { snapshot: table });
    const err = await run(d, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('C1').values = [['ok']];
      context.workbook.worksheets.getItem('Nope').getRange('A1').values = [['never']];
      await context.sync();
    }).catch((e: { code?: string }) => e);
    expect((err as { code: string }).code).toBe('ItemNotFound');
    expect(d.book.get(d.book.sheet('Data')!, 0, 2)).toBe('ok');
  });

  it('stores what looks like a number as a number unless the cell is text-formatted, and refuses a lone "="', async () => {
    const d = excelDouble('microsoft-365', { snapshot: table });
    await run(d, async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('D:D').numberFormat = '@' as unknown as string[][];
      ws.getRange('C5:D5').values = [['1.10', '1.10']];
      ws.getRange('E5').values = [["'=SUM(1)"]];
      await context.sync();
    });
    const s = d.book.sheet('Data')!;
    expect([d.book.get(s, 4, 2), d.book.get(s, 4, 3), d.book.get(s, 4, 4)]).toEqual([1.1, '1.10', '=SUM(1)']);
    await expect(run(d, async (context) => { context.workbook.worksheets.getItem('Data').getRange('F1').values = [['=']]; await context.sync(); }))
      .rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe.each(ALL_PROFILES)('Excel double on $label', (profile) => {
  it('limits requests and responses to 5 MB on the web only', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const big = Array.from({ length: 60_000 }, (_, i) => [`baris ${i} ${'x'.repeat(80)}`]);
    const write = run(d, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange(`D1:D${big.length}`).values = big;
      await context.sync();
    });
    if (profile.payloadLimit === null) {
      await write;
      return;
    }
    await expect(write).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(d.stats.log.at(-1)!.request).toBeGreaterThan(FIVE_MB_FOR_TESTS);
  });

  it('adds a conditional format at the top priority', async () => {
    const d = excelDouble(profile, { snapshot: table });
    await run(d, async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A2:A9');
      r.conditionalFormats.add('Custom').custom.rule.formula = '=1';
      r.conditionalFormats.add('Custom').custom.rule.formula = '=2';
      await context.sync();
    });
    expect(d.book.sheet('Data')!.cf.map((c) => c.formula)).toEqual(['=2', '=1']);
  });

  it('finds sheets and tables without case, and refuses a second name that differs only in case', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const name = await run(d, async (context) => {
      const ws = context.workbook.worksheets.getItem('data');
      ws.load('name');
      const t = context.workbook.tables.getItem('DATA');
      t.load('name');
      await context.sync();
      return `${ws.name}/${t.name}`;
    });
    expect(name).toBe('Data/Data');
    await expect(run(d, async (context) => { context.workbook.worksheets.add('DATA'); await context.sync(); })).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('holds a delayForCellEdit batch while a cell is edited, and fails one without it', async () => {
    const d = excelDouble(profile, { snapshot: table });
    d.user.beginCellEdit();
    await expect(run(d, async (context) => { context.workbook.worksheets.getItem('Data').getRange('C1').values = [['x']]; await context.sync(); }))
      .rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const held = run(d, async (context) => { context.workbook.worksheets.getItem('Data').getRange('C1').values = [['y']]; await context.sync(); done = true; }, { delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    d.user.endCellEdit();
    await held;
    expect(d.book.get(d.book.sheet('Data')!, 0, 2)).toBe('y');
  });

  it('has only the APIs of its build (ExcelApi 1.13 merged areas)', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const merged = run(d, async (context) => {
      const m = context.workbook.worksheets.getItem('Data').getRange('A1:B3').getMergedAreasOrNullObject();
      await context.sync();
      return m.isNullObject;
    });
    if (profile.excelApi >= 13) await expect(merged).resolves.toBe(true);
    else await expect(merged).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(d.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(d.requirements.isSetSupported('ExcelApi', '1.20')).toBe(profile.excelApi >= 20);
  });

  it('binds a handler to its table: lost when the table is deleted, kept through a rename', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const seen: string[] = [];
    await run(d, async (context) => {
      context.workbook.tables.getItem('Data').onChanged.add(async (e: unknown) => { seen.push((e as { address: string }).address); });
      await context.sync();
    });
    d.user.renameTable('Data', 'Data2');
    d.user.renameSheet('Data', 'Data Baru');
    d.user.edit('Data Baru', 'B2', 'z');
    await d.settle();
    expect(seen).toEqual(['B2']);
    d.user.deleteTable('Data2');
    await run(d, async (context) => { context.workbook.worksheets.getItem('Data Baru').tables.add('A1:B3', true).name = 'Data'; await context.sync(); });
    d.user.edit('Data Baru', 'B3', 'w');
    await d.settle();
    expect(seen).toEqual(['B2']);
  });

  it('removes a handler only through the context that registered it', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const h = await run(d, async (context) => {
      const r = context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
      return r;
    });
    await run(d, async (context) => { h.remove(); await context.sync(); });
    expect(d.activeHandlers()).toHaveLength(1);
    await d.excel.run(h.context, async (context: unknown) => { await (context as Ctx).sync(); });
    expect(d.activeHandlers()).toHaveLength(0);
  });

  it('fires no event for a dropdown pick or a row deletion where the build does not', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const seen: string[] = [];
    await run(d, async (context) => {
      context.workbook.worksheets.onChanged.add(async (e: unknown) => { seen.push((e as { changeType: string }).changeType); });
      await context.sync();
    });
    d.user.pick('Data', 'B2', 'y2');
    d.user.deleteRows('Data', 3);
    await d.settle();
    expect(seen).toEqual([...(profile.events.dropdownPick ? ['RangeEdited'] : []), ...(profile.events.rowDelete ? ['RowDeleted'] : [])]);
  });

  it('marks add-in writes with triggerSource from ExcelApi 1.14, and gives details only for one cell', async () => {
    const d = excelDouble(profile, { snapshot: table });
    const seen: { triggerSource?: string; details?: unknown }[] = [];
    await run(d, async (context) => {
      context.workbook.worksheets.onChanged.add(async (e: unknown) => { seen.push(e as { triggerSource?: string }); });
      await context.sync();
    });
    await run(d, async (context) => { context.workbook.worksheets.getItem('Data').getRange('B2').values = [['p']]; await context.sync(); });
    d.user.edit('Data', 'B3', 'q');
    d.user.edit('Data', 'A2', [['r', 's']]);
    await d.settle();
    expect(seen.map((e) => e.triggerSource)).toEqual(profile.excelApi >= 14 ? ['ThisLocalAddin', 'Unknown', 'Unknown'] : [undefined, undefined, undefined]);
    expect(seen.map((e) => e.details !== undefined)).toEqual([false, true, false]);
  });

  it('loses the conditional formats of pasted cells, keeps them on Paste Values', async () => {
    const d = excelDouble(profile, { snapshot: table });
    await run(d, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A2:A100').conditionalFormats.add('Custom').custom.rule.formula = '=TRUE';
      await context.sync();
    });
    d.user.pasteValues('Data', 'A2', [['v']]);
    expect(d.user.hasConditionalFormat('Data', 'A2')).toBe(true);
    d.user.paste('Data', 'A3', [['p'], ['q']]);
    expect(d.user.hasConditionalFormat('Data', 'A3:A4')).toBe(false);
    expect(d.user.hasConditionalFormat('Data', 'A5')).toBe(true);
  });

  it('keeps one undo record per Excel.run only with mergeUndoGroup on ExcelApi 1.20', async () => {
    const d = excelDouble(profile, { snapshot: table });
    await run(d, async (context) => {
      for (let i = 1; i <= 3; i++) {
        context.workbook.worksheets.getItem('Data').getRange(`C${i}`).values = [[i]];
        await context.sync();
      }
    }, { mergeUndoGroup: true });
    expect(d.stats.undoRecords).toBe(profile.excelApi >= 20 ? 1 : 3);
  });
});
