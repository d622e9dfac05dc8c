import { describe, expect, it } from 'vitest';
import { keepTogether, pageHeight, pageStarts } from '../../../core/derive/pages.js';
import { SheetBuilder, type Paper } from '../../../core/derive/spec.js';

/** A portrait sheet as wide as a PK (99 characters: printed at 100 %), rows 1..n of `h` points. */
function sheet(n: number, h: number, paper: Paper = 'A4', breaks: number[] = []) {
  const s = new SheetBuilder('PK', [5, 34, 32.5, 12.5, 15], { paper, orientation: 'portrait', fitToWidth: true, pageBreaks: breaks });
  for (let r = 1; r <= n; r++) s.spec.rowHeights[r] = h;
  return s.spec;
}

describe('page breaks estimated from row heights', () => {
  it('knows the usable page height of A4 and F4 (Folio is taller)', () => {
    expect(pageHeight(sheet(1, 15))).toBeCloseTo(842 - 86.4, 0);
    expect(pageHeight(sheet(1, 15, 'F4'))).toBeCloseTo(936 - 86.4, 0);
  });

  it('starts a page where the rows no longer fit, and after each manual break', () => {
    // 755.6 pt per A4 page: 37 rows of 20 pt fit, the 38th starts page 2.
    expect(pageStarts(sheet(80, 20), 80)).toEqual([38, 75]);
    expect(pageStarts(sheet(80, 20, 'A4', [10]), 80)).toEqual([11, 48]);
  });

  it('moves a signature block that would straddle two pages to the next page, whole', () => {
    const spec = keepTogether(sheet(45, 20), 33, 42);
    expect(spec.print.pageBreaks).toEqual([32]);
    expect(pageStarts(spec, 45)).toEqual([33]);
  });

  it('leaves a block that fits on its page, or one taller than a page, as it is', () => {
    expect(keepTogether(sheet(45, 20), 20, 30).print.pageBreaks).toEqual([]);
    expect(keepTogether(sheet(120, 20), 2, 100).print.pageBreaks).toEqual([]);
  });
});
