/** Crosscutting rules X01–X03 that the workbook alone can decide (SAKIP.md §5.6, §9). */
import { issue } from '../issues.js';
import { LEMBAGA_LAIN } from '../layout/tables.js';
import { cellOf, type CrosscuttingLink } from '../model.js';
import type { Rule } from './context.js';

const at = (l: CrosscuttingLink, field: string) => ({ sheet: l.loc.table.sheet, cell: cellOf(l.loc, field), id: l.nodeId });
const KODE_OPD = /^[1-9]\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;

export const X01: Rule = ({ tree, issues }) => {
  const own = tree.config.kodeOpd;
  if (own === '') return;
  for (const l of tree.crosscutting) {
    if (l.opdTujuan !== own) continue;
    issues.push(issue('X01', 'E', at(l, 'opdTujuan'), {
      id: `OPD Tujuan adalah OPD ini sendiri (${own}); jadikan kotak anak biasa, bukan crosscutting.`,
      en: `OPD Tujuan is this OPD itself (${own}); model it as a normal child box, not crosscutting.`,
    }));
  }
};

export const X02: Rule = ({ tree, issues }) => {
  for (const l of tree.crosscutting) {
    if (l.opdTujuan === '') continue; // F01 already says it is empty
    if (l.opdTujuan === LEMBAGA_LAIN) {
      if (l.namaMitra !== '') continue;
      issues.push(issue('X02', 'E', at(l, 'namaMitra'), {
        id: 'Crosscutting ke Lembaga Lain wajib mengisi Nama Mitra.', en: 'A crosscutting link to Lembaga Lain needs Nama Mitra.',
      }));
    } else if (!KODE_OPD.test(l.opdTujuan) && l.opdTujuan.toUpperCase() !== 'PEMDA') {
      issues.push(issue('X02', 'E', at(l, 'opdTujuan'), {
        id: `OPD Tujuan "${l.opdTujuan}" bukan kode OPD (mis. 5.01.5.05.0.00.01.0000) dan bukan "${LEMBAGA_LAIN}".`,
        en: `OPD Tujuan "${l.opdTujuan}" is neither a kode OPD (e.g. 5.01.5.05.0.00.01.0000) nor "${LEMBAGA_LAIN}".`,
      }));
    } else if (l.nodeTujuan === '') {
      issues.push(issue('X02', 'E', at(l, 'nodeTujuan'), {
        id: `Crosscutting ke OPD ${l.opdTujuan} wajib mengisi ID Node Tujuan.`, en: `A crosscutting link to OPD ${l.opdTujuan} needs ID Node Tujuan.`,
      }));
    }
  }
};

/** X03 (Final): still waiting, or rejected without a reason. Lembaga Lain skips the flow. */
export const X03: Rule = ({ tree, issues }) => {
  for (const l of tree.crosscutting) {
    if (l.opdTujuan === LEMBAGA_LAIN) continue;
    if (l.status === '' || l.status === 'Menunggu') {
      issues.push(issue('X03', 'W', at(l, 'status'), {
        id: `Crosscutting ${l.nodeId} → ${l.opdTujuan} masih menunggu persetujuan OPD tujuan.`,
        en: `Crosscutting ${l.nodeId} → ${l.opdTujuan} is still waiting for the target OPD's decision.`,
      }));
    } else if (l.status === 'Ditolak' && l.alasanTolak === '') {
      issues.push(issue('X03', 'W', at(l, 'alasanTolak'), {
        id: `Crosscutting ${l.nodeId} → ${l.opdTujuan} ditolak tanpa Alasan Tolak.`,
        en: `Crosscutting ${l.nodeId} → ${l.opdTujuan} was rejected without Alasan Tolak.`,
      }));
    }
  }
};

export const CROSSCUTTING_RULES: Rule[] = [X01, X02];
export const CROSSCUTTING_FINAL_RULES: Rule[] = [X03];
