/**
 * The number format of each cell style (ECMA-376 Part 1 §18.8.10 `cellXfs`, §18.8.30 `numFmt`):
 * a cell's `s` indexes cellXfs; its `numFmtId` names a format of `<numFmts>` or a built-in one.
 * Percent formats turn 0.98 into "98 %" (adoption needs them); date formats make a serial
 * number a date.
 */
import { formatSymbols } from '../core/read/normalise.js';
import { attr, XmlLexer } from './xml-lexer.js';

/**
 * The built-in formats of §18.8.30 that are not locale-dependent (ids 27–36 and 50–81 depend on
 * an East Asian locale and are left unnamed), as ExcelJS 4.4 names them too.
 */
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** The format code of each cellXfs entry, by index; undefined = General (id 0) or unknown. */
export function cellFormats(stylesXml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  const lexer = new XmlLexer({
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') {
        const id = parseInt(attr(attrs, 'numFmtId') ?? '', 10);
        // Kept as written: `0.0\%` (a literal percent sign) is not `0.0%` (×100), and `0 \h\a\r\i`
        // is no date (ExcelJS 4.4 drops the backslashes and gets both wrong).
        const code = attr(attrs, 'formatCode') ?? '';
        if (Number.isInteger(id)) custom.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        ids.push(parseInt(attr(attrs, 'numFmtId') ?? '0', 10) || 0);
      }
    },
    close(name) { if (name === 'cellXfs') inCellXfs = false; },
  }, new Set(['numFmt', 'cellXfs', 'xf']));
  lexer.feed(stylesXml);
  lexer.end();
  return ids.map((id) => (id === 0 ? undefined : custom.get(id) ?? BUILTIN[id]));
}

const dateCache = new Map<string, boolean>();

/**
 * A date or time format: y, m, d, h, s (or b, Buddhist year) outside quoted text, escaped
 * characters (`\h`) and `[…]` sections (colours, locales, elapsed-time brackets are not date
 * parts themselves).
 */
export function isDateFormat(code: string): boolean {
  let known = dateCache.get(code);
  if (known === undefined) {
    known = /[ymdhMsb]/.test(formatSymbols(code));
    dateCache.set(code, known);
  }
  return known;
}
