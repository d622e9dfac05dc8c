/**
 * The OPDs of the pemda with their HEAD version: name, review status, version, errors,
 * warnings and last push; filter by code, name and status, sort by any of them. A list of
 * buttons, not a wide table, so it fits 320 px and every row is reachable with Tab and Enter.
 * The order is kept while the officer works down the list: accepting or returning an OPD
 * changes its badge in place, it does not move it (the next click must hit the next OPD).
 */
import { Badge, Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { OpdRow, ReviewStatus } from '../../core/wire/index.js';
import { useT, useWaktu, type StringKey } from './i18n.js';

export type OpdSortKey = 'opd' | 'nama' | 'status' | 'version' | 'errors' | 'warnings' | 'at';
export const SORT_KEYS: readonly OpdSortKey[] = ['opd', 'nama', 'status', 'version', 'errors', 'warnings', 'at'];
const SORT_LABEL: Record<OpdSortKey, StringKey> = {
  opd: 'sortOpd', nama: 'sortNama', status: 'sortStatus', version: 'sortVersion', errors: 'sortErrors', warnings: 'sortWarnings', at: 'sortPush',
};
/** Work first: submitted versions wait for the reviewer, returned ones for the OPD. */
const STATUS_ORDER: Record<ReviewStatus, number> = { diajukan: 0, dikembalikan: 1, diterima: 2 };
export const STATUS_COLOR: Record<ReviewStatus, 'warning' | 'danger' | 'success'> = { diajukan: 'warning', dikembalikan: 'danger', diterima: 'success' };

function sortValue(r: OpdRow, k: OpdSortKey): string | number {
  switch (k) {
    case 'opd': return r.opd;
    case 'nama': return (r.namaOpd ?? '').toLowerCase() || `~${r.opd}`;
    case 'status': return STATUS_ORDER[r.status] ?? 9;
    case 'version': return r.version;
    case 'errors': return r.counts.errors;
    case 'warnings': return r.counts.warnings;
    case 'at': return r.at;
  }
}

export function sortOpd(rows: readonly OpdRow[], key: OpdSortKey, dir: 'asc' | 'desc'): OpdRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key), y = sortValue(b, key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : a.opd.localeCompare(b.opd);
  });
}

export function filterOpd(rows: readonly OpdRow[], text: string, status: ReviewStatus | ''): OpdRow[] {
  const q = text.trim().toLowerCase();
  return rows.filter((r) => (status === '' || r.status === status) && (q === '' || `${r.opd} ${r.namaOpd ?? ''}`.toLowerCase().includes(q)));
}

export interface OpdListProps {
  /** The rows as loaded: they give the order. */
  rows: readonly OpdRow[];
  /** Changes since loading (a review's new status), shown without moving the row. */
  updates?: ReadonlyMap<string, Partial<OpdRow>>;
  selected: string | null;
  onSelect: (opd: string) => void;
}

export function OpdList({ rows, updates, selected, onSelect }: OpdListProps) {
  const t = useT();
  const { tanggal } = useWaktu();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ReviewStatus | ''>('');
  const [key, setKey] = useState<OpdSortKey>('status');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  // The order comes from the rows as loaded; a review's result (`updates`) changes the row
  // where it is until the list is loaded again.
  const order = useMemo(() => sortOpd(filterOpd(rows, text, status), key, dir), [rows, text, status, key, dir]);
  const shown = order.map((r) => ({ ...r, ...updates?.get(r.opd) }));
  return (
    <div className="pokin-form" data-testid="opd-list">
      <Field label={t('filterOpd')}><Input value={text} onChange={(_, d) => setText(d.value)} data-testid="opd-filter" /></Field>
      <div className="pokin-row">
        <Field label={t('sortStatus')} className="pokin-grow">
          <Select value={status} onChange={(_, d) => setStatus(d.value as ReviewStatus | '')} data-testid="opd-status-filter">
            <option value="">{t('statusAll')}</option>
            {(['diajukan', 'dikembalikan', 'diterima'] as const).map((s) => <option key={s} value={s}>{t(`st_${s}`)}</option>)}
          </Select>
        </Field>
        <Field label={t('sortBy')} className="pokin-grow">
          <Select value={key} onChange={(_, d) => setKey(d.value as OpdSortKey)} data-testid="opd-sort">
            {SORT_KEYS.map((k) => <option key={k} value={k}>{t(SORT_LABEL[k])}</option>)}
          </Select>
        </Field>
        <Button size="small" className="pokin-end" onClick={() => setDir(dir === 'asc' ? 'desc' : 'asc')} aria-label={`${t('sortBy')}: ${dir === 'asc' ? t('sortAsc') : t('sortDesc')}`} data-testid="opd-sort-dir">
          {dir === 'asc' ? '↑' : '↓'}
        </Button>
      </div>
      <Text size={200}>{t('opdCount', { n: shown.length })}</Text>
      {shown.length === 0 ? <Text>{t('noOpd')}</Text> : (
        <ul className="pokin-opds">
          {shown.map((r) => (
            <li key={r.opd}>
              <button type="button" className={`pokin-opd${r.opd === selected ? ' is-selected' : ''}`} aria-pressed={r.opd === selected}
                onClick={() => onSelect(r.opd)} data-testid="opd-row" data-opd={r.opd} data-status={r.status}>
                <span className="pokin-row">
                  <b className="pokin-grow" data-testid="opd-name">{r.namaOpd || t('namaOpdUnknown')}</b>
                  <Badge appearance="tint" color={STATUS_COLOR[r.status]} size="small">{t(`st_${r.status}`)}</Badge>
                </span>
                <span className="pokin-code pokin-loc">{r.opd}</span>
                <span className="pokin-loc">
                  v{r.version} · E{r.counts.errors} W{r.counts.warnings} · {t('lastPush')} {tanggal(r.at)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
