/**
 * Tidy tree layout (pure): children in row order, a parent centred over its children,
 * subtrees packed as close as their contours allow (Reingold–Tilford style, contour per
 * depth), a forest laid out side by side. Top-down: depth grows along y.
 */

export interface LayoutInput {
  id: string;
  children: LayoutInput[];
}

export interface LayoutOptions {
  boxWidth?: number;
  boxHeight?: number;
  /** Horizontal gap between neighbouring boxes (also between subtrees). */
  gapX?: number;
  /** Vertical gap between levels. */
  gapY?: number;
}

export interface PlacedNode {
  id: string;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  parentId: string | null;
}

export interface TreeLayout {
  nodes: PlacedNode[];
  byId: Map<string, PlacedNode>;
  /** Parent → child connections (centre bottom to centre top). */
  edges: { from: string; to: string }[];
  width: number;
  height: number;
}

/** A laid-out subtree's contours per depth, relative to the subtree root's centre. */
interface Contour {
  left: number[];
  right: number[];
}

/**
 * Post-order with an explicit stack (deep trees must not overflow the call stack). Each
 * child's centre is stored relative to its parent's, so no subtree is ever copied; only the
 * contours (one number per depth) are.
 */
function layoutOffsets(root: LayoutInput, unit: number): Map<LayoutInput, number> {
  type Frame = { node: LayoutInput; done: Contour[] };
  const offsets = new Map<LayoutInput, number>();
  const stack: Frame[] = [{ node: root, done: [] }];
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.done.length < f.node.children.length) {
      stack.push({ node: f.node.children[f.done.length], done: [] });
      continue;
    }
    stack.pop();
    const c = combine(f.node, f.done, unit, offsets);
    if (stack.length) stack[stack.length - 1].done.push(c);
  }
  offsets.set(root, 0);
  return offsets;
}

/** Places the children's subtrees left to right at the closest contour distance, centres the parent. */
function combine(node: LayoutInput, kids: Contour[], unit: number, offsets: Map<LayoutInput, number>): Contour {
  if (!kids.length) return { left: [0], right: [0] };
  const left = kids[0].left.slice();
  const right = kids[0].right.slice();
  const shifts = [0];
  for (let k = 1; k < kids.length; k++) {
    const next = kids[k];
    let shift = -Infinity;
    const common = Math.min(right.length, next.left.length);
    for (let d = 0; d < common; d++) shift = Math.max(shift, right[d] - next.left[d] + unit);
    shifts.push(shift);
    for (let d = 0; d < next.left.length; d++) {
      if (d >= left.length) { left.push(next.left[d] + shift); right.push(next.right[d] + shift); }
      else right[d] = next.right[d] + shift;
    }
  }
  // Centre the parent over its first and last child.
  const mid = (shifts[0] + shifts[shifts.length - 1]) / 2;
  node.children.forEach((child, i) => offsets.set(child, shifts[i] - mid));
  const l = new Array<number>(left.length + 1);
  const r = new Array<number>(right.length + 1);
  l[0] = 0; r[0] = 0;
  for (let d = 0; d < left.length; d++) { l[d + 1] = left[d] - mid; r[d + 1] = right[d] - mid; }
  return { left: l, right: r };
}

export function tidyLayout(roots: readonly LayoutInput[], opts: LayoutOptions = {}): TreeLayout {
  const w = opts.boxWidth ?? 180;
  const h = opts.boxHeight ?? 72;
  const gx = opts.gapX ?? 16;
  const gy = opts.gapY ?? 40;
  const unit = w + gx;
  // The forest is a tree under an invisible root; its row is dropped afterwards.
  const virtual: LayoutInput = { id: '\u0000root', children: [...roots] };
  const offsets = layoutOffsets(virtual, unit);
  // Top-down: absolute centres from the relative offsets (the virtual root's row is dropped).
  const placed: { node: LayoutInput; cx: number; depth: number; parentId: string | null }[] = [];
  const stack: { node: LayoutInput; cx: number; depth: number; parentId: string | null }[] = [{ node: virtual, cx: 0, depth: 0, parentId: null }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.depth > 0) placed.push(f);
    for (let i = f.node.children.length - 1; i >= 0; i--) {
      const c = f.node.children[i];
      stack.push({ node: c, cx: f.cx + (offsets.get(c) ?? 0), depth: f.depth + 1, parentId: f.depth === 0 ? null : f.node.id });
    }
  }
  let minCx = Infinity;
  for (const p of placed) if (p.cx < minCx) minCx = p.cx;
  const nodes: PlacedNode[] = placed.map((p) => ({
    id: p.node.id, x: p.cx - minCx, y: (p.depth - 1) * (h + gy), width: w, height: h, depth: p.depth - 1, parentId: p.parentId,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = nodes.filter((n) => n.parentId !== null).map((n) => ({ from: n.parentId as string, to: n.id }));
  let width = 0, height = 0;
  for (const n of nodes) { width = Math.max(width, n.x + w); height = Math.max(height, n.y + h); }
  return { nodes, byId, edges, width, height };
}
