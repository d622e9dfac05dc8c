/**
 * What `readRawSheets` (xlsx/sheet.ts) returns for workbooks written by tools other than
 * ExcelJS: Excel, LibreOffice, WPS, Google Sheets, PDF converters and generators each write
 * SpreadsheetML their own way, and pemda files come from all of them. Every file here is built
 * byte by byte (test/helpers/hostile.ts), so each pattern is exactly the XML a tool writes.
 * Section numbers are ECMA-376 Part 1 (5th edition); "MS-OI29500" is Microsoft's notes on how
 * Office implements it.
 *
 * This is the contract for any reader behind `readRawSheets` (ExcelJS today, the project's own
 * XML lexer next): the last test checks that, on every file here, it returns what ExcelJS with
 * `rawSheet` returns.
 */
import { describe, expect, it } from 'vitest';
import type { RawSheet } from '../../core/adopt/types.js';
import { rawSheet } from '../../xlsx/extract.js';
import { loadWorkbook } from '../../xlsx/open.js';
import { readRawSheets } from '../../xlsx/sheet.js';
import { sheetXml, workbookParts, zip, type WorkbookOptions, type ZipPart } from '../helpers/hostile.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const sst = (items: string) => `${XML}<sst xmlns="${MAIN}">${items}</sst>`;
const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, v: number | string, s?: number) => `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ''}><v>${v}</v></c>`;

/** One worksheet named Data. */
const oneSheet = (body: string, o: WorkbookOptions & { after?: string; before?: string } = {}) =>
  () => zip(workbookParts([{ name: 'Data', xml: sheetXml(body, o.after, o.before) }], o));

/** styles.xml with the given custom formats and cellXfs number formats (index 0 = General). */
function styles(numFmts: string, xfs: number[]): string {
  return `${XML}<styleSheet xmlns="${MAIN}">${numFmts ? `<numFmts count="${numFmts.split('<numFmt ').length - 1}">${numFmts}</numFmts>` : ''}`
    + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
    // Cell styles (cellStyleXfs, §18.8.9) come first and are a separate list: `s` indexes cellXfs only (§18.8.10, §18.3.1.4).
    + '<cellStyleXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>`
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}

const FORMATS = styles(
  '<numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>'
  + '<numFmt numFmtId="166" formatCode="[$-421]dd\\ mmmm\\ yyyy;@"/><numFmt numFmtId="167" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/>',
  //  0  1  2   3  4    5   6    7    8    9   10  11
  [0, 9, 10, 4, 164, 14, 165, 166, 167, 3, 49, 0],
);
const FORMATTED_ROW = '<row r="1">'
  + num('A1', 0.98, 1) + num('B1', 0.125, 2) + num('C1', 1234.5, 3) + num('D1', 98.5, 4)
  + num('E1', 46023, 5) + num('F1', 46023, 6) + num('G1', 46023, 7) + num('H1', 46023.75, 8) + num('I1', 1500000, 9) + num('J1', 12, 10)
  + num('K1', 7, 11) + '<c r="L1" s="1" t="inlineStr"><is><t>98%</t></is></c></row>';

/** Tabs, in an order that is neither the sheetIds' nor the parts' (built by hand: workbookParts numbers them alike). */
function tabsWorkbook(): ZipPart[] {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const one = (text: string) => sheetXml(`<row r="1">${str('A1', text)}</row>`);
  return [
    { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>` },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="${PKG_REL}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="1"/></bookViews><sheets>`
        + '<sheet name="Renstra &amp; Renja" sheetId="7" r:id="rId3"/><sheet name="Pohon" sheetId="2" r:id="rId1"/>'
        + '<sheet name="OPD\'s Data" sheetId="5" state="hidden" r:id="rId2"/><sheet name="Grafik" sheetId="3" r:id="rId5"/>'
        + '<sheet name="Referensi" sheetId="9" state="veryHidden" r:id="rId6"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML}<Relationships xmlns="${PKG_REL}">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'worksheet', '/xl/worksheets/sheet2.xml')}`
        + `${rel('rId3', 'worksheet', 'worksheets/sheet3.xml')}${rel('rId5', 'chartsheet', 'chartsheets/sheet1.xml')}${rel('rId6', 'worksheet', 'worksheets/sheet5.xml')}`
        + `${rel('rId9', 'sharedStrings', '/xl/sharedStrings.xml')}</Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: one('pohon') },
    { name: 'xl/worksheets/sheet2.xml', data: one('opd') },
    { name: 'xl/worksheets/sheet3.xml', data: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
    // A worksheet part no relationship names (left behind by a tool): not a tab of the workbook.
    { name: 'xl/worksheets/sheet4.xml', data: one('yatim') },
    { name: 'xl/worksheets/sheet5.xml', data: one('referensi') },
    { name: 'xl/chartsheets/sheet1.xml', data: `${XML}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>` },
    { name: 'xl/sharedStrings.xml', data: sst('<si><t>renstra</t></si>') },
  ];
}

/** Every file of this suite; the last test reads each with ExcelJS too. */
const FILES = {
  sharedStrings: oneSheet(`<row r="1">${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c, i) => `<c r="${c}1" t="s"><v>${i}</v></c>`).join('')}</row>`, {
    sharedStrings: sst(
      '<si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/></rPr><t>Pro</t></r><r><rPr><sz val="11"/><rFont val="Calibri"/></rPr><t>gram</t></r></si>'
      + '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
      + '<si><t xml:space="preserve">  Sasaran Strategis  </t></si>'
      + '<si><t>Baris 1_x000D__x000A_Baris 2_x000A_akhir_x0009_tab</t></si>'
      + '<si><t>Bappeda &amp; BPKAD &lt;2026&gt; caf&#233; &#x41;</t></si>'
      + '<si><t>Meningkatnya Kualitas Pelayanan Publik — مرحبا 🌳</t></si>'
      + '<si><t>kode_x005F_x000D_literal</t></si>'
      + '<si><r><t xml:space="preserve">Sub </t></r><r><rPr><i/></rPr><t xml:space="preserve">Kegiatan </t></r></si>',
    ),
  }),
  inlineStrings: oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Urusan</t></is></c>'
    + '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Sub </t></r><r><t>Kegiatan</t></r></is></c>'
    + '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> Program &amp; Kegiatan </t></is></c></row>'),
  scalars: oneSheet('<row r="1">' + num('A1', 42) + num('B1', 3.14) + num('C1', '1E-3') + num('D1', -12.5) + '<c r="E1" t="n"><v>2.5E+3</v></c>'
    + '<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><v>#N/A</v></c><c r="I1" t="e"><v>#DIV/0!</v></c>'
    + '<c r="J1" t="e"><v>#REF!</v></c><c r="K1" t="str"><v>teks</v></c>' + num('L1', '12.50') + '</row>'),
  formulas: oneSheet(
    '<row r="1">' + num('A1', 1) + num('B1', 2) + '<c r="C1"><f>SUM(A1:B1)</f><v>3</v></c><c r="D1" t="str"><f>A1&amp;"x"</f><v>1x</v></c>'
    + '<c r="E1"><f>A1*2</f></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1" t="b"><f>A1=1</f><v>1</v></c></row>'
    + '<row r="2">' + num('A2', 1) + num('B2', 2) + '<c r="C2"><f t="shared" ref="C2:C4" si="0">A2+B2</f><v>3</v></c></row>'
    + '<row r="3">' + num('A3', 3) + num('B3', 4) + '<c r="C3"><f t="shared" si="0"/><v>7</v></c></row>'
    + '<row r="4">' + num('A4', 5) + num('B4', 6) + '<c r="C4"><f t="shared" si="0"/><v>11</v></c></row>'
    + '<row r="6"><c r="B6"><f t="shared" ref="B6:D6" si="1">B2*$A$1+B$2</f><v>1</v></c><c r="C6"><f t="shared" si="1"/><v>2</v></c><c r="D6"><f t="shared" si="1"/><v>3</v></c></row>',
  ),
  formats: oneSheet(FORMATTED_ROW, { styles: FORMATS }),
  formats1904: oneSheet(FORMATTED_ROW, { styles: FORMATS, workbookPr: '<workbookPr date1904="1"/>' }),
  hidden: oneSheet(
    `<row r="1">${num('A1', 1)}${num('B1', 2)}${num('C1', 3)}${num('D1', 4)}${num('E1', 5)}${num('F1', 6)}</row>`
    + `<row r="2" hidden="1">${num('A2', 7)}</row><row r="3" hidden="true">${num('A3', 8)}</row>`
    + `<row r="4" hidden="0">${num('A4', 9)}</row><row r="5" hidden="false">${num('A5', 10)}</row>`,
    { before: '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" width="9" hidden="true"/><col min="6" max="6" width="9" hidden="0"/></cols>' },
  ),
  merges: oneSheet(
    `<row r="1">${str('A1', 'Tujuan')}${str('B1', 'Sasaran')}${num('C1', 5)}</row>`
    + `<row r="2">${str('A2', 'T1')}${str('B2', 'S1.1')}${num('C2', 10)}</row>`
    // Covered cells: A3 styled and empty (as Excel writes it), A4 still holding the text (as some converters leave it).
    + `<row r="3"><c r="A3" s="0"/>${str('B3', 'S1.2')}${num('C3', 20)}</row>`
    + `<row r="4">${str('A4', 'T1')}${str('B4', 'S1.3')}${num('C4', 30)}</row>`
    + `<row r="5">${str('A5', 'Jumlah')}${str('B5', 'sisa')}${num('C5', 60)}</row>`,
    { after: '<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="A5:B5"/></mergeCells>' },
  ),
  impliedColumns: oneSheet(`<row r="1">${num('B1', 4)}<c><v>5</v></c><c t="inlineStr"><is><t>enam</t></is></c></row><row r="2">${num('A2', 1)}<c><v>2</v></c></row>`),
  outOfOrder: oneSheet(`<row r="3">${num('A3', 3)}</row><row r="1">${num('B1', 2)}${num('A1', 1)}</row>`),
  blanks: oneSheet(
    `<row r="1" spans="1:6">${num('A1', 1)}${str('B1', 'x')}<c r="C1" s="0"/><c r="D1"><v></v></c><c r="E1" t="s"/><c r="F1" s="0"/></row>`
    + `<row r="2"><c r="A2" s="0"/>${num('B2', 2)}<c r="C2" s="0"/></row>`
    + '<row r="3" s="0" customFormat="1" ht="20" customHeight="1"><c r="A3" s="0"/><c r="B3" s="0"/></row>'
    + '<row r="4"><c r="A4" s="0"/><c r="B4"><v></v></c></row><row r="9" ht="30" customHeight="1"/>',
  ),
  emptySheet: () => zip(workbookParts([{ name: 'Kosong', xml: `${XML}<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData/></worksheet>` }])),
  tabs: () => zip(tabsWorkbook()),
} satisfies Record<string, () => Promise<Buffer>>;

type FileName = keyof typeof FILES;
const cache = new Map<FileName, Promise<RawSheet[]>>();
const sheets = (name: FileName) => {
  if (!cache.has(name)) cache.set(name, FILES[name]().then((b) => readRawSheets(b)));
  return cache.get(name) as Promise<RawSheet[]>;
};
const sheet = async (name: FileName) => (await sheets(name))[0];

describe('shared strings (§18.4) read as the text Excel shows', () => {
  it('joins the runs of a rich text string (§18.4.4 r) and ignores their formatting', async () => {
    expect((await sheet('sharedStrings')).values[0][0]).toBe('Program');
    expect((await sheet('sharedStrings')).values[0][7]).toBe('Sub Kegiatan ');
  });
  it('leaves out phonetic runs (§18.4.6 rPh) and phonetic properties', async () => {
    expect((await sheet('sharedStrings')).values[0][1]).toBe('東京');
  });
  it('keeps leading and trailing spaces of xml:space="preserve" text (§18.4.12 t)', async () => {
    expect((await sheet('sharedStrings')).values[0][2]).toBe('  Sasaran Strategis  ');
  });
  it('decodes _xHHHH_ escapes (§22.9.2.19 ST_Xstring), _x005F_ escaping a literal underscore', async () => {
    const row = (await sheet('sharedStrings')).values[0];
    expect(row[3]).toBe('Baris 1\r\nBaris 2\nakhir\ttab');
    expect(row[6]).toBe('kode_x000D_literal');
  });
  it('decodes XML entities and character references', async () => {
    expect((await sheet('sharedStrings')).values[0][4]).toBe('Bappeda & BPKAD <2026> café A');
  });
  it('keeps non-ASCII text (Indonesian punctuation, Arabic, emoji) as written', async () => {
    expect((await sheet('sharedStrings')).values[0][5]).toBe('Meningkatnya Kualitas Pelayanan Publik — مرحبا 🌳');
  });
  it('finds the shared string part through the workbook relationships, absolute target included (§12.3.15)', async () => {
    expect((await sheets('tabs'))[0].values).toEqual([['renstra']]);
  });
});

describe('cell values by type (§18.3.1.4 c, §18.18.11 ST_CellType)', () => {
  it('reads inline strings (t="inlineStr", §18.3.1.53 is), plain and rich, with entities and spaces', async () => {
    expect(await sheet('inlineStrings')).toEqual({ name: 'Data', values: [['Urusan', 'Sub Kegiatan', ' Program & Kegiatan ']], merges: [] });
  });
  it('reads numbers (integers, decimals, exponents, negatives), booleans, errors as their text and t="str" strings', async () => {
    expect(await sheet('scalars')).toEqual({
      name: 'Data', values: [[42, 3.14, 0.001, -12.5, 2500, true, false, '#N/A', '#DIV/0!', '#REF!', 'teks', 12.5]], merges: [],
    });
  });
});

describe('formulas (§18.3.1.40 f)', () => {
  it('gives a calculated formula its cached value and lists its text', async () => {
    const s = await sheet('formulas');
    expect(s.values[0]).toEqual([1, 2, 3, '1x', null, '#DIV/0!', true]);
    expect(s.formulas?.slice(0, 4)).toEqual([
      { cell: 'C1', formula: 'SUM(A1:B1)' }, { cell: 'D1', formula: 'A1&"x"' }, { cell: 'F1', formula: '1/0' }, { cell: 'G1', formula: 'A1=1' },
    ]);
  });
  it('reads a formula saved without a value as blank and lists it as uncached', async () => {
    const s = await sheet('formulas');
    expect(s.values[0][4]).toBeNull();
    expect(s.uncachedFormulas).toEqual([{ cell: 'E1', formula: 'A1*2' }]);
  });
  it('translates shared formulas (§18.18.6 ST_CellFormulaType shared) for the cells that follow the master, down and across', async () => {
    const s = await sheet('formulas');
    expect(s.values.slice(1)).toEqual([[1, 2, 3], [3, 4, 7], [5, 6, 11], [], [null, 1, 2, 3]]);
    expect(s.formulas?.slice(4)).toEqual([
      { cell: 'C2', formula: 'A2+B2' }, { cell: 'C3', formula: 'A3+B3' }, { cell: 'C4', formula: 'A4+B4' },
      // Absolute parts ($A$1, the $2 of B$2) do not move (§18.17.2.3 cell references).
      { cell: 'B6', formula: 'B2*$A$1+B$2' }, { cell: 'C6', formula: 'C2*$A$1+C$2' }, { cell: 'D6', formula: 'D2*$A$1+D$2' },
    ]);
  });
});

describe('number formats (§18.8.30 numFmt, §18.8.10 cellXfs)', () => {
  it('gives numeric cells the code of their cellXfs entry: built-in 9, 10, 4, 3, 49 and a custom one; not cellStyleXfs', async () => {
    const s = await sheet('formats');
    // Built-in codes from the table of §18.8.30; General (id 0) is no format.
    // Same shape as `values` (core/adopt/types.ts): a row as long as its values.
    expect(s.numberFormats).toEqual([['0%', '0.00%', '#,##0.00', '0.0"%"', null, null, null, null, '#,##0', '@', null, null]]);
    expect(s.values[0].slice(0, 4)).toEqual([0.98, 0.125, 1234.5, 98.5]);
    expect(s.values[0].slice(8)).toEqual([1500000, 12, 7, '98%']);
  });
  it('reads a serial number under a date format (built-in 14, custom dd/mm/yyyy, an Indonesian locale one) as its ISO date', async () => {
    // §18.17.4.1: in the 1900 date system serial 46023 is 2026-01-01; a time of day is the fraction.
    expect((await sheet('formats')).values[0].slice(4, 8)).toEqual(['2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01T18:00:00Z']);
  });
  it('counts serial numbers from 1904-01-01 in a workbook with date1904 (§18.2.28 workbookPr), 1,462 days later', async () => {
    const s = await sheet('formats1904');
    expect(s.values[0].slice(4, 8)).toEqual(['2030-01-02', '2030-01-02', '2030-01-02', '2030-01-02T18:00:00Z']);
    expect(s.values[0].slice(0, 4)).toEqual([0.98, 0.125, 1234.5, 98.5]);
  });
});

describe('hidden rows and columns (§18.3.1.73 row, §18.3.1.13 col)', () => {
  it('lists rows and columns hidden with "1" or "true" (xsd:boolean), and not those with "0" or "false"', async () => {
    const s = await sheet('hidden');
    expect(s.hiddenRows).toEqual([2, 3]);
    expect(s.hiddenColumns).toEqual([1, 2, 4]);
    // Their values are read all the same.
    expect(s.values).toEqual([[1, 2, 3, 4, 5, 6], [7], [8], [9], [10]]);
  });
});

describe('merged areas (§18.3.1.55 mergeCell)', () => {
  it('reads covered cells as blank, even one still holding a value, and lists the areas (a vertical one in a hierarchy column)', async () => {
    expect(await sheet('merges')).toEqual({
      name: 'Data',
      values: [['Tujuan', 'Sasaran', 5], ['T1', 'S1.1', 10], [null, 'S1.2', 20], [null, 'S1.3', 30], ['Jumlah', null, 60]],
      merges: ['A2:A4', 'A5:B5'],
    });
  });
});

describe('positions and blanks in sheetData (§18.3.1.80)', () => {
  it('puts a cell without r in the column after the previous cell of its row (MS-OI29500 on §18.3.1.4)', async () => {
    expect((await sheet('impliedColumns')).values).toEqual([[null, 4, 5, 'enam'], [1, 2]]);
  });
  it('places rows and cells by their r even when written out of order', async () => {
    expect((await sheet('outOfOrder')).values).toEqual([[1, 2], [], [3]]);
  });
  it('reads styled cells without a value and empty <v></v> as blank, and trims trailing blank cells and rows', async () => {
    expect(await sheet('blanks')).toEqual({ name: 'Data', values: [[1, 'x'], [null, 2]], merges: [] });
  });
  it('reads a sheet whose sheetData is empty as no rows', async () => {
    expect(await sheets('emptySheet')).toEqual([{ name: 'Kosong', values: [], merges: [] }]);
  });
});

describe('the sheets of a workbook (§18.2.19 sheet, §18.2.20 sheets)', () => {
  it('returns the worksheets in tab order with the names of workbook.xml, hidden ones included, chartsheets and unlisted parts left out', async () => {
    // Tab order is the order of <sheet> elements, not sheetId nor the part names; state hidden/veryHidden
    // (§18.18.68 ST_SheetState) sheets are still worksheets; a chartsheet (§12.3.2) has no cells; a part
    // no relationship names is not in the workbook (Part 2, §9.3).
    expect((await sheets('tabs')).map((s) => [s.name, s.values])).toEqual([
      ['Renstra & Renja', [['renstra']]],
      ['Pohon', [['pohon']]],
      ["OPD's Data", [['opd']]],
      ['Referensi', [['referensi']]],
    ]);
  });
});

describe('the ExcelJS reader and readRawSheets agree', () => {
  // `readRawSheets` takes the merged areas from the package guard; `rawSheet` over a workbook loaded
  // with the merges applied takes ExcelJS's own: both must give the same sheets on every file here.
  for (const name of Object.keys(FILES) as FileName[]) {
    it(`on ${name}`, async () => {
      const bytes = await FILES[name]();
      const wb = await loadWorkbook(bytes);
      expect(await readRawSheets(bytes)).toEqual(wb.worksheets.map((ws) => rawSheet(ws)));
    });
  }
});
