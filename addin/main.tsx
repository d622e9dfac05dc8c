/**
 * Entry point: detect the host, make the port (Office.js inside Excel, ExcelJS preview
 * outside), wire the workspace and render the pane. Heavy parts load lazily: the preview
 * port with ExcelJS, core/adopt, the diagram.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readWorkbook } from '../core/read/index.js';
import type { CellValue } from '../core/snapshot.js';
import { detectHost } from './boot.js';
import { PortError, type WorkbookPort } from './port.js';
import { templateSnapshot } from './template.js';
import { App, type PaneHost } from './ui/App.js';
import { configFromForm, type TemplateForm } from './ui/FirstRun.js';
import './ui/pane.css';
import { Workspace } from './workspace.js';

type PreviewPortT = import('./preview/port.js').PreviewPort;
const API_BASE = (import.meta as unknown as { env?: Record<string, string | undefined> }).env?.VITE_POKIN_API ?? '';

function Root() {
  const [mode, setMode] = useState<'loading' | 'excel' | 'preview'>('loading');
  const [ws, setWs] = useState<Workspace | null>(null);
  const [fileName, setFileName] = useState<string | undefined>();
  const [selection, setSelection] = useState<{ sheet: string; cell: string } | null>(null);
  const [startupError, setStartupError] = useState<PortError | null>(null);

  const current = useRef<Workspace | null>(null);
  /** Bumped by every file opened, so a slower earlier open (or the blank start) never wins. */
  const opening = useRef(0);

  const attach = useCallback((port: WorkbookPort) => {
    const next = new Workspace(port, API_BASE);
    // Opening another file keeps the signed-in session (the token lives in memory only).
    next.setToken(current.current?.getState().token ?? null);
    current.current?.stop();
    current.current = next;
    setWs(next);
    void next.start();
    (globalThis as { __pokin?: unknown }).__pokin = next;
    return next;
  }, []);

  useEffect(() => {
    void detectHost().then(async (h) => {
      if (h.kind === 'preview') {
        setMode('preview');
        // A blank workbook until a file is opened: sign-in and Konsolidasi work without one.
        const my = opening.current;
        const { PreviewPort } = await import('./preview/port.js');
        const blank = await PreviewPort.blank('pokin.xlsx').catch(() => null);
        if (blank && my === opening.current) attach(blank);
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
      let port: PreviewPortT;
      try {
        port = await PreviewPort.open(await file.arrayBuffer(), file.name);
      } catch (e) {
        // A file the package guard refuses (or cannot read) says why, as in the CLI.
        if (my === opening.current) setStartupError(e instanceof PortError ? e : new PortError('failed', String(e), String(e)));
        return;
      }
      if (my !== opening.current) return;
      setStartupError(null);
      port.onSelect(setSelection);
      setFileName(file.name);
      setSelection(null);
      attach(port);
    },
    createTemplate: async (f: TemplateForm) => {
      const config = configFromForm(f);
      if (ws) await ws.createTemplate(templateSnapshot(config), config);
    },
    adopt: async (sheet: string) => {
      if (!ws) return '';
      const [{ adoptWorkbook }, raw] = await Promise.all([import('../core/adopt/index.js'), ws.port.readRawSheet(sheet)]);
      const r = adoptWorkbook([{ name: raw.name, values: raw.values, merges: raw.merges, ...(raw.origin ? { origin: raw.origin } : {}) }]);
      if (!r.ok) throw new Error(`Lembar tidak dikenali / sheet not recognised: ${r.notRecognised.sheets.map((s) => `${s.name} (${s.missing.join(', ')})`).join('; ')}`);
      const config = readWorkbook(r.result.snapshot).tree.config;
      await ws.createTemplate(r.result.snapshot, config);
      return `Diadopsi: ${r.result.report.boxes} kotak, ${r.result.report.indicators} indikator.`;
    },
    renderSheets: async (specs) => {
      if (!ws) return;
      for (const s of specs) await ws.live.ownWrite(() => ws.port.renderSheet(s));
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
      },
      readCell: (sheet: string, cell: string) => previewPort()?.getCell(sheet, cell) ?? Promise.resolve(null as CellValue),
      writeCell: async (sheet: string, cell: string, v: CellValue) => { await previewPort()?.setCell(sheet, cell, v); },
    } : {
      dialogSignIn: async () => {
        const { signInWithDialog } = await import('./auth/dialog.js');
        ws?.setToken(await signInWithDialog(`${location.origin}/signin.html`));
      },
    }),
  };
  if (mode === 'loading') return <div style={{ padding: 12, fontFamily: 'Segoe UI, sans-serif' }}>Pokin…</div>;
  return <App host={host} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Root />);
