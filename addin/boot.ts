/**
 * Which host the pane runs in. office.js is loaded by the page's <head> (taskpane.html), as
 * the docs require, so by the time this runs it is there or it failed to load (offline
 * browser). Inside Office the host passes `_host_Info` in the pane's URL; there the pane waits
 * for `Office.onReady` however long a slow link takes (issue 11 #5: a 5 s timeout dropped
 * planners into preview mode), and says it is still connecting. In a plain browser
 * `Office.onReady` answers at once with no host (or `?preview` skips it): preview mode.
 */
export type HostKind = { kind: 'excel' } | { kind: 'preview'; reason: string };

interface OfficeGlobal {
  onReady(): Promise<{ host: unknown }>;
}

/** True when an Office host opened the pane (it adds `_host_Info` to the URL, or office.js kept it). */
export function openedByOffice(search: string, storage?: Pick<Storage, 'getItem'> | null): boolean {
  if (/[?&]_host_Info=/i.test(search)) return true;
  try { return !!storage?.getItem('hostInfoValue'); } catch { return false; }
}

export async function detectHost(
  search = location.search,
  office: OfficeGlobal | undefined = (globalThis as { Office?: OfficeGlobal }).Office,
  onSlow?: () => void,
  browserTimeoutMs = 3000,
): Promise<HostKind> {
  if (new URLSearchParams(search).has('preview')) return { kind: 'preview', reason: 'url' };
  if (!office) return { kind: 'preview', reason: 'offline' };
  const inOffice = openedByOffice(search, (globalThis as { sessionStorage?: Storage }).sessionStorage ?? null);
  const slow = onSlow ? setTimeout(onSlow, 5000) : undefined;
  try {
    const ready = office.onReady();
    // Outside Office, onReady answers at once with host null; a browser never waits long.
    const info = inOffice ? await ready : await Promise.race([ready, new Promise<{ host: null }>((r) => setTimeout(() => r({ host: null }), browserTimeoutMs))]);
    return info.host === 'Excel' || (info.host && String(info.host).toLowerCase() === 'excel') ? { kind: 'excel' } : { kind: 'preview', reason: 'no-host' };
  } finally {
    clearTimeout(slow);
  }
}
