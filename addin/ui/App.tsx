/**
 * The pane: FluentProvider at the root, the tabs (Validasi, Pohon, Kirim, Lembar cetak; Reviu
 * for a planner, Konsolidasi for the Bagian Organisasi, Bappeda and admin), the first-run
 * choice when the workbook has no Pokin tables, notices the user must see (session ended, a
 * queued push landed or failed), and in preview mode the file picker, the download and the
 * cell editor. The language choice is remembered. All host calls come in through `host`.
 */
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Tab, TabList, Text, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReportView } from '../../core/adoption/report.js';
import type { SheetSpec } from '../../core/derive/spec.js';
import type { Issue } from '../../core/issues.js';
import { columnAt, type CellValue } from '../../core/snapshot.js';
import { waktuText } from '../../core/waktu.js';
import { setting } from '../api/persist.js';
import { canConsolidate, canReview, identityOf, isPlanner } from '../auth/roles.js';
import { konsolidasiCalls, plannerCalls } from '../konsolidasi/calls.js';
import type { PortError } from '../port.js';
import type { Notice, Workspace } from '../workspace.js';
import type { AdoptCalls } from './AdoptPanel.js';
import { CellEditor } from './CellEditor.js';
import { FirstRun, type TemplateForm } from './FirstRun.js';
import { GeneratePanel } from './GeneratePanel.js';
import { LangContext, STRINGS, type Lang } from './i18n.js';
import { IssuesPanel } from './IssuesPanel.js';
import { KonsolidasiPanel } from './KonsolidasiPanel.js';
import { LiveHealth } from './LiveHealth.js';
import { failureText, sessionExpiredText } from './messages.js';
import { PushPanel } from './PushPanel.js';
import { PengukuranPanel } from './PengukuranPanel.js';
import { EvaluasiPanel } from './EvaluasiPanel.js';
import { ReviuPanel } from './ReviuPanel.js';
import { SignIn, type SignInProps } from './SignIn.js';
import { TreePanel } from './TreePanel.js';
import { useRevealMessages } from './useRevealMessages.js';

export interface PaneHost {
  workspace: Workspace | null;
  preview: boolean;
  openFile?: (file: File) => Promise<void>;
  createTemplate: (f: TemplateForm) => Promise<void>;
  renderSheets: (specs: SheetSpec[]) => Promise<void>;
  devSignIn?: (req: { role: string; pemda: string; opd: string }) => Promise<void>;
  dialogSignIn?: () => Promise<void>;
  download?: () => Promise<void>;
  fileName?: string;
  selection?: { sheet: string; cell: string } | null;
  readCell?: (sheet: string, cell: string) => Promise<CellValue>;
  writeCell?: (sheet: string, cell: string, value: CellValue) => Promise<void>;
  startupError?: PortError | null;
  /** Preview: work from before a reload that was not downloaded. */
  restorable?: { fileName: string; at: number } | null;
  onRestore?: () => Promise<void>;
  onDiscard?: () => void;
}

const EMPTY = { subscribe: () => () => undefined, get: () => null };
/** The sheet the diagram picture goes to inside Excel (a download does nothing on Mac). */
const DIAGRAM_PICTURE_SHEET = 'Gambar Pohon';
const LANG = setting('lang');

export function errorText(e: unknown, lang: Lang): string | null {
  return e ? failureText(e, lang) : null;
}

function NoticeBar({ notice, lang, onDismiss }: { notice: Notice; lang: Lang; onDismiss: () => void }) {
  const t = STRINGS[lang];
  const [intent, text] = notice.kind === 'session-expired' ? ['warning', lang === 'en' ? sessionExpiredText.en : sessionExpiredText.id] as const
    : notice.kind === 'queue-landed' ? ['success', t.queueLanded.replace('{v}', String(notice.version))] as const
      : ['error', `${t.queueFailed} ${failureText(notice.error, lang)}`] as const;
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="notice" data-kind={notice.kind} className="pokin-notice">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions><Button size="small" onClick={onDismiss}>{t.dismiss}</Button></MessageBarActions>
    </MessageBar>
  );
}

export function App({ host }: { host: PaneHost }) {
  const [lang, setLangState] = useState<Lang>(() => (LANG.get() === 'en' ? 'en' : 'id'));
  const setLang = (l: Lang) => { LANG.set(l); setLangState(l); };
  const [tab, setTab] = useState('validasi');
  // The sheet list of the workbook open now (never the previous file's while the new one loads).
  const [sheetList, setSheetList] = useState<{ of: Workspace | null; sheets: string[] }>({ of: null, sheets: [] });
  const [openError, setOpenError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [adopted, setAdopted] = useState<{ counts: string; report: ReportView; sheet: string } | null>(null);
  const ws = host.workspace;
  const state = useSyncExternalStore(ws ? ws.subscribe : EMPTY.subscribe, ws ? ws.getState : EMPTY.get);
  const t = STRINGS[lang];
  const live = state?.live ?? null;
  const tree = live?.result.tree ?? null;
  const hasTables = !!tree && tree.boxes.length + tree.indikator.length > 0 || !!tree?.tables.pohon;
  useEffect(() => {
    if (ws && !hasTables) void ws.port.listSheets().then((s) => setSheetList({ of: ws, sheets: s.sheets.filter((n) => n !== 'PokinMeta') })).catch(() => undefined);
  }, [ws, hasTables, live]);
  const sheets = sheetList.of === ws ? sheetList.sheets : [];
  const onSelect = useCallback((i: Issue) => { void ws?.selectIssue(i); }, [ws]);
  const issues = useMemo(() => live?.result.issues ?? [], [live]);
  const defaults = useMemo(() => {
    const c = tree?.config;
    return { pemda: c?.kodePemda ?? '', opd: c?.kodeOpd ?? '' };
  }, [tree]);
  const token = state?.token ?? null;
  const who = useMemo(() => identityOf(token), [token]);
  const reviewer = canConsolidate(who);
  const periode = tree?.config.tahunAwal && tree.config.tahunAkhir ? `${tree.config.tahunAwal}-${tree.config.tahunAkhir}` : '';
  const failText = useCallback((e: unknown) => failureText(e, lang), [lang]);
  const kCalls = useMemo(() => (ws && reviewer ? konsolidasiCalls(ws, () => lang) : null), [ws, reviewer, lang]);
  const pCalls = useMemo(() => (ws && isPlanner(who) ? plannerCalls(ws, periode || null) : null), [ws, who, periode]);
  const adoption: AdoptCalls | null = useMemo(() => (ws ? {
    draft: (sheet, given) => ws.draftAdoption(sheet, host.fileName ? { fileName: host.fileName } : {}, given, lang),
    adopt: async (answers) => {
      const r = await ws.adopt(answers, lang);
      setAdopted({ ...r, sheet: r.report.sheet });
      setTab('validasi');
      return r;
    },
  } : null), [ws, host.fileName, lang]);
  const tabs = [...(hasTables ? ['validasi', 'pohon', 'kirim', 'buat', 'pengukuran', 'evaluasi'] : []), ...(hasTables && isPlanner(who) ? ['reviu'] : []), ...(kCalls ? ['konsolidasi'] : [])];
  const current = tabs.includes(tab) ? tab : tabs[0];
  const signIn: SignInProps | null = ws && state ? {
    token, defaults, onSignOut: () => ws.setToken(null),
    ...(host.devSignIn ? { onDevSignIn: host.devSignIn } : {}), ...(host.dialogSignIn ? { onDialogSignIn: host.dialogSignIn } : {}),
  } : null;
  const open = async (f: File) => {
    if (!host.openFile) return;
    setOpenError(null);
    setOpening(true);
    setAdopted(null);
    try { await host.openFile(f); } catch (e) { setOpenError(`${t.openFailed} ${failureText(e, lang)}`); } finally { setOpening(false); }
  };
  useRevealMessages(paneRoot);
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} className="pokin-root">
        <header className="pokin-header">
          <Text weight="semibold" size={400}>{t.appTitle}</Text>
          {host.fileName && <Text size={200} className="pokin-file" title={host.fileName}>{host.fileName}{state?.dirty ? ' •' : ''}</Text>}
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} data-testid="lang">{t.language}</Button>
        </header>
        {host.startupError && <div role="alert" className="pokin-panel"><Text>{failureText(host.startupError, lang)}</Text></div>}
        {host.restorable && host.onRestore && (
          <MessageBar intent="info" layout="multiline" data-testid="restore" className="pokin-notice">
            <MessageBarBody>{t.restoreTitle.replace('{file}', host.restorable.fileName).replace('{at}', waktuText(host.restorable.at, lang))}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={() => void host.onRestore?.()} data-testid="restore-yes">{t.restore}</Button>
              <Button size="small" onClick={() => host.onDiscard?.()} data-testid="restore-no">{t.discard}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {host.preview && (
          <div className="pokin-panel pokin-preview">
            <Text size={200}>{t.previewNote}</Text>
            <div className="pokin-row">
              <label className="pokin-file-button">
                {opening ? t.opening : t.openFile}
                <input type="file" accept=".xlsx" data-testid="open-file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void open(f); }} />
              </label>
              {host.download && ws && hasTables && <Button size="small" onClick={() => void host.download?.()} data-testid="download">{t.download}</Button>}
            </div>
            {host.download && ws && hasTables && <Text size={100} className="pokin-loc">{t.downloadNote}{state?.dirty ? ` ${t.unsaved}` : ''}</Text>}
            {openError && <MessageBar intent="error" data-testid="open-error"><MessageBarBody>{openError}</MessageBarBody></MessageBar>}
          </div>
        )}
        {state?.notice && ws && <NoticeBar notice={state.notice} lang={lang} onDismiss={() => ws.dismissNotice()} />}
        {adopted && (
          <MessageBar intent="success" layout="multiline" data-testid="adopted" className="pokin-notice">
            <MessageBarBody>{t.adoptDone.replace('{c}', adopted.counts).replace('{s}', adopted.sheet)}</MessageBarBody>
            <MessageBarActions><Button size="small" onClick={() => setAdopted(null)}>{t.dismiss}</Button></MessageBarActions>
          </MessageBar>
        )}
        {/* Hidden while another file opens: a click must not land on the previous workbook's choice. */}
        {ws && !hasTables && live && adoption && !opening && (kCalls
          ? <details className="pokin-panel"><summary>{t.firstRun}</summary><FirstRun sheets={sheets} onCreate={host.createTemplate} adoption={adoption} /></details>
          : <FirstRun sheets={sheets} onCreate={host.createTemplate} adoption={adoption} />)}
        {ws && !hasTables && live && signIn && (token
          ? <div className="pokin-panel"><SignIn {...signIn} /></div>
          : <details className="pokin-panel" data-testid="signin-reviewer"><summary>{t.signInReviewer}</summary><SignIn {...signIn} /></details>)}
        {ws && tabs.length > 0 && (
          <>
            <TabList selectedValue={current} onTabSelect={(_, d) => setTab(String(d.value))} size="small" className="pokin-tabs">
              {hasTables && <Tab value="validasi" data-testid="tab-validasi">{t.tabValidasi}</Tab>}
              {hasTables && <Tab value="pohon" data-testid="tab-pohon">{t.tabPohon}</Tab>}
              {hasTables && <Tab value="kirim" data-testid="tab-kirim">{t.tabKirim}</Tab>}
              {hasTables && <Tab value="buat" data-testid="tab-buat">{t.tabBuat}</Tab>}
              {hasTables && <Tab value="pengukuran" data-testid="tab-pengukuran">{t.tabPengukuran}</Tab>}
              {hasTables && <Tab value="evaluasi" data-testid="tab-evaluasi">{t.tabEvaluasi}</Tab>}
              {tabs.includes('reviu') && <Tab value="reviu" data-testid="tab-reviu">{t.tabReviu}</Tab>}
              {tabs.includes('konsolidasi') && <Tab value="konsolidasi" data-testid="tab-konsolidasi">{t.tabKonsolidasi}</Tab>}
            </TabList>
            {current === 'validasi' && state && (
              <LiveHealth health={state.liveHealth} waiting={state.waitingForExcel} errorText={(e) => errorText(e, lang) ?? ''}
                onListenAgain={() => ws.live.rebind()} {...(ws.port.reapplyFormats ? { onReapplyFormats: () => ws.reapplyFormats() } : {})} />
            )}
            {current === 'validasi' && (
              <IssuesPanel live={live} liveState={state!.liveState} error={errorText(state!.error, lang)} onSelect={onSelect} reference={state!.reference}
                onValidate={() => void ws.validate().catch(() => undefined)} onWriteStatus={() => void ws.writeStatus().catch(() => undefined)} onGoPush={() => setTab('kirim')} />
            )}
            {current === 'pohon' && <TreePanel tree={tree} issues={issues} onSelectIssue={onSelect} onSelectBox={(b) => void ws.port.selectCell(b.loc.table.sheet, `${b.loc.table.cols.id ?? b.loc.table.firstCol}${b.loc.row}`).catch(() => undefined)}
              {...(ws.port.insertImage ? { onInsertImage: (png: string) => ws.live.ownWrite(() => ws.port.insertImage!(DIAGRAM_PICTURE_SHEET, png, 'Pohon Kinerja')) } : {})} />}
            {current === 'kirim' && signIn && (
              <PushPanel
                signIn={signIn} reference={state!.reference}
                baseVersion={state!.baseVersion} lastVersion={state!.lastVersion} pending={state!.pending} errors={live?.result.summary.errors ?? 0}
                queueConflict={state!.queueConflict?.stale ?? null} onDismissQueueConflict={() => ws.dismissQueueConflict()}
                onPush={(p, base) => ws.push(p, base)} onPull={(v) => ws.pull(v)} onHistory={() => ws.history()} onRetryQueue={() => void ws.queue.flush()} />
            )}
            {current === 'buat' && <GeneratePanel tree={tree} issues={issues} onRender={host.renderSheets} existingSheets={async () => (await ws.port.listSheets()).sheets} pkIssues={async () => (await ws.pkIssues()).result.issues} />}
            {current === 'pengukuran' && tree && (
              <PengukuranPanel tree={tree} issues={issues} snapshot={live?.snapshot ?? null} signedIn={!!token}
                onTambah={(y) => ws.tambahPengukuran(y)} onPush={(y, base) => ws.pushRealisasi(y, base)} onRender={host.renderSheets}
                existingSheets={async () => (await ws.port.listSheets()).sheets} onSelectCell={(sh, c) => void ws.port.selectCell(sh, c).catch(() => undefined)} />
            )}
            {current === 'evaluasi' && tree && live && (
              <EvaluasiPanel snapshot={live.snapshot} years={tree.config.years} signedIn={!!token}
                onTambah={() => ws.tambahLke(lang)} onJawab={(ev, k, j) => ws.jawabLke(ev, k, j)}
                onPush={(y, base) => ws.pushLke(y, base)} onPull={(y) => ws.pullLkeNotes(y)} />
            )}
            {current === 'reviu' && <ReviuPanel calls={pCalls} failText={failText} namaOpd={tree?.config.namaOpd ?? ''} />}
            {current === 'konsolidasi' && kCalls && <KonsolidasiPanel calls={kCalls} defaultPeriode={periode} canReview={canReview(who)} failText={failText} />}
          </>
        )}
        {host.preview && hasTables && host.readCell && host.writeCell && (
          <CellEditor at={host.selection ?? null} read={host.readCell} write={host.writeCell} sheets={[...new Set(live?.snapshot.tables.map((x) => x.sheet) ?? [])]}
            columnOf={(sheet, cell) => (live ? columnAt(live.snapshot, sheet, cell)?.header ?? null : null)} />
        )}
      </FluentProvider>
    </LangContext.Provider>
  );
}

const paneRoot = () => document.querySelector<HTMLElement>('.pokin-root');
