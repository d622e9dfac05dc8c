/**
 * Saran Pokin for each automatic criterion (SAKIP.md §13), on the example workbooks
 * (examples/*.xlsx as the CLI reads them) and on variations of them. The proposal goes to
 * `Saran Pokin`, never to `Jawaban`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../core/read/index.js';
import { validateTree } from '../../../core/validate.js';
import {
  bangunKriteria, barisKriteriaBawaan, evaluasiLke, lembarLke, saranLke, SARAN_TARGET, SARAN_SMART, type Saran,
} from '../../../core/lke/index.js';
import { lkeColumns } from '../../../core/layout/lke.js';
import type { Issue, RuleId } from '../../../core/issues.js';
import type { CellValue, WorkbookSnapshot } from '../../../core/snapshot.js';
import { readXlsx } from '../../../xlsx/read.js';

let valid: WorkbookSnapshot;
let faulty: WorkbookSnapshot;
beforeAll(async () => {
  valid = (await readXlsx('examples/dinkes-kabupaten-contoh.xlsx')).snapshot;
  faulty = (await readXlsx('examples/dinkes-dengan-kesalahan.xlsx')).snapshot;
});

const byCode = (m: Map<string, Saran>) => Object.fromEntries([...m].map(([k, s]) => [k, [s.evaluator, s.jawaban.kode, Math.round(s.bagian * 1000) / 1000]]));
const clone = (s: WorkbookSnapshot): WorkbookSnapshot => structuredClone(s);
const table = (s: WorkbookSnapshot, name: string) => s.tables.find((t) => t.name === name)!;
function addRow(s: WorkbookSnapshot, name: string, values: Record<string, CellValue>): void {
  const t = table(s, name);
  t.rows.push(t.header.map((h) => values[String(h)] ?? null));
}

describe('Saran Pokin on examples/dinkes-kabupaten-contoh.xlsx (valid tree)', () => {
  it('proposes the top answer for all six criteria the tree can judge, each with its reason', () => {
    const ev = evaluasiLke(valid);
    expect(byCode(ev.saran)).toEqual({
      'AREN001.1': ['pokin', 'Y', 1], 'AREN002.5': ['smart', 'A', 1], 'AREN002.7': ['target', 'A', 1],
      'AREN002.8': ['cascade', 'A', 1], 'AREN002.9': ['crosscutting', 'A', 1], 'AREN002.10': ['pk', 'A', 1],
    });
    expect(ev.saran.get('AREN001.1')?.alasan.id).toBe('Pohon kinerja ada: 55 kotak; seluruh 30 cabang sampai Sasaran Sub Kegiatan. RPJMD dan Renstra tetap diperiksa evaluator.');
    expect(ev.saran.get('AREN002.5')?.alasan.id).toBe('100 %: 64 dari 64 indikator tanpa temuan K02/K04/K09/K11/K19.');
    expect(ev.saran.get('AREN002.10')?.alasan.en).toBe('100 %: all 13 structural positions own boxes of the tree, so each has a PK.');
  });

  it('writes the proposals to Saran Pokin and leaves Jawaban empty', () => {
    const ev = evaluasiLke(valid);
    const sheet = lembarLke(ev.kriteria, ev.bacaan, ev.saran);
    const H = lkeColumns().map((c) => c.header);
    const row = sheet.table.rows.find((r) => r[H.indexOf('Kode')] === 'AREN002.5')!;
    expect(row[H.indexOf('Jawaban')]).toBeNull();
    expect(row[H.indexOf('Nilai')]).toBeNull();
    expect(row[H.indexOf('Saran Pokin')]).toBe('A: 100 %: 64 dari 64 indikator tanpa temuan K02/K04/K09/K11/K19.');
    expect(sheet.table.rows.every((r) => r[H.indexOf('Jawaban')] === null)).toBe(true);
    expect(sheet.table.rows.filter((r) => r[H.indexOf('Saran Pokin')] !== null).length).toBe(6);
  });

  it('proposes fewer points when structural positions own no box (J04)', () => {
    const s = clone(valid);
    for (const id of ['KASI-X1', 'KASI-X2', 'KASI-X3']) addRow(s, 'Jabatan', { 'ID Jabatan': id, 'Nama Jabatan': `Kepala Seksi ${id}`, Jenjang: 'Pengawas', 'ID Atasan': 'KADIS' });
    const pk = evaluasiLke(s).saran.get('AREN002.10')!;
    // 13 of 16 structural positions own boxes: 81,25 %, nearest grade B (0,66) rather than A (1).
    expect([pk.jawaban.kode, pk.bagian]).toEqual(['B', 13 / 16]);
    expect(pk.alasan.id).toContain('3 dari 16 jabatan struktural tidak memegang kotak, jadi tanpa PK (J04: KASI-X1, KASI-X2, KASI-X3)');
  });

  it('proposes D for crosscutting when the table holds no link', () => {
    const s = clone(valid);
    table(s, 'Crosscutting').rows = [];
    const cc = evaluasiLke(s).saran.get('AREN002.9')!;
    expect([cc.jawaban.kode, cc.bagian]).toEqual(['D', 0]);
    expect(cc.alasan.id).toBe('Belum ada tautan crosscutting di tabel Crosscutting.');
  });

  it('gives no saran at all for a workbook without a tree', () => {
    const ev = evaluasiLke({ tables: valid.tables.filter((t) => t.name !== 'PohonKinerja') });
    expect(ev.adaPohon).toBe(false);
    expect(ev.saran.size).toBe(0);
  });
});

describe('Saran Pokin on examples/dinkes-dengan-kesalahan.xlsx (planted mistakes)', () => {
  it('measures each criterion from the issues the validator reports', () => {
    const ev = evaluasiLke(faulty);
    expect(byCode(ev.saran)).toEqual({
      // 3 of 36 leaves stop above Sasaran Sub Kegiatan (T07): not fully met → T.
      'AREN001.1': ['pokin', 'T', 0.917],
      // 68 of 73 indicators clean (K02, K04, K09, K11, K19 once each): 93,2 % → A.
      'AREN002.5': ['smart', 'A', 0.932],
      // 70 of 73 without K06/K18: A.
      'AREN002.7': ['target', 'A', 0.959],
      // 48 of 61 boxes without T02–T07/J01–J03: 78,7 % → B.
      'AREN002.8': ['cascade', 'B', 0.787],
      // 3 of 8 links clean (X01, X02 ×3, X03 ×3 on 4 links, one unreadable row): 37,5 % → C.
      'AREN002.9': ['crosscutting', 'C', 0.375],
      'AREN002.10': ['pk', 'A', 1],
    });
    expect(ev.saran.get('AREN001.1')?.alasan.id).toBe('Pohon kinerja ada (61 kotak), tetapi 3 dari 36 cabang berhenti sebelum Sasaran Sub Kegiatan (T07: K3.2, TX1, PX1).');
    expect(ev.saran.get('AREN002.5')?.alasan.id).toContain('bermasalah: S1.1.3, S1.2.2, K1.3, P2, … (5) (K02 ×1, K04 ×1, K09 ×1, K11 ×1, K19 ×1)');
    expect(ev.saran.get('AREN002.9')?.alasan.id).toContain('1 baris tidak terbaca (F01)');
  });
});

describe('Saran Pokin counts rule IDs that land later (K18, K19 from issue 15)', () => {
  it('counts K18 against challenging targets and K19 against SMART, by row', () => {
    const { tree, issues } = readWorkbook(valid);
    const base = validateTree(tree, issues, { final: true }).issues;
    const at = (rule: string, i: number): Issue => {
      const ind = tree.indikator[i];
      return { rule: rule as RuleId, severity: 'W', sheet: ind.loc.table.sheet, cell: `K${ind.loc.row}`, id: ind.nodeId, message: '', messageEn: '' };
    };
    const extra = [at('K18', 0), at('K18', 1), at('K19', 2), at('K19', 2)];
    const ctx = { tree, issues: [...base, ...extra], snapshot: valid };
    expect(SARAN_TARGET.nilai(ctx)).toMatchObject({ bagian: 62 / 64 });
    expect(SARAN_TARGET.nilai(ctx)?.alasan.id).toContain('(K18 ×2)');
    expect(SARAN_SMART.nilai(ctx)).toMatchObject({ bagian: 63 / 64 });
  });
});

describe('Saran Pokin on variant criteria', () => {
  it('matches criteria by text, follows saran_pokin, and "-" turns a saran off', () => {
    const rows = barisKriteriaBawaan().map((b) => ({ ...b }));
    const smart = rows.find((r) => r.kriteria_kode === 'AREN002.5')!;
    smart.kriteria_kode = '1.b.5';
    smart.jenis_jawaban = 'Y/T';
    rows.find((r) => r.kriteria_kode === 'AREN002.9')!.saran_pokin = '-';
    rows.find((r) => r.kriteria_kode === 'AREN003.1')!.saran_pokin = 'cascade';
    const kriteria = bangunKriteria(rows.map((baris) => ({ baris })), [], { id: 'v', en: 'v' }, true);
    const { tree, issues } = readWorkbook(faulty);
    const s = saranLke(kriteria, { tree, issues: validateTree(tree, issues, { final: true }).issues, snapshot: faulty });
    // SMART at 94,4 % on a Y/T scale: only a fully met criterion gets Y.
    expect(s.get('1.b.5')).toMatchObject({ evaluator: 'smart', jawaban: { kode: 'T' } });
    expect(s.has('AREN002.9')).toBe(false);
    expect(s.get('AREN003.1')).toMatchObject({ evaluator: 'cascade', jawaban: { kode: 'B' } });
  });
});
