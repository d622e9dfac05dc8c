/**
 * Numbers typed as text, in the two notations real matrices mix (SAKIP.md §10): Indonesian
 * (`1.458.477.763.740,00`, `78,97`) and English (`1,458,477,763,740.00`, `92.02`). Most
 * values tell their notation themselves; only `1.234` and `1,234` do not. Those are read in
 * the notation the rest of their column uses, and reported as ambiguous when the column does
 * not decide (no evidence, or both notations in it); the default is Indonesian.
 */

export type NumberLocale = 'id' | 'en';
export type NumberStyle = NumberLocale | 'plain' | 'ambiguous';

/** One number token: digits with `.`/`,` separators, an optional sign. */
export const NUMBER_TOKEN = /[-−+]?\d[\d.,]*\d|[-−+]?\d/g;

/** What notation a number token shows; null when it is no valid number in either. */
export function styleOf(token: string): NumberStyle | null {
  const s = token.replace(/^[-−+]/, '');
  if (/^\d+$/.test(s)) return 'plain';
  const dots = countOf(s, '.');
  const commas = countOf(s, ',');
  if (dots && commas) {
    if (s.lastIndexOf(',') > s.lastIndexOf('.')) return /^\d{1,3}(\.\d{3})*,\d+$/.test(s) ? 'id' : null;
    return /^\d{1,3}(,\d{3})*\.\d+$/.test(s) ? 'en' : null;
  }
  if (commas) {
    if (commas > 1) return /^\d{1,3}(,\d{3})+$/.test(s) ? 'en' : null;
    if (/^\d{1,3},\d{3}$/.test(s)) return 'ambiguous';
    return /^\d+,\d+$/.test(s) ? 'id' : null;
  }
  if (dots > 1) return /^\d{1,3}(\.\d{3})+$/.test(s) ? 'id' : null;
  if (/^\d{1,3}\.\d{3}$/.test(s)) return 'ambiguous';
  return /^\d+\.\d+$/.test(s) ? 'en' : null;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** A token's value in a notation (the token's own notation wins when it shows one). */
export function parseToken(token: string, locale: NumberLocale): number | null {
  const neg = /^[-−]/.test(token);
  const s = token.replace(/^[-−+]/, '');
  const style = styleOf(s);
  if (style === null) return null;
  const use = style === 'ambiguous' || style === 'plain' ? locale : style;
  const normal = use === 'id' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  const n = Number(normal);
  if (!Number.isFinite(n)) return null;
  return neg ? -n : n;
}

/** The notation evidence of one column's text values. */
export class LocaleVote {
  id = 0;
  en = 0;
  ambiguous = 0;
  add(text: string): void {
    for (const m of text.matchAll(NUMBER_TOKEN)) {
      const st = styleOf(m[0]);
      if (st === 'id') this.id++;
      else if (st === 'en') this.en++;
      else if (st === 'ambiguous') this.ambiguous++;
    }
  }
  /** The column's notation; `decided` false when ambiguous values must be reported. */
  decide(): { locale: NumberLocale; decided: boolean; mixed: boolean } {
    const mixed = this.id > 0 && this.en > 0;
    const locale: NumberLocale = this.en > this.id ? 'en' : 'id';
    return { locale, decided: !mixed && this.id + this.en > 0, mixed };
  }
}
