/**
 * F04 (E, Live): what the server would refuse, reported at its cell before a push. The limits
 * and cell checks are the server's own (core/wire/limits.ts: LIMITS and `cellProblem`, which
 * core/wire/schema.ts enforces), so a workbook that validates clean is never answered
 * INVALID_BODY for its size or characters.
 *
 * Why a rule of its own in the Parse family: the row reads fine into the model (F01 is "a row
 * cannot be read"), but the workbook cannot travel as it is; like F01–F03 it is about the
 * workbook's shape, not the SAKIP content, and like them it blocks a push.
 */
import { a1, parseA1 } from '../a1.js';
import { issue, type Issue } from '../issues.js';
import type { TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import { cellProblem, ID_HEADER_KEYS, idHeaderKey, LIMITS, type CellProblem } from '../wire/limits.js';

/** Issues past this many per workbook would only repeat themselves (the server stops at 20). */
const MAX_REPORTED = 1_000;

const num = (n: number) => n.toLocaleString('id-ID');
const numEn = (n: number) => n.toLocaleString('en-US');
const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function cellMessage(p: CellProblem): { id: string; en: string } {
  switch (p.kind) {
    case 'too-long':
      return {
        id: `Isi sel ${num(p.length)} karakter melebihi batas ${num(p.max)} karakter (batas Excel dan server); pendekkan atau pindahkan sebagian ke Catatan.`,
        en: `The cell holds ${numEn(p.length)} characters, above the limit of ${numEn(p.max)} (Excel's and the server's); shorten it.`,
      };
    case 'control':
      return {
        id: `Sel berisi karakter kontrol ${codePoint(p.char)} yang tidak terlihat dan ditolak server; hapus karakter itu (sering terbawa dari salinan PDF).`,
        en: `The cell holds the invisible control character ${codePoint(p.char)}, which the server refuses; delete it (often copied from a PDF).`,
      };
    case 'id-too-long':
      return {
        id: `ID ${num(p.length)} karakter melebihi batas ${num(p.max)} karakter; ID adalah kunci pendek, bukan teks bebas.`,
        en: `The ID has ${numEn(p.length)} characters, above the limit of ${numEn(p.max)}; an ID is a short key, not free text.`,
      };
    case 'id-control':
      return {
        id: `ID berisi karakter kontrol ${codePoint(p.char)} (mis. ganti baris) yang ditolak server; hapus karakter itu.`,
        en: `The ID holds the control character ${codePoint(p.char)} (e.g. a line break), which the server refuses; delete it.`,
      };
    case 'id-hash':
      return { id: 'ID tidak boleh memuat "#" (ditolak server).', en: 'An ID must not contain "#" (the server refuses it).' };
    case 'number':
      return { id: 'Angka tidak valid (tak hingga).', en: 'Invalid number (infinite).' };
    case 'type':
      return { id: 'Isi sel tidak dikenal.', en: 'Unknown cell content.' };
  }
}

/** Reports every server limit the snapshot breaks, at its cell (at most MAX_REPORTED issues). */
export function reportWireLimits(snapshot: WorkbookSnapshot, issues: Issue[]): void {
  const out: Issue[] = [];
  const add = (t: TableSnapshot, cell: string, msg: { id: string; en: string }) => {
    if (out.length < MAX_REPORTED) out.push(issue('F04', 'E', { sheet: t.sheet, cell }, msg));
  };
  let cells = 0;
  let upper = 0;
  for (const t of snapshot.tables) {
    let origin: { col: number; row: number };
    try { origin = parseA1(t.address); } catch { continue; }
    const at = (col: number, row: number) => a1(origin.col + col, origin.row + row);
    if (t.header.length > LIMITS.maxColumns) {
      add(t, at(LIMITS.maxColumns, 0), {
        id: `Tabel ${t.name ?? t.sheet} punya ${num(t.header.length)} kolom; server menerima paling banyak ${num(LIMITS.maxColumns)}. Hapus kolom berlebih.`,
        en: `Table ${t.name ?? t.sheet} has ${numEn(t.header.length)} columns; the server accepts at most ${numEn(LIMITS.maxColumns)}. Delete the extra columns.`,
      });
    }
    if (t.rows.length > LIMITS.maxRowsPerTable) {
      add(t, at(0, LIMITS.maxRowsPerTable + 1), {
        id: `Tabel ${t.name ?? t.sheet} punya ${num(t.rows.length)} baris; server menerima paling banyak ${num(LIMITS.maxRowsPerTable)}.`,
        en: `Table ${t.name ?? t.sheet} has ${numEn(t.rows.length)} rows; the server accepts at most ${numEn(LIMITS.maxRowsPerTable)}.`,
      });
    }
    if ((t.merges?.length ?? 0) > LIMITS.maxMerges) {
      add(t, at(0, 0), {
        id: `Tabel ${t.name ?? t.sheet} memuat ${num(t.merges?.length ?? 0)} sel gabungan; server menerima paling banyak ${num(LIMITS.maxMerges)}.`,
        en: `Table ${t.name ?? t.sheet} holds ${numEn(t.merges?.length ?? 0)} merged areas; the server accepts at most ${numEn(LIMITS.maxMerges)}.`,
      });
    }
    if (t.sheet.length > LIMITS.maxSheetChars) {
      add(t, at(0, 0), { id: `Nama lembar lebih dari ${LIMITS.maxSheetChars} karakter.`, en: `The sheet name is longer than ${LIMITS.maxSheetChars} characters.` });
    }
    const idCols = new Set<number>();
    t.header.forEach((h, i) => { if (ID_HEADER_KEYS.has(idHeaderKey(h))) idCols.add(i); });
    t.header.forEach((h, i) => {
      const p = cellProblem(h, false);
      if (p) add(t, at(i, 0), cellMessage(p));
    });
    for (let r = 0; r < t.rows.length; r++) {
      const row = t.rows[r];
      cells += row.length;
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        // Strings: at most 3 UTF-8 bytes per UTF-16 unit, doubled for escapes, plus quotes.
        upper += typeof v === 'string' ? 6 * v.length + 3 : 25;
        if (v === null) continue;
        const p = cellProblem(v, idCols.has(i));
        if (p) add(t, at(i, r + 1), cellMessage(p));
      }
    }
  }
  const first = snapshot.tables[0];
  if (first && cells > LIMITS.maxCells) {
    add(first, first.address, {
      id: `Buku kerja memuat ${num(cells)} sel tabel; server menerima paling banyak ${num(LIMITS.maxCells)}.`,
      en: `The workbook's tables hold ${numEn(cells)} cells; the server accepts at most ${numEn(LIMITS.maxCells)}.`,
    });
  }
  // The pushed JSON: measured exactly only when a cheap upper bound says it might be too large.
  if (first && upper > LIMITS.maxJsonBytes) {
    const bytes = new TextEncoder().encode(JSON.stringify(snapshot)).length;
    if (bytes > LIMITS.maxJsonBytes) {
      const mb = (n: number, l: string) => (n / 1024 / 1024).toLocaleString(l, { maximumFractionDigits: 1 });
      add(first, first.address, {
        id: `Isi buku kerja ${mb(bytes, 'id-ID')} MB sebagai JSON; server menerima paling banyak ${mb(LIMITS.maxJsonBytes, 'id-ID')} MB. Kurangi teks panjang.`,
        en: `The workbook is ${mb(bytes, 'en-US')} MB as JSON; the server accepts at most ${mb(LIMITS.maxJsonBytes, 'en-US')} MB. Shorten long texts.`,
      });
    }
  }
  for (const i of out) issues.push(i);
}
