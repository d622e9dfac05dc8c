import { describe, expect, it } from 'vitest';
import { box, issuesOf } from './helpers.js';

describe('tree rules', () => {
  it('accepts the valid example without T issues', () => {
    for (const r of ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10'] as const) expect(issuesOf(r)).toEqual([]);
  });

  it('T01 flags a duplicate box ID at the second row', () => {
    const is = issuesOf('T01', (w) => w.pohon!.push({ ...box(w, 'S1'), ID: 'K1' }));
    expect(is).toHaveLength(1);
    expect(is[0]).toMatchObject({ severity: 'E', sheet: 'Pohon Kinerja', cell: 'A6', id: 'K1' });
    expect(is[0].message).toContain('baris 4');
  });

  it('T02 flags a parent that does not exist', () => {
    const is = issuesOf('T02', (w) => (box(w, 'S1').Induk = 'K9'));
    expect(is).toMatchObject([{ severity: 'E', cell: 'B5', id: 'S1' }]);
  });

  it('T02 flags a box that names itself as parent', () => {
    const is = issuesOf('T02', (w) => (box(w, 'K1').Induk = 'K1'));
    expect(is[0].message).toContain('dirinya sendiri');
  });

  it('T02 flags a non-root level left without Induk', () => {
    const is = issuesOf('T02', (w) => (box(w, 'P1').Induk = null));
    expect(is).toMatchObject([{ id: 'P1', cell: 'B3' }]);
  });

  it('T03 reports every box of a parent cycle', () => {
    const is = issuesOf('T03', (w) => (box(w, 'P1').Induk = 'S1'));
    expect(is.map((i) => i.id).sort()).toEqual(['K1', 'P1', 'S1']);
  });

  it('T04 flags a child whose level is not below its parent', () => {
    const is = issuesOf('T04', (w) => (box(w, 'K1').Level = 'Sasaran Program'));
    expect(is).toMatchObject([{ id: 'K1', cell: 'C4', severity: 'E' }]);
  });

  it('T05 warns about a level skip outside the configured transitions', () => {
    const is = issuesOf('T05', (w) => (box(w, 'S1').Induk = 'P1'));
    expect(is).toMatchObject([{ id: 'S1', severity: 'W' }]);
  });

  it('T06 flags a root without Ref Pemda', () => {
    const is = issuesOf('T06', (w) => (box(w, 'SS1')['Ref Pemda'] = null));
    expect(is).toMatchObject([{ id: 'SS1', cell: 'H2', severity: 'E' }]);
  });

  it('T06 checks Ref Pemda against the known Sasaran Pemda when given', () => {
    const ids = new Set(['SP1']);
    expect(issuesOf('T06', (w) => (box(w, 'SS1')['Ref Pemda'] = 'SP1'), { pemdaSasaranIds: ids })).toEqual([]);
    expect(issuesOf('T06', (w) => (box(w, 'SS1')['Ref Pemda'] = 'SP9'), { pemdaSasaranIds: ids })).toHaveLength(1);
  });

  it('T06 flags a tree with no root at all', () => {
    expect(issuesOf('T06', (w) => (box(w, 'SS1').Induk = 'S1'))[0].message).toContain('tidak punya akar');
  });

  it('T07 warns about a leaf above the lowest level', () => {
    const is = issuesOf('T07', (w) => { w.pohon = w.pohon!.filter((r) => r.ID !== 'S1'); w.indikator = w.indikator!.filter((r) => r['ID Node'] !== 'S1'); });
    expect(is).toMatchObject([{ id: 'K1', severity: 'W' }]);
  });

  it('T08 warns when a child repeats the parent statement and owner', () => {
    const is = issuesOf('T08', (w) => { box(w, 'S1')['Pernyataan Kinerja'] = box(w, 'K1')['Pernyataan Kinerja']; });
    expect(is).toMatchObject([{ id: 'S1', severity: 'W' }]);
  });

  it('T09 warns above Maks Anak children', () => {
    const is = issuesOf('T09', (w) => {
      w.info = { 'Maks Anak': 1 };
      w.pohon!.push({ ...box(w, 'S1'), ID: 'S2' });
    });
    expect(is).toMatchObject([{ id: 'K1', severity: 'W' }]);
  });

  it('T10 notes a child placed above its parent', () => {
    const is = issuesOf('T10', (w) => { const s = w.pohon!.pop()!; w.pohon!.unshift(s); });
    expect(is).toMatchObject([{ id: 'S1', severity: 'I' }]);
  });
});
