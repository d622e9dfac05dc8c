/**
 * Codes and nomenclature (SAKIP.md §3, §5.4): the Live rules N01, N02, N05–N09 here; the
 * Ref rules N03, N04 and K14 in `nomenklatur-ref.ts`. Levels come from the configuration
 * (`box.level.nomenklatur`), never from level names.
 */
import { classDigit } from '../config.js';
import { issue } from '../issues.js';
import {
  bidangOf, classDigitOf, explainInvalid, exampleCode, isPlaceholder, isResolvedSupport, startsWithCode,
} from '../nomenklatur/code.js';
import type { NomenklaturLevel } from '../nomenklatur/types.js';
import type { Rule } from './context.js';
import { atKode, classFixed, facts, levelName, nearestCodedAncestor, type CodedBox } from './nomenklatur-common.js';
import { K14, N03, N04 } from './nomenklatur-ref.js';
import { proposeCode } from './nomenklatur-propose.js';

export { K14, N03, N04 };

const SEGMENT_LEVEL: Record<number, NomenklaturLevel> = { 1: 'urusan', 2: 'bidang_urusan', 3: 'program', 5: 'kegiatan', 6: 'sub_kegiatan' };

/** N01: the Kode matches no code shape of §3.2 for the version (wrong type is N08's job). */
export const N01: Rule = (ctx) => {
  const f = facts(ctx);
  for (const { box, kode, shape } of f.coded) {
    if (shape) continue;
    const guess = SEGMENT_LEVEL[kode.split('.').length] ?? box.level!.nomenklatur ?? 'program';
    const why = explainInvalid(kode, guess, f.version.widths);
    const hint = proposeCode(ctx, box);
    ctx.issues.push(issue('N01', 'E', atKode(box), {
      id: `Kode "${kode}" tidak sah untuk ${f.versi}: ${why.id}.${hint.id}`,
      en: `Code "${kode}" is not valid for ${f.versi}: ${why.en}.${hint.en}`,
    }));
  }
};

/** N02: a coded box starts with the Kode of its nearest coded ancestor + "." (X.XX ≡ the OPD's bidang). */
export const N02: Rule = (ctx) => {
  const f = facts(ctx);
  const byBox = new Map(f.coded.map((c) => [c.box, c] as const));
  for (const { box, kode, shape } of f.coded) {
    if (!shape) continue;
    const anc = nearestCodedAncestor(box);
    const a = anc && byBox.get(anc);
    // A parent whose code is of the wrong type is N08's: its children's prefixes follow from it.
    if (!a || !a.shape || a.shape !== anc!.level?.nomenklatur) continue;
    if (startsWithCode(kode, a.kode, f.bidang)) continue;
    // With the class digit put right the code fits its parent: the mistake is N05's alone.
    const fixed = classFixed(kode, ctx.tree.config.jenisPemda);
    if (fixed && startsWithCode(fixed, a.kode, f.bidang)) continue;
    const t = levelName(a.shape);
    ctx.issues.push(issue('N02', 'E', atKode(box), {
      id: `Kode ${kode} tidak diawali kode ${t.id} induknya (${a.kode}, kotak ${anc!.id}).`,
      en: `Code ${kode} does not start with the code of its parent ${t.en} (${a.kode}, box ${anc!.id}).`,
    }));
  }
};

/** N05: the kegiatan class digit matches Jenis Pemda (1 provinsi, 2 kab/kota). */
export const N05: Rule = (ctx) => {
  const f = facts(ctx);
  const jenis = ctx.tree.config.jenisPemda;
  const want = classDigit(jenis);
  if (!want) return;
  for (const { box, kode, shape } of f.coded) {
    if (shape !== 'kegiatan' && shape !== 'sub_kegiatan') continue;
    const d = classDigitOf(kode);
    if (d === want) continue;
    const has = d === '1' ? 'provinsi' : 'kabupaten/kota';
    const fixed = classFixed(kode, jenis);
    const hint = fixed ? { id: ` Maksud Anda ${fixed}?`, en: ` Did you mean ${fixed}?` } : { id: '', en: '' };
    ctx.issues.push(issue('N05', 'E', atKode(box), {
      id: `Digit kelas kegiatan pada kode ${kode} adalah ${d} (${has}), padahal Jenis Pemda ${jenis} memakai ${want}.${hint.id}`,
      en: `The kegiatan class digit of code ${kode} is ${d} (${has}), but Jenis Pemda ${jenis} uses ${want}.${hint.en}`,
    }));
  }
};

/**
 * N06: within one OPD the supporting programme is written either as `X.XX` everywhere or
 * resolved everywhere (the minority form is reported), and only to one of the OPD's bidang.
 */
export const N06: Rule = (ctx) => {
  const f = facts(ctx);
  const valid = f.coded.filter((c) => c.shape && c.shape !== 'urusan' && c.shape !== 'bidang_urusan');
  const kept = valid.filter((c) => isPlaceholder(c.kode));
  const resolved = valid.filter((c) => isResolvedSupport(c.kode));
  const reported = new Set<CodedBox>();
  if (f.bidang.length > 0) {
    for (const c of resolved) {
      const b = bidangOf(c.kode)!;
      if (f.bidang.includes(b)) continue;
      reported.add(c);
      ctx.issues.push(issue('N06', 'E', atKode(c.box), {
        id: `Kode ${c.kode} menguraikan X.XX (program penunjang) ke bidang ${b}, yang bukan bidang OPD ini (Kode OPD ${ctx.tree.config.kodeOpd}: ${f.bidang.join(', ')}).`,
        en: `Code ${c.kode} resolves X.XX (supporting programme) to bidang ${b}, which is not one of this OPD's bidang (Kode OPD ${ctx.tree.config.kodeOpd}: ${f.bidang.join(', ')}).`,
      }));
    }
  }
  if (kept.length === 0 || resolved.length === 0) return;
  // Majority wins; on a tie the form used first in row order.
  const firstKept = kept[0].box.index < resolved[0].box.index;
  const keepWins = kept.length > resolved.length || (kept.length === resolved.length && firstKept);
  const minority = keepWins ? resolved : kept;
  const example = (keepWins ? kept : resolved)[0];
  for (const c of minority) {
    if (reported.has(c)) continue;
    const msg = keepWins
      ? {
          id: `Kode ${c.kode} menulis program penunjang dengan bidang terurai, sedangkan kotak lain memakai X.XX (mis. ${example.box.id}: ${example.kode}). Dalam satu OPD pakai satu bentuk saja.`,
          en: `Code ${c.kode} writes the supporting programme with a resolved bidang, while other boxes keep X.XX (e.g. ${example.box.id}: ${example.kode}). Use one form throughout the OPD.`,
        }
      : {
          id: `Kode ${c.kode} memakai placeholder X.XX, sedangkan kotak lain menulis bidang terurai (mis. ${example.box.id}: ${example.kode}). Dalam satu OPD pakai satu bentuk saja.`,
          en: `Code ${c.kode} keeps the X.XX placeholder, while other boxes write the resolved bidang (e.g. ${example.box.id}: ${example.kode}). Use one form throughout the OPD.`,
        };
    ctx.issues.push(issue('N06', 'E', atKode(c.box), msg));
  }
};

/**
 * N07: the code's bidang (`U.BB`) is one of the OPD's bidang (X.XX exempt; a resolved
 * supporting programme is N06's). Reported once at the top of each foreign subtree.
 */
export const N07: Rule = (ctx) => {
  const f = facts(ctx);
  if (f.bidang.length === 0) return;
  const byBox = new Map(f.coded.map((c) => [c.box, c] as const));
  for (const c of f.coded) {
    if (!c.shape || c.shape === 'urusan' || isPlaceholder(c.kode) || isResolvedSupport(c.kode)) continue;
    const b = bidangOf(c.kode);
    if (!b || f.bidang.includes(b)) continue;
    const anc = nearestCodedAncestor(c.box);
    const a = anc && byBox.get(anc);
    if (a && a.shape && bidangOf(a.kode) === b) continue;
    ctx.issues.push(issue('N07', 'W', atKode(c.box), {
      id: `Bidang ${b} pada kode ${c.kode} bukan bidang OPD ini (Kode OPD ${ctx.tree.config.kodeOpd}: ${f.bidang.join(', ')}). Periksa kode atau Kode OPD di Info.`,
      en: `Bidang ${b} of code ${c.kode} is not one of this OPD's bidang (Kode OPD ${ctx.tree.config.kodeOpd}: ${f.bidang.join(', ')}). Check the code or the Kode OPD in Info.`,
    }));
  }
};

/** N08: the level's nomenclature type and the code's type agree (an empty Kode passes). */
export const N08: Rule = (ctx) => {
  const f = facts(ctx);
  for (const { box, kode, shape } of f.coded) {
    if (!shape) continue;
    const want = box.level!.nomenklatur;
    if (want === shape) continue;
    const got = levelName(shape);
    const msg = want === null
      ? {
          id: `Level ${box.level!.name} tidak memakai kode nomenklatur, tetapi berisi kode ${got.id} ${kode}. Kosongkan Kode atau ubah Level.`,
          en: `Level ${box.level!.name} takes no nomenclature code, but holds the ${got.en} code ${kode}. Clear the Kode or change the Level.`,
        }
      : {
          id: `Level ${box.level!.name} memerlukan kode ${levelName(want).id} (mis. ${exampleCode(want, f.version.widths)}), tetapi ${kode} adalah kode ${got.id}.`,
          en: `Level ${box.level!.name} needs a ${levelName(want).en} code (e.g. ${exampleCode(want, f.version.widths)}), but ${kode} is a ${got.en} code.`,
        };
    ctx.issues.push(issue('N08', 'E', atKode(box), msg));
  }
};

/** N09: the same code on two boxes of one OPD (allowed, worth a look); the later boxes are reported. */
export const N09: Rule = (ctx) => {
  const first = new Map<string, CodedBox>();
  for (const c of facts(ctx).coded) {
    const prev = first.get(c.kode);
    if (!prev) { first.set(c.kode, c); continue; }
    ctx.issues.push(issue('N09', 'W', atKode(c.box), {
      id: `Kode ${c.kode} juga dipakai kotak ${prev.box.id} (baris ${prev.box.loc.row}). Boleh (beberapa kotak untuk satu komponen), tetapi periksa kembali.`,
      en: `Code ${c.kode} is also used by box ${prev.box.id} (row ${prev.box.loc.row}). Allowed (several boxes for one component), but worth a check.`,
    }));
  }
};

export const NOMENKLATUR_RULES: Rule[] = [N01, N02, N03, N04, N05, N06, N07, N08, N09, K14];
