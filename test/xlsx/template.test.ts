import { afterAll, describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { UsageError } from '../../cli/args.js';
import { templateParams } from '../../cli/commands/template.js';
import { readXlsx } from '../../xlsx/read.js';
import { writeTemplate, type TemplateParams } from '../../xlsx/template.js';
import { tempDir } from '../cli/fixtures.js';

const tmp = tempDir('template');
afterAll(() => tmp.cleanup());

const PARAMS: TemplateParams = {
  pemda: 'Kabupaten Contoh', kodePemda: '32.04', jenisPemda: 'Kabupaten', kodeOpd: '1.02.0.00.0.00.01.0000',
  namaOpd: 'Dinas Kesehatan', tahunAwal: 2025, tahunAkhir: 2029, versiNomenklatur: 'Kepmendagri 900.1-2850/2025',
};

/** Loads a written file with every part ExcelJS knows (validations and formats included). */
async function loadFull(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

type WithValidations = ExcelJS.Worksheet & { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } };

describe('template → read round trip', () => {
  const file = tmp.path('template.xlsx');
  const written = writeTemplate(file, PARAMS);

  it('finds every canonical table by its Excel table name', async () => {
    await written;
    const { snapshot, sheets } = await readXlsx(file);
    expect(snapshot.tables.map((t) => [t.sheet, t.name, t.address])).toEqual([
      ['Info', 'Info', 'A1'], ['Jabatan', 'Jabatan', 'A1'], ['Pohon Kinerja', 'PohonKinerja', 'A1'],
      ['Indikator', 'Indikator', 'A1'], ['Crosscutting', 'Crosscutting', 'A1'],
    ]);
    // …and the hidden list sheet (key lists of the conditional formats), which holds no table.
    expect(sheets.map((s) => s.tables)).toEqual([['Info'], ['Jabatan'], ['PohonKinerja'], ['Indikator'], ['Crosscutting'], []]);
  });

  it('writes a year column for each year of the period', async () => {
    await written;
    const { snapshot } = await readXlsx(file);
    const pohon = snapshot.tables.find((t) => t.name === 'PohonKinerja')!;
    const indikator = snapshot.tables.find((t) => t.name === 'Indikator')!;
    expect(pohon.header.filter((h) => String(h).startsWith('Pagu'))).toEqual(['Pagu 2025', 'Pagu 2026', 'Pagu 2027', 'Pagu 2028', 'Pagu 2029']);
    expect(indikator.header.filter((h) => String(h).startsWith('Target'))).toEqual(['Target 2025', 'Target 2026', 'Target 2027', 'Target 2028', 'Target 2029']);
    expect(pohon.rows).toEqual([]);
  });

  it('pre-fills Info with the keys and the given values', async () => {
    await written;
    const { snapshot } = await readXlsx(file);
    expect(snapshot.tables[0].rows).toEqual([
      ['Pemda', 'Kabupaten Contoh'], ['Kode Pemda', '32.04'], ['Jenis Pemda', 'Kabupaten'],
      ['Kode OPD', '1.02.0.00.0.00.01.0000'], ['Nama OPD', 'Dinas Kesehatan'], ['Jenis Periode', 'Renstra'],
      ['Tahun Awal', 2025], ['Tahun Akhir', 2029], ['Versi Nomenklatur', 'Kepmendagri 900.1-2850/2025'],
    ]);
  });

  it('stores dropdowns in the file, Penanggung Jawab following the Jabatan table as it grows', async () => {
    await written;
    const wb = await loadFull(file);
    const pohon = wb.getWorksheet('Pohon Kinerja') as WithValidations;
    expect(pohon.dataValidations.model.C2).toMatchObject({ type: 'list', formulae: ['"Tujuan,Sasaran Strategis,Sasaran Program,Sasaran Kegiatan,Sasaran Sub Kegiatan"'] });
    expect(pohon.dataValidations.model.G2000.formulae).toEqual(['INDIRECT("Jabatan[ID Jabatan]")']);
    const ind = wb.getWorksheet('Indikator') as WithValidations;
    expect(ind.dataValidations.model.D2.formulae).toEqual(['"Positif,Negatif,Rentang"']);
    const info = wb.getWorksheet('Info') as WithValidations;
    expect(info.dataValidations.model.B4.formulae).toEqual(['"Provinsi,Kabupaten,Kota"']);
  });

  it('stores the conditional formats with red and amber fills', async () => {
    await written;
    const wb = await loadFull(file);
    const cf = (wb.getWorksheet('Pohon Kinerja') as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(cf.length).toBeGreaterThan(20);
    const fills = new Set(cf.map((c) => c.rules[0].style.fill.bgColor.argb));
    expect(fills).toEqual(new Set(['FFFFC7CE', 'FFFFEB9C']));
    // Lookups into another sheet follow that table: INDIRECT over a structured reference.
    expect(cf.some((c) => c.ref === 'A2:A2001' && c.rules[0].formulae[0].includes('INDIRECT("Indikator[ID Node]")'))).toBe(true);
  });

  it('formats ID and code columns as text and pagu as whole rupiah, with a frozen header', async () => {
    await written;
    const wb = await loadFull(file);
    const ws = wb.getWorksheet('Pohon Kinerja')!;
    for (const col of ['A', 'B', 'E']) expect(ws.getColumn(col).numFmt).toBe('@');
    expect(ws.getColumn('I').numFmt).toBe('#,##0');
    expect(wb.getWorksheet('Jabatan')!.getColumn('E').numFmt).toBe('@');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn('D').width).toBe(50);
  });
});

describe('templateParams', () => {
  const good = {
    pemda: 'Kabupaten Contoh', 'kode-pemda': '32.04', jenis: 'KABUPATEN', opd: '1.02.0.00.0.00.01.0000',
    'nama-opd': 'Dinas Kesehatan', 'tahun-awal': '2025', 'tahun-akhir': '2029',
  };

  it('accepts the arguments and fills the defaults', () => {
    expect(templateParams(good)).toMatchObject({ jenisPemda: 'Kabupaten', versiNomenklatur: 'Kepmendagri 900.1-2850/2025', jenisPeriode: 'Renstra' });
    expect(templateParams({ ...good, opd: 'pemda' })).toMatchObject({ kodeOpd: 'PEMDA', jenisPeriode: 'RPJMD' });
  });

  it('reports every wrong argument at once, in both languages', () => {
    let err: unknown;
    try {
      templateParams({ ...good, jenis: 'desa', opd: '1.02', 'tahun-awal': '2029', 'tahun-akhir': '2025', versi: 'Permendagri 1/2000', pemda: '' });
    } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UsageError);
    const { id, en } = (err as UsageError).bilingual;
    expect(id.split('\n')).toHaveLength(5);
    expect(id).toContain('--jenis harus provinsi, kabupaten atau kota');
    expect(en).toContain('Period 2029–2025 is invalid');
    expect(en).toContain('Unknown --versi');
  });
});
