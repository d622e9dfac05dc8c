/**
 * Rows of a wide Renstra matrix, a Matriks Cascading or a level table into an adopted tree
 * (SAKIP.md §4.5). A cell is "fresh" when typed in its row; a blank cell, or one covered by a
 * merge, means "same as above" in the hierarchy columns (never in the number columns). A row
 * belongs to the deepest box it names; its satuan, baseline, targets and pagu go to that
 * box and its indicator. Urusan and bidang rows are context; rows that fit nowhere are
 * reported with their reason (F01).
 */
import type { LevelConfig, NomenklaturType } from '../config.js';
import type { Bilingual } from '../issues.js';
import { headerKey } from '../layout/tables.js';
import { isBlank } from '../snapshot.js';
import { levelOfCode, PARENT_TYPE, prefixOf, suggestUrusan } from './codes.js';
import type { ColumnModel, Group } from './columns.js';
import type { Grid } from './grid.js';
import { isColumnNumberRow, text, type HeaderBlock } from './header.js';
import { IdMaker, newBox, newIndicator, sameText, type AdoptedBox, type AdoptedIndicator, type AdoptedTree } from './tree.js';
import type { RowFate } from './types.js';
import { codePartAt, joinCode, statementAt, type Sink } from './values.js';
import { fillValues } from './rowvalues.js';

export interface MatrixInput {
  grid: Grid;
  header: HeaderBlock;
  model: ColumnModel;
  /** The workbook tree's levels in order (SAKIP.md §2.3). */
  levels: LevelConfig[];
  /** Level table: index in `levels` of `Level 1`. */
  levelStart: number;
  years: number[];
  splitIndicatorLines: boolean;
}

export interface MatrixOutput {
  tree: AdoptedTree;
  fates: RowFate[];
  sourceRows: number;
}

const TOTAL = /^\s*(jumlah|total|sub\s*total|grand\s*total)\b/i;
const FOOTNOTE = /^\s*(sumber|keterangan|ket\s*[:.]|catatan|note|nb\b|\*|\(\*|nip\b|dicetak|disusun)/i;

interface Own { box: AdoptedBox; indicator?: AdoptedIndicator }

export function adoptRows(input: MatrixInput, sink: Sink): MatrixOutput {
  const { grid: g, header, model, years } = input;
  const ids = new IdMaker();
  const boxes: AdoptedBox[] = [];
  const fates: RowFate[] = [];
  const groups = model.groups;
  const cur: (AdoptedBox | undefined)[] = groups.map(() => undefined);
  const byType: Partial<Record<NomenklaturType, AdoptedBox>> = {};
  const lastParts = new Map<Group, string[]>();
  const context: string[] = [];
  const nonCoded = input.levels.filter((l) => !l.nomenklatur);
  const levelOf = (grp: Group): LevelConfig | undefined => {
    if (grp.kind === 'tujuan') return nonCoded.length >= 2 ? nonCoded[nonCoded.length - 2] : undefined;
    if (grp.kind === 'sasaran') return nonCoded[nonCoded.length - 1];
    if (grp.kind === 'level') return input.levels[input.levelStart + (grp.k ?? 1) - 1];
    return undefined;
  };
  const typed = (t: NomenklaturType) => input.levels.find((l) => l.nomenklatur === t);
  const hierarchyCols = new Set<number>();
  for (const grp of groups) for (const c of [grp.statementCol, grp.nameCol, ...grp.codeCols]) if (c !== undefined) hierarchyCols.add(c);
  let sourceRows = 0;
  /** Totals, repeated headers, footnotes: rows a merge above must not reach. */
  const nonData = new Set<number>();

  const deepestAbove = (gi: number, codedToo: boolean): AdoptedBox | undefined => {
    for (let j = gi - 1; j >= 0; j--) if (cur[j] && (codedToo || groups[j].kind !== 'coded')) return cur[j];
    return undefined;
  };
  const reset = (gi: number) => {
    for (let j = gi + 1; j < groups.length; j++) cur[j] = undefined;
  };

  rows: for (let row = header.dataStart; row <= g.lastRow; row++) {
    if (g.rowBlank(row)) continue;
    sourceRows++;
    const skip = skipReason(g, header, row, hierarchyCols);
    if (skip) nonData.add(row);
    if (skip) { sink.unplace(row, skip.cell, skip.msg); fates.push({ row, kind: 'unplaced', cell: skip.cell, reason: skip.msg.id }); continue; }
    let own: Own | undefined;
    let context0: string | undefined;
    const fail = (cell: string, msg: Bilingual) => { sink.unplace(row, cell, msg); fates.push({ row, kind: 'unplaced', cell, reason: msg.id }); };

    for (let gi = 0; gi < groups.length; gi++) {
      const grp = groups[gi];
      if (grp.kind !== 'coded') {
        const sc = grp.statementCol;
        if (sc !== undefined && g.fresh(row, sc)) {
          const level = levelOf(grp);
          if (!level) { fail(g.cell(row, sc), { id: `kolom ${text(header.labels.get(sc)?.join(' ') ?? '')} tidak sesuai dengan level yang dikonfigurasi.`, en: 'the column matches no configured level.' }); continue rows; }
          const stmt = statementAt(g, sink, row, sc, 'Pernyataan Kinerja');
          const parent = deepestAbove(gi, false);
          const same = cur[gi] && sameText(cur[gi]!.pernyataan, stmt) && cur[gi]!.parent === parent;
          if (!same) {
            const b = newBox(ids, level, years.length, row, parent);
            b.pernyataan = stmt;
            boxes.push(b);
            cur[gi] = b;
            reset(gi);
            for (const k of Object.keys(byType) as NomenklaturType[]) delete byType[k];
          }
          own = { box: cur[gi]! };
        }
      } else {
        const fresh = grp.codeCols.some((c) => g.fresh(row, c)) || [grp.nameCol, grp.statementCol].some((c) => c !== undefined && g.fresh(row, c));
        if (fresh) {
          const r = codedBox(grp, row);
          if (r === 'failed') continue rows;
          if (r === 'context') continue;
          cur[gi] = r;
          reset(gi);
          own = { box: r };
        }
      }
      const ic = grp.indicatorCol;
      if (ic !== undefined && g.fresh(row, ic)) {
        const box = cur[gi];
        if (!box) { fail(g.cell(row, ic), { id: 'indikator tanpa kotak (pernyataan atau kode) di atasnya.', en: 'an indicator with no box (statement or code) above it.' }); continue rows; }
        const raw = g.raw(row, ic);
        const names = input.splitIndicatorLines && typeof raw === 'string' ? raw.split(/\r?\n/).filter((s) => s.trim() !== '') : [raw];
        for (const n of names) {
          const nama = statementAt(g, sink, row, ic, 'Indikator', n);
          if (nama === '') continue;
          let ind = box.indicators.find((x) => sameText(x.nama, nama) && !x.filled);
          if (!ind) { ind = newIndicator(nama, years.length, row); box.indicators.push(ind); }
          own = { box, indicator: ind };
        }
      }
    }

    if (!own) {
      if (context0 !== undefined) { fates.push({ row, kind: 'context', what: context0 }); continue; }
      fail(firstFresh(g, row), {
        id: 'baris ini tidak berisi pernyataan, kode, maupun indikator.', en: 'the row holds no statement, code or indicator.',
      });
      continue;
    }
    fillValues(g, sink, model, years, row, own.box, own.indicator);
    fates.push(own.indicator
      ? { row, kind: 'indicator', id: own.box.id, indicator: own.indicator.nama }
      : { row, kind: 'box', id: own.box.id });

    // Closure over the row: a coded group's box, context, or failure.
    function codedBox(grp: Group, r: number): AdoptedBox | 'context' | 'failed' {
      const parts: string[] = [];
      const prev = lastParts.get(grp) ?? [];
      const firstFreshPart = grp.codeCols.findIndex((c) => g.fresh(r, c));
      for (let i = 0; i < grp.codeCols.length; i++) {
        const c = grp.codeCols[i];
        const twoDigit = grp.codeCols.length >= 3 && (i === 1 || i === 2);
        const p = codePartAt(g, sink, r, c, twoDigit);
        if (p === null) {
          const v = text(g.raw(r, c));
          fail(g.cell(r, c), { id: `kode "${v}" berisi teks lain selain kode.`, en: `code "${v}" holds text other than a code.` });
          sink.note('N01', 'E', g.cell(r, c), { id: `Kode "${v}" tidak berbentuk kode nomenklatur; perbaiki lalu impor ulang.`, en: `Code "${v}" is not a nomenclature code; fix it and import again.` });
          return 'failed';
        }
        // Blank leading parts (merged, or given only on the parent row) come from the row above.
        parts.push(p === '' && firstFreshPart > i ? (prev[i] ?? '') : p);
      }
      const codeCell = g.cell(r, grp.codeCols[Math.max(0, firstFreshPart)] ?? grp.nameCol ?? 0);
      const kode = grp.codeCols.length ? joinCode(parts, g, sink, r, grp.codeCols[0]) : '';
      if (grp.codeCols.length) lastParts.set(grp, parts);
      const shape = kode === '' ? null : levelOfCode(kode);
      if (kode !== '' && !shape) {
        const hint = suggestUrusan(kode, [byType.sub_kegiatan?.kode ?? '', byType.kegiatan?.kode ?? '', byType.program?.kode ?? '', ...context]);
        const sug = hint ? ` Mungkin maksudnya ${hint}?` : '';
        fail(codeCell, { id: `kode "${kode}" tidak dikenali bentuknya (digit urusan hilang atau segmen salah).${sug}`, en: `code "${kode}" has no known shape (missing urusan digit or a wrong segment).${hint ? ` Did you mean ${hint}?` : ''}` });
        sink.note('N01', 'E', codeCell, { id: `Kode "${kode}" tidak lengkap; tidak dilengkapi otomatis.${sug}`, en: `Code "${kode}" is incomplete; it is not completed automatically.${hint ? ` Did you mean ${hint}?` : ''}` });
        return 'failed';
      }
      const nameV = grp.nameCol !== undefined ? g.raw(r, grp.nameCol) : null;
      if (shape === 'urusan' || shape === 'bidang') {
        context[shape === 'urusan' ? 0 : 1] = kode;
        context0 = `${shape} ${kode}${isBlank(nameV) ? '' : ' ' + text(nameV)}`;
        return 'context';
      }
      const type: NomenklaturType | undefined = shape ?? grp.fixed;
      const level = type ? typed(type) : undefined;
      if (!type || !level) {
        fail(codeCell, { id: 'tingkat program/kegiatan/sub kegiatan tidak dapat ditentukan (kode kosong).', en: 'the program/kegiatan/sub kegiatan level cannot be told (no code).' });
        return 'failed';
      }
      const nomenklatur = grp.nameCol !== undefined && g.fresh(r, grp.nameCol) ? statementAt(g, sink, r, grp.nameCol, 'Nomenklatur') : '';
      const stmt = grp.statementCol !== undefined && g.fresh(r, grp.statementCol) ? statementAt(g, sink, r, grp.statementCol, 'Pernyataan Kinerja') : '';
      const parentType = PARENT_TYPE[type];
      let parent: AdoptedBox | undefined;
      if (parentType) {
        const p = byType[parentType];
        if (!p || (kode !== '' && p.kode !== '' && prefixOf(kode, parentType) !== p.kode)) {
          const want = kode ? prefixOf(kode, parentType) : parentType;
          fail(codeCell, { id: `${type.replace('_', ' ')} ${kode} tidak berada di bawah ${parentType} ${want} (tidak ditebak).`, en: `${type.replace('_', ' ')} ${kode} is not under ${parentType} ${want} (not guessed).` });
          return 'failed';
        }
        parent = p;
      } else {
        parent = deepestAbove(groups.indexOf(grp), false);
      }
      const existing = byType[type];
      if (existing && existing.parent === parent && existing.kode === kode &&
        (nomenklatur === '' || sameText(nomenklatur, existing.nomenklatur)) && (stmt === '' || sameText(stmt, existing.pernyataan) || existing.pernyataan === '')) {
        if (stmt !== '' && existing.pernyataan === '') existing.pernyataan = stmt;
        return existing;
      }
      const b = newBox(ids, level, years.length, r, parent);
      b.kode = kode;
      b.nomenklatur = nomenklatur;
      b.pernyataan = stmt;
      boxes.push(b);
      byType[type] = b;
      if (type === 'program') { delete byType.kegiatan; delete byType.sub_kegiatan; }
      if (type === 'kegiatan') delete byType.sub_kegiatan;
      return b;
    }
  }
  reportOversizedMerges(g, header, hierarchyCols, nonData, sink);
  return { tree: { boxes, years }, fates, sourceRows };
}

const footnoteMsg: Bilingual = { id: 'catatan kaki atau teks di bawah tabel.', en: 'a footnote or text below the table.' };

function firstFresh(g: Grid, row: number): string {
  for (let c = g.firstCol; c <= g.lastCol; c++) if (g.fresh(row, c)) return g.cell(row, c);
  return g.cell(row, g.firstCol);
}

/** Column-number rows, repeated headers, totals and footnotes: skipped, each reported. */
function skipReason(g: Grid, h: HeaderBlock, row: number, hierarchy: Set<number>): { cell: string; msg: Bilingual } | undefined {
  const first = firstFresh(g, row);
  if (isColumnNumberRow(g, row)) return { cell: first, msg: { id: 'baris nomor kolom (1, 2, 3 …).', en: 'a column-number row (1, 2, 3 …).' } };
  let hits = 0;
  let filled = 0;
  let only: string | undefined;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    if (!g.fresh(row, c)) continue;
    const v = g.raw(row, c);
    filled++;
    only = text(v);
    const parts = h.labels.get(c);
    if (parts && parts.some((p) => headerKey(p) === headerKey(v))) hits++;
    if (typeof v === 'string' && TOTAL.test(v) && (hierarchy.has(c) || c === g.firstCol)) {
      return { cell: g.cell(row, c), msg: { id: `baris jumlah ("${text(v)}") tidak diimpor.`, en: `a totals row ("${text(v)}") is not imported.` } };
    }
  }
  if (hits >= 2 && hits * 2 >= filled) return { cell: first, msg: { id: 'judul tabel berulang (tabel ditempel dua kali?).', en: 'a repeated table header (the table pasted twice?).' } };
  if (filled === 1 && only !== undefined && FOOTNOTE.test(only)) return { cell: first, msg: footnoteMsg };
  return undefined;
}

/**
 * A merge in a hierarchy column that reaches rows which are not data (totals, footnotes,
 * blank rows, or past the sheet): its value was not carried into them (F01 at the anchor).
 */
function reportOversizedMerges(g: Grid, h: HeaderBlock, hierarchy: Set<number>, bad: Set<number>, sink: Sink): void {
  for (const m of g.merges) {
    if (m.top < h.dataStart || m.bottom === m.top || !hierarchy.has(m.left)) continue;
    let outside = m.bottom > g.lastRow;
    for (let r = m.top + 1; r <= Math.min(m.bottom, g.lastRow) && !outside; r++) if (bad.has(r) || g.rowBlank(r)) outside = true;
    if (!outside) continue;
    sink.note('F01', 'E', g.cell(m.top, m.left), {
      id: `Sel gabungan ${m.range} lebih panjang dari baris datanya; nilainya tidak diturunkan ke baris di luar tabel.`,
      en: `Merged area ${m.range} is longer than its data rows; its value is not carried into rows outside the table.`,
    });
  }
}
