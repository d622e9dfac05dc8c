/**
 * Pushing one of the OPD's yearly documents (the realisasi, the LKE answers): the button, the
 * version it became, why it was refused, and after a 409 who pushed which version when, with
 * "kirim di atas versi N" (the planner decides; nothing is merged silently).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { StaleDetails } from '../../core/wire/index.js';
import type { DocPushOutcome } from '../docs.js';
import { useLang, useT, useWaktu } from './i18n.js';
import { failureText } from './messages.js';

export interface DocPushProps {
  label: string;
  pushedText: (version: number) => string;
  signedIn: boolean;
  onPush: (base?: number) => Promise<DocPushOutcome>;
  testId: string;
}

export function DocPush({ label, pushedText, signedIn, onPush, testId }: DocPushProps) {
  const t = useT();
  const lang = useLang();
  const { tanggal } = useWaktu();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [conflict, setConflict] = useState<StaleDetails | null>(null);
  const push = async (base?: number) => {
    setBusy(true); setMessage(null); setConflict(null);
    try {
      const r = await onPush(base);
      if (r.kind === 'pushed') setMessage({ intent: 'success', text: pushedText(r.version) });
      else if (r.kind === 'conflict') setConflict(r.stale);
      else if (r.kind === 'blocked') setMessage({ intent: 'error', text: lang === 'en' ? r.message.en : r.message.id });
      else setMessage({ intent: 'error', text: r.error ? failureText(r.error, lang) : (lang === 'en' ? r.message.en : r.message.id) });
    } catch (e) {
      setMessage({ intent: 'error', text: failureText(e, lang) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="pokin-form">
      <Button appearance="primary" disabled={!signedIn || busy} onClick={() => void push()} data-testid={testId}>{busy ? t('pushing') : label}</Button>
      {!signedIn && <Text size={200} className="pokin-loc">{t('needSignIn')}</Text>}
      {message && <MessageBar intent={message.intent} layout="multiline" data-testid={`${testId}-result`} data-intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {conflict && (
        <MessageBar intent="warning" layout="multiline" data-testid={`${testId}-conflict`}>
          <MessageBarBody><b>{t('conflictTitle')}</b> {t('conflictBody', { v: conflict.currentVersion, by: conflict.by, at: tanggal(conflict.at) })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void push(conflict.currentVersion)} data-testid={`${testId}-over`}>{t('pushOver', { v: conflict.currentVersion })}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
