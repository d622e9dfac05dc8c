/**
 * Add-in bench (`npm run bench -- addin`), through the Office.js port on the Excel double
 * (test/addin/excel; Excel on the web profile: 5 MB per request and per response):
 * - per single-cell edit at 5,000 boxes (3 indicators each): bytes crossing the Office boundary
 *   (request + response) and syncs, against a full read in the same run. Goal ≤ 64 KB, 1 read
 *   sync, 0 writes per edit;
 * - pull and adopt of a 5,000-box tree: every sync within the 5 MB budget (largest printed);
 * - core time per edit; the consolidated workbook into the current workbook (syncs, largest);
 * - the pane's initial JS gzip size (goal ≤ 300 KB); navigation → interactive in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeConsolidated } from '../addin/konsolidasi/write.js';
import { LiveValidation } from '../addin/live/controller.js';
import { PAYLOAD_BUDGET_BYTES } from '../addin/office/chunk.js';
import { adoptWorkbook } from '../core/adopt/index.js';
import { matriksSheet } from '../core/derive/index.js';
import { readWorkbook } from '../core/read/index.js';
import type { CellValue } from '../core/snapshot.js';
import { consolidationOf } from '../test/addin/konsolidasi-fixture.js';
import { excelDouble, PROFILES } from '../test/addin/excel/index.js';
import { attach } from '../test/addin/excel/testkit.js';
import { buildPane, CHROMIUM_ARGS, findChromium, servePane } from '../test/e2e/harness.js';
import { generateSnapshot } from '../test/helpers/generate.js';

const BOXES = 5000;
const EDITS = 30;
const FIVE_MB = 5 * 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1048576).toFixed(2)} MB`;

/** Runs queued timers (debounce, event delivery) until live validation settles. */
async function settle(live: LiveValidation, before: number): Promise<void> {
  for (let i = 0; i < 200 && (live.last?.at ?? 0) <= before; i++) await new Promise((r) => setTimeout(r, 5));
}

async function perEdit(): Promise<void> {
  const snapshot = generateSnapshot(BOXES);
  const d = excelDouble(PROFILES.web, { snapshot });
  const port = attach(d);
  const live = new LiveValidation(port, { debounceMs: 0 });
  live.start();
  d.mark();
  await live.validateNow();
  const full = d.mark();
  const ind = snapshot.tables.find((t) => t.name === 'Indikator')!;
  const bytes: number[] = [], syncs: number[] = [], writes: number[] = [], core: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const row = 2 + ((i * 997) % ind.rows.length);
    const before = Date.now() - 1;
    const at = live.last!.at;
    d.user.edit(i % 2 ? 'Indikator' : 'Pohon Kinerja', i % 2 ? `B${row}` : `D${2 + (i * 131) % BOXES}`, `Diubah ${i}`);
    await settle(live, Math.max(at, before));
    const m = d.mark();
    bytes.push(m.request + m.response);
    syncs.push(m.syncs);
    writes.push(m.writes);
    core.push(live.last!.coreMs);
  }
  live.stop();
  const cells = snapshot.tables.reduce((a, t) => a + t.rows.length * t.header.length, 0);
  const n = median(bytes);
  console.log(`per single-cell edit on ${BOXES} boxes × 3 indicators (${cells.toLocaleString('en')} cells, ${EDITS} edits, Excel on the web profile):`);
  console.log(`bytes per edit: ${n} (full read: ${full.request + full.response})`);
  console.log(`  = ${kb(n)} vs ${mb(full.request + full.response)} → ratio ${((full.request + full.response) / n).toFixed(0)}× less; goal ≤ 64 KB → ${Math.max(...bytes) <= 64 * 1024 ? 'OK' : 'MISS'} (max ${kb(Math.max(...bytes))})`);
  console.log(`  syncs per edit: read ${median(syncs)} (max ${Math.max(...syncs)}), write ${Math.max(...writes)}   goal 1 / 0 → ${Math.max(...syncs) === 1 && Math.max(...writes) === 0 ? 'OK' : 'MISS'}; full read: ${full.syncs} syncs, largest ${mb(full.largest)}`);
  console.log(`  core read+validate median ${median(core).toFixed(1)} ms (p90 ${[...core].sort((a, b) => a - b)[Math.floor(EDITS * 0.9)].toFixed(1)} ms)`);
}

async function pullAndAdopt(): Promise<void> {
  const snapshot = generateSnapshot(BOXES);
  const config = readWorkbook(snapshot).tree.config;
  const d = excelDouble(PROFILES.web);
  const port = attach(d);
  d.mark();
  const t0 = performance.now();
  await port.createTables(snapshot, config, { pemda: config.kodePemda, periode: `${config.tahunAwal}-${config.tahunAkhir}`, opd: config.kodeOpd, baseVersion: 1 });
  const pull = d.mark();
  console.log(`pull of a ${BOXES}-box tree (tables, formats, identity; one Excel.run): ${pull.syncs} syncs, largest sync ${mb(pull.largest)} (budget 5 MB → ${pull.largest < FIVE_MB ? 'OK' : 'MISS'}), ${(performance.now() - t0).toFixed(0)} ms on the double`);

  // Adopt: the tree's Matriks Cascading (a wide Renstra-style sheet) read from Excel, adopted, written.
  const spec = matriksSheet(readWorkbook(snapshot).tree);
  const rows: CellValue[][] = [];
  for (const c of spec.cells) (rows[c.row - 1] ??= [])[c.col - 1] = c.value;
  const a = excelDouble(PROFILES.web, { sheets: { Renstra: rows.map((r) => Array.from(r ?? [], (v) => v ?? null)) } });
  const aport = attach(a);
  a.mark();
  const raw = await aport.readRawSheet('Renstra');
  const read = a.mark();
  const adopted = adoptWorkbook([{ name: raw.name, values: raw.values, merges: raw.merges, ...(raw.origin ? { origin: raw.origin } : {}) }]);
  if (!adopted.ok) { console.log('adopt: the generated matrix was not recognised'); return; }
  await aport.createTables(adopted.result.snapshot, readWorkbook(adopted.result.snapshot).tree.config);
  const write = a.mark();
  console.log(`adopt of a ${BOXES}-box tree (${raw.values.length} matrix rows → ${adopted.result.report.boxes} boxes): read ${read.syncs} syncs, largest ${mb(read.largest)}; write ${write.syncs} syncs, largest ${mb(write.largest)} (budget 5 MB → ${Math.max(read.largest, write.largest) < FIVE_MB ? 'OK' : 'MISS'})`);
}

async function consolidatedSyncs(opds: number, boxes: number, budget = PAYLOAD_BUDGET_BYTES): Promise<void> {
  const answer = consolidationOf(opds, boxes);
  const d = excelDouble(PROFILES.web, { snapshot: generateSnapshot(10) });
  const port = attach(d, { payloadBudget: budget });
  d.mark();
  const t0 = performance.now();
  const r = await writeConsolidated(port, answer, 'id');
  const ms = performance.now() - t0;
  const m = d.mark();
  const floor = r.sheets.length + Math.ceil(m.request / budget);
  console.log(`consolidated workbook → Office (${opds} OPDs × ${boxes} boxes, ${r.rows.toLocaleString('en')} table rows, ${mb(m.request)} sent, budget ${mb(budget)}):`);
  console.log(`  ${m.syncs} syncs in one Excel.run for ${r.sheets.length} sheets (floor ${floor}) → ratio ${(m.syncs / floor).toFixed(2)}×; largest ${mb(m.largest)}; ${ms.toFixed(0)} ms on the double`);
}

async function paneSize(dir: string): Promise<void> {
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const size = (f: string) => gzipSync(readFileSync(join(dir, f))).length;
  const initialGz = initial.reduce((a, f) => a + size(f), 0);
  const all = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const lazyGz = all.filter((f) => !initial.includes(`assets/${f}`)).reduce((a, f) => a + size(`assets/${f}`), 0);
  console.log(`pane JS: initial ${(initialGz / 1024).toFixed(1)} KB gzip (${initial.join(', ')})   goal ≤ 300 KB → ratio ${(initialGz / 1024 / 300).toFixed(2)}×`);
  console.log(`         lazy ${(lazyGz / 1024).toFixed(1)} KB gzip (ExcelJS preview port, adopt, diagram, auth)`);
}

async function interactive(dir: string): Promise<void> {
  const exe = findChromium();
  if (!exe) { console.log('navigation → interactive: skipped (no Chromium)'); return; }
  const pane = await servePane(dir, 'http://127.0.0.1:9');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS, headless: true });
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
      // No network here: office.js from the CDN fails fast, as it does in an offline browser.
      await page.route('https://appsforoffice.microsoft.com/**', (r) => r.abort());
      const t0 = Date.now();
      await page.goto(`${pane.url}/taskpane.html?preview`);
      await page.getByTestId('open-file').waitFor({ state: 'attached' });
      times.push(Date.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await pane.close();
  }
  console.log(`navigation → interactive pane (headless Chromium, preview, 5 runs): median ${median(times)} ms, first ${times[0]} ms`);
}

await perEdit();
await pullAndAdopt();
await consolidatedSyncs(20, 400);
await consolidatedSyncs(20, 400, 1024 * 1024);
const dir = await buildPane();
await paneSize(dir);
await interactive(dir);
