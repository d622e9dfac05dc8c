/**
 * Adopting the Renja evaluation form of Permendagri 86/2017 (SAKIP.md §12, last paragraph):
 * boxes and indicators, one Realisasi row per indicator and quarter, Rp (000) scaled, the
 * form's own figures checked against Pokin's arithmetic (U08), target-copy formulas (U07),
 * the footer carried, and every value counted; on the raw sheets and through `pokin import`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runImport } from '../../../cli/commands/import.js';
import { adoptWorkbook } from '../../../core/adopt/index.js';
import type { AdoptResult } from '../../../core/adopt/types.js';
import { readWorkbook } from '../../../core/read/index.js';
import type { TableSnapshot } from '../../../core/snapshot.js';
import { readXlsx } from '../../../xlsx/read.js';
import { FIXTURES } from '../../fixtures/adopt/build.js';
import { renjaForm, renjaLines, type RenjaVariant } from '../../fixtures/adopt/renja.js';
import { renjaLines as renjaReportLines } from '../../../core/adoption/index.js';
import { tempDir } from '../../cli/fixtures.js';

function adopt(v: RenjaVariant = {}, tahun?: number): AdoptResult {
  const a = adoptWorkbook([renjaForm(v).sheet], tahun ? { tahun } : {});
  if (!a.ok) throw new Error(`not recognised: ${JSON.stringify(a.notRecognised)}`);
  return a.result;
}
const realisasi = (r: AdoptResult) => r.snapshot.tables.find((t) => t.name === 'Realisasi') as TableSnapshot;
const rowsOf = (t: TableSnapshot) => t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [String(h), r[i]])));

describe('the Renja evaluation form as Dinas Kesehatan fills it in', () => {
  const res = adopt();
  const { report } = res;

  it('is recognised as the form, evaluating the year its Target Renja column names', () => {
    expect(report.layout).toBe('renja-evaluasi');
    // The workbook belongs to the Renstra period the form names (its end-of-period column), a guess said so.
    expect(report.years).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(report.renja!.periode).toEqual({ awal: 2025, akhir: 2029, dari: 'judul kolom Target Renstra akhir periode' });
    expect(renjaReportLines(report)).toContain('Periode Renstra 2025–2029 (tebakan dari judul kolom Target Renstra akhir periode; dipakai di Info dan sebagai periode kirim): ubah dengan --tahun-awal/--tahun-akhir');
    expect(report.renja).toMatchObject({ tahun: 2025, tahunDari: 'judul kolom Target Renja' });
    expect(report.columns).toMatchObject({ J: 'target 2025', K: 'pagu 2025 (×1.000)', F: 'kondisi akhir', L: 'realisasi TW1 (K)', M: 'realisasi TW1 (Rp (×1.000))' });
  });

  it('places every program, kegiatan and sub kegiatan with its indicator and every footer line', () => {
    expect(report.boxes).toBe(6);
    expect(report.indicators).toBe(6);
    expect(report.unplaced).toEqual([]);
    expect(report.rows.filter((r) => r.kind === 'skipped').map((r) => (r as { reason: string }).reason)).toEqual([
      expect.stringMatching(/^baris rata-rata capaian/), expect.stringMatching(/^baris predikat/),
      'blok tanda tangan.', 'blok tanda tangan.', 'blok tanda tangan (nama penanda tangan).', 'blok tanda tangan.',
    ]);
  });

  it('carries every value it holds: realisasi, derived figures checked, average and predikat verified', () => {
    expect(report.values.present).toBe(179);
    expect(report.values.carried).toBe(report.values.present);
    expect(report.notCarried).toEqual([]);
    expect(report.renja!.checks.length).toBeGreaterThan(40);
    expect(report.renja!.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.issues.filter((i) => i.rule === 'U08' || i.rule === 'U07')).toEqual([]);
  });

  it('writes one Realisasi row per indicator and quarter, Rp (000) multiplied out and reported (F02)', () => {
    const rows = rowsOf(realisasi(res));
    expect(rows).toHaveLength(24);
    expect(report.renja!.realisasi).toEqual({ rows: 24, indikator: 6, triwulan: [1, 2, 3, 4] });
    const lines = renjaLines();
    const p1 = rows.filter((r) => r['ID Node'] === 'P1');
    expect(p1.map((r) => [r.Periode, r.Realisasi, r['Realisasi Anggaran']])).toEqual(lines[0].tw.map((q, k) => [`TW${k + 1}`, q[0], q[1] * 1000]));
    expect(p1[0].Indikator).toBe(lines[0].indikator);
    expect(report.issues.some((i) => i.rule === 'F02' && i.cell === 'M11' && /× 1\.000/.test(i.message))).toBe(true);
  });

  it('reads the canonical workbook back: targets, pagu, end condition, realisasi s.d. tahun lalu in Catatan', () => {
    const { tree } = readWorkbook(res.snapshot);
    const p1 = tree.boxes.find((b) => b.id === 'P1')!;
    expect(p1.pagu[0]).toBe(12_000_000_000);
    expect(p1.indicators[0]).toMatchObject({ kondisiAkhir: { kind: 'number', value: 90 } });
    expect(p1.catatan).toContain('Realisasi s.d. 2024');
    expect(tree.pengukuran!.realisasi).toHaveLength(24);
  });

  it('infers Akumulasi from how the form totals the year: the last quarter for a percentage, the sum for counts', () => {
    const ind = res.snapshot.tables.find((t) => t.name === 'Indikator')!;
    const col = ind.header.indexOf('Akumulasi');
    expect(ind.rows.map((r) => r[col])).toEqual(['Nilai Akhir', 'Kumulatif', 'Kumulatif', 'Kumulatif', 'Kumulatif', 'Kumulatif']);
  });

  it('reads Polaritas from the form\'s capaian arithmetic (realisasi ÷ target = Positif), reported, so capaian is measured at once', () => {
    const ind = res.snapshot.tables.find((t) => t.name === 'Indikator')!;
    const col = ind.header.indexOf('Polaritas');
    expect(ind.rows.map((r) => r[col])).toEqual(Array(6).fill('Positif'));
    expect(report.issues.filter((i) => i.rule === 'F02' && i.message.startsWith('Polaritas:'))).toHaveLength(6);
    const { tree, issues } = readWorkbook(res.snapshot);
    expect(issues.filter((i) => i.rule === 'K05' && i.message.includes('Polaritas'))).toEqual([]);
    expect(tree.indikator.every((i) => i.polaritas === 'Positif')).toBe(true);
  });

  it('takes the faktor pendorong, penghambat and tindak lanjut lines into the program\'s last-quarter Realisasi row', () => {
    const tw4 = rowsOf(realisasi(res)).find((r) => r['ID Node'] === 'P1' && r.Periode === 'TW4')!;
    expect(tw4['Faktor Pendukung']).toMatch(/dana alokasi khusus/);
    expect(tw4['Faktor Penghambat']).toMatch(/pengadaan alat kesehatan/);
    expect(tw4.Solusi).toMatch(/percepatan pengadaan\.\nperencanaan pengadaan lebih awal/);
    expect(report.renja!.catatan.map((c) => c.to)).toEqual(Array(4).fill('Realisasi TW4 (Faktor Pendukung) P1').map((x, i) => (i === 0 ? x : i === 1 ? 'Realisasi TW4 (Faktor Penghambat) P1' : 'Realisasi TW4 (Solusi) P1')));
  });
});

describe('messy Renja evaluation forms', () => {
  it('codes split over five columns read like one Kode column', () => {
    const a = adopt().report, b = adopt({ splitCodes: true }).report;
    expect(b.layout).toBe('renja-evaluasi');
    expect(b.rows.filter((r) => r.kind === 'indicator')).toEqual(a.rows.filter((r) => r.kind === 'indicator'));
    expect(b.values.carried).toBe(b.values.present);
    expect(b.renja!.realisasi.rows).toBe(24);
  });

  it('a quarter not yet reported: Realisasi rows for TW1–TW3 only, the totals checked over those', () => {
    const r = adopt({ noTw4: true });
    expect(r.report.renja!.realisasi).toEqual({ rows: 18, indikator: 6, triwulan: [1, 2, 3] });
    expect(r.report.renja!.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.report.values.carried).toBe(r.report.values.present);
    expect(rowsOf(realisasi(r)).find((x) => x['ID Node'] === 'P1' && x.Periode === 'TW3')!['Faktor Pendukung']).toMatch(/dana alokasi/);
  });

  describe('wrong arithmetic, target-copy formulas, a row in rupiah under Rp (000)', () => {
    const r = adopt({ unitsRow: true, copyTarget: true, wrongMath: true });
    const { report } = r;
    const issue = (rule: string, cell: string) => report.issues.find((i) => i.rule === rule && i.cell === cell);

    it('reports each figure of the form that differs (U08) and does not import it, counting it as not carried', () => {
      expect(report.renja!.checks.filter((c) => !c.ok).map((c) => [c.cell, c.what])).toEqual([
        ['X12', 'Tingkat capaian 2025 (K, %)'], ['T14', 'Realisasi 2025 (K)'], ['X18', 'Rata-rata capaian kinerja (%)'],
      ]);
      expect(issue('U08', 'X12')).toMatchObject({ severity: 'W', message: expect.stringContaining('form menulis 80'), messageEn: expect.stringContaining('the form states 80') });
      expect(issue('U08', 'T14')!.message).toContain('memberi 5');
      expect(report.notCarried.map((n) => n.cell)).toEqual(['X12', 'T14', 'X18']);
      expect(report.values.present - report.values.carried).toBe(3);
    });

    it('flags realisasi cells whose formula points at the target (U07), keeping their value', () => {
      expect(['L15', 'N15', 'P15', 'R15'].map((c) => issue('U07', c)?.message)).toEqual(Array(4).fill(expect.stringContaining('=J15/4')));
      expect(rowsOf(realisasi(r)).filter((x) => x['ID Node'] === 'SK2').map((x) => x.Realisasi)).toEqual([1500, 1500, 1500, 1500]);
    });

    it('reads a realisasi Rp typed in rupiah under Rp (000) as rupiah and says so (F02)', () => {
      const m16 = report.issues.filter((i) => i.rule === 'F02' && i.cell === 'M16').map((i) => i.message);
      expect(m16).toContainEqual(expect.stringMatching(/200× pagu barisnya; dibaca sebagai rupiah \(Rp 400\.000\.000\)/));
      expect(rowsOf(realisasi(r)).filter((x) => x['ID Node'] === 'SK3').map((x) => x['Realisasi Anggaran'])).toEqual([400_000_000, 400_000_000, 600_000_000, 500_000_000]);
    });
  });

  it('a form whose year cannot be read asks for --tahun instead of guessing; given, it is used', () => {
    const f = renjaForm();
    // Strip every year: the title and the group labels.
    f.sheet.values = f.sheet.values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/\b20\d\d\b/g, 'berjalan') : v)));
    const a = adoptWorkbook([f.sheet], {});
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.notRecognised.sheets[0].missing).toEqual(['Tahun yang dievaluasi (--tahun)']);
    const b = adoptWorkbook([f.sheet], { tahun: 2025 });
    expect(b.ok && b.result.report.renja).toMatchObject({ tahun: 2025, tahunDari: '--tahun' });
  });
});

describe('pokin import FORM.xlsx', () => {
  const tmp = tempDir('renja-cli');
  afterAll(() => tmp.cleanup());
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };

  it('writes the canonical workbook with its Realisasi table and prints the form\'s checks', async () => {
    const out = tmp.path('renja.xlsx');
    const r = await run([join(FIXTURES, 'renja-evaluasi.xlsx'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Tata letak: form evaluasi Renja [renja-evaluasi]');
    expect(r.stdout).toContain('Realisasi 2025 (tahun dari judul kolom Target Renja): 24 baris, 6 indikator, triwulan TW1, TW2, TW3, TW4');
    expect(r.stdout).toMatch(/Angka form diperiksa: \d+, berbeda dengan Pokin \(U08\): 0/);
    expect(r.stdout).toContain('Nilai terbawa / ada: 179 / 179');
    expect(r.code).toBe(0);
    const { tree } = readWorkbook((await readXlsx(out)).snapshot);
    expect(tree.pengukuran!.realisasi).toHaveLength(24);
    expect(tree.pengukuran!.realisasi.find((x) => x.periode === 4 && x.nodeId === 'P1')).toMatchObject({ realisasi: 82, realisasiAnggaran: 3_000_000_000 });
  });

  it('the messy form through the file: formulas read from the .xlsx give U07, differences U08, exit 1', async () => {
    const out = tmp.path('kotor.xlsx');
    const r = await run([join(FIXTURES, 'renja-evaluasi-kotor.xlsx'), '--out', out, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.issues.filter((i: { rule: string }) => i.rule === 'U07').map((i: { cell: string }) => i.cell)).toEqual(['L15', 'N15', 'P15', 'R15']);
    expect(j.renja.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { cell: string }) => c.cell)).toEqual(['X12', 'T14', 'X18']);
    expect(j.notCarried).toEqual([expect.objectContaining({ cell: 'X12', reason: expect.stringContaining('U08') }), expect.anything(), expect.anything()]);
  });
});

describe('the adoption report the pane shows', () => {
  it('carries the same Renja lines pokin import prints', async () => {
    const { reportView, renjaLines } = await import('../../../core/adoption/index.js');
    const { report } = adopt({ noTw4: true });
    const view = reportView(report, 'en');
    expect(view.renja).toEqual(renjaLines(report, 'en'));
    expect(view.renja[0]).toBe('Realisasi 2025 (year from the Target Renja column title): 18 rows, 6 indicators, quarters TW1, TW2, TW3');
  });
});
