/**
 * Adopting a sheet the planner already has (a Renstra matrix, a level table), in the pane as
 * in `pokin import` (core/adoption): pick the sheet, see what Pokin read (counts, every row's
 * fate, values not placed with the reason, values normalised) and answer the questions for
 * what the sheet lacks (pemda, kode pemda, OPD, period), prefilled with Pokin's guesses.
 * Only then are the Pokin tables written; the source sheet stays.
 */
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { shownValue, valuesLine, type ReportView } from '../../core/adoption/report.js';
import { checkAnswer } from '../../core/adoption/questions.js';
import type { AdoptionDraftResult, AdoptionDraftView } from '../workspace.js';
import { useLang, useT } from './i18n.js';
import { failureText } from './messages.js';

export interface AdoptCalls {
  draft: (sheet: string, given?: { tahunAwal?: number }) => Promise<AdoptionDraftResult>;
  adopt: (answers: Record<string, string>) => Promise<{ report: ReportView; counts: string }>;
}

function Report({ view, counts }: { view: ReportView; counts: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="pokin-details pokin-form" data-testid="adopt-report">
      <Text weight="semibold">{t('adoptReport')}</Text>
      <Text size={200} data-testid="adopt-counts">{counts}</Text>
      <Text size={200} data-testid="adopt-values" className={view.values.carried < view.values.present ? 'pokin-bad' : undefined}>{valuesLine(view, lang)}</Text>
      {view.notCarried.length > 0 && (
        <details open>
          <summary>{t('notCarried')} <Badge color="danger" size="small">{view.notCarried.length}</Badge></summary>
          <ul className="pokin-history" data-testid="adopt-notcarried">{view.notCarried.map((n) => <li key={n.cell}><b>{n.cell}</b> · {n.reason}</li>)}</ul>
        </details>
      )}
      {view.unplaced.length > 0 && (
        <details open>
          <summary>{t('unplaced')} <Badge color="danger" size="small">{view.unplaced.length}</Badge></summary>
          <ul className="pokin-history" data-testid="adopt-unplaced">{view.unplaced.map((u) => <li key={`${u.row}${u.cell}`}><b>{u.cell}</b> · {u.reason}</li>)}</ul>
        </details>
      )}
      {view.normalised.length > 0 && (
        <details>
          <summary>{t('normalised')} <Badge color="warning" size="small">{view.normalised.length}</Badge></summary>
          <ul className="pokin-history">{view.normalised.map((n) => <li key={n.cell}><b>{n.cell}</b> · {shownValue(n.from)} → {shownValue(n.to)}</li>)}</ul>
        </details>
      )}
      {view.issues.length > 0 && (
        <details>
          <summary>{t('adoptIssues')} <Badge color="informative" size="small">{view.issues.length}</Badge></summary>
          <ul className="pokin-history" data-testid="adopt-issues">{view.issues.map((i, k) => <li key={k} data-rule={i.rule} data-cell={i.cell}><b>{i.rule} {i.cell}</b> · {i.message}</li>)}</ul>
        </details>
      )}
      <details>
        <summary>{t('rowsAll', { n: view.rows.length })}</summary>
        <ul className="pokin-history" data-testid="adopt-rows">{view.rows.map((r, k) => <li key={k} className={r.kind === 'unplaced' ? 'pokin-bad' : undefined}>{r.row}: {r.text}</li>)}</ul>
      </details>
    </div>
  );
}

export function AdoptPanel({ sheets, calls }: { sheets: string[]; calls: AdoptCalls }) {
  const t = useT();
  const lang = useLang();
  // The choice follows the sheet list, which loads after the panel opens: with one sheet it
  // is simply that one (the issue: "Sheet "" does not exist" when the list came late).
  const [picked, setPicked] = useState('');
  const sheet = picked && sheets.includes(picked) ? picked : (sheets[0] ?? '');
  const [draft, setDraft] = useState<AdoptionDraftView | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState<'check' | 'write' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ counts: string; view: ReportView } | null>(null);
  // Relative year labels ("Tahun ke-1") with no Tahun Awal known: asked before anything is read.
  const [question, setQuestion] = useState<{ text: string; labels: string[] } | null>(null);
  const [tahunAwal, setTahunAwal] = useState('');

  const check = async (given: { tahunAwal?: number } = {}) => {
    setBusy('check'); setError(null); setDraft(null); setDone(null); setShown(false); setQuestion(null);
    try {
      const d = await calls.draft(sheet, given);
      if (!d.ok && d.question) {
        setQuestion({ text: lang === 'en' ? d.message.en : d.message.id, labels: d.question.labels });
        setTahunAwal(d.question.suggestion ? String(d.question.suggestion) : '');
        return;
      }
      if (!d.ok) { setError(lang === 'en' ? d.message.en : d.message.id); return; }
      setDraft(d);
      setAnswers(Object.fromEntries(d.questions.map((q) => [q.key, q.guess])));
    } catch (e) {
      setError(failureText(e, lang));
    } finally {
      setBusy(null);
    }
  };
  const problems = draft ? Object.fromEntries(draft.questions.map((q) => [q.key, checkAnswer(q.key, answers[q.key] ?? '', answers)]).filter(([, p]) => p)) as Record<string, { id: string; en: string }> : {};
  const write = async () => {
    setShown(true);
    if (!draft || Object.keys(problems).length) return;
    setBusy('write'); setError(null);
    try {
      const r = await calls.adopt(answers);
      setDone({ counts: r.counts, view: r.report });
      setDraft(null);
    } catch (e) {
      setError(failureText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  if (!sheets.length) return <Text data-testid="adopt-nosheets">{t('noSheets')}</Text>;
  return (
    <div className="pokin-form" data-testid="adopt">
      <Field label={t('adoptPick')}>
        <Select value={sheet} onChange={(_, d) => { setPicked(d.value); setDraft(null); }} data-testid="adopt-sheet">{sheets.map((s) => <option key={s}>{s}</option>)}</Select>
      </Field>
      <Button onClick={() => void check()} disabled={busy !== null || !sheet} data-testid="adopt-check">{busy === 'check' ? t('checking') : t('adoptCheck')}</Button>
      {question && (
        <form className="pokin-form" noValidate onSubmit={(e) => { e.preventDefault(); if (/^\d{4}$/.test(tahunAwal)) void check({ tahunAwal: Number(tahunAwal) }); }} data-testid="adopt-year-question">
          <MessageBar intent="warning" layout="multiline"><MessageBarBody>{question.text}</MessageBarBody></MessageBar>
          <Field label={t('tahunAwal')} required hint={question.labels.join(', ')} validationState={/^\d{4}$/.test(tahunAwal) ? 'none' : 'error'}>
            <Input type="number" value={tahunAwal} onChange={(_, d) => setTahunAwal(d.value)} data-testid="adopt-tahun-awal" />
          </Field>
          <Button type="submit" disabled={busy !== null || !/^\d{4}$/.test(tahunAwal)} data-testid="adopt-recheck">{t('adoptCheck')}</Button>
        </form>
      )}
      {draft && <Report view={draft.report} counts={draft.counts} />}
      {draft && (
        <form className="pokin-form" noValidate onSubmit={(e) => { e.preventDefault(); void write(); }} data-testid="adopt-questions">
          <Text size={200}>{draft.questions.length ? t('adoptQuestions') : t('nothingToAsk')}</Text>
          {draft.questions.map((q) => {
            const p = shown ? problems[q.key] : undefined;
            const hint = `${q.hint[lang]}${q.guess && q.source ? ` · ${t('guessFrom', { s: q.source[lang] })}` : ''}`;
            return (
              <Field key={q.key} label={q.label[lang]} required hint={hint} validationState={p ? 'error' : 'none'} validationMessage={p ? p[lang] : undefined}>
                {q.key === 'Jenis Pemda'
                  ? <Select value={answers[q.key] ?? ''} onChange={(_, d) => setAnswers({ ...answers, [q.key]: d.value })} data-testid={`adopt-q-${q.option}`}>
                      <option value="" />{['Provinsi', 'Kabupaten', 'Kota'].map((j) => <option key={j}>{j}</option>)}
                    </Select>
                  : <Input value={answers[q.key] ?? ''} onChange={(_, d) => setAnswers({ ...answers, [q.key]: d.value })} data-testid={`adopt-q-${q.option}`} />}
              </Field>
            );
          })}
          <Button appearance="primary" type="submit" disabled={busy !== null} data-testid="adopt-write">{busy === 'write' ? t('writing') : t('adoptWrite')}</Button>
        </form>
      )}
      {done && (
        <MessageBar intent="success" data-testid="adopt-done"><MessageBarBody>{t('adoptDone', { c: done.counts, s: sheet })} {valuesLine(done.view, lang)}.</MessageBarBody></MessageBar>
      )}
      {error && <MessageBar intent="error" data-testid="adopt-error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
    </div>
  );
}
