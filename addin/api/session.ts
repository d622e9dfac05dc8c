/**
 * The sign-in across a reload: the token is kept in localStorage only while it is valid (its
 * `exp` claim, with a minute's margin) and dropped on sign-out, on expiry and when the server
 * refuses it (401). A token without `exp` is not kept: we cannot tell when it stops working.
 */
import { tokenClaims } from '../../client/api.js';
import { setting } from './persist.js';

const MARGIN_MS = 60_000;
const kept = setting('token');

/** Milliseconds since the epoch at which the token expires; null when it says nothing. */
export function expiresAt(token: string): number | null {
  const exp = tokenClaims(token).exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

export function isValid(token: string | null, now = Date.now()): token is string {
  if (!token) return false;
  const at = expiresAt(token);
  return at !== null && at - MARGIN_MS > now;
}

export function keepToken(token: string | null, now = Date.now()): void {
  kept.set(isValid(token, now) ? token : null);
}

/** The kept token if it is still valid (an expired one is forgotten). */
export function restoreToken(now = Date.now()): string | null {
  const t = kept.get();
  if (isValid(t, now)) return t;
  if (t !== null) kept.set(null);
  return null;
}
