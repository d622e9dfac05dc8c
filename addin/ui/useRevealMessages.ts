/**
 * A result message that appears behind the preview's sticky cell editor (the bottom of the
 * pane) is scrolled up into view: at 320 px a push result or a PK refusal would otherwise be
 * half hidden until the planner scrolls. Messages elsewhere (a notice at the top while the
 * planner reads further down) are left where they are.
 */
import { useEffect } from 'react';

export function useRevealMessages(root: () => HTMLElement | null): void {
  useEffect(() => {
    const el = root();
    if (!el || typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver((records) => {
      const editor = el.querySelector('.pokin-editor')?.getBoundingClientRect();
      if (!editor) return;
      for (const r of records) {
        for (const node of Array.from(r.addedNodes)) {
          if (!(node instanceof HTMLElement)) continue;
          const bar = node.matches('.fui-MessageBar') ? node : node.querySelector<HTMLElement>('.fui-MessageBar');
          if (!bar) continue;
          const box = bar.getBoundingClientRect();
          // Hidden behind the editor (it starts above the editor's bottom and ends under its top).
          if (box.bottom > editor.top && box.top < editor.bottom) bar.scrollIntoView({ block: 'nearest' });
        }
      }
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}
