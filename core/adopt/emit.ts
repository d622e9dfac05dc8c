/**
 * An adopted tree into the canonical tables (SAKIP.md §4.2), so that `readWorkbook` and
 * `validateSnapshot` judge the result exactly like a workbook typed by hand.
 * Penanggung jawab text is matched against the known positions (ID, Nama Jabatan or Unit
 * Kerja); text that matches none becomes a new `Jabatan` row with an empty Jenjang, which the
 * validation then asks the planner to complete (F01), instead of a guess.
 */
import { canonicalTables, headerKey, INFO_KEYS, type TableSpec } from '../layout/tables.js';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../snapshot.js';
import type { AdoptedTree } from './tree.js';
import type { KnownJabatan } from './types.js';

export type InfoValues = Partial<Record<(typeof INFO_KEYS)[number]['key'], CellValue>>;

export interface Emitted {
  snapshot: WorkbookSnapshot;
  jabatanCreated: { id: string; from: string }[];
  missingInfo: string[];
}

const SHEET_UNSAFE = /[:\\/?*[\]]/;
const SHEET_UNSAFE_ALL = /[:\\/?*[\]]/g;

/** An ID Jabatan from free text: the text itself when short and sheet-safe, else its initials. */
export function jabatanIdFor(text: string, taken: Set<string>): string {
  let base = text.trim();
  if (base.length > 23 || SHEET_UNSAFE.test(base)) {
    base = base.replace(SHEET_UNSAFE_ALL, ' ').split(/\s+/).filter(Boolean).map((w) => w[0]).join('').toUpperCase().slice(0, 20) || 'JABATAN';
  }
  let id = base;
  for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base.slice(0, 20)}-${n}`;
  taken.add(id.toLowerCase());
  return id;
}

function table(spec: TableSpec, rows: Record<string, CellValue>[]): TableSnapshot {
  const cols = spec.columns.filter((c) => !c.output);
  return {
    sheet: spec.sheet,
    name: spec.table,
    address: 'A1',
    header: cols.map((c) => c.header),
    rows: rows.map((r) => cols.map((c) => (c.key in r ? r[c.key] : null))),
  };
}

export function emitCanonical(
  tree: AdoptedTree, info: InfoValues, known: KnownJabatan[] = [], crosscutting: Record<string, CellValue>[] = [], levels?: TableSnapshot,
): Emitted {
  const specs = canonicalTables(tree.years);
  const spec = (k: string) => specs.find((s) => s.key === k) as TableSpec;
  const missingInfo: string[] = [];
  const infoRows = INFO_KEYS.map((k) => {
    const v = info[k.key as keyof InfoValues] ?? null;
    if (v === null || v === '') missingInfo.push(k.key);
    return { kunci: k.key, nilai: v };
  });

  // Penanggung jawab → ID Jabatan.
  const taken = new Set(known.map((j) => j.id.toLowerCase()));
  const byText = new Map<string, string>();
  for (const j of known) for (const t of [j.unitKerja, j.nama, j.id]) if (t) byText.set(headerKey(t), j.id);
  const jabatanCreated: { id: string; from: string }[] = [];
  const ownerOf = (pj: string): string => {
    if (pj === '') return '';
    const k = headerKey(pj);
    const hit = byText.get(k);
    if (hit !== undefined) return hit;
    const id = jabatanIdFor(pj, taken);
    byText.set(k, id);
    jabatanCreated.push({ id, from: pj });
    return id;
  };

  const pohon: Record<string, CellValue>[] = [];
  const indikator: Record<string, CellValue>[] = [];
  for (const b of tree.boxes) {
    const row: Record<string, CellValue> = {
      id: b.id, induk: b.parent?.id ?? b.induk ?? null, level: b.levelName || null, pernyataan: b.pernyataan || null,
      kode: b.kode || null, nomenklatur: b.nomenklatur || null, penanggungJawab: ownerOf(b.pj) || null,
      refPemda: b.refPemda || null, catatan: b.catatan || null,
    };
    tree.years.forEach((y, k) => { row[`pagu:${y}`] = b.pagu[k]; });
    pohon.push(row);
    for (const ind of b.indicators) {
      const r: Record<string, CellValue> = {
        ...ind.extra, nodeId: b.id, nama: ind.nama, satuan: ind.satuan || null, kondisiAwal: ind.kondisiAwal, kondisiAkhir: ind.kondisiAkhir,
      };
      tree.years.forEach((y, k) => { r[`target:${y}`] = ind.targets[k]; });
      indikator.push(r);
    }
  }
  const jabatan: Record<string, CellValue>[] = known.map((j) => ({
    id: j.id, nama: j.nama, jenjang: j.jenjang, atasan: j.atasan || null, nip: j.nip || null, namaPejabat: j.namaPejabat || null, unitKerja: j.unitKerja || null,
  }));
  for (const c of jabatanCreated) jabatan.push({ id: c.id, nama: c.from, jenjang: null, atasan: null, nip: null, namaPejabat: null, unitKerja: c.from });

  return {
    snapshot: {
      tables: [
        table(spec('info'), infoRows),
        table(spec('jabatan'), jabatan),
        table(spec('pohon'), pohon),
        table(spec('indikator'), indikator),
        table(spec('crosscutting'), crosscutting),
        ...(levels ? [levels] : []),
      ],
    },
    jabatanCreated,
    missingInfo,
  };
}
