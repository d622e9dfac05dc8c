/** `Jabatan`, `Crosscutting` and the workbook's own `Nomenklatur` rows (SAKIP.md §4.2). */
import { JENJANG, type Jenjang } from '../config.js';
import { didYouMean, suggestJenjang } from './suggest.js';
import type { Issue } from '../issues.js';
import { LEMBAGA_LAIN, STATUS_CROSSCUTTING } from '../layout/tables.js';
import type { Box, CrosscuttingLink, Jabatan, NomenklaturRow, RowLoc } from '../model.js';
import { idText, matchListValue, normaliseCode, plainText } from './normalise.js';
import { reportNormalised, reportUnreadable } from './report.js';
import { cellAt, formatAt, rowHasInput, scrubErrors, type MappedTable } from './table.js';

/** Sheet-name characters an ID Jabatan cannot hold, since it becomes part of `PK <tahun> <ID>`. */
const SHEET_UNSAFE = /[:\\/?*[\]]/;

function* inputRows(m: MappedTable, issues: Issue[], idField: string) {
  const rows = m.snapshot.rows;
  for (let r = 0; r < rows.length; r++) {
    if (!rowHasInput(rows[r], m.outputCols)) continue;
    const sheetRow = m.firstDataRow + r;
    const id = idText(cellAt(m, rows[r], idField));
    const row = scrubErrors(m, rows[r], sheetRow, id, issues);
    const loc: RowLoc = { table: m.loc, row: sheetRow };
    yield { r, row, loc, id: idText(cellAt(m, row, idField)) };
  }
}

export function readJabatan(m: MappedTable, issues: Issue[]): Jabatan[] {
  const out: Jabatan[] = [];
  const seen = new Set<string>();
  for (const { row, loc, id } of inputRows(m, issues, 'id')) {
    if (id === '') {
      reportUnreadable(issues, loc, 'id', '', { id: 'Jabatan tanpa ID Jabatan tidak dapat dibaca.', en: 'A position without ID Jabatan cannot be read.' });
      continue;
    }
    if (seen.has(id)) {
      reportUnreadable(issues, loc, 'id', id, { id: `ID Jabatan "${id}" ganda; baris ini diabaikan.`, en: `Duplicate ID Jabatan "${id}"; this row is ignored.` });
      continue;
    }
    seen.add(id);
    if (id.length > 23 || SHEET_UNSAFE.test(id)) {
      reportUnreadable(issues, loc, 'id', id, {
        id: `ID Jabatan "${id}" harus ≤ 23 karakter tanpa : \\ / ? * [ ] (dipakai sebagai nama lembar PK).`,
        en: `ID Jabatan "${id}" must be ≤ 23 characters without : \\ / ? * [ ] (it becomes part of a PK sheet name).`,
      });
    }
    const jenjangRaw = plainText(cellAt(m, row, 'jenjang'));
    const j = matchListValue(jenjangRaw, JENJANG);
    reportNormalised(issues, loc, 'jenjang', 'Jenjang', id, j.change);
    if (jenjangRaw === '') reportUnreadable(issues, loc, 'jenjang', id, { id: 'Jenjang kosong.', en: 'Jenjang is empty.' });
    else if (!j.value) {
      const hint = didYouMean(suggestJenjang(jenjangRaw));
      reportUnreadable(issues, loc, 'jenjang', id, {
        id: `Jenjang "${jenjangRaw}" tidak dikenal (pilihan: ${JENJANG.join(', ')}).${hint.id}`,
        en: `Unknown Jenjang "${jenjangRaw}" (choices: ${JENJANG.join(', ')}).${hint.en}`,
      });
    }
    out.push({
      id,
      nama: plainText(cellAt(m, row, 'nama')),
      jenjangRaw,
      jenjang: (j.value as Jenjang | null) ?? null,
      atasan: idText(cellAt(m, row, 'atasan')),
      nip: idText(cellAt(m, row, 'nip')),
      namaPejabat: plainText(cellAt(m, row, 'namaPejabat')),
      unitKerja: plainText(cellAt(m, row, 'unitKerja')),
      loc,
    });
  }
  return out;
}

export function readCrosscutting(m: MappedTable, byId: Map<string, Box>, issues: Issue[]): CrosscuttingLink[] {
  const out: CrosscuttingLink[] = [];
  for (const { row, loc, id } of inputRows(m, issues, 'nodeId')) {
    const opdTujuan = idText(cellAt(m, row, 'opdTujuan'));
    if (id === '') {
      reportUnreadable(issues, loc, 'nodeId', '', { id: 'Baris crosscutting tanpa ID Node.', en: 'A crosscutting row without ID Node.' });
      continue;
    }
    if (!byId.has(id)) {
      reportUnreadable(issues, loc, 'nodeId', id, {
        id: `ID Node "${id}" tidak ada di Pohon Kinerja.`, en: `ID Node "${id}" matches no box in Pohon Kinerja.`,
      });
      continue;
    }
    if (opdTujuan === '') {
      reportUnreadable(issues, loc, 'opdTujuan', id, { id: 'OPD Tujuan kosong.', en: 'OPD Tujuan (target OPD) is empty.' });
    }
    const lembaga = matchListValue(opdTujuan, [LEMBAGA_LAIN]);
    const statusRaw = plainText(cellAt(m, row, 'status'));
    const status = matchListValue(statusRaw, STATUS_CROSSCUTTING);
    reportNormalised(issues, loc, 'status', 'Status', id, status.change);
    out.push({
      nodeId: id,
      opdTujuan: lembaga.value ?? opdTujuan,
      nodeTujuan: idText(cellAt(m, row, 'nodeTujuan')),
      namaMitra: plainText(cellAt(m, row, 'namaMitra')),
      kontribusi: plainText(cellAt(m, row, 'kontribusi')),
      keterangan: plainText(cellAt(m, row, 'keterangan')),
      status: status.value ?? statusRaw,
      alasanTolak: plainText(cellAt(m, row, 'alasanTolak')),
      loc,
    });
  }
  return out;
}

export function readNomenklaturTable(m: MappedTable, issues: Issue[]): NomenklaturRow[] {
  const out: NomenklaturRow[] = [];
  for (const { r, row, loc } of inputRows(m, issues, 'kode')) {
    const kode = normaliseCode(cellAt(m, row, 'kode'), formatAt(m, r, 'kode'));
    const nama = plainText(cellAt(m, row, 'nama'));
    if (kode.value === '') continue; // note rows without a code are not codes (SAKIP.md §3.8)
    reportNormalised(issues, loc, 'kode', 'Kode', kode.value, kode.change);
    out.push({
      kode: kode.value, nama,
      kinerja: plainText(cellAt(m, row, 'kinerja')),
      indikator: plainText(cellAt(m, row, 'indikator')),
      satuan: plainText(cellAt(m, row, 'satuan')),
      loc,
    });
  }
  return out;
}
