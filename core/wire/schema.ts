/**
 * Strict request-body schemas of the HTTP API (pure: runs in Lambda, the CLI and the pane).
 *
 * PUT …/tree body (JSON, optionally gzip-compressed on the wire):
 *   {
 *     "baseVersion": 0,            // integer ≥ 0: the version the planner started from; 0 = none yet
 *     "submissionId": "…",         // 8–64 chars [A-Za-z0-9_-], made by the client once per push (a UUID)
 *     "tree": {                    // core/snapshot.ts WorkbookSnapshot
 *       "tables": [{
 *         "sheet": "Pohon Kinerja", "name": "PohonKinerja", "address": "A1",
 *         "header": [cell…], "rows": [[cell…]…],
 *         "numberFormats": [[string|null…]…],   // optional
 *         "merges": ["A1:B2"…]                  // optional
 *       }…]
 *     }
 *   }
 *   cell = string (≤ 32,767 chars) | finite number | boolean | null
 *
 * Unknown keys anywhere (including `__proto__`), wrong types, oversize values and IDs that
 * are not short keys are refused: the server never stores what it cannot read back.
 */
import type { TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import { cellProblem, CONTROL_CHARS, ID_HEADER_KEYS, idHeaderKey, LIMITS } from './limits.js';

export interface WireProblem {
  /** JSON path of the offending value, e.g. `tree.tables[2].rows[14][0]`. */
  path: string;
  message: string;
  messageEn: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: WireProblem[] };

export interface PushBody {
  baseVersion: number;
  submissionId: string;
  tree: WorkbookSnapshot;
}

export type ReviewAction = 'terima' | 'kembalikan';

export interface ReviewBody {
  version: number;
  action: ReviewAction;
  note: string;
}

const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const A1_RANGE = /^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/;
const SHEET_FORBIDDEN = /[:\\/?*[\]]/;
const MAX_PROBLEMS = 20;

class Collector {
  problems: WireProblem[] = [];
  add(path: string, message: string, messageEn: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message, messageEn });
  }
  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own keys outside `allowed` are problems; `__proto__` arrives as an own key from JSON.parse. */
function checkKeys(c: Collector, path: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      c.add(`${path}.${k.slice(0, 40)}`, `Kolom "${k.slice(0, 40)}" tidak dikenal.`, `Unknown field "${k.slice(0, 40)}".`);
    }
  }
}

function checkText(c: Collector, path: string, v: unknown, max: number, what: string): v is string {
  if (typeof v !== 'string') {
    c.add(path, `${what} harus berupa teks.`, `${what} must be a string.`);
    return false;
  }
  if (v.length > max) {
    c.add(path, `${what} terlalu panjang (${v.length} > ${max} karakter).`, `${what} is too long (${v.length} > ${max} characters).`);
    return false;
  }
  if (CONTROL_CHARS.test(v)) {
    c.add(path, `${what} berisi karakter kontrol.`, `${what} contains control characters.`);
    return false;
  }
  return true;
}

function checkCell(c: Collector, path: string, v: unknown, isId: boolean): void {
  const p = cellProblem(v, isId);
  if (!p) return;
  switch (p.kind) {
    case 'number': c.add(path, 'Angka tidak valid.', 'Invalid number.'); return;
    case 'type': c.add(path, 'Isi sel harus teks, angka, boolean atau null.', 'A cell must be a string, number, boolean or null.'); return;
    case 'too-long': c.add(path, `Isi sel / Cell terlalu panjang (${p.length} > ${p.max} karakter).`, `Isi sel / Cell is too long (${p.length} > ${p.max} characters).`); return;
    case 'control': c.add(path, 'Isi sel / Cell berisi karakter kontrol.', 'Isi sel / Cell contains control characters.'); return;
    case 'id-too-long': c.add(path, `ID terlalu panjang (${p.length} > ${p.max} karakter).`, `ID is too long (${p.length} > ${p.max} characters).`); return;
    case 'id-control': c.add(path, 'ID berisi karakter kontrol.', 'ID contains control characters.'); return;
    case 'id-hash': c.add(path, 'ID tidak boleh memuat "#".', 'An ID must not contain "#".');
  }
}

function checkTable(c: Collector, path: string, v: unknown, budget: { cells: number }): TableSnapshot | null {
  if (!isPlainObject(v)) {
    c.add(path, 'Tabel harus berupa objek.', 'A table must be an object.');
    return null;
  }
  checkKeys(c, path, v, ['sheet', 'name', 'address', 'header', 'rows', 'numberFormats', 'merges']);
  if (checkText(c, `${path}.sheet`, v.sheet, LIMITS.maxSheetChars, 'Nama lembar / Sheet name') && SHEET_FORBIDDEN.test(v.sheet)) {
    c.add(`${path}.sheet`, 'Nama lembar memuat karakter terlarang.', 'The sheet name contains forbidden characters.');
  }
  if (v.name !== undefined) checkText(c, `${path}.name`, v.name, LIMITS.maxTableNameChars, 'Nama tabel / Table name');
  if (typeof v.address !== 'string' || !A1.test(v.address)) {
    c.add(`${path}.address`, 'Alamat harus berupa sel A1 (mis. "A1").', 'The address must be an A1 cell (e.g. "A1").');
  }
  const header = v.header;
  let idCols = new Set<number>();
  if (!Array.isArray(header) || header.length > LIMITS.maxColumns) {
    c.add(`${path}.header`, `Header harus berupa larik (≤ ${LIMITS.maxColumns} kolom).`, `The header must be an array (≤ ${LIMITS.maxColumns} columns).`);
  } else {
    header.forEach((h, i) => checkCell(c, `${path}.header[${i}]`, h, false));
    idCols = new Set(header.map((h, i) => (ID_HEADER_KEYS.has(idHeaderKey(h)) ? i : -1)).filter((i) => i >= 0));
  }
  const rows = v.rows;
  if (!Array.isArray(rows) || rows.length > LIMITS.maxRowsPerTable) {
    c.add(`${path}.rows`, `Baris harus berupa larik (≤ ${LIMITS.maxRowsPerTable}).`, `Rows must be an array (≤ ${LIMITS.maxRowsPerTable}).`);
  } else {
    for (let r = 0; r < rows.length && !c.full; r++) {
      const row = rows[r];
      if (!Array.isArray(row) || row.length > LIMITS.maxColumns) {
        c.add(`${path}.rows[${r}]`, 'Baris harus berupa larik sel.', 'A row must be an array of cells.');
        continue;
      }
      budget.cells += row.length;
      if (budget.cells > LIMITS.maxCells) {
        c.add(`${path}.rows[${r}]`, `Terlalu banyak sel (> ${LIMITS.maxCells}).`, `Too many cells (> ${LIMITS.maxCells}).`);
        break;
      }
      for (let i = 0; i < row.length; i++) checkCell(c, `${path}.rows[${r}][${i}]`, row[i], idCols.has(i));
    }
  }
  if (v.numberFormats !== undefined) {
    const nf = v.numberFormats;
    if (!Array.isArray(nf) || nf.length > LIMITS.maxRowsPerTable) {
      c.add(`${path}.numberFormats`, 'numberFormats harus berupa larik.', 'numberFormats must be an array.');
    } else {
      for (let r = 0; r < nf.length && !c.full; r++) {
        const row = nf[r];
        if (!Array.isArray(row) || row.length > LIMITS.maxColumns) {
          c.add(`${path}.numberFormats[${r}]`, 'Baris format harus berupa larik.', 'A format row must be an array.');
          continue;
        }
        row.forEach((f, i) => { if (f !== null) checkText(c, `${path}.numberFormats[${r}][${i}]`, f, 255, 'Format'); });
      }
    }
  }
  if (v.merges !== undefined) {
    const m = v.merges;
    if (!Array.isArray(m) || m.length > LIMITS.maxMerges) {
      c.add(`${path}.merges`, 'merges harus berupa larik.', 'merges must be an array.');
    } else {
      m.forEach((x, i) => {
        if (typeof x !== 'string' || !A1_RANGE.test(x)) c.add(`${path}.merges[${i}]`, 'Rentang gabungan tidak valid.', 'Invalid merged range.');
      });
    }
  }
  return v as unknown as TableSnapshot;
}

/** Checks a parsed value against the WorkbookSnapshot schema. */
export function parseSnapshot(v: unknown, path = 'tree', c = new Collector()): Parsed<WorkbookSnapshot> {
  if (!isPlainObject(v)) {
    c.add(path, 'Pohon harus berupa objek { tables }.', 'The tree must be an object { tables }.');
    return { ok: false, problems: c.problems };
  }
  checkKeys(c, path, v, ['tables']);
  const tables = v.tables;
  if (!Array.isArray(tables) || tables.length === 0 || tables.length > LIMITS.maxTables) {
    c.add(`${path}.tables`, `tables harus berupa larik 1–${LIMITS.maxTables} tabel.`, `tables must be an array of 1–${LIMITS.maxTables} tables.`);
  } else {
    const budget = { cells: 0 };
    tables.forEach((t, i) => { if (!c.full) checkTable(c, `${path}.tables[${i}]`, t, budget); });
  }
  return c.problems.length ? { ok: false, problems: c.problems } : { ok: true, value: v as unknown as WorkbookSnapshot };
}

function checkVersion(c: Collector, path: string, v: unknown, min: number): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    c.add(path, `${path} harus bilangan bulat ≥ ${min}.`, `${path} must be an integer ≥ ${min}.`);
  }
}

export function parsePushBody(v: unknown): Parsed<PushBody> {
  const c = new Collector();
  if (!isPlainObject(v)) {
    c.add('', 'Badan permintaan harus berupa objek JSON.', 'The request body must be a JSON object.');
    return { ok: false, problems: c.problems };
  }
  checkKeys(c, '', v, ['baseVersion', 'submissionId', 'tree']);
  checkVersion(c, 'baseVersion', v.baseVersion, 0);
  if (typeof v.submissionId !== 'string' || !SUBMISSION_ID.test(v.submissionId)) {
    c.add('submissionId', 'submissionId harus 8–64 karakter [A-Za-z0-9_-].', 'submissionId must be 8–64 characters [A-Za-z0-9_-].');
  }
  parseSnapshot(v.tree, 'tree', c);
  return c.problems.length ? { ok: false, problems: c.problems } : { ok: true, value: v as unknown as PushBody };
}

export function parseReviewBody(v: unknown): Parsed<ReviewBody> {
  const c = new Collector();
  if (!isPlainObject(v)) {
    c.add('', 'Badan permintaan harus berupa objek JSON.', 'The request body must be a JSON object.');
    return { ok: false, problems: c.problems };
  }
  checkKeys(c, '', v, ['version', 'action', 'note']);
  checkVersion(c, 'version', v.version, 1);
  if (v.action !== 'terima' && v.action !== 'kembalikan') {
    c.add('action', 'action harus "terima" atau "kembalikan".', 'action must be "terima" or "kembalikan".');
  }
  const note = v.note === undefined ? '' : v.note;
  if (checkText(c, 'note', note, LIMITS.maxNoteChars, 'Catatan / Note') && v.action === 'kembalikan' && note.trim() === '') {
    c.add('note', 'Catatan wajib diisi untuk mengembalikan.', 'A note is required to return a tree.');
  }
  if (c.problems.length) return { ok: false, problems: c.problems };
  return { ok: true, value: { version: v.version as number, action: v.action as ReviewAction, note: (note as string).trim() } };
}

/**
 * Depth of the JSON text's nesting, counted without parsing (strings skipped), so hostile
 * nesting is refused before JSON.parse recurses into it.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) { if (++depth > max) return true; }
    else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

/** JSON.parse behind the depth guard; null when the text is not JSON. */
export function parseJsonText(text: string): Parsed<unknown> {
  if (jsonDepthExceeds(text, LIMITS.maxJsonDepth)) {
    return { ok: false, problems: [{ path: '', message: `JSON bersarang terlalu dalam (> ${LIMITS.maxJsonDepth}).`, messageEn: `JSON nested too deeply (> ${LIMITS.maxJsonDepth}).` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : 'parse error';
    return { ok: false, problems: [{ path: '', message: `JSON tidak valid: ${why}`, messageEn: `Invalid JSON: ${why}` }] };
  }
}

