/**
 * Entry point: detect the host, make the port (Office.js inside Excel, ExcelJS preview
 * outside), wire the workspace and render the pane. Heavy parts load lazily: the preview
 * port with ExcelJS, core/adopt, the diagram.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readWorkbook } from '../core/read/index.js';
import type { CellValue } from '../core/snapshot.js';
import { SIGNIN_PATH } from '../core/wire/pane.js';
import { detectHost } from './boot.js';
import { loadPaneConfig, type PaneConfig } from './config.js';
import { PortError, writeAll, type WorkbookPort } from './port.js';
import { templateSnapshot } from './template.js';
import { App, type PaneHost } from './ui/App.js';
import { configFromForm, type TemplateForm } from './ui/FirstRun.js';
import './ui/pane.css';
import { Workspace } from './workspace.js';

type PreviewPortT = import('./preview/port.js').PreviewPort;

function Root() {
  const [mode, setMode] = useState<'loading' | 'excel' | 'preview'>('loading');
  const [ws, setWs] = useState<Workspace | null>(null);
  const [fileName, setFileName] = useState<string | undefined>();
  const [selection, setSelection] = useState<{ sheet: string; cell: string } | null>(null);
  const [startupError, setStartupError] = useState<PortError | null>(null);
  const [connecting, setConnecting] = useState(false);
  /** The deployment's run-time configuration (pokin-config.json): API and sign-in. */
  const config = useRef<PaneConfig>({ api: '', auth: null });

  const current = useRef<Workspace | null>(null);
  /** Bumped by every file opened, so a slower earlier open (or the blank start) never wins. */
  const opening = useRef(0);

  const attach = useCallback((port: WorkbookPort) => {
    const next = new Workspace(port, config.current.api);
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
    void loadPaneConfig().then((c) => { config.current = c; }, (e: unknown) => {
      setStartupError(new PortError('failed', `Konfigurasi Pokin tidak terbaca: ${String(e)}`, `Pokin's configuration could not be read: ${String(e)}`));
    }).then(() => detectHost(location.search, undefined, () => setConnecting(true))).then(async (h) => {
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
      const port = await PreviewPort.open(await file.arrayBuffer(), file.name);
      if (my !== opening.current) return;
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
