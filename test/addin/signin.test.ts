/**
 * The sign-in pieces on their own (issue 11 #1, #5): the run-time configuration, one step of
 * the code flow (an `error=` never redirects again), the pane's message check, the host
 * detection that waits inside Office, and the local hosted UI's answers, which follow Cognito's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptMessage } from '../../addin/auth/dialog.js';
import { challengeOf } from '../../addin/auth/pkce.js';
import { signInStep } from '../../addin/auth/signin-page.js';
import { detectHost, openedByOffice } from '../../addin/boot.js';
import { loadPaneConfig } from '../../addin/config.js';
import { DEV_PANE_CONFIG, LOCAL_CLIENT_ID, parsePaneConfig, SIGNIN_PATH } from '../../core/wire/pane.js';
import { HostedUi, s256 } from '../../functions/local/hosted-ui.js';
import { loadIssuer } from '../../functions/local/tokens.js';
import { AUTH_CALLBACK_PATH } from '../../infra/lib/auth.js';

const PANE = 'https://pokin.contohkab.go.id';
const ui = { domain: PANE, clientId: LOCAL_CLIENT_ID, redirectUri: `${PANE}${SIGNIN_PATH}` };

class MemoryStore implements Storage {
  private m = new Map<string, string>();
  get length() { return this.m.size; }
  clear() { this.m.clear(); }
  getItem(k: string) { return this.m.get(k) ?? null; }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  removeItem(k: string) { this.m.delete(k); }
  setItem(k: string, v: string) { this.m.set(k, v); }
}

describe('run-time configuration', () => {
  it('is read at run time: a deployment\'s file, the dev mode only when there is none', async () => {
    const file = { api: 'https://api.pokin.go.id/', auth: { domain: 'https://x.auth.ap-southeast-3.amazoncognito.com/', clientId: 'abc' } };
    const f = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
    expect(await loadPaneConfig(`${PANE}/taskpane.html`, f(200, file))).toEqual({ api: 'https://api.pokin.go.id', auth: { domain: 'https://x.auth.ap-southeast-3.amazoncognito.com', clientId: 'abc' } });
    expect(await loadPaneConfig(`${PANE}/taskpane.html`, f(404, {}))).toEqual(DEV_PANE_CONFIG);
    await expect(loadPaneConfig(`${PANE}/taskpane.html`, f(500, {}))).rejects.toThrow(/HTTP 500/);
    expect(() => parsePaneConfig({ api: 'ftp://x', auth: null })).toThrow(/api/);
    expect(() => parsePaneConfig({ api: '', auth: { domain: '' } })).toThrow(/clientId/);
  });

  it('has one redirect URI for the pane and the Cognito client', () => {
    expect(AUTH_CALLBACK_PATH).toBe(SIGNIN_PATH);
  });
});

describe('the sign-in page\'s code flow', () => {
  it('goes to the authorize endpoint with S256 PKCE and a state, then exchanges the code', async () => {
    const store = new MemoryStore();
    let went = '';
    expect(await signInStep(ui, new URLSearchParams(''), store, (u) => { went = u; })).toEqual({ kind: 'redirected' });
    const q = new URL(went).searchParams;
    expect(went.startsWith(`${PANE}/oauth2/authorize?`)).toBe(true);
    expect(q.get('redirect_uri')).toBe(`${PANE}/signin.html`);
    const saved = JSON.parse(store.getItem('pokin.pkce')!) as { verifier: string; state: string };
    expect(q.get('code_challenge')).toBe(await challengeOf(saved.verifier));
    expect(q.get('state')).toBe(saved.state);
  });

  it('shows an error= answer instead of redirecting again (the old loop)', async () => {
    const store = new MemoryStore();
    store.setItem('pokin.pkce', '{"verifier":"v","state":"s"}');
    let went = '';
    const r = await signInStep(ui, new URLSearchParams('error=access_denied&error_description=cancelled&state=s'), store, (u) => { went = u; });
    expect(r).toEqual({ kind: 'error', error: 'access_denied', description: 'cancelled' });
    expect(went).toBe('');
    expect(store.getItem('pokin.pkce')).toBeNull();
  });

  it('refuses a code whose state does not match', async () => {
    const store = new MemoryStore();
    store.setItem('pokin.pkce', '{"verifier":"v","state":"s"}');
    expect(await signInStep(ui, new URLSearchParams('code=c&state=other'), store, () => undefined)).toMatchObject({ kind: 'error', error: 'state_mismatch' });
  });
});

describe('the pane\'s dialog message check', () => {
  it('takes a token or an error only from its own origin', () => {
    const token = JSON.stringify({ kind: 'pokin-token', token: 'a.b.c' });
    expect(acceptMessage(token, PANE, PANE)).toEqual({ kind: 'pokin-token', token: 'a.b.c' });
    expect(acceptMessage(token, 'https://evil.example', PANE)).toBeNull();
    expect(acceptMessage(JSON.stringify({ kind: 'pokin-error', error: 'access_denied', text: 'x' }), PANE, PANE)).toMatchObject({ kind: 'pokin-error' });
    expect(acceptMessage('{"kind":"other"}', PANE, PANE)).toBeNull();
    expect(acceptMessage('not json', PANE, PANE)).toBeNull();
  });
});

describe('host detection', () => {
  const never = { onReady: () => new Promise<{ host: unknown }>(() => undefined) };
  it('waits for Office however long it takes when Office opened the pane, and says it is connecting', async () => {
    let resolve: (v: { host: unknown }) => void = () => undefined;
    const slowOffice = { onReady: () => new Promise<{ host: unknown }>((r) => { resolve = r; }) };
    let slow = false;
    const p = detectHost('?_host_Info=Excel$Win32$16.01$id-ID$$$$0', slowOffice, () => { slow = true; }, 50);
    await new Promise((r) => setTimeout(r, 200));
    resolve({ host: 'Excel' });
    expect(await p).toEqual({ kind: 'excel' });
    expect(slow).toBe(false); // the 5 s notice did not fire in 200 ms
    expect(openedByOffice('?_host_Info=Excel$Web$16.01$en-US$$$$0')).toBe(true);
  });

  it('falls back to preview in a plain browser, or without office.js', async () => {
    expect(await detectHost('', never, undefined, 20)).toEqual({ kind: 'preview', reason: 'no-host' });
    expect(await detectHost('', undefined)).toEqual({ kind: 'preview', reason: 'offline' });
    expect(await detectHost('?preview', never)).toEqual({ kind: 'preview', reason: 'url' });
  });
});

describe('local hosted UI (like Cognito\'s)', async () => {
  const keysDir = mkdtempSync(join(tmpdir(), 'pokin-hosted-'));
  afterAll(() => rmSync(keysDir, { recursive: true, force: true }));
  const issuer = await loadIssuer(keysDir);
  let now = 1_000_000;
  const hosted = new HostedUi(issuer, { redirectOrigins: [PANE], now: () => now });
  const redirect = `${PANE}${SIGNIN_PATH}`;
  const verifier = 'v'.repeat(43);
  const authorize = (q: Record<string, string>) => hosted.handle('GET', new URL(`http://x/oauth2/authorize?${new URLSearchParams(q)}`), '');
  const good = { response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: redirect, state: 's1', code_challenge: s256(verifier), code_challenge_method: 'S256', scope: 'openid email profile' };
  const location = (a: { headers: Record<string, string> } | null) => new URL(a!.headers.location);

  it('answers a bad client or redirect URI with an error page, never a redirect', async () => {
    expect((await authorize({ ...good, client_id: 'x' }))!.status).toBe(400);
    const r = await authorize({ ...good, redirect_uri: `${PANE}/auth-callback.html` });
    expect(r!.status).toBe(400);
    expect(r!.body).toContain('redirect_mismatch');
  });

  it('redirects request errors back with error= and the state', async () => {
    expect(location(await authorize({ ...good, response_type: 'token' })).searchParams.get('error')).toBe('unsupported_response_type');
    const noPkce = location(await authorize({ ...good, code_challenge: '' }));
    expect([noPkce.searchParams.get('error'), noPkce.searchParams.get('state')]).toEqual(['invalid_request', 's1']);
    expect(location(await authorize({ ...good, scope: 'openid admin' })).searchParams.get('error')).toBe('invalid_scope');
  });

  it('issues a code once, for the same redirect URI and verifier, within five minutes', async () => {
    const form = (extra: Record<string, string>) => new URLSearchParams({ ...good, role: 'perencana', pemda: '32.04', opd: '1.02.0.00.0.00.01.0000', action: 'signin', ...extra }).toString();
    const code = () => hosted.handle('POST', new URL('http://x/oauth2/authorize'), form({})).then((a) => location(a).searchParams.get('code')!);
    const token = (c: string, extra: Record<string, string> = {}) => hosted.handle('POST', new URL('http://x/oauth2/token'),
      new URLSearchParams({ grant_type: 'authorization_code', client_id: LOCAL_CLIENT_ID, code: c, redirect_uri: redirect, code_verifier: verifier, ...extra }).toString());
    const c1 = await code();
    const ok = await token(c1);
    expect(ok!.status).toBe(200);
    const claims = await issuer.verify(JSON.parse(ok!.body).id_token);
    expect(claims['custom:kode_opd']).toBe('1.02.0.00.0.00.01.0000');
    expect(JSON.parse((await token(c1))!.body).error).toBe('invalid_grant'); // used
    expect(JSON.parse((await token(await code(), { code_verifier: 'w'.repeat(43) }))!.body).error).toBe('invalid_grant');
    expect(JSON.parse((await token(await code(), { redirect_uri: `${PANE}/x.html` }))!.body).error).toBe('invalid_grant');
    expect(JSON.parse((await token(await code(), { client_id: 'x' }))!.body).error).toBe('invalid_client');
    const late = await code();
    now += 6 * 60_000;
    expect(JSON.parse((await token(late))!.body).error).toBe('invalid_grant');
    const cancel = await hosted.handle('POST', new URL('http://x/oauth2/authorize'), form({ action: 'cancel' }));
    expect(location(cancel).searchParams.get('error')).toBe('access_denied');
  });
});
