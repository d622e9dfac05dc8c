/**
 * Which host the pane runs in. Inside Excel, office.js (Microsoft's CDN) reports the host;
 * outside (a plain browser, the e2e tests) it reports none, fails to load, or `?preview` in
 * the URL skips it: the pane then opens in preview mode over an .xlsx file.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type HostKind = { kind: 'excel' } | { kind: 'preview'; reason: string };

function loadScript(src: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    s.onload = () => { clearTimeout(timer); resolve(); };
    s.onerror = () => { clearTimeout(timer); reject(new Error('load failed')); };
    document.head.appendChild(s);
  });
}

export async function detectHost(search = location.search, timeoutMs = 5000): Promise<HostKind> {
  if (new URLSearchParams(search).has('preview')) return { kind: 'preview', reason: 'url' };
  try {
    await loadScript(OFFICE_JS_URL, timeoutMs);
    const office = (globalThis as { Office?: { onReady(): Promise<{ host: unknown }> } }).Office;
    if (!office) return { kind: 'preview', reason: 'no-office' };
    const info = await Promise.race([office.onReady(), new Promise<{ host: null }>((r) => setTimeout(() => r({ host: null }), timeoutMs))]);
    return info.host === 'Excel' || (info.host && String(info.host).toLowerCase() === 'excel') ? { kind: 'excel' } : { kind: 'preview', reason: 'no-host' };
  } catch {
    return { kind: 'preview', reason: 'offline' };
  }
}
