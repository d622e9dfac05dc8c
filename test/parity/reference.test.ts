/**
 * One validation setup (core/reference.ts) for the CLI, the API client and the server: a
 * made-up sub kegiatan code is N03 everywhere (before: 1 error in the CLI, none on the server,
 * which accepted the push), and a Ref Pemda that names no Sasaran Pemda of the pushed pemda
 * tree is T06 everywhere the pemda tree is known.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { pushSnapshot } from '../../client/workbook.js';
import { readWorkbook } from '../../core/read/index.js';
import { validateWithReference } from '../../core/reference.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { handle as putTree } from '../../functions/http/put-tree.js';
import { startApiServer } from '../../functions/local/server.js';
import { readXlsx } from '../../xlsx/read.js';
import { buildCanonicalWorkbook } from '../../xlsx/write.js';
import { tempDir } from '../cli/fixtures.js';
import { apiEvent, startStore, type TestStore } from '../functions/fixtures.js';
import { apiOf, pushBody } from '../../client/api.js';

const tmp = tempDir('reference');
const clean = (await readXlsx('examples/dinkes-kabupaten-contoh.xlsx')).snapshot;
const OPD = '1.02.0.00.0.00.01.0000';

function edit(snap: WorkbookSnapshot, id: string, header: string, value: string): WorkbookSnapshot {
  const copy = structuredClone(snap);
  const pohon = copy.tables.find((t) => t.name === 'PohonKinerja')!;
  const col = pohon.header.indexOf(header);
  pohon.rows.find((r) => r[0] === id)![col] = value;
  return copy;
}

/** S1.2.7's code 1.02.02.2.02.0033 → 1.02.02.2.02.0999: well formed, under its kegiatan, in no list. */
const madeUp = edit(clean, 'S1.2.7', 'Kode', '1.02.02.2.02.0999');

async function save(snap: WorkbookSnapshot, name: string): Promise<string> {
  const file = tmp.path(name);
  writeFileSync(file, Buffer.from(await buildCanonicalWorkbook(snap, readWorkbook(snap).tree.config).xlsx.writeBuffer()));
  return file;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: () => undefined });
  return { code, json: JSON.parse(out.join('\n')) as { issues: { rule: string; severity: string; cell: string }[] } };
}

let store: TestStore;
beforeAll(async () => { store = await startStore(); });
afterAll(async () => { await store.close(); tmp.cleanup(); });

describe('one validation setup for the CLI, the client and the server', () => {
  it('reports a made-up sub kegiatan code as N03 in core, in pokin validate and on the server (422, nothing written)', async () => {
    const core = await validateWithReference(madeUp);
    const n03 = core.issues.filter((i) => i.rule === 'N03');
    expect(n03).toHaveLength(1);
    expect(n03[0]).toMatchObject({ severity: 'E', sheet: 'Pohon Kinerja', id: 'S1.2.7' });

    const r = await cli(['validate', await save(madeUp, 'made-up.xlsx'), '--json']);
    expect(r.code).toBe(1);
    expect(r.json.issues.filter((i) => i.rule === 'N03').map((i) => i.cell)).toEqual([n03[0].cell]);

    const who = { role: 'perencana' as const, pemda: '35.19', opd: OPD };
    const path = { pemda: '35.19', periode: '2025-2029', opd: OPD };
    const a = await putTree(apiEvent({ method: 'PUT', path, who, body: pushBody(madeUp, 0) }), { store: store.store, log: () => {} });
    expect(a.statusCode).toBe(422);
    const body = JSON.parse(a.body ?? '{}') as { error: { code: string; details: { issues: { rule: string }[] } } };
    expect(body.error.code).toBe('INVALID_TREE');
    expect(body.error.details.issues.map((i) => i.rule)).toContain('N03');
    expect(await store.store.get({ ...path })).toBeNull();
  });

  it('checks Ref Pemda against the pushed pemda tree on the server, in the client before sending, and in the CLI with --pemda-tree', async () => {
    const api = await startApiServer({ port: 0, inMemory: true, dataDir: tmp.path('data'), log: () => undefined });
    try {
      const o = { api: api.url };
      const pemda = structuredClone(clean);
      const info = pemda.tables.find((t) => t.name === 'Info')!;
      info.rows.find((r) => r[0] === 'Kode OPD')![1] = 'PEMDA';
      // A pemda tree whose only Sasaran Pemda is SASPEM-2.1 (what the clean example's T1 names).
      const pohon = pemda.tables.find((t) => t.name === 'PohonKinerja')!;
      const h = (n: string) => pohon.header.indexOf(n);
      const row = (id: string, induk: string | null, level: string) => pohon.header.map((x, i) =>
        i === h('ID') ? id : i === h('Induk') ? induk : i === h('Level') ? level : i === h('Pernyataan Kinerja') ? `Meningkatnya ${id}` : i === h('Penanggung Jawab') ? 'BUPATI' : null);
      pohon.rows = [row('TUJPEM-2', null, 'Tujuan Pemda'), row('SASPEM-2.1', 'TUJPEM-2', 'Sasaran Pemda')];
      const ind = pemda.tables.find((t) => t.name === 'Indikator')!;
      const keep = ind.rows.find((r) => r[0] === 'T1')!;
      ind.rows = [['TUJPEM-2', ...keep.slice(1)], ['SASPEM-2.1', ...keep.slice(1)]];
      pemda.tables.find((t) => t.name === 'Crosscutting')!.rows = [];
      const bappeda = await apiOf(o).devToken({ role: 'bappeda', pemda: '35.19' });
      expect((await pushSnapshot(pemda, { ...o, token: bappeda })).kind).toBe('pushed');

      const wrongRef = edit(clean, 'T1', 'Ref Pemda', 'SASPEM-9.9');
      const planner = await apiOf(o).devToken({ role: 'perencana', pemda: '35.19', opd: OPD });
      const pushed = await pushSnapshot(wrongRef, { ...o, token: planner });
      expect(pushed.kind).toBe('invalid');
      if (pushed.kind === 'invalid') expect(pushed.issues.filter((i) => i.rule === 'T06').map((i) => i.id)).toEqual(['T1']);
      // Sent anyway (a client that skips the check): the server refuses it for the same reason.
      const direct = await fetch(`${api.url}/v1/pemda/35.19/periode/2025-2029/opd/${OPD}/tree`, {
        method: 'PUT', headers: { authorization: `Bearer ${planner}`, 'content-type': 'application/json' }, body: JSON.stringify(pushBody(wrongRef, 0)),
      });
      expect(direct.status).toBe(422);
      expect(JSON.stringify(await direct.json())).toContain('T06');
      expect((await pushSnapshot(clean, { ...o, token: planner })).kind).toBe('pushed');

      const r = await cli(['validate', await save(wrongRef, 'wrong-ref.xlsx'), '--json', '--pemda-tree', await save(pemda, 'pemda.xlsx')]);
      expect(r.code).toBe(1);
      expect(r.json.issues.filter((i) => i.rule === 'T06')).toHaveLength(1);
    } finally {
      await api.stop();
    }
  });
});
