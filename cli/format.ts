/**
 * Output of `pokin validate`: the human report grouped by severity, and the JSON shape
 * other tools consume. Messages come in the chosen language (`--lang id|en`).
 */
import type { Issue, Severity } from '../core/issues.js';
import { visible } from '../core/read/ids.js';
import type { ValidationSummary } from '../core/validate.js';
import type { SheetSummary } from '../xlsx/read.js';

export type Lang = 'id' | 'en';

export interface JsonIssue {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  id?: string;
  message: string;
}

export interface JsonReport {
  summary: ValidationSummary;
  issues: JsonIssue[];
}

export function toJson(summary: ValidationSummary, issues: readonly Issue[], lang: Lang): JsonReport {
  return {
    summary: {
      boxes: summary.boxes, indicators: summary.indicators,
      errors: summary.errors, warnings: summary.warnings, infos: summary.infos,
    },
    issues: issues.map((i) => ({
      rule: i.rule, severity: i.severity, sheet: i.sheet, cell: i.cell,
      ...(i.id !== undefined ? { id: i.id } : {}),
      message: visible(lang === 'en' ? i.messageEn : i.message),
    })),
  };
}

const HEADINGS: Record<Lang, Record<Severity, string>> = {
  id: { E: 'Error', W: 'Peringatan', I: 'Info' },
  en: { E: 'Errors', W: 'Warnings', I: 'Information' },
};

/** `'Pohon Kinerja'!B7`; plain names need no quotes. */
export function location(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export function summaryLine(s: ValidationSummary, lang: Lang): string {
  return lang === 'en'
    ? `${s.boxes} boxes, ${s.indicators} indicators: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info.`
    : `${s.boxes} kotak, ${s.indicators} indikator: ${s.errors} error, ${s.warnings} peringatan, ${s.infos} info.`;
}

/** One line per issue: `sheet!cell  RULE [id]  message`, locations aligned. */
export function issueLines(group: readonly Issue[], lang: Lang): string[] {
  const locs = group.map((i) => location(i.sheet, i.cell));
  // A loop, not Math.max(...locs): spreading 100,000+ arguments overflows the stack.
  let width = 0;
  for (const l of locs) if (l.length > width) width = l.length;
  width = Math.min(28, width);
  return group.map((i, n) => {
    const id = i.id ? ` [${visible(i.id)}]` : '';
    // Zero-width and direction characters in a message are shown as ⟨U+200B⟩, never hidden.
    return `  ${locs[n].padEnd(width)}  ${i.rule}${id}  ${visible(lang === 'en' ? i.messageEn : i.message)}`;
  });
}

export function humanReport(file: string, summary: ValidationSummary, issues: readonly Issue[], lang: Lang): string {
  const lines: string[] = [`${file}`];
  for (const sev of ['E', 'W', 'I'] as const) {
    const group = issues.filter((i) => i.severity === sev);
    if (!group.length) continue;
    lines.push('', `${HEADINGS[lang][sev]} (${group.length})`);
    lines.push(...issueLines(group, lang));
  }
  lines.push('', summaryLine(summary, lang));
  if (summary.boxes === 0) {
    lines.push(lang === 'en' ? 'The tree is still empty.' : 'Pohon kinerja masih kosong.');
  } else if (summary.errors === 0) {
    lines.push(lang === 'en' ? 'No errors: the tree can be finalised.' : 'Tidak ada error: pohon kinerja dapat difinalkan.');
  }
  return lines.join('\n');
}

/** What was found in a workbook without canonical tables, so the planner sees why. */
export function describeSheets(sheets: readonly SheetSummary[], lang: Lang): string {
  if (!sheets.length) return lang === 'en' ? '  (no sheets)' : '  (tidak ada lembar)';
  return sheets.map((s) => {
    const tables = s.tables.length ? s.tables.join(', ') : '-';
    const first = s.firstRow.length
      ? `${lang === 'en' ? 'row' : 'baris'} ${s.firstRowNumber}: ${s.firstRow.map((v) => (v === null ? '' : String(v))).join(' | ')}`
      : lang === 'en' ? 'empty' : 'kosong';
    return `  - '${s.name}' (${lang === 'en' ? 'tables' : 'tabel'}: ${tables}; ${first})`;
  }).join('\n');
}
