/**
 * The rule catalogue (core/rules/catalog.ts) covers every rule ID: those of SAKIP.md §5 and
 * §12, the IDs Pokin added (README: T11, N10, J05, X05), and every ID the code can emit
 * (found by scanning the sources, so a new rule without help fails here).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG, RULE_IDS, ruleHelp, ruleTitle } from '../../../core/rules/catalog.js';

/** SAKIP.md §5 and §12 as of this writing (the shared file is checked too when present). */
const CONTRACT = [
  'F01', 'F02', 'F03',
  'T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11',
  'K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08', 'K09', 'K10', 'K11', 'K12', 'K13', 'K14', 'K15', 'K16', 'K18', 'K19', 'K20', 'K21',
  'N01', 'N02', 'N03', 'N04', 'N05', 'N06', 'N07', 'N08', 'N09', 'N10',
  'B01', 'B02', 'B03', 'B04', 'B05',
  'J01', 'J02', 'J03', 'J04', 'J05', 'P01', 'P02', 'P03', 'X01', 'X02', 'X03', 'X04', 'X05',
  'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'L01', 'L02', 'L03',
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'data' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Rule IDs the code can emit: `issue('K01', …)`, `rule: 'K01'`, `note('F02', 'W', …)`. */
function emittedIds(): Set<string> {
  const ids = new Set<string>();
  const patterns = [/issue\(\s*'([A-Z]\d{2})'/g, /rule:\s*'([A-Z]\d{2})'/g, /\(\s*'([A-Z]\d{2})',\s*'[EWI]'/g];
  for (const f of ['core', 'functions', 'client', 'xlsx'].flatMap((d) => sourceFiles(d))) {
    if (f.endsWith('catalog.ts')) continue;
    const text = readFileSync(f, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) ids.add(m[1]);
  }
  return ids;
}

describe('rule catalogue', () => {
  it('has a title and a how-to-fix text in Bahasa Indonesia and English for every contract rule ID', () => {
    for (const id of CONTRACT) {
      const h = ruleHelp(id);
      expect(h, id).toBeDefined();
      for (const text of [h!.title.id, h!.title.en, h!.fix.id, h!.fix.en]) expect(text.trim().length, id).toBeGreaterThan(8);
      expect(h!.title.id, id).not.toBe(h!.title.en);
      expect(h!.fix.id, id).not.toBe(h!.fix.en);
    }
  });

  it('covers every rule ID the validator, the adopter and the server can emit', () => {
    const emitted = emittedIds();
    expect(emitted.size).toBeGreaterThan(40);
    const missing = [...emitted].filter((id) => !RULE_CATALOG[id]);
    expect(missing).toEqual([]);
  });

  it('lists every rule ID of SAKIP.md §5 and §12 when the shared domain reference is beside the checkout', () => {
    const sakip = join('..', 'shared', 'domain', 'SAKIP.md');
    if (!existsSync(sakip)) return;
    const text = readFileSync(sakip, 'utf8');
    const inTables = new Set([...text.matchAll(/^\| ([A-Z]\d{2}) \|/gm)].map((m) => m[1]));
    expect(inTables.size).toBeGreaterThan(60);
    expect([...inTables].filter((id) => !RULE_CATALOG[id])).toEqual([]);
  });

  it('answers IDs case-insensitively and falls back to the bare ID for an unknown one', () => {
    expect(ruleHelp(' k01 ')?.id).toBe('K01');
    expect(ruleTitle('K01', 'en')).toBe('Box without an indicator');
    expect(ruleTitle('Z99')).toBe('Z99');
    expect(RULE_IDS.length).toBe(Object.keys(RULE_CATALOG).length);
  });
});
