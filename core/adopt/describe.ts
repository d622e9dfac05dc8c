/** What each column of a foreign sheet was read as, in words, for the report (`AdoptReport.columns`). */
import { columnLetter } from '../a1.js';
import type { ColumnModel, Role } from './columns.js';

/** What a column was read as, for the report. */
export function describeRole(model: ColumnModel, c: number): string {
  for (const g of model.groups) {
    const name = g.kind === 'level' ? `level ${g.k}` : g.kind === 'coded' ? (g.fixed ? g.fixed.replace('_', ' ') : 'program/kegiatan') : g.kind;
    if (g.statementCol === c) return g.kind === 'coded' ? `sasaran ${name}` : name;
    if (g.indicatorCol === c) return `indikator ${name}`;
    if (g.nameCol === c) return `nomenklatur ${name}`;
    const n = g.names?.find((x) => x.col === c) ?? g.indicators?.find((x) => x.col === c);
    if (n) return `${g.names?.includes(n) ? 'nomenklatur' : 'indikator'} ${n.type.replace('_', ' ')}`;
    const i = g.codeCols.indexOf(c);
    if (i >= 0) return g.codeCols.length > 1 ? `kode ${i + 1}/${g.codeCols.length}` : 'kode';
  }
  if (model.sharedIndicator === c) return 'indikator (semua tingkat)';
  const role = model.roles.get(c);
  if (!role) return 'tanpa judul';
  const scale = (s: number) => (s === 1 ? '' : ` (×${s.toLocaleString('id-ID')})`);
  switch (role.kind) {
    case 'target': return `target ${role.year}`;
    case 'pagu': return `pagu ${role.year}${scale(role.scale)}`;
    case 'paguAkhir': return `pagu akhir periode (diperiksa = jumlah pagu tahunan)${scale(role.scale)}`;
    case 'awal': return 'kondisi awal';
    case 'akhir': return 'kondisi akhir';
    case 'satuan': return role.year === undefined ? 'satuan' : `satuan ${role.year}`;
    case 'pj': return 'penanggung jawab';
    case 'refPemda': return 'ref pemda';
    case 'kodeOpd': return 'kode OPD';
    case 'catatan': return role.label ? `catatan (${role.label})` : 'catatan';
    case 'field': return role.field;
    case 'no': return 'nomor urut';
    case 'ignored': return `diabaikan: ${role.why}`;
    case 'renja': return renjaRole(role.col, scale(role.col.scale));
    default: return 'diabaikan';
  }
}

/** A Renja evaluation form column (core/adopt/renja): what it holds and what Pokin does with it. */
function renjaRole(c: Extract<Role, { kind: 'renja' }>['col'], scale: string): string {
  const u = c.ukuran === 'rp' ? `Rp${scale}` : c.ukuran === 'satuan' ? 'satuan' : 'K';
  switch (c.field) {
    case 'tw': return `realisasi TW${c.tw} (${u})`;
    case 'realisasiTahun': return `realisasi tahun ini (${u}; diperiksa)`;
    case 'realisasiSd': return `realisasi s.d. tahun ini (${u}; diperiksa)`;
    case 'realisasiLalu': return `realisasi s.d. tahun lalu (${u}; ke Catatan)`;
    case 'capaian': return `tingkat capaian ${c.basis === 'akhir' ? 'Renstra' : 'Renja'} (${c.ukuran === 'rp' ? 'Rp' : 'K'}, %; diperiksa)`;
    case 'targetAkhir': return `target akhir Renstra (${u}; ke Catatan)`;
    default: return `target Renja (${u})`;
  }
}

/** Column letter → what it was read as, for the report. */
export function describeColumns(model: ColumnModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of [...model.roles.keys()].sort((a, b) => a - b)) out[columnLetter(c)] = describeRole(model, c);
  return out;
}
