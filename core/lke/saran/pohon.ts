/**
 * The Saran Pokin evaluators the tree, its issues and the PKs can judge (SAKIP.md §13):
 * a pokin that reaches the lowest level, SMART indicators, challenging targets, an aligned
 * cascade, crosscutting, a performance plan for every structural position. Each names the
 * rule IDs it counts; the validator (core/rules) stays the one judge of a row.
 */
import { lowestLevel } from '../../config.js';
import type { Box, RowLoc } from '../../model.js';
import type { SaranContext, SaranEvaluator, Temuan } from './types.js';
import { issuesBySheetRow, percentEn, persen, ruleCounts, sample, withIssues } from './temuan.js';

const rules = (...ids: string[]) => new Set(ids);
/** The rows a share is counted over: each item once, the first of a duplicated ID only. */
const firstBoxes = (ctx: SaranContext): Box[] => ctx.tree.boxes.filter((b) => ctx.tree.byId.get(b.id) === b);

/** Share of items without a listed issue, with the reason in both languages. */
function shareClean<T extends { loc: RowLoc }>(
  ctx: SaranContext, items: readonly T[], sheet: string | undefined, ruleIds: ReadonlySet<string>, idOf: (x: T) => string,
  what: { id: string; en: string }, extraBad = 0,
): Temuan {
  const found = issuesBySheetRow(ctx.issues, sheet, ruleIds);
  const bad = withIssues(items, found);
  const total = items.length + extraBad;
  const clean = items.length - bad.length;
  const bagian = total ? clean / total : 0;
  const list = [...ruleIds].join('/');
  if (bad.length === 0 && extraBad === 0) {
    return { bagian, alasan: {
      id: `${persen(bagian)}: ${clean} dari ${total} ${what.id} tanpa temuan ${list}.`,
      en: `${percentEn(bagian)}: ${clean} of ${total} ${what.en} without a ${list} issue.`,
    } };
  }
  const ids = sample(bad.map(idOf));
  const more = extraBad ? { id: `, ${extraBad} baris tidak terbaca (F01)`, en: `, ${extraBad} unreadable rows (F01)` } : { id: '', en: '' };
  return { bagian, alasan: {
    id: `${persen(bagian)}: ${clean} dari ${total} ${what.id} tanpa temuan ${list}; bermasalah: ${ids || '-'} (${ruleCounts(found)}${more.id}).`,
    en: `${percentEn(bagian)}: ${clean} of ${total} ${what.en} without a ${list} issue; with issues: ${ids || '-'} (${ruleCounts(found)}${more.en}).`,
  } };
}

/** A pokin exists and every branch reaches the lowest configured level (no T07). */
export const SARAN_POKIN: SaranEvaluator = {
  id: 'pokin',
  judul: { id: 'Pohon kinerja ada dan sampai level terendah', en: 'A performance tree exists and reaches the lowest level' },
  cocok: (k) => /perencanaan kinerja jangka menengah/i.test(k.teks),
  nilai: (ctx) => {
    const boxes = firstBoxes(ctx);
    const lowest = lowestLevel(ctx.tree.config)?.name ?? '-';
    if (boxes.length === 0) {
      return { bagian: 0, alasan: { id: 'Belum ada kotak di tabel PohonKinerja.', en: 'The PohonKinerja table holds no box yet.' } };
    }
    const leaves = boxes.filter((b) => b.children.length === 0);
    const found = issuesBySheetRow(ctx.issues, ctx.tree.tables.pohon?.sheet, rules('T07'));
    const short = leaves.filter((b) => found.rows.has(b.loc.row));
    const bagian = leaves.length ? (leaves.length - short.length) / leaves.length : 0;
    if (short.length === 0) {
      return { bagian, alasan: {
        id: `Pohon kinerja ada: ${boxes.length} kotak; seluruh ${leaves.length} cabang sampai ${lowest}. RPJMD dan Renstra tetap diperiksa evaluator.`,
        en: `A performance tree exists: ${boxes.length} boxes; all ${leaves.length} branches reach ${lowest}. The evaluator still checks the RPJMD and Renstra.`,
      } };
    }
    return { bagian, alasan: {
      id: `Pohon kinerja ada (${boxes.length} kotak), tetapi ${short.length} dari ${leaves.length} cabang berhenti sebelum ${lowest} (T07: ${sample(short.map((b) => b.id))}).`,
      en: `A performance tree exists (${boxes.length} boxes), but ${short.length} of ${leaves.length} branches stop above ${lowest} (T07: ${sample(short.map((b) => b.id))}).`,
    } };
  },
};

/** SMART indicators: the share with no K02/K04/K09/K11/K19 issue. */
export const SARAN_SMART: SaranEvaluator = {
  id: 'smart',
  judul: { id: 'Indikator memenuhi kriteria SMART', en: 'Indicators meet the SMART criteria' },
  cocok: (k) => /\bSMART\b/.test(k.teks),
  nilai: (ctx) => {
    const inds = ctx.tree.indikator;
    if (inds.length === 0) return { bagian: 0, alasan: { id: 'Belum ada indikator di tabel Indikator.', en: 'The Indikator table holds no indicator yet.' } };
    return shareClean(ctx, inds, ctx.tree.tables.indikator?.sheet, rules('K02', 'K04', 'K09', 'K11', 'K19'), (i) => i.nodeId,
      { id: 'indikator', en: 'indicators' });
  },
};

/** Challenging, realistic targets: the share of indicators with no K06/K18 issue. */
export const SARAN_TARGET: SaranEvaluator = {
  id: 'target',
  judul: { id: 'Target menantang dan realistis', en: 'Challenging, realistic targets' },
  cocok: (k) => /menantang/i.test(k.teks),
  nilai: (ctx) => {
    const inds = ctx.tree.indikator;
    if (inds.length === 0) return { bagian: 0, alasan: { id: 'Belum ada indikator dengan target.', en: 'No indicator with targets yet.' } };
    return shareClean(ctx, inds, ctx.tree.tables.indikator?.sheet, rules('K06', 'K18'), (i) => i.nodeId,
      { id: 'indikator', en: 'indicators' });
  },
};

/** An aligned cascade at every level: the share of boxes with no T02–T07 or J01–J03 issue. */
export const SARAN_CASCADE: SaranEvaluator = {
  id: 'cascade',
  judul: { id: 'Cascading selaras di setiap level jabatan', en: 'An aligned cascade at every position level' },
  cocok: (k) => /cascading/i.test(k.teks),
  nilai: (ctx) => {
    const boxes = firstBoxes(ctx);
    if (boxes.length === 0) return { bagian: 0, alasan: { id: 'Belum ada kotak pohon kinerja.', en: 'No box in the tree yet.' } };
    return shareClean(ctx, boxes, ctx.tree.tables.pohon?.sheet, rules('T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'J01', 'J02', 'J03'), (b) => b.id,
      { id: 'kotak', en: 'boxes' });
  },
};

/** Crosscutting: at least one link, and the share of links with no X issue. */
export const SARAN_CROSSCUTTING: SaranEvaluator = {
  id: 'crosscutting',
  judul: { id: 'Hubungan kinerja antar perangkat daerah (crosscutting)', en: 'Performance links between OPDs (crosscutting)' },
  cocok: (k) => /cross\s?-?cutting|antar perangkat daerah/i.test(k.teks),
  nilai: (ctx) => {
    const links = ctx.tree.crosscutting;
    const sheet = ctx.tree.tables.crosscutting?.sheet;
    const unreadable = new Set(ctx.issues.filter((i) => i.rule === 'F01' && i.sheet === sheet).map((i) => Number(/(\d+)$/.exec(i.cell)?.[1] ?? 0)));
    for (const l of links) unreadable.delete(l.loc.row);
    if (links.length === 0 && unreadable.size === 0) {
      return { bagian: 0, alasan: { id: 'Belum ada tautan crosscutting di tabel Crosscutting.', en: 'The Crosscutting table holds no link yet.' } };
    }
    return shareClean(ctx, links, sheet, rules('X01', 'X02', 'X03', 'X04', 'X05'), (l) => l.nodeId,
      { id: 'tautan crosscutting', en: 'crosscutting links' }, unreadable.size);
  },
};

const STRUCTURAL = new Set(['JPT Pratama', 'Administrator', 'Pengawas']);

/** Every unit sets its own performance plan: the share of structural positions that own a box (J04). */
export const SARAN_PK: SaranEvaluator = {
  id: 'pk',
  judul: { id: 'Setiap unit kerja menetapkan perencanaan kinerja (PK)', en: 'Every unit sets its performance plan (PK)' },
  cocok: (k) => /setiap unit.*(merumuskan|menetapkan).*perencanaan kinerja/i.test(k.teks),
  nilai: (ctx) => {
    const structural = ctx.tree.jabatan.filter((j) => j.jenjang !== null && STRUCTURAL.has(j.jenjang));
    if (structural.length === 0) return null;
    const without = new Set(ctx.issues.filter((i) => String(i.rule) === 'J04' && i.id !== undefined).map((i) => i.id as string));
    const missing = structural.filter((j) => without.has(j.id));
    const bagian = (structural.length - missing.length) / structural.length;
    if (missing.length === 0) {
      return { bagian, alasan: {
        id: `${persen(bagian)}: seluruh ${structural.length} jabatan struktural memegang kotak pohon kinerja, jadi masing-masing punya PK.`,
        en: `${percentEn(bagian)}: all ${structural.length} structural positions own boxes of the tree, so each has a PK.`,
      } };
    }
    return { bagian, alasan: {
      id: `${persen(bagian)}: ${missing.length} dari ${structural.length} jabatan struktural tidak memegang kotak, jadi tanpa PK (J04: ${sample(missing.map((j) => j.id))}).`,
      en: `${percentEn(bagian)}: ${missing.length} of ${structural.length} structural positions own no box, so no PK (J04: ${sample(missing.map((j) => j.id))}).`,
    } };
  },
};

export const EVALUATOR_POHON: readonly SaranEvaluator[] = [SARAN_POKIN, SARAN_SMART, SARAN_TARGET, SARAN_CASCADE, SARAN_CROSSCUTTING, SARAN_PK];
