/**
 * What the Bagian Organisasi and the pane's Konsolidasi tab use: the consolidation as one
 * answer (`pullConsolidated` follows the pages), the crosscutting lists and decisions, and the
 * CLI's `pokin pull --consolidated` writing the consolidated workbook.
 */
import type { ConsolidatedAnswer, ConsolidationBasis } from '../core/wire/index.js';
import { writeConsolidatedWorkbook } from '../xlsx/consolidated.js';
import { apiOf, tokenClaims, type ApiOptions } from './api.js';


export interface ConsolidatedPullOptions extends ApiOptions {
  /** Default: the token's `custom:pemda`. */
  pemda?: string;
  periode: string;
  basis?: ConsolidationBasis;
  /** With `Capaian OPD`, `LKE OPD` and the capaian columns of `Rekap OPD` for this year. */
  tahun?: number | null;
  out: string;
  lang?: 'id' | 'en';
}

/** `pokin pull --consolidated …`: writes the consolidated workbook; returns the answer it wrote. */
export async function pullConsolidatedWorkbook(o: ConsolidatedPullOptions): Promise<ConsolidatedAnswer> {
  const pemda = o.pemda ?? String(tokenClaims(o.token ?? '')['custom:pemda'] ?? '');
  const answer = await apiOf(o).consolidated(pemda, o.periode, o.basis, undefined, 3, o.tahun);
  await writeConsolidatedWorkbook(o.out, answer, o.lang);
  return answer;
}
