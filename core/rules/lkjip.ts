/**
 * LKjIP rules L01–L03 (SAKIP.md §12), Final: they run when the LKjIP of a year is generated
 * (`validateTree(…, { lkjip: tahun })`, `pokin export --sheets lkjip`, `pokin pengukuran --final`).
 */
import { issue } from '../issues.js';
import { cellOf } from '../model.js';
import type { RuleContext } from './context.js';
import { angkaId, at, pengukuranOf } from './pengukuran-context.js';

/** L01: a PK indicator without a year-end (TW4) realisasi. */
function L01(ctx: RuleContext, tahun: number): void {
  for (const it of pengukuranOf(ctx, tahun).indikator) {
    if (!it.pk) continue;
    const r = it.realisasi[3];
    if (r && r.realisasi !== null) continue;
    const i = it.indikator;
    const where = r ? at(r.loc, 'realisasi', i.nodeId) : { sheet: i.loc.table.sheet, cell: cellOf(i.loc, `target:${tahun}`), id: i.nodeId };
    ctx.issues.push(issue('L01', 'E', where, {
      id: `Indikator PK ${tahun} "${i.nama}" (kotak ${i.nodeId}) belum punya realisasi akhir tahun (TW4) untuk LKjIP.`,
      en: `PK indicator ${tahun} "${i.nama}" (box ${i.nodeId}) has no year-end (TW4) realisation for the LKjIP.`,
    }));
  }
}

/** L02: the year's capaian outside 75–120 % with no analysis text on any of the year's rows. */
function L02(ctx: RuleContext, tahun: number): void {
  for (const it of pengukuranOf(ctx, tahun).indikator) {
    const r4 = it.realisasi[3];
    const murni = it.perTw[3].capaianTahun.murni;
    if (!it.pk || !r4 || murni === null || (murni >= 75 && murni <= 120)) continue;
    const analysed = it.realisasi.some((r) => r && (r.penjelasan || r.faktorPendukung || r.faktorPenghambat || r.solusi));
    if (analysed) continue;
    ctx.issues.push(issue('L02', 'W', at(r4.loc, 'penjelasan', it.box.id), {
      id: `Capaian ${tahun} "${it.indikator.nama}" ${angkaId(Number(murni.toFixed(2)))} % di luar 75–120 % tanpa analisis (Penjelasan, Faktor Pendukung/Penghambat, Solusi).`,
      en: `Capaian ${tahun} of "${it.indikator.nama}" is ${angkaId(Number(murni.toFixed(2)))} %, outside 75–120 %, with no analysis (Penjelasan, Faktor Pendukung/Penghambat, Solusi).`,
    }));
  }
}

/** L03: an IKU of the year's PK without a Pembanding value for that year (an empty row does not count). */
function L03(ctx: RuleContext, tahun: number): void {
  const compared = new Set((ctx.tree.pengukuran?.pembanding ?? []).filter((p) => p.tahun === tahun && p.nilai !== null && p.nilai.kind !== 'none').map((p) => p.indikator));
  for (const it of pengukuranOf(ctx, tahun).indikator) {
    const i = it.indikator;
    if (!it.pk || i.iku !== true || compared.has(i)) continue;
    ctx.issues.push(issue('L03', 'W', { sheet: i.loc.table.sheet, cell: cellOf(i.loc, 'iku'), id: i.nodeId }, {
      id: `IKU "${i.nama}" belum punya nilai Pembanding ${tahun} (nasional, provinsi atau kabupaten lain).`,
      en: `IKU "${i.nama}" has no ${tahun} Pembanding (national, provincial or another kabupaten).`,
    }));
  }
}

/** Every L rule for the LKjIP of `tahun`. */
export function lkjipRules(ctx: RuleContext, tahun: number): void {
  L01(ctx, tahun);
  L02(ctx, tahun);
  L03(ctx, tahun);
}
