/**
 * Adopting the Renja evaluation form (Permendagri 86/2017, SAKIP.md §12, last paragraph): the
 * shared matrix reader places its boxes and indicators (codes, names, indicators, Target Renja
 * as `Target <tahun>` / `Pagu <tahun>`, the Renstra end target as `Kondisi Akhir`); the hooks
 * here read the realisasi per triwulan and check the form's own arithmetic before the value
 * ledger is tallied, and `realisasiTable` writes one `Realisasi` row per indicator and quarter.
 */
import { realisasiColumns } from '../../layout/pengukuran.js';
import type { CellValue, TableSnapshot } from '../../snapshot.js';
import type { ForeignHooks } from '../foreign.js';
import type { Walker } from '../matrix.js';
import type { AdoptedTree } from '../tree.js';
import type { RenjaCheck, RenjaReport } from '../types.js';
import type { RenjaColumns } from './columns.js';
import { readRenja } from './realisasi.js';
import { checkRingkasan, footerLines, type FooterLine } from './ringkasan.js';

export { applyRenja, renjaColumns, type RenjaColumns } from './columns.js';

export interface RenjaState {
  checks: RenjaCheck[];
  footer: FooterLine[];
}

export function renjaHooks(rc: RenjaColumns, state: RenjaState): ForeignHooks {
  let read: ReturnType<typeof readRenja> | undefined;
  return {
    afterWalk: (w: Walker) => {
      read = readRenja(w, rc);
      state.checks.push(...read.checks);
      state.footer.push(...footerLines(w));
    },
    afterChecks: (w: Walker) => { if (read) state.checks.push(...checkRingkasan(w, read)); },
  };
}

const FIELD: Record<string, 'faktorPendukung' | 'faktorPenghambat' | 'solusi'> = { pendorong: 'faktorPendukung', penghambat: 'faktorPenghambat', 'tindak lanjut': 'solusi' };

/**
 * One `Realisasi` row per indicator and quarter with a realisasi or a realisasi anggaran; the
 * anggaran on the box's first indicator only (SAKIP.md §12: once per box and quarter); the
 * footer lines on the top boxes' indicators in the last quarter reported.
 */
export function realisasiTable(tree: AdoptedTree, rc: RenjaColumns, state: RenjaState): { table: TableSnapshot; report: RenjaReport } {
  const cols = realisasiColumns();
  const rows: Record<string, CellValue>[] = [];
  const quarters = new Set<number>();
  const indikator = new Set<string>();
  for (const b of tree.boxes) {
    b.indicators.forEach((ind, i) => {
      for (let q = 0; q < 4; q++) {
        const r = ind.realisasi?.[q] ?? null;
        const a = i === 0 ? (b.realisasiAnggaran?.[q] ?? null) : null;
        if (r === null && a === null) continue;
        quarters.add(q + 1);
        indikator.add(`${b.id}|${ind.nama}`);
        rows.push({ tahun: rc.tahun, periode: `TW${q + 1}`, nodeId: b.id, nama: ind.nama, realisasi: r, realisasiAnggaran: a });
      }
    });
  }
  const last = Math.max(0, ...quarters);
  const catatan: RenjaReport['catatan'] = [];
  const tops = tree.boxes.filter((b) => !b.parent && b.indicators.length);
  for (const f of state.footer) {
    const field = FIELD[f.jenis];
    const targets = rows.filter((r) => r.periode === `TW${last}` && tops.some((b) => b.id === r.nodeId));
    for (const r of targets) r[field] = r[field] ? `${String(r[field])}\n${f.text}` : f.text;
    const header = cols.find((c) => c.key === field)?.header ?? field;
    catatan.push({ row: f.row, jenis: f.jenis, text: f.text, to: targets.length ? `Realisasi TW${last} (${header}) ${targets.map((r) => r.nodeId).join(', ')}` : '' });
  }
  const table: TableSnapshot = {
    sheet: 'Realisasi', name: 'Realisasi', address: 'A1',
    header: cols.map((c) => c.header),
    rows: rows.map((r) => cols.map((c) => (c.key in r ? r[c.key] : null))),
  };
  return {
    table,
    report: {
      tahun: rc.tahun, tahunDari: rc.tahunDari,
      realisasi: { rows: rows.length, indikator: indikator.size, triwulan: [...quarters].sort() },
      checks: state.checks, catatan,
      ...(rc.tahunAkhir ? { periode: { awal: rc.tahunAkhir - 4, akhir: rc.tahunAkhir, dari: 'judul kolom Target Renstra akhir periode' } } : {}),
    },
  };
}
