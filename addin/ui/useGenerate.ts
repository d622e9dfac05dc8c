/**
 * Generating sheets as one user action, shared by Cetak and Pengukuran: the specifications are
 * made by core, a sheet that exists already is only overwritten after a confirmation naming it,
 * and the outcome (the sheets written, or why not) is kept for the panel to show.
 */
import { useState } from 'react';
import type { SheetSpec } from '../../core/derive/spec.js';
import type { ConfirmRequest } from './Confirm.js';
import { useLang, useT } from './i18n.js';
import { failureText } from './messages.js';

export interface Generate {
  busy: boolean;
  done: string | null;
  error: string | null;
  confirm: ConfirmRequest | null;
  closeConfirm(): void;
  setError(e: string | null): void;
  /** Makes the specs (core) and writes them; `after` runs once they are written. */
  run(make: () => SheetSpec[], after?: (specs: SheetSpec[]) => void): Promise<void>;
}

export function useGenerate(onRender: (specs: SheetSpec[]) => Promise<void>, existingSheets?: () => Promise<string[]>): Generate {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const write = async (specs: SheetSpec[], after?: (specs: SheetSpec[]) => void) => {
    setBusy(true); setError(null); setDone(null);
    try {
      await onRender(specs);
      setDone(`${t('generated')} ${specs.map((s) => s.name).join(', ')}`);
      after?.(specs);
    } catch (e) {
      setError(failureText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy, done, error, confirm, setError,
    closeConfirm: () => setConfirm(null),
    run: async (make, after) => {
      setError(null); setDone(null);
      let specs: SheetSpec[];
      try { specs = make(); } catch (e) { setError(failureText(e, lang)); return; }
      if (!specs.length) return;
      const have = new Set((await existingSheets?.().catch(() => [] as string[])) ?? []);
      const replaced = specs.map((s) => s.name).filter((n) => have.has(n));
      if (replaced.length) {
        setConfirm({ title: t('confirmRegenerateTitle'), body: t('confirmRegenerateBody', { s: replaced.map((n) => `"${n}"`).join(', ') }), action: t('regenerate'), run: () => void write(specs, after) });
      } else await write(specs, after);
    },
  };
}
