/** The ExcelJS renderer's print settings: paper, fit to width, print titles, page header/footer, named fonts, row heights. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matriksSheet, pkSheet } from '../../core/derive/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { renderSheet } from '../../xlsx/render.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';

const tree = readWorkbook(makeSnapshot(validInput())).tree;

describe('renderSheet', () => {
  it('prints a draft PK on F4 with DRAF in the page header and the computed row heights', () => {
    const spec = pkSheet(tree, 'KASI-GIZI', 2025, { kertas: 'F4', draf: true });
    const ws = renderSheet(new ExcelJS.Workbook(), spec);
    expect(ws.pageSetup).toMatchObject({ paperSize: 14, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddHeader).toBe('&C&"-,Bold"&14DRAF');
    for (const [r, h] of Object.entries(spec.rowHeights)) expect(ws.getRow(Number(r)).height).toBe(h);
    // Bold text keeps its face: a nameless font prints in a wider fallback.
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Calibri', bold: true, size: 12 });
  });

  it('prints the Matriks on A3 landscape, fit to the width only, header row repeated, page numbers at the foot', () => {
    const ws = renderSheet(new ExcelJS.Workbook(), matriksSheet(tree, { kertas: 'A3', tahun: 2026 }));
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(ws.headerFooter.oddFooter).toBe('&CHalaman &P dari &N');
    expect(ws.headerFooter.oddHeader).toContain('Matriks Cascading Dinas Kesehatan Tahun 2026');
  });
});
