/**
 * E2E harness: builds the pane with Vite into a temp dir, serves it on 127.0.0.1:0 with a
 * tiny static server that proxies /v1 and /dev to the local API (so the pane calls the API
 * same-origin, as under `npm start`), and finds Debian Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { mkdtempSync } from 'node:fs';

export function findChromium(): string | null {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  try {
    const w = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    return w || null;
  } catch {
    return null;
  }
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'];

export async function buildPane(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'pokin-pane-'));
  const { build } = await import('vite');
  await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  return out;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

export interface PaneServer {
  url: string;
  /** While true, API calls answer 503 (the API is "down"). */
  apiDown: boolean;
  apiUrl: string;
  close(): Promise<void>;
}

export async function servePane(dir: string, apiUrl: string): Promise<PaneServer> {
  const state: PaneServer = { url: '', apiDown: false, apiUrl, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/dev/')) {
      if (state.apiDown) { req.resume(); res.writeHead(503, { 'content-type': 'text/plain' }).end('down'); return; }
      const target = new URL(url.pathname + url.search, state.apiUrl);
      const p = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      p.on('error', () => res.writeHead(502).end());
      req.pipe(p);
      return;
    }
    const file = normalize(join(dir, url.pathname === '/' ? 'taskpane.html' : url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    readFile(file).then((b) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(b))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); });
  return state;
}
