// @vitest-environment happy-dom
/**
 * The pane's focus (issue 11 #6): live validation checks everything again when the pane window
 * gets focus or the task pane is shown again, not when it is hidden.
 */
import { describe, expect, it } from 'vitest';
import { paneFocus } from '../../addin/live/controller.js';

describe('paneFocus', () => {
  it('fires on window focus and when the pane becomes visible, and stops when removed', () => {
    const focus = paneFocus()!;
    let n = 0;
    const fn = () => { n++; };
    focus.addEventListener('focus', fn);
    focus.addEventListener('visibilitychange', fn);
    window.dispatchEvent(new Event('focus'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(n).toBe(1);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(n).toBe(2);
    focus.removeEventListener('focus', fn);
    focus.removeEventListener('visibilitychange', fn);
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(n).toBe(2);
  });
});
