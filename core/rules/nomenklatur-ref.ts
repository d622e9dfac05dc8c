/**
 * Ref rules on codes (SAKIP.md §5.4 N03, N04; §5.3 K14): they need a reference list, the
 * shipped one for the workbook's version and/or the workbook's own `Nomenklatur` table.
 * Without either they emit nothing.
 */
import { issue } from '../issues.js';
import { cellOf } from '../model.js';
import { lookupKode, nameKey, parentCode, subWidth } from '../nomenklatur/code.js';
import type { NomenklaturEntry } from '../nomenklatur/types.js';
import { normaliseSatuan } from '../read/normalise.js';
import type { Rule, RuleContext } from './context.js';
import { atKode, classFixed, facts, jenisText, refIndex, type CodedBox } from './nomenklatur-common.js';

interface Resolved extends CodedBox {
  entry: NomenklaturEntry | undefined;
}

type ResolvedAll = { found: Resolved[]; index: NonNullable<ReturnType<typeof refIndex>> } | null;
/** One look-up per validation: N03, N04 and K14 share it (a 5,000-box Renstra has 5,000 codes). */
const resolved = new WeakMap<RuleContext, ResolvedAll>();

/** Looks every well-formed code up once (X.XX spellings included). */
function resolveAll(ctx: RuleContext): ResolvedAll {
  const known = resolved.get(ctx);
  if (known !== undefined) return known;
  const index = refIndex(ctx);
  let out: ResolvedAll = null;
  if (index) {
    const f = facts(ctx);
    const jenis = ctx.tree.config.jenisPemda;
    const found = f.coded
      .filter((c) => c.shape !== null)
      .map((c) => ({ ...c, entry: lookupKode(index, c.kode, jenis, f.bidang) }));
    out = { found, index };
  }
  resolved.set(ctx, out);
  return out;
}

/** N03: the code is in the reference list for the version and Jenis Pemda (W when the list is incomplete). */
export const N03: Rule = (ctx) => {
  const r = resolveAll(ctx);
  if (!r) return;
  const f = facts(ctx);
  const jenis = ctx.tree.config.jenisPemda;
  const jt = jenisText(jenis);
  for (const c of r.found) {
    if (c.entry) continue;
    // A wrong class digit is N05's: when the code exists with the right digit, one message is enough.
    const fixed = classFixed(c.kode, jenis);
    if (fixed && lookupKode(r.index, fixed, jenis, f.bidang)) continue;
    const twoDigitUnmatchable = subWidth(c.kode) === 2 && !r.index.hasTwoDigitSub;
    const severity = r.index.complete && !twoDigitUnmatchable ? 'E' : 'W';
    const hints: { id: string; en: string }[] = [];
    if (twoDigitUnmatchable) {
      hints.push({
        id: 'Daftar acuan memakai kode sub kegiatan 4 digit; kode 2 digit tidak dapat dicocokkan (tidak diubah dengan menambah nol). Tambahkan tabel Nomenklatur dari SIPD',
        en: 'The reference list uses 4-digit sub kegiatan codes; a 2-digit code cannot be matched (it is never zero-padded). Add a Nomenklatur table from SIPD',
      });
    } else {
      const other = jenis === 'Provinsi' ? 'Kabupaten' : jenis ? 'Provinsi' : null;
      const parent = parentCode(c.kode);
      if (other && lookupKode(r.index, c.kode, other, f.bidang)) {
        hints.push({ id: `Kode ini hanya ada untuk ${jenisText(other).id}`, en: `This code exists only for ${jenisText(other).en}` });
      } else if (parent && c.shape !== 'bidang_urusan' && lookupKode(r.index, parent, jenis, f.bidang)) {
        hints.push({ id: `Kode induknya ${parent} ada; periksa nomor urut terakhir`, en: `Its parent code ${parent} exists; check the last segment` });
      } else if (parent) {
        hints.push({ id: `Kode induknya ${parent} juga tidak ada`, en: `Its parent code ${parent} is missing too` });
      }
      if (!r.index.complete) {
        hints.push({
          id: 'Daftar acuan untuk versi ini tidak lengkap; bila kode ini benar, tambahkan ke tabel Nomenklatur (dari SIPD)',
          en: 'The reference list for this version is incomplete; if the code is right, add it to the Nomenklatur table (from SIPD)',
        });
      }
    }
    ctx.issues.push(issue('N03', severity, atKode(c.box), {
      id: `Kode ${c.kode} tidak ada dalam daftar nomenklatur ${r.index.source} untuk ${jt.id} (${f.versi}).${hints.map((h) => ' ' + h.id + '.').join('')}`,
      en: `Code ${c.kode} is not in the nomenclature list ${r.index.source} for ${jt.en} (${f.versi}).${hints.map((h) => ' ' + h.en + '.').join('')}`,
    }));
  }
};

/**
 * Names a code officially goes by for the jenis pemda. The shipped list shortens the
 * supporting programme (`X.XX.01`) to "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"; its
 * official name ends in "KABUPATEN/KOTA" or "PROVINSI" (Kepmendagri 050-3708/2020), and
 * both spellings are right.
 */
export function officialNames(nama: string, kode: string, jenis: string | null): string[] {
  const out = [nama];
  if (/^(X\.XX|[1-9]\.\d{2})\.01$/.test(kode) && nameKey(nama) === nameKey('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH')) {
    if (jenis === 'Kabupaten' || jenis === 'Kota') out.push(`${nama} KABUPATEN/KOTA`);
    if (jenis === 'Provinsi') out.push(`${nama} PROVINSI`);
  }
  return out;
}

/** N04: the Nomenklatur cell matches the reference name (case and spacing ignored). */
export const N04: Rule = (ctx) => {
  const r = resolveAll(ctx);
  if (!r) return;
  const jenis = ctx.tree.config.jenisPemda;
  for (const c of r.found) {
    const nama = (c.box.nomenklatur ?? '').trim();
    if (!c.entry || nama === '' || c.entry.nama === '') continue;
    const names = officialNames(c.entry.nama, c.kode, jenis);
    if (names.some((n) => nameKey(nama) === nameKey(n))) continue;
    const official = names[names.length - 1];
    ctx.issues.push(issue('N04', 'W', atKode(c.box, 'nomenklatur'), {
      id: `Nomenklatur "${nama}" berbeda dengan nama acuan untuk kode ${c.kode}: "${official}" (${r.index.source}).`,
      en: `Nomenklatur "${nama}" differs from the reference name of code ${c.kode}: "${official}" (${r.index.source}).`,
    }));
  }
};

const satuanKey = (s: string): string => nameKey(normaliseSatuan(s.trim()).value);

/**
 * K14: a sub kegiatan's indicators follow the Kepmendagri indikator / satuan for its code.
 * One warning per box when no indicator carries the reference name (at the first
 * indicator), and one at the satuan cell when the matching indicator's satuan differs.
 */
export const K14: Rule = (ctx) => {
  const r = resolveAll(ctx);
  if (!r) return;
  for (const c of r.found) {
    const e = c.entry;
    if (!e || e.level !== 'sub_kegiatan' || c.box.level?.nomenklatur !== 'sub_kegiatan') continue;
    if (!e.indikator && !e.satuan) continue;
    const inds = c.box.indicators;
    if (inds.length === 0) continue;
    const kinerja = e.kinerja ? { id: ` Kinerja: "${e.kinerja}".`, en: ` Kinerja: "${e.kinerja}".` } : { id: '', en: '' };
    let match = inds[0];
    if (e.indikator) {
      const same = inds.find((i) => nameKey(i.nama) === nameKey(e.indikator!));
      if (!same) {
        const sat = e.satuan ? ` (satuan ${e.satuan})` : '';
        ctx.issues.push(issue('K14', 'W', { sheet: inds[0].loc.table.sheet, cell: cellOf(inds[0].loc, 'nama'), id: c.box.id }, {
          id: `Indikator sub kegiatan ${c.kode} berbeda dengan indikator Kepmendagri: "${e.indikator}"${sat}.${kinerja.id}`,
          en: `The indicators of sub kegiatan ${c.kode} differ from the Kepmendagri indicator: "${e.indikator}"${sat}.${kinerja.en}`,
        }));
        continue;
      }
      match = same;
    }
    if (e.satuan && (match.satuan ?? '').trim() !== '' && satuanKey(match.satuan) !== satuanKey(e.satuan)) {
      ctx.issues.push(issue('K14', 'W', { sheet: match.loc.table.sheet, cell: cellOf(match.loc, 'satuan'), id: c.box.id }, {
        id: `Satuan "${match.satuan}" indikator "${match.nama}" (sub kegiatan ${c.kode}) berbeda dengan satuan Kepmendagri "${e.satuan}".`,
        en: `Satuan "${match.satuan}" of indicator "${match.nama}" (sub kegiatan ${c.kode}) differs from the Kepmendagri satuan "${e.satuan}".`,
      }));
    }
  }
};
