import { describe, it, expect } from 'vitest';
import { defaultConfig, ROOT_MARK, type PokinConfig } from '../../../core/config.js';
import {
  conditionalFormats, exactCriterion, exactCriterionLiteral, notInList, placementFromSpec, type ConditionalFormat, type Placements,
} from '../../../core/layout/conditional.js';
import { canonicalTables } from '../../../core/layout/tables.js';

const YEARS = [2025, 2026, 2027];

function formatsFor(config: PokinConfig = defaultConfig(), keys = ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'], headerRow = 1): ConditionalFormat[] {
  const specs = canonicalTables(YEARS).filter((s) => keys.includes(s.key));
  const placements: Placements = {};
  for (const s of specs) placements[s.key] = placementFromSpec(s, headerRow, 2000);
  return conditionalFormats(config, placements, specs);
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
    expect(k01.formula).toContain(`INDIRECT("'Indikator'!$A$2:$A$2000")`);
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
    expect(t01.formula).toBe(`AND(TRIM($A2)<>"",COUNTIF($A$2:$A$2000,${exactCriterion('TRIM($A2)')})>1)`);
    const t02 = all.filter((f) => f.rule === 'T02');
    expect(t02.map((f) => f.range)).toEqual(['B2:B2000', 'B2:B2000']);
    expect(t02[0].formula).toContain('TRIM($B2)=TRIM($A2)');
  });

  it('asks for an Induk only at levels that cannot be roots', () => {
    const t02 = all.filter((f) => f.rule === 'T02')[1];
    expect(t02.formula).toContain('"SasaranProgram"');
    expect(t02.formula).not.toContain('"SasaranStrategis"');
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
    const level = all.find((f) => f.rule === 'F01' && f.sheet === 'Pohon Kinerja' && f.range === 'C2:C2000' && f.formula.includes('SUBSTITUTE'))!;
    expect(level.formula).toBe(notInList('$C2', ['Tujuan', 'Sasaran Strategis', 'Sasaran Program', 'Sasaran Kegiatan', 'Sasaran Sub Kegiatan']));
    expect(all.filter((f) => f.rule === 'K05').length).toBe(4);
    const jenjang = all.find((f) => f.sheet === 'Jabatan' && f.range === 'C2:C2000' && f.formula.includes('SUBSTITUTE'))!;
    expect(jenjang.formula).toContain('"JPTPratama"');
    const iku = all.find((f) => f.sheet === 'Indikator' && f.range === 'F2:F2000')!;
    expect(iku).toMatchObject({ rule: 'F01', formula: notInList('$F2', ['Ya', 'Tidak']) });
  });

  it('sums the pagu of direct children at the configured levels (B01)', () => {
    const b01 = all.filter((f) => f.rule === 'B01');
    expect(b01.length).toBe(YEARS.length * 2);
    expect(b01[0].range).toBe('I2:I2000');
    expect(b01[0].formula).toContain(`SUMIFS($I$2:$I$2000,$B$2:$B$2000,${exactCriterion('TRIM($A2)')},$C$2:$C$2000,${exactCriterionLiteral('Sasaran Kegiatan')})`);
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
    expect(b01[0].formula).toContain('"Tactical"');
    expect(b01[0].formula).toContain('"=Operational"');
    expect(b01[0].formula).not.toContain('Sasaran');
    expect(b01[0].formula).toMatch(/>1\)$/);
  });

  it('compares OPD Tujuan with the Kode OPD looked up in Info (X01)', () => {
    const x01 = all.find((f) => f.rule === 'X01')!;
    expect(x01).toMatchObject({ sheet: 'Crosscutting', range: 'B2:B2000' });
    expect(x01.formula).toContain(`MATCH("Kode OPD",INDIRECT("'Info'!$A$2:$A$2000"),0)`);
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

  it('compares IDs literally, not as wildcards or operators', () => {
    expect(exactCriterionLiteral('P*1?')).toBe('"=P~*1~?"');
    expect(exactCriterion('$A2')).toBe('"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A2,"~","~~"),"*","~*"),"?","~?")');
  });
});
