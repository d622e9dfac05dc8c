/**
 * Files the CLI cannot use, said as such: `push` on an encrypted, legacy, OpenDocument, empty,
 * truncated or hostile file names the problem with the file (never "Cannot reach the API");
 * formulas saved without values are refused with the cells; more than 100,000 issues still
 * print; running out of memory ends with a sentence, not a V8 backtrace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { oomFilter } from '../../cli/oom.mjs';
import { humanReport, toJson } from '../../cli/format.js';
import { main } from '../../cli/main.js';
import { validateSnapshot } from '../../core/validate.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { sheetXml, workbookParts, zip } from '../helpers/hostile.js';
import { ROOT, save, tempDir, writeInput } from './fixtures.js';

const tmp = tempDir('unusable');
afterAll(() => tmp.cleanup());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function cfb(marker: string): Buffer {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  Buffer.from(marker, 'utf16le').copy(b, 1024);
  return b;
}

describe('pokin push on a file it cannot use', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ['a password-protected workbook', () => cfb('EncryptionInfo'), /kata sandi/],
    ['an old .xls', () => cfb('Workbook'), /\.xls lama/],
    ['an OpenDocument spreadsheet', async () => zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }]), /OpenDocument/],
    ['an empty file', () => Buffer.alloc(0), /kosong/],
    ['a truncated workbook', async () => {
      await writeInput(tmp.path('whole.xlsx'));
      const b = readFileSync(tmp.path('whole.xlsx'));
      return b.subarray(0, b.length >> 1);
    }, /rusak/],
    ['a zip bomb', async () => zip(workbookParts([{ name: 'Data', xml: () => [sheetXml(''), ' '.repeat(120 * 1024 * 1024)] }])), /bom zip.*batas Pokin 100 MB/],
    ['a cell at XFD1048576', async () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }])), /nomor baris 1\.048\.576/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`says what is wrong with ${what}, not that the API cannot be reached (exit 2)`, async () => {
      const file = tmp.path(`${what.replace(/\W+/g, '-')}.xlsx`);
      writeFileSync(file, await bytes());
      // Nothing listens on this port: a network attempt would say "API tidak dapat dihubungi".
      const r = await run(['push', file, '--api', 'http://127.0.0.1:9', '--token', 'x']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/dihubungi|Cannot reach/);
    }, 30_000);
  }
});

describe('formulas saved without their values', () => {
  async function workbook(file: string, where: 'table' | 'elsewhere' | 'cached'): Promise<void> {
    const s = makeSnapshot(validInput());
    const wb = new ExcelJS.Workbook();
    for (const t of s.tables) {
      const ws = wb.addWorksheet(t.sheet);
      ws.addRows([t.header, ...t.rows]);
      if (t.name === 'PohonKinerja') {
        // What a generator writes: the formula, no result (never calculated).
        if (where === 'table') ws.getCell('D2').value = { formula: '"Meningkatnya "&"layanan"' } as ExcelJS.CellFormulaValue;
        if (where === 'elsewhere') ws.getCell('Z40').value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
        if (where === 'cached') ws.getCell('D2').value = { formula: '"Meningkatnya layanan"', result: 'Meningkatnya layanan' } as ExcelJS.CellFormulaValue;
      }
    }
    await save(wb, file);
  }

  it('refuses the workbook with the cells and what to do (validate and push, exit 2)', async () => {
    const file = tmp.path('rumus.xlsx');
    await workbook(file, 'table');
    const v = await run(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/1 sel berisi rumus tanpa nilai tersimpan \(mis\. 'Pohon Kinerja'!D2\).*Buka di Excel atau LibreOffice Calc, simpan/);
    const en = await run(['validate', file, '--lang', 'en']);
    expect(en.stderr).toMatch(/formulas saved without their values/);
    const p = await run(['push', file, '--api', 'http://127.0.0.1:9', '--token', 'x']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/rumus tanpa nilai tersimpan/);
  });

  it('reads formulas outside the tables, and formulas with their values, as before', async () => {
    for (const where of ['elsewhere', 'cached'] as const) {
      const file = tmp.path(`rumus-${where}.xlsx`);
      await workbook(file, where);
      expect((await run(['validate', file])).code).toBe(0);
    }
  });
});

describe('a report of more than 100,000 issues', () => {
  it('prints every issue (no Math.max over all of them)', () => {
    const input = validInput();
    // 60,000 boxes without indicators or Ref Pemda: two or more issues each.
    input.pohon = Array.from({ length: 60_000 }, (_, i) => ({ ID: `X${i}`, Level: 'Tujuan', 'Pernyataan Kinerja': `Meningkatnya hal ${i}` }));
    const result = validateSnapshot(makeSnapshot(input));
    expect(result.issues.length).toBeGreaterThan(110_000);
    const text = humanReport('besar.xlsx', result.summary, result.issues, 'id');
    expect(text.split('\n').length).toBeGreaterThan(result.issues.length);
    expect(toJson(result.summary, result.issues, 'en').issues).toHaveLength(result.issues.length);
  });
});

describe('out of memory', () => {
  it('ends with a sentence and exit 2, never a V8 backtrace (cli/bin.mjs)', () => {
    const r = spawnSync(process.execPath, ['cli/bin.mjs', 'validate', 'examples/dinkes-kabupaten-contoh.xlsx', '--lang', 'en'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=12' }, timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pokin: out of memory while working on this file');
    expect(r.stderr).not.toMatch(/FATAL ERROR|Native stack trace|Last few GCs|0x[0-9a-f]{6,}/);
  });

  it('lets ordinary error output through and keeps a non-memory crash report', () => {
    const seen: string[] = [];
    const f = oomFilter((t: string) => seen.push(t));
    f.write('line one\n\n<--- Last few GCs --->\n[1:0x5] 10 ms: Mark-Compact\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb8 node::Abort()\n');
    f.end();
    expect(seen.join('')).toBe('line one\n');
    expect(f.outOfMemory).toBe(true);
    const other: string[] = [];
    const g = oomFilter((t: string) => other.push(t));
    g.write('FATAL ERROR: something else\n');
    g.end();
    expect(g.outOfMemory).toBe(false);
    expect(other.join('')).toBe('FATAL ERROR: something else\n');
  });
});
