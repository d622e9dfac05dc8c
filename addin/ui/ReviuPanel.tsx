/**
 * Reviu (perencana): the review status of the planner's own tree (diajukan / diterima /
 * dikembalikan, the reviewer's note, who and when) and the crosscutting requests waiting for
 * this OPD's decision.
 */
import { Badge, Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { LinkView, VersionMeta } from '../../core/wire/index.js';
import type { PlannerCalls } from '../konsolidasi/calls.js';
import { DecisionList } from './DecisionList.js';
import { useT, useWaktu } from './i18n.js';
import { STATUS_COLOR } from './OpdList.js';

export interface ReviuPanelProps {
  calls: PlannerCalls | null;
  /** The planner's own OPD name (the workbook's Info). */
  namaOpd?: string;
  failText: (e: unknown) => string;
}

export function ReviuPanel({ calls, failText, namaOpd }: ReviuPanelProps) {
  const t = useT();
  const { tanggal } = useWaktu();
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [incoming, setIncoming] = useState<LinkView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const load = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    if (!calls) return;
    let current = true;
    void Promise.allSettled([calls.versions(), calls.incoming()]).then(([v, c]) => {
      if (!current) return;
      // No tree pushed yet answers 404: an empty history, not an error.
      setVersions(v.status === 'fulfilled' ? v.value : []);
      setIncoming(c.status === 'fulfilled' ? c.value.filter((l) => l.status === 'Menunggu') : []);
      const failed = [v, c].find((x): x is PromiseRejectedResult => x.status === 'rejected' && (x.reason as { status?: number })?.status !== 404);
      setError(failed ? failText(failed.reason) : null);
    });
    return () => { current = false; };
  }, [calls, failText, round]);
  if (!calls) return <section className="pokin-panel"><Text>{t('plannerNeedsInfo')}</Text></section>;
  const head = versions?.[0];
  const earlier = (versions ?? []).slice(1).filter((v) => v.review);
  return (
    <section aria-label={t('tabReviu')} className="pokin-panel" data-testid="reviu">
      <div className="pokin-row">
        <Text weight="semibold" className="pokin-grow">{t('reviewStatus')}</Text>
        <Button size="small" onClick={() => void load()} data-testid="reviu-refresh">{t('refresh')}</Button>
      </div>
      <Text size={200}>{namaOpd ? <b>{namaOpd}</b> : null} <span className="pokin-code">{calls.ref.opd}</span> · {calls.ref.periode}</Text>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {versions && !head && <Text>{t('noHistory')}</Text>}
      {head && (
        <div className="pokin-details pokin-form" data-testid="reviu-status" data-status={head.status}>
          <div className="pokin-row">
            <Text className="pokin-grow">{t('version')} {head.version} · {tanggal(head.at)}</Text>
            <Badge appearance="filled" color={STATUS_COLOR[head.status]}>{t(`st_${head.status}`)}</Badge>
          </div>
          {head.review
            ? <Text size={200} data-testid="reviu-note">{t('reviewNote')}: <b>{head.review.note || '—'}</b> ({head.review.by}, {tanggal(head.review.at)})</Text>
            : <Text size={200}>{t('noReview')}</Text>}
        </div>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{t('earlierReviews')}</summary>
          <ol className="pokin-history">
            {earlier.map((v) => <li key={v.version}>v{v.version} · {t(`st_${v.status}`)} · {v.review!.note || '—'} ({v.review!.by}, {tanggal(v.review!.at)})</li>)}
          </ol>
        </details>
      )}
      <Text weight="semibold">{t('crosscuttingIn')}</Text>
      {incoming && (
        <DecisionList links={incoming} onDecide={async (id, status, reason) => {
          setDecided(null);
          try {
            const asked = incoming.find((x) => x.linkId === id);
            const l = await calls.decide(id, status, reason);
            setIncoming((xs) => xs?.filter((x) => x.linkId !== id) ?? null);
            setDecided(`${t('decided')} ${asked?.sourceNama || l.sourceNama || l.sourceOpd} ${l.nodeId} → ${l.status}`);
          } catch (e) {
            setError(failText(e));
          }
        }} />
      )}
      {decided && <MessageBar intent="success" data-testid="cc-decided"><MessageBarBody>{decided}</MessageBarBody></MessageBar>}
    </section>
  );
}
