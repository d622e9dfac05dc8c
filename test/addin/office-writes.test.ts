/**
 * What Pokin writes into Excel, on the double under every build profile (issue 11 findings
 * #3, #4, #8–#14, #17): the template within 5 MB per sync, formats that never stop at a row,
 * errors above warnings, short formulas, one Excel.run per action, waiting instead of failing
 * while a cell is edited, "Pasang ulang format" after a paste, the base version mirrored in
 * Info, names compared without case, the diagram as a picture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { templateSnapshot } from '../../addin/template.js';
import { MAX_CF_FORMULA } from '../../core/layout/conditional.js';
import { EXCEL_LAST_ROW, LIST_SHEET } from '../../core/layout/lists.js';
import { readWorkbook } from '../../core/read/index.js';
import type { SheetSpec } from '../../core/derive/spec.js';
import { readXlsx } from '../../xlsx/read.js';
import { templateConfig } from '../../xlsx/template.js';
import { generateSnapshot } from '../helpers/generate.js';
import { ALL_PROFILES, FIVE_MB_FOR_TESTS, portOn, type ExcelDouble } from './excel/testkit.js';

const example = await readXlsx(readFileSync('examples/dinkes-dengan-kesalahan.xlsx'));
const exampleConfig = readWorkbook(example.snapshot).tree.config;
const params = { pemda: 'Kabupaten Contoh', kodePemda: '32.04', jenisPemda: 'Kabupaten' as const, kodeOpd: '1.02.0.00.0.00.01.0000', namaOpd: 'Dinas Kesehatan', tahunAwal: 2025, tahunAkhir: 2029, versiNomenklatur: 'Kepmendagri 900.1-2850/2025' };
const config = templateConfig(params);
const FILL_E = '#FFC7CE';

const cfOf = (d: ExcelDouble, sheet: string) => d.book.sheet(sheet)!.cf;

describe.each(ALL_PROFILES)('Pokin\'s writes on $label', (profile) => {
  it('creates the template of a 5,000-box tree with every sync within 5 MB (#3)', async () => {
    const big = generateSnapshot(5000);
    const { d, port } = portOn(profile);
    d.mark();
    await port.createTables(big, readWorkbook(big).tree.config);
    const m = d.mark();
    expect(m.largest).toBeLessThan(FIVE_MB_FOR_TESTS);
    expect(m.syncs).toBeGreaterThan(2);
    const back = d.snapshotOf().tables.find((t) => t.name === 'Indikator')!;
    expect(back.rows.length).toBe(big.tables.find((t) => t.name === 'Indikator')!.rows.length);
  }, 60_000);

  it('reads a large raw sheet for adoption in blocks within 5 MB (#3)', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`P${i}`, `Meningkatnya capaian program nomor ${i} ${'dengan uraian panjang '.repeat(6)}`, i]);
    const { d, port } = portOn(profile, { sheets: { Renstra: rows } });
    d.mark();
    const raw = await port.readRawSheet('Renstra');
    expect(raw.values.length).toBe(30_000);
    expect(raw.values[29_999]).toEqual(['P29999', rows[29_999][1], 29999]);
    expect(raw.origin).toBe('A1');
    expect(d.mark().largest).toBeLessThan(FIVE_MB_FOR_TESTS);
  }, 60_000);

  it('writes a generated sheet with many styled runs, merges and links within 5 MB per sync (#3)', async () => {
    const cells: SheetSpec['cells'] = [];
    for (let r = 1; r <= 3_000; r++) for (let c = 1; c <= 6; c++) cells.push({ row: r, col: c, value: `sel ${r}-${c}`, style: (r + c) % 2 ? 'a' : 'b', ...(c === 1 ? { link: `'Pohon Kinerja'!A${r}` } : {}) });
    const spec: SheetSpec = {
      name: 'Validasi', cells, styles: { a: { bold: true, fill: 'FFEEEEEE', border: true }, b: { italic: true, wrap: true } },
      merges: Array.from({ length: 1000 }, (_, i) => `H${i * 2 + 1}:I${i * 2 + 1}`), columnWidths: [10, 20, 30], rowHeights: {}, freezeRows: 1, print: { orientation: 'landscape' },
    } as unknown as SheetSpec;
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    d.mark();
    await port.renderSheet(spec);
    const m = d.mark();
    expect(m.largest).toBeLessThan(FIVE_MB_FOR_TESTS);
    expect(d.book.sheet('Validasi')!.merges.length).toBe(1000);
    expect(d.book.sheet('Validasi')!.hyperlinks.size).toBe(3_000);
    // The old single final sync of every style, merge and link held about this much:
    expect(d.stats.log.slice(-m.syncs).reduce((n, s) => n + s.request, 0)).toBeGreaterThan(FIVE_MB_FOR_TESTS);
  }, 60_000);

  it('formats whole columns: marks and dropdowns reach row 5,000 and past any fixed row (#4)', async () => {
    const { d, port } = portOn(profile);
    await port.createTables(templateSnapshot(config), config);
    for (const sheet of ['Pohon Kinerja', 'Indikator', 'Jabatan']) {
      expect(d.user.hasConditionalFormat(sheet, 'A5000'), sheet).toBe(true);
      expect(d.user.hasConditionalFormat(sheet, `A${EXCEL_LAST_ROW}`), sheet).toBe(true);
      for (const cf of cfOf(d, sheet)) expect(cf.formula).not.toMatch(/\$(2000|2001)\b/);
    }
    const pj = d.book.sheet('Pohon Kinerja')!.dv.find((v) => JSON.stringify(v.rule).includes('Jabatan'))!;
    expect(pj.rects[0].r1).toBe(EXCEL_LAST_ROW - 1);
    // The Penanggung Jawab list follows the Jabatan table as it grows.
    expect(JSON.stringify(pj.rule)).toContain('INDIRECT(\\"Jabatan[ID Jabatan]\\")');
    // K01 (box without indicator) looks indicators up by table, not rows 2..2000.
    expect(cfOf(d, 'Pohon Kinerja').some((c) => c.formula?.includes('INDIRECT("Indikator[ID Node]")'))).toBe(true);
  });

  it('puts every error format above every warning format (#11) and keeps each formula within 255 characters (#12)', async () => {
    const { d, port } = portOn(profile);
    await port.createTables(example.snapshot, exampleConfig);
    for (const sheet of ['Pohon Kinerja', 'Indikator', 'Jabatan', 'Crosscutting']) {
      const fills = cfOf(d, sheet).map((c) => c.fill);
      const lastE = fills.lastIndexOf(FILL_E);
      const firstW = fills.findIndex((f) => f !== FILL_E);
      if (firstW >= 0) expect(lastE, sheet).toBeLessThan(firstW);
      for (const c of cfOf(d, sheet)) expect(c.formula!.length).toBeLessThanOrEqual(MAX_CF_FORMULA);
    }
    expect(cfOf(d, 'Pohon Kinerja').filter((c) => c.fill !== FILL_E).length).toBeGreaterThan(0);
  });

  it('waits while the planner edits a cell instead of failing, and runs a template request once (#8)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { d, port } = portOn(profile, {}, { slowMs: 1000 });
      const waiting: boolean[] = [];
      port.onSlow((w) => waiting.push(w));
      d.user.beginCellEdit();
      let failed: unknown = null;
      const first = port.createTables(templateSnapshot(config), config).catch((e: unknown) => { failed = e; });
      await vi.advanceTimersByTimeAsync(20_000);
      expect(failed).toBeNull();
      expect(waiting).toEqual([true]);
      // The planner clicks again: it joins the first request (no second set of tables, no "_asal").
      const second = port.createTables(templateSnapshot(config), config);
      d.user.endCellEdit();
      await vi.advanceTimersByTimeAsync(100);
      await Promise.all([first, second]);
      expect(waiting).toEqual([true, false]);
      expect(d.book.tables.map((t) => t.name).sort()).toEqual(['Crosscutting', 'Indikator', 'Info', 'Jabatan', 'PohonKinerja']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-applies the formats a paste replaced, in one action, and only Pokin\'s (#9)', async () => {
    const { d, port } = portOn(profile);
    await port.createTables(example.snapshot, exampleConfig);
    const before = cfOf(d, 'Pohon Kinerja').length;
    d.user.paste('Pohon Kinerja', 'A3', [['X1', '', 'Sasaran Program', 'Meningkatnya sesuatu']]);
    expect(d.user.hasConditionalFormat('Pohon Kinerja', 'A3')).toBe(false);
    const runs = d.stats.runs;
    await port.reapplyFormats(exampleConfig);
    expect(d.stats.runs - runs).toBe(1);
    expect(d.user.hasConditionalFormat('Pohon Kinerja', 'A3')).toBe(true);
    expect(cfOf(d, 'Pohon Kinerja').length).toBe(before);
    expect(d.book.sheets.filter((s) => s.name === LIST_SHEET)).toHaveLength(1);
  });

  it('writes several generated sheets as one Excel.run: one undo step where ExcelApi 1.20 groups it (#10)', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    const spec = (name: string): SheetSpec => ({ name, cells: [{ row: 1, col: 1, value: name }], styles: {}, merges: [], columnWidths: [], rowHeights: {}, print: { orientation: 'portrait' } }) as unknown as SheetSpec;
    const runs = d.stats.runs, undo = d.stats.undoRecords;
    await port.write([{ kind: 'sheet', spec: spec('Matriks Cascading') }, { kind: 'sheet', spec: spec('PK 2026 KADIN') }, { kind: 'sheet', spec: spec('Validasi') }]);
    expect(d.stats.runs - runs).toBe(1);
    const records = d.stats.undoRecords - undo;
    if (profile.excelApi >= 20) expect(records).toBe(1);
    else expect(records).toBeGreaterThanOrEqual(1);
    // A pull's tables and identity go together in one run.
    const r2 = d.stats.runs;
    await port.createTables(example.snapshot, exampleConfig, { pemda: '32.04', periode: '2025-2029', opd: '1.02.0.00.0.00.01.0000', baseVersion: 7 });
    expect(d.stats.runs - r2).toBe(1);
    expect(JSON.parse(String(d.book.settings.get('pokin.identity'))).baseVersion).toBe(7);
  });

  it('falls back to Info "Versi Server" when the settings belong to another add-in Id (#13)', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    await port.setIdentity({ pemda: '32.04', periode: '2025-2029', opd: '1.02.0.00.0.00.01.0000', baseVersion: 5 });
    // The same workbook opened with another deployment's Pokin: its settings are not visible.
    d.book.settings.clear();
    expect((await port.getIdentity())?.baseVersion).toBe(5);
  });

  it('creates the tables beside same-named sheets and tables of any case, and replaces the hidden list sheet (#14)', async () => {
    const legacy = {
      tables: [
        { sheet: 'pohon kinerja', name: 'pohonkinerja', address: 'A1', header: ['ID', 'Induk'], rows: [['A', '']] },
        { sheet: 'INFO', name: 'info', address: 'A1', header: ['Kunci', 'Nilai'], rows: [['Pemda', 'X']] },
      ],
    };
    const { d, port } = portOn(profile, { snapshot: legacy, sheets: { [LIST_SHEET.toUpperCase()]: [['lama']] } });
    await port.createTables(templateSnapshot(config), config);
    const names = d.book.sheets.map((s) => s.name);
    expect(names).toContain('Pohon Kinerja');
    expect(names).toContain('Pohon Kinerja (asal)');
    expect(names).toContain('Info (asal)');
    expect(names.filter((n) => n.toLowerCase() === 'pohon kinerja')).toEqual(['Pohon Kinerja']);
    expect(names.filter((n) => n.toLowerCase() === LIST_SHEET.toLowerCase())).toEqual([LIST_SHEET]);
    expect(d.book.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['PohonKinerja_asal', 'Info_asal', 'PohonKinerja', 'Info']));
  });

  it('puts the diagram into the workbook as a picture (Excel for Mac cannot download, #17)', async () => {
    const { d, port } = portOn(profile, { snapshot: example.snapshot });
    const png = Buffer.from('\x89PNG\r\n\x1a\nfake').toString('base64');
    await port.insertImage('Gambar Pohon', png, 'Pohon Kinerja');
    expect(d.book.sheet('Gambar Pohon')!.pictures).toEqual([{ name: 'Pohon Kinerja', bytes: expect.any(Number) }]);
    // One addImage is one request: a picture beyond the budget is refused before Excel sees it.
    const { d: d2, port: small } = portOn(profile, { snapshot: example.snapshot }, { payloadBudget: 1000 });
    await expect(small.insertImage('Gambar Pohon', 'A'.repeat(2000), 'x')).rejects.toMatchObject({ code: 'failed' });
    expect(d2.book.sheet('Gambar Pohon')).toBeUndefined();
  });
});
