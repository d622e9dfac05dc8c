/**
 * `pokin export` for signable PKs (issue 15): refused while the tree has errors unless
 * `--draf` (DRAF on every page), positions missing from Jabatan skipped with a message, PK
 * Perubahan with its date and reason while the earlier PK is kept, paper sizes, the Matriks
 * for one year; and `pokin validate --final` comparing the PK sheets with the tree (P01).
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../cli/commands/export.js';
import { runValidate } from '../../cli/commands/validate.js';
import { validInput } from '../helpers/snapshot.js';
import { tempDir, writeInput } from './fixtures.js';

const tmp = tempDir('export-pk');
afterAll(() => tmp.cleanup());

async function run(fn: (a: string[], io: { out: (s: string) => void; err: (s: string) => void }) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await fn(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
const values = (ws: ExcelJS.Worksheet) => {
  const out: unknown[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(c.value)));
  return out;
};

const valid = tmp.path('valid.xlsx');
const broken = tmp.path('broken.xlsx');
beforeAll(async () => {
  await writeInput(valid);
  const bad = validInput();
  bad.pohon![3]['Penanggung Jawab'] = 'KASI-X';
  await writeInput(broken, bad);
});

describe('pokin export: PKs from a broken tree', () => {
  it('refuses with exit 1, writes nothing, lists the errors and points to --draf', async () => {
    const out = tmp.path('refused.xlsx');
    const r = await run(runExport, [broken, '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toContain('PK tidak dibuat');
    expect(r.stderr).toContain('--draf');
    expect(r.stderr).toMatch(/'Pohon Kinerja'!G5 +J01 \[S1\]/);
  });

  it('still writes the other sheets when no PK is asked for', async () => {
    expect((await run(runExport, [broken, '--out', tmp.path('matriks-only.xlsx'), '--sheets', 'matriks,validasi'])).code).toBe(0);
  });

  it('with --draf writes PKs stamped DRAF on every page and skips the position missing from Jabatan', async () => {
    const out = tmp.path('draf.xlsx');
    const r = await run(runExport, [broken, '--out', out, '--draf', '--tahun', '2026']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PK untuk "KASI-X" (pemilik S1) tidak dibuat: tidak ada di lembar Jabatan (J01).');
    const wb = await open(out);
    const pks = wb.worksheets.filter((w) => w.name.startsWith('PK '));
    expect(pks.map((w) => w.name)).toEqual(['PK 2026 KADIS', 'PK 2026 KABID-KESMAS', 'PK 2026 KASI-GIZI']);
    for (const ws of pks) {
      expect(ws.headerFooter.oddHeader).toContain('DRAF');
      expect(ws.getCell('A1').value).toBe('DRAF — belum untuk ditandatangani');
    }
  });
});

describe('pokin export: paper and the Matriks', () => {
  it('prints PKs on F4 and the Matriks on A3 for one year, with position names', async () => {
    const out = tmp.path('f4.xlsx');
    expect((await run(runExport, [valid, '--out', out, '--kertas', 'F4', '--tahun', '2026'])).code).toBe(0);
    const wb = await open(out);
    expect(wb.getWorksheet('PK 2026 KADIS')!.pageSetup.paperSize).toBe(14);
    const a3 = tmp.path('a3.xlsx');
    expect((await run(runExport, [valid, '--out', a3, '--kertas', 'A3', '--tahun', '2026', '--sheets', 'matriks'])).code).toBe(0);
    const m = (await open(a3)).getWorksheet('Matriks Cascading')!;
    expect(m.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    const header = (m.getRow(1).values as unknown[]).filter(Boolean);
    expect(header.filter((h) => /^(Target|Pagu) /.test(String(h)))).toEqual(['Target 2026', 'Pagu 2026']);
    expect(values(m)).toContain('Kepala Seksi Gizi');
  });

  it('refuses an unknown paper (exit 2)', async () => {
    expect((await run(runExport, [valid, '--out', tmp.path('z.xlsx'), '--kertas', 'A5'])).code).toBe(2);
  });
});

describe('pokin export: PK Perubahan', () => {
  const first = tmp.path('pk-2026.xlsx');
  beforeAll(async () => {
    expect((await run(runExport, [valid, '--out', first, '--tahun', '2026', '--sheets', 'pk'])).code).toBe(0);
  });

  it('needs --tanggal and --alasan (exit 2)', async () => {
    expect((await run(runExport, [first, '--out', tmp.path('z.xlsx'), '--perubahan', '--tanggal', '1 Oktober 2026'])).code).toBe(2);
  });

  it('adds PKP sheets with the date and reason and keeps the earlier PK as it was', async () => {
    const second = tmp.path('pk-2026-perubahan.xlsx');
    const r = await run(runExport, [first, '--out', second, '--tahun', '2026', '--sheets', 'pk', '--perubahan', '--tanggal', '1 Oktober 2026', '--alasan', 'Perubahan anggaran (DPPA 2026)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Disimpan dari');
    const before = await open(first);
    const after = await open(second);
    const kept = after.getWorksheet('PK 2026 KASI-GIZI')!;
    const orig = before.getWorksheet('PK 2026 KASI-GIZI')!;
    expect(values(kept)).toEqual(values(orig));
    // Layout too: merges, row heights, paper and the page break before the lampiran.
    const merges = (ws: ExcelJS.Worksheet) => Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
    expect(merges(kept)).toEqual(merges(orig));
    const heights = (ws: ExcelJS.Worksheet) => { const h: (number | undefined)[] = []; ws.eachRow((r, n) => (h[n] = r.height)); return h; };
    expect(heights(kept)).toEqual(heights(orig));
    expect(kept.pageSetup.paperSize).toBe(orig.pageSetup.paperSize);
    // Its page break (ExcelJS cannot read one back) is checked on paper: test/xlsx/print-in-calc.test.ts.
    const pkp = after.getWorksheet('PKP 2026 KASI-GIZI')!;
    expect(values(pkp)).toContain('PERJANJIAN KINERJA PERUBAHAN TAHUN 2026');
    expect(values(pkp)).toContain('Contoh, 1 Oktober 2026');
    expect(values(pkp).some((v) => String(v).includes('Alasan perubahan: Perubahan anggaran (DPPA 2026)'))).toBe(true);
    // A second change of the year gets the next number.
    const third = tmp.path('pk-2026-perubahan-2.xlsx');
    expect((await run(runExport, [second, '--out', third, '--tahun', '2026', '--sheets', 'pk', '--perubahan', '--tanggal', '1 Desember 2026', '--alasan', 'Mutasi pejabat'])).code).toBe(0);
    const names = (await open(third)).worksheets.map((w) => w.name).filter((n) => n.endsWith('KASI-GIZI'));
    expect(names.sort()).toEqual(['PK 2026 KASI-GIZI', 'PKP 2026 KASI-GIZI', 'PKP2 2026 KASI-GIZI']);
  });
});

describe('pokin validate --final and the PK sheets (P01)', () => {
  it('accepts generated PKs and fails a target typed over in a PK sheet', async () => {
    const out = tmp.path('pk-p01.xlsx');
    expect((await run(runExport, [valid, '--out', out, '--tahun', '2026', '--sheets', 'pk'])).code).toBe(0);
    const clean = await run(runValidate, [out, '--final', '--json']);
    expect((JSON.parse(clean.stdout) as { issues: { rule: string }[] }).issues.filter((i) => i.rule === 'P01')).toEqual([]);
    const wb = await open(out);
    const ws = wb.getWorksheet('PK 2026 KASI-GIZI')!;
    let at = '';
    ws.eachRow((row) => row.eachCell((c) => { if (c.value === 'Persentase puskesmas dengan layanan sesuai standar') at = `E${c.row}`; }));
    ws.getCell(at).value = 99;
    await wb.xlsx.writeFile(out);
    const r = await run(runValidate, [out, '--final', '--json']);
    expect(r.code).toBe(1);
    const p01 = (JSON.parse(r.stdout) as { issues: { rule: string; sheet: string; cell: string }[] }).issues.filter((i) => i.rule === 'P01');
    expect(p01).toMatchObject([{ sheet: 'PK 2026 KASI-GIZI', cell: at }]);
  });
});
