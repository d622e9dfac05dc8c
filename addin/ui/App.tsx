/**
 * The pane: FluentProvider at the root, four tabs (Validasi, Pohon, Kirim, Buat lembar), the
 * first-run choice when the workbook has no Pokin tables, and in preview mode the file
 * picker and the cell editor. By the signed-in role: Reviu (perencana: review status and
 * crosscutting decisions) and Konsolidasi (organisasi, bappeda, admin; also without Pokin
 * tables). All host calls come in through `host` (props only).
 */
import { Button, FluentProvider, Tab, TabList, Text, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SheetSpec } from '../../core/derive/spec.js';
import type { Issue } from '../../core/issues.js';
import type { CellValue } from '../../core/snapshot.js';
import { ApiFailure } from '../../client/api.js';
import { canConsolidate, canReview, identityOf, isPlanner } from '../auth/roles.js';
import { konsolidasiCalls, plannerCalls } from '../konsolidasi/calls.js';
import { PortError } from '../port.js';
import type { Workspace } from '../workspace.js';
import { CellEditor } from './CellEditor.js';
import { FirstRun, type TemplateForm } from './FirstRun.js';
import { GeneratePanel } from './GeneratePanel.js';
import { LangContext, STRINGS, type Lang } from './i18n.js';
import { IssuesPanel } from './IssuesPanel.js';
import { KonsolidasiPanel } from './KonsolidasiPanel.js';
import { LiveHealth } from './LiveHealth.js';
import { PushPanel } from './PushPanel.js';
import { ReviuPanel } from './ReviuPanel.js';
import { SignIn, type SignInProps } from './SignIn.js';
import { TreePanel } from './TreePanel.js';

export interface PaneHost {
  workspace: Workspace | null;
  preview: boolean;
  openFile?: (file: File) => Promise<void>;
  createTemplate: (f: TemplateForm) => Promise<void>;
  adopt: (sheet: string) => Promise<string>;
  renderSheets: (specs: SheetSpec[]) => Promise<void>;
  devSignIn?: (req: { role: string; pemda: string; opd: string }) => Promise<void>;
  dialogSignIn?: () => Promise<void>;
  download?: () => Promise<void>;
  fileName?: string;
  selection?: { sheet: string; cell: string } | null;
  readCell?: (sheet: string, cell: string) => Promise<CellValue>;
  writeCell?: (sheet: string, cell: string, value: CellValue) => Promise<void>;
  startupError?: PortError | null;
}

const EMPTY = { subscribe: () => () => undefined, get: () => null };
/** The sheet the diagram picture goes to inside Excel (a download does nothing on Mac). */
const DIAGRAM_PICTURE_SHEET = 'Gambar Pohon';

export function errorText(e: unknown, lang: Lang): string | null {
  if (!e) return null;
  if (e instanceof PortError) return lang === 'en' ? e.messageEn : e.messageId;
  if (e instanceof ApiFailure) return e.text(lang);
  return e instanceof Error ? e.message : String(e);
}

export function App({ host }: { host: PaneHost }) {
  const [lang, setLang] = useState<Lang>('id');
  const [tab, setTab] = useState('validasi');
  const [sheets, setSheets] = useState<string[]>([]);
  const ws = host.workspace;
  const state = useSyncExternalStore(ws ? ws.subscribe : EMPTY.subscribe, ws ? ws.getState : EMPTY.get);
  const t = STRINGS[lang];
  const live = state?.live ?? null;
  const tree = live?.result.tree ?? null;
  const hasTables = !!tree && tree.boxes.length + tree.indikator.length > 0 || !!tree?.tables.pohon;
  useEffect(() => {
    if (ws && !hasTables) void ws.port.listSheets().then((s) => setSheets(s.sheets)).catch(() => undefined);
  }, [ws, hasTables, live]);
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
  const failText = useCallback((e: unknown) => errorText(e, lang) ?? '', [lang]);
  const kCalls = useMemo(() => (ws && reviewer ? konsolidasiCalls(ws, () => lang) : null), [ws, reviewer, lang]);
  const pCalls = useMemo(() => (ws && isPlanner(who) ? plannerCalls(ws, periode || null) : null), [ws, who, periode]);
  const tabs = [...(hasTables ? ['validasi', 'pohon', 'kirim', 'buat'] : []), ...(hasTables && isPlanner(who) ? ['reviu'] : []), ...(kCalls ? ['konsolidasi'] : [])];
  const current = tabs.includes(tab) ? tab : tabs[0];
  const signIn: SignInProps | null = ws && state ? {
    token, defaults, onSignOut: () => ws.setToken(null),
    ...(host.devSignIn ? { onDevSignIn: host.devSignIn } : {}), ...(host.dialogSignIn ? { onDialogSignIn: host.dialogSignIn } : {}),
  } : null;
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} className="pokin-root">
        <header className="pokin-header">
          <Text weight="semibold" size={400}>{t.appTitle}</Text>
          {host.fileName && <Text size={200} className="pokin-file" title={host.fileName}>{host.fileName}</Text>}
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} data-testid="lang">{t.language}</Button>
        </header>
        {host.startupError && <div role="alert" className="pokin-panel"><Text>{errorText(host.startupError, lang)}</Text></div>}
        {host.preview && (
          <div className="pokin-panel pokin-preview">
            <Text size={200}>{t.previewNote}</Text>
            <div className="pokin-row">
              <label className="pokin-file-button">
                {t.openFile}
                <input type="file" accept=".xlsx" data-testid="open-file" onChange={(e) => { const f = e.target.files?.[0]; if (f && host.openFile) void host.openFile(f); }} />
              </label>
              {host.download && ws && <Button size="small" onClick={() => void host.download?.()}>{t.download}</Button>}
            </div>
          </div>
        )}
        {ws && !hasTables && live && (kCalls
          ? <details className="pokin-panel"><summary>{t.firstRun}</summary><FirstRun sheets={sheets} onCreate={host.createTemplate} onAdopt={host.adopt} /></details>
          : <FirstRun sheets={sheets} onCreate={host.createTemplate} onAdopt={host.adopt} />)}
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
              {tabs.includes('reviu') && <Tab value="reviu" data-testid="tab-reviu">{t.tabReviu}</Tab>}
              {tabs.includes('konsolidasi') && <Tab value="konsolidasi" data-testid="tab-konsolidasi">{t.tabKonsolidasi}</Tab>}
            </TabList>
            {host.preview && hasTables && host.readCell && host.writeCell && <CellEditor at={host.selection ?? null} read={host.readCell} write={host.writeCell} />}
            {current === 'validasi' && state && (
              <LiveHealth health={state.liveHealth} waiting={state.waitingForExcel} errorText={(e) => errorText(e, lang) ?? ''}
                onListenAgain={() => ws.live.rebind()} {...(ws.port.reapplyFormats ? { onReapplyFormats: () => ws.reapplyFormats() } : {})} />
            )}
            {current === 'validasi' && (
              <IssuesPanel live={live} liveState={state!.liveState} error={errorText(state!.error, lang)} onSelect={onSelect}
                onValidate={() => void ws.validate().catch(() => undefined)} onWriteStatus={() => void ws.writeStatus().catch(() => undefined)} />
            )}
            {current === 'pohon' && <TreePanel tree={tree} issues={issues} onSelectBox={(b) => void ws.port.selectCell(b.loc.table.sheet, `${b.loc.table.cols.id ?? b.loc.table.firstCol}${b.loc.row}`).catch(() => undefined)}
              {...(ws.port.insertImage ? { onInsertImage: (png: string) => ws.live.ownWrite(() => ws.port.insertImage!(DIAGRAM_PICTURE_SHEET, png, 'Pohon Kinerja')) } : {})} />}
            {current === 'kirim' && signIn && (
              <PushPanel
                signIn={signIn}
                baseVersion={state!.baseVersion} lastVersion={state!.lastVersion} pending={state!.pending} errors={live?.result.summary.errors ?? 0}
                onPush={(p, base) => ws.push(p, base)} onPull={(v) => ws.pull(v)} onHistory={() => ws.history()} onRetryQueue={() => void ws.queue.flush()} />
            )}
            {current === 'buat' && <GeneratePanel tree={tree} issues={issues} onRender={host.renderSheets} />}
            {current === 'reviu' && <ReviuPanel calls={pCalls} failText={failText} />}
            {current === 'konsolidasi' && kCalls && <KonsolidasiPanel calls={kCalls} defaultPeriode={periode} canReview={canReview(who)} failText={failText} />}
          </>
        )}
      </FluentProvider>
    </LangContext.Provider>
  );
}
