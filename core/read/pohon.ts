/** `PohonKinerja` rows into boxes (SAKIP.md §4.2). */
import type { LevelConfig } from '../config.js';
import type { Issue } from '../issues.js';
import { headerKey } from '../layout/tables.js';
import type { Box, RowLoc } from '../model.js';
import { cleanId, cleanStatement, cleanText, normaliseCode, parseAmount } from './normalise.js';
import { reportNormalised, reportUnreadable } from './report.js';
import { cellAt, formatAt, rowHasInput, scrubErrors, type MappedTable } from './table.js';

export function readBoxes(m: MappedTable, levels: LevelConfig[], years: number[], issues: Issue[]): Box[] {
  const levelByKey = new Map(levels.map((l) => [headerKey(l.name), l]));
  const levelNames = levels.map((l) => l.name).join(', ');
  const boxes: Box[] = [];
  const rows = m.snapshot.rows;
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    if (!rowHasInput(raw, m.outputCols)) continue;
    const sheetRow = m.firstDataRow + r;
    const loc: RowLoc = { table: m.loc, row: sheetRow };
    const id = cleanId(cellAt(m, raw, 'id')).value;
    const row = scrubErrors(m, raw, sheetRow, id, issues);
    if (id === '' || cleanId(cellAt(m, row, 'id')).value === '') {
      reportUnreadable(issues, loc, 'id', '', {
        id: 'Baris tanpa ID tidak dapat dibaca: isi ID kotak.', en: 'A row without an ID cannot be read: fill in the box ID.',
      });
      continue;
    }
    const levelText = cleanText(cellAt(m, row, 'level')).value;
    const level = levelText === '' ? undefined : levelByKey.get(headerKey(levelText));
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
    const pagu: Record<number, number | null> = {};
    const paguRaw: Record<number, string> = {};
    for (const y of years) {
      const key = `pagu:${y}`;
      if (!(key in m.index)) { pagu[y] = null; continue; }
      const a = parseAmount(cellAt(m, row, key));
      pagu[y] = a.value;
      if (a.invalid !== undefined) paguRaw[y] = a.invalid;
      reportNormalised(issues, loc, key, `Pagu ${y}`, id, a.change);
    }
    boxes.push({
      id,
      induk: cleanId(cellAt(m, row, 'induk')).value,
      levelName: levelText,
      level,
      pernyataan: pernyataan.value,
      kode: kode.value,
      nomenklatur: nomenklatur.value,
      penanggungJawab: cleanId(cellAt(m, row, 'penanggungJawab')).value,
      refPemda: cleanId(cellAt(m, row, 'refPemda')).value,
      pagu,
      paguRaw,
      catatan: cleanText(cellAt(m, row, 'catatan')).value,
      indicators: [],
      children: [],
      index: boxes.length,
      loc,
    });
  }
  return boxes;
}
