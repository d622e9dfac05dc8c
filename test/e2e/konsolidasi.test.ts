/**
 * Journeys of review and consolidation in Debian Chromium (preview mode, 320 px, local API).
 * Setup through the Node client: Bappeda pushes the pemda tree, three OPDs push theirs (OPD 2
 * and OPD 3 ask OPD 1 for crosscutting contributions).
 * - Bagian Organisasi: signs in without any Pokin workbook, sees the OPD list with names,
 *   opens one tree read-only, returns OPD 1 with a note (refused without one; confirmed with
 *   the note it sends), accepts another (confirmed) while the list keeps its order, and saves
 *   the consolidated workbook, reopened here: names everywhere, readable dates.
 * - Planner of OPD 1: reads the return note on their own tree and decides the requests
 *   (rejects one with a reason, approves the other), each showing the asking OPD's name.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf } from '../../client/api.js';
import { pushSnapshot } from '../../client/workbook.js';
import { readWorkbook } from '../../core/read/index.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import { KODE_PEMDA, kodeOpd, namaOpd, opdSnapshot, PERIODE, pemdaSnapshot } from '../helpers/opds.js';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('konsolidasi');
const NOTE = 'Indikator S1 belum terukur; lengkapi target 2026.';
const [OPD1, OPD2, OPD3] = [kodeOpd(0), kodeOpd(1), kodeOpd(2)];

describe.skipIf(!chromium)('journeys: Bagian Organisasi and the planner after review', () => {
  let j: Journey;
  let opd1File: string;

  beforeAll(async () => {
    j = await startJourney('konsolidasi', chromium!);
    const o = { api: j.api.url };
    const bappeda = await apiOf(o).devToken({ role: 'bappeda', pemda: KODE_PEMDA });
    expect((await pushSnapshot(pemdaSnapshot(2), { ...o, token: bappeda })).kind).toBe('pushed');
    const trees = [
      opdSnapshot(0, { boxes: 20 }),
      opdSnapshot(1, { boxes: 20, refPemda: 'SP2', crosscutting: [{ nodeId: 'S1', opdTujuan: OPD1, nodeTujuan: 'S1', kontribusi: 'Data capaian sasaran' }] }),
      opdSnapshot(2, { boxes: 12, crosscutting: [{ nodeId: 'S1', opdTujuan: OPD1, nodeTujuan: 'S1', kontribusi: 'Data kunjungan puskesmas' }] }),
    ];
    for (const [i, tree] of trees.entries()) {
      const tok = await apiOf(o).devToken({ role: 'perencana', pemda: KODE_PEMDA, opd: kodeOpd(i) });
      const r = await pushSnapshot(tree, { ...o, token: tok });
      expect(r.kind, JSON.stringify(r)).toBe('pushed');
    }
    opd1File = join(j.shots, 'opd1.xlsx');
    writeFileSync(opd1File, Buffer.from(await buildCanonicalWorkbook(trees[0], readWorkbook(trees[0]).tree.config).xlsx.writeBuffer()));
  }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  const row = (opd: string) => j.page.locator(`[data-testid=opd-row][data-opd="${opd}"]`);
  const order = () => j.page.locator('[data-testid=opd-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-opd')));

  it('organisasi: OPD list with names → open a tree → return with a note → accept another → consolidated workbook saved and reopened', async () => {
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.getByTestId('signin-reviewer').locator('summary').click();
    await page.getByTestId('signin-role').selectOption('organisasi');
    await page.getByLabel('Kode pemda').fill(KODE_PEMDA);
    await page.getByTestId('signin').click();
    await page.getByTestId('tab-konsolidasi').waitFor();
    expect(await page.getByTestId('tab-validasi').count()).toBe(0);
    await page.getByTestId('konsolidasi-periode').fill(PERIODE);
    await page.getByTestId('load-opd').click();
    await row(OPD1).waitFor();
    // Names, not only 22-digit codes.
    expect(await row(OPD1).getByTestId('opd-name').textContent()).toBe(namaOpd(0));
    expect(await row(OPD2).getByTestId('opd-name').textContent()).toBe(namaOpd(1));
    await page.getByTestId('opd-filter').fill('contoh 3');
    await expect.poll(() => order()).toEqual([OPD3]);
    await page.getByTestId('opd-filter').fill('');
    const before = await order();
    await j.shot('1-opd-list', false);

    await row(OPD1).click();
    await page.getByTestId('open-tree').click();
    await expect.poll(() => page.getByTestId('review-result').textContent()).toMatch(`Tinjau ${OPD1}`);
    await page.getByTestId('review-return').click();
    await page.getByText('Catatan wajib diisi untuk mengembalikan.').waitFor();
    await page.getByTestId('review-note').fill(NOTE);
    await page.getByTestId('review-return').click();
    await page.getByTestId('confirm').waitFor();
    expect(await page.getByTestId('confirm').textContent()).toContain(`Kembalikan versi 1 ke ${namaOpd(0)}?`);
    expect(await page.getByTestId('confirm').textContent()).toContain(NOTE);
    await j.shot('2-return-confirm', false);
    expect(await row(OPD1).getAttribute('data-status')).toBe('diajukan');
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => row(OPD1).getAttribute('data-status')).toBe('dikembalikan');
    // The list keeps its order after a review: the next click hits the OPD the officer aims at.
    expect(await order()).toEqual(before);

    await row(OPD2).click();
    await page.getByTestId('review-accept').click();
    await page.getByTestId('confirm').waitFor();
    expect(await page.getByTestId('confirm').textContent()).toContain(`Terima versi 1 dari ${namaOpd(1)}?`);
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => row(OPD2).getAttribute('data-status')).toBe('diterima');
    expect(await order()).toEqual(before);
    await page.getByTestId('review-done').waitFor();
    expect(await page.getByTestId('review-accept').count()).toBe(0);
    await page.getByTestId('confirm').waitFor({ state: 'detached' });
    await j.shot('3-reviewed');

    await page.getByTestId('konsolidasi-basis').selectOption('terbaru');
    await page.getByTestId('pull-consolidated').click();
    await expect.poll(() => page.getByTestId('pull-result').textContent(), { timeout: 20_000 }).toMatch(/Lembar ditulis.*Rekap OPD.*Konsolidasi Pohon Kinerja/);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('save-consolidated').click()]);
    const file = join(j.shots, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('pull-result').textContent()).toMatch(/Disimpan: Konsolidasi 35\.19 2025-2029 terbaru\.xlsx/);
    await j.shot('4-saved');

    // Reopened: every sheet, names beside codes, the review statuses as words, dates as dates.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap OPD', 'Matriks Crosscutting', 'Info', 'Jabatan', 'Pohon Kinerja', 'Indikator', 'Crosscutting', 'Validasi']);
    const rekap = new Map<string, ExcelJS.Row>();
    wb.getWorksheet('Rekap OPD')!.eachRow((r, i) => { if (i > 1) rekap.set(String(r.getCell(1).value), r); });
    expect(rekap.get(OPD1)!.getCell(2).value).toBe(namaOpd(0));
    expect(rekap.get(OPD1)!.getCell(11).value).toBe('Dikembalikan');
    expect(rekap.get(OPD2)!.getCell(11).value).toBe('Diterima');
    const last = rekap.get(OPD2)!.getCell(13);
    expect(last.value).toBeInstanceOf(Date);
    expect(last.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(Math.abs((last.value as Date).getTime() - Date.now())).toBeLessThan(24 * 3600_000);
    const v = wb.getWorksheet('Validasi')!;
    expect(v.getRow(1).values).toEqual([undefined, 'Kode OPD', 'Nama OPD', 'Aturan', 'Tingkat', 'Lokasi', 'ID', 'Pesan', 'Cara Memperbaiki']);
    const m = wb.getWorksheet('Matriks Crosscutting')!;
    expect(m.getCell('B1').value).toBe('Nama OPD');
  }, 120_000);

  it('perencana: reads the return note and decides the crosscutting requests', async () => {
    const page = await j.freshPage();
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', opd1File);
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('tab-konsolidasi').count()).toBe(0);
    await page.getByTestId('tab-reviu').click();
    await expect.poll(() => page.getByTestId('reviu-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('dikembalikan');
    expect(await page.getByTestId('reviu-note').textContent()).toContain(NOTE);
    const reqs = page.getByTestId('cc-request');
    await expect.poll(() => reqs.count()).toBe(2);
    const fromTwo = reqs.filter({ hasText: namaOpd(1) });
    const fromThree = reqs.filter({ hasText: namaOpd(2) });
    expect(await fromTwo.textContent()).toContain(OPD2);
    await j.shot('5-reviu');
    await fromTwo.getByTestId('cc-reject').click();
    await fromTwo.getByTestId('cc-reject').click();
    await page.getByText('Alasan wajib diisi untuk menolak.').waitFor();
    await fromTwo.getByTestId('cc-reason').fill('Sasaran S1 bukan kewenangan kami');
    await fromTwo.getByTestId('cc-reject').click();
    await expect.poll(() => page.getByTestId('cc-decided').textContent()).toMatch(new RegExp(`${namaOpd(1)} S1 → Ditolak`));
    await fromThree.getByTestId('cc-approve').click();
    await expect.poll(() => page.getByTestId('cc-decided').textContent()).toMatch(/→ Disetujui/);
    await page.getByTestId('cc-none').waitFor();
    await j.shot('6-decided');
  }, 60_000);
});
