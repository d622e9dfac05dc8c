/**
 * Kirim: sign in, "siap dikirim", push with progress, the version after success, the 409
 * dialog (who pushed which version when) for a direct push and for a queued one that met a
 * newer version on retry, pulling a version (after a confirmation that says where the
 * current tables are kept), the offline queue in words, and the version history.
 */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { StaleDetails, VersionMeta } from '../../core/wire/index.js';
import type { PendingPush } from '../api/queue.js';
import type { PullOutcome, PushOutcome, ReferenceState } from '../workspace.js';
import { ConfirmDialog, type ConfirmRequest } from './Confirm.js';
import { useLang, useT, useWaktu } from './i18n.js';
import { ReadyState } from './IssuesPanel.js';
import { failureText, pendingReason } from './messages.js';
import { SignIn, type SignInProps } from './SignIn.js';

export interface PushPanelProps {
  signIn: SignInProps;
  baseVersion: number;
  lastVersion: number | null;
  pending: PendingPush[];
  errors: number;
  reference?: ReferenceState;
  onPush: (progress: (s: 'validate' | 'status' | 'send') => void, base?: number) => Promise<PushOutcome>;
  /** Pulls a version (default: the latest) into the workbook. */
  onPull: (version?: number) => Promise<PullOutcome>;
  onHistory: () => Promise<VersionMeta[]>;
  onRetryQueue: () => void;
  /** A queued push refused with 409 on retry (Workspace state): shown as the same dialog. */
  queueConflict?: StaleDetails | null;
  onDismissQueueConflict?: () => void;
}

const STEP = { validate: 0.3, status: 0.6, send: 0.9 } as const;

export function PushPanel(p: PushPanelProps) {
  const { signIn, baseVersion, lastVersion, pending, errors, onPush, onPull, onHistory, onRetryQueue } = p;
  const t = useT();
  const { tanggal, jam } = useWaktu();
  const lang = useLang();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [directConflict, setConflict] = useState<StaleDetails | null>(null);
  const [history, setHistory] = useState<VersionMeta[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const conflict = directConflict ?? p.queueConflict ?? null;
  const closeConflict = () => { setConflict(null); p.onDismissQueueConflict?.(); };
  const loadHistory = async () => {
    setHistoryError(null);
    try { setHistory(await onHistory()); } catch (e) { setHistory(null); setHistoryError(failureText(e, lang)); }
  };
  const push = async (base?: number) => {
    setMessage(null);
    closeConflict();
    setProgress(0.1);
    try {
      const r = await onPush((s) => setProgress(STEP[s]), base);
      if (r.kind === 'pushed') setMessage({ intent: 'success', text: `${t('pushed')} ${r.version}` });
      else if (r.kind === 'blocked') setMessage({ intent: 'error', text: `${t('blockedByErrors')} (${r.errors})` });
      else if (r.kind === 'conflict') setConflict(r.stale);
      // Queued: the pending bar below says it (with retry); no second message.
      else if (r.kind === 'queued') setMessage(null);
      else setMessage({ intent: 'error', text: r.error ? failureText(r.error, lang) : (lang === 'en' ? r.message.en : r.message.id) });
      if (r.kind === 'pushed') await loadHistory();
    } catch (e) {
      setMessage({ intent: 'error', text: failureText(e, lang) });
    } finally {
      setProgress(null);
    }
  };
  const pull = async (version?: number) => {
    setMessage(null);
    closeConflict();
    setProgress(0.5);
    try {
      const r = await onPull(version);
      if (r.kind === 'pulled') {
        const kept = r.kept.length ? ` ${t('keptSheets', { s: r.kept.map((s) => `"${s}"`).join(', ') })}` : '';
        setMessage({ intent: 'success', text: `${t('pulledVersion', { v: r.version })}${kept}` });
      } else setMessage({ intent: 'error', text: r.error ? failureText(r.error, lang) : (lang === 'en' ? r.message.en : r.message.id) });
    } finally {
      setProgress(null);
    }
  };
  const askPull = (v: number) => setConfirm({ title: t('confirmPullTitle', { v }), body: t('confirmPullBody'), action: t('confirmPull'), run: () => void pull(v) });
  return (
    <section aria-label={t('tabKirim')} className="pokin-panel">
      <SignIn {...signIn} />
      <ReadyState errors={errors} {...(p.reference ? { reference: p.reference } : {})} />
      <Text size={200}>{t('base')}: {baseVersion}{lastVersion !== null ? ` · ${t('pushed')} ${lastVersion}` : ''}</Text>
      <Button appearance="primary" disabled={!signIn.token || progress !== null} onClick={() => void push()} data-testid="push">
        {progress !== null ? t('pushing') : t('push')}
      </Button>
      {progress !== null && <ProgressBar value={progress} aria-label={t('pushing')} />}
      {message && <MessageBar intent={message.intent} data-testid="push-result"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {pending.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="pending">
          <MessageBarBody>
            {t('queued')}: {pending.map((x) => `${pendingReason(x.lastError, lang)}; ${t('attempts', { n: x.attempts })}; ${t('nextRetry', { t: jam(x.nextAt) })}`).join(' · ')}
          </MessageBarBody>
          <MessageBarActions><Button size="small" onClick={onRetryQueue} data-testid="retry-queue">{t('retry')}</Button></MessageBarActions>
        </MessageBar>
      )}
      <Button size="small" disabled={!signIn.token} onClick={() => void loadHistory()} data-testid="history">{t('history')}</Button>
      {historyError && <MessageBar intent="error" data-testid="history-error"><MessageBarBody>{t('historyFailed')} {historyError}</MessageBarBody></MessageBar>}
      {history && (history.length === 0 ? <Text data-testid="history-empty">{t('noHistory')}</Text> : (
        <ol className="pokin-history" data-testid="history-list">
          {history.map((v) => <li key={v.version}>v{v.version} · {tanggal(v.at)} · {v.author} · {v.counts.boxes} {t('boxes')} · {t(`st_${v.status}`)}</li>)}
        </ol>
      ))}
      <Dialog open={conflict !== null} onOpenChange={(_, d) => { if (!d.open) closeConflict(); }}>
        <DialogSurface data-testid="conflict">
          <DialogBody>
            <DialogTitle>{t('conflictTitle')}</DialogTitle>
            <DialogContent>
              {p.queueConflict && !directConflict && <Text as="p" block weight="semibold" style={{ marginBottom: 6 }}>{t('conflictQueued')}</Text>}
              {conflict && t('conflictBody', { v: conflict.currentVersion, by: conflict.by, at: tanggal(conflict.at) })}
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => { const v = conflict!.currentVersion; closeConflict(); void push(v); }} data-testid="push-over">{conflict && t('pushOver', { v: conflict.currentVersion })}</Button>
              <Button onClick={() => { const v = conflict!.currentVersion; closeConflict(); askPull(v); }} data-testid="pull-conflict">{conflict && t('pullVersion', { v: conflict.currentVersion })}</Button>
              <Button onClick={closeConflict}>{t('close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
