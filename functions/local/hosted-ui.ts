/**
 * A local stand-in for the Cognito hosted UI (never deployed), so the pane's sign-in runs the
 * same Authorization Code + PKCE flow locally and in tests as against Cognito
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html,
 * …/token-endpoint.html):
 * - GET /oauth2/authorize checks client_id and redirect_uri first (a bad one gets an error page,
 *   never a redirect to an unchecked URI: Cognito's `redirect_mismatch`), then the request
 *   (`response_type=code`, S256 `code_challenge`, known scopes), answering problems with a
 *   redirect carrying `error=` and the `state`; otherwise it shows a sign-in form (role, pemda,
 *   OPD: the claims a Cognito user carries as groups and custom attributes);
 * - POST /oauth2/authorize (the form) redirects with `code` and `state`, or `error=access_denied`
 *   when the user cancels;
 * - POST /oauth2/token exchanges a code once, within 5 minutes, for the same client and
 *   redirect URI and a verifier whose S256 is the challenge; errors are JSON `{ "error": … }`
 *   with status 400 (`invalid_grant`, `invalid_client`, `unsupported_grant_type`, `invalid_request`).
 * Tokens come from the dev issuer, so the local API accepts them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LOCAL_CLIENT_ID, SIGNIN_PATH } from '../../core/wire/pane.js';
import { checkDevTokenRequest, type DevIssuer, type DevTokenRequest } from './tokens.js';

export interface HostedUiOptions {
  clientId?: string;
  /** Origins whose SIGNIN_PATH is a registered callback URL (exact match, as in Cognito). */
  redirectOrigins: string[];
  now?: () => number;
}

export interface HostedUiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Grant { clientId: string; redirectUri: string; challenge: string; claims: DevTokenRequest; expires: number }

const SCOPES = new Set(['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin']);
const CODE_TTL_MS = 5 * 60_000;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const html = (status: number, body: string): HostedUiAnswer => ({
  status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pokin lokal — Masuk</title></head><body style="font-family:sans-serif;max-width:420px;padding:16px">${body}</body></html>`,
});
const json = (status: number, value: unknown): HostedUiAnswer => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(value),
});
const redirect = (to: string): HostedUiAnswer => ({ status: 302, headers: { location: to, 'cache-control': 'no-store' }, body: '' });

function withQuery(uri: string, q: Record<string, string>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(q)) if (v !== '') u.searchParams.set(k, v);
  return u.href;
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class HostedUi {
  private grants = new Map<string, Grant>();
  private readonly clientId: string;
  private readonly now: () => number;

  constructor(private readonly issuer: DevIssuer, private readonly opts: HostedUiOptions) {
    this.clientId = opts.clientId ?? LOCAL_CLIENT_ID;
    this.now = opts.now ?? Date.now;
  }

  private redirectAllowed(uri: string): boolean {
    return this.opts.redirectOrigins.some((o) => uri === `${o.replace(/\/+$/, '')}${SIGNIN_PATH}`);
  }

  /** Handles /oauth2/*; null for any other path. */
  async handle(method: string, url: URL, body: string): Promise<HostedUiAnswer | null> {
    if (url.pathname === '/oauth2/authorize') return method === 'POST' ? this.submit(new URLSearchParams(body)) : this.authorize(url.searchParams);
    if (url.pathname === '/oauth2/token' && method === 'POST') return this.token(new URLSearchParams(body));
    if (url.pathname.startsWith('/oauth2/')) return json(404, { error: 'not_found' });
    return null;
  }

  /** The checks every authorize request (and the form that continues it) passes. */
  private check(q: URLSearchParams): { page: HostedUiAnswer } | { back: (e: Record<string, string>) => HostedUiAnswer; redirectUri: string } {
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    if (clientId !== this.clientId) return { page: html(400, `<h1>invalid_request</h1><p>Unknown client_id.</p>`) };
    if (!this.redirectAllowed(redirectUri)) return { page: html(400, `<h1>redirect_mismatch</h1><p>${esc(redirectUri)} is not a callback URL of this client.</p>`) };
    const state = q.get('state') ?? '';
    return { redirectUri, back: (e) => redirect(withQuery(redirectUri, { ...e, state })) };
  }

  private authorize(q: URLSearchParams): HostedUiAnswer {
    const c = this.check(q);
    if ('page' in c) return c.page;
    if (q.get('response_type') !== 'code') return c.back({ error: 'unsupported_response_type' });
    const challenge = q.get('code_challenge') ?? '';
    if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return c.back({ error: 'invalid_request', error_description: 'PKCE S256 code_challenge required' });
    }
    const scopes = (q.get('scope') ?? 'openid').split(/\s+/).filter(Boolean);
    if (scopes.some((s) => !SCOPES.has(s))) return c.back({ error: 'invalid_scope' });
    const hidden = [...q.entries()].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
    return html(200, `<h1>Pokin (lokal) — Masuk</h1>
<form method="post" action="/oauth2/authorize">${hidden}
<label>Peran <select name="role" data-testid="hosted-role"><option>perencana</option><option>organisasi</option><option>bappeda</option><option>admin</option></select></label><br>
<label>Kode pemda <input name="pemda" data-testid="hosted-pemda" value="32.04"></label><br>
<label>Kode OPD <input name="opd" data-testid="hosted-opd"></label><br>
<label>Nama pengguna <input name="sub" data-testid="hosted-sub"></label><br>
<button type="submit" name="action" value="signin" data-testid="hosted-signin">Masuk</button>
<button type="submit" name="action" value="cancel" data-testid="hosted-cancel">Batal</button>
</form>`);
  }

  private submit(q: URLSearchParams): HostedUiAnswer {
    const c = this.check(q);
    if ('page' in c) return c.page;
    if (q.get('action') === 'cancel') return c.back({ error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
    const claims = checkDevTokenRequest({
      role: q.get('role') ?? '', pemda: q.get('pemda') ?? '', ...(q.get('opd') ? { opd: q.get('opd') } : {}), ...(q.get('sub') ? { sub: q.get('sub') } : {}),
    });
    if (!claims.ok) return html(400, `<p role="alert">${esc(claims.message)} / ${esc(claims.messageEn)}</p>`);
    const code = randomBytes(24).toString('base64url');
    this.grants.set(code, { clientId: this.clientId, redirectUri: c.redirectUri, challenge: q.get('code_challenge') ?? '', claims: claims.value, expires: this.now() + CODE_TTL_MS });
    return c.back({ code });
  }

  private async token(q: URLSearchParams): Promise<HostedUiAnswer> {
    if (q.get('grant_type') !== 'authorization_code') return json(400, { error: 'unsupported_grant_type' });
    if (q.get('client_id') !== this.clientId) return json(400, { error: 'invalid_client' });
    const code = q.get('code') ?? '';
    const grant = this.grants.get(code);
    // A code works once: used, expired or unknown are all invalid_grant.
    this.grants.delete(code);
    if (!grant || grant.expires < this.now()) return json(400, { error: 'invalid_grant' });
    if (grant.redirectUri !== q.get('redirect_uri')) return json(400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
    const verifier = q.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return json(400, { error: 'invalid_request', error_description: 'code_verifier' });
    if (s256(verifier) !== grant.challenge) return json(400, { error: 'invalid_grant', error_description: 'code_verifier does not match' });
    const token = await this.issuer.issue(grant.claims, 3600);
    return json(200, { id_token: token, access_token: token, expires_in: 3600, token_type: 'Bearer' });
  }
}
