/**
 * A planner's journey through the Workspace on the Excel double and the local API (real
 * handlers, dynalite): a blank workbook → Buat lembar Pokin → typing is validated → pull the
 * server's version (one Excel.run, Info "Versi Server", settings) → typing is still validated →
 * push from the pulled base; under every build profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { templateSnapshot } from '../../addin/template.js';
import { Workspace } from '../../addin/workspace.js';
import { apiOf, pushBody } from '../../client/api.js';
import { readWorkbook } from '../../core/read/index.js';
import type { ApiServer } from '../../functions/local/server.js';
import { makeSnapshot, validInput } from '../helpers/snapshot.js';
import { ALL_PROFILES, attach, excelDouble } from './excel/testkit.js';

const seed = makeSnapshot(validInput());
const config = readWorkbook(seed).tree.config;
const ref = { pemda: '32.04', periode: '2025-2027', opd: '1.02.0.00.0.00.01.0000' };
let api: ApiServer;
let dataDir: string;
let token = '';

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { startApiServer } = await import('../../functions/local/server.js');
  api = await startApiServer({ port: 0, inMemory: true, dataDir: (dataDir = mkdtempSync(join(tmpdir(), 'pokin-journey-'))), log: () => undefined });
  token = await api.issuer.issue({ role: 'perencana', pemda: ref.pemda, opd: ref.opd });
  // Another planner's push: version 1 on the server.
  await apiOf({ api: api.url, token }).push(ref, pushBody(seed, 0));
}, 60_000);
afterAll(async () => { await api?.stop(); rmSync(dataDir, { recursive: true, force: true }); });

describe.each(ALL_PROFILES)('Workspace journey on $label', (profile) => {
  it('creates the sheets, pulls the server\'s version, keeps validating, and pushes from it', async () => {
    const d = excelDouble(profile);
    const ws = new Workspace(attach(d), api.url);
    ws.setToken(token);
    await ws.start();
    await ws.createTemplate(templateSnapshot(config), config);
    expect(ws.state.liveHealth.listening).toBe(true);
    d.user.edit('Pohon Kinerja', 'A2', [['SS9', '', 'Sasaran Strategis', 'Meningkatnya mutu layanan']]);
    await vi.waitFor(() => expect(ws.state.live?.snapshot.tables.find((t) => t.name === 'PohonKinerja')!.rows[0][0]).toBe('SS9'), { timeout: 5000 });

    const runs = d.stats.runs;
    const head = (await apiOf({ api: api.url, token }).versions(ref)).versions[0].version;
    const pulled = await ws.pull();
    expect(pulled).toMatchObject({ kind: 'pulled', version: head });
    // The local tables are kept beside the pulled ones, and the planner is told which.
    expect(pulled.kind === 'pulled' ? pulled.kept : []).toContain('Pohon Kinerja (asal)');
    // The pull wrote its tables and the identity as one action (its reads aside).
    expect(d.stats.log.filter((s) => s.writes && s.run > runs).map((s) => s.run).filter((r, i, a) => a.indexOf(r) === i)).toHaveLength(1);
    const info = d.snapshotOf().tables.find((t) => t.name === 'Info')!;
    expect(info.rows.find((r) => r[0] === 'Versi Server')?.[1]).toBe(head);
    expect(ws.state.baseVersion).toBe(head);

    // Live validation follows the pulled tables, not the "(asal)" copies.
    d.user.edit('Pohon Kinerja', 'D3', 'Meningkatnya pemenuhan upaya kesehatan masyarakat');
    await vi.waitFor(() => expect(ws.state.live?.snapshot.tables.find((t) => t.name === 'PohonKinerja')!.rows[1][3]).toBe('Meningkatnya pemenuhan upaya kesehatan masyarakat'), { timeout: 5000 });

    const pushed = await ws.push(() => undefined);
    expect(pushed).toMatchObject({ kind: 'pushed', version: head + 1 });
    // Settings lost (another deployment's add-in Id): the base version is still in Info.
    d.book.settings.clear();
    expect((await ws.port.getIdentity())?.baseVersion).toBe((pushed as { version: number }).version);
    ws.stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(d.activeHandlers()).toEqual([]);
  }, 60_000);
});
