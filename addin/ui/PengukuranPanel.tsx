/**
 * Pengukuran: the capaian of a year (and a quarter) as `pokin pengukuran` computes it — the
 * same core call, `laporanPengukuran` — with each indicator's Kategori in the printed sheets'
 * colours, the indicators whose capaian needs a Penjelasan (rule U04, click to the cell), the
 * serapan anggaran; the pengukuran tables added when missing; the Renaksi / Pengukuran TWn /
 * LKjIP sheets generated; the realisasi pushed as its own document.
 */
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { formatAngka } from '../../core/capaian/index.js';
import { angkaTeks, kategoriWarna, pengukuranSheets, type PengukuranKind, type SheetSpec } from '../../core/derive/index.js';
import type { Issue } from '../../core/issues.js';
import type { PohonKinerja } from '../../core/model.js';
import { laporanPengukuran, tahunTersedia, type NilaiJson, type Triwulan } from '../../core/pengukuran/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { DocPushOutcome } from '../docs.js';
import { lkjipIssues } from '../pengukuran.js';
import type { TambahOutcome } from '../port.js';
import { ConfirmDialog } from './Confirm.js';
import { DocPush } from './DocPush.js';
import { useLang, useT } from './i18n.js';
import { failureText } from './messages.js';
import { useGenerate } from './useGenerate.js';

export interface PengukuranPanelProps {
  tree: PohonKinerja;
  issues: readonly Issue[];
  snapshot: WorkbookSnapshot | null;
  signedIn: boolean;
  onTambah: (tahun: number) => Promise<TambahOutcome>;
  onPush: (tahun: number, base?: number) => Promise<DocPushOutcome>;
  onRender: (specs: SheetSpec[]) => Promise<void>;
  existingSheets?: () => Promise<string[]>;
  onSelectCell: (sheet: string, cell: string) => void;
}

function nilai(v: NilaiJson): string {
  if (v === null) return '—';
  if (typeof v === 'number') return angkaTeks(v);
  if (Array.isArray(v)) return `${angkaTeks(v[0])} – ${angkaTeks(v[1])}`;
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return v;
}

/** The rows (sheet and row number) of a year's Realisasi: U04 findings there belong to that year. */
function realisasiRowsOf(tree: PohonKinerja, tahun: number): Set<string> {
  return new Set((tree.pengukuran?.realisasi ?? []).filter((r) => r.tahun === tahun).map((r) => `${r.loc.table.sheet.toLowerCase()}!${r.loc.row}`));
}

export function PengukuranPanel({ tree, issues, snapshot, signedIn, onTambah, onPush, onRender, existingSheets, onSelectCell }: PengukuranPanelProps) {
  const t = useT();
  const lang = useLang();
  const years = tree.config.years;
  const ada = tahunTersedia(tree);
  const [year, setYear] = useState<number | null>(null);
  const tahun = year ?? ada.at(-1) ?? years[0];
  const [tw, setTw] = useState<Triwulan | 0>(0);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<TambahOutcome | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const [kinds, setKinds] = useState<Set<PengukuranKind>>(new Set(['pengukuran']));
  const [lkjipNote, setLkjipNote] = useState<string | null>(null);
  const gen = useGenerate(onRender, existingSheets);
  const laporan = tahun === undefined ? null : laporanPengukuran(tree, tahun, tw || undefined);
  const rows = tahun === undefined ? new Set<string>() : realisasiRowsOf(tree, tahun);
  const perluPenjelasan = issues.filter((i) => i.rule === 'U04' && rows.has(`${i.sheet.toLowerCase()}!${i.cell.replace(/^[A-Z]+/, '')}`));
  if (tahun === undefined) return <section className="pokin-panel"><Text>{t('pgNothing', { y: '' })}</Text></section>;
  const hasTables = !!tree.pengukuran?.ada.rencanaAksi && !!tree.pengukuran.ada.realisasi;
  const hasYear = ada.includes(tahun);
  const tambah = async () => {
    setAdding(true); setAdded(null); setAddError(null);
    try {
      const r = await onTambah(tahun);
      setAdded(r);
    } catch (e) {
      setAddError(failureText(e, lang));
    } finally {
      setAdding(false);
    }
  };
  const generate = () => gen.run(() => pengukuranSheets(tree, tahun, [...kinds], tw ? { tw } : {}), () => {
    if (!kinds.has('lkjip') || !snapshot) { setLkjipNote(null); return; }
    const n = lkjipIssues(snapshot, tahun).length;
    setLkjipNote(n ? t('pgLkjipIssues', { y: tahun, n }) : t('pgLkjipClean', { y: tahun }));
  });
  const toggle = (k: PengukuranKind, on: boolean) => setKinds((s) => { const n = new Set(s); if (on) n.add(k); else n.delete(k); return n; });
  const s = laporan?.summary;
  const shown = laporan?.indikator.filter((i) => i.pk) ?? [];
  return (
    <section aria-label={t('tabPengukuran')} className="pokin-panel" data-testid="pengukuran">
      <div className="pokin-row">
        <Field label={t('year')} className="pokin-grow">
          <Select value={String(tahun)} onChange={(_, d) => setYear(Number(d.value))} data-testid="pg-year">{years.map((v) => <option key={v}>{v}</option>)}</Select>
        </Field>
        <Field label={t('pgQuarter')} className="pokin-grow">
          <Select value={String(tw)} onChange={(_, d) => setTw(Number(d.value) as Triwulan | 0)} data-testid="pg-tw">
            <option value="0">{t('pgYearBasis')}</option>
            {[1, 2, 3, 4].map((n) => <option key={n} value={n}>{t('pgTw', { n })}</option>)}
          </Select>
        </Field>
      </div>
      {(!hasTables || !hasYear) && (
        <div className="pokin-details pokin-form" data-testid="pg-add-box">
          {!hasTables && <Text>{t('pgNoTables')}</Text>}
          <Text size={200} className="pokin-loc">{t('pgAddHint')}</Text>
          <Button appearance="primary" disabled={adding} onClick={() => void tambah()} data-testid="pg-add">
            {adding ? t('pgAdding') : hasTables ? t('pgAddYear', { y: tahun }) : t('pgAdd', { y: tahun })}
          </Button>
        </div>
      )}
      {added && <MessageBar intent="success" data-testid="pg-added"><MessageBarBody>{t('pgAdded', { ra: added.added.rencanaAksi, re: added.added.realisasi, pb: added.added.pembanding })}</MessageBarBody></MessageBar>}
      {addError && <MessageBar intent="error"><MessageBarBody>{addError}</MessageBarBody></MessageBar>}
      {s && laporan && hasYear && (
        <div className="pokin-details" data-testid="pg-summary">
          <Text weight="semibold">{t('pgSummary')} {tahun}{laporan.tw ? ` (s.d. TW${laporan.tw})` : ''}: </Text>
          <Text data-testid="pg-mean">{s.capaian === null ? '—' : `${formatAngka(s.capaian)} %`}</Text>
          {s.kategori && <span className="pokin-chip" style={{ background: kategoriWarna(s.kategori) ?? undefined }}>{s.kategori}</span>}
          <div className="pokin-loc">{laporan.basis === 'tw' ? t('pgBasisTw') : t('pgBasisTahun')}</div>
          <div className="pokin-loc">{laporan.tw === null ? t('pgNothing', { y: tahun }) : t('pgCounted', { n: s.dihitung, m: s.jumlahIndikator })}</div>
          <div className="pokin-legend">
            {Object.entries(s.perKategori).map(([k, n]) => <span key={k} className="pokin-chip" style={{ background: kategoriWarna(k) ?? undefined }}>{k}: {n}</span>)}
          </div>
          <div data-testid="pg-serapan">
            {t('pgSerapan')}: {s.serapan === null ? '—' : `${formatAngka(s.serapan)} %`}
            {s.realisasiAnggaran !== null && s.pagu !== null && <span className="pokin-loc"> (Rp {angkaTeks(s.realisasiAnggaran)} {t('pgOf')} Rp {angkaTeks(s.pagu)})</span>}
          </div>
        </div>
      )}
      {hasYear && shown.length > 0 && (
        <details open={laporan?.tw !== null}>
          <summary><Text weight="semibold">{t('pgIndicators')} ({shown.length})</Text></summary>
          <ul className="pokin-issues" data-testid="pg-indikator">
            {shown.map((i, n) => (
              <li key={`${i.idNode}-${n}`} className="pokin-indicator" data-testid="pg-ind" data-kategori={i.kategori ?? ''}>
                <div className="pokin-row">
                  <span className="pokin-grow" style={{ overflowWrap: 'anywhere' }}>{i.indikator}</span>
                  <span className="pokin-chip" data-kategori={i.kategori ?? ''} style={{ background: kategoriWarna(i.kategori) ?? '#f5f5f5' }}>
                    {i.capaian === null ? (i.status === 'ok' ? t('pgNotReported') : i.status) : `${formatAngka(i.capaian)} %`}{i.kategori ? ` · ${i.kategori}` : ''}
                  </span>
                </div>
                <div className="pokin-targets">
                  <span className="pokin-code">{i.idNode}</span>
                  <span>{t('pgTarget')}: {nilai(i.target)} {i.satuan}</span>
                  <span>{t('pgRealisasi')}: {nilai(i.realisasi)}</span>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
      {hasYear && <details open={perluPenjelasan.length > 0} data-testid="pg-penjelasan">
        <summary><Text weight="semibold">{perluPenjelasan.length ? t('pgNeedExplain', { n: perluPenjelasan.length }) : t('pgNoneNeed')}</Text></summary>
        {perluPenjelasan.length > 0 && <Text size={200} className="pokin-loc">{t('pgNeedExplainHint')}</Text>}
        <ul className="pokin-issues">
          {perluPenjelasan.map((i) => (
            <li key={`${i.sheet}!${i.cell}`}>
              <button type="button" className="pokin-issue" onClick={() => onSelectCell(i.sheet, i.cell)}>
                <span>{lang === 'en' ? i.messageEn : i.message}</span>
                <span className="pokin-loc">{i.sheet}!{i.cell}</span>
              </button>
            </li>
          ))}
        </ul>
      </details>}
      {hasYear && <div className="pokin-details pokin-form">
        <Text weight="semibold">{t('pgGenerate')}</Text>
        <Checkbox checked={kinds.has('renaksi')} onChange={(_, d) => toggle('renaksi', !!d.checked)} label={t('pgRenaksi')} data-testid="pg-kind-renaksi" />
        <Checkbox checked={kinds.has('pengukuran')} onChange={(_, d) => toggle('pengukuran', !!d.checked)} label={t('pgPengukuranSheet', { n: tw || laporan?.tw || 1 })} data-testid="pg-kind-pengukuran" />
        <Checkbox checked={kinds.has('lkjip')} onChange={(_, d) => toggle('lkjip', !!d.checked)} label={t('pgLkjip')} data-testid="pg-kind-lkjip" />
        <Button disabled={gen.busy || !kinds.size || !hasYear} onClick={() => void generate()} data-testid="pg-generate">{gen.busy ? t('pgAdding') : t('pgGenerate')}</Button>
        {!kinds.size && <Text size={200} className="pokin-loc">{t('pgPickKind')}</Text>}
        {gen.done && <MessageBar intent="success" layout="multiline" data-testid="pg-gen-done"><MessageBarBody>{gen.done}</MessageBarBody></MessageBar>}
        {lkjipNote && <MessageBar intent="info" layout="multiline" data-testid="pg-lkjip-note"><MessageBarBody>{lkjipNote}</MessageBarBody></MessageBar>}
        {gen.error && <MessageBar intent="error" layout="multiline"><MessageBarBody>{gen.error}</MessageBarBody></MessageBar>}
      </div>}
      {hasYear && <div className="pokin-details pokin-form">
        <Text weight="semibold">{t('pgPushTitle')}</Text>
        <DocPush label={t('pgPush', { y: tahun })} pushedText={(v) => t('pgPushed', { y: tahun, v })} signedIn={signedIn} onPush={(base) => onPush(tahun, base)} testId="pg-push" />
      </div>}
      <ConfirmDialog request={gen.confirm} onClose={gen.closeConfirm} />
    </section>
  );
}
