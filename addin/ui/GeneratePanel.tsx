/**
 * Lembar cetak: the generated sheets of core/derive — Matriks Cascading, Perjanjian Kinerja
 * per position for a chosen year, the Validasi sheet. Each generation is one write action;
 * a sheet that exists already is only overwritten after a confirmation naming it.
 */
import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { matriksSheet, pkOwners, pkSheet, pkSheets, validasiSheet, type SheetSpec } from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import type { PohonKinerja } from '../../core/model.js';
import { ConfirmDialog, type ConfirmRequest } from './Confirm.js';
import { useLang, useT } from './i18n.js';
import { failureText } from './messages.js';

export interface GeneratePanelProps {
  tree: PohonKinerja | null;
  issues: readonly Issue[];
  onRender: (specs: SheetSpec[]) => Promise<void>;
  /** The workbook's sheet names, to ask before overwriting one. */
  existingSheets?: () => Promise<string[]>;
}

export function GeneratePanel({ tree, issues, onRender, existingSheets }: GeneratePanelProps) {
  const t = useT();
  const lang = useLang();
  const years = tree?.config.years ?? [];
  const [year, setYear] = useState<number | null>(years[0] ?? null);
  const [owner, setOwner] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  if (!tree) return null;
  const owners = pkOwners(tree);
  const write = async (specs: SheetSpec[]) => {
    setBusy(true); setError(null); setDone(null);
    try {
      await onRender(specs);
      setDone(`${t('generated')} ${specs.map((s) => s.name).join(', ')}`);
    } catch (e) {
      setError(failureText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const run = async (make: () => SheetSpec[]) => {
    setError(null); setDone(null);
    let specs: SheetSpec[];
    try { specs = make(); } catch (e) { setError(failureText(e, lang)); return; }
    const have = new Set((await existingSheets?.().catch(() => [] as string[])) ?? []);
    const replaced = specs.map((s) => s.name).filter((n) => have.has(n));
    if (replaced.length) setConfirm({ title: t('confirmRegenerateTitle'), body: t('confirmRegenerateBody', { s: replaced.map((n) => `"${n}"`).join(', ') }), action: t('regenerate'), run: () => void write(specs) });
    else await write(specs);
  };
  const y = year ?? years[0];
  return (
    <section aria-label={t('tabBuat')} className="pokin-panel">
      <Button disabled={busy} onClick={() => void run(() => [matriksSheet(tree)])} data-testid="gen-matriks">{t('genMatriks')}</Button>
      <Field label={t('year')}>
        <Select value={String(y ?? '')} onChange={(_, d) => setYear(Number(d.value))}>{years.map((v) => <option key={v}>{v}</option>)}</Select>
      </Field>
      <Field label={t('position')}>
        <Select value={owner} onChange={(_, d) => setOwner(d.value)}>
          <option value="">{t('allPositions')}</option>
          {owners.map((o) => <option key={o} value={o}>{tree.jabatanById.get(o)?.nama ?? o} ({o})</option>)}
        </Select>
      </Field>
      <Button disabled={busy || y === undefined} onClick={() => void run(() => (owner ? [pkSheet(tree, owner, y)] : pkSheets(tree, y)))} data-testid="gen-pk">{t('genPk')}</Button>
      <Button disabled={busy} onClick={() => void run(() => [validasiSheet(issues, lang)])} data-testid="gen-validasi">{t('genValidasi')}</Button>
      {done && <MessageBar intent="success" data-testid="gen-done"><MessageBarBody>{done}</MessageBarBody></MessageBar>}
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
