/**
 * The CLI's push and pull of workbooks (the lead wires them into cli/main.ts):
 *   pokin push FILE.xlsx --api URL --token T [--base N] [--dry-run --body-out FILE]
 *   pokin pull --opd O [--pemda P --periode A-B] --api URL --token T --out FILE.xlsx [--version N]
 * Push validates locally first (errors block, as in the pane), then sends the gzip body.
 */
import { isPemdaTree } from '../core/config.js';
import type { Issue } from '../core/issues.js';
import { INFO_VERSI_SERVER } from '../core/layout/tables.js';
import { readWorkbook } from '../core/read/index.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { referenceFor } from '../core/reference.js';
import { validateTree, type ValidationSummary } from '../core/validate.js';
import { checkOpd, checkPemda, type PushAnswer } from '../core/wire/index.js';
import { readXlsx } from '../xlsx/read.js';
import { writeFile } from 'node:fs/promises';
import { crosscuttingMasukSheet, withLinkStatuses } from '../core/derive/consolidate/pull.js';
import type { CrosscuttingAnswer } from '../core/wire/index.js';
import { renderSheet } from '../xlsx/render.js';
import { buildCanonicalWorkbook } from '../xlsx/write.js';
import { ApiFailure, apiOf, encodePushBody, pushBody, tokenClaims, type ApiOptions, type TreeRef } from './api.js';
import { withInfoValue } from './info.js';

export { withInfoValue };

export interface PushOptions extends ApiOptions {
  /**
   * Version the workbook is based on. Default: Info `Versi Server` (written by pull), else 0
   * (a first push). 'head' = the server's current one, which turns the conflict check off.
   */
  baseVersion?: number | 'head';
  dryRun?: boolean;
  /** With dryRun: where to write the gzip body that would be sent. */
  bodyOut?: string;
  submissionId?: string;
}

export type PushOutcome =
  | { kind: 'invalid'; issues: Issue[]; summary: ValidationSummary }
  | { kind: 'dry-run'; ref: TreeRef; bytes: number; bodyOut?: string; summary: ValidationSummary }
  | { kind: 'pushed'; ref: TreeRef; created: boolean; answer: PushAnswer; summary: ValidationSummary };

/** Where a workbook goes: pemda, periode and OPD from its Info table; null with a reason if incomplete. */
export function treeRefOf(snapshot: WorkbookSnapshot): { ref: TreeRef } | { message: string; messageEn: string } {
  const c = readWorkbook(snapshot).tree.config;
  const opd = isPemdaTree(c) ? 'PEMDA' : c.kodeOpd.trim();
  const pemda = c.kodePemda.trim();
  if (!checkPemda(pemda).ok) return { message: `Info "Kode Pemda" tidak valid: "${pemda}".`, messageEn: `Info "Kode Pemda" is invalid: "${pemda}".` };
  if (!checkOpd(opd).ok) return { message: `Info "Kode OPD" tidak valid: "${opd}".`, messageEn: `Info "Kode OPD" is invalid: "${opd}".` };
  if (c.tahunAwal === null || c.tahunAkhir === null) return { message: 'Info Tahun Awal/Tahun Akhir belum diisi.', messageEn: 'Info Tahun Awal/Tahun Akhir are missing.' };
  return { ref: { pemda, periode: `${c.tahunAwal}-${c.tahunAkhir}`, opd } };
}

/**
 * The pemda tree of the workbook's pemda and period, for T06 (null when it cannot be read:
 * not pushed yet, offline, or a server that does not let this role read it).
 */
export async function pemdaTreeOf(ref: TreeRef, o: ApiOptions): Promise<WorkbookSnapshot | null> {
  if (ref.opd === 'PEMDA') return null;
  try {
    return (await apiOf(o).pull({ ...ref, opd: 'PEMDA' })).tree;
  } catch {
    return null;
  }
}

export async function pushSnapshot(snapshot: WorkbookSnapshot, o: PushOptions): Promise<PushOutcome> {
  const read = readWorkbook(snapshot);
  const target = treeRefOf(snapshot);
  // The same reference data as the pane and the server (core/reference.ts), so a push the
  // server would refuse is stopped here with the same issues.
  const pemdaTree = 'ref' in target && !o.dryRun ? await pemdaTreeOf(target.ref, o) : null;
  const result = validateTree(read.tree, read.issues, await referenceFor(read.tree.config.versiNomenklatur, { pemdaTree }));
  if (result.summary.errors > 0) return { kind: 'invalid', issues: result.issues, summary: result.summary };
  const where = target;
  if (!('ref' in where)) throw new ApiFailure(400, { error: { code: 'INFO_MISMATCH', message: where.message, messageEn: where.messageEn } });
  const ref = where.ref;
  let base = o.baseVersion ?? read.tree.config.versiServer ?? 0;
  if (base === 'head') {
    if (o.dryRun) base = 0;
    else {
      try {
        base = (await apiOf(o).versions(ref)).versions[0]?.version ?? 0;
      } catch (e) {
        if (!(e instanceof ApiFailure && e.status === 404)) throw e;
        base = 0;
      }
    }
  }
  const body = pushBody(snapshot, base, o.submissionId);
  if (o.dryRun) {
    const bytes = await encodePushBody(body);
    if (o.bodyOut) await writeFile(o.bodyOut, bytes);
    return { kind: 'dry-run', ref, bytes: bytes.length, bodyOut: o.bodyOut, summary: result.summary };
  }
  const r = await apiOf(o).push(ref, body, 3);
  return { kind: 'pushed', ref, created: r.created, answer: r.answer, summary: result.summary };
}

/** `pokin push FILE.xlsx …` */
export async function pushWorkbook(file: string, o: PushOptions): Promise<PushOutcome> {
  const { snapshot } = await readXlsx(file);
  return pushSnapshot(snapshot, o);
}

export interface PullOptions extends ApiOptions {
  opd: string;
  /** Default: the token's `custom:pemda`. */
  pemda?: string;
  periode: string;
  version?: number | null;
  out: string;
}

/**
 * `pokin pull --opd O …`: writes the version as a canonical workbook; returns its metadata.
 * Crosscutting (SAKIP.md §9.3): the Crosscutting table's Status / Alasan Tolak show the target
 * OPDs' decisions, and the requests other OPDs address to this one come as a generated sheet
 * `Crosscutting Masuk` (with the link IDs the decision needs).
 */
export async function pullWorkbook(o: PullOptions): Promise<{ version: number; headVersion: number; out: string; crosscutting: CrosscuttingAnswer | null }> {
  const pemda = o.pemda ?? String(tokenClaims(o.token ?? '')['custom:pemda'] ?? '');
  const ref = { pemda, periode: o.periode, opd: o.opd };
  const answer = await apiOf(o).pull(ref, o.version);
  let links: CrosscuttingAnswer | null = null;
  try {
    links = await apiOf(o).crosscutting(ref);
  } catch (e) {
    // A server from before the crosscutting routes: the pull still works, without statuses.
    if (!(e instanceof ApiFailure && e.code === 'ROUTE_NOT_FOUND')) throw e;
  }
  let tree = withInfoValue(answer.tree, INFO_VERSI_SERVER, answer.meta.version);
  if (links) tree = withLinkStatuses(tree, o.opd, links.outgoing);
  const config = readWorkbook(tree).tree.config;
  const wb = buildCanonicalWorkbook(tree, config);
  if (links && links.incoming.length > 0) renderSheet(wb, crosscuttingMasukSheet(links.incoming));
  await writeFile(o.out, Buffer.from(await wb.xlsx.writeBuffer()));
  return { version: answer.meta.version, headVersion: answer.headVersion, out: o.out, crosscutting: links };
}
