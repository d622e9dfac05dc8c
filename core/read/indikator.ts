/** `Indikator` rows into indicators attached to their boxes (SAKIP.md §4.2, §10). */
import type { Issue } from '../issues.js';
import { AKUMULASI, POLARITAS, YA_TIDAK } from '../layout/tables.js';
import type { Box, Indikator, RowLoc, Target } from '../model.js';
import type { CellValue } from '../snapshot.js';
import {
  cleanStatement, cleanText, idText, isPercentUnit, matchListValue, normaliseSatuan, parseTarget, plainText, proseText,
} from './normalise.js';
import { reportNormalised, reportUnreadable } from './report.js';
import { formatAt, rowHasInput, scrubErrors, type MappedTable } from './table.js';

function sameUnit(a: string, b: string): boolean {
  if (isPercentUnit(a) && isPercentUnit(b)) return true;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

interface TargetSlot { field: string; label: string; slot: number | 'awal' | 'akhir'; col: number }

/** Parses one target cell into `ind`, reporting F02 and a unit glued to the number. */
function readTarget(m: MappedTable, r: number, row: CellValue[], ind: Indikator, s: TargetSlot, issues: Issue[]): Target | null {
  const v = row[s.col] ?? null;
  if (v === null) return null;
  if (typeof v === 'number' && !m.snapshot.numberFormats) return { kind: 'number', value: v };
  const p = parseTarget(v, ind.satuan, formatAt(m, r, s.field));
  reportNormalised(issues, ind.loc, s.field, s.label, ind.nodeId, p.change);
  if (p.unit) {
    if (ind.satuan === '') {
      ind.satuan = normaliseSatuan(p.unit).value;
      reportNormalised(issues, ind.loc, 'satuan', 'Satuan', ind.nodeId, { from: '', to: ind.satuan });
    } else if (!sameUnit(p.unit, ind.satuan) && normaliseSatuan(p.unit).value !== ind.satuan) {
      ind.unitConflicts.push({ year: s.slot, unit: p.unit });
    }
  }
  return p.value;
}

function readEnum(row: CellValue[], col: number, list: readonly string[], loc: RowLoc, field: string, label: string, id: string, issues: Issue[]): string {
  if (col < 0) return '';
  const t = plainText(row[col] ?? null);
  const v = matchListValue(t, list);
  reportNormalised(issues, loc, field, label, id, v.change);
  return v.value ?? t;
}

export function readIndikator(m: MappedTable, byId: Map<string, Box>, years: number[], issues: Issue[]): Indikator[] {
  const out: Indikator[] = [];
  const rows = m.snapshot.rows;
  const col = (k: string) => m.index[k] ?? -1;
  const c = {
    nodeId: col('nodeId'), nama: col('nama'), satuan: col('satuan'), polaritas: col('polaritas'), akumulasi: col('akumulasi'),
    iku: col('iku'), definisi: col('definisi'), formula: col('formula'), sumberData: col('sumberData'),
  };
  const at = (row: CellValue[], i: number): CellValue => (i < 0 ? null : (row[i] ?? null));
  const awal: TargetSlot = { field: 'kondisiAwal', label: 'Kondisi Awal', slot: 'awal', col: col('kondisiAwal') };
  const akhir: TargetSlot = { field: 'kondisiAkhir', label: 'Kondisi Akhir', slot: 'akhir', col: col('kondisiAkhir') };
  const yearly: TargetSlot[] = years.map((y) => ({ field: `target:${y}`, label: `Target ${y}`, slot: y, col: col(`target:${y}`) }));
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    if (!rowHasInput(raw, m.outputCols)) continue;
    const sheetRow = m.firstDataRow + r;
    const loc: RowLoc = { table: m.loc, row: sheetRow };
    const nodeId = idText(at(raw, c.nodeId));
    const row = scrubErrors(m, raw, sheetRow, nodeId, issues);
    if (nodeId === '' || idText(at(row, c.nodeId)) === '') {
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
    const nama = cleanStatement(at(row, c.nama));
    reportNormalised(issues, loc, 'nama', 'Indikator', nodeId, nama.change);
    if (nama.value === '') {
      reportUnreadable(issues, loc, 'nama', nodeId, { id: 'Nama indikator kosong.', en: 'Indicator name is empty.' });
      continue;
    }
    const satuan = normaliseSatuan(cleanText(at(row, c.satuan)).value);
    reportNormalised(issues, loc, 'satuan', 'Satuan', nodeId, satuan.change);
    // Unit repeated in parentheses after the name: `… (Dokumen)` → dropped when equal to Satuan.
    let namaValue = nama.value;
    if (namaValue.endsWith(')')) {
      const paren = /\s*\(([^()]+)\)$/.exec(namaValue);
      if (paren && satuan.value !== '' && sameUnit(paren[1], satuan.value)) {
        const stripped = namaValue.slice(0, paren.index).trim();
        reportNormalised(issues, loc, 'nama', 'Indikator', nodeId, { from: namaValue, to: stripped });
        namaValue = stripped;
      }
    }
    const ikuText = readEnum(row, c.iku, YA_TIDAK, loc, 'iku', 'IKU', nodeId, issues);
    if (ikuText !== '' && ikuText !== 'Ya' && ikuText !== 'Tidak') {
      reportUnreadable(issues, loc, 'iku', nodeId, { id: `IKU "${ikuText}" harus Ya atau Tidak.`, en: `IKU "${ikuText}" must be Ya or Tidak.` });
    }
    const ind: Indikator = {
      nodeId,
      nama: namaValue,
      satuan: satuan.value,
      polaritas: readEnum(row, c.polaritas, POLARITAS, loc, 'polaritas', 'Polaritas', nodeId, issues),
      akumulasi: readEnum(row, c.akumulasi, AKUMULASI, loc, 'akumulasi', 'Akumulasi', nodeId, issues),
      iku: ikuText === 'Ya' ? true : ikuText === 'Tidak' ? false : null,
      ikuRaw: ikuText,
      definisi: proseText(at(row, c.definisi)),
      formula: proseText(at(row, c.formula)),
      sumberData: proseText(at(row, c.sumberData)),
      kondisiAwal: null,
      targets: new Array(yearly.length).fill(null),
      kondisiAkhir: null,
      unitConflicts: [],
      box,
      loc,
    };
    if (awal.col >= 0) ind.kondisiAwal = readTarget(m, r, row, ind, awal, issues);
    for (let k = 0; k < yearly.length; k++) if (yearly[k].col >= 0) ind.targets[k] = readTarget(m, r, row, ind, yearly[k], issues);
    if (akhir.col >= 0) ind.kondisiAkhir = readTarget(m, r, row, ind, akhir, issues);
    box.indicators.push(ind);
    out.push(ind);
  }
  return out;
}
