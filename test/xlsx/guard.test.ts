/**
 * The package guard (xlsx/guard.ts) and the loader around it (xlsx/load.ts, merges.ts): every
 * hostile file of test/helpers/hostile.ts that is cheap to build is refused before ExcelJS sees
 * it, with a bilingual message naming the limit; bombs are refused on what inflates, not what
 * the archive declares; merges load as ExcelJS would load them, without its quadratic check;
 * real workbooks pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxError } from '../../xlsx/errors.js';
import { checkPackage } from '../../xlsx/guard.js';
import { loadWorkbook } from '../../xlsx/open.js';
import { PACKAGE_LIMITS } from '../../xlsx/package-limits.js';
import { SheetScanner, CellBudget } from '../../xlsx/package-scan.js';
import { HOSTILE, sheetXml, workbookParts, zip } from '../helpers/hostile.js';

async function refusal(bytes: Uint8Array, limits = {}): Promise<XlsxError> {
  const err = await checkPackage(bytes, { file: 'x.xlsx', limits }).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(XlsxError);
  return err as XlsxError;
}

const hostile = (name: string) => {
  const h = HOSTILE.find((x) => x.name === name);
  if (!h) throw new Error(name);
  return h.build();
};

describe('the package guard refuses hostile files before ExcelJS loads them', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['merge-whole-sheet', 'too-large', /nomor baris 1\.048\.576 .*'Data'!A1:XFD1048576.*batas Pokin 100\.000/, /row number 1,048,576 .*limit of 100,000/],
    ['cell-at-XFD1048576', 'too-large', /nomor baris 1\.048\.576.*batas Pokin 100\.000/, /row number 1,048,576/],
    ['declared-dimension', 'too-large', /'Data'!A1:XFD1048576/, /limit of 100,000/],
    ['hidden-cell-in-attribute', 'too-large', /'Data'!XFD1048576/, /row number 1,048,576/],
    ['defined-name-whole-sheet', 'too-large', /"Semua" \$A\$1:\$XFD\$1048576/, /row number 1,048,576/],
    ['col-max-2e9', 'too-large', /nomor kolom 2\.000\.000\.000.*batas Pokin 16\.384/, /column number 2,000,000,000/],
    ['50000-overlapping-merges', 'corrupt', /A1:B2 and A2:B3 overlap/, /damaged/],
    ['entity-bomb', 'corrupt', /DOCTYPE/, /damaged/],
    ['styles-1000000-xf', 'too-large', /xl\/styles\.xml.*batas Pokin 20 MB/, /limit of 20 MB/],
    ['overlapping-entries-bomb', 'too-large', /semua bagian setelah dibuka.*batas Pokin 300 MB/, /all parts.*limit of 300 MB/],
    ['20000-entries', 'too-large', /jumlah bagian .* 20\.005.*batas Pokin 10\.000/, /parts in the zip archive 20,005/],
  ];
  for (const [name, code, id, en] of cases) {
    it(`refuses ${name} (${HOSTILE.find((h) => h.name === name)?.threat})`, async () => {
      const e = await refusal(await hostile(name));
      expect(e.code).toBe(code);
      expect(e.text('id')).toMatch(id);
      expect(e.text('en')).toMatch(en);
      expect(e.text('id').startsWith('x.xlsx: ')).toBe(true);
    }, 30_000);
  }

  it('refuses a sheet bomb on what inflates, whatever the archive declares', async () => {
    const parts = workbookParts([{ name: 'Data', xml: () => [' '.repeat(1 << 20)] }]);
    parts[parts.length - 1].declaredSize = 10;
    const e = await refusal(await zip(parts), { partBytes: 512 * 1024 });
    expect(e.code).toBe('too-large');
    expect(e.text('en')).toMatch(/inflated size of one part \(likely a zip bomb\) \(xl\/worksheets\/sheet1\.xml\) exceeds Pokin's limit of 1 MB|exceeds Pokin's limit/);
  });

  it('refuses too many rows at the first row past the limit, with the sheet named', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const e = await refusal(await zip(workbookParts([{ name: 'Pohon Kinerja', xml: sheetXml(rows) }])), { rows: 100 });
    expect(e.text('id')).toMatch(/nomor baris 101 \('Pohon Kinerja'!101:101\) melebihi batas Pokin 100\./);
  });

  it('counts cells covered by merges and named ranges against the cell limit', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:J10"/></mergeCells>');
    expect((await refusal(await zip(workbookParts([{ name: 'Data', xml }])), { cells: 50 })).text('en')).toMatch(/cells in the workbook .* 100 \('Data'!A1:J10\)/);
    const named = await zip(workbookParts([{ name: 'Data', xml: sheetXml('') }], { definedNames: '<definedName name="Blok">Data!$A$1:$J$10</definedName>' }));
    expect((await refusal(named, { cells: 50 })).code).toBe('too-large');
  });

  it('refuses a table whose range exceeds the limits', async () => {
    const table = { name: 'xl/tables/table1.xml', data: '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" ref="A1:XFD1000"/>' };
    const e = await refusal(await zip(workbookParts([{ name: 'Data', xml: sheetXml('') }], { extra: [table] })));
    expect(e.text('en')).toMatch(/used range of one sheet \(rows × columns\) 16,384,000 \(xl\/tables\/table1\.xml A1:XFD1000\)/);
  });
});

describe('the XML scan', () => {
  const scan = (chunks: string[]) => {
    const s = new SheetScanner('p', "'S'", PACKAGE_LIMITS, new CellBudget(PACKAGE_LIMITS), { count: 0 });
    for (const c of chunks) s.feed(c);
    s.end();
    return s.facts;
  };
  const xml = sheetXml(
    '<!-- <c r="XFD1048576"> --><row r="2" spans="1:3"><c r="A2" s="1"><f>SUM(B2:C2)</f></c><c r="B2"><v>1</v></c>' +
    '<c r="C2" t="inlineStr"><is><t><![CDATA[<c r="XFD1048576">]]></t></is></c><x:c r="D2"><x:f>1+1</x:f><x:v>2</x:v></x:c></row>',
    '<mergeCells count="2"><mergeCell ref="A5:B6"/><mergeCell ref=\'C5:C9\'/></mergeCells>');

  it('finds merges and formulas without values, ignoring comments and CDATA, whatever the chunking', () => {
    const whole = scan([xml]);
    expect(whole.merges.map((a) => [a.top, a.left, a.bottom, a.right])).toEqual([[5, 1, 6, 2], [5, 3, 9, 3]]);
    expect(whole.uncached).toEqual(['A2']);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
      expect(scan(chunks)).toEqual(whole);
    }
  });
});

describe('loading merges without the quadratic check', () => {
  it('gives the same merged cells as ExcelJS, and keeps them when the workbook is written again', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Matriks');
    for (let r = 1; r <= 600; r++) ws.getRow(r).values = [`T${Math.ceil(r / 30)}`, `S${Math.ceil(r / 6)}`, `I${r}`, r];
    for (let r = 1; r <= 600; r += 30) ws.mergeCells(r, 1, r + 29, 1);
    for (let r = 1; r <= 600; r += 6) ws.mergeCells(r, 2, r + 5, 2);
    for (let r = 1; r <= 600; r++) ws.mergeCells(r, 4, r, 6);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ours = await loadWorkbook(bytes);
    const merges = (w: ExcelJS.Workbook) => Object.values((w.worksheets[0] as unknown as { _merges: Record<string, { range: string }> })._merges).map((m) => m.range).sort();
    expect(merges(ours)).toEqual(merges(theirs));
    expect(merges(ours)).toHaveLength(20 + 100 + 600);
    const types = (w: ExcelJS.Workbook) => [7, 8, 13, 599].map((r) => [1, 2, 5].map((c) => [w.worksheets[0].getCell(r, c).type, w.worksheets[0].getCell(r, c).value]));
    expect(types(ours)).toEqual(types(theirs));
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await ours.xlsx.writeBuffer() as ExcelJS.Buffer);
    expect(merges(again)).toEqual(merges(theirs));
  });
});

describe('real workbooks pass the guard', () => {
  const files = [
    ...readdirSync('examples').filter((f) => f.endsWith('.xlsx')).map((f) => join('examples', f)),
    ...readdirSync('test/fixtures/adopt').filter((f) => f.endsWith('.xlsx')).map((f) => join('test/fixtures/adopt', f)),
  ];
  for (const f of files) {
    it(`accepts ${f}`, async () => {
      const report = await checkPackage(readFileSync(f));
      expect(report.sheets.size).toBeGreaterThan(0);
      expect([...report.sheets.values()].every((s) => s.name !== undefined)).toBe(true);
    });
  }
});
