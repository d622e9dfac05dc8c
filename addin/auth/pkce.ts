/**
 * Authorization Code + PKCE (RFC 7636) pieces for the Cognito hosted UI: the verifier, its
 * S256 challenge, the authorize URL and the token exchange. WebCrypto only.
 */
function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function makeVerifier(): string {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return base64url(b);
}

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface HostedUi {
  /** e.g. https://pokin.auth.ap-southeast-3.amazoncognito.com */
  domain: string;
  clientId: string;
  redirectUri: string;
  scope?: string;
}

export function authorizeUrl(ui: HostedUi, challenge: string, state: string): string {
  const q = new URLSearchParams({
    response_type: 'code', client_id: ui.clientId, redirect_uri: ui.redirectUri, scope: ui.scope ?? 'openid email profile',
    code_challenge_method: 'S256', code_challenge: challenge, state,
  });
  return `${ui.domain.replace(/\/+$/, '')}/oauth2/authorize?${q}`;
}

export async function exchangeCode(ui: HostedUi, code: string, verifier: string, f: typeof fetch = fetch): Promise<{ idToken: string; accessToken: string; expiresIn: number }> {
  const res = await f(`${ui.domain.replace(/\/+$/, '')}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: ui.clientId, code, redirect_uri: ui.redirectUri, code_verifier: verifier }),
  });
  if (!res.ok) throw new Error(`token exchange failed: HTTP ${res.status}`);
  const j = (await res.json()) as { id_token: string; access_token: string; expires_in: number };
  return { idToken: j.id_token, accessToken: j.access_token, expiresIn: j.expires_in };
}

/** Claims of a JWT, unverified (display only: the API verifies). */
export function claimsOf(token: string): Record<string, unknown> {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
  } catch {
    return {};
  }
}
