/** Reference nomenclature (Kepmendagri code lists), as the rules consume it. */
import type { JenisPemda, NomenklaturType } from '../config.js';

export type NomenklaturLevel = 'urusan' | 'bidang_urusan' | NomenklaturType;

export interface NomenklaturEntry {
  kode: string;
  level: NomenklaturLevel;
  nama: string;
  /** Sub kegiatan only, where the list gives them (050-5889/2021 on). */
  kinerja?: string;
  indikator?: string;
  satuan?: string;
}

export interface NomenklaturIndex {
  /** Which list this is (e.g. `Kepmendagri 050-3708/2020`), for messages. */
  source: string;
  /** False when the list is known to be incomplete for the workbook's version: N03 is then a warning. */
  complete: boolean;
  /** Looks a code up for a jenis pemda; `X.XX` and OPD-bidang aliasing are the caller's job. */
  lookup(kode: string, jenis: JenisPemda | null): NomenklaturEntry | undefined;
  /** Every entry valid for a jenis pemda (N01 proposes the code whose name matches); optional for custom indexes. */
  entries?(jenis: JenisPemda | null): Iterable<NomenklaturEntry>;
}
