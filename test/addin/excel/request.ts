/**
 * The request/response machinery of the Excel double, as the Office.js documentation
 * describes it (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * - proxy objects queue commands; nothing reaches the workbook before `context.sync()`;
 * - a property is readable only after `load` + `sync` (else `PropertyNotLoaded`);
 * - `*OrNullObject` objects know `isNullObject` after the sync;
 * - a batch is not a transaction: commands run in order and the first failure stops the rest,
 *   earlier ones stay applied;
 * - Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded). "The payload size of a request combines the number of API
 *   calls, the number of objects, such as Range objects, and the length of the value to set or
 *   get" (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices):
 *   here every object path costs 90 bytes plus its arguments, every command 60 plus its
 *   arguments, every loaded object 40 plus its JSON;
 * - `delayForCellEdit`: "if the user is in cell edit mode the batch request is delayed until the
 *   user exits cell edit mode"; without it "the batch automatically fails"
 *   (https://learn.microsoft.com/javascript/api/excel/excel.runoptions), error
 *   InvalidOperationInCellEditMode;
 * - `mergeUndoGroup` (ExcelApi 1.20): "When false, each context.sync() call creates an undo
 *   record. When true, all context.sync() calls in a single Excel.run are merged into one undo group."
 */
import { ExcelError, type Book, type Rect, type Sheet, type Table } from './book.js';
import type { ExcelProfile } from './profiles.js';

export const PATH_BYTES = 90;
export const COMMAND_BYTES = 60;
export const LOAD_BYTES = 40;
const ENVELOPE = 200;

export interface SyncRecord {
  request: number;
  response: number;
  commands: number;
  /** Pokin wrote something in this sync. */
  writes: boolean;
  run: number;
}

export interface Stats {
  syncs: number;
  runs: number;
  requestBytes: number;
  responseBytes: number;
  log: SyncRecord[];
  /** Undo records the user would find on the stack after Pokin's writes. */
  undoRecords: number;
}

/** A change the workbook went through in one sync or one user action (for events). */
export type Change =
  | { kind: 'cells'; sheet: Sheet; rect: Rect; changeType?: string; details?: unknown }
  | { kind: 'tableAdded'; table: Table }
  | { kind: 'tableDeleted'; table: Table }
  | { kind: 'sheetAdded'; sheet: Sheet }
  | { kind: 'sheetDeleted'; sheet: Sheet };

export interface Session {
  book: Book;
  profile: ExcelProfile;
  stats: Stats;
  editing: boolean;
  editWaiters: (() => void)[];
  emit(changes: Change[], source: 'Local' | 'Remote', byAddin: boolean): void;
  handlers: Registration[];
  /** Milliseconds each sync takes (a slow host). */
  delay: number;
  /** Test switch: Excel refuses event registrations (a policy, an old build's bug). */
  refuseEvents: boolean;
}

export interface Registration {
  ctx: Ctx;
  target: { kind: 'workbook' } | { kind: 'sheet'; id: string } | { kind: 'table'; id: string };
  event: string;
  fn: (args: unknown) => Promise<unknown>;
  active: boolean;
}

export interface Command {
  bytes: number;
  run(): void;
  /** Filled by a load: bytes of the answer. */
  answer?: () => number;
  writes?: boolean;
}

let ctxSeq = 0;

export class Ctx {
  readonly id = ++ctxSeq;
  queue: Command[] = [];
  sent = new Set<object>();
  open = false;
  runNo = 0;
  writesInRun = 0;
  options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean } = {};
  changes: Change[] = [];
  /** Lazily filled by the double: `context.workbook`. */
  workbook!: unknown;
  readonly runtime = { enableEvents: true };
  constructor(readonly session: Session) {}

  enqueue(c: Command): void {
    this.queue.push(c);
  }

  /** Bytes of an object path not yet sent in this batch (and of its parents). */
  pathCost(o: { parent?: object | null; argBytes: number }): number {
    let bytes = 0;
    for (let x: { parent?: object | null; argBytes: number } | null | undefined = o; x; x = x.parent as typeof o | null) {
      if (this.sent.has(x)) break;
      this.sent.add(x);
      bytes += PATH_BYTES + x.argBytes;
    }
    return bytes;
  }

  async sync(): Promise<void> {
    const s = this.session;
    if (s.delay) await new Promise((r) => setTimeout(r, s.delay));
    // Batches wait (or fail) while the user edits a cell.
    if (s.editing) {
      if (!this.options.delayForCellEdit) {
        this.queue = [];
        throw new ExcelError('InvalidOperationInCellEditMode', 'The operation isn\'t available while Excel is in Edit cell mode.');
      }
      await new Promise<void>((ok) => s.editWaiters.push(ok));
    }
    const batch = this.queue.splice(0);
    this.sent.clear();
    const request = ENVELOPE + batch.reduce((n, c) => n + c.bytes, 0);
    const limit = s.profile.payloadLimit;
    s.stats.syncs++;
    const record: SyncRecord = { request, response: ENVELOPE, commands: batch.length, writes: false, run: this.runNo };
    s.stats.log.push(record);
    s.stats.requestBytes += request;
    // Let a test see the request before it runs (a tiny await, as a real round trip has).
    await Promise.resolve();
    if (limit !== null && request > limit) {
      throw new ExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} > ${limit} bytes).`);
    }
    this.changes = [];
    let failure: unknown = null;
    let response = ENVELOPE;
    const answered: Command[] = [];
    for (const c of batch) {
      try {
        c.run();
        if (c.writes) record.writes = true;
        if (c.answer) { response += c.answer(); answered.push(c); }
      } catch (e) {
        failure = e;
        break;
      }
    }
    record.response = response;
    s.stats.responseBytes += response;
    const changes = this.changes;
    this.changes = [];
    if (record.writes) {
      this.writesInRun++;
      const grouped = this.options.mergeUndoGroup && s.profile.excelApi >= 20;
      if (!grouped || this.writesInRun === 1) s.stats.undoRecords++;
    }
    // Excel delivers the events of a sync after the sync answers.
    if (changes.length) s.emit(changes, 'Local', true);
    if (failure) throw failure;
    if (limit !== null && response > limit) {
      throw new ExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} > ${limit} bytes).`);
    }
  }

  /** Office.js: `context.trackedObjects` is not used by Pokin; present for shape only. */
  readonly trackedObjects = { add() {}, remove() {} };
}

export function json(v: unknown): number {
  return v === undefined ? 0 : JSON.stringify(v).length;
}

export function propertyNotLoaded(name: string): ExcelError {
  return new ExcelError('PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

/** Throws ApiNotFound when the profile's build does not implement `minor` of ExcelApi 1.x. */
export function requireApi(session: Session, minor: number, what: string): void {
  if (session.profile.excelApi < minor) {
    throw new ExcelError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi 1.${minor}; this build has 1.${session.profile.excelApi}).`);
  }
}

/** Parses `load('a,b')`, `load(['a','b'])`, `load({ select: 'a,b' })`. */
export function loadList(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === 'string') return arg.split(',').map((x) => x.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((x) => loadList(x));
  const o = arg as { select?: unknown };
  return o.select ? loadList(o.select) : [];
}
