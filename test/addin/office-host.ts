/**
 * An Office host for the pane in plain Chromium, for the end-to-end tests: office.js itself is
 * real (routed from the @microsoft/office-js package, as the pages load it from the CDN), and
 * what only a host provides is simulated the way Office documents it
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins):
 * - `Office.onReady` resolves with host Excel (the double stands in for Excel);
 * - `displayDialogAsync(url, options, callback)` opens a real browser window at `url` and calls
 *   back with a Dialog (`addEventHandler`, `close`);
 * - in that window `messageParent(message, { targetOrigin })` works only after the page called
 *   `Office.onReady` ("the dialog box must first initialize the Office JavaScript API"), and
 *   delivers `{ message, origin }` to the parent's DialogMessageReceived handler, the origin
 *   being the dialog page's;
 * - closing the window fires DialogEventReceived with error 12006.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { ProfileName } from './excel/profiles.js';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_DIR = join(process.cwd(), 'node_modules', '@microsoft', 'office-js', 'dist');

/** Serves the CDN's office.js files from the npm package; returns the paths requested. */
export async function routeOfficeJs(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.route(`${OFFICE_JS_CDN}**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
    seen.push(path);
    try {
      void route.fulfill({ body: readFileSync(join(OFFICE_JS_DIR, path)), contentType: 'text/javascript' });
    } catch {
      void route.fulfill({ status: 404, body: '' });
    }
  });
  return seen;
}

export async function doubleBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [join(process.cwd(), 'test/addin/excel/browser.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, target: 'es2020', logLevel: 'silent' });
  return out.outputFiles[0].text;
}

/** The init script: the double first, then the host shim that patches office.js once it ran. */
export function hostScript(profile: ProfileName, snapshot?: unknown): string {
  const shim = (profileName: string, seed: unknown) => {
    type Handler = (arg: unknown) => void;
    const w = window as unknown as Record<string, unknown> & { Office?: Record<string, unknown>; opener: Window | null };
    const inDialog = w.opener !== null && window.name === 'pokin-office-dialog';
    let ready = false;
    const log = ((w as { __officeLog?: string[] }).__officeLog = []) as string[];
    const patch = () => {
      const Office = w.Office as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!Office || Office.__pokinHost) return;
      Office.__pokinHost = true;
      Office.AsyncResultStatus ??= { Succeeded: 'succeeded', Failed: 'failed' };
      Office.EventType = { ...(Office.EventType ?? {}), DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
      const realReady = Office.onReady?.bind(Office);
      const double = (w.PokinExcelDouble as { excelDouble(p: string, o: unknown): { excel: unknown; requirements: unknown } }).excelDouble(profileName, seed ? { snapshot: seed } : {});
      if (!inDialog) { w.Excel = double.excel; w.__double = double; }
      Office.onReady = (cb?: (i: unknown) => void) => {
        const info = { host: 'Excel', platform: 'PC' };
        // office.js really initialises first (outside Office it answers with no host), then the host's part.
        return Promise.resolve(realReady ? realReady() : undefined).then(() => { install(); ready = true; log.push('onReady'); cb?.(info); return info; });
      };
      install();
    };
    const install = () => {
      const Office = w.Office as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const double = w.__double as { requirements: unknown } | undefined;
      Office.context = Office.context ?? {};
      if (double) Office.context.requirements = double.requirements;
      if (Office.context.ui?.__pokinHost) return;
      if (inDialog) {
        Office.context.ui = {
          __pokinHost: true,
          messageParent(message: string, options?: { targetOrigin?: string }) {
            if (!ready) throw new Error('messageParent before Office.onReady: Office.js is not initialised in the dialog');
            log.push('messageParent');
            (w.opener as Window).postMessage({ __pokinOfficeDialog: message }, options?.targetOrigin ?? location.origin);
          },
        };
        return;
      }
      Office.context.ui = {
        __pokinHost: true,
        displayDialogAsync(url: string, _options: unknown, callback: (r: unknown) => void) {
          log.push(`displayDialogAsync ${url}`);
          const popup = window.open(url, 'pokin-office-dialog', 'width=480,height=640');
          const handlers: Record<string, Handler[]> = {};
          let closed = false;
          const onMessage = (e: MessageEvent) => {
            if (e.source !== popup || typeof e.data?.__pokinOfficeDialog !== 'string') return;
            for (const h of handlers.dialogMessageReceived ?? []) h({ type: 'dialogMessageReceived', message: e.data.__pokinOfficeDialog, origin: e.origin });
          };
          window.addEventListener('message', onMessage);
          const poll = setInterval(() => {
            if (!popup || !popup.closed || closed) return;
            clearInterval(poll);
            closed = true;
            for (const h of handlers.dialogEventReceived ?? []) h({ type: 'dialogEventReceived', error: 12006 });
          }, 100);
          const dialog = {
            addEventHandler(type: string, h: Handler) { (handlers[type] ??= []).push(h); },
            close() { closed = true; clearInterval(poll); window.removeEventListener('message', onMessage); log.push('close'); popup?.close(); },
          };
          callback({ status: popup ? 'succeeded' : 'failed', value: dialog, error: popup ? undefined : { code: 12009, message: 'blocked' } });
        },
      };
    };
    // office.js is a parser-blocking <script> in <head>: its load event fires right after it ran.
    document.addEventListener('load', (e) => { if ((e.target as HTMLScriptElement).src?.includes('office.js')) patch(); }, true);
    document.addEventListener('DOMContentLoaded', patch);
  };
  return `(${shim.toString()})(${JSON.stringify(profile)}, ${JSON.stringify(snapshot ?? null)});`;
}
