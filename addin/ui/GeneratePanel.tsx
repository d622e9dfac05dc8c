/**
 * Lembar cetak: the generated sheets of core/derive — Matriks Cascading (a year or the period,
 * paper, a band per Sasaran), Perjanjian Kinerja per position for a chosen year (paper A4/F4,
 * place of signing, PK Perubahan, DRAF), the Validasi sheet. A PK is a signed document: it is
 * refused while the tree has errors unless DRAF is ticked — core's `pkGate` over the same
 * Final validation with the reference list as `pokin export`, and core's `pkSpecs` make the
 * sheets, so the pane and the CLI decide and print alike. Each generation is one write action;
 * a sheet that exists already is only overwritten after a confirmation naming it.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { matriksSheet, PAPERS, pkGate, pkOwners, pkSpecs, tempatOf, validasiSheet, type Paper, type SheetSpec } from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import type { PohonKinerja } from '../../core/model.js';
import { ConfirmDialog } from './Confirm.js';
import { useLang, useT } from './i18n.js';
import { useGenerate } from './useGenerate.js';

export interface GeneratePanelProps {
  tree: PohonKinerja | null;
  issues: readonly Issue[];
  onRender: (specs: SheetSpec[]) => Promise<void>;
  /** The workbook's sheet names, to ask before overwriting one (and to number a PK Perubahan). */
  existingSheets?: () => Promise<string[]>;
  /** The issues a PK is judged by (a Final validation with the reference list); default `issues`. */
  pkIssues?: () => Promise<readonly Issue[]>;
}

type PkNote = { kind: 'refused'; errors: Issue[] } | { kind: 'done'; draf: boolean; skipped: { id: string; boxes: string[] }[] } | { kind: 'needs' };

export function GeneratePanel({ tree, issues, onRender, existingSheets, pkIssues }: GeneratePanelProps) {
  const t = useT();
  const lang = useLang();
  const years = tree?.config.years ?? [];
  const [year, setYear] = useState<number | null>(years[0] ?? null);
  const [owner, setOwner] = useState('');
  const [mxYear, setMxYear] = useState(0);
  const [mxPaper, setMxPaper] = useState<Paper>('A4');
  const [perSasaran, setPerSasaran] = useState(false);
  const [pkPaper, setPkPaper] = useState<Paper>('A4');
  const [tempat, setTempat] = useState('');
  const [draf, setDraf] = useState(false);
  const [perubahan, setPerubahan] = useState(false);
  const [tanggal, setTanggal] = useState('');
  const [alasan, setAlasan] = useState('');
  const [checking, setChecking] = useState(false);
  const [pkNote, setPkNote] = useState<PkNote | null>(null);
  const gen = useGenerate(onRender, existingSheets);
  if (!tree) return null;
  const owners = pkOwners(tree);
  const y = year ?? years[0];
  const paperName = (p: Paper) => (p === 'F4' ? t('paperF4') : p);
  const makePk = async () => {
    setPkNote(null);
    if (y === undefined) return;
    if (perubahan && (!tanggal.trim() || !alasan.trim())) { setPkNote({ kind: 'needs' }); return; }
    setChecking(true);
    let judged: readonly Issue[];
    try { judged = pkIssues ? await pkIssues() : issues; } catch { judged = issues; } finally { setChecking(false); }
    const gate = pkGate(judged, { draf });
    if (!gate.boleh) { setPkNote({ kind: 'refused', errors: gate.errors }); return; }
    const existing = (await existingSheets?.().catch(() => [] as string[])) ?? [];
    let skipped: { id: string; boxes: string[] }[] = [];
    await gen.run(() => {
      const r = pkSpecs(tree, {
        tahun: y, only: owner ? [owner] : null,
        opts: { kertas: pkPaper === 'F4' ? 'F4' : 'A4', draf: gate.draf, ...(tempat.trim() ? { tempat: tempat.trim() } : {}) },
        perubahan: perubahan ? { tanggal: tanggal.trim(), alasan: alasan.trim() } : null,
      }, existing);
      skipped = r.skipped;
      return r.specs;
    }, () => setPkNote({ kind: 'done', draf: gate.draf && judged.some((i) => i.severity === 'E'), skipped }));
  };
  return (
    <section aria-label={t('tabBuat')} className="pokin-panel">
      <div className="pokin-details pokin-form" data-testid="gen-matriks-box">
        <Text weight="semibold">{t('mxTitle')}</Text>
        <div className="pokin-row">
          <Field label={t('mxYear')} className="pokin-grow">
            <Select value={String(mxYear)} onChange={(_, d) => setMxYear(Number(d.value))} data-testid="mx-year">
              <option value="0">{t('mxAllYears')}</option>
              {years.map((v) => <option key={v} value={v}>{v}</option>)}
            </Select>
          </Field>
          <Field label={t('mxPaper')} className="pokin-grow">
            <Select value={mxPaper} onChange={(_, d) => setMxPaper(d.value as Paper)} data-testid="mx-paper">{PAPERS.map((p) => <option key={p} value={p}>{p}</option>)}</Select>
          </Field>
        </div>
        <Checkbox checked={perSasaran} onChange={(_, d) => setPerSasaran(!!d.checked)} label={t('mxPerSasaran')} data-testid="mx-per-sasaran" />
        <Button disabled={gen.busy} onClick={() => void gen.run(() => [matriksSheet(tree, { kertas: mxPaper, perSasaran, ...(mxYear ? { tahun: mxYear } : {}) })])} data-testid="gen-matriks">{t('genMatriks')}</Button>
      </div>
      <div className="pokin-details pokin-form" data-testid="gen-pk-box">
        <Text weight="semibold">{t('pkTitle')}</Text>
        <div className="pokin-row">
          <Field label={t('year')} className="pokin-grow">
            <Select value={String(y ?? '')} onChange={(_, d) => setYear(Number(d.value))} data-testid="pk-year">{years.map((v) => <option key={v}>{v}</option>)}</Select>
          </Field>
          <Field label={t('pkPaper')} className="pokin-grow">
            <Select value={pkPaper} onChange={(_, d) => setPkPaper(d.value as Paper)} data-testid="pk-paper">
              {(['A4', 'F4'] as const).map((p) => <option key={p} value={p}>{paperName(p)}</option>)}
            </Select>
          </Field>
        </div>
        <Field label={t('position')}>
          <Select value={owner} onChange={(_, d) => setOwner(d.value)} data-testid="pk-owner">
            <option value="">{t('allPositions')}</option>
            {owners.map((o) => <option key={o} value={o}>{tree.jabatanById.get(o)?.nama ?? o} ({o})</option>)}
          </Select>
        </Field>
        <Field label={t('pkTempat')} hint={t('pkTempatHint', { t: tempatOf(tree) || '…' })}>
          <Input value={tempat} onChange={(_, d) => setTempat(d.value)} data-testid="pk-tempat" />
        </Field>
        <Checkbox checked={perubahan} onChange={(_, d) => setPerubahan(!!d.checked)} label={t('pkPerubahan')} data-testid="pk-perubahan" />
        {perubahan && (
          <>
            <Field label={t('pkTanggal')}><Input value={tanggal} onChange={(_, d) => setTanggal(d.value)} placeholder="15 September 2026" data-testid="pk-tanggal" /></Field>
            <Field label={t('pkAlasan')} hint={t('pkAlasanHint')}><Input value={alasan} onChange={(_, d) => setAlasan(d.value)} data-testid="pk-alasan" /></Field>
          </>
        )}
        <Checkbox checked={draf} onChange={(_, d) => setDraf(!!d.checked)} label={t('pkDraf')} data-testid="pk-draf" />
        <Button disabled={gen.busy || checking || y === undefined} onClick={() => void makePk()} data-testid="gen-pk">{checking ? t('pkChecking') : t('genPk')}</Button>
        {pkNote?.kind === 'needs' && <MessageBar intent="warning"><MessageBarBody>{t('pkPerubahanNeeds')}</MessageBarBody></MessageBar>}
        {pkNote?.kind === 'refused' && (
          <MessageBar intent="error" layout="multiline" data-testid="pk-refused">
            <MessageBarBody>
              {t('pkRefused', { n: pkNote.errors.length })}
              <ul className="pokin-history">
                {pkNote.errors.slice(0, 5).map((i, n) => <li key={n}>{i.rule} {i.sheet}!{i.cell}: {lang === 'en' ? i.messageEn : i.message}</li>)}
                {pkNote.errors.length > 5 && <li>…</li>}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {pkNote?.kind === 'done' && pkNote.draf && <MessageBar intent="warning" data-testid="pk-draf-done"><MessageBarBody>{t('pkDrafDone')}</MessageBarBody></MessageBar>}
        {pkNote?.kind === 'done' && pkNote.skipped.map((s) => (
          <MessageBar key={s.id} intent="warning" layout="multiline"><MessageBarBody>{t('pkSkipped', { id: s.id, b: s.boxes.join(', ') })}</MessageBarBody></MessageBar>
        ))}
      </div>
      <Button disabled={gen.busy} onClick={() => void gen.run(() => [validasiSheet(issues, lang)])} data-testid="gen-validasi">{t('genValidasi')}</Button>
      {gen.done && <MessageBar intent="success" layout="multiline" data-testid="gen-done"><MessageBarBody>{gen.done}</MessageBarBody></MessageBar>}
      {gen.error && <MessageBar intent="error" layout="multiline"><MessageBarBody>{gen.error}</MessageBarBody></MessageBar>}
      <ConfirmDialog request={gen.confirm} onClose={gen.closeConfirm} />
    </section>
  );
}
