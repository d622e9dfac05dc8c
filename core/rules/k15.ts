/**
 * K15 (I, Server; SAKIP.md §5.3): an IKU indicator changed since the last accepted
 * (`diterima`) version of the period. A stable IKU is an LKE criterion, so every change is
 * named: an IKU added, dropped, renamed (a new name breaks its history: the indicator is
 * identified by `ID Node` + `Indikator`), or with a different unit, polarity, formula,
 * baseline or targets. Pure: the server hands in both trees.
 */
import { issue, type Issue } from '../issues.js';
import { cellOf, type Indikator, type PohonKinerja, type Target } from '../model.js';

const key = (i: Indikator) => `${i.nodeId}\u0000${i.nama.toLowerCase()}`;
const t = (x: Target | null) => JSON.stringify(x);

const FIELDS: { label: string; get: (i: Indikator) => string }[] = [
  { label: 'Satuan', get: (i) => i.satuan },
  { label: 'Polaritas', get: (i) => i.polaritas },
  { label: 'Akumulasi', get: (i) => i.akumulasi },
  { label: 'Definisi Operasional', get: (i) => i.definisi },
  { label: 'Formula', get: (i) => i.formula },
  { label: 'Kondisi Awal', get: (i) => t(i.kondisiAwal) },
  { label: 'Kondisi Akhir', get: (i) => t(i.kondisiAkhir) },
];

export function ikuChanges(now: PohonKinerja, before: PohonKinerja, version: number): Issue[] {
  const out: Issue[] = [];
  const prev = new Map(before.indikator.map((i) => [key(i), i]));
  const cur = new Map(now.indikator.map((i) => [key(i), i]));
  const at = (i: Indikator, field: string) => ({ sheet: i.loc.table.sheet, cell: cellOf(i.loc, field), id: i.nodeId });
  const v = `versi ${version}`;
  const ve = `version ${version}`;
  for (const i of now.indikator) {
    if (i.iku !== true) continue;
    const p = prev.get(key(i));
    if (!p || p.iku !== true) {
      const renamed = !p && before.indikator.find((x) => x.nodeId === i.nodeId && x.iku === true && !cur.has(key(x)));
      out.push(issue('K15', 'I', at(i, 'nama'), renamed
        ? { id: `IKU "${renamed.nama}" kotak ${i.nodeId} berganti nama menjadi "${i.nama}" sejak ${v} yang diterima; riwayat capaiannya terputus.`, en: `IKU "${renamed.nama}" of box ${i.nodeId} was renamed "${i.nama}" since the accepted ${ve}; its history breaks.` }
        : { id: `"${i.nama}" (kotak ${i.nodeId}) menjadi IKU sejak ${v} yang diterima.`, en: `"${i.nama}" (box ${i.nodeId}) became an IKU since the accepted ${ve}.` }));
      continue;
    }
    const changed = FIELDS.filter((f) => f.get(i) !== f.get(p)).map((f) => f.label);
    const years = now.config.years.filter((y, k) => {
      const pk = before.config.years.indexOf(y);
      return pk < 0 || t(i.targets[k] ?? null) !== t(p.targets[pk] ?? null);
    });
    if (years.length) changed.push(`Target ${years.join(', ')}`);
    if (!changed.length) continue;
    out.push(issue('K15', 'I', at(i, 'nama'), {
      id: `IKU "${i.nama}" (kotak ${i.nodeId}) berubah sejak ${v} yang diterima: ${changed.join(', ')}.`,
      en: `IKU "${i.nama}" (box ${i.nodeId}) changed since the accepted ${ve}: ${changed.join(', ')}.`,
    }));
  }
  for (const p of before.indikator) {
    if (p.iku !== true) continue;
    const i = cur.get(key(p));
    if (i?.iku === true) continue;
    // A rename is reported on the new name above.
    if (!i && now.indikator.some((x) => x.nodeId === p.nodeId && x.iku === true && !prev.has(key(x)))) continue;
    const box = now.byId.get(p.nodeId);
    const where = i ? at(i, 'iku') : box ? { sheet: box.loc.table.sheet, cell: cellOf(box.loc, 'id'), id: box.id } : { sheet: now.tables.indikator?.sheet ?? 'Indikator', cell: 'A1', id: p.nodeId };
    out.push(issue('K15', 'I', where, i
      ? { id: `"${p.nama}" (kotak ${p.nodeId}) bukan IKU lagi sejak ${v} yang diterima.`, en: `"${p.nama}" (box ${p.nodeId}) is no longer an IKU since the accepted ${ve}.` }
      : { id: `IKU "${p.nama}" (kotak ${p.nodeId}) dihapus sejak ${v} yang diterima.`, en: `IKU "${p.nama}" (box ${p.nodeId}) was removed since the accepted ${ve}.` }));
  }
  return out;
}
