/**
 * The generated sheets as signable, printable documents (issue 15): PK budget block and its
 * source, PK Perubahan, parties and place, paper and DRAF; the Matriks per year with names and
 * bands; number formats; and row heights computed from the text.
 */
import { describe, expect, it } from 'vitest';
import {
  budgetBlock, fitRowHeights, levelSheet, linesHeight, matriksSheet, numberStyle, parsePkSheetName, pkPlan, pkSheet, STYLES, wrappedLines, type SheetSpec,
} from '../../../core/derive/index.js';
import { targetValue } from '../../../core/derive/matriks.js';
import { readWorkbook } from '../../../core/read/index.js';
import type { WorkbookSnapshot } from '../../../core/snapshot.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../../helpers/snapshot.js';

const treeOf = (edit: (w: WorkbookInput) => void = () => {}, snap: (s: WorkbookSnapshot) => void = () => {}) => {
  const w = validInput();
  edit(w);
  const s = makeSnapshot(w);
  snap(s);
  return readWorkbook(s).tree;
};
const texts = (s: SheetSpec) => s.cells.map((c) => c.value);
const cellText = (s: SheetSpec, re: RegExp) => s.cells.find((c) => typeof c.value === 'string' && re.test(c.value))?.value;

describe('PK budget block', () => {
  it('falls back to the kegiatan a Pengawas owns when the tree stops at kegiatan (never an accidental Jumlah 0)', () => {
    const tree = treeOf((w) => {
      w.pohon = w.pohon!.filter((r) => r.ID !== 'S1');
      w.indikator = w.indikator!.filter((r) => r['ID Node'] !== 'S1');
    });
    const block = budgetBlock(tree, 'KASI-GIZI', 2025);
    expect(block).toMatchObject({ configured: 'Sub Kegiatan', level: 'Kegiatan', total: 300 });
    expect(block.items.map((b) => b.id)).toEqual(['K1']);
    const pk = pkSheet(tree, 'KASI-GIZI', 2025);
    expect(pk.cells.find((c) => c.style === 'totalMoney')?.value).toBe(300);
    expect(cellText(pk, /anggaran dicantumkan pada tingkat Kegiatan/)).toBeDefined();
  });

  it('uses Pagu DPA <tahun> when the column exists; otherwise marks the Renstra pagu as indicative', () => {
    const dpa = treeOf(() => {}, (s) => {
      const t = s.tables.find((x) => x.name === 'PohonKinerja')!;
      t.header.push('Pagu DPA 2025');
      for (const r of t.rows) r.push(r[0] === 'S1' ? 275 : r[0] === 'K1' || r[0] === 'P1' ? 275 : null);
    });
    const pk = pkSheet(dpa, 'KASI-GIZI', 2025);
    expect(pk.cells.find((c) => c.style === 'totalMoney')?.value).toBe(275);
    expect(texts(pk)).toContain('Jumlah');
    expect(cellText(pk, /^Sumber anggaran: DPA tahun 2025/)).toBeDefined();
    const renstra = pkSheet(treeOf(), 'KASI-GIZI', 2025);
    expect(texts(renstra)).toContain('Jumlah (indikatif)');
    expect(cellText(renstra, /^Anggaran indikatif menurut Renstra/)).toBeDefined();
  });
});

describe('PK Perubahan', () => {
  const tree = treeOf();
  it('is a new sheet with its date and reason; a second change gets its own name', () => {
    const p = pkSheet(tree, 'KASI-GIZI', 2026, { perubahan: { tanggal: '15 September 2026', alasan: 'Perubahan anggaran (DPPA 2026)' } });
    expect(p.name).toBe('PKP 2026 KASI-GIZI');
    expect(texts(p)).toContain('PERJANJIAN KINERJA PERUBAHAN TAHUN 2026');
    expect(texts(p)).toContain('LAMPIRAN PERJANJIAN KINERJA PERUBAHAN TAHUN 2026');
    expect(cellText(p, /Perubahan ke-1 .*Alasan perubahan: Perubahan anggaran \(DPPA 2026\)/)).toBeDefined();
    expect(texts(p)).toContain('Contoh, 15 September 2026');
    const p2 = pkSheet(tree, 'KASI-GIZI', 2026, { perubahan: { ke: 2, tanggal: '1 Desember 2026', alasan: 'Mutasi pejabat' } });
    expect(p2.name).toBe('PKP2 2026 KASI-GIZI');
    expect(parsePkSheetName(p2.name)).toEqual({ tahun: 2026, idJabatan: 'KASI-GIZI', ke: 2 });
    expect(parsePkSheetName('PK 2026 KASI-GIZI')).toEqual({ tahun: 2026, idJabatan: 'KASI-GIZI', ke: 0 });
    expect(parsePkSheetName('Matriks Cascading')).toBeNull();
  });
});

describe('PK parties, place and paper', () => {
  it('has no NIP row for the Kepala Daerah, even when one is typed', () => {
    const tree = treeOf((w) => (w.jabatan![0].NIP = '196501011990031001'));
    const pk = pkSheet(tree, 'KADIS', 2025);
    expect(pk.cells.filter((c) => c.value === 'NIP')).toHaveLength(1);
    expect(texts(pk)).toContain(': 197001012000031001');
    expect(texts(pk)).not.toContain(': 196501011990031001');
    expect(texts(pk)).not.toContain('NIP. 196501011990031001');
  });

  it('takes the place of signing from Info "Tempat Penandatanganan" (Kabupaten Bandung signs in Soreang)', () => {
    const tree = treeOf((w) => (w.info = { Pemda: 'Kabupaten Bandung', 'Tempat Penandatanganan': 'Soreang' }));
    expect(texts(pkSheet(tree, 'KASI-GIZI', 2025))).toContain('Soreang, .................... 2025');
  });

  it('prints on A4 or F4 and stamps every page DRAF when asked', () => {
    const tree = treeOf();
    const pk = pkSheet(tree, 'KASI-GIZI', 2025, { kertas: 'F4', draf: true });
    expect(pk.print).toMatchObject({ paper: 'F4', orientation: 'portrait', header: 'DRAF' });
    expect(pk.cells.filter((c) => c.value === 'DRAF — belum untuk ditandatangani')).toHaveLength(2);
    expect(pkSheet(tree, 'KASI-GIZI', 2025).print.header).toBeUndefined();
  });

  it('skips an owner missing from Jabatan, naming its boxes', () => {
    const plan = pkPlan(treeOf((w) => (w.pohon![3]['Penanggung Jawab'] = 'KASI-X')));
    expect(plan.owners).not.toContain('KASI-X');
    expect(plan.skipped).toEqual([{ id: 'KASI-X', boxes: ['S1'] }]);
  });
});

describe('Matriks Cascading on paper', () => {
  const tree = treeOf();
  const header = (s: SheetSpec) => s.cells.filter((c) => c.row === 1).map((c) => c.value);

  it('prints one year with --tahun, position names instead of IDs, the header row repeated, fit to the width only', () => {
    const m = matriksSheet(tree, { tahun: 2026, kertas: 'A3' });
    expect(header(m).slice(15)).toEqual(['Satuan', 'Kondisi Awal', 'Target 2026', 'Pagu 2026', 'Penanggung Jawab']);
    expect(texts(m)).toContain('Kepala Bidang Kesehatan Masyarakat');
    expect(texts(m)).not.toContain('KABID-KESMAS');
    expect(m.print).toMatchObject({ paper: 'A3', orientation: 'landscape', fitToWidth: true, titleRows: [1, 1], pageNumbers: true });
    expect(m.print.header).toContain('Tahun 2026');
    expect(matriksSheet(tree, { idJabatan: true }).cells.map((c) => c.value)).toContain('KABID-KESMAS');
  });

  it('puts Tujuan and Sasaran Strategis in bands across the table when asked', () => {
    const m = matriksSheet(tree, { perSasaran: true });
    expect(header(m)[0]).toBe('Kode');
    const band = m.cells.find((c) => c.style === 'band');
    expect(band?.value).toBe('Sasaran Strategis: Meningkatnya derajat kesehatan masyarakat');
    expect(m.merges).toContain(`A2:${String.fromCharCode(64 + header(m).length)}2`);
    expect(texts(m)).toContain('Indikator Sasaran Strategis: Angka Harapan Hidup');
  });
});

describe('nested views of a broken tree', () => {
  it('never put a value inside another cell\'s merge (a Tujuan under a Sasaran Strategis, cycles, lost parents)', async () => {
    const { dinkesSalah } = await import('../../../examples/src/dinkes-salah.js');
    const { toSnapshot } = await import('../../../examples/src/workbook.js');
    const tree = readWorkbook(toSnapshot(dinkesSalah().workbook)).tree;
    for (const spec of [matriksSheet(tree), matriksSheet(tree, { perSasaran: true }), levelSheet(tree)]) {
      const covered = new Map<string, string>();
      for (const m of spec.merges) {
        const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)!;
        const col = (x: string) => [...x].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        for (let r = Number(r1); r <= Number(r2); r++) for (let c = col(c1); c <= col(c2); c++) if (r !== Number(r1) || c !== col(c1)) covered.set(`${r}:${c}`, m);
      }
      const hidden = spec.cells.filter((c) => c.value !== null && covered.has(`${c.row}:${c.col}`)).map((c) => `${c.row}:${c.col} ${String(c.value)} under ${covered.get(`${c.row}:${c.col}`)}`);
      expect(hidden, spec.name).toEqual([]);
    }
  });
});

describe('number formats', () => {
  it('never uses #,##0.## (Excel prints 92 as "92,"): each value gets the decimals it has', () => {
    expect(Object.values(STYLES).map((s) => s.numFmt).filter(Boolean)).not.toContain('#,##0.##');
    expect(STYLES[numberStyle(92)].numFmt).toBe('#,##0');
    expect(STYLES[numberStyle(72.85)].numFmt).toBe('#,##0.00');
    expect(STYLES[numberStyle(0.5)].numFmt).toBe('#,##0.0');
    expect(numberStyle('13,5 - 15')).toBe('numberText');
  });

  it('prints range targets with the decimal comma', () => {
    expect(targetValue({ kind: 'range', low: 13.5, high: 15 })).toBe('13,5 - 15');
  });
});

describe('row heights from the text', () => {
  it('wraps at word boundaries and counts lines', () => {
    expect(wrappedLines('Meningkatnya derajat kesehatan masyarakat', 1000)).toBe(1);
    expect(wrappedLines('Meningkatnya derajat kesehatan masyarakat', 60)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines('satu\ndua', 1000)).toBe(2);
  });

  it('makes every wrapped cell of a PK tall enough, merged Sasaran cells included', () => {
    const long = 'Meningkatnya kualitas, jangkauan dan pemerataan pelayanan kesehatan dasar dan rujukan yang bermutu bagi seluruh lapisan masyarakat sesuai standar pelayanan minimal bidang kesehatan';
    const tree = treeOf((w) => {
      w.pohon![3]['Pernyataan Kinerja'] = long;
      w.indikator!.push({ ...w.indikator![3], Indikator: 'Jumlah balita gizi buruk yang ditangani' });
    });
    const pk = pkSheet(tree, 'KASI-GIZI', 2025);
    const cell = pk.cells.find((c) => c.value === long)!;
    const merge = pk.merges.find((m) => m.startsWith(`B${cell.row}:`))!;
    const bottom = Number(/(\d+)$/.exec(merge)![1]);
    let have = 0;
    for (let r = cell.row; r <= bottom; r++) have += pk.rowHeights[r] ?? 15;
    expect(have).toBeGreaterThanOrEqual(linesHeight(wrappedLines(long, 34 * 7 * 0.75 - 5)));
    expect(have).toBeGreaterThan(2 * 15);
  });

  it('leaves one-line rows at the default height and keeps taller heights already set', () => {
    const spec: SheetSpec = { name: 'x', cells: [{ row: 1, col: 1, value: 'pendek', style: 'text' }, { row: 2, col: 1, value: 'pendek', style: 'text' }], styles: STYLES, merges: [], columnWidths: [20], rowHeights: { 2: 40 }, print: { paper: 'A4', orientation: 'portrait', fitToWidth: true } };
    expect(fitRowHeights(spec).rowHeights).toEqual({ 2: 40 });
  });
});
