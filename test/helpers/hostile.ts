/**
 * Hostile .xlsx files, built byte by byte (a minimal zip writer over node:zlib): the package
 * guard's tests, `npm run bench -- hostile` and the /usr/bin/time measurements use the same
 * ones. Each is small on disk; what it would cost ExcelJS is in its description.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Content, or a generator of pieces (bombs: never held in memory whole). */
  data: string | Uint8Array | (() => Iterable<string | Uint8Array>);
  /** Claimed uncompressed size (a lying archive); default: the real one. */
  declaredSize?: number;
}

async function deflate(part: ZipPart): Promise<{ raw: Uint8Array; size: number; crc: number }> {
  if (typeof part.data !== 'function') {
    const buf = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : Buffer.from(part.data);
    return { raw: deflateRawSync(buf, { level: 9 }), size: buf.length, crc: crc32(buf) };
  }
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  let size = 0;
  let crc = 0;
  for (const piece of part.data()) {
    const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece);
    size += b.length;
    crc = crc32(b, crc);
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { raw: Buffer.concat(out), size, crc };
}

/** A zip archive (deflate, no zip64: sizes above 4 GiB are written modulo 2^32). */
export async function zip(parts: ZipPart[], o: { alias?: { name: string; of: string }[] } = {}): Promise<Buffer> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const offsets = new Map<string, { offset: number; raw: number; size: number; crc: number }>();
  for (const p of parts) {
    const { raw, size, crc } = await deflate(p);
    const name = Buffer.from(p.name, 'utf8');
    const declared = (p.declaredSize ?? size) >>> 0;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0x0800, 6); h.writeUInt16LE(8, 8);
    h.writeUInt32LE(crc >>> 0, 14); h.writeUInt32LE(raw.length, 18); h.writeUInt32LE(declared, 22); h.writeUInt16LE(name.length, 26);
    local.push(h, name, Buffer.from(raw));
    offsets.set(p.name, { offset, raw: raw.length, size: declared, crc });
    offset += 30 + name.length + raw.length;
  }
  const entries = [...parts.map((p) => ({ name: p.name, of: p.name })), ...(o.alias ?? [])];
  for (const e of entries) {
    const at = offsets.get(e.of);
    if (!at) throw new Error(`no part ${e.of}`);
    const name = Buffer.from(e.name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0x0800, 8); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(at.crc >>> 0, 16); c.writeUInt32LE(at.raw, 20); c.writeUInt32LE(at.size, 24); c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at.offset, 42);
    central.push(c, name);
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Math.min(entries.length, 0xffff), 8); end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface WorkbookOptions {
  definedNames?: string;
  extra?: ZipPart[];
  /** xl/styles.xml (with its relationship). */
  styles?: ZipPart['data'];
  /** xl/sharedStrings.xml (with its relationship). */
  sharedStrings?: ZipPart['data'];
  /** Elements of workbook.xml before `<sheets>` (`<workbookPr date1904="1"/>`). */
  workbookPr?: string;
}

/** The parts every workbook needs, around the given sheets (sheet1.xml …) and extra parts. */
export function workbookParts(sheets: { name: string; xml: ZipPart['data'] }[], o: WorkbookOptions = {}): ZipPart[] {
  const sheetEls = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const override = (part: string, type: string) => `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`;
  const rels = sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')
    + (o.styles ? rel('rIdStyles', 'styles', 'styles.xml') : '')
    + (o.sharedStrings ? rel('rIdStrings', 'sharedStrings', 'sharedStrings.xml') : '');
  const overrides = sheets.map((_, i) => override(`worksheets/sheet${i + 1}.xml`, 'worksheet')).join('')
    + (o.styles ? override('styles.xml', 'styles') : '')
    + (o.sharedStrings ? override('sharedStrings.xml', 'sharedStrings') : '');
  return [
    { name: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>` },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${o.workbookPr ?? ''}<sheets>${sheetEls}</sheets>${o.definedNames ? `<definedNames>${o.definedNames}</definedNames>` : ''}</workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...(o.styles ? [{ name: 'xl/styles.xml', data: o.styles }] : []),
    ...(o.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: o.sharedStrings }] : []),
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
    ...(o.extra ?? []),
  ];
}

export const sheetXml = (body: string, after = '', before = '') => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${before}<sheetData>${body}</sheetData>${after}</worksheet>`;

function* repeat(head: string, unit: (i: number) => string, count: number, tail: string, batch = 4096): Generator<string> {
  yield head;
  for (let i = 0; i < count; i += batch) {
    let s = '';
    for (let k = i; k < Math.min(count, i + batch); k++) s += unit(k);
    yield s;
  }
  yield tail;
}

function* blank(head: string, bytes: number, tail: string): Generator<string | Uint8Array> {
  yield head;
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let n = 0; n < bytes; n += block.length) yield block;
  yield tail;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
const TAIL = '</sheetData></worksheet>';

export interface Hostile {
  name: string;
  /** What it would do to ExcelJS without the guard. */
  threat: string;
  build(): Promise<Buffer>;
}

export const HOSTILE: Hostile[] = [
  {
    name: 'merge-whole-sheet', threat: 'one merge A1:XFD1048576: ExcelJS creates 17 billion cells',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>') }])),
  },
  {
    name: 'cell-at-XFD1048576', threat: 'one value at XFD1048576: dense rows of the readers and adoption',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }])),
  },
  {
    name: '50000-merges', threat: '50,000 merges: ExcelJS compares each with every earlier one (minutes)',
    build: () => zip(workbookParts([{
      name: 'Data',
      xml: () => repeat(HEAD, (i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Baris ${i + 1}</t></is></c></row>`, 50_000,
        `${TAIL.replace('</worksheet>', '')}<mergeCells count="50000">${Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('')}</mergeCells></worksheet>`),
    }])),
  },
  {
    name: '50000-overlapping-merges', threat: '50,000 merges of one area: quadratic in ExcelJS, overlapping (damaged)',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('', `<mergeCells count="50000">${Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 2}"/>`).join('')}</mergeCells>`) }])),
  },
  {
    name: '1000000-rows', threat: '1,000,000 rows: a row and a cell object each (over 4 GB)',
    build: () => zip(workbookParts([{ name: 'Data', xml: () => repeat(HEAD, (i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`, 1_000_000, TAIL) }])),
  },
  {
    name: 'sheet-bomb-2GiB', threat: '2 GiB of sheet XML in a 2 MB file: ExcelJS inflates it into one string',
    build: () => zip(workbookParts([{ name: 'Data', xml: () => blank(HEAD, 2 * GiB, TAIL) }])),
  },
  {
    name: 'rows-bomb-2GiB', threat: '2 GiB of repeated rows (each one cell) in a few MB',
    build: () => zip(workbookParts([{ name: 'Data', xml: () => repeat(HEAD, () => '<row><c><v>1</v></c></row>', 2 * GiB / 26, TAIL, 1 << 16) }])),
  },
  {
    name: 'lying-size-bomb', threat: 'declares 1 KB, inflates to 1 GiB (sizes in the archive are not trusted)',
    build: async () => {
      const parts = workbookParts([{ name: 'Data', xml: () => blank(HEAD, GiB, TAIL) }]);
      parts[parts.length - 1].declaredSize = 1024;
      return zip(parts);
    },
  },
  {
    name: 'shared-strings-bomb', threat: '1 GiB sharedStrings.xml (inflated into one string)',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
      { extra: [{ name: 'xl/sharedStrings.xml', data: () => blank('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', GiB, '</t></si></sst>') }] })),
  },
  {
    name: 'overlapping-entries-bomb', threat: '2,000 directory entries sharing one 64 MiB part (a non-recursive zip bomb)',
    build: () => zip(
      workbookParts([{ name: 'Data', xml: sheetXml('') }], { extra: [{ name: 'customXml/item0.xml', data: () => blank('<a>', 64 * MiB, '</a>') }] }),
      { alias: Array.from({ length: 2000 }, (_, i) => ({ name: `customXml/item${i + 1}.xml`, of: 'customXml/item0.xml' })) },
    ),
  },
  {
    name: '20000-entries', threat: '20,000 parts in the archive',
    build: () => zip([...workbookParts([{ name: 'Data', xml: sheetXml('') }]), ...Array.from({ length: 20_000 }, (_, i) => ({ name: `customXml/i${i}.xml`, data: '<a/>' }))]),
  },
  {
    name: 'defined-name-whole-sheet', threat: 'a defined name over A1:XFD1048576: ExcelJS records every cell of it',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }], { definedNames: '<definedName name="Semua">Data!$A$1:$XFD$1048576</definedName>' })),
  },
  {
    name: 'col-max-2e9', threat: '<col max="2000000000">: ExcelJS creates a column object for each',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '', '<cols><col min="1" max="2000000000" width="9"/></cols>') }])),
  },
  {
    name: 'declared-dimension', threat: 'a declared dimension A1:XFD1048576 around one cell',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '', '<dimension ref="A1:XFD1048576"/>') }])),
  },
  {
    name: 'styles-1000000-xf', threat: '1,000,000 cell formats (Excel allows ~64,000)',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }], {
      styles: () => repeat('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1000000">', () => '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 1_000_000, '</cellXfs></styleSheet>'),
    })),
  },
  {
    name: '3000000-cells', threat: '3,000,000 cells in 100,000 rows (about 1.7 GB in ExcelJS)',
    build: () => zip(workbookParts([{ name: 'Data', xml: () => repeat(HEAD, (i) => `<row r="${i + 1}">${Array.from({ length: 30 }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`, 100_000, TAIL) }])),
  },
  {
    name: 'entity-bomb', threat: 'a DOCTYPE with nested entities (billion laughs)',
    build: () => zip(workbookParts([{ name: 'Data', xml: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>` }])),
  },
  {
    name: 'hidden-cell-in-attribute', threat: 'a cell reference hidden behind ">" inside a quoted attribute',
    build: () => zip(workbookParts([{ name: 'Data', xml: sheetXml('<row r="1" x=">"><c x="a>b" r="XFD1048576"><v>1</v></c></row>') }])),
  },
];
