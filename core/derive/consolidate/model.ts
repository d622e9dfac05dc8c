/**
 * Merges the pemda tree and every OPD's tree into one consolidated model (SAKIP.md §4.4):
 * the tables with `Kode OPD`, `Rekap OPD`, `Matriks Crosscutting` and the cross-OPD issues.
 * Pure: the backend loads the versions and decisions, this decides what they mean.
 */
import { a1 } from '../../a1.js';
import { sortIssues, type Issue } from '../../issues.js';
import type { PohonKinerja } from '../../model.js';
import { canonicalTables, type TableSpec } from '../../layout/tables.js';
import { findTable, readWorkbook } from '../../read/index.js';
import type { WorkbookSnapshot } from '../../snapshot.js';
import type { ReviewStatus, TreeCounts } from '../../wire/api.js';
import {
  CONSOLIDATED_TABLES, type CapaianIndikatorOpd, type ConsolidatedAnswer, type LkeOpd, type ConsolidatedIssue, type ConsolidatedTableKey, type ConsolidationBasis,
  type MatriksCell, type OpdSection, type RekapRow,
} from '../../wire/consolidated.js';
import { KODE_OPD_RE, OPD_PEMDA } from '../../wire/paths.js';
import { fingerprint } from './ids.js';
import { decisionIndex, effectiveStatus, treeLinks, type LinkDecision } from './links.js';
import { capaianOpd, lkeOpd, type DokumenTahun } from './dokumen.js';
import { crossOpdIssues } from './rules.js';
import { consolidatedColumns, consolidatedSheet, mapSection } from './tables.js';

export const REKAP_SHEET = 'Rekap OPD';
export const MATRIKS_CROSSCUTTING_SHEET = 'Matriks Crosscutting';

/** One OPD (or PEMDA) as the backend found it. */
export interface OpdInput {
  opd: string;
  /** The version on the chosen basis; null when there is none (never accepted). */
  snapshot: WorkbookSnapshot | null;
  version: number | null;
  status: ReviewStatus | null;
  /** Counts stored at push time for that version (errors and warnings of the OPD's own rules). */
  counts: TreeCounts | null;
  /** The latest push, whatever the basis. */
  head: { version: number; at: string } | null;
  /** With a year: the HEAD of the OPD's realisasi and LKE of that year, null when not pushed. */
  realisasi?: DokumenTahun | null;
  lke?: DokumenTahun | null;
}

export interface ConsolidateInput {
  pemda: string;
  periode: string;
  years: number[];
  basis: ConsolidationBasis;
  generatedAt: string;
  /** Every OPD with a HEAD (PEMDA included when Bappeda pushed it). */
  opds: OpdInput[];
  decisions: readonly LinkDecision[];
  /** The year of the realisasi and LKE to consolidate (`?tahun=Y`); none without one. */
  tahun?: number | null;
}

/** The whole consolidation; `page` (paging.ts) cuts it into answers. */
export type Consolidation = Omit<ConsolidatedAnswer, 'page'>;

const compareOpd = (a: string, b: string) => (a === b ? 0 : a === OPD_PEMDA ? -1 : b === OPD_PEMDA ? 1 : a < b ? -1 : 1);

export function consolidate(input: ConsolidateInput): Consolidation {
  const columns = consolidatedColumns(input.years);
  const decisions = decisionIndex(input.decisions);
  const byOpd = new Map(input.opds.map((o) => [o.opd, o]));
  const trees = new Map<string, PohonKinerja>();
  for (const o of input.opds) if (o.snapshot) trees.set(o.opd, readForRules(o.snapshot));

  // Expected OPDs: PEMDA, every HEAD, every crosscutting target named by a tree in the consolidation.
  const expected = new Set<string>([OPD_PEMDA, ...input.opds.map((o) => o.opd)]);
  for (const [opd, tree] of trees) {
    for (const l of tree.crosscutting) if (KODE_OPD_RE.test(l.opdTujuan) && l.opdTujuan !== opd) expected.add(l.opdTujuan);
  }
  const order = [...expected].sort(compareOpd);
  const present = order.filter((o) => trees.has(o));

  // Sections, with their rows placed one after the other under one header per table.
  const next = Object.fromEntries(CONSOLIDATED_TABLES.map((k) => [k, 2])) as Record<ConsolidatedTableKey, number>;
  const sections: OpdSection[] = [];
  const rowMaps = new Map<string, Record<ConsolidatedTableKey, Map<number, number>>>();
  for (const opd of present) {
    const o = byOpd.get(opd) as OpdInput;
    const tree = trees.get(opd) as PohonKinerja;
    const mapped = mapSection(opd, o.snapshot as WorkbookSnapshot, tree, input.years, columns, decisions);
    const tables = {} as OpdSection['tables'];
    const maps = {} as Record<ConsolidatedTableKey, Map<number, number>>;
    for (const k of CONSOLIDATED_TABLES) {
      tables[k] = { firstRow: next[k], rows: mapped.rows[k] };
      const first = next[k];
      maps[k] = new Map([...mapped.rowIndex[k]].map(([src, i]) => [src, first + i]));
      next[k] += mapped.rows[k].length;
    }
    rowMaps.set(opd, maps);
    sections.push({ opd, namaOpd: tree.config.namaOpd, version: o.version ?? 0, tables });
  }

  const rekapRow = new Map(order.map((opd, i) => [opd, i + 2]));
  const colOf = (table: ConsolidatedTableKey, field: string) => Math.max(0, columns[table].findIndex((c) => c.key === field));
  const issues = crossOpdIssues({
    basis: input.basis,
    pemda: trees.get(OPD_PEMDA) ?? null,
    opds: present.filter((o) => o !== OPD_PEMDA).map((opd) => ({ opd, tree: trees.get(opd) as PohonKinerja })),
    missing: order.filter((o) => !trees.has(o)).map((opd) => ({ opd, hasHead: byOpd.get(opd)?.head != null })),
    decisions,
    locate: (opd, table, sourceRow, field) => ({
      sheet: consolidatedSheet(table), cell: a1(colOf(table, field), rowMaps.get(opd)?.[table].get(sourceRow) ?? 1),
    }),
    rekapCell: (opd) => ({ sheet: REKAP_SHEET, cell: a1(0, rekapRow.get(opd) ?? 1) }),
  });
  const sorted = sortIssues(issues as Issue[]) as ConsolidatedIssue[];

  const indicators = new Map(sections.map((s) => [s.opd, s.tables.indikator.rows.length]));
  const rekap = order.map((opd) => rekapOf(opd, byOpd.get(opd), trees.get(opd), indicators.get(opd) ?? 0, sorted, input.basis));
  const matriks = matriksOf(order, trees, decisions);
  const dokumen = input.tahun ? dokumenOf(input.tahun, order, byOpd, rekap) : null;
  if (dokumen) for (const s of sections) s.capaian = dokumen.capaian.get(s.opd) ?? [];
  return {
    pemda: input.pemda, periode: input.periode, basis: input.basis, generatedAt: input.generatedAt,
    fingerprint: fingerprint([
      input.basis,
      ...order.map((o) => `${o}:${byOpd.get(o)?.version ?? '-'}:${byOpd.get(o)?.head?.version ?? '-'}`),
      ...(input.tahun ? [`tahun:${input.tahun}`, ...order.map((o) => `${o}:r${byOpd.get(o)?.realisasi?.version ?? '-'}:l${byOpd.get(o)?.lke?.version ?? '-'}`)] : []),
      ...[...input.decisions].sort((a, b) => (a.linkId < b.linkId ? -1 : 1)).map((d) => `${d.linkId}:${d.rev}`),
    ]),
    years: input.years,
    headers: Object.fromEntries(CONSOLIDATED_TABLES.map((k) => [k, columns[k].map((c) => c.header)])) as ConsolidatedAnswer['headers'],
    rekap, matriks, issues: sorted, sections,
    ...(dokumen && input.tahun ? { tahun: input.tahun, lke: dokumen.lke } : {}),
  };
}

/**
 * Capaian and LKE of the year per OPD (core/derive/consolidate/dokumen.ts); each rekap row
 * gains its `capaian` columns. An OPD without a tree on the basis has no capaian (nothing to
 * measure against) but its LKE still counts.
 */
function dokumenOf(tahun: number, order: string[], byOpd: Map<string, OpdInput>, rekap: RekapRow[]): { capaian: Map<string, CapaianIndikatorOpd[]>; lke: LkeOpd[] } {
  const capaian = new Map<string, CapaianIndikatorOpd[]>();
  const lke: LkeOpd[] = [];
  order.forEach((opd, i) => {
    const o = byOpd.get(opd);
    const c = o?.snapshot ? capaianOpd(opd, o.snapshot, o.realisasi ?? null, tahun) : null;
    if (c) capaian.set(opd, c.indikator);
    const l = o?.lke ? lkeOpd(opd, o.snapshot, o.lke) : null;
    if (l) lke.push(l);
    rekap[i].capaian = {
      realisasiVersion: o?.realisasi?.version ?? null, tw: null, jumlahIndikator: 0, dihitung: 0, capaian: null, kategori: null, serapan: null,
      ...(c?.rekap ?? {}),
      lkeVersion: l?.version ?? null, lkeNilai: l?.nilai ?? null, predikat: l?.predikat ?? null,
    };
  });
  return { capaian, lke };
}

/**
 * The model the cross-OPD rules need: boxes, levels, codes, Ref Pemda, crosscutting. The
 * Indikator table (three quarters of the cells) is left out of the read: no cross-OPD rule
 * looks at indicators, and its rows reach the consolidated sheet as they are.
 */
function readForRules(snapshot: WorkbookSnapshot): PohonKinerja {
  const indikator = findTable(snapshot, canonicalTables([]).find((t) => t.key === 'indikator') as TableSpec);
  return readWorkbook(indikator ? { tables: snapshot.tables.filter((t) => t !== indikator) } : snapshot).tree;
}

function rekapOf(opd: string, o: OpdInput | undefined, tree: PohonKinerja | undefined, indikator: number, issues: ConsolidatedIssue[], basis: ConsolidationBasis): RekapRow {
  const row: RekapRow = {
    opd, namaOpd: tree?.config.namaOpd ?? '', tujuan: 0, sasaran: 0, program: 0, kegiatan: 0, subKegiatan: 0,
    indikator, errors: o?.counts?.errors ?? 0, warnings: o?.counts?.warnings ?? 0,
    statusReviu: o?.status ?? (o?.head ? (basis === 'diterima' ? 'belum diterima' : 'diajukan') : 'belum dikirim'),
    version: o?.version ?? null, headVersion: o?.head?.version ?? null, lastPush: o?.head?.at ?? null,
  };
  for (const b of tree?.boxes ?? []) {
    const n = b.level?.nomenklatur;
    if (n === 'program') row.program++;
    else if (n === 'kegiatan') row.kegiatan++;
    else if (n === 'sub_kegiatan') row.subKegiatan++;
    else if (b.level && /^tujuan/i.test(b.level.name)) row.tujuan++;
    else if (b.level) row.sasaran++;
  }
  for (const i of issues) {
    if (i.opd !== opd) continue;
    if (i.severity === 'E') row.errors++;
    else if (i.severity === 'W') row.warnings++;
  }
  return row;
}

function matriksOf(order: string[], trees: Map<string, PohonKinerja>, decisions: ReturnType<typeof decisionIndex>): ConsolidatedAnswer['matriks'] {
  const cells = new Map<string, MatriksCell>();
  for (const [opd, tree] of trees) {
    for (const l of treeLinks(opd, tree)) {
      const k = `${opd}\u0000${l.targetOpd}`;
      let c = cells.get(k);
      if (!c) { c = { from: opd, to: l.targetOpd, disetujui: 0, menunggu: 0, ditolak: 0 }; cells.set(k, c); }
      const s = effectiveStatus(l, decisions.get(l.linkId)).status;
      if (s === 'Disetujui') c.disetujui++;
      else if (s === 'Ditolak') c.ditolak++;
      else c.menunggu++;
    }
  }
  // The pemda tree rarely has crosscutting of its own: it joins the axes only when it does.
  const axis = order.filter((o) => o !== OPD_PEMDA || [...cells.values()].some((c) => c.from === o || c.to === o));
  return { opd: axis, cells: [...cells.values()].sort((a, b) => compareOpd(a.from, b.from) || compareOpd(a.to, b.to)) };
}
