/**
 * Roles from the token's `cognito:groups`, shared by the server (authorization) and the pane
 * (which tabs to show). The claim arrives as a JSON array from Cognito, as "[a b]" through
 * the API Gateway JWT authorizer (it flattens arrays to a bracketed, space-separated string),
 * and as "a,b" or "a" from other paths. Unknown groups are ignored.
 */
export const ROLES = ['perencana', 'organisasi', 'bappeda', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function parseGroups(raw: unknown): Role[] {
  let parts: string[] = [];
  if (Array.isArray(raw)) parts = raw.filter((x): x is string => typeof x === 'string');
  else if (typeof raw === 'string') {
    let s = raw.trim();
    if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
    parts = s.split(/[\s,]+/).map((p) => p.replace(/^["']|["']$/g, ''));
  }
  const out = new Set<Role>();
  for (const p of parts) {
    const k = p.trim().toLowerCase();
    if ((ROLES as readonly string[]).includes(k)) out.add(k as Role);
  }
  return [...out];
}
