/**
 * The pane's run-time configuration (API URL, Cognito hosted UI), read from `pokin-config.json`
 * beside the pane, which the deployment writes (infra/lib/pane.ts). One build serves every pemda;
 * nothing is baked in at build time. No file (404) means development: same-origin API and the
 * local dev sign-in. A file that is there but broken is an error, never the dev mode.
 */
import { DEV_PANE_CONFIG, PANE_CONFIG_FILE, parsePaneConfig, type PaneConfig } from '../core/wire/pane.js';

export type { PaneConfig };

export async function loadPaneConfig(base = location.href, f: typeof fetch = fetch): Promise<PaneConfig> {
  const res = await f(new URL(PANE_CONFIG_FILE, base).href, { cache: 'no-store' });
  if (res.status === 404) return DEV_PANE_CONFIG;
  if (!res.ok) throw new Error(`${PANE_CONFIG_FILE}: HTTP ${res.status}`);
  return parsePaneConfig(await res.json());
}

/** Absolute URL of an auth endpoint: '' as domain means the pane's own origin (local issuer). */
export function authBase(domain: string, origin = location.origin): string {
  return domain === '' ? origin : domain;
}
