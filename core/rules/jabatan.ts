/** Position rules J01–J04 (SAKIP.md §5.6). */
import { issue } from '../issues.js';
import { cellOf, type Box } from '../model.js';
import type { Rule } from './context.js';

const at = (b: Box, field: string) => ({ sheet: b.loc.table.sheet, cell: cellOf(b.loc, field), id: b.id });

/**
 * J01: an owner is required at every level that is not optional (from Sasaran Strategis
 * down in the default configuration), and any owner named must exist in `Jabatan`.
 */
export const J01: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    if (!b.level) continue;
    if (b.penanggungJawab === '') {
      if (b.level.optional) continue;
      issues.push(issue('J01', 'E', at(b, 'penanggungJawab'), {
        id: `Kotak ${b.level.name} "${b.id}" belum punya Penanggung Jawab.`, en: `${b.level.name} box "${b.id}" has no Penanggung Jawab (owner).`,
      }));
    } else if (!tree.jabatanById.has(b.penanggungJawab)) {
      issues.push(issue('J01', 'E', at(b, 'penanggungJawab'), {
        id: `Penanggung Jawab "${b.penanggungJawab}" tidak ada di lembar Jabatan.`, en: `Penanggung Jawab "${b.penanggungJawab}" is not in the Jabatan sheet.`,
      }));
    }
  }
};

export const J02: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    const j = tree.jabatanById.get(b.penanggungJawab);
    if (!b.level || !j?.jenjang || b.level.jenjang.length === 0 || b.level.jenjang.includes(j.jenjang)) continue;
    issues.push(issue('J02', 'W', at(b, 'penanggungJawab'), {
      id: `Jenjang ${j.jenjang} (${j.id}) tidak lazim untuk ${b.level.name} (lazim: ${b.level.jenjang.join(' / ')}).`,
      en: `Jenjang ${j.jenjang} (${j.id}) is not expected for ${b.level.name} (expected: ${b.level.jenjang.join(' / ')}).`,
    }));
  }
};

export const J03: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    const p = b.parent;
    if (!p || b.penanggungJawab === '' || p.penanggungJawab === '') continue;
    if (b.penanggungJawab === p.penanggungJawab) continue;
    const own = tree.jabatanById.get(b.penanggungJawab);
    if (!own || !tree.jabatanById.has(p.penanggungJawab)) continue;
    if (own.atasan === p.penanggungJawab) continue;
    issues.push(issue('J03', 'E', at(b, 'penanggungJawab'), {
      id: `${own.id} bukan bawahan langsung ${p.penanggungJawab} (pemilik induk ${p.id}); atasannya ${own.atasan || '(kosong)'}.`,
      en: `${own.id} is not a direct subordinate of ${p.penanggungJawab} (owner of parent ${p.id}); its superior is ${own.atasan || '(none)'}.`,
    }));
  }
};

const STRUCTURAL = new Set(['JPT Pratama', 'Administrator', 'Pengawas']);

/** J04 (Final): a structural position that owns no box. */
export const J04: Rule = ({ tree, issues }) => {
  const owners = new Set(tree.boxes.map((b) => b.penanggungJawab));
  for (const j of tree.jabatan) {
    if (!j.jenjang || !STRUCTURAL.has(j.jenjang) || owners.has(j.id)) continue;
    issues.push(issue('J04', 'W', { sheet: j.loc.table.sheet, cell: cellOf(j.loc, 'id'), id: j.id }, {
      id: `Jabatan struktural ${j.id} (${j.jenjang}) tidak memiliki kotak pohon kinerja.`,
      en: `Structural position ${j.id} (${j.jenjang}) owns no box of the tree.`,
    }));
  }
};

/**
 * P02 (Final): the Kepala OPD's PK must carry an IKU. The Kepala OPD is the JPT Pratama who
 * owns boxes; their PK items are the indicators of the boxes they own (SAKIP.md §8).
 */
export const P02: Rule = ({ tree, issues }) => {
  const owned = new Map<string, Box[]>();
  for (const b of tree.boxes) {
    if (b.penanggungJawab === '') continue;
    const list = owned.get(b.penanggungJawab);
    if (list) list.push(b);
    else owned.set(b.penanggungJawab, [b]);
  }
  for (const j of tree.jabatan) {
    const boxes = owned.get(j.id);
    if (j.jenjang !== 'JPT Pratama' || !boxes) continue;
    if (boxes.some((b) => b.indicators.some((i) => i.iku === true))) continue;
    issues.push(issue('P02', 'W', { sheet: j.loc.table.sheet, cell: cellOf(j.loc, 'id'), id: j.id }, {
      id: `PK ${j.nama || j.id} tidak memuat satu pun indikator IKU (kolom IKU = Ya pada kotak miliknya).`,
      en: `The PK of ${j.nama || j.id} carries no IKU indicator (IKU = Ya on the boxes it owns).`,
    }));
  }
};

export const JABATAN_RULES: Rule[] = [J01, J02, J03];
export const JABATAN_FINAL_RULES: Rule[] = [J04, P02];
