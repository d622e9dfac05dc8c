/**
 * K15 on the server: a push answers with the IKU changes since the last version the Bagian
 * Organisasi accepted (`diterima`), through the real local API, its token check and dynalite.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf } from '../../client/api.js';
import { pushSnapshot } from '../../client/workbook.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { OPD, PEMDA, PERIODE } from './fixtures.js';

let api: ApiServer;
let dir: string;
const ref = { pemda: PEMDA, periode: PERIODE, opd: OPD };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-k15-'));
  api = await startApiServer({ port: 0, dataDir: dir, inMemory: true, log: () => {} });
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

const tree = (target2026: number) => {
  const w = validInput();
  w.info = { 'Kode OPD': OPD };
  const ss = w.indikator!.find((r) => r['ID Node'] === 'SS1')!;
  Object.assign(ss, { IKU: 'Ya', 'Target 2026': target2026 });
  return makeSnapshot(w);
};

describe('K15 in the push answer', () => {
  it('is silent before anything was accepted, then names the IKU changed since the accepted version', async () => {
    const o = { api: api.url };
    const perencana = await apiOf(o).devToken({ role: 'perencana', pemda: PEMDA, opd: OPD, sub: 'rina' });
    const organisasi = await apiOf(o).devToken({ role: 'organisasi', pemda: PEMDA, sub: 'orgs' });
    const first = await pushSnapshot(tree(71.2), { api: api.url, token: perencana });
    expect(first.kind).toBe('pushed');
    if (first.kind !== 'pushed') return;
    expect(first.answer.issues.filter((i) => i.rule === 'K15')).toEqual([]);
    await apiOf({ api: api.url, token: organisasi }).review(ref, { version: 1, action: 'terima', note: '' });

    const second = await pushSnapshot(tree(72), { api: api.url, token: perencana, baseVersion: 1 });
    if (second.kind !== 'pushed') throw new Error(`push refused: ${JSON.stringify(second)}`);
    const k15 = second.answer.issues.filter((i) => i.rule === 'K15');
    expect(k15).toMatchObject([{ severity: 'I', sheet: 'Indikator', id: 'SS1' }]);
    expect(k15[0].message).toContain('Target 2026');
    expect(k15[0].message).toContain('versi 1');
    // The stored counts include it.
    const hist = await apiOf({ api: api.url, token: perencana }).versions(ref);
    expect(hist.versions[0].counts.infos).toBeGreaterThanOrEqual(1);
  });
});
