/**
 * The preview port (ExcelJS in the browser) against the CLI's readers, in Node:
 * - it reads a sheet for adoption with the CLI's function (merged areas once), so adopting a
 *   Renstra matrix in the pane gives the CLI's boxes, indicators, targets and pagu;
 * - "Unduh .xlsx" keeps the dropdowns and conditional formats of the canonical tables;
 * - writing pulled tables keeps the local version as "<sheet> (asal)", edits included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PreviewPort } from '../../addin/preview/port.js';
import { adoptWorkbook } from '../../core/adopt/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { readRawSheets } from '../../xlsx/sheet.js';
import { FIXTURES } from '../fixtures/adopt/build.js';

const INFO = { pemda: 'Kabupaten Banyuwangi', kodePemda: '35.10', jenisPemda: 'Kabupaten', kodeOpd: '5.01.5.05.0.00.01.0000', namaOpd: 'Bappeda', versiNomenklatur: 'Kepmendagri 900.1-2850/2025' };

describe('preview port', () => {
  it('reads a merged Renstra matrix exactly as the CLI does, so adoption keeps every target and pagu', async () => {
    const file = join(FIXTURES, 'renstra-banyuwangi.xlsx');
    const port = await PreviewPort.open(readFileSync(file), 'renstra.xlsx', ExcelJS);
    const pane = await port.readRawSheet('T-C.27');
    const [cli] = await readRawSheets(file);
    expect(pane.values).toEqual(cli.values);
    expect(pane.merges).toEqual(cli.merges);
    const a = adoptWorkbook([pane as typeof cli], INFO);
    const b = adoptWorkbook([cli], INFO);
    if (!a.ok || !b.ok) throw new Error('not recognised');
    expect(a.result.report.boxes).toBe(25);
    expect(a.result.report.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(a.result.snapshot).toEqual(b.result.snapshot);
    const tree = readWorkbook(a.result.snapshot).tree;
    expect(tree.boxes.map((x) => x.id).filter((id) => /\s/.test(id))).toEqual([]);
    expect(tree.indikator.filter((i) => i.targets.some((t) => t !== null)).length).toBeGreaterThan(20);
    expect(tree.boxes.filter((x) => x.pagu.some((p) => p !== null)).length).toBeGreaterThan(10);
  });

  it('downloads the workbook with the dropdowns and conditional formats of its tables', async () => {
    const port = await PreviewPort.open(readFileSync('examples/dinkes-kabupaten-contoh.xlsx'), 'dinkes.xlsx', ExcelJS);
    await port.setCell!('Pohon Kinerja', 'D2', 'Meningkatnya derajat kesehatan masyarakat secara merata');
    const counts: number[] = [];
    for (let n = 0; n < 2; n++) {
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(Buffer.from(await port.download!()) as unknown as ExcelJS.Buffer);
      const ws = back.getWorksheet('Pohon Kinerja')!;
      expect(ws.getCell('D2').value).toBe('Meningkatnya derajat kesehatan masyarakat secara merata');
      const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
      expect(dv.C2?.type).toBe('list');
      expect(dv.C500?.type).toBe('list');
      const cfs = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
      expect(cfs.length).toBeGreaterThan(3);
      counts.push(cfs.length);
      const ind = back.getWorksheet('Indikator')!;
      expect((ind as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model.D2?.type).toBe('list');
    }
    // A second download does not stack the formats.
    expect(counts[1]).toBe(counts[0]);
  });

  it('keeps the local tables as "(asal)" sheets, edits included, when pulled tables replace them', async () => {
    const port = await PreviewPort.open(readFileSync('examples/dinkes-kabupaten-contoh.xlsx'), 'dinkes.xlsx', ExcelJS);
    await port.setCell!('Pohon Kinerja', 'D2', 'Suntingan lokal yang belum dikirim');
    const snap = await port.readSnapshot();
    const pulled = structuredClone(snap);
    pulled.tables.find((t) => t.name === 'PohonKinerja')!.rows[0][3] = 'Versi server';
    await port.createTables(pulled, readWorkbook(pulled).tree.config);
    const { sheets } = await port.listSheets();
    expect(sheets).toEqual(expect.arrayContaining(['Pohon Kinerja', 'Pohon Kinerja (asal)', 'Indikator (asal)', 'Info (asal)']));
    expect(port.kept).toContain('Pohon Kinerja (asal)');
    expect(await port.getCell!('Pohon Kinerja (asal)', 'D2')).toBe('Suntingan lokal yang belum dikirim');
    expect(await port.getCell!('Pohon Kinerja', 'D2')).toBe('Versi server');
    // The reader still finds the pulled tables, not the kept copies.
    const now = readWorkbook(await port.readSnapshot()).tree;
    expect(now.boxes[0].pernyataan).toBe('Versi server');
    // A second pull keeps the next copy beside the first.
    await port.createTables(pulled, readWorkbook(pulled).tree.config);
    expect((await port.listSheets()).sheets).toContain('Pohon Kinerja (asal 2)');
  });
});
