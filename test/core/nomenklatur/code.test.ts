import { describe, it, expect } from 'vitest';
import {
  codeLevel, explainInvalid, isResolvedSupport, opdBidang, parentCode, placeholderAlternatives,
  resolvePlaceholder, startsWithCode, subWidth, versionInfo, nameKey, partOf, classDigitOf,
} from '../../../core/nomenklatur/code.js';

describe('codeLevel', () => {
  it('reads the level of a code from its shape', () => {
    expect(codeLevel('1')).toBe('urusan');
    expect(codeLevel('X')).toBe('urusan');
    expect(codeLevel('1.02')).toBe('bidang_urusan');
    expect(codeLevel('X.XX')).toBe('bidang_urusan');
    expect(codeLevel('1.02.02')).toBe('program');
    expect(codeLevel('1.02.02.2.01')).toBe('kegiatan');
    expect(codeLevel('1.02.02.2.01.0024')).toBe('sub_kegiatan');
    expect(codeLevel('X.XX.01.2.01.0001')).toBe('sub_kegiatan');
  });

  it('accepts a 2-digit sub kegiatan only when the version allows that width', () => {
    expect(codeLevel('1.02.02.2.01.24', [2, 4])).toBe('sub_kegiatan');
    expect(codeLevel('1.02.02.2.01.24', [4])).toBeNull();
    expect(codeLevel('1.02.02.2.01.0024', [2])).toBeNull();
  });

  it('rejects mixed placeholders, zero segments, bad class digits and 0000', () => {
    for (const bad of ['1.XX.01', 'X.01.01', '1.00', '1.02.00', '1.02.02.3.01', '1.02.02.2.00', '1.02.02.2.01.0000', '10.02', '1.2.02', '1.02.02.2.01.024']) {
      expect(codeLevel(bad), bad).toBeNull();
    }
  });

  it('tells the width of a sub kegiatan segment', () => {
    expect(subWidth('1.02.02.2.01.0024')).toBe(4);
    expect(subWidth('1.02.02.2.01.24')).toBe(2);
    expect(subWidth('1.02.02.2.01')).toBeNull();
  });
});

describe('explainInvalid', () => {
  it('explains a 2-digit sub kegiatan under a 4-digit version without suggesting zero-padding', () => {
    const why = explainInvalid('1.02.02.2.01.24', 'sub_kegiatan', [4]);
    expect(why.id).toContain('2 digit');
    expect(why.en).toContain('do not zero-pad');
  });
  it('names a wrong class digit and a mixed placeholder', () => {
    expect(explainInvalid('1.02.02.3.01', 'kegiatan', [4]).id).toContain('digit kelas "3"');
    expect(explainInvalid('1.XX.01', 'program', [4]).en).toContain('mixed placeholder');
  });
});

describe('code parts', () => {
  it('gives the parent and the ancestor of a level', () => {
    expect(parentCode('1.02.02.2.01.0024')).toBe('1.02.02.2.01');
    expect(parentCode('1.02.02.2.01')).toBe('1.02.02');
    expect(parentCode('1.02.02')).toBe('1.02');
    expect(parentCode('1')).toBeNull();
    expect(partOf('1.02.02.2.01.0024', 'program')).toBe('1.02.02');
    expect(classDigitOf('1.02.02.2.01')).toBe('2');
  });
  it('recognises the resolved supporting programme', () => {
    expect(isResolvedSupport('5.01.01.2.01')).toBe(true);
    expect(isResolvedSupport('5.01.02.2.01')).toBe(false);
    expect(isResolvedSupport('X.XX.01.2.01')).toBe(false);
  });
});

describe('kode OPD and X.XX', () => {
  it('reads the OPD bidang from the kode OPD, skipping 0.00', () => {
    expect(opdBidang('5.01.5.05.0.00.01.0000')).toEqual(['5.01', '5.05']);
    expect(opdBidang('1.02.0.00.0.00.01.0000')).toEqual(['1.02']);
    expect(opdBidang('PEMDA')).toEqual([]);
    expect(opdBidang('5.01')).toEqual([]);
  });

  it('resolves X.XX to the first bidang of the kode OPD (SAKIP §3.6 example)', () => {
    expect(resolvePlaceholder('X.XX.01.2.01.0001', '5.01.5.05.0.00.01.0000')).toBe('5.01.01.2.01.0001');
    expect(resolvePlaceholder('X.XX.01.2.01.0001', 'rusak')).toBe('X.XX.01.2.01.0001');
    expect(resolvePlaceholder('1.02.02.2.01', '5.01.5.05.0.00.01.0000')).toBe('1.02.02.2.01');
  });

  it('offers X.XX look-up spellings only for the OPD bidang and program 01', () => {
    expect(placeholderAlternatives('5.05.01.2.01.0001', ['5.01', '5.05'])).toEqual(['X.XX.01.2.01.0001']);
    expect(placeholderAlternatives('1.03.01.2.01.0001', ['5.01'])).toEqual([]);
    expect(placeholderAlternatives('5.01.02.2.01', ['5.01'])).toEqual([]);
    expect(placeholderAlternatives('X.XX.01.2.01', ['5.01', '5.05'])).toEqual(['5.01.01.2.01', '5.05.01.2.01']);
  });

  it('compares prefixes with X.XX standing for an OPD bidang', () => {
    expect(startsWithCode('1.02.02.2.01', '1.02.02', [])).toBe(true);
    expect(startsWithCode('1.02.020.2.01', '1.02.02', [])).toBe(false);
    expect(startsWithCode('1.02.01.2.01', 'X.XX.01', ['1.02'])).toBe(true);
    expect(startsWithCode('X.XX.01.2.01', '1.02.01', ['1.02'])).toBe(true);
    expect(startsWithCode('1.03.01.2.01', 'X.XX.01', ['1.02'])).toBe(false);
    expect(startsWithCode('1.02.02', '1.02.02', [])).toBe(false);
  });
});

describe('versionInfo', () => {
  it('maps 2019 and 2020 to the complete 2020 list with both widths', () => {
    for (const v of ['Permendagri 90/2019', 'Kepmendagri 050-3708/2020', ' kepmendagri  050-3708/2020 ']) {
      const i = versionInfo(v);
      expect(i).toMatchObject({ known: true, list: '2020', complete: true });
      expect(i.widths).toEqual([2, 4]);
    }
  });
  it('maps later versions to the incomplete merged list; 2023 on is 4 digits only', () => {
    expect(versionInfo('Kepmendagri 050-5889/2021')).toMatchObject({ list: '2020+2024', complete: false, widths: [2, 4] });
    expect(versionInfo('Kepmendagri 900.1-2850/2025')).toMatchObject({ list: '2020+2024', complete: false, widths: [4] });
  });
  it('treats an unknown or empty version as the 2020 list, incomplete', () => {
    expect(versionInfo('')).toMatchObject({ known: false, list: '2020', complete: false });
    expect(versionInfo('Perda 1/2024')).toMatchObject({ known: false, list: '2020', complete: false });
  });
});

describe('nameKey', () => {
  it('ignores case, spacing and typographic quotes', () => {
    expect(nameKey('Program  Pemenuhan\nUpaya')).toBe(nameKey('PROGRAM PEMENUHAN UPAYA'));
    expect(nameKey('Ma‟had „Aly')).toBe(nameKey('Ma"had "Aly'));
  });
});
