/**
 * OPD names wherever an OPD appears: the OPD list and the crosscutting requests carry the
 * `Nama OPD` of each OPD's latest push (from its Info), so the Bagian Organisasi and the
 * planners read "Dinas Contoh 2", not a 22-digit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handle as listCrosscutting } from '../../functions/http/list-crosscutting.js';
import { handle as listOpd } from '../../functions/http/list-opd.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { pushBody } from '../../client/api.js';
import type { CrosscuttingAnswer, OpdListAnswer } from '../../core/wire/index.js';
import { apiEvent, startStore, type TestStore } from '../functions/fixtures.js';
import { KODE_PEMDA, kodeOpd, namaOpd, opdSnapshot, PERIODE } from '../helpers/opds.js';

let t: TestStore;
const deps = () => ({ store: t.store, log: () => {} });
beforeAll(async () => {
  t = await startStore();
  const trees = [opdSnapshot(0, { boxes: 8 }), opdSnapshot(1, { boxes: 8, crosscutting: [{ nodeId: 'S1', opdTujuan: kodeOpd(0), nodeTujuan: 'S1', kontribusi: 'Data' }] })];
  for (const [i, tree] of trees.entries()) {
    const a = await putTree(apiEvent({ method: 'PUT', path: { pemda: KODE_PEMDA, periode: PERIODE, opd: kodeOpd(i) }, who: { role: 'perencana', pemda: KODE_PEMDA, opd: kodeOpd(i) }, body: pushBody(tree, 0) }), deps());
    expect(a.statusCode, a.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('OPD names', () => {
  it('are in the OPD list, from each tree\'s Info', async () => {
    const a = await listOpd(apiEvent({ method: 'GET', path: { pemda: KODE_PEMDA, periode: PERIODE }, who: { role: 'organisasi', pemda: KODE_PEMDA } }), deps());
    const body = JSON.parse(a.body ?? '{}') as OpdListAnswer;
    expect(body.opd.map((r) => [r.opd, r.namaOpd])).toEqual([[kodeOpd(0), namaOpd(0)], [kodeOpd(1), namaOpd(1)]]);
  });

  it('are on both ends of a crosscutting request', async () => {
    const a = await listCrosscutting(apiEvent({ method: 'GET', path: { pemda: KODE_PEMDA, periode: PERIODE, opd: kodeOpd(0) }, who: { role: 'perencana', pemda: KODE_PEMDA, opd: kodeOpd(0) } }), deps());
    const body = JSON.parse(a.body ?? '{}') as CrosscuttingAnswer;
    expect(body.incoming).toHaveLength(1);
    expect(body.incoming[0]).toMatchObject({ sourceOpd: kodeOpd(1), sourceNama: namaOpd(1), targetNama: namaOpd(0) });
  });
});
