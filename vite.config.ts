/**
 * The task pane build (`npm run build:pane` → addin/dist) and dev server (`npm run dev:pane`;
 * `npm start` runs it over HTTPS with the local API). ExcelJS resolves to its browser bundle
 * and loads lazily with the preview port; /v1 and /dev are proxied to the local API so the
 * pane calls it same-origin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = process.env.POKIN_API_URL ?? 'http://127.0.0.1:4000';

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
  plugins: [react(), manifestIcons()],
  resolve: {
    alias: [
      { find: /^exceljs$/, replacement: here('./node_modules/exceljs/dist/exceljs.min.js') },
      { find: /^node:fs\/promises$/, replacement: here('./addin/preview/node-shim.ts') },
    ],
  },
  build: {
    outDir: process.env.POKIN_PANE_OUT ?? here('./addin/dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { taskpane: here('./addin/taskpane.html'), signin: here('./addin/signin.html') } },
  },
  server: {
    port: 3000,
    strictPort: true,
    proxy: { '/v1': api, '/dev': api, '/health': api },
  },
});
