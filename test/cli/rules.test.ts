import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { RULE_IDS } from '../../core/rules/catalog.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('pokin rules', () => {
  it('lists every catalogued rule with its severity and title', async () => {
    const r = await run(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(RULE_IDS.length);
    expect(lines.find((l) => l.startsWith('K01'))).toMatch(/Error\s+Kotak tanpa indikator/);
    expect(lines.find((l) => l.startsWith('K08'))).toMatch(/Peringatan/);
  });

  it('explains one rule in English, with how to fix it, and refuses an unknown ID with exit 2', async () => {
    const r = await run(['rules', 'n03', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^N03 · Code not in the Kepmendagri list/);
    expect(r.stdout).toMatch(/How to fix: .*Nomenklatur table/);
    const bad = await run(['rules', 'Z99']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Aturan tidak dikenal: Z99/);
  });

  it('answers JSON for tools, including rules not built yet (K18, R01, L03)', async () => {
    const r = await run(['rules', 'K18', 'R01', 'L03', '--json']);
    const json = JSON.parse(r.stdout) as { id: string; title: string; fix: string }[];
    expect(json.map((j) => j.id)).toEqual(['K18', 'R01', 'L03']);
    expect(json.every((j) => j.title && j.fix)).toBe(true);
  });
});

describe('pokin validate points at the help', () => {
  it('ends its report with the rules command for the rules it found', async () => {
    const r = await run(['validate', 'examples/dinkes-dengan-kesalahan.xlsx']);
    expect(r.code).toBe(1);
    const last = r.stdout.trim().split('\n').pop()!;
    expect(last).toMatch(/^Cara memperbaikinya: pokin rules (?:[A-Z]\d{2} )+[A-Z]\d{2}$/);
    expect(last).toContain('T02');
  });
});
