import { describe, it, expect } from 'vitest';
import { defaultConfig, ROOT_MARK, type PokinConfig } from '../../../core/config.js';
import {
  conditionalFormats, exactCriterion, exactCriterionLiteral, inAddOrder, MAX_CF_FORMULA, notInList, placementFromSpec, type ConditionalFormat, type Placements,
} from '../../../core/layout/conditional.js';
import { EXCEL_LAST_ROW, ListSheetPlan, structuredRef } from '../../../core/layout/lists.js';
import { canonicalTables } from '../../../core/layout/tables.js';

const YEARS = [2025, 2026, 2027];

const KEYS = ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'];

function formatsFor(config: PokinConfig = defaultConfig(), keys = KEYS, headerRow = 1, lists = new ListSheetPlan()): ConditionalFormat[] {
  const specs = canonicalTables(YEARS).filter((s) => keys.includes(s.key));
  const placements: Placements = {};
  for (const s of specs) placements[s.key] = placementFromSpec(s, headerRow, 2000);
  return conditionalFormats(config, placements, specs, lists);
}

/** As the Office template places them: to Excel's last row, lookups through the table names. */
function officeFormats(config: PokinConfig = defaultConfig(), years = YEARS, lists = new ListSheetPlan()): ConditionalFormat[] {
  const specs = canonicalTables(years).filter((s) => KEYS.includes(s.key));
  const placements: Placements = {};
  for (const s of specs) {
    const p = placementFromSpec(s, 1, EXCEL_LAST_ROW);
    placements[s.key] = { ...p, table: s.table, headers: Object.fromEntries(s.columns.map((c) => [c.key, c.header])) };
  }
  return conditionalFormats(config, placements, specs, lists);
}

/** The formula with its string literals blanked, to inspect its structure. */
const code = (f: string) => f.replace(/"(?:[^"]|"")*"/g, '""');

describe('conditionalFormats', () => {
  const all = formatsFor();

  it('covers every rule a formula can express', () => {
    const rules = new Set(all.map((f) => f.rule));
    for (const r of ['T01', 'T02', 'F01', 'F02', 'K01', 'K02', 'K03', 'K05', 'J01', 'J03', 'B01', 'B02', 'X01']) expect(rules).toContain(r);
  });

  it('writes en-US formulas without structured references or a leading =', () => {
    for (const f of all) {
      expect(f.formula.startsWith('=')).toBe(false);
      expect(code(f.formula)).not.toMatch(/[[\];]/);
      let depth = 0;
      for (const ch of code(f.formula)) { depth += ch === '(' ? 1 : ch === ')' ? -1 : 0; expect(depth).toBeGreaterThanOrEqual(0); }
      expect(depth).toBe(0);
    }
  });

  it('reaches other sheets only through INDIRECT', () => {
    for (const f of all) {
      expect(code(f.formula)).not.toContain('!');
      for (const m of f.formula.matchAll(/'([^']+)'!/g)) {
        if (m[1] !== f.sheet) expect(f.formula).toContain(`INDIRECT("'${m[1]}'!`);
      }
    }
    const k01 = all.find((f) => f.rule === 'K01')!;
    expect(k01).toMatchObject({ sheet: 'Pohon Kinerja', range: 'A2:A2000', severity: 'E' });
    expect(k01.formula).toContain(`INDIRECT("'Indikator'!$A:$A")`);
  });

  it('is relative to the first data row of each table', () => {
    const shifted = formatsFor(defaultConfig(), ['pohon'], 3);
    const t01 = shifted.find((f) => f.rule === 'T01')!;
    expect(t01.range).toBe('A4:A2000');
    expect(t01.formula).toContain('TRIM($A4)');
    expect(t01.formula).toContain('$A$4:$A$2000');
  });

  it('marks a duplicate ID and a missing or self parent', () => {
    const t01 = all.find((f) => f.rule === 'T01')!;
    expect(t01.formula).toBe(`AND(TRIM($A2)<>"",COUNTIF($A:$A,${exactCriterion('TRIM($A2)')})>1)`);
    const t02 = all.filter((f) => f.rule === 'T02');
    expect(t02.map((f) => f.range)).toEqual(['B2:B2000', 'B2:B2000']);
    expect(t02[0].formula).toContain('TRIM($B2)=TRIM($A2)');
  });

  it('asks for an Induk only at levels that cannot be roots', () => {
    const lists = new ListSheetPlan();
    const t02 = formatsFor(defaultConfig(), KEYS, 1, lists).filter((f) => f.rule === 'T02')[1];
    const range = /INDIRECT\("('Daftar Pilihan'![^"]+)"\)/.exec(t02.formula)![1];
    const keys = lists.columns.find((c) => lists.range(c) === range)!;
    expect(keys).toContain('SasaranProgram');
    expect(keys).not.toContain('SasaranStrategis');
  });

  it('marks required cells only in rows that hold something', () => {
    const ids = all.filter((f) => f.rule === 'F01' && f.sheet === 'Pohon Kinerja' && f.formula.startsWith('AND(COUNTA('));
    expect(ids.map((f) => f.range)).toEqual(['A2:A2000', 'C2:C2000', 'D2:D2000']);
    // Status (column M, output) does not make a row "filled".
    expect(ids[0].formula).toContain('COUNTA($A2:$L2)');
  });

  it('marks one K03 format per target year and one for Kondisi Akhir', () => {
    const k03 = all.filter((f) => f.rule === 'K03');
    expect(k03.map((f) => f.range)).toEqual(['K2:K2000', 'L2:L2000', 'M2:M2000', 'N2:N2000']);
  });

  it('re-checks list values the way the reader compares them', () => {
    const lists = new ListSheetPlan();
    const mine = formatsFor(defaultConfig(), KEYS, 1, lists);
    const level = mine.find((f) => f.rule === 'F01' && f.sheet === 'Pohon Kinerja' && f.range === 'C2:C2000' && f.formula.includes('SUBSTITUTE'))!;
    expect(level.formula).toBe(notInList('$C2', ['Tujuan', 'Sasaran Strategis', 'Sasaran Program', 'Sasaran Kegiatan', 'Sasaran Sub Kegiatan'], lists));
    // The keys are counted in a list on the hidden sheet, compared the way the reader compares.
    expect(level.formula).toMatch(/^AND\(TRIM\(\$C2\)<>"",COUNTIF\(INDIRECT\("'Daftar Pilihan'!\$[A-Z]+\$1:\$[A-Z]+\$5"\),SUBSTITUTE/);
    expect(lists.columns).toContainEqual(['Tujuan', 'SasaranStrategis', 'SasaranProgram', 'SasaranKegiatan', 'SasaranSubKegiatan']);
    expect(lists.columns).toContainEqual(['KepalaDaerah', 'JPTPratama', 'Administrator', 'Pengawas', 'Fungsional', 'Pelaksana']);
    expect(mine.filter((f) => f.rule === 'K05').length).toBe(4);
    const iku = mine.find((f) => f.sheet === 'Indikator' && f.range === 'F2:F2000')!;
    expect(iku).toMatchObject({ rule: 'F01', formula: notInList('$F2', ['Ya', 'Tidak'], lists) });
  });

  it('sums the pagu of direct children at the configured levels (B01)', () => {
    const b01 = all.filter((f) => f.rule === 'B01');
    expect(b01.length).toBe(YEARS.length * 2);
    expect(b01[0].range).toBe('I2:I2000');
    expect(b01[0].formula).toContain(`SUMIFS($I:$I,$B:$B,"="&TRIM($A2),$C:$C,${exactCriterionLiteral('Sasaran Kegiatan')})`);
    expect(b01[0].formula).toMatch(/>0\)$/);
  });

  it('takes B01 levels and tolerance from the configuration', () => {
    const config = defaultConfig();
    config.toleransiPagu = 1;
    config.levels = [
      { order: 1, name: 'Strategic', tree: 'opd', resultType: '', jenjang: ['JPT Pratama'], nomenklatur: null, parents: [ROOT_MARK], optional: false },
      { order: 2, name: 'Tactical', tree: 'opd', resultType: '', jenjang: ['Administrator'], nomenklatur: 'program', parents: ['Strategic'], optional: false },
      { order: 3, name: 'Operational', tree: 'opd', resultType: '', jenjang: ['Pengawas'], nomenklatur: 'kegiatan', parents: ['Tactical'], optional: false },
    ];
    const b01 = formatsFor(config).filter((f) => f.rule === 'B01');
    expect(b01.length).toBe(YEARS.length);
    expect(b01[0].formula).toContain('="Tactical"');
    expect(b01[0].formula).toContain('"=Operational"');
    expect(b01[0].formula).not.toContain('Sasaran');
    expect(b01[0].formula).toMatch(/>1\)$/);
  });

  it('compares OPD Tujuan with the Kode OPD looked up in Info (X01)', () => {
    const x01 = all.find((f) => f.rule === 'X01')!;
    expect(x01).toMatchObject({ sheet: 'Crosscutting', range: 'B2:B2000' });
    expect(x01.formula).toContain(`MATCH("Kode OPD",INDIRECT("'Info'!$A:$A"),0)`);
  });

  it('keeps owners amber while drafting and red when not in Jabatan', () => {
    const j01 = all.filter((f) => f.rule === 'J01');
    expect(j01.map((f) => f.severity).sort()).toEqual(['E', 'W']);
    expect(j01.find((f) => f.severity === 'W')!.formula).not.toContain('"Tujuan"');
  });

  it('leaves out formats whose lookup table is not placed', () => {
    const alone = formatsFor(defaultConfig(), ['pohon']);
    expect(alone.some((f) => f.rule === 'K01' || f.rule === 'X01')).toBe(false);
    expect(alone.some((f) => f.rule === 'J01' && f.severity === 'E')).toBe(false);
  });

  it('stays within 255 characters per formula, for every year count and a long level configuration', () => {
    for (const years of [[2025], YEARS, [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]]) {
      const f = officeFormats(defaultConfig(), years);
      expect(Math.max(...f.map((x) => x.formula.length + 1))).toBeLessThanOrEqual(MAX_CF_FORMULA);
      // Nothing of the default configuration had to be left out.
      for (const r of ['T01', 'T02', 'F01', 'F02', 'K01', 'K02', 'K03', 'K05', 'J01', 'J03', 'B01', 'B02', 'X01']) expect(f.map((x) => x.rule)).toContain(r);
      expect(f.filter((x) => x.rule === 'B01').length).toBe(years.length * 2);
    }
    const long = defaultConfig();
    long.levels = long.levels.map((l) => ({ ...l, name: `${l.name} Perangkat Daerah Yang Sangat Panjang Sekali` }));
    expect(Math.max(...officeFormats(long).map((x) => x.formula.length + 1))).toBeLessThanOrEqual(MAX_CF_FORMULA);
  });

  it('runs to Excel\'s last row and follows the tables as they grow (Office template)', () => {
    const f = officeFormats();
    const k01 = f.find((x) => x.rule === 'K01')!;
    expect(k01.range).toBe(`A2:A${EXCEL_LAST_ROW}`);
    expect(k01.formula).toContain(`INDIRECT("${structuredRef('Indikator', 'ID Node')}")`);
    // No formula points at a fixed last row any more.
    for (const x of f) expect(x.formula).not.toMatch(/\$2000|\$2001/);
  });

  it('hands the formats to conditionalFormats.add warnings first, so errors end on top', () => {
    const order = inAddOrder(officeFormats());
    const firstE = order.findIndex((f) => f.severity === 'E');
    expect(firstE).toBeGreaterThan(0);
    expect(order.slice(firstE).every((f) => f.severity === 'E')).toBe(true);
  });

  it('quotes odd column names in structured references', () => {
    expect(structuredRef('Jabatan', 'ID Jabatan')).toBe('Jabatan[ID Jabatan]');
    expect(structuredRef('T', "Kode [#1]'s")).toBe("T[Kode '['#1']''s]");
  });

  it('compares IDs literally, not as wildcards or operators', () => {
    expect(exactCriterionLiteral('P*1?')).toBe('"=P~*1~?"');
    expect(exactCriterion('$A2')).toBe('"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A2,"~","~~"),"*","~*"),"?","~?")');
  });
});
