/**
 * One row of a coded group (kode columns + program/kegiatan/sub kegiatan name + sasaran):
 * an urusan or bidang row is context; a program, kegiatan or sub kegiatan row makes (or
 * continues) its box. A malformed code still gives its depth (`codes.ts`): the box is made,
 * the code is kept as typed, and N01 says what is wrong and what the code may have been.
 */
import type { NomenklaturType } from '../config.js';
import type { Bilingual } from '../issues.js';
import { cleanStatement, normaliseCode } from '../read/normalise.js';
import { isBlank } from '../snapshot.js';
import { childLevel, levelOfCode, PARENT_TYPE, prefixOf, readCode, suggestByName, suggestUrusan, type CodeLevel, type CodeRead } from './codes.js';
import { nameColumns, type Group } from './columns.js';
import { text } from './header.js';
import type { Walker } from './matrix.js';
import { BROKEN, sameText, type AdoptedBox } from './tree.js';
import { codePartAt, joinCode, statementAt } from './values.js';

const BY_COLUMN: Record<number, CodeLevel[]> = {
  4: ['urusan', 'bidang', 'program', 'kegiatan'],
  5: ['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan'],
  6: ['urusan', 'bidang', 'program', 'kegiatan', 'sub_kegiatan', 'sub_kegiatan'],
};

const PROBLEM: Record<NonNullable<CodeRead['problem']>, Bilingual> = {
  'missing-urusan': { id: 'kehilangan digit urusannya', en: 'lacks its urusan digit' },
  'stray-text': { id: 'berisi teks lain selain kode', en: 'holds text other than a code' },
  separator: { id: 'memakai pemisah selain titik (\\, / atau |)', en: 'uses a separator other than a dot (\\, / or |)' },
  'permendagri-13': { id: 'bersegmen gaya Permendagri 13 (tanpa digit kelas kegiatan)', en: 'has Permendagri 13-style segments (no kegiatan class digit)' },
  unknown: { id: 'tidak berbentuk kode nomenklatur', en: 'is not a nomenclature code' },
};

const LEVEL_NAME: Record<NomenklaturType, string> = { program: 'program', kegiatan: 'kegiatan', sub_kegiatan: 'sub kegiatan' };

export function codedBox(w: Walker, grp: Group, gi: number, row: number): AdoptedBox | 'context' | 'failed' {
  const { g } = w;
  const sink = w.sink;
  const prev = w.lastParts.get(grp) ?? [];
  const firstFreshPart = grp.codeCols.findIndex((c) => g.fresh(row, c));
  const parts: string[] = [];
  const typedParts: string[] = [];
  let stray = false;
  let deepest = -1;
  grp.codeCols.forEach((c, i) => {
    const cp = codePartAt(g, sink, row, c, grp.codeCols.length >= 3 && (i === 1 || i === 2));
    if (g.fresh(row, c)) deepest = i;
    // Blank leading parts (merged, or given only on the parent row) come from the row above.
    const inherit = cp.typed === '' && firstFreshPart > i;
    parts.push(inherit ? (prev[i] ?? '') : cp.part);
    typedParts.push(inherit ? (prev[i] ?? '') : cp.typed);
    if (cp.stray) stray = true;
  });
  const names = nameColumns(grp);
  const freshNames = names.filter((n) => g.fresh(row, n.col));
  // A code typed at the start of the name (`1.02.02 PROGRAM …`), the code column blank or absent.
  const inName = firstFreshPart < 0 && freshNames.length ? codeInName(g.raw(row, freshNames[0].col)) : undefined;
  const anchorCol = grp.codeCols[Math.max(0, firstFreshPart)] ?? freshNames[0]?.col ?? grp.nameCol ?? grp.statementCol ?? g.firstCol;
  const codeCell = g.cell(row, anchorCol);
  const freshCode = firstFreshPart >= 0;

  // A name merged down from a box above into a row that starts a new box: the merge is longer
  // than its block, the new box's name is hidden under it. Never guessed (SAKIP.md §10).
  for (const c of [grp.nameCol, grp.statementCol]) {
    const m = c === undefined ? undefined : g.coveredBy(row, c);
    if (freshCode && m && m.top < row && m.top >= w.input.header.dataStart) {
      const code = typedParts.filter((p) => p !== '').join('.');
      sink.note('F01', 'E', g.cell(m.top, m.left), {
        id: `Sel gabungan ${m.range} lebih panjang dari bloknya: baris ${row} memulai kotak baru (kode ${code}) tetapi namanya tertutup sel gabungan itu; kolom di kanannya bisa bergeser.`,
        en: `Merged area ${m.range} is longer than its block: row ${row} starts a new box (code ${code}) but its name is hidden under that merge; the columns to its right may be shifted.`,
      });
      w.fail(row, codeCell, { id: `baris ini berada di dalam sel gabungan ${m.range} milik baris ${m.top}; tidak ditebak.`, en: `the row lies inside merged area ${m.range} of row ${m.top}; not guessed.` });
      return 'failed';
    }
  }

  let kodeNorm = grp.codeCols.length ? joinCode(parts, g, sink, row, grp.codeCols[0]) : '';
  if (inName) {
    kodeNorm = normaliseCode(inName.kode).value;
    sink.f02(g.cell(row, freshNames[0].col), 'Kode', { from: text(g.raw(row, freshNames[0].col)), to: `${kodeNorm} | ${inName.rest}` });
  }
  if (grp.codeCols.length) w.lastParts.set(grp, parts);
  const read: CodeRead = stray ? readCode(typedParts.filter((p) => p !== '').join('.')) : readCode(kodeNorm);
  let level: CodeLevel | null = read.level;
  if (read.problem === 'stray-text' && (level === 'urusan' || level === 'bidang')) level = null;
  if (read.problem && read.prefix && level && level !== 'urusan' && level !== 'bidang') {
    const at = w.byType[level as NomenklaturType];
    if (at && at !== BROKEN && at.kode === read.prefix) level = childLevel(level);
  }
  if (read.problem && stray && grp.codeCols.length >= 4 && deepest >= 0) level = BY_COLUMN[grp.codeCols.length]?.[deepest] ?? level;
  if (!level && read.problem) level = grp.fixed ?? w.lastCoded.get(grp) ?? null;
  // No code: the level of the name column the row fills (the deepest), else the group's.
  const namedType = [...freshNames].reverse().find((n) => n.type)?.type;
  if (read.kode === '') level = namedType ?? grp.fixed ?? levelFromWords(freshNames[0] ? g.raw(row, freshNames[0].col) : null) ?? null;
  const nameCol = (freshNames.find((n) => n.type === level) ?? freshNames[0])?.col;

  const nameV = inName ? inName.rest : nameCol !== undefined ? g.raw(row, nameCol) : null;
  if (!read.problem && (level === 'urusan' || level === 'bidang')) {
    if (level === 'urusan') w.context.length = 0;
    w.context[level === 'urusan' ? 0 : 1] = read.kode;
    w.group = undefined;
    w.resetCoded();
    w.contextWhat = `${level} ${read.kode}${isBlank(nameV) ? '' : ' ' + text(nameV)}`;
    w.openContext({ row, kind: level, code: read.kode, label: text(nameV), boxes: [] });
    return 'context';
  }
  if (!level || level === 'urusan' || level === 'bidang') {
    if (read.kode === '') {
      w.fail(row, codeCell, { id: 'tingkat program/kegiatan/sub kegiatan tidak dapat ditentukan (kode kosong).', en: 'the program/kegiatan/sub kegiatan level cannot be told (no code).' });
      return 'failed';
    }
    const why = PROBLEM[read.problem ?? 'unknown'];
    sink.note('N01', 'E', codeCell, { id: `Kode "${read.kode}" ${why.id}, dan kedalamannya tidak terbaca; perbaiki lalu impor ulang.`, en: `Code "${read.kode}" ${why.en}, and its depth cannot be read; fix it and import again.` });
    w.fail(row, codeCell, { id: `kode "${read.kode}" ${why.id}; tingkatnya tidak dapat ditentukan.`, en: `code "${read.kode}" ${why.en}; its level cannot be told.` });
    return 'failed';
  }
  const type = level as NomenklaturType;
  const levelCfg = w.typed(type);
  if (!levelCfg) {
    w.fail(row, codeCell, { id: `pohon ini tidak punya tingkat ${LEVEL_NAME[type]} (kode ${read.kode}).`, en: `this tree has no ${LEVEL_NAME[type]} level (code ${read.kode}).` });
    return 'failed';
  }
  const nomenklatur = inName ? cleanStatement(inName.rest).value : nameCol !== undefined ? statementAt(g, sink, row, nameCol, 'Nomenklatur') : '';
  const stmt = grp.statementCol !== undefined && g.fresh(row, grp.statementCol) ? statementAt(g, sink, row, grp.statementCol, 'Pernyataan Kinerja') : '';

  const parentType = PARENT_TYPE[type];
  let parent: AdoptedBox | undefined;
  let placedNote = '';
  if (parentType) {
    const p = w.byType[parentType];
    if (p === BROKEN) {
      w.fail(row, codeCell, { id: `${LEVEL_NAME[type]} ${read.kode} berada di bawah ${LEVEL_NAME[parentType]} yang tidak tertempatkan.`, en: `${LEVEL_NAME[type]} ${read.kode} lies under a ${LEVEL_NAME[parentType]} that was not placed.` });
      return 'failed';
    }
    const wellFormed = !read.problem;
    const mismatch = !!p && wellFormed && p.kode !== '' && !!levelOfCode(p.kode) && prefixOf(read.kode, parentType) !== p.kode;
    if ((!p && wellFormed) || mismatch) {
      const want = wellFormed ? prefixOf(read.kode, parentType) : parentType;
      w.fail(row, codeCell, { id: `${LEVEL_NAME[type]} ${read.kode} tidak berada di bawah ${LEVEL_NAME[parentType]} ${want} (tidak ditebak).`, en: `${LEVEL_NAME[type]} ${read.kode} is not under ${LEVEL_NAME[parentType]} ${want} (not guessed).` });
      return 'failed';
    }
    parent = p ?? w.deepestAbove(gi, false);
    if (read.problem && parent) placedNote = ` ${parent.kode || parent.id}`;
  } else {
    parent = w.deepestAbove(gi, false);
  }

  const existing = w.byType[type];
  if (existing && existing !== BROKEN && existing.parent === parent && existing.kode === read.kode &&
    (nomenklatur === '' || sameText(nomenklatur, existing.nomenklatur)) && (stmt === '' || sameText(stmt, existing.pernyataan) || existing.pernyataan === '')) {
    if (stmt !== '' && existing.pernyataan === '') existing.pernyataan = stmt;
    carryCells(w, grp, row);
    return existing;
  }
  const b = w.addBox(levelCfg, row, parent);
  b.kode = read.kode;
  b.nomenklatur = nomenklatur;
  b.pernyataan = stmt;
  w.byType[type] = b;
  if (type === 'program') { delete w.byType.kegiatan; delete w.byType.sub_kegiatan; }
  if (type === 'kegiatan') delete w.byType.sub_kegiatan;
  w.lastCoded.set(grp, type);
  carryCells(w, grp, row);
  if (read.problem) reportCode(w, read, type, parent, nomenklatur, codeCell, placedNote, b.id);
  return b;
}

/** No code at all: `PROGRAM …` (every program's official name starts so), `Sub Kegiatan: …`, `Kegiatan: …`. */
function levelFromWords(v: unknown): NomenklaturType | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^\s*program\b/i.test(v)) return 'program';
  if (/^\s*sub\s*kegiatan\s*[:.-]/i.test(v)) return 'sub_kegiatan';
  if (/^\s*kegiatan\s*[:.-]/i.test(v)) return 'kegiatan';
  return undefined;
}

function carryCells(w: Walker, grp: Group, row: number): void {
  for (const c of [...grp.codeCols, ...nameColumns(grp).map((n) => n.col), grp.statementCol]) if (c !== undefined && w.g.fresh(row, c)) w.ledger.carry(row, c);
}

const CODE_IN_NAME = /^\s*((?:[1-9X])(?:\s*[.,]\s*(?:\d{1,4}|XX)){1,5})\s*[-–:.]?\s+(\S[\s\S]*)$/;

/** `1.02.02 PROGRAM PEMENUHAN …` → its code and name. */
function codeInName(v: unknown): { kode: string; rest: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = CODE_IN_NAME.exec(v);
  if (!m || !/[A-Za-z]/.test(m[2])) return undefined;
  return { kode: m[1].replace(/\s+/g, ''), rest: m[2].trim() };
}

function reportCode(w: Walker, read: CodeRead, type: NomenklaturType, parent: AdoptedBox | undefined, nama: string, cell: string, placed: string, id: string): void {
  const why = PROBLEM[read.problem ?? 'unknown'];
  const sug = suggestion(w, read, type, parent, nama);
  const sugEn = sug && suggestionEn(sug);
  const where = placed ? ` di bawah${placed}` : '';
  const whereEn = placed ? ` under${placed}` : '';
  w.sink.note('N01', 'E', cell, {
    id: `Kode "${read.kode}" ${why.id}. Kotak ${LEVEL_NAME[type]} tetap dibuat dari pernyataan dan kedalaman kodenya${where}; kode disimpan apa adanya, tidak dilengkapi otomatis.${sug ? ` Saran: ${sug}.` : ''}`,
    en: `Code "${read.kode}" ${why.en}. The ${LEVEL_NAME[type]} box is made from its statement and code depth${whereEn}; the code is kept as typed, never completed automatically.${sugEn ? ` Suggestion: ${sugEn}.` : ''}`,
  }, id);
}

/** The suggestion's words in English (the code itself stays). */
function suggestionEn(sug: string): string {
  return sug
    .replace('(nama sama di daftar nomenklatur)', '(same name in the nomenclature list)')
    .replace('(dengan digit kelas kegiatan; periksa di daftar Permendagri 90/2019)', '(with the kegiatan class digit; check in the Permendagri 90/2019 list)')
    .replace(/^kode yang diawali /, 'a code starting with ');
}

function suggestion(w: Walker, read: CodeRead, type: NomenklaturType, parent: AdoptedBox | undefined, nama: string): string | undefined {
  if (read.problem === 'missing-urusan') {
    return suggestUrusan(read.kode, [w.byType.kegiatan?.kode ?? '', w.byType.program?.kode ?? '', parent?.kode ?? '', ...w.context]);
  }
  const byName = parent ? suggestByName(w.input.nomenklatur, parent.kode, type, nama, w.input.classDigit) : undefined;
  if (byName) return `${byName} (nama sama di daftar nomenklatur)`;
  if (read.problem === 'permendagri-13') {
    const s = read.kode.split('.');
    if (type === 'kegiatan' && s.length === 4) return `${s[0]}.${s[1].padStart(2, '0')}.${s[2]}.${w.input.classDigit}.${s[3]} (dengan digit kelas kegiatan; periksa di daftar Permendagri 90/2019)`;
    if (type === 'program' && s.length === 3) return `${s[0]}.${s[1].padStart(2, '0')}.${s[2]}`;
  }
  if (read.prefix && levelOfCode(read.prefix) === type) return read.prefix;
  if (parent?.kode && levelOfCode(parent.kode)) return `kode yang diawali ${parent.kode}`;
  return undefined;
}
