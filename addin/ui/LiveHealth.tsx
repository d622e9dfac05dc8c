/**
 * Whether live validation hears the workbook, in plain words: a refused registration (with a
 * way to try again), Excel keeping Pokin waiting (a cell being edited), when the list was last
 * checked in full, and "Pasang ulang format" for the marks a paste (Ctrl+V) replaced.
 */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { LiveHealth as Health } from '../live/controller.js';
import { useLang, useWaktu } from './i18n.js';

export interface LiveHealthProps {
  health: Health;
  waiting: boolean;
  errorText: (e: unknown) => string;
  onListenAgain: () => void;
  onReapplyFormats?: () => Promise<void>;
}

const TEXT = {
  id: {
    off: 'Validasi langsung tidak aktif', offHint: 'Perubahan tidak diperiksa otomatis; klik Validasi untuk memeriksa.', again: 'Aktifkan lagi',
    waiting: 'Menunggu Excel (sel sedang disunting?). Selesaikan suntingan; Pokin melanjutkan sendiri.',
    checked: 'Diperiksa penuh', reapply: 'Pasang ulang format', reapplied: 'Format penanda dipasang ulang.',
    paste: 'Tempel (Ctrl+V) mengganti format penanda sel; Tempel Nilai (Ctrl+Shift+V) mempertahankannya.',
  },
  en: {
    off: 'Live validation is off', offHint: 'Changes are not checked automatically; click Validasi to check.', again: 'Turn on again',
    waiting: 'Waiting for Excel (is a cell being edited?). Finish the edit; Pokin carries on by itself.',
    checked: 'Fully checked', reapply: 'Re-apply formats', reapplied: 'The marking formats were re-applied.',
    paste: 'Paste (Ctrl+V) replaces the cells\' marking formats; Paste Values (Ctrl+Shift+V) keeps them.',
  },
} as const;

export function LiveHealth({ health, waiting, errorText, onListenAgain, onReapplyFormats }: LiveHealthProps) {
  const t = TEXT[useLang()];
  const { jam } = useWaktu();
  const [note, setNote] = useState<string | null>(null);
  return (
    <div className="pokin-live-health" data-testid="live-health">
      {waiting && <MessageBar intent="warning" data-testid="waiting-excel"><MessageBarBody>{t.waiting}</MessageBarBody></MessageBar>}
      {!health.listening && health.error !== null && (
        <MessageBar intent="error" data-testid="live-off">
          <MessageBarBody>
            <b>{t.off}:</b> {errorText(health.error)} {t.offHint}{' '}
            <Button size="small" onClick={onListenAgain} data-testid="listen-again">{t.again}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className="pokin-row">
        {health.lastFullAt !== null && <Text size={200} data-testid="last-full">{t.checked} {jam(health.lastFullAt)}</Text>}
        {onReapplyFormats && (
          <Button size="small" data-testid="reapply-formats" title={t.paste}
            onClick={() => { setNote(null); void onReapplyFormats().then(() => setNote(t.reapplied), (e: unknown) => setNote(errorText(e))); }}>
            {t.reapply}
          </Button>
        )}
      </div>
      {onReapplyFormats && <div><Text size={100}>{t.paste}</Text></div>}
      {note && <div><Text size={200} role="status">{note}</Text></div>}
    </div>
  );
}
