/** Tree structure rules T01–T10 (SAKIP.md §5.2). Levels come from the configuration only. */
import { isPemdaTree, levelsOfTree, lowestLevel, ROOT_MARK } from '../config.js';
import { issue } from '../issues.js';
import { TANPA_INDUK_PEMDA } from '../layout/tables.js';
import { cellOf, type Box } from '../model.js';
import type { Rule, RuleContext } from './context.js';

const at = (b: Box, field: string) => ({ sheet: b.loc.table.sheet, cell: cellOf(b.loc, field), id: b.id });
/** The reader already collapsed whitespace; comparisons only need to ignore case. */
const norm = (s: string) => s.toLowerCase();

export const T01: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    const first = tree.byId.get(b.id);
    if (first && first !== b) {
      issues.push(issue('T01', 'E', at(b, 'id'), {
        id: `ID "${b.id}" sudah dipakai di baris ${first.loc.row}; ID harus unik.`,
        en: `ID "${b.id}" is already used in row ${first.loc.row}; IDs must be unique.`,
      }));
    }
  }
};

export const T02: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    if (b.induk === '') {
      if (b.level && !b.level.parents.includes(ROOT_MARK)) {
        issues.push(issue('T02', 'E', at(b, 'induk'), {
          id: `Induk kosong: kotak level ${b.level.name} harus punya induk (${b.level.parents.join(' / ')}).`,
          en: `Induk is empty: a ${b.level.name} box needs a parent (${b.level.parents.join(' / ')}).`,
        }));
      }
    } else if (b.induk === b.id) {
      issues.push(issue('T02', 'E', at(b, 'induk'), {
        id: `Kotak "${b.id}" menunjuk dirinya sendiri sebagai induk.`, en: `Box "${b.id}" names itself as its parent.`,
      }));
    } else if (!tree.byId.has(b.induk)) {
      issues.push(issue('T02', 'E', at(b, 'induk'), {
        id: `Induk "${b.induk}" tidak ada di Pohon Kinerja.`, en: `Parent "${b.induk}" does not exist in Pohon Kinerja.`,
      }));
    }
  }
};

/** Cycles: walking up Induk must reach a root. Each box of a cycle is reported once. */
export const T03: Rule = ({ tree, issues }) => {
  const state = new Map<Box, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of tree.boxes) {
    if (state.has(start)) continue;
    const path: Box[] = [];
    let b: Box | undefined = start;
    while (b && !state.has(b)) {
      state.set(b, 1);
      path.push(b);
      b = b.parent;
    }
    if (b && state.get(b) === 1) {
      const cycle = path.slice(path.indexOf(b));
      const ids = cycle.map((c) => c.id).join(' → ');
      for (const c of cycle) {
        issues.push(issue('T03', 'E', at(c, 'induk'), {
          id: `Siklus induk: ${ids} → ${b.id}. Tidak sampai ke akar.`,
          en: `Parent cycle: ${ids} → ${b.id}. It never reaches a root.`,
        }));
      }
    }
    for (const p of path) state.set(p, 2);
  }
};

/** T04 (level must descend) and T05 (skip outside the configured transitions). */
export const T04_T05: Rule = ({ tree, issues }) => {
  for (const b of tree.boxes) {
    const p = b.parent;
    if (!p || !b.level || !p.level) continue;
    if (b.level.order <= p.level.order) {
      issues.push(issue('T04', 'E', at(b, 'level'), {
        id: `Level ${b.level.name} tidak boleh berada di bawah ${p.level.name} (${p.id}); level anak harus lebih rendah.`,
        en: `Level ${b.level.name} cannot sit under ${p.level.name} (${p.id}); a child's level must be lower.`,
      }));
    } else if (!b.level.parents.includes(p.level.name)) {
      issues.push(issue('T05', 'W', at(b, 'level'), {
        id: `Lompatan level: ${b.level.name} langsung di bawah ${p.level.name} (${p.id}); induk yang lazim: ${b.level.parents.filter((x) => x !== ROOT_MARK).join(' / ')}.`,
        en: `Level skip: ${b.level.name} directly under ${p.level.name} (${p.id}); expected parent: ${b.level.parents.filter((x) => x !== ROOT_MARK).join(' / ')}.`,
      }));
    }
  }
};

export const T06: Rule = ({ tree, issues, pemdaSasaranIds }) => {
  if (tree.boxes.length === 0) return;
  const roots = tree.boxes.filter((b) => b.induk === '');
  if (roots.length === 0) {
    const b = tree.boxes[0];
    issues.push(issue('T06', 'E', at(b, 'induk'), {
      id: 'Pohon tidak punya akar: setiap kotak punya Induk.', en: 'The tree has no root: every box has an Induk.',
    }));
    return;
  }
  if (isPemdaTree(tree.config)) return;
  for (const r of roots) {
    if (r.refPemda === '') {
      issues.push(issue('T06', 'E', at(r, 'refPemda'), {
        id: `Akar "${r.id}" belum mengisi Ref Pemda (ID Sasaran Pemda yang didukung, atau "${TANPA_INDUK_PEMDA}").`,
        en: `Root "${r.id}" has no Ref Pemda (the Sasaran Pemda ID it supports, or "${TANPA_INDUK_PEMDA}").`,
      }));
    } else if (pemdaSasaranIds && r.refPemda.toLowerCase() !== TANPA_INDUK_PEMDA.toLowerCase() && !pemdaSasaranIds.has(r.refPemda)) {
      issues.push(issue('T06', 'E', at(r, 'refPemda'), {
        id: `Ref Pemda "${r.refPemda}" bukan Sasaran Pemda yang ada.`, en: `Ref Pemda "${r.refPemda}" is not an existing Sasaran Pemda.`,
      }));
    }
  }
};

/**
 * T07: leaves above the deepest level the tree must reach, one finding per level listing its
 * boxes. Optional levels (`Opsional` in Konfigurasi Level) need not be reached: the tree must
 * reach the deepest level that is not optional.
 */
export const T07: Rule = ({ tree, issues }) => {
  const levels = levelsOfTree(tree.config);
  const lowest = lowestLevel(tree.config);
  const required = levels.filter((l) => !l.optional).reduce<typeof lowest>((a, l) => (!a || l.order > a.order ? l : a), undefined);
  if (!lowest || !required) return;
  const byLevel = new Map<string, Box[]>();
  for (const b of tree.boxes) {
    if (b.children.length > 0 || !b.level || b.level.order >= required.order || tree.byId.get(b.id) !== b) continue;
    (byLevel.get(b.level.name) ?? byLevel.set(b.level.name, []).get(b.level.name)!).push(b);
  }
  const MAX = 15;
  for (const [name, boxes] of byLevel) {
    const ids = boxes.slice(0, MAX).map((b) => b.id).join(', ');
    const more = boxes.length > MAX ? { id: ` dan ${boxes.length - MAX} lainnya`, en: ` and ${boxes.length - MAX} more` } : { id: '', en: '' };
    const n = boxes.length;
    issues.push(issue('T07', 'W', at(boxes[0], 'id'), {
      id: `${n} kotak ${name} tidak punya turunan (${ids}${more.id}); pohon belum sampai ke ${required.name}.`,
      en: `${n} ${name} box${n > 1 ? 'es have' : ' has'} no children (${ids}${more.en}); the tree does not reach ${required.name}.`,
    }));
  }
};

export const T08: Rule = ({ tree, issues }) => {
  for (const p of tree.boxes) {
    if (p.children.length === 0 || p.pernyataan === '') continue;
    const same = p.children.filter((c) => norm(c.pernyataan) === norm(p.pernyataan));
    for (const c of same) {
      const sameOwner = c.penanggungJawab !== '' && c.penanggungJawab === p.penanggungJawab;
      if (same.length < 2 && !sameOwner) continue;
      issues.push(issue('T08', 'W', at(c, 'pernyataan'), {
        id: sameOwner
          ? `Kotak "${c.id}" mengulang pernyataan dan penanggung jawab induknya (${p.id}); cascading tidak menambah apa pun.`
          : `Beberapa anak ${p.id} mengulang pernyataan induknya tanpa perubahan; cascading langsung hanya ke satu unit.`,
        en: sameOwner
          ? `Box "${c.id}" repeats its parent's (${p.id}) statement and owner; the cascade adds nothing.`
          : `Several children of ${p.id} repeat the parent's statement unchanged; a direct cascade goes to one unit only.`,
      }));
    }
  }
};

export const T09: Rule = ({ tree, issues }) => {
  const max = tree.config.maksAnak;
  for (const b of tree.boxes) {
    if (b.children.length <= max) continue;
    issues.push(issue('T09', 'W', at(b, 'id'), {
      id: `Kotak "${b.id}" punya ${b.children.length} anak (maksimum ${max}).`,
      en: `Box "${b.id}" has ${b.children.length} children (maximum ${max}).`,
    }));
  }
};

/** T10: rows should follow tree order (depth-first, siblings in row order). */
export const T10: Rule = (ctx: RuleContext) => {
  const { tree, issues } = ctx;
  let childAbove = false;
  for (const b of tree.boxes) {
    if (b.parent && b.parent.index > b.index && tree.byId.get(b.id) === b) {
      childAbove = true;
      issues.push(issue('T10', 'I', at(b, 'id'), {
        id: `Kotak "${b.id}" berada di atas induknya (${b.parent.id}, baris ${b.parent.loc.row}).`,
        en: `Box "${b.id}" sits above its parent (${b.parent.id}, row ${b.parent.loc.row}).`,
      }));
    }
  }
  if (childAbove) return;
  // Siblings not grouped: compare row order with the depth-first order.
  const order: Box[] = [];
  const seen = new Set<Box>();
  const visit = (b: Box) => {
    const stack = [b];
    while (stack.length) {
      const x = stack.pop() as Box;
      if (seen.has(x)) continue;
      seen.add(x);
      order.push(x);
      for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
    }
  };
  for (const b of tree.boxes) if (!b.parent) visit(b);
  const inTree = tree.boxes.filter((b) => seen.has(b));
  for (let i = 0; i < inTree.length; i++) {
    if (inTree[i] !== order[i]) {
      const b = inTree[i];
      issues.push(issue('T10', 'I', at(b, 'id'), {
        id: `Baris tidak mengikuti urutan pohon mulai baris ${b.loc.row} ("${b.id}"); kelompokkan setiap kotak dengan turunannya.`,
        en: `Rows leave tree order from row ${b.loc.row} ("${b.id}"); keep each box together with its descendants.`,
      }));
      return;
    }
  }
};

export const TREE_RULES: Rule[] = [T01, T02, T03, T04_T05, T06, T07, T08, T09, T10];
