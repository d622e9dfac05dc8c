/**
 * The package reader of `pokin import` (xlsx/raw-read.ts) where it works differently from
 * ExcelJS: it reads the parts as they inflate, in pieces, so values must survive any piece
 * boundary; and it reads cached formula results that ExcelJS 4.4 drops.
 */
import { describe, expect, it } from 'vitest';
import { XlsxError } from '../../xlsx/errors.js';
import { rawSheet } from '../../xlsx/extract.js';
import { loadWorkbook } from '../../xlsx/open.js';
import { readRawSheets } from '../../xlsx/sheet.js';
import { sheetXml, workbookParts, zip } from '../helpers/hostile.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('the package reader', () => {
  it('reads values that straddle the pieces a part inflates in (multi-byte text, long strings, many cells)', async () => {
    // 'é' is two bytes, '🌳' four: some piece boundary falls inside one of them.
    const long = 'Peningkatan kualitas pelayanan kesehatan é🌳 '.repeat(8000);
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>Sub Kegiatan ${i} é🌳</t></is></c><c r="B${i + 2}"><v>${i}.25</v></c></row>`).join('');
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="1" uniqueCount="1"><si><t>${long}</t></si></sst>`;
    const bytes = await zip(workbookParts([{ name: 'Data', xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>${rows}`) }],
      { extra: [{ name: 'xl/sharedStrings.xml', data: strings }] }));
    const [sheet] = await readRawSheets(bytes);
    expect(sheet.values[0][0]).toBe(long);
    expect(sheet.values).toHaveLength(3001);
    for (let i = 0; i < 3000; i++) expect(sheet.values[i + 1]).toEqual([`Sub Kegiatan ${i} é🌳`, i + 0.25]);
  });

  it('reads a formula whose cached value is 0, FALSE or "" as that value, as does the ExcelJS reader for 0 and FALSE', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1"><v>5</v></c><c r="C1" t="b"><f>B1&lt;0</f><v>0</v></c>'
      + '<c r="D1" t="str"><f>IF(B1&gt;0,"","x")</f><v></v></c><c r="E1"><f>B1*2</f></c></row>');
    const bytes = await zip(workbookParts([{ name: 'Data', xml }]));
    const [sheet] = await readRawSheets(bytes);
    expect(sheet.values).toEqual([[0, 5, false, '', null]]);
    expect(sheet.formulas).toEqual([{ cell: 'A1', formula: 'B1-B1' }, { cell: 'C1', formula: 'B1<0' }, { cell: 'D1', formula: 'IF(B1>0,"","x")' }]);
    expect(sheet.uncachedFormulas).toEqual([{ cell: 'E1', formula: 'B1*2' }]);
    // ExcelJS's `cell.value` drops a falsy result; the ExcelJS reader takes `cell.result`.
    const wb = await loadWorkbook(bytes);
    expect(rawSheet(wb.worksheets[0]).values[0].slice(0, 3)).toEqual([0, 5, false]);
  });

  it('refuses a sheet cut off before </sheetData> as damaged instead of reading fewer rows', async () => {
    const cut = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`;
    const bytes = await zip(workbookParts([{ name: 'Data', xml: cut }]));
    const err = await readRawSheets(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).code).toBe('corrupt');
    expect((err as XlsxError).bilingual.en).toMatch(/damaged.*sheetData/);
  });

  it('says a zip without worksheets is not a workbook', async () => {
    const parts = workbookParts([]);
    const err = await readRawSheets(await zip(parts)).catch((e: unknown) => e);
    expect((err as XlsxError).code).toBe('not-xlsx');
    expect((err as XlsxError).bilingual.id).toMatch(/tidak ada lembar kerja/);
  });
});

describe('a sheet the workbook lists but the archive lacks', () => {
  it('makes the file damaged, naming the sheet, instead of importing the other sheets as if it never existed', async () => {
    const parts = workbookParts([{ name: 'Renstra', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: 'Lampiran', xml: sheetXml('') }])
      .filter((p) => p.name !== 'xl/worksheets/sheet2.xml');
    const err = await readRawSheets(await zip(parts)).catch((e: unknown) => e);
    expect((err as XlsxError).code).toBe('corrupt');
    expect((err as XlsxError).bilingual.en).toMatch(/'Lampiran'.*missing/);
  });
});
