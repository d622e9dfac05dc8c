/**
 * Identity of a crosscutting link and of its content, computed the same way in the pane, the
 * CLI and Lambda (pure: no node:crypto in core/).
 *
 * Link ID: a hash of (source Kode OPD, ID Node, OPD Tujuan, ID Node Tujuan), 26 hex digits.
 * Why these four: they are what the target OPD decides about ("box A of OPD S needs box B of
 * OPD T"). Editing any of them makes a new request (`Menunggu`); the row's position, Kontribusi
 * and Keterangan are not part of it, so reordering rows or rewording keeps the decision.
 * Content hash: Kontribusi + Keterangan + Nama Mitra. A rejection applies to the content it
 * judged: when the source edits the content and pushes again, the link is `Menunggu` again
 * (SAKIP.md §9 "Ditolak → source OPD edits and resubmits → Menunggu").
 * The hash is not a security boundary: the store keeps the four fields next to the decision
 * and `sameLink` compares them, so a crafted collision cannot take over another link's decision.
 */

/** cyrb53 (public domain): a fast 53-bit string hash; two seeds give 106 bits. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 26 lower-case hex digits of a text. */
export function hash26(text: string): string {
  return (cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0')).slice(0, 26);
}

export interface LinkKey {
  sourceOpd: string;
  nodeId: string;
  targetOpd: string;
  nodeTujuan: string;
}

const SEP = '\u001f';

export function linkId(k: LinkKey): string {
  return hash26(['link', k.sourceOpd.trim(), k.nodeId.trim(), k.targetOpd.trim(), k.nodeTujuan.trim()].join(SEP));
}

export function linkContentHash(c: { kontribusi: string; keterangan: string; namaMitra?: string }): string {
  return hash26(['isi', c.kontribusi.trim(), c.keterangan.trim(), (c.namaMitra ?? '').trim()].join(SEP));
}

export function sameLink(a: LinkKey, b: LinkKey): boolean {
  return a.sourceOpd === b.sourceOpd && a.nodeId === b.nodeId && a.targetOpd === b.targetOpd && a.nodeTujuan === b.nodeTujuan;
}

/** Short non-cryptographic digest of many parts (the consolidation fingerprint). */
export function fingerprint(parts: readonly string[]): string {
  return hash26(parts.join(SEP));
}
