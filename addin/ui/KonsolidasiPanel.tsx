/**
 * Konsolidasi (Bagian Organisasi, Bappeda, admin): the OPD list of a period, one OPD's review
 * (ReviewBox), and the consolidated workbook: pulled into this workbook (all pages, sheets in
 * row blocks, with progress and the Excel sync count) or, in preview, saved as .xlsx.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { checkPeriode, type ConsolidationBasis, type OpdRow } from '../../core/wire/index.js';
import type { KonsolidasiCalls } from '../konsolidasi/calls.js';
import { useT } from './i18n.js';
import { OpdList } from './OpdList.js';
import { ReviewBox } from './ReviewBox.js';

export interface KonsolidasiPanelProps {
  calls: KonsolidasiCalls;
  defaultPeriode: string;
  canReview: boolean;
  failText: (e: unknown) => string;
}

type Outcome = { intent: 'success' | 'error'; text: string; sheets?: string[] };

export function KonsolidasiPanel({ calls, defaultPeriode, canReview, failText }: KonsolidasiPanelProps) {
  const t = useT();
  const [periode, setPeriode] = useState(defaultPeriode);
  const [rows, setRows] = useState<OpdRow[] | null>(null);
  const [updates, setUpdates] = useState<ReadonlyMap<string, Partial<OpdRow>>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [basis, setBasis] = useState<ConsolidationBasis>('diterima');
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const periodeOk = checkPeriode(periode.trim()).ok;

  const load = async () => {
    if (!periodeOk) { setListError(t('needPeriode')); return; }
    setListError(null);
    try {
      setRows(await calls.listOpd(periode));
      setUpdates(new Map());
    } catch (e) {
      setRows(null);
      setListError(failText(e));
    }
  };
  const transfer = async (run: (f: (x: number) => void) => Promise<Outcome>) => {
    if (!periodeOk) { setOutcome({ intent: 'error', text: t('needPeriode') }); return; }
    setOutcome(null);
    setProgress(0);
    try {
      setOutcome(await run(setProgress));
    } catch (e) {
      setOutcome({ intent: 'error', text: failText(e) });
    } finally {
      setProgress(null);
    }
  };
  const pull = () => transfer(async (f) => {
    const r = await calls.pull(periode, basis, f);
    const syncs = r.syncs === null ? '' : ` · ${t('syncs', { n: r.syncs })}`;
    return { intent: 'success', text: `${t('pulled', { rows: r.rows })}${syncs}`, sheets: r.sheets };
  });
  const save = () => transfer(async (f) => ({ intent: 'success', text: `${t('saved')} ${await calls.saveXlsx!(periode, basis, f)}` }));
  const found = rows?.find((r) => r.opd === selected);
  const row = found ? { ...found, ...updates.get(found.opd) } : null;

  return (
    <section aria-label={t('tabKonsolidasi')} className="pokin-panel" data-testid="konsolidasi">
      <form className="pokin-form" onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <Field label={`${t('periode')} (${calls.pemda})`} validationState={listError ? 'error' : 'none'} validationMessage={listError ?? undefined}>
          <Input value={periode} placeholder={t('periodeHint')} onChange={(_, d) => setPeriode(d.value)} data-testid="konsolidasi-periode" />
        </Field>
        <Button type="submit" appearance="primary" size="small" className="pokin-start" data-testid="load-opd">{rows ? t('refresh') : t('loadOpd')}</Button>
      </form>
      {rows && <OpdList rows={rows} updates={updates} selected={selected} onSelect={setSelected} />}
      {row && (
        <ReviewBox key={row.opd} row={row} canReview={canReview} failText={failText} onOpenTree={() => calls.openTree(periode, row.opd)}
          onReview={async (action, note) => {
            const a = await calls.review(periode, row.opd, row.version, action, note);
            setUpdates((u) => new Map(u).set(row.opd, { status: a.status, review: a.review }));
          }} />
      )}
      <Field label={t('basis')}>
        <Select value={basis} onChange={(_, d) => setBasis(d.value as ConsolidationBasis)} data-testid="konsolidasi-basis">
          <option value="diterima">{t('basisDiterima')}</option>
          <option value="terbaru">{t('basisTerbaru')}</option>
        </Select>
      </Field>
      <Button disabled={progress !== null} onClick={() => void pull()} data-testid="pull-consolidated">{progress !== null ? t('pulling') : t('pullConsolidated')}</Button>
      {calls.saveXlsx && <Button disabled={progress !== null} onClick={() => void save()} data-testid="save-consolidated">{t('saveXlsx')}</Button>}
      {progress !== null && <ProgressBar value={progress} aria-label={t('pulling')} data-testid="pull-progress" />}
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid="pull-result">
          <MessageBarBody>
            {outcome.text}
            {outcome.sheets && <Text as="p" size={200}>{outcome.sheets.join(', ')}</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
