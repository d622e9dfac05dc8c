/**
 * A shared formula's text for a follower cell (ECMA-376 Part 1 §18.3.1.40: "the formula of the
 * master cell, with relative references adjusted"): relative row and column parts move by the
 * follower's offset from the master, `$` parts stay. The same candidates as ExcelJS 4.4
 * (utils/shared-formula.js, MIT) so both readers give one text: an `A1`-shaped token not
 * followed by `(` (a function such as LOG10 stays) and at most XFD (longer is a name).
 */
import { columnLetter } from '../core/a1.js';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function slideFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _name: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return match;
    const m = REF.exec(part);
    if (!m) return match;
    const [, colDollar, colLetters, rowDollar, rowDigits] = m;
    const letters = colLetters.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
    const col = columnNumber(letters) + (colDollar ? 0 : toCol - fromCol);
    const row = parseInt(rowDigits, 10) + (rowDollar ? 0 : toRow - fromRow);
    return `${sheet ?? ''}${colDollar ?? ''}${columnLetter(col - 1)}${rowDollar ?? ''}${row}`;
  });
}
