/**
 * Evaluasi: the LKE self-assessment (SAKIP.md §13) as `pokin lke` computes it — the same core
 * call, `evaluasiLke` — answers by komponen with the running score and predikat, the Saran
 * Pokin beside each criterion ("pakai saran" is the planner's click, never automatic), the
 * evidence asked for and linked, what it takes to reach the next predikat; the LKE table
 * added when missing; the answers pushed and the evaluator's notes pulled.
 */
import { Button, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatAngka } from '../../core/capaian/index.js';
import { evaluasiLke, type EvaluasiLke, type Kriteria } from '../../core/lke/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { DocPushOutcome } from '../docs.js';
import type { PullNotesOutcome } from '../evaluasi.js';
import { DocPush } from './DocPush.js';
import { useLang, useT } from './i18n.js';
import { failureText } from './messages.js';

export interface EvaluasiPanelProps {
  snapshot: WorkbookSnapshot;
  years: readonly number[];
  signedIn: boolean;
  onTambah: () => Promise<void>;
  onJawab: (ev: EvaluasiLke, kode: string, jawaban: string) => Promise<void>;
  onPush: (tahun: number, base?: number) => Promise<DocPushOutcome>;
  onPull: (tahun: number) => Promise<PullNotesOutcome>;
}

/** Only links a planner would mean (http/https): a cell's text never becomes a javascript: URL. */
function safeLink(s: string): string | null {
  const v = s.trim();
  return /^https?:\/\//i.test(v) ? v : null;
}

function Criterion({ k, ev, busy, onAnswer }: { k: Kriteria; ev: EvaluasiLke; busy: boolean; onAnswer: (kode: string, j: string) => void }) {
  const t = useT();
  const lang = useLang();
  const j = ev.bacaan.jawaban.get(k.kode);
  const saran = ev.saran.get(k.kode);
  const link = j ? safeLink(j.tautan) : null;
  const current = j?.jawaban ?? '';
  return (
    <li className="pokin-indicator" data-testid={`lke-${k.kode}`}>
      <div><span className="pokin-code">{k.kode}</span> {k.teks}</div>
      <div className="pokin-row">
        <Field label={t('evAnswer')} className="pokin-grow">
          <Select value={current} disabled={busy || !j} onChange={(_, d) => onAnswer(k.kode, d.value)} data-testid={`lke-answer-${k.kode}`}>
            <option value="">{t('evClear')}</option>
            {k.skala.map((p) => <option key={p.kode} value={p.kode}>{p.kode} ({formatAngka(p.nilai * 100)} %)</option>)}
          </Select>
        </Field>
      </div>
      {j?.tidakSah && <Text size={200} className="pokin-bad">«{j.tidakSah}»</Text>}
      {saran && (
        <div className="pokin-fix" data-testid={`lke-saran-${k.kode}`}>
          <b>{t('evSaran')}: {saran.jawaban.kode}</b> — {lang === 'en' ? saran.alasan.en : saran.alasan.id}
          {saran.jawaban.kode !== current && j && (
            <div><Button size="small" disabled={busy} onClick={() => onAnswer(k.kode, saran.jawaban.kode)} data-testid={`lke-use-${k.kode}`}>{t('evUseSaran', { j: saran.jawaban.kode })}</Button></div>
          )}
        </div>
      )}
      {k.buktiDukung && <div className="pokin-loc">{t('evBukti')}: {k.buktiDukung}</div>}
      {/* The table starts with the evidence asked for in Bukti Dukung: only what the planner wrote differently is shown. */}
      {j?.buktiDukung && j.buktiDukung.trim() !== k.buktiDukung.trim() && <div className="pokin-loc">✓ {j.buktiDukung}</div>}
      {link && <div className="pokin-loc"><a href={link} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>{t('evTautan')}: {link}</a></div>}
      {j?.catatanEvaluator && <div className="pokin-fix" data-testid={`lke-catatan-${k.kode}`}><b>{t('evCatatan')}:</b> {j.catatanEvaluator}</div>}
    </li>
  );
}

export function EvaluasiPanel({ snapshot, years, signedIn, onTambah, onJawab, onPush, onPull }: EvaluasiPanelProps) {
  const t = useT();
  const lang = useLang();
  const ev = useMemo(() => evaluasiLke(snapshot), [snapshot]);
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState<number | null>(null);
  const tahun = year ?? (years.includes(lastYear) ? lastYear : years[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pulled, setPulled] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const act = async (f: () => Promise<void>) => {
    setBusy(true); setError(null);
    try { await f(); } catch (e) { setError(failureText(e, lang)); } finally { setBusy(false); }
  };
  const r = ev.rekap;
  const hasTable = !!ev.bacaan.loc;
  const badKriteria = ev.issues.filter((i) => i.severity === 'E' && !ev.kriteriaSah);
  return (
    <section aria-label={t('tabEvaluasi')} className="pokin-panel" data-testid="evaluasi">
      {!hasTable && (
        <div className="pokin-details pokin-form" data-testid="ev-add-box">
          <Text>{t('evNoTable')}</Text>
          <Text size={200} className="pokin-loc">{t('evAddHint')}</Text>
          <Button appearance="primary" disabled={busy} onClick={() => void act(onTambah)} data-testid="ev-add">{busy ? t('evAdding') : t('evAdd')}</Button>
        </div>
      )}
      {!ev.kriteriaSah && (
        <MessageBar intent="error" layout="multiline"><MessageBarBody>{t('evKriteriaBad')} {badKriteria.slice(0, 3).map((i) => `${i.sheet}!${i.cell} ${lang === 'en' ? i.messageEn : i.message}`).join('; ')}</MessageBarBody></MessageBar>
      )}
      {error && <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {hasTable && ev.kriteriaSah && (
        <>
          <div className="pokin-details" data-testid="ev-score">
            <div className="pokin-row">
              <Text weight="semibold">{t('evScore')}: <span data-testid="ev-total">{formatAngka(r.totalBulat)}</span></Text>
              <Text weight="semibold">{t('evPredikat')}: <span data-testid="ev-predikat">{r.predikat ?? '—'}</span>{r.label ? ` (${r.label})` : ''}</Text>
            </div>
            <div className="pokin-loc">{t('evAnswered', { a: r.kriteria.length - r.belumDijawab.length, n: r.kriteria.length })}</div>
            <div className="pokin-loc" data-testid="ev-naik">
              {!ev.naik.ke ? t('evTop') : !ev.naik.tercapai ? t('evUnreachable')
                : `${t('evRaise', { p: ev.naik.ke, l: ev.naik.labelKe ?? '' })}: ${t('evRaiseNeed', { x: formatAngka(ev.naik.perlu), n: ev.naik.perubahan.length })} ${ev.naik.perubahan.slice(0, 5).map((p) => `${p.kode} ${p.dari ?? '∅'}→${p.ke}`).join(', ')}${ev.naik.perubahan.length > 5 ? ' …' : ''}`}
            </div>
          </div>
          {ev.kriteria.komponen.map((kom) => {
            const rk = r.komponen.find((x) => x.kode === kom.kode);
            return (
              <details key={kom.kode} className="pokin-details" data-testid={`ev-komponen-${kom.kode}`}>
                <summary>
                  <Text weight="semibold">{kom.kode}. {kom.nama}</Text>{' '}
                  <span className="pokin-loc">{rk ? formatAngka(rk.nilai) : '0'} / {formatAngka(kom.bobot)}</span>
                </summary>
                {kom.sub.map((sub) => {
                  const rs = rk?.sub.find((x) => x.kode === sub.kode);
                  return (
                    <div key={sub.kode}>
                      <Text size={200} weight="semibold">{sub.kode} {sub.nama}</Text>{' '}
                      <span className="pokin-loc">{rs ? `${formatAngka(rs.nilai)} / ${formatAngka(sub.bobot)} · ${rs.terjawab}/${rs.jumlah}` : ''}</span>
                      <ul className="pokin-issues">
                        {sub.kriteria.map((k) => <Criterion key={k.kode} k={k} ev={ev} busy={busy} onAnswer={(kode, j) => void act(() => onJawab(ev, kode, j))} />)}
                      </ul>
                    </div>
                  );
                })}
              </details>
            );
          })}
        </>
      )}
      {hasTable && (
        <div className="pokin-details pokin-form">
          <Field label={t('evYear')}>
            <Select value={String(tahun ?? '')} onChange={(_, d) => setYear(Number(d.value))} data-testid="ev-year">{years.map((v) => <option key={v}>{v}</option>)}</Select>
          </Field>
          {tahun !== undefined && (
            <>
              <DocPush label={t('evPush', { y: tahun })} pushedText={(v) => t('evPushed', { y: tahun, v })} signedIn={signedIn} onPush={(base) => onPush(tahun, base)} testId="ev-push" />
              <Button disabled={!signedIn || busy} data-testid="ev-pull" onClick={() => void act(async () => {
                setPulled(null);
                const p = await onPull(tahun);
                // Said under the button (not at the top of a long panel).
                if (p.kind === 'failed') setPulled({ intent: 'error', text: p.error ? failureText(p.error, lang) : lang === 'en' ? p.message.en : p.message.id });
                else setPulled({ intent: 'success', text: t('evPulled', { v: p.version, n: p.notes.length }) });
              })}>{t('evPull')}</Button>
              {pulled && <MessageBar intent={pulled.intent} layout="multiline" data-testid="ev-pulled" data-intent={pulled.intent}><MessageBarBody>{pulled.text}</MessageBarBody></MessageBar>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
