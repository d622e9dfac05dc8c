/**
 * Validasi: the counts (Error / Peringatan / Info), "siap dikirim" when there is no error,
 * issues grouped by severity and rule, each rule with its title and how to fix it (the rule
 * catalogue), a filter, a live indicator; clicking (or Enter on) an issue selects its cell.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Input, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue, Severity } from '../../core/issues.js';
import { ruleHelp } from '../../core/rules/catalog.js';
import type { LiveResult } from '../live/controller.js';
import type { SchedulerState } from '../live/scheduler.js';
import type { ReferenceState } from '../workspace.js';
import { useLang, useT, useWaktu } from './i18n.js';

export interface IssuesPanelProps {
  live: LiveResult | null;
  liveState: SchedulerState;
  error: string | null;
  onValidate: () => void;
  onSelect: (i: Issue) => void;
  onWriteStatus?: () => void;
  /** The Kepmendagri list: while it loads, N03/N04/K14 are not final. */
  reference?: ReferenceState;
  /** Shown with "siap dikirim": go to the Kirim tab. */
  onGoPush?: () => void;
}

const SEVERITIES: Severity[] = ['E', 'W', 'I'];
const COLOR = { E: 'danger', W: 'warning', I: 'informative' } as const;

export function groupIssues(issues: readonly Issue[]): Map<Severity, Map<string, Issue[]>> {
  const out = new Map<Severity, Map<string, Issue[]>>();
  for (const s of SEVERITIES) out.set(s, new Map());
  for (const i of issues) {
    const byRule = out.get(i.severity)!;
    (byRule.get(i.rule) ?? byRule.set(i.rule, []).get(i.rule)!).push(i);
  }
  return out;
}

export function LiveIndicator({ state, at }: { state: SchedulerState; at: number | null }) {
  const t = useT();
  const { jam } = useWaktu();
  if (state === 'running') return <span role="status" aria-live="polite" data-testid="live-state" data-state="running"><Spinner size="extra-tiny" label={t('running')} labelPosition="after" /></span>;
  if (state === 'pending') return <Text role="status" aria-live="polite" data-testid="live-state" data-state="pending" size={200}>{t('pending')}</Text>;
  return <Text role="status" aria-live="polite" data-testid="live-state" data-state="idle" size={200}>● {t('upToDate')}{at ? ` ${jam(at)}` : ''}</Text>;
}

/** "Siap dikirim" or how many errors are left: the same words in Validasi and Kirim. */
export function ReadyState({ errors, reference, onGoPush }: { errors: number; reference?: ReferenceState; onGoPush?: () => void }) {
  const t = useT();
  if (reference === 'loading') return null;
  if (errors > 0) return <Badge color="danger" appearance="tint" data-testid="ready" data-ready="false">{t('belumSiap', { n: errors })}</Badge>;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="ready" data-ready="true">
      <MessageBarBody><b>{t('readyToPush')}</b> {t('readyHint')}</MessageBarBody>
      {onGoPush && <MessageBarActions><Button size="small" onClick={onGoPush} data-testid="go-push">{t('goPush')}</Button></MessageBarActions>}
    </MessageBar>
  );
}

function RuleGroup({ rule, list, sev, onSelect }: { rule: string; list: Issue[]; sev: Severity; onSelect: (i: Issue) => void }) {
  const t = useT();
  const lang = useLang();
  const help = ruleHelp(rule);
  return (
    <details open={sev === 'E'} className="pokin-rule" data-testid="rule-group" data-rule={rule}>
      <summary><b>{rule}</b> {help ? help.title[lang] : ''} <Badge size="small" color={COLOR[sev]} appearance="outline">{list.length}</Badge></summary>
      {help && <Text as="p" size={200} className="pokin-fix" data-testid="rule-fix"><b>{t('howToFix')}:</b> {help.fix[lang]}</Text>}
      <ul className="pokin-issues">
        {list.map((i, k) => (
          <li key={`${i.sheet}!${i.cell}:${k}`}>
            <button type="button" className="pokin-issue" data-testid="issue" data-rule={i.rule} data-severity={i.severity} data-cell={`${i.sheet}!${i.cell}`} onClick={() => onSelect(i)}>
              <span className="pokin-loc">{i.sheet}!{i.cell}{i.id ? ` · ${i.id}` : ''}</span>
              <span>{lang === 'en' ? i.messageEn : i.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function IssuesPanel({ live, liveState, error, onValidate, onSelect, onWriteStatus, reference, onGoPush }: IssuesPanelProps) {
  const t = useT();
  const lang = useLang();
  const [filter, setFilter] = useState('');
  const issues = useMemo(() => live?.result.issues ?? [], [live]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return issues;
    return issues.filter((i) => `${i.rule} ${ruleHelp(i.rule)?.title[lang] ?? ''} ${i.id ?? ''} ${i.sheet} ${i.cell} ${lang === 'en' ? i.messageEn : i.message}`.toLowerCase().includes(q));
  }, [issues, filter, lang]);
  const groups = useMemo(() => groupIssues(shown), [shown]);
  const s = live?.result.summary;
  const label = { E: t('errors'), W: t('warnings'), I: t('infos') };
  return (
    <section aria-label={t('tabValidasi')} className="pokin-panel" data-testid="issues" data-reference={reference ?? 'idle'}>
      <div className="pokin-row">
        <Button appearance="primary" onClick={onValidate} data-testid="validate">{t('validate')}</Button>
        {onWriteStatus && <Button onClick={onWriteStatus} data-testid="write-status">{t('writeStatus')}</Button>}
      </div>
      <div className="pokin-row">
        <LiveIndicator state={liveState} at={live?.at ?? null} />
        {reference === 'loading' && <Text size={200} data-testid="reference-loading">{t('refLoading')}</Text>}
      </div>
      {reference === 'failed' && <MessageBar intent="warning"><MessageBarBody>{t('refFailed')}</MessageBarBody></MessageBar>}
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {s && (
        <div className="pokin-row" data-testid="counts">
          <Badge color="danger" data-testid="count-E">{s.errors} {t('errors')}</Badge>
          <Badge color="warning" data-testid="count-W">{s.warnings} {t('warnings')}</Badge>
          <Badge color="informative" data-testid="count-I">{s.infos} {t('infos')}</Badge>
          <Text size={200}>{s.boxes} {t('boxes')} · {s.indicators} {t('indicators')}</Text>
        </div>
      )}
      {s && s.boxes > 0 && <ReadyState errors={s.errors} reference={reference} {...(onGoPush ? { onGoPush } : {})} />}
      <Input value={filter} onChange={(_, d) => setFilter(d.value)} placeholder={t('filter')} aria-label={t('filter')} className="pokin-full" />
      {live && s && s.boxes === 0 && <Text data-testid="empty-tree">{t('emptyTree')}</Text>}
      {live && s && s.boxes > 0 && issues.length === 0 && <Text>{t('noIssues')}</Text>}
      <Accordion multiple collapsible defaultOpenItems={['E']}>
        {SEVERITIES.map((sev) => {
          const byRule = groups.get(sev)!;
          const n = [...byRule.values()].reduce((a, l) => a + l.length, 0);
          if (!n) return null;
          return (
            <AccordionItem value={sev} key={sev}>
              <AccordionHeader>{label[sev]}&nbsp;<Badge color={COLOR[sev]} appearance="tint">{n}</Badge></AccordionHeader>
              <AccordionPanel>
                {[...byRule.entries()].map(([rule, list]) => <RuleGroup key={rule} {...{ rule, list, sev, onSelect }} />)}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
