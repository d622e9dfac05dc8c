// @vitest-environment happy-dom
/**
 * The review and consolidation components: which tabs a role sees, the OPD list's sorting
 * and filtering, a return that needs a note, a rejection that needs a reason, and the
 * Konsolidasi panel's flow over fake host calls.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { createElement, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { identityOf, parseGroups } from '../../addin/auth/roles.js';
import type { KonsolidasiCalls } from '../../addin/konsolidasi/calls.js';
import { PreviewPort } from '../../addin/preview/port.js';
import { App, type PaneHost } from '../../addin/ui/App.js';
import { DecisionList } from '../../addin/ui/DecisionList.js';
import { LangContext } from '../../addin/ui/i18n.js';
import { KonsolidasiPanel } from '../../addin/ui/KonsolidasiPanel.js';
import { filterOpd, OpdList, sortOpd } from '../../addin/ui/OpdList.js';
import { ReviewBox } from '../../addin/ui/ReviewBox.js';
import { Workspace } from '../../addin/workspace.js';
import type { LinkView } from '../../core/wire/index.js';
import { opdRow } from './konsolidasi-fixture.js';

// happy-dom rejects Animation.finished when a dialog's motion is cancelled on unmount without
// marking the promise handled (the Web Animations spec marks it handled), which surfaces as an
// unhandled AbortError. Without element.animate, Fluent's motion uses its test path
// (@fluentui/react-motion useAnimateAtomsInTestEnvironment; microsoft/fluentui#31701).
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

const wrap = (el: ReactElement, lang: 'id' | 'en' = 'id') =>
  render(createElement(LangContext.Provider, { value: lang }, createElement(FluentProvider, { theme: webLightTheme }, el)));
const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
/** An unsigned token: the pane reads claims for display only; the API verifies. */
const token = (groups: unknown, opd?: string) => `${b64({ alg: 'none' })}.${b64({ sub: 'u1', 'cognito:groups': groups, 'custom:pemda': '35.19', ...(opd ? { 'custom:kode_opd': opd } : {}) })}.x`;
const workspaces: Workspace[] = [];
afterEach(() => { cleanup(); for (const w of workspaces.splice(0)) w.stop(); });

async function paneFor(tok: string, file?: string) {
  const port = file ? await PreviewPort.open(readFileSync(file), 'x.xlsx') : await PreviewPort.blank('pokin.xlsx');
  const ws = new Workspace(port, 'http://127.0.0.1:9');
  workspaces.push(ws);
  ws.setToken(tok);
  await ws.validate();
  const host: PaneHost = { workspace: ws, preview: true, createTemplate: vi.fn(), renderSheets: vi.fn() };
  wrap(createElement(App, { host }));
  return ws;
}

const rows = [
  opdRow('1.01.0.00.0.00.01.0000', { status: 'diterima', version: 3, counts: { boxes: 1, indicators: 1, errors: 0, warnings: 4, infos: 0 }, at: '2025-02-03T00:00:00Z' }),
  opdRow('1.02.0.00.0.00.01.0000', { status: 'diajukan', version: 1, counts: { boxes: 1, indicators: 1, errors: 2, warnings: 0, infos: 0 }, at: '2025-02-01T00:00:00Z' }),
  opdRow('2.01.0.00.0.00.01.0000', { status: 'dikembalikan', version: 2, counts: { boxes: 1, indicators: 1, errors: 1, warnings: 1, infos: 0 }, at: '2025-02-02T00:00:00Z' }),
];

describe('roles from the token', () => {
  it('parses cognito:groups as an array, "[a b]" or "a,b"', () => {
    expect(parseGroups(['organisasi'])).toEqual(['organisasi']);
    expect(parseGroups('[organisasi bappeda]')).toEqual(['organisasi', 'bappeda']);
    expect(parseGroups('perencana, admin,tamu')).toEqual(['perencana', 'admin']);
    expect(identityOf(token(['perencana'], '1.01.0.00.0.00.01.0000'))).toMatchObject({ roles: ['perencana'], pemda: '35.19', opd: '1.01.0.00.0.00.01.0000' });
  });

  it('shows Konsolidasi to organisasi, bappeda and admin, even without Pokin tables, and never to a perencana', async () => {
    for (const g of [['organisasi'], '[bappeda]', 'admin']) {
      await paneFor(token(g));
      expect(await screen.findByTestId('tab-konsolidasi')).toBeTruthy();
      expect(screen.queryByTestId('tab-validasi')).toBeNull();
      cleanup();
    }
    await paneFor(token(['perencana'], '1.02.0.00.0.00.01.0000'));
    await screen.findByText(/belum memiliki tabel Pokin/);
    expect(screen.queryByTestId('tab-konsolidasi')).toBeNull();
  });

  it('gives a perencana with a Pokin workbook the Reviu tab and no Konsolidasi', async () => {
    await paneFor(token(['perencana'], '1.02.0.00.0.00.01.0000'), 'examples/dinkes-kabupaten-contoh.xlsx');
    expect(await screen.findByTestId('tab-reviu')).toBeTruthy();
    expect(screen.getByTestId('tab-validasi')).toBeTruthy();
    expect(screen.queryByTestId('tab-konsolidasi')).toBeNull();
  });

  it('offers the reviewer sign-in on a workbook without Pokin tables', async () => {
    const port = await PreviewPort.blank('pokin.xlsx');
    const ws = new Workspace(port, 'http://127.0.0.1:9');
    workspaces.push(ws);
    await ws.validate();
    wrap(createElement(App, { host: { workspace: ws, preview: true, createTemplate: vi.fn(), renderSheets: vi.fn(), devSignIn: vi.fn() } }));
    expect((await screen.findByTestId('signin-reviewer')).textContent).toMatch(/Bagian Organisasi/);
    act(() => ws.setToken(token(['organisasi'])));
    expect(await screen.findByTestId('tab-konsolidasi')).toBeTruthy();
  });
});

describe('OpdList', () => {
  it('sorts by status (work first), errors, version and push time, either way', () => {
    expect(sortOpd(rows, 'status', 'asc').map((r) => r.status)).toEqual(['diajukan', 'dikembalikan', 'diterima']);
    expect(sortOpd(rows, 'errors', 'desc').map((r) => r.counts.errors)).toEqual([2, 1, 0]);
    expect(sortOpd(rows, 'version', 'asc').map((r) => r.version)).toEqual([1, 2, 3]);
    expect(sortOpd(rows, 'at', 'desc')[0].opd).toBe('1.01.0.00.0.00.01.0000');
    expect(filterOpd(rows, '2.01', '').length).toBe(1);
    expect(filterOpd(rows, '', 'diterima').map((r) => r.opd)).toEqual(['1.01.0.00.0.00.01.0000']);
  });

  it('filters and sorts through its controls, and a row is a button', () => {
    const onSelect = vi.fn();
    wrap(createElement(OpdList, { rows, selected: null, onSelect }));
    const order = () => screen.getAllByTestId('opd-row').map((b) => b.getAttribute('data-opd'));
    expect(screen.getAllByTestId('opd-row').map((b) => b.getAttribute('data-status'))).toEqual(['diajukan', 'dikembalikan', 'diterima']);
    fireEvent.change(screen.getByTestId('opd-sort'), { target: { value: 'warnings' } });
    expect(order()[0]).toBe('1.02.0.00.0.00.01.0000');
    fireEvent.click(screen.getByTestId('opd-sort-dir'));
    expect(order()[0]).toBe('1.01.0.00.0.00.01.0000');
    fireEvent.change(screen.getByTestId('opd-status-filter'), { target: { value: 'dikembalikan' } });
    expect(order()).toEqual(['2.01.0.00.0.00.01.0000']);
    fireEvent.change(screen.getByTestId('opd-status-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('opd-filter'), { target: { value: '1.02' } });
    expect(order()).toEqual(['1.02.0.00.0.00.01.0000']);
    const row = screen.getByTestId('opd-row');
    expect(row.tagName).toBe('BUTTON');
    fireEvent.click(row);
    expect(onSelect).toHaveBeenCalledWith('1.02.0.00.0.00.01.0000');
  });
});

describe('ReviewBox', () => {
  it('refuses to return a version without a note, then sends the note', async () => {
    const onReview = vi.fn(async () => undefined);
    wrap(createElement(ReviewBox, { row: rows[1], canReview: true, onReview, onOpenTree: vi.fn(), failText: String }));
    fireEvent.click(screen.getByTestId('review-return'));
    expect(await screen.findByText('Catatan wajib diisi untuk mengembalikan.')).toBeTruthy();
    expect(onReview).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('review-note'), { target: { value: '  Indikator S1 belum terukur.  ' } });
    fireEvent.click(screen.getByTestId('review-return'));
    // The return is confirmed first, with the note the OPD will read.
    expect((await screen.findByTestId('confirm')).textContent).toMatch(/Kembalikan versi 1 ke .*"Indikator S1 belum terukur\."/);
    expect(onReview).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(onReview).toHaveBeenCalledWith('kembalikan', 'Indikator S1 belum terukur.'));
    expect((await screen.findByTestId('review-result')).textContent).toMatch(/Versi 1: Dikembalikan/);
  });

  it('accepts without a note, and a reader without the organisasi role gets no buttons', async () => {
    const onReview = vi.fn(async () => undefined);
    wrap(createElement(ReviewBox, { row: rows[1], canReview: true, onReview, onOpenTree: vi.fn(), failText: String }), 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Accept version 1' }));
    expect((await screen.findByTestId('confirm')).textContent).toMatch(/Accept version 1 of/);
    fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(onReview).toHaveBeenCalledWith('terima', ''));
    cleanup();
    wrap(createElement(ReviewBox, { row: rows[1], canReview: false, onReview, onOpenTree: vi.fn(), failText: String }));
    expect(screen.queryByTestId('review-return')).toBeNull();
  });

  it('offers no second decision on a version already decided (the server reviews a version once)', () => {
    wrap(createElement(ReviewBox, { row: { ...rows[1], status: 'diterima' }, canReview: true, onReview: vi.fn(), onOpenTree: vi.fn(), failText: String }));
    expect(screen.queryByTestId('review-accept')).toBeNull();
    expect(screen.queryByTestId('review-return')).toBeNull();
    expect(screen.getByTestId('review-done').textContent).toBe(`Versi ${rows[1].version} sudah diputuskan. Versi berikutnya dari OPD dapat direviu lagi.`);
  });
});

describe('DecisionList', () => {
  const link: LinkView = {
    linkId: 'a'.repeat(26), sourceOpd: '1.01.0.00.0.00.01.0000', nodeId: 'S1', targetOpd: '1.02.0.00.0.00.01.0000', nodeTujuan: 'S2',
    kontribusi: 'Data sasaran', keterangan: '', status: 'Menunggu', alasanTolak: '',
  };
  it('needs a reason to reject; approving needs none', async () => {
    const onDecide = vi.fn(async () => undefined);
    wrap(createElement(DecisionList, { links: [link], onDecide }));
    fireEvent.click(screen.getByTestId('cc-reject'));
    fireEvent.click(screen.getByTestId('cc-reject'));
    expect(await screen.findByText('Alasan wajib diisi untuk menolak.')).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('cc-reason'), { target: { value: 'Bukan urusan kami' } });
    fireEvent.click(screen.getByTestId('cc-reject'));
    await waitFor(() => expect(onDecide).toHaveBeenCalledWith(link.linkId, 'ditolak', 'Bukan urusan kami'));
    fireEvent.click(screen.getByTestId('cc-approve'));
    await waitFor(() => expect(onDecide).toHaveBeenCalledWith(link.linkId, 'disetujui', ''));
  });
});

describe('KonsolidasiPanel', () => {
  it('loads the list, returns one OPD with a note, and pulls with progress and the sync count', async () => {
    const calls: KonsolidasiCalls = {
      pemda: '35.19',
      listOpd: vi.fn(async () => rows),
      review: vi.fn(async (_p, _o, version, action, note) => ({ version, status: action === 'terima' ? 'diterima' as const : 'dikembalikan' as const, review: { action, by: 'org', at: '2025-03-01T00:00:00Z', note } })),
      openTree: vi.fn(async (_p, opd) => `Tinjau ${opd}`),
      pull: vi.fn(async (_p, _b, f) => { f(0.5); f(1); return { sheets: ['Rekap OPD'], rows: 12, syncs: 9 }; }),
    };
    wrap(createElement(KonsolidasiPanel, { calls, defaultPeriode: '', canReview: true, failText: String }));
    fireEvent.click(screen.getByTestId('load-opd'));
    expect(await screen.findByText('Isi periode, mis. 2025-2029.')).toBeTruthy();
    expect(calls.listOpd).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('konsolidasi-periode'), { target: { value: '2025-2029' } });
    fireEvent.click(screen.getByTestId('load-opd'));
    const target = (await screen.findAllByTestId('opd-row')).find((b) => b.getAttribute('data-opd') === '1.02.0.00.0.00.01.0000')!;
    fireEvent.click(target);
    const box = screen.getByTestId('review-box');
    fireEvent.click(within(box).getByTestId('open-tree'));
    expect((await screen.findByTestId('review-result')).textContent).toMatch(/Tinjau 1\.02/);
    fireEvent.change(within(box).getByTestId('review-note'), { target: { value: 'Lengkapi indikator' } });
    fireEvent.click(within(box).getByTestId('review-return'));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() => expect(calls.review).toHaveBeenCalledWith('2025-2029', '1.02.0.00.0.00.01.0000', 1, 'kembalikan', 'Lengkapi indikator'));
    await waitFor(() => expect(screen.getAllByTestId('opd-row').find((b) => b.getAttribute('data-opd') === '1.02.0.00.0.00.01.0000')!.getAttribute('data-status')).toBe('dikembalikan'));
    fireEvent.click(screen.getByTestId('pull-consolidated'));
    expect((await screen.findByTestId('pull-result')).textContent).toMatch(/12 baris.*9 sinkronisasi Excel/);
    expect(screen.queryByTestId('save-consolidated')).toBeNull();
  });
});
