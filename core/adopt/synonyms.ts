/**
 * More header synonyms (Bahasa Indonesia) for canonical tables that planners renamed. They
 * extend `core/layout/tables.ts` column specs rather than replace them; matching stays
 * `headerKey` based (case, spacing and punctuation ignored) through `matchesColumn`.
 */
import type { ColumnSpec, TableSpec } from '../layout/tables.js';

type Extra = (year?: number) => string[];

const EXTRA: Record<string, Record<string, Extra>> = {
  pohon: {
    id: () => ['ID Kotak', 'Kode Kotak', 'No Kotak', 'ID Pohon'],
    induk: () => ['ID Parent', 'Kode Induk', 'Induk Kotak', 'Parent ID', 'ID Atas'],
    level: () => ['Tingkatan', 'Level Kinerja', 'Jenjang Pohon', 'Level Kotak'],
    pernyataan: () => ['Pernyataan Kinerja/Sasaran', 'Uraian Kinerja', 'Kondisi yang Diharapkan', 'Sasaran Kinerja', 'Pernyataan Sasaran'],
    kode: () => ['Kode Program/Kegiatan', 'Kode Program', 'Kode Kegiatan'],
    nomenklatur: () => ['Nama Program/Kegiatan', 'Program/Kegiatan/Sub Kegiatan', 'Nomenklatur Program/Kegiatan', 'Program/Kegiatan'],
    penanggungJawab: () => ['Penanggungjawab', 'Unit Kerja Penanggung Jawab', 'Pemilik Kinerja', 'ID Penanggung Jawab', 'Pemilik Kotak'],
    refPemda: () => ['Sasaran RPJMD', 'ID Sasaran Pemda', 'Induk Pemda'],
    pagu: (y) => [`Anggaran Tahun ${y}`, `Pagu Indikatif ${y}`, `Dana ${y}`, `Rp ${y}`, `Pagu Tahun ${y}`],
  },
  indikator: {
    nodeId: () => ['ID Kotak', 'Kode Kotak', 'ID Pohon Kinerja', 'ID Sasaran'],
    nama: () => ['Uraian Indikator', 'Indikator Kinerja Utama', 'Nama Indikator Kinerja'],
    satuan: () => ['Satuan Indikator', 'Unit Satuan'],
    polaritas: () => ['Arah', 'Arah Indikator', 'Polarisasi'],
    akumulasi: () => ['Cara Akumulasi', 'Sifat Akumulasi', 'Sifat Data'],
    definisi: () => ['Definisi', 'Definisi Operasional Indikator'],
    formula: () => ['Cara Perhitungan', 'Rumus Perhitungan'],
    sumberData: () => ['Sumber', 'Sumber Data Indikator'],
    kondisiAwal: () => ['Capaian Awal', 'Kondisi Kinerja Awal', 'Data Awal', 'Kondisi Awal Periode'],
    target: (y) => [`Target Tahun ${y}`, `T ${y}`, `Target Kinerja ${y}`],
    kondisiAkhir: () => ['Target Akhir', 'Kondisi Kinerja Akhir', 'Target Akhir Periode', 'Kondisi Akhir Periode'],
  },
  jabatan: {
    id: () => ['ID', 'Kode'],
    nama: () => ['Nama Jabatan Struktural'],
    atasan: () => ['Atasan Langsung', 'ID Atasan Langsung'],
    nip: () => ['NIP Pejabat'],
    namaPejabat: () => ['Nama Pegawai', 'Nama Pemangku'],
    unitKerja: () => ['Unit', 'Bidang', 'Bagian'],
  },
};

function extraFor(table: string, c: ColumnSpec): string[] {
  const t = EXTRA[table];
  if (!t) return [];
  const m = /^(pagu|target):(\d{4})$/.exec(c.key);
  if (m) return t[m[1]]?.(Number(m[2])) ?? [];
  return t[c.key]?.() ?? [];
}

/** The spec with the extra synonyms appended to each column. */
export function withSynonyms(spec: TableSpec): TableSpec {
  return {
    ...spec,
    columns: spec.columns.map((c) => {
      const extra = extraFor(spec.key, c);
      return extra.length ? { ...c, synonyms: [...(c.synonyms ?? []), ...extra] } : c;
    }),
  };
}

/** Columns a sheet must have to be taken for a canonical table, besides the header text. */
export const KEY_COLUMNS: Record<string, string[]> = {
  info: ['kunci', 'nilai'],
  jabatan: ['id', 'jenjang'],
  pohon: ['id', 'level', 'pernyataan'],
  indikator: ['nodeId', 'nama'],
  crosscutting: ['nodeId', 'opdTujuan'],
};
