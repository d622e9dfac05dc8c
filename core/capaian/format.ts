/**
 * Display of capaian (SAKIP.md §6): 2 decimals, decimal comma, dot thousands, e.g. "107,14 %".
 * Values are stored unrounded; rounding happens only here, at display time.
 */
import type { CapaianResult } from './types.js';

/**
 * Half-up rounding to 2 decimals that is not fooled by binary noise: 1.005 is stored as
 * 1.00499999…, so `toFixed(2)` prints "1.00". Cleaning to 12 significant digits first
 * recovers the decimal the user typed or the formula meant. Written by hand rather than with
 * Intl so the output does not depend on the ICU data of the host (Excel add-in, Node, server).
 */
function sen(x: number): number {
  const raw = Math.abs(x) * 100;
  // Binary noise moves a value by far less than this; away from a half cent the raw value
  // rounds the same as the cleaned one, without the string round trip (LKjIP: 100,000s of cells).
  const r = Math.round(raw);
  if (Math.abs(Math.abs(raw - r) - 0.5) > 1e-7 * Math.max(1, raw)) return r;
  return Math.round(Number(raw.toPrecision(12)));
}

/** A number as Indonesian text with 2 decimals: 1234.5 → "1.234,50". Not finite → "—". */
export function formatAngka(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const c = sen(x);
  // Beyond 2^53 cents the integer split below loses digits; such values are not capaian.
  if (!Number.isSafeInteger(c)) return x.toExponential(2).replace('.', ',');
  const int = Math.floor(c / 100);
  // Most capaian are below 1.000: no thousands separator to insert (the regex is the costly part).
  const bulat = int < 1000 ? String(int) : int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const desimal = (c % 100).toString().padStart(2, '0');
  // A value that rounds to 0,00 is shown without a sign: "-0,00 %" would only confuse.
  const tanda = x < 0 && c !== 0 ? '-' : '';
  return `${tanda}${bulat},${desimal}`;
}

/** A percent value: 107.142857 → "107,14 %". */
export function formatPersen(x: number): string {
  const s = formatAngka(x);
  return s === '—' ? s : `${s} %`;
}

/**
 * A capaian result as shown to planners: the capped value, or the status text
 * ("tidak terdefinisi", "tidak dihitung") when there is no number.
 * `nilai: 'murni'` shows the uncapped value instead.
 */
export function formatCapaian(c: CapaianResult, nilai: 'capaian' | 'murni' = 'capaian'): string {
  const x = nilai === 'murni' ? c.murni : c.capaian;
  if (c.status !== 'ok' || x === null) return c.status === 'ok' ? '—' : c.status;
  return formatPersen(x);
}
