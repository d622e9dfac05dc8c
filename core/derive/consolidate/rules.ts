/**
 * Cross-OPD rules: what only the consolidated data can decide (SAKIP.md §5 "Server").
 * Existing IDs: T01 (Kode OPD, ID) unique · T06 Ref Pemda names an existing Sasaran Pemda ·
 * X02 crosscutting target box exists (E on the server) · X03 link still waiting · X04 target level.
 * New IDs (catalogue additions, listed in SAKIP.md §5's closing list as checks without IDs):
 *   T11 W  A Sasaran Pemda (lowest pemda level) that no OPD root references in Ref Pemda.
 *   N10 W  The same program / kegiatan / sub kegiatan code claimed by two or more OPDs. The
 *          supporting programme (`X.XX` codes, program segment `01`) is exempt: every OPD has one.
 *   J05 W  An expected OPD has no tree in the consolidation: it never pushed, or (basis
 *          diterima) none of its versions was accepted. Expected = PEMDA, every OPD with a HEAD,
 *          and every OPD named as a crosscutting target (an OPD nobody knows of cannot be expected).
 *   X05 E  (push time, functions/http/put-tree.ts) a link its target approved was removed by the source.
 */
import { levelsOfTree } from '../../config.js';
import { issue, type Bilingual, type RuleId, type Severity } from '../../issues.js';
import { TANPA_INDUK_PEMDA } from '../../layout/tables.js';
import type { Box, PohonKinerja } from '../../model.js';
import type { ConsolidatedIssue, ConsolidatedTableKey, ConsolidationBasis } from '../../wire/consolidated.js';
import { effectiveStatus, treeLinks, type LinkDecision } from './links.js';

export interface RuleTree {
  opd: string;
  tree: PohonKinerja;
}

export interface CrossRuleInput {
  basis: ConsolidationBasis;
  pemda: PohonKinerja | null;
  /** OPD trees in the consolidation (without PEMDA). */
  opds: RuleTree[];
  /** Expected OPDs without a tree, with whether they have a HEAD at all. */
  missing: { opd: string; hasHead: boolean }[];
  decisions: ReadonlyMap<string, LinkDecision>;
  /** Consolidated address of a field of an OPD's row (by its sheet row in the OPD workbook). */
  locate(opd: string, table: ConsolidatedTableKey, sourceRow: number, field: string): { sheet: string; cell: string };
  /** Consolidated address of an OPD's `Rekap OPD` row. */
  rekapCell(opd: string): { sheet: string; cell: string };
}

type Emit = (rule: RuleId, sev: Severity, opd: string, table: ConsolidatedTableKey, b: { loc: Box['loc']; id: string }, field: string, msg: Bilingual) => void;

export function crossOpdIssues(input: CrossRuleInput): ConsolidatedIssue[] {
  const out: ConsolidatedIssue[] = [];
  const emit: Emit = (rule, sev, opd, table, b, field, msg) => {
    const where = input.locate(opd, table, b.loc.row, field);
    const i = issue(rule, sev, { ...where, id: b.id }, msg) as ConsolidatedIssue;
    i.opd = opd;
    i.source = { sheet: b.loc.table.sheet, cell: (b.loc.table.cols[field] ?? b.loc.table.firstCol) + b.loc.row };
    out.push(i);
  };
  const byOpd = new Map(input.opds.map((o) => [o.opd, o.tree]));
  const all: RuleTree[] = input.pemda ? [{ opd: 'PEMDA', tree: input.pemda }, ...input.opds] : input.opds;

  // T01: (Kode OPD, ID) unique. Within one tree T01 already refuses the push; a consolidation
  // of older or imported versions may still carry one.
  for (const { opd, tree } of all) {
    for (const b of tree.boxes) {
      const first = tree.byId.get(b.id);
      if (first && first !== b) emit('T01', 'E', opd, 'pohon', b, 'id', { id: `(${opd}, ${b.id}) ganda dalam data konsolidasi.`, en: `(${opd}, ${b.id}) is duplicated in the consolidated data.` });
    }
  }

  // T06 (exists) and T11.
  const sasaran = input.pemda ? lowestPemdaBoxes(input.pemda) : null;
  const referenced = new Set<string>();
  for (const { opd, tree } of input.opds) {
    for (const r of tree.boxes) {
      if (r.induk !== '' || r.refPemda === '') continue;
      if (r.refPemda.toLowerCase() === TANPA_INDUK_PEMDA.toLowerCase()) continue;
      referenced.add(r.refPemda);
      if (!sasaran || !input.pemda) continue;
      if (sasaran.has(r.refPemda)) continue;
      const other = input.pemda.byId.get(r.refPemda);
      emit('T06', 'E', opd, 'pohon', r, 'refPemda', other
        ? { id: `Ref Pemda "${r.refPemda}" adalah kotak ${other.levelName} pohon pemda, bukan Sasaran Pemda.`, en: `Ref Pemda "${r.refPemda}" is a ${other.levelName} box of the pemda tree, not a Sasaran Pemda.` }
        : { id: `Ref Pemda "${r.refPemda}" tidak ada di pohon pemda.`, en: `Ref Pemda "${r.refPemda}" does not exist in the pemda tree.` });
    }
  }
  if (sasaran) {
    for (const b of sasaran.values()) {
      if (referenced.has(b.id)) continue;
      emit('T11', 'W', 'PEMDA', 'pohon', b, 'id', {
        id: `Sasaran Pemda "${b.id}" belum dirujuk oleh akar pohon OPD mana pun (Ref Pemda).`,
        en: `Sasaran Pemda "${b.id}" is not referenced by any OPD root (Ref Pemda).`,
      });
    }
  }

  // N10: one code, two OPDs.
  const claims = new Map<string, { opd: string; box: Box }[]>();
  for (const { opd, tree } of input.opds) {
    for (const b of tree.boxes) {
      if (!b.level?.nomenklatur || b.kode === '' || isSupporting(b.kode)) continue;
      const list = claims.get(b.kode) ?? [];
      if (!claims.has(b.kode)) claims.set(b.kode, list);
      list.push({ opd, box: b });
    }
  }
  for (const [kode, list] of claims) {
    const opds = [...new Set(list.map((c) => c.opd))];
    if (opds.length < 2) continue;
    for (const c of list) {
      const others = opds.filter((o) => o !== c.opd).join(', ');
      emit('N10', 'W', c.opd, 'pohon', c.box, 'kode', {
        id: `Kode ${kode} juga dipakai oleh OPD ${others}.`, en: `Code ${kode} is also claimed by OPD ${others}.`,
      });
    }
  }

  // X02 (target box exists, E on the server), X03 (waiting), X04 (target level).
  const missing = new Map(input.missing.map((m) => [m.opd, m]));
  for (const { opd, tree } of input.opds) {
    for (const link of treeLinks(opd, tree)) {
      const at = { loc: link.row.loc, id: link.nodeId };
      const target = byOpd.get(link.targetOpd);
      if (!target) {
        const m = missing.get(link.targetOpd);
        emit('X02', 'E', opd, 'crosscutting', at, 'opdTujuan', m?.hasHead && input.basis === 'diterima'
          ? { id: `OPD tujuan ${link.targetOpd} belum punya versi pohon yang diterima; kotak ${link.nodeTujuan} tidak dapat diperiksa.`, en: `Target OPD ${link.targetOpd} has no accepted tree version; box ${link.nodeTujuan} cannot be checked.` }
          : { id: `OPD tujuan ${link.targetOpd} belum mengirim pohon; kotak ${link.nodeTujuan} tidak ada.`, en: `Target OPD ${link.targetOpd} has not pushed a tree; box ${link.nodeTujuan} does not exist.` });
      } else {
        const tb = target.byId.get(link.nodeTujuan);
        if (!tb) {
          emit('X02', 'E', opd, 'crosscutting', at, 'nodeTujuan', {
            id: `Kotak ${link.nodeTujuan} tidak ada di pohon OPD ${link.targetOpd}.`, en: `Box ${link.nodeTujuan} does not exist in the tree of OPD ${link.targetOpd}.`,
          });
        } else {
          const sb = tree.byId.get(link.nodeId);
          if (sb?.level && tb.level && tb.level.order < sb.level.order) {
            emit('X04', 'W', opd, 'crosscutting', at, 'nodeTujuan', {
              id: `Kotak tujuan ${link.nodeTujuan} (${tb.level.name}) berada di atas level kotak ${link.nodeId} (${sb.level.name}); kontribusi biasanya pada level yang sama atau lebih rendah.`,
              en: `Target box ${link.nodeTujuan} (${tb.level.name}) is above the level of box ${link.nodeId} (${sb.level.name}); a contribution normally sits at the same level or lower.`,
            });
          }
        }
      }
      const e = effectiveStatus(link, input.decisions.get(link.linkId));
      if (e.status === 'Menunggu') {
        emit('X03', 'W', opd, 'crosscutting', at, 'status', {
          id: `Crosscutting ${link.nodeId} → ${link.targetOpd} masih menunggu persetujuan OPD tujuan.`,
          en: `Crosscutting ${link.nodeId} → ${link.targetOpd} is still waiting for the target OPD's decision.`,
        });
      } else if (e.status === 'Ditolak' && e.alasanTolak === '') {
        emit('X03', 'W', opd, 'crosscutting', at, 'alasanTolak', {
          id: `Crosscutting ${link.nodeId} → ${link.targetOpd} ditolak tanpa Alasan Tolak.`, en: `Crosscutting ${link.nodeId} → ${link.targetOpd} was rejected without Alasan Tolak.`,
        });
      }
    }
  }

  // J05: expected, but nothing to consolidate.
  for (const m of input.missing) {
    // The pemda's own tree (Kode OPD `PEMDA`) is Bappeda's, not an OPD's.
    const who = m.opd === 'PEMDA' ? { id: 'Pohon kinerja pemda (Bappeda)', en: "The pemda's tree (Bappeda)" } : { id: `OPD ${m.opd}`, en: `OPD ${m.opd}` };
    const i = issue('J05', 'W', input.rekapCell(m.opd), m.hasHead
      ? { id: `${who.id} belum punya versi pohon yang diterima.`, en: `${who.en} has no accepted tree version.` }
      : m.opd === 'PEMDA'
        ? { id: `${who.id} belum pernah dikirim.`, en: `${who.en} has never been pushed.` }
        : { id: `${who.id} belum pernah mengirim pohon kinerja.`, en: `${who.en} has never pushed a performance tree.` }) as ConsolidatedIssue;
    i.opd = m.opd;
    out.push(i);
  }
  return out;
}

/** `X.XX…` and program `01` (program penunjang urusan) belong to every OPD (SAKIP.md §3.3, §3.6). */
function isSupporting(kode: string): boolean {
  return kode.includes('X.XX') || kode.split('.')[2] === '01';
}

/** The boxes of the pemda tree at its lowest level (Sasaran Pemda by default): what OPD roots support. */
export function lowestPemdaBoxes(pemda: PohonKinerja): Map<string, Box> {
  const levels = levelsOfTree(pemda.config);
  const lowest = levels.reduce((m, l) => (l.order > m ? l.order : m), 0);
  const out = new Map<string, Box>();
  for (const b of pemda.boxes) if (b.level?.order === lowest && !out.has(b.id)) out.set(b.id, b);
  return out;
}
