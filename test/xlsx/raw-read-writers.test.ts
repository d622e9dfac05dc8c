/**
 * Workbooks as other writers save them (Excel, LibreOffice, WPS, Google Sheets, .NET
 * generators, PDF converters), written byte by byte so each pattern is exact XML, read by the
 * package reader of `pokin import`. Section numbers are ECMA-376 Part 1.
 */
import { describe, expect, it } from 'vitest';
import { rawSheet } from '../../xlsx/extract.js';
import { loadWorkbook } from '../../xlsx/open.js';
import { readRawSheets } from '../../xlsx/sheet.js';
import { sheetXml, workbookParts, zip, type ZipPart } from '../helpers/hostile.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sst = (items: string[]) => ({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${items.map((i) => `<si>${i}</si>`).join('')}</sst>` });
const styles = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${body}</styleSheet>`;

async function read(body: string, o: { extra?: ZipPart[]; styles?: string; after?: string; before?: string } = {}) {
  const bytes = await zip(workbookParts([{ name: 'Data', xml: sheetXml(body, o.after, o.before) }], { ...(o.extra ? { extra: o.extra } : {}), ...(o.styles ? { styles: o.styles } : {}) }));
  return (await readRawSheets(bytes))[0];
}

describe('strings', () => {
  it('joins rich text runs, skips phonetic runs, keeps spaces, decodes entities and _xHHHH_ escapes (§18.4.4, §18.4.6, §22.9.2.19)', async () => {
    const sheet = await read('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>', {
      extra: [sst([
        '<r><rPr><b/></rPr><t>Pro</t></r><r><t xml:space="preserve">gram </t></r><r><t>Kesehatan</t></r>',
        '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
        '<t xml:space="preserve">  Bidang &amp; Seksi &lt;1&gt; &#233;&#x41; </t>',
        '<t>Baris 1_x000D__x000A_Baris 2</t>',
      ])],
    });
    expect(sheet.values[0]).toEqual(['Program Kesehatan', '東京', '  Bidang & Seksi <1> éA ', 'Baris 1\r\nBaris 2']);
  });

  it('reads inline strings, plain and rich, as .NET generators write them (§18.3.1.53)', async () => {
    const sheet = await read('<row r="1"><c r="A1" t="inlineStr"><is><t>Sasaran</t></is></c><c r="B1" t="inlineStr"><is><r><t>Indi</t></r><r><rPr><i/></rPr><t>kator</t></r></is></c></row>');
    expect(sheet.values).toEqual([['Sasaran', 'Indikator']]);
  });
});

describe('numbers, booleans, errors', () => {
  it('reads integers, decimals, exponents, negatives, TRUE/FALSE and error values as their text', async () => {
    const sheet = await read('<row r="1"><c r="A1"><v>42</v></c><c r="B1"><v>0.1</v></c><c r="C1"><v>1E-3</v></c><c r="D1" t="n"><v>-7.5</v></c>'
      + '<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="e"><v>#DIV/0!</v></c></row>');
    expect(sheet.values).toEqual([[42, 0.1, 0.001, -7.5, true, false, '#N/A', '#DIV/0!']]);
  });
});

describe('formulas', () => {
  it('translates a shared formula for its followers (§18.3.1.40) and keeps absolute parts', async () => {
    const sheet = await read(
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">A2+B2*$A$1</f><v>3</v></c></row>'
      + '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><v>5</v></c><c r="C3"><f t="shared" si="0"/><v>9</v></c></row>'
      + '<row r="4"><c r="A4"><v>6</v></c><c r="B4"><v>7</v></c><c r="C4"><f t="shared" si="0"/><v>13</v></c></row>');
    expect(sheet.values.slice(1).map((r) => r[2])).toEqual([3, 9, 13]);
    expect(sheet.formulas).toEqual([{ cell: 'C2', formula: 'A2+B2*$A$1' }, { cell: 'C3', formula: 'A3+B3*$A$1' }, { cell: 'C4', formula: 'A4+B4*$A$1' }]);
  });

  it('reads a string result (t="str") and lists formulas without a cached value apart', async () => {
    const sheet = await read('<row r="1"><c r="A1" t="str"><f>"Tahun "&amp;B1</f><v>Tahun 2026</v></c><c r="B1"><v>2026</v></c><c r="C1"><f>B1+1</f></c></row>');
    expect(sheet.values).toEqual([['Tahun 2026', 2026, null]]);
    expect(sheet.formulas).toEqual([{ cell: 'A1', formula: '"Tahun "&B1' }]);
    expect(sheet.uncachedFormulas).toEqual([{ cell: 'C1', formula: 'B1+1' }]);
  });
});

describe('number formats and dates', () => {
  const xfs = '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0\\%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>'
    // cellStyleXfs come first and must not shift the cellXfs indexes.
    + '<cellStyleXfs count="2"><xf numFmtId="9"/><xf numFmtId="14"/></cellStyleXfs>'
    + '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs>';

  it('gives numeric cells their format: built-in percent, custom codes with escapes (§18.8.30, §18.8.31)', async () => {
    const sheet = await read('<row r="1"><c r="A1" s="0"><v>1.5</v></c><c r="B1" s="1"><v>0.98</v></c><c r="C1" s="2"><v>0.125</v></c><c r="D1" s="3"><v>12.5</v></c></row>', { styles: styles(xfs) });
    expect(sheet.values).toEqual([[1.5, 0.98, 0.125, 12.5]]);
    // Kept as written: `0.0\%` is a literal percent sign after the value, not ×100.
    expect(sheet.numberFormats).toEqual([[null, '0%', '0.00%', '0.0\\%']]);
    // The ExcelJS reader of the preview finds the written code again (ExcelJS drops backslashes).
    const bytes = await zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1" s="0"><v>1.5</v></c><c r="B1" s="1"><v>0.98</v></c><c r="C1" s="2"><v>0.125</v></c><c r="D1" s="3"><v>12.5</v></c></row>') }], { styles: styles(xfs) }));
    expect(rawSheet((await loadWorkbook(bytes)).worksheets[0]).numberFormats).toEqual(sheet.numberFormats);
  });

  it('keeps backslash escapes, so a unit written into the format is no date (§18.8.31)', async () => {
    const own = styles('<numFmts count="1"><numFmt numFmtId="166" formatCode="0 \\h\\a\\r\\i"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="166"/></cellXfs>');
    const sheet = await read('<row r="1"><c r="A1" s="1"><v>30</v></c></row>', { styles: own });
    expect(sheet.values).toEqual([[30]]);
    expect(sheet.numberFormats).toEqual([['0 \\h\\a\\r\\i']]);
  });

  it('counts 1900-based serials before the fictitious 29 February 1900 from 1900-01-01', async () => {
    const sheet = await read('<row r="1"><c r="A1" s="4"><v>1</v></c><c r="B1" s="4"><v>59</v></c><c r="C1" s="4"><v>61</v></c></row>', { styles: styles(xfs) });
    expect(sheet.values).toEqual([['1900-01-01', '1900-02-28', '1900-03-01']]);
  });

  it('turns serial numbers under a date format into ISO dates, 1900 and 1904 based (§18.17.4.1)', async () => {
    const body = '<row r="1"><c r="A1" s="4"><v>46023</v></c><c r="B1" s="5"><v>46023.5</v></c></row>';
    expect((await read(body, { styles: styles(xfs) })).values).toEqual([['2026-01-01', '2026-01-01T12:00:00Z']]);
    const bytes = await zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1" s="4"><v>44561</v></c></row>') }], { styles: styles(xfs) })
      .map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: String(p.data).replace('<sheets>', '<workbookPr date1904="1"/><sheets>') } : p)));
    expect((await readRawSheets(bytes))[0].values).toEqual([['2026-01-01']]);
  });
});

describe('layout', () => {
  it('lists hidden rows and columns (hidden="1" or "true") and still reads their values', async () => {
    const sheet = await read('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c></row><row r="2" hidden="true"><c r="A2"><v>5</v></c></row>',
      { before: '<cols><col min="2" max="3" width="0" hidden="1"/></cols>' });
    expect(sheet.values).toEqual([[1, 2, 3, 4], [5]]);
    expect(sheet.hiddenColumns).toEqual([1, 2]);
    expect(sheet.hiddenRows).toEqual([2]);
  });

  it('reads a covered cell of a merged area as blank, whatever a tool left in it', async () => {
    const sheet = await read('<row r="1"><c r="A1" t="inlineStr"><is><t>PROGRAM</t></is></c><c r="B1" t="inlineStr"><is><t>sisa</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>ikut</t></is></c></row>',
      { after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>' });
    expect(sheet.values).toEqual([['PROGRAM']]);
    expect(sheet.merges).toEqual(['A1:B2']);
  });

  it('places rows and cells written without r attributes, skips styled empty cells and trims styled empty rows', async () => {
    const sheet = await read('<row><c><v>1</v></c><c s="1"/><c><v>3</v></c></row><row><c t="inlineStr"><is><t>b</t></is></c><c><v></v></c></row><row r="9"><c r="A9" s="1"/></row>');
    expect(sheet.values).toEqual([[1, null, 3], ['b']]);
  });

  it('reads a sheet with prefixed element names, as some .NET generators write', async () => {
    const xml = '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tujuan</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const bytes = await zip(workbookParts([{ name: 'Data', xml }]));
    expect((await readRawSheets(bytes))[0].values).toEqual([['Tujuan', 7]]);
  });
});

describe('sheets', () => {
  it('come in tab order with their names, hidden ones included, whatever the part numbers and ids; absolute targets resolve', async () => {
    const parts = workbookParts([{ name: 'A', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: 'B', xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') }]).map((p) => {
      if (p.name === 'xl/workbook.xml') {
        return { ...p, data: String(p.data).replace(/<sheets>.*<\/sheets>/, '<sheets><sheet name="Renstra &amp; Renja" sheetId="7" r:id="rId2"/><sheet name="Pak Budi\'s" sheetId="1" state="hidden" r:id="rId1"/></sheets>') };
      }
      if (p.name === 'xl/_rels/workbook.xml.rels') return { ...p, data: String(p.data).replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/sheet2.xml"') };
      return p;
    });
    const sheets = await readRawSheets(await zip(parts));
    expect(sheets.map((s) => [s.name, s.values[0][0]])).toEqual([['Renstra & Renja', 2], ["Pak Budi's", 1]]);
  });

  it('find the shared strings through the workbook relationships when the part has another name', async () => {
    const parts = workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], {
      extra: [{ name: 'xl/strings/sst1.xml', data: `<sst ${NS}><si><t>Sasaran</t></si></sst>` }],
    }).map((p) => (p.name === 'xl/_rels/workbook.xml.rels'
      ? { ...p, data: String(p.data).replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/sst1.xml"/></Relationships>') }
      : p));
    expect((await readRawSheets(await zip(parts)))[0].values).toEqual([['Sasaran']]);
  });
});
