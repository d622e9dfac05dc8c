/// <reference types="office-js" />
/**
 * The page the Office dialog opens (SIGNIN_PATH), and the OAuth redirect URI. office.js is
 * loaded in <head>; this module waits for `Office.onReady` before anything else, because "to use
 * the messageParent method, the dialog box must first initialize the Office JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins).
 *
 * With a hosted UI in the run-time configuration: Authorization Code + PKCE. First visit →
 * the authorize endpoint; back with `?code=` → the token exchange → the ID token to the pane
 * with `messageParent`; back with `?error=` (the user cancelled, the client refused) → the error
 * is shown and sent to the pane, never a new redirect (issue 11 #1: it looped). Without one
 * (development): pick role, pemda and OPD, and get a token from the local `/dev/token`.
 */
import { SIGNIN_PATH } from '../../core/wire/pane.js';
import { authBase, loadPaneConfig } from '../config.js';
import { sendErrorToParent, sendToParent } from './dialog.js';
import { authorizeUrl, challengeOf, exchangeCode, makeVerifier, type HostedUi } from './pkce.js';

const PKCE_KEY = 'pokin.pkce';

function say(text: string): void {
  const m = document.getElementById('msg');
  if (m) m.textContent = text;
}

/** One step of the code flow, from what the URL carries now. */
export async function signInStep(ui: HostedUi, q: URLSearchParams, store: Storage, go: (url: string) => void): Promise<
  { kind: 'redirected' } | { kind: 'token'; token: string } | { kind: 'error'; error: string; description: string }
> {
  const error = q.get('error');
  if (error) {
    store.removeItem(PKCE_KEY);
    return { kind: 'error', error, description: q.get('error_description') ?? '' };
  }
  const code = q.get('code');
  if (!code) {
    const verifier = makeVerifier();
    const state = makeVerifier();
    store.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
    go(authorizeUrl(ui, await challengeOf(verifier), state));
    return { kind: 'redirected' };
  }
  const saved = JSON.parse(store.getItem(PKCE_KEY) ?? '{}') as { verifier?: string; state?: string };
  store.removeItem(PKCE_KEY);
  if (!saved.verifier || saved.state !== q.get('state')) return { kind: 'error', error: 'state_mismatch', description: '' };
  const tokens = await exchangeCode(ui, code, saved.verifier);
  return { kind: 'token', token: tokens.idToken };
}

async function production(ui: HostedUi): Promise<void> {
  const r = await signInStep(ui, new URLSearchParams(location.search), sessionStorage, (url) => location.assign(url));
  if (r.kind === 'token') {
    sendToParent(r.token);
    say('Berhasil masuk. Jendela ini dapat ditutup. / Signed in.');
  } else if (r.kind === 'error') {
    const text = r.error === 'access_denied' ? 'Masuk dibatalkan. / Sign-in was cancelled.'
      : r.error === 'state_mismatch' ? 'Status masuk tidak cocok; coba lagi. / Sign-in state mismatch; try again.'
        : `Masuk gagal / Sign-in failed: ${r.error}${r.description ? ` (${r.description})` : ''}`;
    say(text);
    sendErrorToParent(r.error, text);
    const retry = document.getElementById('retry');
    retry?.removeAttribute('hidden');
    retry?.addEventListener('click', () => location.assign(`${location.origin}${SIGNIN_PATH}`));
  }
}

function development(): void {
  const form = document.getElementById('dev') as HTMLFormElement;
  form.removeAttribute('hidden');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const val = (id: string) => (document.getElementById(id) as HTMLInputElement).value.trim();
    void fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: val('role'), pemda: val('pemda'), ...(val('opd') ? { opd: val('opd') } : {}) }) })
      .then(async (r) => {
        const j = (await r.json()) as { token?: string; error?: { message: string } };
        if (!r.ok || !j.token) throw new Error(j.error?.message ?? `HTTP ${r.status}`);
        sendToParent(j.token);
        say('Berhasil masuk. Jendela ini dapat ditutup.');
      })
      .catch((err: unknown) => say(String(err instanceof Error ? err.message : err)));
  });
}

async function main(): Promise<void> {
  await Office.onReady();
  const config = await loadPaneConfig();
  if (!config.auth) { development(); return; }
  await production({ domain: authBase(config.auth.domain), clientId: config.auth.clientId, redirectUri: `${location.origin}${SIGNIN_PATH}`, ...(config.auth.scope ? { scope: config.auth.scope } : {}) });
}

if (typeof document !== 'undefined' && document.getElementById('dev')) {
  main().catch((e: unknown) => say(`Masuk gagal / Sign-in failed: ${e instanceof Error ? e.message : String(e)}`));
}
