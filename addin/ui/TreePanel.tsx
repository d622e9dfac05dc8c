/**
 * Pohon: the tree with expand/collapse and search, a legend of the coloured marks, a box's
 * details right under the box clicked (statement, code and nomenclature, owner, indicators
 * with yearly targets, pagu, and the box's own issues), and the SVG diagram (lazy).
 */
import { Button, Input, Text } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Issue } from '../../core/issues.js';
import { rupiah } from '../../core/issues.js';
import type { Box, PohonKinerja, Target } from '../../core/model.js';
import { ruleTitle } from '../../core/rules/catalog.js';
import { useLang, useT } from './i18n.js';

const Diagram = lazy(() => import('./Diagram.js'));

function targetText(t: Target | null): string {
  if (!t) return '—';
  if (t.kind === 'number') return String(t.value).replace('.', ',');
  if (t.kind === 'range') return `${t.low}–${t.high}`;
  if (t.kind === 'text') return t.text;
  return '-';
}

export function BoxDetails({ box, tree, issues = [], onSelectIssue }: { box: Box; tree: PohonKinerja; issues?: readonly Issue[]; onSelectIssue?: (i: Issue) => void }) {
  const t = useT();
  const lang = useLang();
  const owner = tree.jabatanById.get(box.penanggungJawab);
  const own = issues.filter((i) => i.id === box.id);
  const el = useRef<HTMLDivElement>(null);
  // Opened under the box clicked: the box's row and the start of its details brought into
  // view once (not on every re-validation).
  useEffect(() => { (el.current?.previousElementSibling ?? el.current)?.scrollIntoView?.({ block: 'start' }); }, [box.id]);
  return (
    <div className="pokin-details" data-testid="box-details" ref={el}>
      <Text weight="semibold">{box.id} · {box.levelName}</Text>
      <dl>
        <dt>{t('statement')}</dt><dd>{box.pernyataan || '—'}</dd>
        {box.kode && <><dt>{t('code')}</dt><dd>{box.kode}</dd></>}
        {box.nomenklatur && <><dt>{t('nomenclature')}</dt><dd>{box.nomenklatur}</dd></>}
        <dt>{t('owner')}</dt><dd>{owner ? `${owner.nama} (${owner.id})` : box.penanggungJawab || '—'}</dd>
        {box.pagu.some((p) => p !== null) && (<><dt>{t('pagu')}</dt><dd>{tree.config.years.map((y, k) => <div key={y}>{y}: {box.pagu[k] === null ? '—' : rupiah(box.pagu[k] as number)}</div>)}</dd></>)}
      </dl>
      <Text weight="semibold" block>{t('indicatorsTitle')}</Text>
      {box.indicators.map((ind, k) => (
        <div key={k} className="pokin-indicator">
          <div>{ind.nama} <i>({ind.satuan || '—'})</i></div>
          <div className="pokin-targets">{tree.config.years.map((y, i) => <span key={y}>{y}: {targetText(ind.targets[i])}</span>)}</div>
        </div>
      ))}
      <Text weight="semibold" block>{t('boxIssues')}</Text>
      {own.length === 0 ? <Text size={200} block>{t('noBoxIssues')}</Text> : (
        <ul className="pokin-issues" data-testid="box-issues">
          {own.map((i, k) => (
            <li key={k}>
              <button type="button" className="pokin-issue" onClick={() => onSelectIssue?.(i)}>
                <span className="pokin-loc"><span className={`pokin-dot sev-${i.severity}`} />{i.rule} · {ruleTitle(i.rule, lang)} · {i.sheet}!{i.cell}</span>
                <span>{lang === 'en' ? i.messageEn : i.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Roots, then any box no root reaches (a cycle, T03), so no box is hidden from the planner. */
export function treeRoots(tree: PohonKinerja | null): Box[] {
  if (!tree) return [];
  const out = tree.boxes.filter((b) => !b.parent);
  const seen = new Set<Box>();
  const walk = (b: Box) => {
    const stack = [b];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...x.children);
    }
  };
  out.forEach(walk);
  for (const b of tree.boxes) if (!seen.has(b)) { out.push(b); walk(b); }
  return out;
}

interface NodeProps {
  /** The selected box's details, shown right under it. */
  details: (b: Box) => ReactNode;
  box: Box;
  open: Set<number>;
  toggle: (i: number) => void;
  select: (b: Box) => void;
  selected: number | null;
  visible: Set<Box> | null;
  worst: Map<string, string>;
  /** Boxes above this one: a cycle (T03) must not recurse forever. */
  path?: ReadonlySet<Box>;
}

function TreeNode({ details, box, open, toggle, select, selected, visible, worst, path = new Set() }: NodeProps) {
  if (visible && !visible.has(box)) return null;
  const below = new Set(path).add(box);
  const children = box.children.filter((c) => !below.has(c));
  const isOpen = open.has(box.index) || visible !== null;
  const sev = worst.get(box.id);
  return (
    <li role="treeitem" aria-expanded={box.children.length ? isOpen : undefined} aria-selected={selected === box.index}>
      <div className="pokin-node">
        {box.children.length ? (
          <button type="button" className="pokin-twisty" aria-label={isOpen ? '−' : '+'} onClick={() => toggle(box.index)}>{isOpen ? '▾' : '▸'}</button>
        ) : <span className="pokin-twisty" />}
        <button type="button" className={`pokin-node-label${selected === box.index ? ' is-selected' : ''}`} onClick={() => select(box)} data-testid="tree-node">
          {sev && <span className={`pokin-dot sev-${sev}`} aria-label={sev} />}<b>{box.id}</b> {box.pernyataan || box.nomenklatur}
        </button>
      </div>
      {selected === box.index && details(box)}
      {isOpen && children.length > 0 && (
        <ul role="group">{children.map((c) => <TreeNode key={c.index} {...{ details, box: c, open, toggle, select, selected, visible, worst, path: below }} />)}</ul>
      )}
    </li>
  );
}

export function TreePanel({ tree, issues, onSelectBox, onSelectIssue, onInsertImage }: {
  tree: PohonKinerja | null; issues: readonly Issue[]; onSelectBox: (b: Box) => void; onSelectIssue?: (i: Issue) => void; onInsertImage?: (pngBase64: string) => Promise<void>;
}) {
  const t = useT();
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [diagram, setDiagram] = useState(false);
  const worst = useMemo(() => {
    const rank: Record<string, number> = { E: 0, W: 1, I: 2 };
    const m = new Map<string, string>();
    for (const i of issues) if (i.id && (!m.has(i.id) || rank[i.severity] < rank[m.get(i.id)!])) m.set(i.id, i.severity);
    return m;
  }, [issues]);
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q || !tree) return null;
    const keep = new Set<Box>();
    for (const b of tree.boxes) {
      if (`${b.id} ${b.pernyataan} ${b.kode} ${b.nomenklatur}`.toLowerCase().includes(q)) {
        for (let x: Box | undefined = b; x && !keep.has(x); x = x.parent) keep.add(x);
      }
    }
    return keep;
  }, [tree, query]);
  const roots = useMemo(() => treeRoots(tree), [tree]);
  if (!tree) return null;
  const toggle = (i: number) => setOpen((s) => { const n = new Set(s); if (n.has(i)) n.delete(i); else n.add(i); return n; });
  const select = (b: Box) => { setSelected(b.index); onSelectBox(b); };
  const details = (b: Box) => <BoxDetails box={b} tree={tree} issues={issues} {...(onSelectIssue ? { onSelectIssue } : {})} />;
  return (
    <section aria-label={t('tabPohon')} className="pokin-panel">
      <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder={t('search')} aria-label={t('search')} className="pokin-full" />
      <div className="pokin-row">
        <Button size="small" onClick={() => setOpen(new Set(tree.boxes.map((b) => b.index)))}>{t('expandAll')}</Button>
        <Button size="small" onClick={() => setOpen(new Set())}>{t('collapseAll')}</Button>
        <Button size="small" onClick={() => setDiagram((d) => !d)} data-testid="toggle-diagram">{diagram ? t('hideDiagram') : t('showDiagram')}</Button>
      </div>
      <Text size={200} className="pokin-legend" data-testid="legend">
        <span className="pokin-dot sev-E" />{t('errors')} <span className="pokin-dot sev-W" />{t('warnings')} <span className="pokin-dot sev-I" />{t('infos')}
      </Text>
      <ul role="tree" aria-label={t('tabPohon')} className="pokin-tree">
        {roots.map((r) => <TreeNode key={r.index} {...{ details, box: r, open, toggle, select, selected, visible, worst }} />)}
      </ul>
      {diagram && (
        <Suspense fallback={<Text>…</Text>}>
          <Diagram tree={tree} issues={issues} selected={selected} onSelect={(i) => { const b = tree.boxes[i]; if (b) select(b); }} {...(onInsertImage ? { onInsertImage } : {})} />
        </Suspense>
      )}
    </section>
  );
}
