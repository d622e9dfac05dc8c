/**
 * Add-in bench (`npx tsx bench/addin.ts`): on a 2,000-box workbook through the Office.js port
 * over office-addin-mock — Office syncs per edit (goal: exactly 1 read, 0 writes) and core
 * time per edit (goal ≤ 10 ms median); the pane's initial JS gzip size (goal ≤ 300 KB, ExcelJS
 * and the diagram lazy); navigation → interactive pane in headless Chromium; Office syncs to
 * write the consolidated workbook into the current workbook (row blocks within the 4 MB
 * payload budget; floor = one sync per sheet + one per budget's worth of values).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LiveValidation } from '../addin/live/controller.js';
import { writeConsolidated } from '../addin/konsolidasi/write.js';
import { PAYLOAD_BUDGET_BYTES } from '../addin/office/chunk.js';
import { OfficePort, type ExcelHost } from '../addin/office/port.js';
import { consolidationOf } from '../test/addin/konsolidasi-fixture.js';
import { buildPane, CHROMIUM_ARGS, findChromium, servePane } from '../test/e2e/harness.js';
import { mockWorkbook } from '../test/addin/office-mock.js';
import { generateSnapshot } from '../test/helpers/generate.js';

const BOXES = 2000;
const EDITS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function perEdit(): Promise<void> {
  const snapshot = generateSnapshot(BOXES);
  const wb = mockWorkbook(snapshot);
  const port = new OfficePort({ excel: wb.excel as unknown as ExcelHost, requirements: { isSetSupported: () => true } });
  const live = new LiveValidation(port, { debounceMs: 0 });
  await port.refreshTables();
  const pohon = snapshot.tables.find((t) => t.name === 'PohonKinerja')!;
  const reads: number[] = [], writes: number[] = [], core: number[] = [], read: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const rows = pohon.rows.map((r) => r.slice());
    rows[i % rows.length][3] = `Meningkatnya capaian ${i}`;
    wb.setRows('PohonKinerja', rows);
    const s0 = wb.log.syncs, w0 = port.stats.writeSyncs;
    const r = await live.validateNow();
    reads.push(wb.log.syncs - s0);
    writes.push(port.stats.writeSyncs - w0);
    core.push(r.coreMs);
    read.push(r.readMs);
  }
  const cellCount = snapshot.tables.reduce((a, t) => a + t.rows.length * t.header.length, 0);
  console.log(`per edit on ${BOXES} boxes (${cellCount.toLocaleString('en')} cells, ${EDITS} edits):`);
  console.log(`  Office syncs      read ${median(reads)} (max ${Math.max(...reads)}), write ${Math.max(...writes)}   goal 1 / 0 → ${median(reads) === 1 && Math.max(...writes) === 0 ? 'OK' : 'MISS'}`);
  console.log(`  core read+validate median ${median(core).toFixed(1)} ms (p90 ${[...core].sort((a, b) => a - b)[Math.floor(EDITS * 0.9)].toFixed(1)} ms)   goal ≤ 10 ms → ratio ${(median(core) / 10).toFixed(2)}×`);
  console.log(`  mock read (port)  median ${median(read).toFixed(1)} ms`);
  const s0 = wb.log.syncs;
  await live.writeStatus();
  console.log(`  Status write on request: ${wb.log.syncs - s0} sync(s), ${Object.keys(wb.log.status).length} tables`);
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

async function consolidatedSyncs(opds: number, boxes: number, budget = PAYLOAD_BUDGET_BYTES): Promise<void> {
  const answer = consolidationOf(opds, boxes);
  const wb = mockWorkbook(generateSnapshot(10));
  const port = new OfficePort({ excel: wb.excel as unknown as ExcelHost, requirements: { isSetSupported: () => true }, payloadBudget: budget });
  const s0 = wb.log.syncs;
  const t0 = performance.now();
  const r = await writeConsolidated(port, answer, 'id');
  const ms = performance.now() - t0;
  const syncs = wb.log.syncs - s0;
  const bytes = wb.log.sheetOps.filter((o) => o.op === 'values').reduce((n, o) => n + JSON.stringify(o.value).length, 0);
  const floor = r.sheets.length + Math.ceil(bytes / budget);
  console.log(`consolidated workbook → Office (${opds} OPDs × ${boxes} boxes, ${r.rows.toLocaleString('en')} table rows, ${(bytes / 1048576).toFixed(1)} MB of values, budget ${(budget / 1048576).toFixed(2)} MB):`);
  console.log(`  ${syncs} syncs for ${r.sheets.length} sheets (floor ${floor}) → ratio ${(syncs / floor).toFixed(2)}×; port time over the mock ${ms.toFixed(0)} ms`);
}

await perEdit();
await consolidatedSyncs(20, 400);
await consolidatedSyncs(20, 400, 1024 * 1024);
const dir = await buildPane();
await paneSize(dir);
await interactive(dir);
