/** `PohonKinerja` rows into boxes (SAKIP.md §4.2). */
import type { LevelConfig } from '../config.js';
import type { Issue } from '../issues.js';
import { headerKey } from '../layout/tables.js';
import type { Box, RowLoc } from '../model.js';
import { cleanStatement, cleanText, idText, normaliseCode, parseAmount, plainText, proseText } from './normalise.js';
import { reportNormalised, reportUnreadable } from './report.js';
import { cellAt, formatAt, rowHasInput, scrubErrors, type MappedTable } from './table.js';

export function readBoxes(m: MappedTable, levels: LevelConfig[], years: number[], issues: Issue[]): Box[] {
  const levelByKey = new Map(levels.map((l) => [headerKey(l.name), l]));
  const levelByName = new Map(levels.map((l) => [l.name, l]));
  const levelNames = levels.map((l) => l.name).join(', ');
  const boxes: Box[] = [];
  const rows = m.snapshot.rows;
  const paguCols = years.map((y) => ({ key: `pagu:${y}`, label: `Pagu ${y}`, col: m.index[`pagu:${y}`] ?? -1 }));
  const dpaCols = years.map((y) => ({ key: `paguDpa:${y}`, label: `Pagu DPA ${y}`, col: m.index[`paguDpa:${y}`] ?? -1 }));
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    if (!rowHasInput(raw, m.outputCols)) continue;
    const sheetRow = m.firstDataRow + r;
    const loc: RowLoc = { table: m.loc, row: sheetRow };
    const id = idText(cellAt(m, raw, 'id'));
    const row = scrubErrors(m, raw, sheetRow, id, issues);
    if (id === '' || idText(cellAt(m, row, 'id')) === '') {
      reportUnreadable(issues, loc, 'id', '', {
        id: 'Baris tanpa ID tidak dapat dibaca: isi ID kotak.', en: 'A row without an ID cannot be read: fill in the box ID.',
      });
      continue;
    }
    const levelText = plainText(cellAt(m, row, 'level'));
    const level = levelText === '' ? undefined : (levelByName.get(levelText) ?? levelByKey.get(headerKey(levelText)));
    if (levelText === '') {
      reportUnreadable(issues, loc, 'level', id, { id: 'Level kosong.', en: 'Level is empty.' });
    } else if (!level) {
      reportUnreadable(issues, loc, 'level', id, {
        id: `Level "${levelText}" tidak dikenal (pilihan: ${levelNames}).`,
        en: `Unknown Level "${levelText}" (choices: ${levelNames}).`,
      });
    } else if (level.name !== levelText) {
      reportNormalised(issues, loc, 'level', 'Level', id, { from: levelText, to: level.name });
    }
    const pernyataan = cleanStatement(cellAt(m, row, 'pernyataan'));
    reportNormalised(issues, loc, 'pernyataan', 'Pernyataan Kinerja', id, pernyataan.change);
    if (pernyataan.value === '') {
      reportUnreadable(issues, loc, 'pernyataan', id, { id: 'Pernyataan Kinerja kosong.', en: 'Pernyataan Kinerja (statement) is empty.' });
    }
    const kode = normaliseCode(cellAt(m, row, 'kode'), formatAt(m, r, 'kode'));
    reportNormalised(issues, loc, 'kode', 'Kode', id, kode.change);
    const nomenklatur = cleanText(cellAt(m, row, 'nomenklatur'));
    reportNormalised(issues, loc, 'nomenklatur', 'Nomenklatur', id, nomenklatur.change);
    const amounts = (cols: typeof paguCols) => {
      const value: (number | null)[] = new Array(years.length);
      const raw: (string | null)[] = new Array(years.length);
      for (let k = 0; k < cols.length; k++) {
        const { col, key, label } = cols[k];
        const v = col < 0 ? null : (row[col] ?? null);
        raw[k] = null;
        if (typeof v === 'number' || v === null) { value[k] = v; continue; }
        const a = parseAmount(v);
        value[k] = a.value;
        if (a.invalid !== undefined) raw[k] = a.invalid;
        reportNormalised(issues, loc, key, label, id, a.change);
      }
      return { value, raw };
    };
    const pagu = amounts(paguCols);
    const dpa = amounts(dpaCols);
    boxes.push({
      id,
      induk: idText(cellAt(m, row, 'induk')),
      levelName: levelText,
      level,
      pernyataan: pernyataan.value,
      kode: kode.value,
      nomenklatur: nomenklatur.value,
      penanggungJawab: idText(cellAt(m, row, 'penanggungJawab')),
      refPemda: idText(cellAt(m, row, 'refPemda')),
      pagu: pagu.value,
      paguRaw: pagu.raw,
      paguDpa: dpa.value,
      paguDpaRaw: dpa.raw,
      catatan: proseText(cellAt(m, row, 'catatan')),
      indicators: [],
      children: [],
      index: boxes.length,
      loc,
    });
  }
  return boxes;
}
