/**
 * `pokin rules [ID…] [--json] [--lang id|en]`: the rule catalogue as help. Without an ID, every
 * rule with its severity and title; with IDs, each one's title, when it runs and how to fix it.
 * Exit 0, or 2 for an ID that is not in the catalogue.
 */
import { RULE_CATALOG, RULE_IDS, ruleHelp, SEVERITY_WORD, type RuleHelp } from '../../core/rules/catalog.js';
import { langOf, parse, UsageError } from '../args.js';
import type { Lang } from '../format.js';
import type { CommandIO } from './validate.js';

export const RULES_HELP: Record<Lang, string> = {
  id: `pokin rules [ID…] [--json] [--lang id|en]

  Daftar aturan validasi (SAKIP.md §5, §12) dengan judul dan cara memperbaikinya.
  Tanpa ID: semua aturan. Dengan ID (mis. pokin rules K01 N03): rincian aturan itu.`,
  en: `pokin rules [ID…] [--json] [--lang id|en]

  The validation rules (SAKIP.md §5, §12) with a title and how to fix them.
  Without an ID: every rule. With IDs (e.g. pokin rules K01 N03): those rules in detail.`,
};

const RUN: Record<Lang, Record<string, string>> = {
  id: { Live: 'saat menyunting', Ref: 'dengan data rujukan', Final: 'saat finalisasi', Server: 'di server (konsolidasi)' },
  en: { Live: 'while editing', Ref: 'with reference data', Final: 'at finalisation', Server: 'on the server (consolidation)' },
};

function severityText(h: RuleHelp, lang: Lang): string {
  if (h.severity === 'E/W') return `${SEVERITY_WORD[lang].E}/${SEVERITY_WORD[lang].W}`;
  return SEVERITY_WORD[lang][h.severity];
}

export function ruleDetail(h: RuleHelp, lang: Lang): string {
  const en = lang === 'en';
  return [
    `${h.id} · ${h.title[lang]}`,
    `  ${en ? 'Severity' : 'Tingkat'}: ${severityText(h, lang)} · ${en ? 'runs' : 'dijalankan'} ${h.run.map((r) => RUN[lang][r]).join(', ')}`,
    `  ${en ? 'How to fix' : 'Cara memperbaiki'}: ${h.fix[lang]}`,
  ].join('\n');
}

export async function runRules(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const lang = langOf(values.lang);
  if (values.help) { io.out(RULES_HELP[lang]); return 0; }
  const ids = positionals.length ? positionals.map((p) => p.trim().toUpperCase()) : [...RULE_IDS];
  const unknown = ids.filter((id) => !RULE_CATALOG[id]);
  if (unknown.length) {
    throw new UsageError({
      id: `Aturan tidak dikenal: ${unknown.join(', ')}. Lihat "pokin rules" untuk daftarnya.`,
      en: `Unknown rule: ${unknown.join(', ')}. See "pokin rules" for the list.`,
    });
  }
  const helps = ids.map((id) => ruleHelp(id) as RuleHelp);
  if (values.json) {
    io.out(JSON.stringify(helps.map((h) => ({ id: h.id, severity: h.severity, run: h.run, title: h.title[lang], fix: h.fix[lang] }))));
    return 0;
  }
  if (positionals.length) io.out(helps.map((h) => ruleDetail(h, lang)).join('\n\n'));
  else io.out(helps.map((h) => `${h.id}  ${severityText(h, lang).padEnd(lang === 'en' ? 13 : 16)}  ${h.title[lang]}`).join('\n'));
  return 0;
}
