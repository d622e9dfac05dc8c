/**
 * Validasi: issues grouped by severity and rule, counts as badges, a filter, a live
 * indicator; clicking (or Enter on) an issue selects its cell in the workbook.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Input, MessageBar, MessageBarBody, Spinner, Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue, Severity } from '../../core/issues.js';
import type { LiveResult } from '../live/controller.js';
import type { SchedulerState } from '../live/scheduler.js';
import { useLang, useT, useWaktu } from './i18n.js';

export interface IssuesPanelProps {
  live: LiveResult | null;
  liveState: SchedulerState;
  error: string | null;
  onValidate: () => void;
  onSelect: (i: Issue) => void;
  onWriteStatus?: () => void;
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

export function IssuesPanel({ live, liveState, error, onValidate, onSelect, onWriteStatus }: IssuesPanelProps) {
  const t = useT();
  const lang = useLang();
  const [filter, setFilter] = useState('');
  const issues = useMemo(() => live?.result.issues ?? [], [live]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return issues;
    return issues.filter((i) => `${i.rule} ${i.id ?? ''} ${i.sheet} ${i.cell} ${lang === 'en' ? i.messageEn : i.message}`.toLowerCase().includes(q));
  }, [issues, filter, lang]);
  const groups = useMemo(() => groupIssues(shown), [shown]);
  const s = live?.result.summary;
  const label = { E: t('errors'), W: t('warnings'), I: t('infos') };
  return (
    <section aria-label={t('tabValidasi')} className="pokin-panel">
      <div className="pokin-row">
        <Button appearance="primary" onClick={onValidate} data-testid="validate">{t('validate')}</Button>
        {onWriteStatus && <Button onClick={onWriteStatus} data-testid="write-status">{t('writeStatus')}</Button>}
      </div>
      <div className="pokin-row">
        <LiveIndicator state={liveState} at={live?.at ?? null} />
      </div>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {s && (
        <div className="pokin-row" data-testid="counts">
          <Badge color="danger" data-testid="count-E">{s.errors} {t('errors')}</Badge>
          <Badge color="warning" data-testid="count-W">{s.warnings} {t('warnings')}</Badge>
          <Badge color="informative">{s.infos} {t('infos')}</Badge>
          <Text size={200}>{s.boxes} {t('boxes')} · {s.indicators} {t('indicators')}</Text>
        </div>
      )}
      <Input value={filter} onChange={(_, d) => setFilter(d.value)} placeholder={t('filter')} aria-label={t('filter')} className="pokin-full" />
      {live && issues.length === 0 && <Text>{t('noIssues')}</Text>}
      <Accordion multiple collapsible defaultOpenItems={['E']}>
        {SEVERITIES.map((sev) => {
          const byRule = groups.get(sev)!;
          const n = [...byRule.values()].reduce((a, l) => a + l.length, 0);
          if (!n) return null;
          return (
            <AccordionItem value={sev} key={sev}>
              <AccordionHeader>{label[sev]}&nbsp;<Badge color={COLOR[sev]} appearance="tint">{n}</Badge></AccordionHeader>
              <AccordionPanel>
                {[...byRule.entries()].map(([rule, list]) => (
                  <details key={rule} open={sev === 'E'} className="pokin-rule">
                    <summary><b>{rule}</b> <Badge size="small" color={COLOR[sev]} appearance="outline">{list.length}</Badge></summary>
                    <ul className="pokin-issues">
                      {list.map((i, k) => (
                        <li key={`${i.sheet}!${i.cell}:${k}`}>
                          <button type="button" className="pokin-issue" data-testid="issue" data-rule={i.rule} data-cell={`${i.sheet}!${i.cell}`} onClick={() => onSelect(i)}>
                            <span className="pokin-loc">{i.sheet}!{i.cell}{i.id ? ` · ${i.id}` : ''}</span>
                            <span>{lang === 'en' ? i.messageEn : i.message}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </details>
                ))}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
