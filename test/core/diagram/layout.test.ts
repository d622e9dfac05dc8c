import { describe, expect, it } from 'vitest';
import { tidyLayout, type LayoutInput } from '../../../core/diagram/layout.js';
import { diagramSvg, escapeXml, worstByBox, wrap } from '../../../core/diagram/svg.js';
import { readWorkbook } from '../../../core/read/index.js';
import { generateSnapshot } from '../../helpers/generate.js';

const n = (id: string, ...children: LayoutInput[]): LayoutInput => ({ id, children });

function overlaps(a: { x: number; y: number; width: number }, b: { x: number; y: number; width: number }): boolean {
  return a.y === b.y && a.x < b.x + b.width && b.x < a.x + a.width;
}

describe('tidyLayout', () => {
  it('centres a parent over its first and last child', () => {
    const l = tidyLayout([n('r', n('a'), n('b'), n('c'))], { boxWidth: 100, gapX: 10 });
    const [r, a, c] = ['r', 'a', 'c'].map((id) => l.byId.get(id)!);
    expect(r.x).toBe((a.x + c.x) / 2);
    expect(a.y).toBeGreaterThan(r.y);
    expect(l.edges).toHaveLength(3);
  });

  it('keeps row order and never overlaps boxes of one level, also for uneven subtrees', () => {
    const l = tidyLayout([n('r', n('a', n('a1', n('a11'), n('a12'), n('a13'))), n('b'), n('c', n('c1'), n('c2'))), n('s')]);
    for (const x of l.nodes) for (const y of l.nodes) if (x !== y) expect(overlaps(x, y)).toBe(false);
    expect(l.byId.get('a')!.x).toBeLessThan(l.byId.get('b')!.x);
    expect(l.byId.get('b')!.x).toBeLessThan(l.byId.get('c')!.x);
    expect(Math.min(...l.nodes.map((x) => x.x))).toBe(0);
  });

  it('packs a small subtree under a wide neighbour (contours, not bounding boxes)', () => {
    const wide = n('w', n('w1', n('x1'), n('x2'), n('x3'), n('x4')));
    const l = tidyLayout([n('r', wide, n('s'))], { boxWidth: 100, gapX: 10 });
    // `s` sits one unit right of `w1`, not right of w1's whole subtree.
    expect(l.byId.get('s')!.x - l.byId.get('w1')!.x).toBe(110);
  });

  it('lays out 2,000 boxes quickly without a stack overflow on deep chains', () => {
    const snap = generateSnapshot(2000);
    const tree = readWorkbook(snap).tree;
    const t0 = performance.now();
    const d = diagramSvg(tree);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(d.layout.nodes).toHaveLength(2000);
    let deep: LayoutInput = n('leaf');
    for (let i = 0; i < 5000; i++) deep = n(`d${i}`, deep);
    expect(tidyLayout([deep]).nodes).toHaveLength(5001);
  });
});

describe('diagramSvg', () => {
  it('escapes workbook text and marks the worst issue per box', () => {
    expect(escapeXml('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&apos;');
    const w = worstByBox([
      { rule: 'K08', severity: 'W', sheet: 's', cell: 'A1', id: 'X', message: '', messageEn: '' },
      { rule: 'K01', severity: 'E', sheet: 's', cell: 'A1', id: 'X', message: '', messageEn: '' },
    ]);
    expect(w.get('X')).toBe('E');
    expect(wrap('satu dua tiga empat lima enam tujuh', 10, 2)).toHaveLength(2);
    const tree = readWorkbook(generateSnapshot(20)).tree;
    tree.boxes[0].pernyataan = '<script>alert(1)</script>';
    const d = diagramSvg(tree, { issues: [{ rule: 'K01', severity: 'E', sheet: 's', cell: 'A2', id: tree.boxes[0].id, message: '', messageEn: '' }] });
    expect(d.svg).not.toContain('<script>');
    expect(d.svg).toContain('&lt;script&gt;');
    expect(d.svg).toContain('#c50f1f');
  });
});
