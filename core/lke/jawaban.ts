/**
 * Reads the answers of the `LKE` table (SAKIP.md §13) against a criteria list. Nothing is
 * dropped silently: a row whose `Kode` the list does not know, a second row for one code and
 * an answer that is not on the criterion's scale are F01 (the answer then counts as 0 and the
 * criterion as unanswered); `ya` read as `Y` is F02; criteria columns that no longer match the
 * list (an old copy) are V03.
 */
import { issue, type Issue } from '../issues.js';
import { lkeTableSpec } from '../layout/lke.js';
import { cellOf, type RowLoc, type TableLoc } from '../model.js';
import { findTable } from '../read/index.js';
import { idText, parseNumberText, plainText } from '../read/normalise.js';
import { reportNormalised, reportUnreadable } from '../read/report.js';
import { cellAt, mapTable, rowHasInput, scrubErrors } from '../read/table.js';
import type { WorkbookSnapshot } from '../snapshot.js';
import { bacaJawaban, bacaJenis } from './skala.js';
import type { JawabanLke, KriteriaLke } from './types.js';

export interface BacaanJawaban {
  /** By criterion code; criteria without a row are absent. */
  jawaban: Map<string, JawabanLke>;
  /** Rows whose `Kode` is not in the criteria list (kept, so a rewrite never loses them). */
  asing: JawabanLke[];
  /** Where the table sits; undefined when the workbook has no `LKE` table. */
  loc?: TableLoc;
}

export function bacaJawabanLke(snapshot: WorkbookSnapshot, kriteria: KriteriaLke, issues: Issue[]): BacaanJawaban {
  const spec = lkeTableSpec();
  const snap = findTable(snapshot, spec);
  const out: BacaanJawaban = { jawaban: new Map(), asing: [] };
  if (!snap) return out;
  const m = mapTable(snap, spec, issues);
  out.loc = m.loc;
  if (!('kode' in m.index)) return out;
  snap.rows.forEach((raw, r) => {
    if (!rowHasInput(raw, m.outputCols)) return;
    const sheetRow = m.firstDataRow + r;
    const row = scrubErrors(m, raw, sheetRow, idText(cellAt(m, raw, 'kode')), issues);
    const loc: RowLoc = { table: m.loc, row: sheetRow };
    const kode = idText(cellAt(m, row, 'kode'));
    const teks = plainText(cellAt(m, row, 'jawaban'));
    const j: JawabanLke = {
      kode, jawaban: null,
      buktiDukung: plainText(cellAt(m, row, 'buktiDukung')),
      tautan: plainText(cellAt(m, row, 'tautan')),
      catatanEvaluator: plainText(cellAt(m, row, 'catatanEvaluator')),
      loc,
    };
    if (kode === '') {
      if (teks !== '' || j.tautan !== '' || j.catatanEvaluator !== '') {
        reportUnreadable(issues, loc, 'kode', '', { id: 'Baris LKE tanpa Kode; jawabannya tidak dihitung.', en: 'An LKE row without Kode; its answer does not count.' });
        out.asing.push({ ...j, ...(teks ? { tidakSah: teks } : {}) });
      }
      return;
    }
    const k = kriteria.byKode.get(kode);
    if (!k) {
      reportUnreadable(issues, loc, 'kode', kode, {
        id: `Kode "${kode}" tidak ada dalam daftar kriteria (${kriteria.sumber.id}); jawabannya tidak dihitung.`,
        en: `Kode "${kode}" is not in the criteria list (${kriteria.sumber.en}); its answer does not count.`,
      });
      out.asing.push({ ...j, ...(teks ? { tidakSah: teks } : {}) });
      return;
    }
    if (out.jawaban.has(kode)) {
      reportUnreadable(issues, loc, 'kode', kode, {
        id: `Kode "${kode}" dua kali di LKE (baris ${out.jawaban.get(kode)?.loc?.row}); baris ini tidak dihitung.`,
        en: `Kode "${kode}" appears twice in the LKE (row ${out.jawaban.get(kode)?.loc?.row}); this row does not count.`,
      });
      out.asing.push({ ...j, ...(teks ? { tidakSah: teks } : {}) });
      return;
    }
    if (teks !== '') {
      const code = bacaJawaban(teks, k.skala);
      if (code === null) {
        const choices = k.skala.map((p) => p.kode).join('/');
        reportUnreadable(issues, loc, 'jawaban', kode, {
          id: `Jawaban "${teks}" bukan pilihan kriteria ${kode} (${choices}); dihitung 0 dan belum dijawab.`,
          en: `Answer "${teks}" is not a choice of criterion ${kode} (${choices}); it counts 0, as unanswered.`,
        });
        j.tidakSah = teks;
      } else {
        j.jawaban = code;
        reportNormalised(issues, loc, 'jawaban', 'Jawaban', kode, code !== teks ? { from: teks, to: code } : undefined);
      }
    }
    staleCopy(m.index, loc, k, issues, (f) => cellAt(m, row, f));
    out.jawaban.set(kode, j);
  });
  return out;
}

/** V03: the row's copy of the criterion (Bobot Sub, Jenis Jawaban) differs from the list that scores it. */
function staleCopy(
  index: Record<string, number>, loc: RowLoc, k: KriteriaLke['semua'][number], issues: Issue[],
  at: (field: string) => ReturnType<typeof cellAt>,
): void {
  const diffs: string[] = [];
  let field = '';
  if ('bobotSub' in index) {
    const v = at('bobotSub');
    const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : null;
    if (v !== null && v !== '' && (n === null || Math.abs(n - k.sub.bobot) > 1e-6)) { diffs.push(`Bobot Sub ${String(v)} ≠ ${k.sub.bobot}`); field ||= 'bobotSub'; }
  }
  if ('jenisJawaban' in index) {
    const t = plainText(at('jenisJawaban'));
    if (t !== '' && bacaJenis(t) !== k.jenis) { diffs.push(`Jenis Jawaban ${t} ≠ ${k.jenis}`); field ||= 'jenisJawaban'; }
  }
  if (!diffs.length) return;
  issues.push(issue('V03', 'W', { sheet: loc.table.sheet, cell: cellOf(loc, field), id: k.kode }, {
    id: `Baris ${k.kode} tidak sama dengan daftar kriteria yang menilainya (${diffs.join('; ')}); jalankan pokin lke template untuk menyegarkan lembar LKE.`,
    en: `Row ${k.kode} differs from the criteria list that scores it (${diffs.join('; ')}); run pokin lke template to refresh the LKE sheet.`,
  }));
}
