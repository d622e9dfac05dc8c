/**
 * First run: the workbook has no Pokin tables. *Buat lembar Pokin* (template from pemda, OPD
 * and period: every field required, with its format shown and checked before anything is
 * written) or *Adopsi lembar* (AdoptPanel: questions, report, then the write).
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { defaultConfig, type JenisPemda, type PokinConfig } from '../../core/config.js';
import { KODE_OPD_RE, KODE_PEMDA_RE } from '../../core/wire/paths.js';
import { AdoptPanel, type AdoptCalls } from './AdoptPanel.js';
import { useLang, useT, type StringKey } from './i18n.js';
import { failureText } from './messages.js';

export interface TemplateForm {
  pemda: string; kodePemda: string; jenisPemda: JenisPemda; kodeOpd: string; namaOpd: string; tahunAwal: number; tahunAkhir: number; versiNomenklatur: string;
}

export function configFromForm(f: TemplateForm): PokinConfig {
  const c = defaultConfig();
  Object.assign(c, {
    pemda: f.pemda.trim(), kodePemda: f.kodePemda.trim(), jenisPemda: f.jenisPemda, kodeOpd: f.kodeOpd.trim(), namaOpd: f.namaOpd.trim(),
    tahunAwal: f.tahunAwal, tahunAkhir: f.tahunAkhir, versiNomenklatur: f.versiNomenklatur.trim(),
  });
  c.years = [];
  for (let y = f.tahunAwal; y <= f.tahunAkhir; y++) c.years.push(y);
  return c;
}

/** The problem of each field (a string key), empty when the form can be written. */
export function formProblems(f: TemplateForm): Partial<Record<keyof TemplateForm, StringKey>> {
  const out: Partial<Record<keyof TemplateForm, StringKey>> = {};
  for (const k of ['pemda', 'kodePemda', 'kodeOpd', 'namaOpd', 'versiNomenklatur'] as const) if (f[k].trim() === '') out[k] = 'required';
  if (!out.kodePemda && !KODE_PEMDA_RE.test(f.kodePemda.trim())) out.kodePemda = 'badKodePemda';
  if (!out.kodeOpd && !KODE_OPD_RE.test(f.kodeOpd.trim())) out.kodeOpd = 'badKodeOpd';
  const year = (y: number) => Number.isInteger(y) && y >= 1990 && y <= 2100;
  if (!year(f.tahunAwal)) out.tahunAwal = 'tahunHint';
  if (!year(f.tahunAkhir) || f.tahunAkhir < f.tahunAwal || f.tahunAkhir - f.tahunAwal > 10) out.tahunAkhir = 'badYears';
  return out;
}

export interface FirstRunProps {
  sheets: string[];
  onCreate: (f: TemplateForm) => Promise<void>;
  adoption: AdoptCalls;
}

const HINT: Partial<Record<keyof TemplateForm, StringKey>> = {
  pemda: 'pemdaHint', kodePemda: 'kodePemdaHint', kodeOpd: 'kodeOpdHint', namaOpd: 'namaOpdHint', tahunAwal: 'tahunHint', tahunAkhir: 'tahunAkhirHint',
};

export function FirstRun({ sheets, onCreate, adoption }: FirstRunProps) {
  const t = useT();
  const lang = useLang();
  const [mode, setMode] = useState<'none' | 'create' | 'adopt'>('none');
  const [f, setF] = useState<TemplateForm>({ pemda: '', kodePemda: '', jenisPemda: 'Kabupaten', kodeOpd: '', namaOpd: '', tahunAwal: 2025, tahunAkhir: 2029, versiNomenklatur: 'Kepmendagri 050-3708/2020' });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = formProblems(f);
  const field = (k: keyof TemplateForm, label: string, type: 'text' | 'number' = 'text') => {
    const p = shown ? problems[k] : undefined;
    return (
      <Field label={label} required hint={HINT[k] ? t(HINT[k]!) : undefined} validationState={p ? 'error' : 'none'} validationMessage={p ? t(p) : undefined}>
        <Input type={type} value={String(f[k])} data-testid={`tpl-${k}`} onChange={(_, d) => setF({ ...f, [k]: type === 'number' ? Number(d.value) : d.value })} />
      </Field>
    );
  };
  const submit = async () => {
    setShown(true);
    if (Object.keys(problems).length) { setError(t('formInvalid')); return; }
    setBusy(true);
    setError(null);
    try { await onCreate(f); } catch (e) { setError(failureText(e, lang)); } finally { setBusy(false); }
  };
  return (
    <section className="pokin-panel" aria-label={t('firstRun')} data-testid="first-run">
      <Text>{t('firstRun')}</Text>
      <div className="pokin-row">
        <Button appearance={mode === 'create' ? 'primary' : 'secondary'} onClick={() => setMode('create')} data-testid="first-create">{t('createTemplate')}</Button>
        <Button appearance={mode === 'adopt' ? 'primary' : 'secondary'} onClick={() => setMode('adopt')} data-testid="first-adopt">{t('adoptSheet')}</Button>
      </div>
      {mode === 'create' && (
        <form className="pokin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          {field('pemda', t('pemda'))}{field('kodePemda', t('kodePemda'))}
          <Field label={t('jenisPemda')} required>
            <Select value={f.jenisPemda} onChange={(_, d) => setF({ ...f, jenisPemda: d.value as JenisPemda })}>{['Provinsi', 'Kabupaten', 'Kota'].map((j) => <option key={j}>{j}</option>)}</Select>
          </Field>
          {field('kodeOpd', t('kodeOpd'))}{field('namaOpd', t('namaOpd'))}{field('tahunAwal', t('tahunAwal'), 'number')}{field('tahunAkhir', t('tahunAkhir'), 'number')}{field('versiNomenklatur', t('versiNomenklatur'))}
          <div className="pokin-row">
            <Button appearance="primary" type="submit" disabled={busy} data-testid="tpl-create">{busy ? t('writing') : t('create')}</Button>
            <Button onClick={() => setMode('none')}>{t('cancel')}</Button>
          </div>
        </form>
      )}
      {mode === 'adopt' && <AdoptPanel sheets={sheets} calls={adoption} />}
      {error && <MessageBar intent="error" data-testid="first-error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
    </section>
  );
}
