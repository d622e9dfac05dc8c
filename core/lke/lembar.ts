/**
 * The `LKE` table as rows (and the `Kriteria LKE` table a variant starts from): what
 * `pokin lke template` writes, and what the Office.js adapter will write into a live
 * workbook. Rewriting never loses an answer: answers, evidence, links and evaluator notes are
 * kept by `Kode`, rows whose code the list does not know stay at the bottom.
 */
import type { Issue } from '../issues.js';
import { kriteriaLkeTableSpec, lkeTableSpec } from '../layout/lke.js';
import type { CellValue, TableSnapshot } from '../snapshot.js';
import type { BacaanJawaban } from './jawaban.js';
import { teksSaran, type Saran } from './saran/index.js';
import { nilaiDari } from './skala.js';
import type { BarisKriteria, KriteriaLke, Pilihan } from './types.js';

export interface LembarLke {
  /** The `LKE` table at A1 of sheet `LKE`, header + one row per criterion (+ unknown codes). */
  table: TableSnapshot;
  /** The answer scale of each data row (null for a row whose code the list does not know). */
  skala: (Pilihan[] | null)[];
}

/** Why a kept row is not scored, in the row's `Saran Pokin` cell. */
const ASING = {
  id: 'Kode ini tidak ada dalam daftar kriteria: jawabannya tidak dihitung (disimpan agar tidak hilang).',
  en: 'This code is not in the criteria list: its answer does not count (kept so it is not lost).',
};

export function lembarLke(kriteria: KriteriaLke, lama: BacaanJawaban | undefined, saran: ReadonlyMap<string, Saran>, lang: 'id' | 'en' = 'id'): LembarLke {
  const spec = lkeTableSpec();
  const keys = spec.columns.map((c) => c.key);
  const rows: CellValue[][] = [];
  const skala: (Pilihan[] | null)[] = [];
  const put = (v: Record<string, CellValue>) => rows.push(keys.map((k) => v[k] ?? null));
  for (const k of kriteria.semua) {
    const j = lama?.jawaban.get(k.kode);
    const jawaban = j?.jawaban ?? j?.tidakSah ?? null;
    const s = saran.get(k.kode);
    put({
      komponen: k.sub.komponen.nama,
      subKomponen: k.sub.nama,
      bobotSub: k.sub.bobot,
      kode: k.kode,
      kriteria: k.teks,
      jenisJawaban: k.jenis,
      jawaban,
      nilai: j?.jawaban ? nilaiDari(k.skala, j.jawaban) : j?.tidakSah ? '?' : null,
      buktiDukung: j && j.buktiDukung !== '' ? j.buktiDukung : k.buktiDukung || null,
      tautan: j?.tautan || null,
      saranPokin: s ? teksSaran(s, lang) : null,
      catatanEvaluator: j?.catatanEvaluator || null,
    });
    skala.push(k.skala);
  }
  for (const a of lama?.asing ?? []) {
    put({
      kode: a.kode || null, jawaban: a.jawaban ?? a.tidakSah ?? null, buktiDukung: a.buktiDukung || null,
      tautan: a.tautan || null, catatanEvaluator: a.catatanEvaluator || null, saranPokin: lang === 'en' ? ASING.en : ASING.id,
    });
    skala.push(null);
  }
  return {
    table: { sheet: spec.sheet, name: spec.table, address: 'A1', header: spec.columns.map((c) => c.header), rows },
    skala,
  };
}

/** A `Kriteria LKE` table from criteria rows (the shipped list, to start a variant from). */
export function tabelKriteriaLke(rows: readonly BarisKriteria[]): TableSnapshot {
  const spec = kriteriaLkeTableSpec();
  const asNumber = (s: string): CellValue => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  return {
    sheet: spec.sheet, name: spec.table, address: 'A1',
    header: spec.columns.map((c) => c.header),
    rows: rows.map((r) => spec.columns.map((c) => {
      const v = (r as unknown as Record<string, string | undefined>)[c.key] ?? '';
      if (v === '') return null;
      return c.kind === 'number' ? asNumber(v) : v;
    })),
  };
}

/** True when the issues say the criteria list cannot score (an error in it). */
export function kriteriaBermasalah(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'E');
}
