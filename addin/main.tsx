/**
 * Entry point: detect the host, make the port (Office.js inside Excel, ExcelJS preview
 * outside), wire the workspace and render the pane. Heavy parts load lazily: the preview
 * port with ExcelJS, core/adopt, the diagram.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CellValue } from '../core/snapshot.js';
import { SIGNIN_PATH } from '../core/wire/pane.js';
import { browserStore } from './api/persist.js';
import { detectHost } from './boot.js';
import { loadPaneConfig, type PaneConfig } from './config.js';
import { PortError, writeAll, type WorkbookPort } from './port.js';
import { templateSnapshot } from './template.js';
import { App, type PaneHost } from './ui/App.js';
import { configFromForm, type TemplateForm } from './ui/FirstRun.js';
import './ui/pane.css';
import { Workspace } from './workspace.js';

type PreviewPortT = import('./preview/port.js').PreviewPort;
/** The queue, the sign-in and preview work survive a reload (addin/api/persist.ts). */
const STORE = browserStore();

function Root() {
  const [mode, setMode] = useState<'loading' | 'excel' | 'preview'>('loading');
  const [ws, setWs] = useState<Workspace | null>(null);
  const [fileName, setFileName] = useState<string | undefined>();
  const [selection, setSelection] = useState<{ sheet: string; cell: string } | null>(null);
  const [startupError, setStartupError] = useState<PortError | null>(null);
  const [connecting, setConnecting] = useState(false);
  /** The deployment's run-time configuration (pokin-config.json): API and sign-in. */
  const config = useRef<PaneConfig>({ api: '', auth: null });
  const [restorable, setRestorable] = useState<{ fileName: string; at: number } | null>(null);

  const current = useRef<Workspace | null>(null);
  /** Bumped by every file opened, so a slower earlier open (or the blank start) never wins. */
  const opening = useRef(0);

  const attach = useCallback((port: WorkbookPort) => {
    const next = new Workspace(port, config.current.api, { store: STORE, keepSession: true });
    // Opening another file keeps the signed-in session.
    const token = current.current?.getState().token;
    if (token) next.setToken(token);
    current.current?.stop();
    current.current = next;
    setWs(next);
    if (port.kind === 'preview') {
      const p = port as PreviewPortT;
      p.onSelect(setSelection);
      void import('./preview/work.js').then((w) => w.keepWork(next, p, STORE));
    }
    void next.start();
    (globalThis as { __pokin?: unknown }).__pokin = next;
    return next;
  }, []);

  useEffect(() => {
    void loadPaneConfig().then((c) => { config.current = c; }, (e: unknown) => {
      setStartupError(new PortError('failed', `Konfigurasi Pokin tidak terbaca: ${String(e)}`, `Pokin's configuration could not be read: ${String(e)}`));
    }).then(() => detectHost(location.search, undefined, () => setConnecting(true))).then(async (h) => {
      if (h.kind === 'preview') {
        setMode('preview');
        // A blank workbook until a file is opened: sign-in and Konsolidasi work without one.
        const my = opening.current;
        const [{ PreviewPort }, work] = await Promise.all([import('./preview/port.js'), import('./preview/work.js')]);
        work.warnBeforeUnload(() => current.current?.getState().dirty ?? false);
        const blank = await PreviewPort.blank('pokin.xlsx').catch(() => null);
        if (blank && my === opening.current) attach(blank);
        const saved = await work.savedWork(STORE);
        if (saved && my === opening.current) setRestorable({ fileName: saved.fileName, at: saved.at });
        return;
      }
      setMode('excel');
      try {
        const { OfficePort } = await import('./office/port.js');
        attach(new OfficePort());
      } catch (e) {
        setStartupError(e instanceof PortError ? e : new PortError('failed', String(e), String(e)));
      }
    });
  }, [attach]);

  const previewPort = (): PreviewPortT | null => (ws?.port.kind === 'preview' ? (ws.port as PreviewPortT) : null);
  const host: PaneHost = {
    workspace: ws,
    preview: mode === 'preview',
    fileName,
    selection,
    startupError,
    openFile: async (file: File) => {
      const my = ++opening.current;
      const { PreviewPort } = await import('./preview/port.js');
      // A bad file throws here (XlsxError/PortError, the package guard's message included): the
      // pane shows why beside the open button, and the open workbook stays.
      const port = await PreviewPort.open(await file.arrayBuffer(), file.name);
      if (my !== opening.current) return;
      setFileName(file.name);
      setSelection(null);
      setRestorable(null);
      attach(port);
    },
    createTemplate: async (f: TemplateForm) => {
      const config = configFromForm(f);
      if (ws) await ws.createTemplate(templateSnapshot(config), config);
    },
    restorable,
    onRestore: async () => {
      const [{ PreviewPort }, work] = await Promise.all([import('./preview/port.js'), import('./preview/work.js')]);
      const saved = await work.savedWork(STORE);
      setRestorable(null);
      if (!saved) return;
      const port = await PreviewPort.open(saved.bytes, saved.fileName);
      ++opening.current;
      setFileName(saved.fileName);
      setSelection(null);
      attach(port).markDirty();
    },
    onDiscard: () => { setRestorable(null); void import('./preview/work.js').then((w) => w.forgetWork(STORE)); },
    renderSheets: async (specs) => {
      if (!ws) return;
      // One click, one Excel.run: the generated sheets are one undo step.
      await ws.live.ownWrite(() => writeAll(ws.port, specs.map((spec) => ({ kind: 'sheet' as const, spec }))));
    },
    ...(mode === 'preview' ? {
      devSignIn: async (req: { role: string; pemda: string; opd: string }) => { if (ws) ws.setToken(await ws.api.devToken(req)); },
      download: async () => {
        const p = previewPort();
        if (!p) return;
        const bytes = await p.download();
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        a.download = fileName ?? 'pokin.xlsx';
        a.click();
        ws?.markSaved();
        void import('./preview/work.js').then((w) => w.forgetWork(STORE));
      },
      readCell: (sheet: string, cell: string) => previewPort()?.getCell(sheet, cell) ?? Promise.resolve(null as CellValue),
      writeCell: async (sheet: string, cell: string, v: CellValue) => { await previewPort()?.setCell(sheet, cell, v); },
    } : {
      dialogSignIn: async () => {
        const { signInWithDialog } = await import('./auth/dialog.js');
        ws?.setToken(await signInWithDialog(`${location.origin}${SIGNIN_PATH}`));
      },
    }),
  };
  if (mode === 'loading') {
    return (
      <div style={{ padding: 12, fontFamily: 'Segoe UI, sans-serif' }} role="status">
        Pokin…{connecting ? ' Menghubungkan ke Excel (jaringan lambat?) / Connecting to Excel (slow network?)' : ''}
      </div>
    );
  }
  return <App host={host} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Root />);
