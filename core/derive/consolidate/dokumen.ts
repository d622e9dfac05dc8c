/**
 * The year's documents in the consolidation (issues 16 item 7, 17 item 5): each OPD's capaian
 * per indicator (its tree on the consolidation's basis read with its realisasi of the year, by
 * `laporanPengukuran`, the computation `pokin pengukuran` prints) and its LKE score (by
 * `evaluasiLke`, the one `pokin lke score` prints). Pure: the backend loads the documents.
 */
import { isPengukuranTable } from '../../layout/pengukuran.js';
import { canonicalTables, type TableSpec } from '../../layout/tables.js';
import { bulat, evaluasiLke } from '../../lke/index.js';
import { laporanPengukuran } from '../../pengukuran/index.js';
import { findTable, readWorkbook } from '../../read/index.js';
import type { WorkbookSnapshot } from '../../snapshot.js';
import type { CapaianIndikatorOpd, LkeOpd, RekapCapaian } from '../../wire/consolidated.js';

/** A document of the year as the backend found it (HEAD: documents are not reviewed). */
export interface DokumenTahun {
  version: number;
  doc: WorkbookSnapshot;
}

export interface CapaianOpd {
  indikator: CapaianIndikatorOpd[];
  rekap: Pick<RekapCapaian, 'realisasiVersion' | 'tw' | 'jumlahIndikator' | 'dihitung' | 'capaian' | 'kategori' | 'serapan'>;
}

const INFO_SPEC = canonicalTables([]).find((s) => s.key === 'info') as TableSpec;

/**
 * Capaian of one OPD for `tahun`: its tree with the realisasi document (the tree's own
 * pengukuran tables, if any, are replaced). Indicators listed: the PK indicators of the year and
 * any other with realisasi; capaian against the year's target as of the latest quarter reported.
 */
export function capaianOpd(opd: string, tree: WorkbookSnapshot, realisasi: DokumenTahun | null, tahun: number): CapaianOpd {
  const tables = [...tree.tables.filter((t) => !isPengukuranTable(t.name)), ...(realisasi?.doc.tables ?? [])];
  const read = readWorkbook({ tables }).tree;
  if (!read.config.years.includes(tahun)) {
    return { indikator: [], rekap: { realisasiVersion: realisasi?.version ?? null, tw: null, jumlahIndikator: 0, dihitung: 0, capaian: null, kategori: null, serapan: null } };
  }
  const l = laporanPengukuran(read, tahun);
  return {
    indikator: l.indikator.map((i) => ({
      opd, idNode: i.idNode, indikator: i.indikator, satuan: i.satuan, iku: i.iku === true, pk: i.pk,
      targetTahun: i.targetTahun, realisasi: realisasi ? i.realisasi : null,
      capaian: realisasi ? i.capaianTahun : null, kategori: realisasi ? i.kategoriTahun : null,
      status: realisasi ? i.status : 'tidak dihitung', penanggungJawab: i.penanggungJawab,
    })),
    rekap: {
      realisasiVersion: realisasi?.version ?? null,
      tw: realisasi ? l.tw : null,
      jumlahIndikator: l.summary.jumlahIndikator,
      dihitung: realisasi ? l.summary.dihitung : 0,
      capaian: realisasi ? l.summary.capaian : null,
      kategori: realisasi ? l.summary.kategori : null,
      serapan: realisasi ? l.summary.serapan : null,
    },
  };
}

/**
 * The LKE score of one OPD: the document's criteria (`Kriteria LKE`, else the shipped list)
 * and answers, with the predikat bands of the OPD's Info (`Batas Predikat`).
 */
export function lkeOpd(opd: string, tree: WorkbookSnapshot | null, lke: DokumenTahun): LkeOpd {
  const info = tree ? findTable(tree, INFO_SPEC) : undefined;
  const e = evaluasiLke({ tables: [...(info ? [info] : []), ...lke.doc.tables] }, { saran: false });
  const jumlah = e.rekap.kriteria.length;
  return {
    opd, version: lke.version, nilai: e.rekap.totalBulat, predikat: e.rekap.predikat, label: e.rekap.label,
    terjawab: jumlah - e.rekap.belumDijawab.length, jumlahKriteria: jumlah,
    komponen: e.rekap.komponen.map((k) => ({ kode: k.kode, nama: k.nama, bobot: k.bobot, nilai: bulat(k.nilai) })),
    kriteriaSah: e.kriteriaSah,
  };
}
