/**
 * The pengukuran workbook in a real spreadsheet engine (LibreOffice Calc, headless): the live
 * marks of Rencana Aksi and Realisasi light up where core would report, and the LKjIP Capaian
 * of the example prints on one A4 page with Indonesian numbers. Skipped with a message when
 * Calc is missing, except in CI, which installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { lkjipCapaianSheet } from '../../core/derive/index.js';
import { hitungPengukuran } from '../../core/pengukuran/index.js';
import { readWorkbook } from '../../core/read/index.js';
import { dinkesPengukuran } from '../../examples/src/dinkes-pengukuran.js';
import { toSnapshot } from '../../examples/src/workbook.js';
import { renderSheet } from '../../xlsx/render.js';
import { writeCanonicalWorkbook } from '../../xlsx/write.js';
import { tempDir } from '../cli/fixtures.js';
import { makeSnapshot } from '../helpers/snapshot.js';
import { pengukuranInput, planRow, realisasiRow } from '../core/pengukuran/fixture.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const PDFTOTEXT = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
if (!SOFFICE && process.env.CI === 'true') throw new Error('LibreOffice Calc (soffice) is required in CI: .ci/run installs libreoffice-calc');
if (!SOFFICE) console.warn('LibreOffice Calc not found: skipping the pengukuran checks in a real spreadsheet engine');

const tmp = tempDir('calc-pengukuran');
afterAll(() => tmp.cleanup());

function convert(file: string, to: string): void {
  execFileSync(SOFFICE as string, [`-env:UserInstallation=file://${tmp.path('profile')}`, '--headless', '--convert-to', to, '--outdir', tmp.dir, file], { stdio: 'ignore', timeout: 120_000 });
}

describe.skipIf(!SOFFICE)('pengukuran in LibreOffice Calc', () => {
  it('marks a quarterly plan that does not reach the year target and a percentage above 100, and nothing else', async () => {
    const w = pengukuranInput();
    for (const r of w.rencanaAksi!) Object.assign(r, { Satuan: null, Akumulasi: 'Nilai Akhir', 'Target Tahun': { SS1: 71.2, P1: 70, K1: 60, S1: 120 }[String(r['ID Node'])] });
    planRow(w, 'S1')['Target TW4'] = 111;
    realisasiRow(w, 'P1', 4).Realisasi = 104;
    const snap = makeSnapshot(w);
    const file = tmp.path('marks.xlsx');
    await writeCanonicalWorkbook(file, snap, readWorkbook(snap).tree.config);
    convert(file, 'html');
    const html = readFileSync(join(tmp.dir, 'marks.html'), 'utf8');
    const red = [...html.matchAll(/<td[^>]*bgcolor="#FFC7CE"[^>]*>(?:<[^>]+>)*([^<]*)/g)].map((m) => m[1].trim());
    const amber = [...html.matchAll(/<td[^>]*bgcolor="#FFEB9C"[^>]*>(?:<[^>]+>)*([^<]*)/g)].map((m) => m[1].trim());
    expect(red).toEqual(['111']);
    expect(amber).toContain('104');
    expect(amber).not.toContain('70,5');
  }, 180_000);

  it.skipIf(!PDFTOTEXT)('prints the example\'s LKjIP Capaian on one A4 page, numbers in Indonesian form', async () => {
    const { tree } = readWorkbook(toSnapshot(dinkesPengukuran()));
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, lkjipCapaianSheet(tree, hitungPengukuran(tree, 2025)));
    const file = tmp.path('lkjip-capaian.xlsx');
    await wb.xlsx.writeFile(file);
    convert(file, 'pdf');
    const pdf = join(tmp.dir, 'lkjip-capaian.pdf');
    const text = execFileSync(PDFTOTEXT as string, ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('CAPAIAN KINERJA TAHUN 2025');
    // Angka Kematian Ibu: (2 × 95 − 93,4) / 95 = 101,68 %.
    expect(text).toMatch(/Angka Kematian Ibu\s.*95\s+93,4\s+101,68\s+Sangat Baik/);
    expect(text).toMatch(/Angka Kematian Bayi\s.*6,6\s+7,45\s+87,12\s+Baik/);
    expect(text).toContain('Rata-rata capaian kinerja');
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
  }, 180_000);
});
