/**
 * Journey: bad input (preview mode, Chromium, 320 px, local API). Each failure gets a clear
 * Indonesian message that says what to do, and nothing is lost:
 * - a text file and an old .xls renamed .xlsx: why it cannot be opened; the open workbook stays;
 * - the API down: signing in and the history say the server cannot be reached (never
 *   "HTTP 502" or "Belum ada versi" for a failed call);
 * - a token the server refuses (expired or revoked while the pane still held it): the pane
 *   signs out and asks to sign in again, instead of "Masuk sebagai …"; the workbook is intact;
 *   an expired token kept from an earlier session is not restored at all.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, shotOnFailure, startJourney, type Journey } from './harness.js';

const chromium = requireChromium('bad-input');
const OPD = '1.02.0.00.0.00.01.0000';

describe.skipIf(!chromium)('journey: bad input', () => {
  let j: Journey;
  beforeAll(async () => { j = await startJourney('bad-input', chromium!); }, 180_000);
  afterAll(async () => { await j?.close(); });
  shotOnFailure(() => j);

  const errors = async () => Number((await j.page.getByTestId('count-E').textContent())?.match(/\d+/)?.[0]);

  it('bad files: a clear reason, and the open workbook stays', async () => {
    const page = j.page;
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-dengan-kesalahan.xlsx'));
    // The count is final once the Kepmendagri list (loaded lazily) has been applied.
    await page.locator('[data-testid=issues][data-reference=ready]').waitFor({ timeout: 30_000 });
    await page.getByTestId('count-E').waitFor();
    const before = await errors();
    expect(before).toBe(39); // as pokin validate
    const txt = join(j.shots, 'data.xlsx');
    writeFileSync(txt, 'ID;Induk;Level\nT1;;Tujuan\n');
    await page.setInputFiles('[data-testid=open-file]', txt);
    await page.getByTestId('open-error').waitFor();
    expect(await page.getByTestId('open-error').textContent()).toMatch(/Berkas tidak dapat dibuka\. data\.xlsx: bukan berkas \.xlsx, melainkan berkas teks \(mis\. CSV\)\. Buka di Excel dan simpan sebagai \.xlsx\./);
    await j.shot('1-text-file', false);
    const xls = join(j.shots, 'lama.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    await page.setInputFiles('[data-testid=open-file]', xls);
    await expect.poll(() => page.getByTestId('open-error').textContent()).toMatch(/format \.xls lama \(Excel 97–2003\)\. Simpan sebagai \.xlsx/);
    // Nothing lost: the workbook opened before is still the one in the pane.
    expect(await page.locator('.pokin-file').textContent()).toMatch(/dinkes-dengan-kesalahan\.xlsx/);
    expect(await errors()).toBe(before);
  });

  it('API down: the server cannot be reached, said in words; a failed history is not "no versions"', async () => {
    const page = j.page;
    j.pane.apiDown = true;
    await page.getByTestId('tab-kirim').click();
    await page.getByTestId('signin').click();
    await page.getByTestId('signin-error').waitFor();
    const text = await page.getByTestId('signin-error').textContent();
    expect(text).toMatch(/Server Pokin sedang tidak tersedia; coba lagi beberapa saat lagi\. Buku kerja Anda tidak berubah\./);
    expect(text).not.toMatch(/HTTP|503|NETWORK/);
    await j.shot('2-api-down', false);
    j.pane.apiDown = false;
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    j.pane.apiDown = true;
    await page.getByTestId('history').click();
    await page.getByTestId('history-error').waitFor();
    expect(await page.getByTestId('history-error').textContent()).toMatch(/Riwayat tidak dapat dimuat: Server Pokin sedang tidak tersedia/);
    expect(await page.getByTestId('history-empty').count()).toBe(0);
    j.pane.apiDown = false;
  });

  it('a refused token signs the pane out with a request to sign in again, and nothing is lost', async () => {
    const r = await fetch(`${j.api.url}/dev/token`, { method: 'POST', body: JSON.stringify({ role: 'perencana', pemda: '35.19', opd: OPD }) });
    const good = ((await r.json()) as { token: string }).token;
    // Valid-looking (exp in the future) but refused by the server: a revoked or re-keyed token.
    const refused = `${good.slice(0, good.lastIndexOf('.') + 1)}${'A'.repeat(good.length - good.lastIndexOf('.') - 1)}`;
    const page = await j.freshPage();
    await page.addInitScript((t) => { localStorage.setItem('pokin:token', t); }, refused);
    await page.goto(`${j.pane.url}/taskpane.html?preview`);
    await page.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-kabupaten-contoh.xlsx'));
    await page.getByTestId('count-E').waitFor();
    await page.getByTestId('tab-kirim').click();
    // The first call with it (the pemda tree for T06, or the push) meets a 401: the pane signs out and says so.
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('notice').textContent()).toMatch(/Sesi Anda berakhir atau tidak sah\. Silakan masuk lagi\./);
    await page.getByTestId('signin').waitFor();
    expect(await page.getByTestId('signed-in').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/Token tidak ada atau tidak sah/);
    await j.shot('3-session-ended', false);
    // Signing in again and pushing works; the workbook was never touched.
    await page.getByTestId('signin').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByTestId('push').click();
    await expect.poll(() => page.getByTestId('push-result').textContent(), { timeout: 15_000 }).toMatch(/Terkirim: versi 1\b/);

    // An expired token kept from an earlier session is not restored.
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const expired = `${b64({ alg: 'RS256' })}.${b64({ sub: 'u', exp: Math.floor(Date.now() / 1000) - 60, 'cognito:groups': ['perencana'], 'custom:pemda': '35.19', 'custom:kode_opd': OPD })}.x`;
    const again = await j.freshPage();
    await again.addInitScript((t) => { localStorage.setItem('pokin:token', t); }, expired);
    await again.goto(`${j.pane.url}/taskpane.html?preview`);
    await again.setInputFiles('[data-testid=open-file]', resolve('examples/dinkes-kabupaten-contoh.xlsx'));
    await again.getByTestId('tab-kirim').click();
    await again.getByTestId('signin').waitFor();
    expect(await again.getByTestId('signed-in').count()).toBe(0);
    expect(await again.evaluate(() => localStorage.getItem('pokin:token'))).toBeNull();
  });
});
