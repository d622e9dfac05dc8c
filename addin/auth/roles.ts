/**
 * The signed-in user's roles and scope, from the token's claims (display and tab choice only:
 * the API enforces them). `cognito:groups` is parsed defensively, as the server does: a JSON
 * array from Cognito, "[a b]" through the API Gateway JWT authorizer, or "a,b".
 */
import { parseGroups, ROLES, type Role } from '../../core/wire/roles.js';
import { claimsOf } from './pkce.js';

export { parseGroups, ROLES, type Role };

export interface Identity {
  sub: string;
  roles: Role[];
  /** `custom:pemda` ('' when absent). */
  pemda: string;
  /** `custom:kode_opd` of a perencana ('' when absent). */
  opd: string;
}

export function identityOf(token: string | null): Identity | null {
  if (!token) return null;
  const c = claimsOf(token);
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return { sub: text(c.sub), roles: parseGroups(c['cognito:groups']), pemda: text(c['custom:pemda']), opd: text(c['custom:kode_opd']) };
}

/** Bagian Organisasi, Bappeda and admin see the Konsolidasi tab. */
export function canConsolidate(id: Identity | null): boolean {
  return !!id && id.roles.some((r) => r === 'organisasi' || r === 'bappeda' || r === 'admin');
}

/** Only the Bagian Organisasi accepts or returns a version. */
export function canReview(id: Identity | null): boolean {
  return !!id && id.roles.includes('organisasi');
}

export function isPlanner(id: Identity | null): boolean {
  return !!id && id.roles.includes('perencana') && id.opd !== '';
}
