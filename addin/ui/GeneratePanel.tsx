/**
 * Buat lembar: the generated sheets of core/derive — Matriks Cascading, Perjanjian Kinerja
 * per position for a chosen year, the Validasi sheet. Each generation is one write action.
 */
import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { matriksSheet, pkOwners, pkSheet, pkSheets, validasiSheet, type SheetSpec } from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import type { PohonKinerja } from '../../core/model.js';
import { useLang, useT } from './i18n.js';

export interface GeneratePanelProps {
  tree: PohonKinerja | null;
  issues: readonly Issue[];
  onRender: (specs: SheetSpec[]) => Promise<void>;
}

export function GeneratePanel({ tree, issues, onRender }: GeneratePanelProps) {
  const t = useT();
  const lang = useLang();
  const years = tree?.config.years ?? [];
  const [year, setYear] = useState<number | null>(years[0] ?? null);
  const [owner, setOwner] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!tree) return null;
  const owners = pkOwners(tree);
  const run = async (make: () => SheetSpec[]) => {
    setBusy(true); setError(null); setDone(null);
    try {
      const specs = make();
      await onRender(specs);
      setDone(`${t('generated')} ${specs.map((s) => s.name).join(', ')}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
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
    </section>
  );
}
