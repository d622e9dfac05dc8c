/**
 * Kirim: sign in, push with progress, the version after success, the 409 dialog (who pushed
 * which version when), pending pushes of the offline queue, and the version history.
 */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, ProgressBar, Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { StaleDetails, VersionMeta } from '../../core/wire/index.js';
import type { PendingPush } from '../api/queue.js';
import type { PullOutcome, PushOutcome } from '../workspace.js';
import { useLang, useT, useWaktu } from './i18n.js';
import { SignIn, type SignInProps } from './SignIn.js';

export interface PushPanelProps {
  signIn: SignInProps;
  baseVersion: number;
  lastVersion: number | null;
  pending: PendingPush[];
  errors: number;
  onPush: (progress: (s: 'validate' | 'status' | 'send') => void, base?: number) => Promise<PushOutcome>;
  /** Pulls a version (default: the latest) into the workbook. */
  onPull: (version?: number) => Promise<PullOutcome>;
  onHistory: () => Promise<VersionMeta[]>;
  onRetryQueue: () => void;
}

const STEP = { validate: 0.3, status: 0.6, send: 0.9 } as const;

export function PushPanel({ signIn, baseVersion, lastVersion, pending, errors, onPush, onPull, onHistory, onRetryQueue }: PushPanelProps) {
  const t = useT();
  const { tanggal } = useWaktu();
  const lang = useLang();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [conflict, setConflict] = useState<StaleDetails | null>(null);
  const [history, setHistory] = useState<VersionMeta[] | null>(null);
  const push = async (base?: number) => {
    setMessage(null);
    setConflict(null);
    setProgress(0.1);
    try {
      const r = await onPush((s) => setProgress(STEP[s]), base);
      if (r.kind === 'pushed') setMessage({ intent: 'success', text: `${t('pushed')} ${r.version}` });
      else if (r.kind === 'blocked') setMessage({ intent: 'error', text: `${t('blockedByErrors')} (${r.errors})` });
      else if (r.kind === 'conflict') setConflict(r.stale);
      // Queued: the pending bar below says it (with retry); no second message.
      else if (r.kind === 'queued') setMessage(null);
      else setMessage({ intent: 'error', text: lang === 'en' ? r.message.en : r.message.id });
      if (r.kind === 'pushed') setHistory(await onHistory().catch(() => null));
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setProgress(null);
    }
  };
  const pull = async (version?: number) => {
    setMessage(null);
    setConflict(null);
    setProgress(0.5);
    try {
      const r = await onPull(version);
      if (r.kind === 'pulled') setMessage({ intent: 'success', text: t('pulledVersion', { v: r.version }) });
      else setMessage({ intent: 'error', text: lang === 'en' ? r.message.en : r.message.id });
    } finally {
      setProgress(null);
    }
  };
  return (
    <section aria-label={t('tabKirim')} className="pokin-panel">
      <SignIn {...signIn} />
      <Text size={200}>{t('base')}: {baseVersion}{lastVersion !== null ? ` · ${t('pushed')} ${lastVersion}` : ''}</Text>
      <Button appearance="primary" disabled={!signIn.token || progress !== null} onClick={() => void push()} data-testid="push">
        {progress !== null ? t('pushing') : t('push')}
      </Button>
      {errors > 0 && <Text size={200}>{t('blockedByErrors')} ({errors})</Text>}
      {progress !== null && <ProgressBar value={progress} aria-label={t('pushing')} />}
      {message && <MessageBar intent={message.intent} data-testid="push-result"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {pending.length > 0 && (
        <MessageBar intent="warning" data-testid="pending">
          <MessageBarBody>{t('queued')}: {pending.map((p) => `${p.ref.opd} (${p.lastError}, ${p.attempts}×)`).join(', ')}</MessageBarBody>
          <Button size="small" onClick={onRetryQueue}>{t('retry')}</Button>
        </MessageBar>
      )}
      <Button size="small" disabled={!signIn.token} onClick={() => void onHistory().then(setHistory).catch(() => setHistory([]))} data-testid="history">{t('history')}</Button>
      {history && (history.length === 0 ? <Text>{t('noHistory')}</Text> : (
        <ol className="pokin-history" data-testid="history-list">
          {history.map((v) => <li key={v.version}>v{v.version} · {tanggal(v.at)} · {v.author} · {v.counts.boxes} {t('boxes')} · {v.status}</li>)}
        </ol>
      ))}
      <Dialog open={conflict !== null} onOpenChange={(_, d) => { if (!d.open) setConflict(null); }}>
        <DialogSurface data-testid="conflict">
          <DialogBody>
            <DialogTitle>{t('conflictTitle')}</DialogTitle>
            <DialogContent>{conflict && t('conflictBody', { v: conflict.currentVersion, by: conflict.by, at: tanggal(conflict.at) })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => { const v = conflict!.currentVersion; setConflict(null); void push(v); }}>{conflict && t('pushOver', { v: conflict.currentVersion })}</Button>
              <Button onClick={() => { const v = conflict!.currentVersion; void pull(v); }} data-testid="pull-conflict">{conflict && t('pullVersion', { v: conflict.currentVersion })}</Button>
              <Button onClick={() => setConflict(null)}>{t('close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
