/**
 * Identity: JWT claims (as the API Gateway JWT authorizer passes them, or as the local dev
 * server passes them) into a principal, and the access rules of each route (ARCHITECTURE §5).
 * Pure: no I/O, so the whole role matrix is testable without a server.
 */
import { parseGroups, ROLES, type Role } from '../../core/wire/roles.js';

export { parseGroups, ROLES, type Role };

export interface Principal {
  sub: string;
  roles: ReadonlySet<Role>;
  /** `custom:pemda`: the pemda the user belongs to; '' when absent (then every pemda check fails). */
  pemda: string;
  /** `custom:kode_opd`: the perencana's OPD; '' when absent. */
  kodeOpd: string;
}

export type ClaimValue = string | number | boolean | string[] | undefined | null;
export type Claims = Record<string, ClaimValue | unknown>;

function claimText(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** null when there is no usable identity (no claims, or no `sub`): the caller answers 401. */
export function principalFromClaims(claims: Claims | undefined | null): Principal | null {
  if (!claims || typeof claims !== 'object') return null;
  const sub = claimText(claims.sub);
  if (sub === '') return null;
  return {
    sub,
    roles: new Set(parseGroups(claims['cognito:groups'])),
    pemda: claimText(claims['custom:pemda']),
    kodeOpd: claimText(claims['custom:kode_opd']),
  };
}

export type Access = 'push' | 'read' | 'list' | 'review' | 'consolidate' | 'decide' | 'catatan';

export type Decision = { allow: true } | { allow: false; message: string; messageEn: string };

const DENY_PEMDA: Decision = { allow: false, message: 'Anda tidak berwenang atas pemda ini.', messageEn: 'You have no access to this pemda.' };
const deny = (message: string, messageEn: string): Decision => ({ allow: false, message, messageEn });
const ALLOW: Decision = { allow: true };

/**
 * Who may do what (issue #backend, ARCHITECTURE §5):
 * - push: `perencana` of that OPD; `bappeda` for the pemda tree (opd = PEMDA);
 * - read (tree, versions): the perencana of that OPD; `organisasi`, `bappeda`, `admin` of the pemda;
 *   the pemda tree (opd = PEMDA, the RPJMD) by every perencana of the pemda too: planners need its
 *   Sasaran Pemda IDs to check Ref Pemda (T06) as the server does;
 * - list: `organisasi`, `bappeda`, `admin`; a perencana too, filtered to its own OPD (see `listFilter`);
 * - review: `organisasi` of the pemda;
 * - consolidate (the consolidated model of every OPD): `organisasi`, `bappeda`, `admin`;
 * - decide (a crosscutting request addressed to OPD `opd`): the perencana of that target OPD only;
 * - catatan (the evaluator's notes on an OPD's LKE, SAKIP.md §13): `organisasi`, `admin`.
 * The per-year documents (realisasi, LKE) are pushed and read as the tree is.
 * Everything is scoped to the principal's own pemda.
 */
export function authorize(p: Principal, access: Access, pemda: string, opd?: string): Decision {
  if (p.pemda === '' || p.pemda !== pemda) return DENY_PEMDA;
  const has = (r: Role) => p.roles.has(r);
  const ownOpd = has('perencana') && p.kodeOpd !== '' && p.kodeOpd === opd;
  switch (access) {
    case 'push':
      if (opd === 'PEMDA') return has('bappeda') ? ALLOW : deny('Hanya Bappeda yang dapat mengirim pohon pemda.', 'Only Bappeda may push the pemda tree.');
      return ownOpd ? ALLOW : deny('Hanya perencana OPD ini yang dapat mengirim pohonnya.', "Only this OPD's perencana may push its tree.");
    case 'read':
      return ownOpd || (opd === 'PEMDA' && has('perencana')) || has('organisasi') || has('bappeda') || has('admin')
        ? ALLOW : deny('Anda tidak berwenang membaca pohon OPD ini.', "You may not read this OPD's tree.");
    case 'list':
      return has('organisasi') || has('bappeda') || has('admin') || (has('perencana') && p.kodeOpd !== '')
        ? ALLOW : deny('Anda tidak berwenang melihat daftar OPD.', 'You may not list the OPDs.');
    case 'review':
      return has('organisasi') ? ALLOW : deny('Hanya Bagian Organisasi yang dapat menelaah.', 'Only the Bagian Organisasi may review.');
    case 'consolidate':
      return has('organisasi') || has('bappeda') || has('admin')
        ? ALLOW : deny('Hanya Bagian Organisasi, Bappeda atau admin yang dapat membaca konsolidasi.', 'Only the Bagian Organisasi, Bappeda or an admin may read the consolidation.');
    case 'decide':
      return ownOpd ? ALLOW : deny('Hanya perencana OPD tujuan yang dapat memutuskan permintaan crosscutting.', "Only the target OPD's perencana may decide a crosscutting request.");
    case 'catatan':
      return has('organisasi') || has('admin')
        ? ALLOW : deny('Hanya Bagian Organisasi atau admin yang dapat menulis Catatan Evaluator.', 'Only the Bagian Organisasi or an admin may write the Catatan Evaluator.');
  }
}

/** For the listing: null = every OPD; otherwise only these OPDs (a perencana sees its own). */
export function listFilter(p: Principal): string[] | null {
  if (p.roles.has('organisasi') || p.roles.has('bappeda') || p.roles.has('admin')) return null;
  return [p.kodeOpd];
}
