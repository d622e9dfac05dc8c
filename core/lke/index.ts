/**
 * The LKE self-assessment (SAKIP.md §13): one function the CLI, the pane and (later) the API
 * call, `evaluasiLke(snapshot)`, and the pure parts it is made of. Scoring is a pure function
 * of the criteria and the answers (`hitungSkor`); the Saran Pokin need the validated tree.
 */
import { canonicalTables, type TableSpec } from '../layout/tables.js';
import type { Issue } from '../issues.js';
import { sortIssues } from '../issues.js';
import type { PohonKinerja } from '../model.js';
import { findTable, readWorkbook } from '../read/index.js';
import { readInfo } from '../read/info.js';
import type { WorkbookSnapshot } from '../snapshot.js';
import { validateTree } from '../validate.js';
import type { BatasPredikat } from '../capaian/predikat.js';
import { bacaJawabanLke, type BacaanJawaban } from './jawaban.js';
import { bacaKriteria } from './kriteria.js';
import { usulanNaik, type UsulanNaik } from './naik.js';
import { saranLke, SARAN_EVALUATORS, type Saran, type SaranEvaluator } from './saran/index.js';
import { hitungSkor, type RekapLke } from './skor.js';
import type { KriteriaLke } from './types.js';

export * from './types.js';
export { SKALA_BAWAAN, bacaJenis, bacaJawaban, bacaNilaiJawaban, jawabanUntukBagian, nilaiDari, nilaiTertinggi } from './skala.js';
export { bacaKriteria, bangunKriteria, barisKriteriaBawaan, kriteriaBawaan, type BarisBerlokasi } from './kriteria.js';
export { bacaJawabanLke, type BacaanJawaban } from './jawaban.js';
export { bobotKriteria, bulat, hitungSkor, kriteriaTermahal, rekapJson, type BelumDijawab, type JawabanSkor, type RekapJson, type RekapKomponen, type RekapLke, type RekapSub, type SkorKriteria } from './skor.js';
export { usulanNaik, type PerubahanJawaban, type UsulanNaik } from './naik.js';
export { evaluatorUntuk, saranLke, SARAN_EVALUATORS, teksSaran, EVALUATOR_POHON, SARAN_CASCADE, SARAN_CROSSCUTTING, SARAN_PK, SARAN_POKIN, SARAN_SMART, SARAN_TARGET, type Saran, type SaranContext, type SaranEvaluator, type Temuan } from './saran/index.js';
export { lembarLke, tabelKriteriaLke, type LembarLke } from './lembar.js';
export * from './dokumen.js';

export interface OpsiEvaluasi {
  /** Compute the Saran Pokin (needs a Final validation of the tree); default true. */
  saran?: boolean;
  evaluators?: readonly SaranEvaluator[];
}

export interface EvaluasiLke {
  kriteria: KriteriaLke;
  /** Errors in the criteria list (F01/F03/V01/V02): the score is meaningless while there are any. */
  kriteriaSah: boolean;
  bacaan: BacaanJawaban;
  rekap: RekapLke;
  naik: UsulanNaik;
  /** By criterion code; empty when the workbook has no tree or `saran` is off. */
  saran: Map<string, Saran>;
  /** The workbook holds a `PohonKinerja` table the Saran Pokin could judge. */
  adaPohon: boolean;
  batas: BatasPredikat;
  /** Issues of the LKE tables (criteria and answers), in Validasi order. */
  issues: Issue[];
  /** The tree as read, when there is one (the pane shows the OPD's name from it). */
  tree?: PohonKinerja;
}

const INFO_SPEC = canonicalTables([]).find((s) => s.key === 'info') as TableSpec;
const POHON_SPEC = canonicalTables([]).find((s) => s.key === 'pohon') as TableSpec;

export function evaluasiLke(snapshot: WorkbookSnapshot, opts: OpsiEvaluasi = {}): EvaluasiLke {
  const kriteriaIssues: Issue[] = [];
  const kriteria = bacaKriteria(snapshot, kriteriaIssues);
  const kriteriaSah = !kriteriaIssues.some((i) => i.severity === 'E');
  const jawabanIssues: Issue[] = [];
  const bacaan = bacaJawabanLke(snapshot, kriteria, jawabanIssues);
  const adaPohon = findTable(snapshot, POHON_SPEC) !== undefined;
  let tree: PohonKinerja | undefined;
  let batas: BatasPredikat;
  const saran = new Map<string, Saran>();
  if (adaPohon) {
    const read = readWorkbook(snapshot);
    tree = read.tree;
    batas = tree.config.batasPredikat;
    if (opts.saran !== false) {
      const { issues } = validateTree(read.tree, read.issues, { final: true });
      for (const [k, s] of saranLke(kriteria, { tree, issues, snapshot }, opts.evaluators ?? SARAN_EVALUATORS)) saran.set(k, s);
    }
  } else {
    batas = readInfo(findTable(snapshot, INFO_SPEC), []).config.batasPredikat;
  }
  const rekap = hitungSkor(kriteria, bacaan.jawaban, batas);
  return {
    kriteria, kriteriaSah, bacaan, rekap, naik: usulanNaik(rekap), saran, adaPohon, batas,
    issues: sortIssues([...kriteriaIssues, ...jawabanIssues]), ...(tree ? { tree } : {}),
  };
}
