/** Validation issues: the product's contract with planners (SAKIP.md §5). */

export type Severity = 'E' | 'W' | 'I';

export type RuleId =
  | 'F01' | 'F02' | 'F03' | 'F04'
  | 'T01' | 'T02' | 'T03' | 'T04' | 'T05' | 'T06' | 'T07' | 'T08' | 'T09' | 'T10' | 'T11'
  | 'K01' | 'K02' | 'K03' | 'K04' | 'K05' | 'K06' | 'K07' | 'K08' | 'K09' | 'K10'
  | 'K11' | 'K12' | 'K13' | 'K14' | 'K15' | 'K16' | 'K17' | 'K18' | 'K19' | 'K20' | 'K21'
  | 'N01' | 'N02' | 'N03' | 'N04' | 'N05' | 'N06' | 'N07' | 'N08' | 'N09' | 'N10'
  | 'B01' | 'B02' | 'B03' | 'B04' | 'B05'
  | 'J01' | 'J02' | 'J03' | 'J04' | 'J05'
  | 'P01' | 'P02' | 'P03'
  | 'X01' | 'X02' | 'X03' | 'X04' | 'X05'
  // Pengukuran (SAKIP.md §12): Rencana Aksi, realisasi, LKjIP.
  | 'R01' | 'R02' | 'R03' | 'R04' | 'R05' | 'R06'
  | 'U01' | 'U02' | 'U03' | 'U04' | 'U05' | 'U06' | 'U07'
  /** Added by Pokin: a Renja evaluation form's own figures differ from Pokin's arithmetic (import). */
  | 'U08'
  | 'L01' | 'L02' | 'L03'
  /**
   * The LKE self-assessment (core/lke, SAKIP.md §13): weights that do not add up, stale rows;
   * V04 (server): `Catatan Evaluator` text pushed by the OPD, kept as the evaluator wrote it.
   */
  | 'V01' | 'V02' | 'V03' | 'V04';

export interface Issue {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the offending cell (or the row's ID cell). */
  cell: string;
  /** Box ID, ID Jabatan or ID Node concerned, when there is one. */
  id?: string;
  /** Bahasa Indonesia. */
  message: string;
  /** English. */
  messageEn: string;
  /** F02: the value before and after normalisation. */
  from?: string;
  to?: string;
}

/** Message in both languages; `en` may be omitted only by mistake, so it is required. */
export interface Bilingual {
  id: string;
  en: string;
}

export function issue(
  rule: RuleId,
  severity: Severity,
  where: { sheet: string; cell: string; id?: string },
  msg: Bilingual,
  extra?: { from?: string; to?: string },
): Issue {
  const out: Issue = { rule, severity, sheet: where.sheet, cell: where.cell, message: msg.id, messageEn: msg.en };
  if (where.id !== undefined && where.id !== '') out.id = where.id;
  if (extra?.from !== undefined) out.from = extra.from;
  if (extra?.to !== undefined) out.to = extra.to;
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { E: 0, W: 1, I: 2 };

/** Sheet rows compare numerically, not as text (`B10` after `B9`). */
function cellRow(cell: string): number {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : 0;
}
function cellCol(cell: string): string {
  return cell.replace(/\d+$/, '');
}

/** Validasi order (SAKIP.md §4.3): Tingkat, then sheet, then row, then column, then rule. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
    cellRow(a.cell) - cellRow(b.cell) ||
    cellCol(a.cell).length - cellCol(b.cell).length ||
    (cellCol(a.cell) < cellCol(b.cell) ? -1 : cellCol(a.cell) > cellCol(b.cell) ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Sorts in Validasi order, parsing each address once (thousands of warnings stay cheap). */
export function sortIssues(issues: Issue[]): Issue[] {
  const keyed = issues.map((i) => {
    const m = /^([A-Z]*)(\d*)$/.exec(i.cell);
    const col = m ? m[1] : i.cell;
    return { i, sev: SEVERITY_ORDER[i.severity], row: m ? Number(m[2]) : 0, col: col.padStart(3, ' ') };
  });
  keyed.sort((a, b) =>
    a.sev - b.sev ||
    (a.i.sheet < b.i.sheet ? -1 : a.i.sheet > b.i.sheet ? 1 : 0) ||
    a.row - b.row ||
    (a.col < b.col ? -1 : a.col > b.col ? 1 : 0) ||
    (a.i.rule < b.i.rule ? -1 : a.i.rule > b.i.rule ? 1 : 0));
  return keyed.map((k) => k.i);
}

export interface IssueCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  let errors = 0, warnings = 0, infos = 0;
  for (const i of issues) {
    if (i.severity === 'E') errors++;
    else if (i.severity === 'W') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Formats rupiah the Indonesian way: `Rp 900.000.000`. */
export function rupiah(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}Rp ${grouped}${frac && frac !== '00' ? ',' + frac : ''}`;
}

/** Formats a number with a decimal comma for messages: `75,5`. */
export function angka(n: number): string {
  return String(n).replace('.', ',');
}
