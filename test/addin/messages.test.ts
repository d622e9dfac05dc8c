/**
 * Failures as the planner reads them (addin/ui/messages.ts): a sentence in the pane's
 * language, never a code such as `INVALID_BODY: …`, `HTTP 502` or `NETWORK`.
 */
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../client/api.js';
import { apiFailureText, failureText, pendingReason } from '../../addin/ui/messages.js';
import { XlsxError } from '../../xlsx/errors.js';

const body = (code: string, details?: unknown) => ({ error: { code: code as never, message: 'Pesan server.', messageEn: 'Server message.', ...(details ? { details } : {}) } });
const noCodes = (s: string) => expect(s).not.toMatch(/INVALID_BODY|HTTP[ _]?\d|NETWORK|UNAUTHENTICATED|Error:/);

describe('failure messages', () => {
  it('says the server cannot be reached, and that the workbook is unchanged', () => {
    const t = apiFailureText(new ApiFailure(0, null, true), 'id');
    expect(t).toBe('Server Pokin tidak dapat dihubungi (koneksi terputus atau server mati). Buku kerja Anda tidak berubah.');
    noCodes(t);
    noCodes(apiFailureText(new ApiFailure(502, null, false, '<html>Bad gateway</html>'), 'id'));
    expect(apiFailureText(new ApiFailure(503, null), 'en')).toMatch(/^The Pokin server is unavailable/);
  });

  it('asks to sign in again on a 401', () => {
    expect(apiFailureText(new ApiFailure(401, body('UNAUTHENTICATED')), 'id')).toBe('Sesi Anda berakhir atau tidak sah. Silakan masuk lagi.');
  });

  it('keeps the server\'s own sentence for a refused body, with the first problem, without the code', () => {
    const t = apiFailureText(new ApiFailure(400, body('INVALID_BODY', { problems: [{ message: 'baseVersion harus bilangan bulat ≥ 0.', messageEn: 'baseVersion must be ≥ 0.' }] })), 'id');
    expect(t).toMatch(/^Server menolak isi kiriman: Pesan server\. \(baseVersion harus bilangan bulat ≥ 0\.\)/);
    noCodes(t);
  });

  it('lists the first issues of a refused tree', () => {
    const issues = [{ rule: 'N03', sheet: 'Pohon Kinerja', cell: 'E17', message: 'Kode tidak ada.', messageEn: 'No such code.' }];
    expect(apiFailureText(new ApiFailure(422, body('INVALID_TREE', { issues })), 'id')).toBe('Server menolak pohon ini: Pesan server. N03 Pohon Kinerja!E17: Kode tidak ada.');
  });

  it('names the reason of a queued push in words', () => {
    expect(pendingReason('NETWORK', 'id')).toBe('server tidak terjangkau');
    expect(pendingReason('HTTP_502', 'id')).toBe('server tidak tersedia');
  });

  it('passes a file problem through in the chosen language', () => {
    const e = new XlsxError('legacy-xls', { id: 'format .xls lama', en: 'old .xls format' });
    expect(failureText(e, 'en')).toBe('old .xls format');
  });
});
