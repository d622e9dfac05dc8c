/**
 * E2E harness: builds the pane with Vite (once per source state: every e2e file shares the
 * build, cached under node_modules/.cache by a hash of the pane's sources), serves it on
 * 127.0.0.1:0 with a tiny static server that proxies /v1 and /dev to the local API (so the
 * pane calls the API same-origin, as under `npm start`), and finds Debian Chromium.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { TEST_TMP } from '../tmp.js';

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

/** What the pane is built from (every e2e file builds the same thing). */
function sourceHash(): string {
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'dist' || name === 'node_modules') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else { h.update(p); h.update(readFileSync(p)); }
    }
  };
  for (const d of ['addin', 'core', 'xlsx', 'client']) walk(d);
  for (const f of ['vite.config.ts', 'package-lock.json']) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The built pane: built once per source state and shared by the e2e files (which vitest runs
 * in parallel processes: a lock directory makes the others wait for the first build).
 */
export async function buildPane(): Promise<string> {
  const cache = join(process.cwd(), 'node_modules', '.cache', 'pokin-e2e-pane');
  const out = join(cache, sourceHash());
  const lock = `${out}.lock`;
  mkdirSync(cache, { recursive: true });
  for (let waited = 0; !existsSync(join(out, 'taskpane.html')); waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // Another file is building; a lock older than 3 minutes is a crashed build.
      if (waited > 180_000 || Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      // Built beside its final place (a rename across file systems fails), older builds removed.
      for (const old of readdirSync(cache)) if (!old.endsWith('.lock')) rmSync(join(cache, old), { recursive: true, force: true });
      const tmp = mkdtempSync(join(cache, 'build-'));
      const { build } = await import('vite');
      await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      writeFileSync(join(tmp, '.built'), new Date().toISOString());
      rmSync(out, { recursive: true, force: true });
      renameSync(tmp, out);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
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

export const CI = process.env.CI === 'true';

/** Skips the e2e files without Chromium, except under CI=true, where a missing browser fails. */
export function requireChromium(what: string): string | null {
  const chromium = findChromium();
  if (!chromium) {
    if (CI) throw new Error('Chromium not found (/usr/bin/chromium or `which chromium`): the e2e tests must run in CI.');
    console.warn(`[e2e] SKIPPED ${what}: no Chromium at /usr/bin/chromium or on PATH (install Debian \`chromium\`).`);
  }
  return chromium;
}

export interface Journey {
  browser: import('playwright-core').Browser;
  page: import('playwright-core').Page;
  pane: PaneServer;
  api: { url: string; stop(): Promise<void> };
  /** Screenshots land in test/e2e/output/<name>/ (git-ignored), to be looked at. */
  shots: string;
  shot(name: string, fullPage?: boolean): Promise<void>;
  /** A fresh page (new context: empty storage) at 320 px. */
  freshPage(): Promise<import('playwright-core').Page>;
  close(): Promise<void>;
}

/** One API, one pane server and one browser for a whole e2e file. */
export async function startJourney(name: string, chromium: string, width = 320): Promise<Journey> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [{ startApiServer }, dir] = await Promise.all([import('../../functions/local/server.js'), buildPane()]);
  const api = await startApiServer({ port: 0, inMemory: true, dataDir: join(TEST_TMP, `e2e-${name}-${process.pid}`), log: () => undefined });
  const pane = await servePane(dir, api.url);
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({ executablePath: chromium, args: CHROMIUM_ARGS, headless: true });
  const shots = join(process.cwd(), 'test', 'e2e', 'output', name);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  // A step that cannot happen fails in 10 s with the locator it waited for, not at the test's timeout.
  const newPage = async () => { const p = await (await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true })).newPage(); p.setDefaultTimeout(10_000); return p; };
  const j: Journey = {
    browser, pane, api, shots,
    page: await newPage(),
    shot: async (n, fullPage = true) => { await j.page.screenshot({ path: join(shots, `${n}.png`), fullPage }); },
    freshPage: async () => { j.page = await newPage(); return j.page; },
    close: async () => { await browser.close(); await pane.close(); await api.stop(); },
  };

  console.log(`[e2e] ${name}: screenshots in ${shots}`);
  return j;
}

/** A viewport-sized shot (a full-page one of a long tab is unreadable) with `testId` scrolled to the top. */
export async function shotAt(j: Journey, name: string, testId?: string): Promise<void> {
  if (testId) await j.page.getByTestId(testId).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await j.page.evaluate(() => window.scrollTo(0, 0));
  await j.shot(name, false);
}

/** Opens a workbook in the preview pane and waits until it is validated with the Kepmendagri list. */
export async function openInPreview(j: Journey, file: string): Promise<void> {
  await j.page.goto(`${j.pane.url}/taskpane.html?preview`);
  await j.page.getByTestId('open-file').waitFor({ state: 'attached' });
  await j.page.setInputFiles('[data-testid=open-file]', resolve(file));
  await j.page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 30_000 });
}

/** Call in a describe block: a failing journey leaves a screenshot of where it stood. */
export function shotOnFailure(get: () => Journey | undefined): void {
  afterEach(async (ctx) => {
    const j = get();
    if (!j || ctx.task.result?.state !== 'fail') return;
    await j.page.screenshot({ path: join(j.shots, `FAILED-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
  });
}
