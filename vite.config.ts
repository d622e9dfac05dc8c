/**
 * The task pane build (`npm run build:pane` → addin/dist) and dev server (`npm run dev:pane`;
 * `npm start` runs it over HTTPS with the local API). ExcelJS resolves to its browser bundle
 * and loads lazily with the preview port; /v1, /dev and /oauth2 are proxied to the local API so
 * the pane calls it same-origin.
 *
 * office.js: the pages load it in <head> from Microsoft's CDN ("You must reference the Office
 * JavaScript API from inside the <head> section of the page",
 * https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * The dev server serves the same files from the @microsoft/office-js package instead, so
 * development works offline; the tests route the CDN address to the package (playwright).
 *
 * build.target: the oldest webview the manifest's minimum (ExcelApi 1.12) admits that can run
 * an ES-module pane at all: Excel for Mac 16.40 (the first Mac build with 1.12,
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets)
 * installs on macOS 10.13.6, whose WKWebView is Safari 11.1's WebKit; on Windows, Office 2021
 * and Microsoft 365 from Version 2101 use WebView2 (Chromium, Edge 86 when it shipped;
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * The older EdgeHTML / IE11 webviews of Microsoft 365 Version 2008–2012 without WebView2 cannot
 * load ES modules with dynamic import: README says to update Office or install WebView2.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = process.env.POKIN_API_URL ?? 'http://127.0.0.1:4000';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const PANE_TARGET = ['safari11.1', 'chrome86', 'edge86', 'firefox78'];
const OFFICE_JS_DIR = here('./node_modules/@microsoft/office-js/dist');

/**
 * Development only: office.js from the npm package at /office-js/ (the pages' CDN address is
 * rewritten to it), and the pane's run-time configuration (`pokin-config.json`) from
 * POKIN_PANE_CONFIG when `npm start` sets it; without it the pane and the sign-in page run in
 * development mode (dev sign-in form, same-origin API).
 */
function officeJsAndConfig(): Plugin {
  return {
    name: 'pokin-office-js',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.split(OFFICE_JS_CDN).join('/office-js/');
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/pokin-config.json' && process.env.POKIN_PANE_CONFIG) {
          res.setHeader('content-type', 'application/json');
          res.setHeader('cache-control', 'no-store');
          res.end(process.env.POKIN_PANE_CONFIG);
          return;
        }
        if (!url.pathname.startsWith('/office-js/')) return next();
        const file = normalize(join(OFFICE_JS_DIR, url.pathname.slice('/office-js/'.length)));
        if (!file.startsWith(OFFICE_JS_DIR) || !existsSync(file) || !statSync(file).isFile()) { res.statusCode = 404; res.end(); return; }
        res.setHeader('content-type', extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
  };
}

/** The manifest's icons (addin/assets, by the infra helper) at /assets/*.png in the build too. */
function manifestIcons(): Plugin {
  return {
    name: 'pokin-manifest-icons',
    apply: 'build',
    generateBundle() {
      const dir = here('./addin/assets');
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.png'))) {
        this.emitFile({ type: 'asset', fileName: `assets/${f}`, source: readFileSync(`${dir}/${f}`) });
      }
    },
  };
}

export default defineConfig({
  root: here('./addin'),
  base: './',
  plugins: [react(), manifestIcons(), officeJsAndConfig()],
  resolve: {
    alias: [
      { find: /^exceljs$/, replacement: here('./node_modules/exceljs/dist/exceljs.min.js') },
      { find: /^node:fs\/promises$/, replacement: here('./addin/preview/node-shim.ts') },
    ],
  },
  build: {
    outDir: process.env.POKIN_PANE_OUT ?? here('./addin/dist'),
    target: PANE_TARGET,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { taskpane: here('./addin/taskpane.html'), signin: here('./addin/signin.html') } },
  },
  server: {
    port: 3000,
    strictPort: true,
    proxy: { '/v1': api, '/dev': api, '/health': api, '/oauth2': api },
  },
});
