/**
 * An Excel workbook for the Office.js port, built on office-addin-mock: every range is an
 * OfficeMockObject (load → sync → value semantics), `context.sync` is counted, and every
 * write-path call (Status targets, new sheets, formats) is logged.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetter } from '../../core/a1.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot.js';

export interface MockLog {
  syncs: number;
  /** Write-path calls, e.g. `status:PohonKinerja`. */
  writes: string[];
  /** Values written to Status columns, by table. */
  status: Record<string, unknown[][]>;
  runOptions: unknown[];
  /** Handlers registered per event source. */
  handlers: Record<string, ((e: unknown) => Promise<void>)[]>;
  /** Every call and property set on sheets the port adds, in order, with the syncs done before it. */
  sheetOps: SheetOp[];
}

export interface SheetOp {
  sheet: string;
  /** The range or object, e.g. `A1:C3`, `rows 0+40`, `table A1:C41`. */
  target: string;
  /** Property path set (`values`, `numberFormat`, `format.font.bold`) or call (`merge()`). */
  op: string;
  value: unknown;
  /** log.syncs when the op was queued: ops with the same number travel in one request. */
  sync: number;
}

type Data = Record<string, unknown>;

function rangeData(sheet: string, top: number, values: CellValue[][], formats?: (string | null)[][]): Data {
  const cols = Math.max(1, ...values.map((r) => r.length));
  const last = columnLetter(cols - 1) + (top + values.length - 1);
  return {
    values: values.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? '')),
    numberFormat: values.map((r, ri) => Array.from({ length: cols }, (_, i) => formats?.[ri]?.[i] ?? 'General')),
    address: `'${sheet}'!A${top}:${last}`,
    rowCount: values.length,
    columnCount: cols,
    isNullObject: false,
  };
}

export interface MockWorkbook {
  excel: { run: (o: unknown, cb: (ctx: unknown) => Promise<unknown>) => Promise<unknown> };
  log: MockLog;
  /** Replace a table's rows (what the planner typed); fires nothing by itself. */
  setRows(table: string, rows: CellValue[][]): void;
  /** Fire a change event on every registered handler of a source. */
  fire(source: 'Local' | 'Remote', triggerSource?: string): Promise<void>;
  /** Make every sync hang (watchdog tests). */
  hang(on: boolean): void;
}

export function mockWorkbook(snapshot: WorkbookSnapshot): MockWorkbook {
  const log: MockLog = { syncs: 0, writes: [], status: {}, runOptions: [], handlers: {}, sheetOps: [] };
  let hanging = false;
  const sheetNames = new Set(snapshot.tables.map((t) => t.sheet));
  /** Any property chain or call on a range of an added sheet is logged, never checked. */
  const recorder = (sheet: string, target: string, path = ''): unknown => new Proxy(() => undefined, {
    get(_t, p) { return p === 'then' ? undefined : recorder(sheet, target, path ? `${path}.${String(p)}` : String(p)); },
    set(_t, p, value) { log.sheetOps.push({ sheet, target, op: path ? `${path}.${String(p)}` : String(p), value, sync: log.syncs }); return true; },
    apply(_t, _self, args) { log.sheetOps.push({ sheet, target, op: `${path}()`, value: args, sync: log.syncs }); return recorder(sheet, `${target} ${path}()`); },
  });
  const addedSheet = (name: string) => ({
    name,
    getRange: (a: string) => recorder(name, a),
    getRangeByIndexes: (r: number, c: number, n: number, w: number) => recorder(name, `rows ${r}+${n} cols ${c}+${w}`),
    tables: { add(address: string) { log.sheetOps.push({ sheet: name, target: `table ${address}`, op: 'tables.add()', value: address, sync: log.syncs }); return recorder(name, `table ${address}`); } },
    freezePanes: recorder(name, 'freezePanes'),
    pageLayout: recorder(name, 'pageLayout'),
    activate() { log.writes.push(`activate:${name}`); },
    delete() { sheetNames.delete(name); log.writes.push(`deleteSheet:${name}`); },
  });
  const tables = new Map<string, TableSnapshot>(snapshot.tables.map((t) => [t.name ?? t.sheet, structuredClone(t)]));
  const handler = (key: string) => ({
    add(fn: (e: unknown) => Promise<void>) {
      (log.handlers[key] ??= []).push(fn);
      return { remove() { log.handlers[key] = (log.handlers[key] ?? []).filter((f) => f !== fn); } };
    },
  });
  const blocks: OfficeMockObject[] = [];
  const build = () => {
    const tableData: Data = {};
    for (const [name, t] of tables) {
      const all = [t.header, ...t.rows];
      tableData[name] = {
        name,
        range: rangeData(t.sheet, 1, all, [t.header.map(() => null), ...(t.numberFormats ?? t.rows.map(() => []))]),
        header: rangeData(t.sheet, 1, [t.header]),
        worksheet: { name: t.sheet },
        getRange() { return (this as Data).range; },
        getHeaderRowRange() { return (this as Data).header; },
        onChanged: handler(`table:${name}`),
        columns: {
          getItemAt(i: number) {
            return { getDataBodyRange: () => ({ getCell: () => ({ getResizedRange: () => {
              log.writes.push(`status:${name}:${i}`);
              const target: Data = {};
              return new Proxy(target, { set(_o, p, v) { if (p === 'values') log.status[name] = v as unknown[][]; return true; } });
            } }) }) };
          },
          add() { log.writes.push(`addColumn:${name}`); return { getDataBodyRange: () => ({ getCell: () => ({ getResizedRange: () => ({}) }) }) }; },
        },
      };
    }
    const data: Data = {
      context: {
        workbook: {
          tables: {
            ...tableData,
            load() { return this; },
            getItem(name: string) { return (this as Data)[name]; },
            onAdded: handler('tables:added'),
            onDeleted: handler('tables:deleted'),
          },
          worksheets: {
            getItem(name: string) {
              return {
                name,
                activate() { log.writes.push(`activate:${name}`); },
                getRange(a: string) { return { select() { log.writes.push(`select:${name}!${a}`); } }; },
                onChanged: handler(`sheet:${name}`),
                getRangeByIndexes(r: number, c: number, n: number, w: number) {
                  const t = [...tables.values()].find((x) => x.sheet === name)!;
                  const rows = t.rows.slice(r - 1, r - 1 + n).map((row) => row.slice(c, c + w));
                  const block = new OfficeMockObject(rangeData(name, r + 1, rows));
                  blocks.push(block);
                  return block;
                },
              };
            },
            add(name: string) { log.writes.push(`addSheet:${name}`); sheetNames.add(name); return addedSheet(name); },
            getItemOrNullObject(name: string) {
              const exists = sheetNames.has(name);
              return { ...addedSheet(name), isNullObject: !exists, load() { return this; } };
            },
          },
          settings: {
            item: { value: '', isNullObject: true },
            getItemOrNullObject() { return (this as Data).item; },
            add(k: string) { log.writes.push(`setting:${k}`); },
          },
        },
      },
    };
    const mock = new OfficeMockObject(data) as unknown as { context: Data & { workbook: { tables: Data } } };
    const tablesMock = mock.context.workbook.tables as Data;
    tablesMock.items = [...tables.keys()].map((name) => {
      const t = tablesMock[name] as Data;
      t.name = name;
      return t;
    });
    const ctx = mock.context as unknown as { sync(): Promise<void> };
    const original = OfficeMockObject.prototype.sync;
    ctx.sync = async function (this: unknown) {
      log.syncs++;
      if (hanging) return new Promise<void>(() => undefined);
      await original.call(this);
      // Ranges made by getRangeByIndexes live outside the mock's tree: sync them too.
      for (const b of blocks.splice(0)) await original.call(b);
      // Let the mock's nested property updates settle.
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    return mock;
  };
  return {
    log,
    excel: {
      async run(o, cb) {
        log.runOptions.push(o);
        const mock = build();
        return cb(mock.context);
      },
    },
    setRows(table, rows) {
      const t = tables.get(table);
      if (t) { t.rows = rows; delete t.numberFormats; }
    },
    async fire(source, triggerSource) {
      for (const [key, fns] of Object.entries(log.handlers)) {
        if (!key.startsWith('table:') && !key.startsWith('sheet:')) continue;
        for (const fn of fns) await fn({ source, triggerSource, details: undefined });
      }
    },
    hang(on) { hanging = on; },
  };
}
