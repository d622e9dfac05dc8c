/**
 * One OPD picked in the Konsolidasi list: its HEAD version and last review, open its tree
 * read-only into a sheet, accept it, or return it with a note (checked here before sending:
 * the server refuses a return without one, and the OPD needs to know what to fix).
 */
import { Badge, Button, Field, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { OpdRow, ReviewAction } from '../../core/wire/index.js';
import { ConfirmDialog, type ConfirmRequest } from './Confirm.js';
import { useT, useWaktu } from './i18n.js';
import { STATUS_COLOR } from './OpdList.js';

export interface ReviewBoxProps {
  row: OpdRow;
  /** Only the Bagian Organisasi accepts or returns; Bappeda and admin read. */
  canReview: boolean;
  onReview: (action: ReviewAction, note: string) => Promise<void>;
  onOpenTree: () => Promise<string>;
  failText: (e: unknown) => string;
}

export function ReviewBox({ row, canReview, onReview, onOpenTree, failText }: ReviewBoxProps) {
  const t = useT();
  const { tanggal } = useWaktu();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const name = row.namaOpd || row.opd;
  const act = async (fn: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ intent: 'success', text: await fn() });
    } catch (e) {
      setMessage({ intent: 'error', text: failText(e) });
    } finally {
      setBusy(false);
    }
  };
  const review = (action: ReviewAction) => {
    if (action === 'kembalikan' && note.trim() === '') { setInvalid(true); return; }
    setInvalid(false);
    const run = () => void act(async () => {
      await onReview(action, note.trim());
      setNote('');
      return t('reviewed', { v: row.version, status: t(action === 'terima' ? 'st_diterima' : 'st_dikembalikan') });
    });
    // A review is seen by the OPD at once: confirm it, with the note it will read.
    setConfirm(action === 'terima'
      ? { title: t('confirmAcceptTitle', { v: row.version, opd: name }), body: t('confirmAcceptBody'), action: t('accept', { v: row.version }), run }
      : { title: t('confirmReturnTitle', { v: row.version, opd: name }), body: t('confirmReturnBody', { note: note.trim() }), action: t('returnVersion', { v: row.version }), run });
  };
  return (
    <section className="pokin-details pokin-form" aria-label={name} data-testid="review-box">
      <div className="pokin-row">
        <b className="pokin-grow">{row.namaOpd || t('namaOpdUnknown')}</b>
        <Badge appearance="filled" color={STATUS_COLOR[row.status]}>{t(`st_${row.status}`)}</Badge>
      </div>
      <Text size={200} className="pokin-code">{row.opd}</Text>
      <Text size={200}>v{row.version} · {row.author} · {tanggal(row.at)} · E{row.counts.errors} W{row.counts.warnings}</Text>
      {row.review && <Text size={200} data-testid="review-last">{t('reviewNote')}: {row.review.note || '—'} ({row.review.by}, {tanggal(row.review.at)})</Text>}
      <Button size="small" disabled={busy} onClick={() => void act(async () => `${t('opened')} ${await onOpenTree()}`)} data-testid="open-tree">{t('openTree')}</Button>
      {canReview && row.status !== 'diajukan' ? (
        // A version is reviewed once (the server answers 409 ALREADY_DECIDED to a second decision).
        <Text size={200} data-testid="review-done">{t('reviewDone', { v: row.version })}</Text>
      ) : canReview ? (
        <>
          <Field label={t('note')} validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? t('noteRequired') : undefined}>
            <Textarea value={note} onChange={(_, d) => { setNote(d.value); if (d.value.trim()) setInvalid(false); }} resize="vertical" data-testid="review-note" />
          </Field>
          <div className="pokin-row">
            <Button appearance="primary" size="small" disabled={busy} onClick={() => review('terima')} data-testid="review-accept">{t('accept', { v: row.version })}</Button>
            <Button size="small" disabled={busy} onClick={() => review('kembalikan')} data-testid="review-return">{t('returnVersion', { v: row.version })}</Button>
          </div>
        </>
      ) : <Text size={200}>{t('onlyOrganisasi')}</Text>}
      {message && <MessageBar intent={message.intent} data-testid="review-result"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
