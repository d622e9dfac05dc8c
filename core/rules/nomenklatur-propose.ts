/**
 * N01's suggestion: the reference code whose name matches the box, so the message says which
 * code was meant (SAKIP.md §5: messages that suggest the fix). First an exact `Nomenklatur`
 * name, then the name sharing most words with the `Nomenklatur` or the statement; codes under
 * the box's nearest coded ancestor win a tie. Silent when no list is loaded or nothing fits.
 */
import type { Box } from '../model.js';
import { nameKey, resolvePlaceholder, startsWithCode } from '../nomenklatur/code.js';
import type { NomenklaturEntry } from '../nomenklatur/types.js';
import type { RuleContext } from './context.js';
import { facts, nearestCodedAncestor, refIndex } from './nomenklatur-common.js';

/** Words of a name or statement, without the condition verbs and particles that every statement has. */
const SKIP = new Set(['dan', 'yang', 'di', 'ke', 'dari', 'pada', 'untuk', 'dengan', 'dalam', 'serta', 'atau', 'meningkatnya', 'menurunnya', 'terwujudnya', 'tersedianya', 'terlaksananya', 'terkelolanya', 'pengelolaan', 'penyediaan', 'penyelenggaraan', 'pelaksanaan']);
const words = (s: string) => new Set(s.toLowerCase().replace(/[^a-z0-9\s]/g, ' ').split(/\s+/).filter((w) => w.length > 1 && !SKIP.has(w)));

interface Candidate { e: NomenklaturEntry; key: string; words: Set<string> }
const cache = new WeakMap<object, Map<string, Candidate[]>>();

function candidates(ctx: RuleContext, level: string): Candidate[] {
  const index = refIndex(ctx);
  if (!index?.entries) return [];
  const jenis = ctx.tree.config.jenisPemda;
  let byLevel = cache.get(index);
  if (!byLevel) { byLevel = new Map(); cache.set(index, byLevel); }
  const k = `${jenis}|${level}`;
  let list = byLevel.get(k);
  if (!list) {
    list = [];
    for (const e of index.entries(jenis)) if (e.level === level) list.push({ e, key: nameKey(e.nama), words: words(e.nama) });
    byLevel.set(k, list);
  }
  return list;
}

/** ` Maksud Anda 1.02.02.2.02.0015 (Pengelolaan …)?` or nothing. */
export function proposeCode(ctx: RuleContext, box: Box): { id: string; en: string } {
  const level = box.level?.nomenklatur;
  if (!level) return { id: '', en: '' };
  const list = candidates(ctx, level);
  if (!list.length) return { id: '', en: '' };
  const bidang = facts(ctx).bidang;
  const anc = nearestCodedAncestor(box);
  const under = (e: NomenklaturEntry) => (anc ? startsWithCode(e.kode, anc.kode.trim(), bidang) : false);
  const pick = (hits: Candidate[]): Candidate[] => {
    const inside = hits.filter((c) => under(c.e));
    return inside.length ? inside : hits;
  };
  let hits: Candidate[] = [];
  const nama = nameKey(box.nomenklatur);
  if (nama) hits = pick(list.filter((c) => c.key === nama));
  for (const text of [box.nomenklatur, box.pernyataan]) {
    if (hits.length) break;
    const w = words(text);
    if (w.size < 2) continue;
    let best = 0;
    let top: Candidate[] = [];
    for (const c of list) {
      let shared = 0;
      for (const x of c.words) if (w.has(x)) shared++;
      if (shared < 2) continue;
      const score = shared / Math.max(c.words.size, 1) + (under(c.e) ? 0.01 : 0);
      if (score > best + 1e-9) { best = score; top = [c]; } else if (Math.abs(score - best) <= 1e-9) top.push(c);
    }
    if (best >= 0.6) hits = top;
  }
  if (!hits.length || hits.length > 3) return { id: '', en: '' };
  const kodeOpd = ctx.tree.config.kodeOpd;
  const shown = hits.map((c) => `${resolvePlaceholder(c.e.kode, kodeOpd)} (${c.e.nama})`).join(' atau ');
  const shownEn = hits.map((c) => `${resolvePlaceholder(c.e.kode, kodeOpd)} (${c.e.nama})`).join(' or ');
  return { id: ` Maksud Anda ${shown}?`, en: ` Did you mean ${shownEn}?` };
}
