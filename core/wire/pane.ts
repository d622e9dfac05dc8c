/**
 * What the task pane, the sign-in page, the deployment (infra/) and the local issuer must agree
 * on: the sign-in page (also the OAuth redirect URI: one constant, so the Cognito app client
 * allows exactly the page the pane sends) and the run-time configuration file the deployment
 * writes beside the pane, so one build serves every pemda (issue 11 #1).
 */

/** The sign-in dialog page, and the path of the OAuth redirect URI on the pane's origin. */
export const SIGNIN_PATH = '/signin.html';

/** The run-time configuration, beside taskpane.html. */
export const PANE_CONFIG_FILE = 'pokin-config.json';

/** The app client id of the local issuer (functions/local), like a Cognito public client. */
export const LOCAL_CLIENT_ID = 'pokin-local';

export interface PaneAuthConfig {
  /** Hosted UI base, e.g. `https://pokin-x-prod.auth.ap-southeast-3.amazoncognito.com`; '' = the pane's origin (local issuer). */
  domain: string;
  clientId: string;
  scope?: string;
}

export interface PaneConfig {
  /** Base URL of the API; '' = the pane's origin (development proxy). */
  api: string;
  /** Hosted UI sign-in; null = development sign-in (the local `/dev/token`). */
  auth: PaneAuthConfig | null;
}

export const DEV_PANE_CONFIG: PaneConfig = { api: '', auth: null };

/** Checks a parsed `pokin-config.json`; a broken file is an error, never silently the dev mode. */
export function parsePaneConfig(v: unknown): PaneConfig {
  const o = (typeof v === 'object' && v !== null ? v : null) as Record<string, unknown> | null;
  if (!o) throw new Error(`${PANE_CONFIG_FILE}: not a JSON object`);
  const api = o.api ?? '';
  if (typeof api !== 'string' || (api !== '' && !/^https?:\/\/[^/]+/.test(api))) throw new Error(`${PANE_CONFIG_FILE}: "api" must be a URL or ""`);
  let auth: PaneAuthConfig | null = null;
  if (o.auth !== null && o.auth !== undefined) {
    const a = o.auth as Record<string, unknown>;
    if (typeof a.domain !== 'string' || (a.domain !== '' && !/^https?:\/\/[^/]+/.test(a.domain))) throw new Error(`${PANE_CONFIG_FILE}: "auth.domain" must be a URL or ""`);
    if (typeof a.clientId !== 'string' || !a.clientId) throw new Error(`${PANE_CONFIG_FILE}: "auth.clientId" is missing`);
    auth = { domain: a.domain.replace(/\/+$/, ''), clientId: a.clientId, ...(typeof a.scope === 'string' ? { scope: a.scope } : {}) };
  }
  return { api: api.replace(/\/+$/, ''), auth };
}
