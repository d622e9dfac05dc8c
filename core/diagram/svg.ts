/**
 * The pohon kinerja as an SVG document (pure string): boxes coloured by level, marked by
 * their worst issue, connected parent → child. Used by the pane (display, SVG/PNG export)
 * and usable by any adapter. Every text is escaped; nothing from the workbook becomes markup.
 */
import type { Issue, Severity } from '../issues.js';
import type { Box, PohonKinerja } from '../model.js';
import { tidyLayout, type LayoutInput, type LayoutOptions, type TreeLayout } from './layout.js';

/** Fill colours by level order (1 = top); soft tones that keep dark text readable. */
export const LEVEL_COLOURS = ['#dbeafe', '#e0e7ff', '#dcfce7', '#fef9c3', '#ffedd5', '#fce7f3', '#ede9fe', '#e2e8f0'];
export const SEVERITY_COLOURS: Record<Severity, string> = { E: '#c50f1f', W: '#bc4b09', I: '#0f6cbd' };
const SEVERITY_RANK: Record<Severity, number> = { E: 0, W: 1, I: 2 };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** The worst severity per box ID (issues that name a box through `id`). */
export function worstByBox(issues: readonly Issue[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const i of issues) {
    if (!i.id) continue;
    const cur = out.get(i.id);
    if (!cur || SEVERITY_RANK[i.severity] < SEVERITY_RANK[cur]) out.set(i.id, i.severity);
  }
  return out;
}

/** Layout keys are row indexes: IDs may repeat in a workbook with T01 errors. */
export function layoutInput(tree: PohonKinerja, filter?: (b: Box) => boolean): LayoutInput[] {
  const make = (b: Box, seen: Set<Box>): LayoutInput => {
    seen.add(b);
    return { id: String(b.index), children: b.children.filter((c) => !seen.has(c) && (!filter || filter(c))).map((c) => make(c, seen)) };
  };
  const seen = new Set<Box>();
  const roots = tree.boxes.filter((b) => !b.parent && (!filter || filter(b)));
  const out = roots.map((r) => make(r, seen));
  // Boxes in a cycle have a parent but no root above them: draw them as roots (T03 marks them).
  for (const b of tree.boxes) if (!seen.has(b) && (!filter || filter(b))) out.push(make(b, seen));
  return out;
}

/** Splits a statement into at most `lines` lines of about `width` characters. */
export function wrap(text: string, width: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if ((cur + ' ' + w).trim().length > width && cur) {
      out.push(cur);
      cur = w;
      if (out.length === lines) break;
    } else cur = (cur + ' ' + w).trim();
  }
  if (out.length < lines && cur) out.push(cur);
  const used = out.join(' ').length;
  if (used < text.trim().length && out.length) {
    const last = out[out.length - 1];
    out[out.length - 1] = (last.length > width - 1 ? last.slice(0, width - 1) : last) + '…';
  }
  return out;
}

export interface DiagramOptions extends LayoutOptions {
  issues?: readonly Issue[];
  /** Box index to highlight (the selected box). */
  selected?: number | null;
  title?: string;
}

export interface Diagram {
  svg: string;
  layout: TreeLayout;
  width: number;
  height: number;
}

export function diagramSvg(tree: PohonKinerja, opts: DiagramOptions = {}): Diagram {
  const layout = tidyLayout(layoutInput(tree), opts);
  const worst = worstByBox(opts.issues ?? []);
  const pad = 16;
  const width = Math.max(layout.width + pad * 2, 200);
  const height = Math.max(layout.height + pad * 2, 80);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Arial, sans-serif" role="img">`);
  parts.push(`<title>${escapeXml(opts.title ?? 'Pohon Kinerja')}</title>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push('<g stroke="#8a8886" stroke-width="1.2" fill="none">');
  for (const e of layout.edges) {
    const a = layout.byId.get(e.from);
    const b = layout.byId.get(e.to);
    if (!a || !b) continue;
    const x1 = pad + a.x + a.width / 2, y1 = pad + a.y + a.height;
    const x2 = pad + b.x + b.width / 2, y2 = pad + b.y;
    const my = (y1 + y2) / 2;
    parts.push(`<path d="M${x1} ${y1}V${my}H${x2}V${y2}"/>`);
  }
  parts.push('</g>');
  for (const n of layout.nodes) {
    const box = tree.boxes[Number(n.id)];
    if (!box) continue;
    const fill = LEVEL_COLOURS[((box.level?.order ?? 8) - 1) % LEVEL_COLOURS.length];
    const sev = worst.get(box.id);
    const stroke = sev ? SEVERITY_COLOURS[sev] : '#605e5c';
    const sel = opts.selected === box.index;
    const x = pad + n.x, y = pad + n.y;
    parts.push(`<g data-index="${box.index}" data-id="${escapeXml(box.id)}" class="pokin-box" tabindex="-1">`);
    parts.push(`<rect x="${x}" y="${y}" width="${n.width}" height="${n.height}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="${sel ? 3 : sev ? 2 : 1}"/>`);
    parts.push(`<text x="${x + 8}" y="${y + 16}" font-size="11" font-weight="600" fill="#242424">${escapeXml(box.id)}${box.kode ? ' · ' + escapeXml(box.kode) : ''}</text>`);
    wrap(box.pernyataan || box.nomenklatur || '—', Math.floor(n.width / 6.2), 3).forEach((line, i) => {
      parts.push(`<text x="${x + 8}" y="${y + 32 + i * 13}" font-size="10.5" fill="#242424">${escapeXml(line)}</text>`);
    });
    if (sev) {
      parts.push(`<circle cx="${x + n.width - 10}" cy="${y + 10}" r="6" fill="${SEVERITY_COLOURS[sev]}"/>`);
      parts.push(`<text x="${x + n.width - 10}" y="${y + 13.5}" font-size="9" font-weight="700" fill="#fff" text-anchor="middle">${sev}</text>`);
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return { svg: parts.join(''), layout, width, height };
}
