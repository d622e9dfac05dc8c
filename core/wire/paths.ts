/**
 * Path parameters of the HTTP API: `{pemda}` (region code, e.g. `32.04`), `{periode}`
 * (`<Tahun Awal>-<Tahun Akhir>`) and `{opd}` (kode OPD, SAKIP.md §3.7, or `PEMDA` for the
 * pemda tree). They become parts of DynamoDB keys joined with `#`, so only these shapes pass.
 */
export const KODE_OPD_RE = /^[1-9]\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;
export const KODE_PEMDA_RE = /^\d{2}(\.\d{2})?$/;
const PERIODE_RE = /^(\d{4})-(\d{4})$/;
export const OPD_PEMDA = 'PEMDA';

export interface TreePath {
  pemda: string;
  periode: string;
  tahunAwal: number;
  tahunAkhir: number;
  /** Kode OPD or `PEMDA`. */
  opd: string;
}

export type PathCheck<T> = { ok: true; value: T } | { ok: false; field: string; message: string; messageEn: string };

export function checkPemda(v: string | undefined): PathCheck<string> {
  if (v !== undefined && KODE_PEMDA_RE.test(v)) return { ok: true, value: v };
  return { ok: false, field: 'pemda', message: 'Kode pemda tidak valid (contoh 32.04).', messageEn: 'Invalid pemda code (e.g. 32.04).' };
}

export function checkPeriode(v: string | undefined): PathCheck<{ periode: string; tahunAwal: number; tahunAkhir: number }> {
  const m = v === undefined ? null : PERIODE_RE.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 1900 && b <= 2200 && a <= b && b - a < 10) return { ok: true, value: { periode: `${a}-${b}`, tahunAwal: a, tahunAkhir: b } };
  }
  return { ok: false, field: 'periode', message: 'Periode tidak valid (contoh 2025-2029).', messageEn: 'Invalid period (e.g. 2025-2029).' };
}

export function checkOpd(v: string | undefined): PathCheck<string> {
  if (v === OPD_PEMDA || (v !== undefined && KODE_OPD_RE.test(v))) return { ok: true, value: v };
  return { ok: false, field: 'opd', message: 'Kode OPD tidak valid (kode SIPD atau PEMDA).', messageEn: 'Invalid kode OPD (a SIPD unit code or PEMDA).' };
}

/** Version query parameter: a positive integer, or absent for the latest. */
export function checkVersionParam(v: string | undefined): PathCheck<number | null> {
  if (v === undefined) return { ok: true, value: null };
  if (/^[1-9]\d{0,8}$/.test(v)) return { ok: true, value: Number(v) };
  return { ok: false, field: 'version', message: 'Parameter version harus bilangan bulat ≥ 1.', messageEn: 'The version parameter must be an integer ≥ 1.' };
}

export function treeUrl(p: Pick<TreePath, 'pemda' | 'periode' | 'opd'>): string {
  return `/v1/pemda/${encodeURIComponent(p.pemda)}/periode/${encodeURIComponent(p.periode)}/opd/${encodeURIComponent(p.opd)}`;
}
