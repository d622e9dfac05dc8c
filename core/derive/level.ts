/**
 * The level table print view `Level 1 | Indikator | Level 2 | Indikator | …` (the layout of
 * SAKIP.md §4.5 item 2): one row per indicator, each box merged down over its subtree. The
 * title row says which configured level `Level 1` stands for, so an import can start there.
 */
import { levelsOfTree } from '../config.js';
import type { PohonKinerja } from '../model.js';
import { fitColumnWidths, fitRowHeights } from './fit.js';
import { nestedRows } from './matriks.js';
import { SheetBuilder, type Paper, type SheetSpec } from './spec.js';

export const LEVEL_SHEET = 'Tabel Level';

export interface LevelOptions {
  /** Default A4 (landscape). */
  kertas?: Paper;
}

export function levelSheet(tree: PohonKinerja, opts: LevelOptions = {}): SheetSpec {
  const levels = levelsOfTree(tree.config);
  const used = levels.filter((l) => tree.boxes.some((b) => b.level?.name === l.name));
  const first = used.length ? levels.indexOf(used[0]) : 0;
  const last = used.length ? levels.indexOf(used[used.length - 1]) : -1;
  const shown = levels.slice(first, last + 1);
  const widths = shown.flatMap(() => [34, 30]);
  const s = new SheetBuilder(LEVEL_SHEET, widths.length ? widths : [34, 30], {
    paper: opts.kertas ?? 'A4', orientation: 'landscape', fitToWidth: true, titleRows: [3, 3], pageNumbers: true,
  });
  s.spec.freezeRows = 3;
  const legend = shown.map((l, i) => `Level ${i + 1} = ${l.name}`).join('; ');
  s.merge(1, 1, 1, Math.max(2, shown.length * 2), `Pohon Kinerja ${tree.config.namaOpd}`.trim(), 'title');
  s.merge(2, 1, 2, Math.max(2, shown.length * 2), legend, 'plainCenter');
  shown.forEach((_, i) => { s.set(3, 2 * i + 1, `Level ${i + 1}`, 'header'); s.set(3, 2 * i + 2, 'Indikator', 'header'); });
  const col = new Map(shown.map((l, i) => [l.name, 2 * i + 1]));
  const { ordered, span } = nestedRows(tree, (b) => (b.level ? col.get(b.level.name) : undefined), (b) => Math.max(1, b.indicators.length));
  let row = 4;
  for (const b of ordered) {
    const c = col.get(b.level!.name) as number;
    const label = b.pernyataan || [b.kode, b.nomenklatur].filter(Boolean).join(' ');
    s.merge(row, c, row + (span.get(b) as number) - 1, c, label || null, 'text');
    const n = Math.max(1, b.indicators.length);
    for (let k = 0; k < n; k++) s.set(row + k, c + 1, b.indicators[k]?.nama ?? null, 'text');
    row += n;
  }
  return fitRowHeights(fitColumnWidths(s.spec));
}

/** The configured level the view's `Level 1` stands for (for `AdoptOptions.levelAwal`). */
export function levelOneOf(tree: PohonKinerja): string | undefined {
  return levelsOfTree(tree.config).find((l) => tree.boxes.some((b) => b.level?.name === l.name))?.name;
}
