/**
 * The pengukuran tables as layout data (SAKIP.md §12): the contract's columns, the dropdowns
 * and the live marks the adapters install, and the split between the tree document and the
 * pengukuran tables.
 */
import { describe, expect, it } from 'vitest';
import { pushBody } from '../../../client/api.js';
import { defaultConfig } from '../../../core/config.js';
import { conditionalFormats, placementFromSpec, type Placements } from '../../../core/layout/conditional.js';
import { ListSheetPlan, tableDropdowns } from '../../../core/layout/lists.js';
import { isPengukuranTable, pengukuranSnapshot, pengukuranTables, treeSnapshot, workbookTables } from '../../../core/layout/pengukuran.js';
import { canonicalTables } from '../../../core/layout/tables.js';
import { makeSnapshot } from '../../helpers/snapshot.js';
import { pengukuranInput } from '../pengukuran/fixture.js';

const [ra, re, pb] = pengukuranTables();
const inputHeaders = (s: typeof ra) => s.columns.filter((c) => !c.output).map((c) => c.header);

describe('the tables of §12', () => {
  it('have the contract names and columns; Rencana Aksi also shows Satuan, Akumulasi and the year target, read-only', () => {
    expect([ra.sheet, ra.table, re.sheet, re.table, pb.sheet, pb.table]).toEqual(['Rencana Aksi', 'RencanaAksi', 'Realisasi', 'Realisasi', 'Pembanding', 'Pembanding']);
    expect(inputHeaders(ra)).toEqual(['Tahun', 'ID Node', 'Indikator', 'ID Jabatan', 'No', 'Rencana Aksi', 'Kode Sub Kegiatan', 'Target TW1', 'Target TW2', 'Target TW3',
      'Target TW4', 'Anggaran TW1', 'Anggaran TW2', 'Anggaran TW3', 'Anggaran TW4', 'Output Aksi', 'Catatan']);
    expect(ra.columns.filter((c) => c.output).map((c) => c.header)).toEqual(['Satuan', 'Akumulasi', 'Target Tahun']);
    expect(ra.columns.slice(3, 6).every((c) => c.output && !c.required)).toBe(true);
    expect(inputHeaders(re)).toEqual(['Tahun', 'Periode', 'ID Node', 'Indikator', 'Realisasi', 'Realisasi Anggaran', 'Bukti', 'Penjelasan', 'Faktor Pendukung',
      'Faktor Penghambat', 'Solusi', 'Diverifikasi']);
    expect(inputHeaders(pb)).toEqual(['Tahun', 'ID Node', 'Indikator', 'Nilai Pembanding', 'Tingkat', 'Sumber']);
    expect(re.formulas).toBe(true);
  });

  it('join the tree tables in the workbook but not in canonicalTables (a fresh Renstra template stays as it was)', () => {
    expect(workbookTables([2025]).map((t) => t.key)).toEqual([...canonicalTables([2025]).map((t) => t.key), 'rencanaAksi', 'realisasi', 'pembanding']);
    expect(canonicalTables([2025]).some((t) => isPengukuranTable(t.table))).toBe(false);
  });

  it('offer dropdowns for ID Jabatan, Periode, Diverifikasi and Tingkat', () => {
    const ctx = { config: defaultConfig() };
    expect(tableDropdowns(ra, ctx).map((d) => [d.column.header, d.dropdown.kind])).toEqual([['ID Jabatan', 'range']]);
    expect(tableDropdowns(re, ctx).map((d) => [d.column.header, d.dropdown.kind === 'values' && d.dropdown.values])).toEqual([
      ['Periode', ['TW1', 'TW2', 'TW3', 'TW4']], ['Diverifikasi', ['Ya', 'Tidak']],
    ]);
    expect(tableDropdowns(pb, ctx).map((d) => d.dropdown.kind === 'values' && d.dropdown.values)).toEqual([['Nasional', 'Provinsi', 'Kabupaten lain']]);
  });
});

describe('live marks (conditional formats)', () => {
  const specs = workbookTables([2025, 2026, 2027]);
  const placements: Placements = {};
  // As the template writes them: Excel tables, so lookups are INDIRECT("Table[Column]").
  for (const s of specs) placements[s.key] = { ...placementFromSpec(s, 1, 2000), table: s.table, headers: Object.fromEntries(s.columns.map((c) => [c.key, c.header])) };
  const all = conditionalFormats(defaultConfig(), placements, specs, new ListSheetPlan());
  const on = (sheet: string) => all.filter((f) => f.sheet === sheet);

  it('mark the pengukuran sheets for the rules a formula can express', () => {
    expect(on('Rencana Aksi').map((f) => `${f.rule} ${f.range}`)).toEqual(expect.arrayContaining([
      'F01 A2:A2000', 'F01 B2:B2000', 'F01 C2:C2000', 'R02 K2:K2000', 'R02 N2:N2000', 'R05 G2:G2000',
    ]));
    expect(on('Realisasi').map((f) => `${f.rule} ${f.range}`)).toEqual(expect.arrayContaining(['F01 B2:B2000', 'U03 E2:E2000', 'F01 L2:L2000']));
    expect(on('Pembanding').map((f) => `${f.rule} ${f.range}`)).toEqual(expect.arrayContaining(['F01 E2:E2000', 'F01 B2:B2000']));
  });

  it('reconcile the quarterly plan from the row itself, in en-US notation, other sheets only through INDIRECT', () => {
    const r02 = on('Rencana Aksi').find((f) => f.rule === 'R02' && f.range.startsWith('K'))!;
    expect(r02.formula).toBe('AND(ISNUMBER($F2),COUNT($K2,$L2,$M2,$N2)=4,OR(AND(TRIM($E2)="Kumulatif",ABS(SUM($K2,$L2,$M2,$N2)-$F2)>0.005),AND(TRIM($E2)="Rata-rata",ABS(AVERAGE($K2,$L2,$M2,$N2)-$F2)>0.005)))');
    for (const f of [...on('Rencana Aksi'), ...on('Realisasi'), ...on('Pembanding')]) {
      const code = f.formula.replace(/"(?:[^"]|"")*"/g, '""');
      expect(code).not.toMatch(/[[\];]/);
      expect(code).not.toContain('!');
    }
    expect(on('Realisasi').find((f) => f.rule === 'U03')!.formula).toContain('INDIRECT("Indikator[Satuan]")');
    // Within what every Excel accepts in a rule formula.
    for (const f of all) expect(f.formula.length, `${f.sheet} ${f.rule} ${f.range}`).toBeLessThan(255);
  });
});

describe('the tree document and the pengukuran document', () => {
  const snap = makeSnapshot(pengukuranInput());
  it('a tree push carries the tree tables only (realisasi is its own document)', () => {
    expect(treeSnapshot(snap).tables.map((t) => t.name)).toEqual(['Info', 'Jabatan', 'PohonKinerja', 'Indikator', 'Crosscutting']);
    expect(pushBody(snap, 3, 'abcdefgh12').tree.tables.some((t) => isPengukuranTable(t.name))).toBe(false);
    expect(pengukuranSnapshot(snap).tables.map((t) => t.name)).toEqual(['RencanaAksi', 'Realisasi', 'Pembanding']);
  });
  it('the realisasi document of one year: its rows only, values without formula text', () => {
    const w = pengukuranInput();
    w.realisasi!.push({ ...w.realisasi![0], Tahun: 2026 });
    const s = makeSnapshot(w);
    s.tables.find((t) => t.name === 'Realisasi')!.formulas = s.tables.find((t) => t.name === 'Realisasi')!.rows.map(() => []);
    const doc = pengukuranSnapshot(s, 2026);
    expect(doc.tables.map((t) => [t.name, t.rows.length])).toEqual([['RencanaAksi', 0], ['Realisasi', 1], ['Pembanding', 0]]);
    expect(doc.tables.some((t) => 'formulas' in t)).toBe(false);
    expect(pengukuranSnapshot(s).tables.find((t) => t.name === 'Realisasi')!.rows).toHaveLength(17);
  });

  it('leaves a tree-only snapshot as it is', () => {
    const tree = treeSnapshot(snap);
    expect(treeSnapshot(tree)).toBe(tree);
  });
});
