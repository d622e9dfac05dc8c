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

/** A laid-out subtree in relative units: its nodes' x offsets and its contours per depth. */
interface Sub {
  /** node id → x of the box centre relative to the subtree root's centre. */
  xs: { node: LayoutInput; dx: number; depth: number; parentId: string | null }[];
  left: number[];
  right: number[];
}

function shiftSub(s: Sub, by: number): Sub {
  return {
    xs: s.xs.map((n) => ({ ...n, dx: n.dx + by })),
    left: s.left.map((v) => v + by),
    right: s.right.map((v) => v + by),
  };
}

/** Lays out one subtree with an explicit stack (deep trees must not overflow the call stack). */
function layoutSub(root: LayoutInput, unit: number, parentId: string | null): Sub {
  type Frame = { node: LayoutInput; parentId: string | null; done: Sub[] };
  const stack: Frame[] = [{ node: root, parentId, done: [] }];
  let result: Sub | null = null;
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.done.length < f.node.children.length) {
      stack.push({ node: f.node.children[f.done.length], parentId: f.node.id, done: [] });
      continue;
    }
    stack.pop();
    const sub = combine(f.node, f.parentId, f.done, unit);
    if (stack.length) stack[stack.length - 1].done.push(sub);
    else result = sub;
  }
  return result as Sub;
}

/** Places the children's subtrees left to right at the closest contour distance, centres the parent. */
function combine(node: LayoutInput, parentId: string | null, kids: Sub[], unit: number): Sub {
  if (!kids.length) return { xs: [{ node, dx: 0, depth: 0, parentId }], left: [0], right: [0] };
  let acc = kids[0];
  const offsets = [0];
  for (let k = 1; k < kids.length; k++) {
    const next = kids[k];
    let shift = -Infinity;
    const common = Math.min(acc.right.length, next.left.length);
    for (let d = 0; d < common; d++) shift = Math.max(shift, acc.right[d] - next.left[d] + unit);
    const placed = shiftSub(next, shift);
    offsets.push(shift);
    const left = acc.left.slice();
    const right = acc.right.slice();
    for (let d = 0; d < placed.left.length; d++) {
      if (d >= left.length) { left.push(placed.left[d]); right.push(placed.right[d]); }
      else right[d] = placed.right[d];
    }
    acc = { xs: acc.xs.concat(placed.xs), left, right };
  }
  // Centre the parent over its first and last child.
  const mid = (offsets[0] + offsets[offsets.length - 1]) / 2;
  const children = shiftSub(acc, -mid);
  return {
    xs: [{ node, dx: 0, depth: 0, parentId }, ...children.xs.map((n) => ({ ...n, depth: n.depth + 1 }))],
    left: [0, ...children.left],
    right: [0, ...children.right],
  };
}

export function tidyLayout(roots: readonly LayoutInput[], opts: LayoutOptions = {}): TreeLayout {
  const w = opts.boxWidth ?? 180;
  const h = opts.boxHeight ?? 72;
  const gx = opts.gapX ?? 16;
  const gy = opts.gapY ?? 40;
  const unit = w + gx;
  // The forest is a tree under an invisible root; its row is dropped afterwards.
  const virtual: LayoutInput = { id: '\u0000root', children: [...roots] };
  const sub = layoutSub(virtual, unit, null);
  const real = sub.xs.filter((n) => n.depth > 0);
  const minDx = real.length ? Math.min(...real.map((n) => n.dx)) : 0;
  const nodes: PlacedNode[] = real.map((n) => ({
    id: n.node.id,
    x: n.dx - minDx,
    y: (n.depth - 1) * (h + gy),
    width: w,
    height: h,
    depth: n.depth - 1,
    parentId: n.parentId === virtual.id ? null : n.parentId,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = nodes.filter((n) => n.parentId !== null).map((n) => ({ from: n.parentId as string, to: n.id }));
  const width = nodes.length ? Math.max(...nodes.map((n) => n.x)) + w : 0;
  const height = nodes.length ? Math.max(...nodes.map((n) => n.y)) + h : 0;
  return { nodes, byId, edges, width, height };
}
