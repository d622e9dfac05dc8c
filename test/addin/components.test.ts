// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createElement, type ReactElement } from 'react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveResult } from '../../addin/live/controller.js';
import { LangContext } from '../../addin/ui/i18n.js';
import { groupIssues, IssuesPanel } from '../../addin/ui/IssuesPanel.js';
import { TreePanel, treeRoots } from '../../addin/ui/TreePanel.js';
import { readXlsx } from '../../xlsx/read.js';
import { validateSnapshot } from '../../core/validate.js';

const snapshot = (await readXlsx(readFileSync('examples/dinkes-dengan-kesalahan.xlsx'))).snapshot;
const result = validateSnapshot(snapshot);
const live: LiveResult = { result, snapshot, quiet: false, coreMs: 1, readMs: 1, at: 0 };
const wrap = (el: ReactElement, lang: 'id' | 'en' = 'id') =>
  render(createElement(LangContext.Provider, { value: lang }, createElement(FluentProvider, { theme: webLightTheme }, el)));

afterEach(cleanup);

describe('IssuesPanel', () => {
  it('groups by severity and rule, shows counts as badges, and a click selects the cell', () => {
    const onSelect = vi.fn();
    wrap(createElement(IssuesPanel, { live, liveState: 'idle', error: null, onValidate: vi.fn(), onSelect }));
    expect(screen.getByTestId('count-E').textContent).toContain(String(result.summary.errors));
    const groups = groupIssues(result.issues);
    expect([...groups.get('E')!.keys()]).toContain('F01');
    const f01 = screen.getAllByTestId('issue').filter((b) => b.getAttribute('data-rule') === 'F01');
    expect(f01.length).toBe(groups.get('E')!.get('F01')!.length);
    const target = f01.find((b) => b.getAttribute('data-cell') === 'Pohon Kinerja!D20')!;
    expect(target.tagName).toBe('BUTTON'); // keyboard: focusable, Enter/Space activate
    fireEvent.click(target);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ sheet: 'Pohon Kinerja', cell: 'D20', rule: 'F01' }));
    expect(screen.getByTestId('live-state').getAttribute('data-state')).toBe('idle');
  });

  it('filters by rule, ID or message, and speaks English on the switch', () => {
    wrap(createElement(IssuesPanel, { live, liveState: 'running', error: null, onValidate: vi.fn(), onSelect: vi.fn() }), 'en');
    fireEvent.change(screen.getByLabelText(/Filter/), { target: { value: 'B01' } });
    const shown = screen.getAllByTestId('issue');
    expect(shown.every((b) => b.getAttribute('data-rule') === 'B01')).toBe(true);
    expect(screen.getByRole('button', { name: 'Validate' })).toBeTruthy();
    expect(screen.getByTestId('live-state').getAttribute('data-state')).toBe('running');
  });
});

describe('TreePanel', () => {
  it('expands, searches and shows a box with its indicators', () => {
    const onSelectBox = vi.fn();
    wrap(createElement(TreePanel, { tree: result.tree, issues: result.issues, onSelectBox }));
    const roots = screen.getAllByTestId('tree-node');
    expect(roots.length).toBe(treeRoots(result.tree).length);
    fireEvent.click(screen.getByRole('button', { name: 'Buka semua' }));
    expect(screen.getAllByTestId('tree-node').length).toBe(new Set(result.tree.boxes).size);
    fireEvent.click(screen.getByRole('button', { name: 'Tutup semua' }));
    fireEvent.change(screen.getByLabelText(/Cari kotak/), { target: { value: 'S1.1.1' } });
    const hit = screen.getAllByTestId('tree-node').find((n) => n.textContent?.startsWith('S1.1.1'))!;
    fireEvent.click(hit);
    expect(onSelectBox).toHaveBeenCalledWith(expect.objectContaining({ id: 'S1.1.1' }));
    const details = screen.getByTestId('box-details');
    expect(within(details).getByText('Indikator')).toBeTruthy();
    expect(details.textContent).toContain('2025');
  });
});
