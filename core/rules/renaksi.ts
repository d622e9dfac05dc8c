/**
 * Rencana Aksi rules R01–R06 (SAKIP.md §12). R02–R06 are Live (every pass, from the workbook
 * alone); R01 is Final: it judges a plan as complete, and only in a workbook that plans
 * (a `RencanaAksi` table exists) for the years its rows name.
 */
import { issue, rupiah, type Bilingual } from '../issues.js';
import { cellOf, type Box, type Target } from '../model.js';
import { paguTahun } from '../pengukuran/hitung.js';
import type { RencanaAksiRow } from '../pengukuran/model.js';
import type { Rule } from './context.js';
import { angkaId, at, pengukuranOf, tahunPengukuran } from './pengukuran-context.js';

export function targetText(t: Target | null): string {
  if (t === null) return '(kosong)';
  switch (t.kind) {
    case 'number': return angkaId(t.value);
    case 'range': return `${angkaId(t.low)} - ${angkaId(t.high)}`;
    case 'text': return t.text;
    default: return '-';
  }
}

/** Equal within half a hundredth: quarterly plans are typed with two decimals at most. */
const TOLERANSI = 0.005;
const sama = (a: number, b: number) => Math.abs(a - b) <= Math.max(TOLERANSI, Math.abs(b) * 1e-9);

function samaTarget(a: Target, b: Target): boolean {
  if (a.kind === 'number' && b.kind === 'number') return sama(a.value, b.value);
  if (a.kind === 'range' && b.kind === 'range') return sama(a.low, b.low) && sama(a.high, b.high);
  if (a.kind === 'text' && b.kind === 'text') return a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
  return false;
}

/** R01 (Final): a PK indicator of a planned year without any Rencana Aksi row. */
export const R01: Rule = (ctx) => {
  const p = ctx.tree.pengukuran;
  if (!p?.ada.rencanaAksi) return;
  for (const tahun of tahunPengukuran(ctx)) {
    const yi = ctx.tree.config.years.indexOf(tahun);
    const m = pengukuranOf(ctx, tahun);
    for (const it of m.indikator) {
      if (!it.pk || it.rencanaAksi.length > 0) continue;
      const i = it.indikator;
      ctx.issues.push(issue('R01', 'W', { sheet: i.loc.table.sheet, cell: cellOf(i.loc, `target:${ctx.tree.config.years[yi]}`), id: i.nodeId }, {
        id: `Indikator PK ${tahun} "${i.nama}" (kotak ${i.nodeId}) belum punya baris Rencana Aksi.`,
        en: `PK indicator ${tahun} "${i.nama}" (box ${i.nodeId}) has no Rencana Aksi row.`,
      }));
    }
  }
};

/**
 * R02: the quarterly targets reconcile with the year's target by Akumulasi (Kumulatif Σ TW = T,
 * Nilai Akhir TW4 = T, Rata-rata mean = T). A later row of the same indicator that gives a
 * different target for a quarter contradicts the plan and fails too.
 */
export const R02: Rule = (ctx) => {
  for (const tahun of tahunPengukuran(ctx)) {
    for (const it of pengukuranOf(ctx, tahun).indikator) {
      const tw = it.targetTw;
      if (!tw || it.rencanaAksi.length === 0) continue;
      const first = it.rencanaAksi.find((r) => r.target.some((t) => t !== null)) as RencanaAksiRow;
      const id = it.box.id;
      const push = (row: RencanaAksiRow, k: number, msg: Bilingual) => ctx.issues.push(issue('R02', 'E', at(row.loc, `targetTw${k}`, id), msg));
      for (const r of it.rencanaAksi) {
        if (r === first) continue;
        r.target.forEach((t, k) => {
          const plan = tw[k];
          if (t !== null && plan !== null && !samaTarget(t, plan)) {
            push(r, k + 1, {
              id: `Target TW${k + 1} (${targetText(t)}) berbeda dengan baris ${first.loc.row} untuk indikator yang sama (${targetText(plan)}).`,
              en: `Target TW${k + 1} (${targetText(t)}) differs from row ${first.loc.row} for the same indicator (${targetText(plan)}).`,
            });
          }
        });
      }
      const T = it.targetTahun;
      if (!T || T.kind === 'none' || it.akumulasi === null) continue;
      const nama = it.indikator.nama;
      if (it.akumulasi === 'Nilai Akhir') {
        const t4 = tw[3];
        if (t4 === null || !samaTarget(t4, T)) {
          push(first, 4, {
            id: `Target TW4 (${targetText(t4)}) harus sama dengan target ${tahun} (${targetText(T)}) untuk indikator Nilai Akhir "${nama}".`,
            en: `Target TW4 (${targetText(t4)}) must equal the ${tahun} target (${targetText(T)}) for the Nilai Akhir indicator "${nama}".`,
          });
        }
        continue;
      }
      if (T.kind === 'text') continue; // qualitative targets are not summed or averaged
      const gap = tw.findIndex((t) => t === null || t.kind === 'none' || t.kind === 'text');
      if (gap >= 0) {
        push(first, gap + 1, {
          id: `Target TW${gap + 1} kosong atau bukan angka: target triwulan indikator ${it.akumulasi} "${nama}" harus lengkap agar ${it.akumulasi === 'Kumulatif' ? 'jumlahnya' : 'rata-ratanya'} sama dengan target ${tahun}.`,
          en: `Target TW${gap + 1} is empty or not a number: the quarterly targets of the ${it.akumulasi} indicator "${nama}" must be complete so that their ${it.akumulasi === 'Kumulatif' ? 'sum' : 'mean'} equals the ${tahun} target.`,
        });
        continue;
      }
      const nums = tw as Target[];
      const agg = (f: (t: Target) => number) => {
        const s = nums.reduce((a, t) => a + f(t), 0);
        return it.akumulasi === 'Kumulatif' ? s : s / 4;
      };
      const kind = nums.every((t) => t.kind === 'number') ? 'number' : nums.every((t) => t.kind === 'range') ? 'range' : null;
      const got: Target | null = kind === 'number' ? { kind, value: agg((t) => (t as { value: number }).value) }
        : kind === 'range' ? { kind, low: agg((t) => (t as { low: number }).low), high: agg((t) => (t as { high: number }).high) } : null;
      if (got && samaTarget(got, T)) continue;
      const what = it.akumulasi === 'Kumulatif' ? { id: 'Jumlah', en: 'The sum of' } : { id: 'Rata-rata', en: 'The mean of' };
      push(first, 1, {
        id: `${what.id} target TW1–TW4 (${targetText(got)}) ≠ target ${tahun} (${targetText(T)}) untuk indikator ${it.akumulasi} "${nama}".`,
        en: `${what.en} the TW1–TW4 targets (${targetText(got)}) ≠ the ${tahun} target (${targetText(T)}) for the ${it.akumulasi} indicator "${nama}".`,
      });
    }
  }
};

/** R03: Nilai Akhir quarters run against the polarity (Positif falling, Negatif rising). */
export const R03: Rule = (ctx) => {
  for (const tahun of tahunPengukuran(ctx)) {
    for (const it of pengukuranOf(ctx, tahun).indikator) {
      if (it.akumulasi !== 'Nilai Akhir' || !it.targetTw || (it.polaritas !== 'Positif' && it.polaritas !== 'Negatif')) continue;
      const first = it.rencanaAksi.find((r) => r.target.some((t) => t !== null));
      if (!first) continue;
      let prev: number | null = null;
      for (let k = 0; k < 4; k++) {
        const t = it.targetTw[k];
        if (t?.kind !== 'number') continue;
        const wrong = prev !== null && (it.polaritas === 'Positif' ? t.value < prev : t.value > prev);
        if (wrong) {
          const arah = it.polaritas === 'Positif' ? { id: 'turun', en: 'falls' } : { id: 'naik', en: 'rises' };
          ctx.issues.push(issue('R03', 'W', at(first.loc, `targetTw${k + 1}`, it.box.id), {
            id: `Target TW${k + 1} (${angkaId(t.value)}) ${arah.id} dari triwulan sebelumnya (${angkaId(prev as number)}) pada indikator ${it.polaritas} Nilai Akhir "${it.indikator.nama}".`,
            en: `Target TW${k + 1} (${angkaId(t.value)}) ${arah.en} from the previous quarter (${angkaId(prev as number)}) on the ${it.polaritas} Nilai Akhir indicator "${it.indikator.nama}".`,
          }));
          break;
        }
        prev = t.value;
      }
    }
  }
};

/**
 * R04: Σ Anggaran TW of a box's Rencana Aksi rows differs from the box's pagu (DPA when
 * present). Judged once any Anggaran of the box is given.
 */
export const R04: Rule = (ctx) => {
  const p = ctx.tree.pengukuran;
  if (!p) return;
  const tol = ctx.tree.config.toleransiPagu;
  const byBox = new Map<string, { box: Box; tahun: number; rows: RencanaAksiRow[] }>();
  for (const r of p.rencanaAksi) {
    const k = `${r.tahun}|${r.box.id}`;
    const g = byBox.get(k);
    if (g) g.rows.push(r); else byBox.set(k, { box: r.box, tahun: r.tahun, rows: [r] });
  }
  for (const { box, tahun, rows } of byBox.values()) {
    const yi = ctx.tree.config.years.indexOf(tahun);
    const pagu = paguTahun(box, yi);
    if (pagu === null) continue;
    let sum = 0, given = false;
    for (const r of rows) for (const a of r.anggaran) if (a !== null) { sum += a; given = true; }
    // A plan whose Anggaran columns are not started yet is not judged (right after the template).
    if (!given || Math.abs(sum - pagu) <= tol) continue;
    ctx.issues.push(issue('R04', 'W', at(rows[0].loc, 'anggaranTw1', box.id), {
      id: `Jumlah Anggaran TW1–TW4 Rencana Aksi kotak ${box.id} ${tahun} (${rupiah(sum)}) ≠ pagu ${tahun} kotak itu (${rupiah(pagu)}).`,
      en: `The Rencana Aksi Anggaran TW1–TW4 of box ${box.id} ${tahun} add up to ${rupiah(sum)}, not its pagu ${tahun} (${rupiah(pagu)}).`,
    }));
  }
};

/** R05: the action's ID Jabatan is neither the box's owner nor a direct subordinate of the owner. */
export const R05: Rule = (ctx) => {
  const { tree } = ctx;
  for (const r of tree.pengukuran?.rencanaAksi ?? []) {
    const owner = r.box.penanggungJawab;
    const j = r.idJabatan;
    if (j !== '' && (j === owner || (owner !== '' && tree.jabatanById.get(j)?.atasan === owner))) continue;
    const msg: Bilingual = j === ''
      ? { id: `ID Jabatan kosong: isi pemilik kotak ${r.box.id} (${owner || '—'}) atau bawahan langsungnya.`, en: `ID Jabatan is empty: use the owner of box ${r.box.id} (${owner || '—'}) or a direct subordinate.` }
      : !tree.jabatanById.has(j)
        ? { id: `ID Jabatan "${j}" tidak ada di lembar Jabatan.`, en: `ID Jabatan "${j}" is not in the Jabatan sheet.` }
        : { id: `ID Jabatan "${j}" bukan pemilik kotak ${r.box.id} (${owner || '—'}) dan bukan bawahan langsungnya.`, en: `ID Jabatan "${j}" is neither the owner of box ${r.box.id} (${owner || '—'}) nor a direct subordinate.` };
    ctx.issues.push(issue('R05', 'E', at(r.loc, 'idJabatan', r.box.id), msg));
  }
};

/** The code a box stands under: its own, else its nearest coded ancestor's. */
function kodeOf(b: Box): string {
  for (let x: Box | undefined = b, n = 0; x && n < 64; x = x.parent, n++) if (x.kode) return x.kode;
  return '';
}

/** R06: `Kode Sub Kegiatan` does not start with the box's code. */
export const R06: Rule = (ctx) => {
  for (const r of ctx.tree.pengukuran?.rencanaAksi ?? []) {
    const kode = kodeOf(r.box);
    const sub = r.kodeSubKegiatan;
    if (sub === '' || kode === '' || sub === kode || sub.startsWith(kode + '.')) continue;
    ctx.issues.push(issue('R06', 'W', at(r.loc, 'kodeSubKegiatan', r.box.id), {
      id: `Kode Sub Kegiatan ${sub} tidak diawali kode kotak ${r.box.id} (${kode}).`,
      en: `Kode Sub Kegiatan ${sub} does not start with the code of box ${r.box.id} (${kode}).`,
    }));
  }
};

export const RENAKSI_RULES: Rule[] = [R02, R03, R04, R05, R06];
export const RENAKSI_FINAL_RULES: Rule[] = [R01];
