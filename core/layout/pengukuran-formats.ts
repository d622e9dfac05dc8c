/**
 * Live marks (conditional formats) for the pengukuran tables (SAKIP.md §12), with the same
 * formula conventions as `conditional.ts` (en-US, relative rows, other sheets through
 * INDIRECT, literal COUNTIF criteria). Enumerated columns (Periode, Tingkat, Diverifikasi) are
 * checked by the generic list formats there. `core/` remains the judge; these are instant hints.
 */
import type { Bilingual, RuleId } from '../issues.js';
import type { TableKey } from '../model.js';
import { blank, exactCriterion, filled, textLiteral, type ConditionalFormat, type PlacedTable } from './conditional.js';

type Placed = Partial<Record<TableKey, PlacedTable>>;
const bi = (id: string, en: string): Bilingual => ({ id, en });

export function pengukuranFormulaRules(t: Placed): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  const add = (tb: PlacedTable, key: string, rule: RuleId, severity: 'E' | 'W', formula: string, description: Bilingual) => {
    if (tb.has(key)) out.push({ sheet: tb.p.sheet, range: tb.range(key), formula, severity, rule, description });
  };
  const ref = (from: PlacedTable, to: PlacedTable, key: string) => (from.p.sheet === to.p.sheet ? to.abs(key) : to.remote(key));
  const required = (tb: PlacedTable, key: string, label: string) =>
    add(tb, key, 'F01', 'E', `AND(${tb.rowFilled()},${blank(tb.cell(key))})`, bi(`${label} wajib diisi.`, `${label} is required.`));
  const errorValues = (tb: PlacedTable) => {
    const a = tb.area();
    if (a) {
      out.push({ sheet: tb.p.sheet, range: a.range, formula: `ISERROR(${a.topLeft})`, severity: 'E', rule: 'F01',
        description: bi('Sel berisi nilai galat (#REF!, #N/A, #DIV/0! …).', 'The cell holds an error value (#REF!, #N/A, #DIV/0! …).') });
    }
  };
  const common = (tb: PlacedTable) => {
    required(tb, 'tahun', 'Tahun');
    required(tb, 'nodeId', 'ID Node');
    required(tb, 'nama', 'Indikator');
    const p = t.pohon;
    if (p?.has('id') && tb.has('nodeId')) {
      const id = tb.cell('nodeId');
      add(tb, 'nodeId', 'F01', 'E', `AND(${filled(id)},COUNTIF(${ref(tb, p, 'id')},${exactCriterion(`TRIM(${id})`)})=0)`,
        bi('ID Node tidak ada di Pohon Kinerja.', 'ID Node matches no box in Pohon Kinerja.'));
    }
    errorValues(tb);
  };

  const ra = t.rencanaAksi;
  if (ra) {
    common(ra);
    // R02 from the row alone: the year's target and Akumulasi Pokin shows beside the indicator.
    const tw = [1, 2, 3, 4].map((n) => `targetTw${n}`);
    if (tw.every((k) => ra.has(k)) && ra.has('targetTahun') && ra.has('akumulasi')) {
      const cells = tw.map((k) => ra.cell(k)).join(',');
      const T = ra.cell('targetTahun'), a = `TRIM(${ra.cell('akumulasi')})`;
      add(ra, 'targetTw1', 'R02', 'E',
        `AND(ISNUMBER(${T}),COUNT(${cells})=4,OR(AND(${a}="Kumulatif",ABS(SUM(${cells})-${T})>0.005),AND(${a}="Rata-rata",ABS(AVERAGE(${cells})-${T})>0.005)))`,
        bi('Jumlah (Kumulatif) atau rata-rata (Rata-rata) target TW1–TW4 ≠ target tahun.', 'The sum (Kumulatif) or mean (Rata-rata) of the TW1–TW4 targets ≠ the year\'s target.'));
      add(ra, 'targetTw4', 'R02', 'E', `AND(${a}="Nilai Akhir",ISNUMBER(${T}),ISNUMBER(${ra.cell('targetTw4')}),ABS(${ra.cell('targetTw4')}-${T})>0.005)`,
        bi('Target TW4 indikator Nilai Akhir ≠ target tahun.', 'Target TW4 of a Nilai Akhir indicator ≠ the year\'s target.'));
    }
    const j = t.jabatan;
    if (j?.has('id') && ra.has('idJabatan')) {
      const x = ra.cell('idJabatan');
      add(ra, 'idJabatan', 'R05', 'E', `OR(AND(${ra.rowFilled()},${blank(x)}),AND(${filled(x)},COUNTIF(${ref(ra, j, 'id')},${exactCriterion(`TRIM(${x})`)})=0))`,
        bi('ID Jabatan kosong atau tidak ada di tabel Jabatan.', 'ID Jabatan is empty or not in the Jabatan table.'));
    }
  }

  const re = t.realisasi;
  if (re) {
    common(re);
    required(re, 'periode', 'Periode');
    const i = t.indikator;
    if (i?.has('nodeId') && i.has('nama') && i.has('satuan') && re.has('nodeId') && re.has('nama')) {
      const v = re.cell('realisasi');
      // `"="&TRIM(…)` without exactCriterion's wildcard escaping: three escaped criteria pass
      // MAX_CF_FORMULA (and the format would be left out); a name with `*`/`?` can only blur
      // this instant hint, core judges U03.
      const pct = `COUNTIFS(${ref(re, i, 'nodeId')},"="&TRIM(${re.cell('nodeId')}),${ref(re, i, 'nama')},"="&TRIM(${re.cell('nama')}),${ref(re, i, 'satuan')},${textLiteral('%')})>0`;
      add(re, 'realisasi', 'U03', 'W', `AND(ISNUMBER(${v}),OR(${v}<0,${v}>100),${pct})`,
        bi('Realisasi persentase di luar 0–100.', 'A percentage realisation outside 0–100.'));
    }
  }

  if (t.pembanding) common(t.pembanding);
  return out;
}
