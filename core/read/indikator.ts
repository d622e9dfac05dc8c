/** `Indikator` rows into indicators attached to their boxes (SAKIP.md §4.2, §10). */
import type { Issue } from '../issues.js';
import { AKUMULASI, POLARITAS, YA_TIDAK } from '../layout/tables.js';
import type { Box, Indikator, RowLoc, Target } from '../model.js';
import {
  cleanId, cleanStatement, cleanText, isPercentUnit, matchListValue, normaliseSatuan, parseTarget,
} from './normalise.js';
import { reportNormalised, reportUnreadable } from './report.js';
import { cellAt, formatAt, rowHasInput, scrubErrors, type MappedTable } from './table.js';

function sameUnit(a: string, b: string): boolean {
  if (isPercentUnit(a) && isPercentUnit(b)) return true;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function readIndikator(m: MappedTable, byId: Map<string, Box>, years: number[], issues: Issue[]): Indikator[] {
  const out: Indikator[] = [];
  const rows = m.snapshot.rows;
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    if (!rowHasInput(raw, m.outputCols)) continue;
    const sheetRow = m.firstDataRow + r;
    const loc: RowLoc = { table: m.loc, row: sheetRow };
    const nodeId = cleanId(cellAt(m, raw, 'nodeId')).value;
    const row = scrubErrors(m, raw, sheetRow, nodeId, issues);
    if (nodeId === '' || cleanId(cellAt(m, row, 'nodeId')).value === '') {
      reportUnreadable(issues, loc, 'nodeId', '', { id: 'Indikator tanpa ID Node tidak dapat dibaca.', en: 'An indicator without ID Node cannot be read.' });
      continue;
    }
    const box = byId.get(nodeId);
    if (!box) {
      reportUnreadable(issues, loc, 'nodeId', nodeId, {
        id: `ID Node "${nodeId}" tidak ada di Pohon Kinerja; indikator ini tidak terpasang.`,
        en: `ID Node "${nodeId}" matches no box in Pohon Kinerja; this indicator is not attached.`,
      });
      continue;
    }
    const nama = cleanStatement(cellAt(m, row, 'nama'));
    reportNormalised(issues, loc, 'nama', 'Indikator', nodeId, nama.change);
    if (nama.value === '') {
      reportUnreadable(issues, loc, 'nama', nodeId, { id: 'Nama indikator kosong.', en: 'Indicator name is empty.' });
      continue;
    }
    let satuan = normaliseSatuan(cleanText(cellAt(m, row, 'satuan')).value);
    reportNormalised(issues, loc, 'satuan', 'Satuan', nodeId, satuan.change);
    // Unit repeated in parentheses after the name: `… (Dokumen)` → dropped when equal to Satuan.
    let namaValue = nama.value;
    const paren = /\s*\(([^()]+)\)$/.exec(namaValue);
    if (paren && satuan.value !== '' && sameUnit(paren[1], satuan.value)) {
      const stripped = namaValue.slice(0, paren.index).trim();
      reportNormalised(issues, loc, 'nama', 'Indikator', nodeId, { from: namaValue, to: stripped });
      namaValue = stripped;
    }
    const enumField = (field: string, label: string, list: readonly string[]) => {
      const t = cleanText(cellAt(m, row, field)).value;
      const v = matchListValue(t, list);
      reportNormalised(issues, loc, field, label, nodeId, v.change);
      return v.value ?? t;
    };
    const polaritas = enumField('polaritas', 'Polaritas', POLARITAS);
    const akumulasi = enumField('akumulasi', 'Akumulasi', AKUMULASI);
    const ikuText = enumField('iku', 'IKU', YA_TIDAK);
    const ind: Indikator = {
      nodeId,
      nama: namaValue,
      satuan: satuan.value,
      polaritas,
      akumulasi,
      iku: ikuText === 'Ya' ? true : ikuText === 'Tidak' ? false : null,
      ikuRaw: ikuText,
      definisi: cleanText(cellAt(m, row, 'definisi')).value,
      formula: cleanText(cellAt(m, row, 'formula')).value,
      sumberData: cleanText(cellAt(m, row, 'sumberData')).value,
      kondisiAwal: null,
      targets: {},
      kondisiAkhir: null,
      unitConflicts: [],
      box,
      loc,
    };
    const target = (field: string, label: string, slot: number | 'awal' | 'akhir'): Target | null => {
      if (!(field in m.index)) return null;
      const p = parseTarget(cellAt(m, row, field), ind.satuan, formatAt(m, r, field));
      reportNormalised(issues, loc, field, label, nodeId, p.change);
      if (p.unit) {
        if (ind.satuan === '') {
          ind.satuan = normaliseSatuan(p.unit).value;
          reportNormalised(issues, loc, 'satuan', 'Satuan', nodeId, { from: '', to: ind.satuan });
        } else if (!sameUnit(p.unit, ind.satuan) && normaliseSatuan(p.unit).value !== ind.satuan) {
          ind.unitConflicts.push({ year: slot, unit: p.unit });
        }
      }
      return p.value;
    };
    ind.kondisiAwal = target('kondisiAwal', 'Kondisi Awal', 'awal');
    for (const y of years) ind.targets[y] = target(`target:${y}`, `Target ${y}`, y);
    ind.kondisiAkhir = target('kondisiAkhir', 'Kondisi Akhir', 'akhir');
    box.indicators.push(ind);
    out.push(ind);
  }
  return out;
}
