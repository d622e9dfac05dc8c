/**
 * Crosscutting requests other OPDs address to this OPD, waiting for its decision (SAKIP.md §9):
 * approve, or reject with a reason (required: checked here before anything is sent).
 */
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { DecisionStatus, LinkView } from '../../core/wire/index.js';
import { useT } from './i18n.js';

export interface DecisionListProps {
  links: readonly LinkView[];
  onDecide: (linkId: string, status: DecisionStatus, reason: string) => Promise<void>;
}

function Request({ link, onDecide }: { link: LinkView; onDecide: DecisionListProps['onDecide'] }) {
  const t = useT();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const decide = async (status: DecisionStatus) => {
    if (status === 'ditolak' && reason.trim() === '') { setInvalid(true); return; }
    setBusy(true);
    try { await onDecide(link.linkId, status, status === 'ditolak' ? reason.trim() : ''); } finally { setBusy(false); }
  };
  return (
    <li className="pokin-details pokin-form" data-testid="cc-request" data-link={link.linkId}>
      <Text size={200}><b>{link.sourceNama || link.sourceOpd}</b> · {link.nodeId} → {link.nodeTujuan}</Text>
      {link.sourceNama && <Text size={200} className="pokin-code pokin-loc">{link.sourceOpd}</Text>}
      <Text size={200}>{link.kontribusi}{link.keterangan ? ` · ${link.keterangan}` : ''}</Text>
      {rejecting && (
        <Field label={t('reason')} validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? t('reasonRequired') : undefined}>
          <Textarea value={reason} onChange={(_, d) => { setReason(d.value); if (d.value.trim()) setInvalid(false); }} data-testid="cc-reason" />
        </Field>
      )}
      <div className="pokin-row">
        <Button size="small" appearance="primary" disabled={busy} onClick={() => void decide('disetujui')} data-testid="cc-approve">{t('approve')}</Button>
        <Button size="small" disabled={busy} onClick={() => (rejecting ? void decide('ditolak') : setRejecting(true))} data-testid="cc-reject">{t('reject')}</Button>
      </div>
    </li>
  );
}

export function DecisionList({ links, onDecide }: DecisionListProps) {
  const t = useT();
  if (links.length === 0) return <Text size={200} data-testid="cc-none">{t('noRequests')}</Text>;
  return (
    <ul className="pokin-opds" data-testid="cc-list">
      {links.map((l) => <Request key={l.linkId} link={l} onDecide={onDecide} />)}
    </ul>
  );
}
