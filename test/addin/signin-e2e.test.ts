/**
 * The built pane as Office loads it (issue 11 #1, #5, #19), in Debian Chromium:
 * - the pages load office.js first, in <head>, from Microsoft's CDN (routed here to the
 *   @microsoft/office-js package), and the bundle's syntax runs on the oldest webview the
 *   manifest admits (Safari 11.1's WebKit);
 * - sign-in end to end: the pane (on the Excel double, office-host.ts) opens the dialog page, the
 *   Authorization Code + PKCE flow runs against the local hosted UI (functions/local), and the
 *   token reaches the pane through messageParent, checked by origin; a cancelled sign-in comes
 *   back as an error, once, without a redirect loop.
 * Screenshots at 320 px go to a temp folder printed in the output.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { parse } from 'acorn';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../core/wire/pane.js';
import { readXlsx } from '../../xlsx/read.js';
import { buildPane, CHROMIUM_ARGS, findChromium } from '../e2e/harness.js';
import { doubleBundle, hostScript, OFFICE_JS_CDN, routeOfficeJs } from './office-host.js';
import { TEST_TMP } from '../tmp.js';

const example = await readXlsx(readFileSync('examples/dinkes-dengan-kesalahan.xlsx'));
const chromium = findChromium();
if (!chromium && process.env.CI === 'true') throw new Error('Chromium not found: the sign-in journey must run in CI.');
const SHOTS = join(tmpdir(), `pokin-signin-${process.pid}`);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

/** Syntax newer than Safari 11.1 (ES2018 + dynamic import/import.meta, which it has). */
function tooNew(code: string): string[] {
  const found = new Set<string>();
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(walk); return; }
    const node = n as { type?: string; operator?: string; bigint?: string; regex?: { pattern: string; flags: string }; await?: boolean; async?: boolean; generator?: boolean; raw?: string };
    if (node.type === 'ChainExpression') found.add('optional chaining');
    if (node.type === 'LogicalExpression' && node.operator === '??') found.add('nullish coalescing');
    if (node.type === 'AssignmentExpression' && ['??=', '||=', '&&='].includes(node.operator ?? '')) found.add('logical assignment');
    if (node.type === 'PropertyDefinition' || node.type === 'PrivateIdentifier' || node.type === 'StaticBlock') found.add('class fields');
    if (node.type === 'ForOfStatement' && node.await) found.add('for await');
    if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') && node.async && node.generator) found.add('async generator');
    if (node.type === 'Literal' && node.bigint) found.add('BigInt literal');
    if (node.type === 'Literal' && node.regex && /\(\?<[=!]/.test(node.regex.pattern)) found.add('regex lookbehind');
    if (node.type === 'Literal' && node.regex && /[dv]/.test(node.regex.flags)) found.add('regex d/v flag');
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return [...found];
}

describe('the built pane', () => {
  let dir = '';
  beforeAll(async () => { dir = await buildPane(); }, 180_000);

  it('loads office.js first, in <head>, from Microsoft\'s CDN on both pages (#5, #1)', () => {
    for (const page of ['taskpane.html', 'signin.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const scripts = [...head.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts[0], page).toContain(`src="${OFFICE_JS_CDN}office.js"`);
      expect(scripts[0]).not.toMatch(/async|defer|type="module"/);
    }
  });

  it('has no syntax the oldest admitted webview (Safari 11.1\'s WebKit) cannot parse (#19)', () => {
    const assets = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(3);
    for (const f of assets) expect(tooNew(readFileSync(join(dir, 'assets', f), 'utf8')), f).toEqual([]);
  });

  describe.skipIf(!chromium)('sign-in in Chromium, on the Excel double', () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let server: Server;
    let url = '';
    let api: { url: string; stop(): Promise<void> };
    const origins: string[] = [];
    const authorizeHits: string[] = [];
    let officeJs: string[] = [];

    beforeAll(async () => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      const { startApiServer } = await import('../../functions/local/server.js');
      api = await startApiServer({ port: 0, inMemory: true, dataDir: join(TEST_TMP, `signin-data-${process.pid}`), log: () => undefined, hostedUi: { redirectOrigins: origins } });
      // The pane's origin serves the build, its pokin-config.json (as infra/ writes it) and proxies the API.
      const config = JSON.stringify({ api: '', auth: { domain: '', clientId: LOCAL_CLIENT_ID } });
      server = createServer((req, res) => {
        const u = new URL(req.url ?? '/', 'http://x');
        if (u.pathname === '/pokin-config.json') { res.writeHead(200, { 'content-type': 'application/json' }).end(config); return; }
        if (/^\/(v1|dev|oauth2)\//.test(u.pathname)) {
          if (u.pathname === '/oauth2/authorize' && req.method === 'GET') authorizeHits.push(u.search);
          const target = new URL(u.pathname + u.search, api.url);
          const p = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (r) => { res.writeHead(r.statusCode ?? 502, r.headers); r.pipe(res); });
          req.pipe(p);
          return;
        }
        const file = normalize(join(dir, u.pathname === '/' ? 'taskpane.html' : u.pathname));
        if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
        try { res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file)); } catch { res.writeHead(404).end(); }
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      origins.push(url);
      const { chromium: pw } = await import('playwright-core');
      browser = await pw.launch({ executablePath: chromium!, args: CHROMIUM_ARGS, headless: true });
      context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      officeJs = await routeOfficeJs(context);
      await context.addInitScript({ content: await doubleBundle() });
      await context.addInitScript({ content: hostScript('microsoft-365') });
      page = await context.newPage();
      mkdirSync(SHOTS, { recursive: true });
      console.log(`[signin] screenshots: ${SHOTS}`);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
      await api?.stop();
    });

    const openSignIn = async (): Promise<Page> => {
      const details = page.getByTestId('signin-reviewer');
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
      const [dialog] = await Promise.all([context.waitForEvent('page'), details.getByRole('button', { name: 'Masuk' }).click()]);
      return dialog;
    };

    it('signs in: dialog page with office.js → hosted UI → code + PKCE → token to the pane via messageParent', async () => {
      await page.goto(`${url}/taskpane.html`);
      // Excel mode on the double: the first-run choice of a blank workbook.
      await page.getByText('Buat lembar Pokin', { exact: false }).first().waitFor();
      await page.screenshot({ path: join(SHOTS, '1-pane-first-run.png'), fullPage: true });
      const dialog = await openSignIn();
      await dialog.waitForURL(/\/oauth2\/authorize\?/);
      const q = new URL(dialog.url()).searchParams;
      expect(q.get('redirect_uri')).toBe(`${url}/signin.html`);
      expect(q.get('code_challenge_method')).toBe('S256');
      expect(q.get('client_id')).toBe(LOCAL_CLIENT_ID);
      await dialog.getByTestId('hosted-role').selectOption('perencana');
      await dialog.getByTestId('hosted-opd').fill('1.02.0.00.0.00.01.0000');
      await dialog.getByTestId('hosted-sub').fill('siti');
      await dialog.screenshot({ path: join(SHOTS, '2-hosted-ui.png') });
      const closed = dialog.waitForEvent('close');
      await dialog.getByTestId('hosted-signin').click();
      await closed;
      await page.getByTestId('signed-in').waitFor();
      expect(await page.getByTestId('signed-in').textContent()).toContain('siti');
      await page.screenshot({ path: join(SHOTS, '3-pane-signed-in.png'), fullPage: true });
      // The dialog page loaded office.js and was ready before it called messageParent.
      expect(officeJs.filter((p) => p === 'office.js').length).toBeGreaterThanOrEqual(3);
      const log = await page.evaluate(() => (window as unknown as { __officeLog: string[] }).__officeLog);
      expect(log).toContain('close');
      expect(authorizeHits).toHaveLength(1);
    }, 60_000);

    it('validates in the Office pane as the planner types in Excel (web profile), and re-applies formats', async () => {
      const ctx = await browser.newContext({ viewport: { width: 320, height: 900 } });
      await routeOfficeJs(ctx);
      await ctx.addInitScript({ content: await doubleBundle() });
      await ctx.addInitScript({ content: hostScript('web', example.snapshot) });
      const p = await ctx.newPage();
      try {
        await p.goto(`${url}/taskpane.html`);
        await p.getByTestId('count-E').waitFor();
        const errors = async () => Number((await p.getByTestId('count-E').textContent())?.match(/\d+/)?.[0]);
        const before = await errors();
        expect(before).toBeGreaterThan(5);
        await p.getByTestId('last-full').waitFor();
        await p.screenshot({ path: join(SHOTS, '5-office-pane-validasi.png'), fullPage: true });
        // The planner types a duplicate ID into Excel: the list follows without a click.
        await p.evaluate(() => (window as unknown as { __double: { user: { edit(s: string, a: string, v: string): void } } }).__double.user.edit('Pohon Kinerja', 'A4', 'SS1'));
        await expect.poll(errors, { timeout: 10_000 }).toBeGreaterThan(before);
        await p.getByTestId('reapply-formats').click();
        await p.getByText('Format penanda dipasang ulang.').waitFor();
        await p.screenshot({ path: join(SHOTS, '6-office-pane-after-edit.png') });
      } finally {
        await ctx.close();
      }
    }, 60_000);

    it('brings a cancelled sign-in back as an error, once, without redirecting again', async () => {
      await page.getByRole('button', { name: 'Keluar' }).click();
      const dialog = await openSignIn();
      await dialog.waitForURL(/\/oauth2\/authorize\?/);
      const closed = dialog.waitForEvent('close');
      await dialog.getByTestId('hosted-cancel').click();
      await closed;
      await page.getByRole('alert').filter({ hasText: 'dibatalkan' }).waitFor();
      await page.screenshot({ path: join(SHOTS, '4-pane-cancelled.png'), fullPage: true });
      expect(authorizeHits).toHaveLength(2);
    }, 60_000);
  });
});
