/// <reference types="office-js" />
/**
 * The page the Office dialog opens. Development (no Cognito configured): pick role, pemda
 * and OPD, get a token from the local issuer (`POST /dev/token`). Production: Authorization
 * Code + PKCE against the Cognito hosted UI (this page is also the redirect URI). Either way
 * the token goes back to the pane with `messageParent`, never into storage beyond the
 * PKCE verifier's one round trip.
 */
import { sendToParent } from './dialog.js';
import { authorizeUrl, challengeOf, exchangeCode, makeVerifier, type HostedUi } from './pkce.js';

const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env ?? {};
const cognito: HostedUi | null = env.VITE_COGNITO_DOMAIN && env.VITE_COGNITO_CLIENT_ID
  ? { domain: env.VITE_COGNITO_DOMAIN, clientId: env.VITE_COGNITO_CLIENT_ID, redirectUri: `${location.origin}/signin.html` }
  : null;

function say(text: string): void {
  const m = document.getElementById('msg');
  if (m) m.textContent = text;
}

async function production(ui: HostedUi): Promise<void> {
  const q = new URLSearchParams(location.search);
  const code = q.get('code');
  if (!code) {
    const verifier = makeVerifier();
    const state = makeVerifier();
    sessionStorage.setItem('pokin.pkce', JSON.stringify({ verifier, state }));
    location.assign(authorizeUrl(ui, await challengeOf(verifier), state));
    return;
  }
  const saved = JSON.parse(sessionStorage.getItem('pokin.pkce') ?? '{}') as { verifier?: string; state?: string };
  sessionStorage.removeItem('pokin.pkce');
  if (!saved.verifier || saved.state !== q.get('state')) { say('Status masuk tidak cocok; coba lagi.'); return; }
  const tokens = await exchangeCode(ui, code, saved.verifier);
  sendToParent(tokens.idToken);
}

function development(): void {
  const form = document.getElementById('dev') as HTMLFormElement;
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

void Office.onReady(() => {
  if (cognito) { document.getElementById('dev')?.setAttribute('hidden', ''); void production(cognito).catch((e: unknown) => say(String(e))); }
  else development();
});
