/**
 * The shipped criteria module is what scripts/build-lke.ts makes of the shared CSV
 * (../shared/domain/lke/, beside the repository; skipped when that folder is absent), and the
 * LKE example workbook is what `npm run examples` builds from examples/src/dinkes-lke.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LKE_CSV, LKE_MODULE, lkeModule } from '../../../scripts/build-lke.js';
import { buildLkeExample, LKE_FILE } from '../../../scripts/build-examples.js';
import { readXlsx } from '../../../xlsx/read.js';
import { lkeTables } from '../../../core/layout/lke.js';

describe('shipped LKE criteria', () => {
  it.skipIf(!existsSync(LKE_CSV))('core/lke/data/kriteria-88-2021.ts is up to date with the shared CSV (run npm run lke)', () => {
    expect(readFileSync(LKE_MODULE, 'utf8')).toBe(lkeModule(readFileSync(LKE_CSV, 'utf8')));
  });

  it('credits the regulation and the transcription\'s source', () => {
    const text = readFileSync(LKE_MODULE, 'utf8');
    expect(text).toContain('Peraturan Menteri PANRB Nomor 88 Tahun 2021');
    expect(text).toContain('yudhis55/kke-sakip-trenggalek');
  });
});

describe('examples/dinkes-lke-contoh.xlsx', () => {
  it('holds what npm run examples builds now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pokin-lke-example-'));
    try {
      const built = await buildLkeExample(dir);
      const contents = async (f: string) => (await readXlsx(f, lkeTables())).snapshot.tables.map((t) => ({ name: t.name, header: t.header, rows: t.rows }));
      expect(await contents(LKE_FILE), 'stale: run npm run examples').toEqual(await contents(built));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
