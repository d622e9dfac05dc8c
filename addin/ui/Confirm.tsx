/**
 * Confirmation before a step that replaces or decides something (Tarik versi, Terima,
 * Kembalikan, regenerating sheets): what will happen, in words, and two buttons.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useT } from './i18n.js';

export interface ConfirmRequest {
  title: string;
  body: string;
  action: string;
  run: () => void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={request !== null} onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface data-testid="confirm">
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>{request?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="confirm-yes" onClick={() => { const r = request; onClose(); r?.run(); }}>{request?.action}</Button>
            <Button data-testid="confirm-no" onClick={onClose}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
