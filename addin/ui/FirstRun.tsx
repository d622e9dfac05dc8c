/**
 * First run: the workbook has no Pokin tables. *Buat lembar Pokin* (template from pemda, OPD
 * and period) or *Adopsi lembar ini* (core/adopt on a chosen sheet).
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { defaultConfig, type JenisPemda, type PokinConfig } from '../../core/config.js';
import { useT } from './i18n.js';

export interface TemplateForm {
  pemda: string; kodePemda: string; jenisPemda: JenisPemda; kodeOpd: string; namaOpd: string; tahunAwal: number; tahunAkhir: number; versiNomenklatur: string;
}

export function configFromForm(f: TemplateForm): PokinConfig {
  const c = defaultConfig();
  Object.assign(c, { pemda: f.pemda, kodePemda: f.kodePemda, jenisPemda: f.jenisPemda, kodeOpd: f.kodeOpd, namaOpd: f.namaOpd, tahunAwal: f.tahunAwal, tahunAkhir: f.tahunAkhir, versiNomenklatur: f.versiNomenklatur });
  c.years = [];
  for (let y = f.tahunAwal; y <= f.tahunAkhir; y++) c.years.push(y);
  return c;
}

export interface FirstRunProps {
  sheets: string[];
  onCreate: (f: TemplateForm) => Promise<void>;
  onAdopt: (sheet: string) => Promise<string>;
}

export function FirstRun({ sheets, onCreate, onAdopt }: FirstRunProps) {
  const t = useT();
  const [mode, setMode] = useState<'none' | 'create' | 'adopt'>('none');
  const [f, setF] = useState<TemplateForm>({ pemda: '', kodePemda: '', jenisPemda: 'Kabupaten', kodeOpd: '', namaOpd: '', tahunAwal: 2025, tahunAkhir: 2029, versiNomenklatur: 'Kepmendagri 050-3708/2020' });
  const [sheet, setSheet] = useState(sheets[0] ?? '');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (k: keyof TemplateForm, label: string, type: 'text' | 'number' = 'text') => (
    <Field label={label}><Input type={type} value={String(f[k])} onChange={(_, d) => setF({ ...f, [k]: type === 'number' ? Number(d.value) : d.value })} /></Field>
  );
  const go = (p: Promise<unknown>) => p.then((r) => setMsg(typeof r === 'string' ? { ok: true, text: r } : null)).catch((e: unknown) => setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) }));
  return (
    <section className="pokin-panel" aria-label={t('firstRun')}>
      <Text>{t('firstRun')}</Text>
      <div className="pokin-row">
        <Button appearance="primary" onClick={() => setMode('create')} data-testid="first-create">{t('createTemplate')}</Button>
        <Button onClick={() => setMode('adopt')} disabled={!sheets.length}>{t('adoptSheet')}</Button>
      </div>
      {mode === 'create' && (
        <form className="pokin-form" onSubmit={(e) => { e.preventDefault(); void go(onCreate(f)); }}>
          {field('pemda', t('pemda'))}{field('kodePemda', t('kodePemda'))}
          <Field label={t('jenisPemda')}>
            <Select value={f.jenisPemda} onChange={(_, d) => setF({ ...f, jenisPemda: d.value as JenisPemda })}>{['Provinsi', 'Kabupaten', 'Kota'].map((j) => <option key={j}>{j}</option>)}</Select>
          </Field>
          {field('kodeOpd', t('kodeOpd'))}{field('namaOpd', t('namaOpd'))}{field('tahunAwal', t('tahunAwal'), 'number')}{field('tahunAkhir', t('tahunAkhir'), 'number')}{field('versiNomenklatur', t('versiNomenklatur'))}
          <div className="pokin-row"><Button appearance="primary" type="submit">{t('create')}</Button><Button onClick={() => setMode('none')}>{t('cancel')}</Button></div>
        </form>
      )}
      {mode === 'adopt' && (
        <form className="pokin-form" onSubmit={(e) => { e.preventDefault(); void go(onAdopt(sheet)); }}>
          <Field label={t('sheet')}><Select value={sheet} onChange={(_, d) => setSheet(d.value)}>{sheets.map((s) => <option key={s}>{s}</option>)}</Select></Field>
          <Button appearance="primary" type="submit">{t('adoptSheet')}</Button>
        </form>
      )}
      {msg && <MessageBar intent={msg.ok ? 'success' : 'error'}><MessageBarBody>{msg.text}</MessageBarBody></MessageBar>}
    </section>
  );
}
