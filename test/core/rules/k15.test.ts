/** K15 (I, Server): IKU changes since the last accepted version, as a pure comparison of two trees. */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../core/read/index.js';
import { ikuChanges } from '../../../core/rules/k15.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../../helpers/snapshot.js';
import { ind } from './helpers.js';

const withIku = (edit: (w: WorkbookInput) => void = () => {}) => {
  const w = validInput();
  ind(w, 'SS1').IKU = 'Ya';
  edit(w);
  return readWorkbook(makeSnapshot(w)).tree;
};

describe('K15 IKU changed since the last accepted version', () => {
  const before = withIku();

  it('says nothing when the IKU is unchanged', () => {
    expect(ikuChanges(withIku(), before, 3)).toEqual([]);
  });

  it('names the fields and years that changed, at the indicator, as information', () => {
    const is = ikuChanges(withIku((w) => { ind(w, 'SS1')['Target 2026'] = 71.3; ind(w, 'SS1').Satuan = 'Tahun Hidup'; }), before, 3);
    expect(is).toMatchObject([{ rule: 'K15', severity: 'I', sheet: 'Indikator', cell: 'B2', id: 'SS1' }]);
    expect(is[0].message).toContain('versi 3');
    expect(is[0].message).toContain('Satuan, Target 2026');
  });

  it('reports a renamed IKU once, as a rename that breaks its history', () => {
    const is = ikuChanges(withIku((w) => (ind(w, 'SS1').Indikator = 'Usia Harapan Hidup')), before, 3);
    expect(is).toHaveLength(1);
    expect(is[0].message).toContain('berganti nama');
  });

  it('reports an IKU dropped or added', () => {
    expect(ikuChanges(withIku((w) => (ind(w, 'SS1').IKU = 'Tidak')), before, 3)[0].message).toContain('bukan IKU lagi');
    expect(ikuChanges(withIku((w) => (ind(w, 'P1').IKU = 'Ya')), before, 3)[0].message).toContain('menjadi IKU');
  });
});
