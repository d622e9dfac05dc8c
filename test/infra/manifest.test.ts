import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/lib/bundling.js';
import { checkWellFormed, deploymentId, DEV_ORIGIN, generateManifest, ManifestError } from '../../scripts/manifest.js';

const DEV = readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8');
const ORIGIN = 'https://pokin.contohkab.go.id';
const API = 'https://a1b2c3.execute-api.ap-southeast-3.amazonaws.com/';
const AUTH = 'https://pokin-contoh-prod.auth.ap-southeast-3.amazoncognito.com';

/** Element name → text content and attributes, in document order (enough for these checks). */
function elements(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const stack: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const e = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])), text: '' };
    out.push(e);
    stack.push(e);
  });
  p.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  p.on('closetag', () => stack.pop());
  p.write(xml).close();
  return out;
}

describe('development manifest.xml', () => {
  it('is a well-formed Excel task pane add-in with ExcelApi 1.12, a Home-tab button and icons', () => {
    checkWellFormed(DEV);
    const els = elements(DEV);
    const root = els[0];
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(els.find((e) => e.name === 'DefaultLocale')?.text).toBe('id-ID');
    expect(els.filter((e) => e.name === 'Host' && e.attrs.Name).map((e) => e.attrs.Name)).toEqual(['Workbook']);
    expect(els.find((e) => e.name === 'Set')?.attrs).toEqual({ Name: 'ExcelApi', MinVersion: '1.12' });
    expect(els.find((e) => e.name === 'SourceLocation')?.attrs.DefaultValue).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(els.find((e) => e.name === 'OfficeTab')?.attrs.id).toBe('TabHome');
    expect(els.find((e) => e.name === 'Action')?.attrs['xsi:type']).toBe('ShowTaskpane');
    const images = els.filter((e) => e.name === 'bt:Image' && e.attrs.DefaultValue).map((e) => e.attrs.DefaultValue);
    expect(images).toEqual([16, 32, 80].map((n) => `${DEV_ORIGIN}/assets/icon-${n}.png`));
    expect(els.find((e) => e.name === 'HighResolutionIconUrl')?.attrs.DefaultValue).toBe(`${DEV_ORIGIN}/assets/icon-64.png`);
    // Every resid points at a declared resource.
    const ids = new Set(els.filter((e) => e.attrs.id !== undefined).map((e) => e.attrs.id));
    for (const e of els.filter((x) => x.attrs.resid !== undefined)) expect(ids, e.attrs.resid).toContain(e.attrs.resid);
  });

  it('references icons that exist', () => {
    for (const n of [16, 32, 64, 80]) {
      const png = readFileSync(join(REPO_ROOT, 'addin', 'assets', `icon-${n}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([n, n]);
    }
  });
});

describe('generateManifest', () => {
  const prod = generateManifest(DEV, { origin: ORIGIN, api: API, auth: AUTH, version: '1.0.0.0' });

  it('replaces the development origin everywhere and stays well-formed', () => {
    checkWellFormed(prod);
    expect(prod).not.toContain('localhost');
    expect(prod).not.toContain('127.0.0.1');
    const devCount = DEV.split(DEV_ORIGIN).length - 1;
    // Minus the development header comment, which names the origin twice.
    expect(prod.split(ORIGIN).length - 1).toBeGreaterThanOrEqual(devCount - 2);
    const els = elements(prod);
    expect(els.find((e) => e.name === 'SourceLocation')?.attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    expect(els.filter((e) => e.name === 'bt:Image' && e.attrs.DefaultValue).every((e) => e.attrs.DefaultValue.startsWith(`${ORIGIN}/assets/`))).toBe(true);
    expect(els.find((e) => e.name === 'Version')?.text).toBe('1.0.0.0');
  });

  it('lists the sign-in origin as AppDomain, and not the API (AppDomains do nothing for fetch)', () => {
    expect(elements(prod).filter((e) => e.name === 'AppDomain').map((e) => e.text)).toEqual([AUTH]);
    expect(prod).not.toContain('execute-api');
  });

  it('gives each deployment its own stable Id', () => {
    const id = elements(prod).find((e) => e.name === 'Id')?.text;
    expect(id).toBe(deploymentId(ORIGIN));
    expect(id).not.toBe(elements(DEV).find((e) => e.name === 'Id')?.text);
    expect(deploymentId(ORIGIN)).toBe(deploymentId(ORIGIN));
    expect(deploymentId('https://other.go.id')).not.toBe(deploymentId(ORIGIN));
  });

  it('drops AppDomains rather than leaving the development hosts', () => {
    const bare = generateManifest(DEV, { origin: ORIGIN });
    checkWellFormed(bare);
    expect(bare).not.toContain('<AppDomains>');
    expect(bare).not.toContain('amazoncognito');
  });

  it('refuses http, the development origin and bad versions', () => {
    expect(() => generateManifest(DEV, { origin: 'http://pokin.contohkab.go.id' })).toThrow(ManifestError);
    expect(() => generateManifest(DEV, { origin: DEV_ORIGIN })).toThrow(ManifestError);
    expect(() => generateManifest(DEV, { origin: ORIGIN, version: 'v2' })).toThrow(/version/);
    expect(() => checkWellFormed('<a><b></a>')).toThrow(/well-formed/);
  });
});
