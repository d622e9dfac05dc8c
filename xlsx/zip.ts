/**
 * The central directory of a zip archive (an .xlsx is one), read from the bytes without
 * inflating anything: entry names, methods, sizes and where each entry's data starts
 * (PKWARE APPNOTE 6.3.10 §4.3.12–4.3.16, ZIP64 §4.3.14/§4.5.3). Pure: no Node APIs, so the
 * preview pane runs the same code in the browser. Malformed archives throw `ZipFormatError`.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (the only two an .xlsx uses). */
  method: number;
  /** Bit 0: encrypted. */
  flags: number;
  compressedSize: number;
  /** As declared by the archive: a zip bomb may lie, the guard counts what inflates. */
  declaredSize: number;
  localOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (at: number, size: number) => {
    if (at < 0 || at + size > bytes.length) throw new ZipFormatError('zip structure points outside the file');
  };
  return {
    u16: (at: number) => { check(at, 2); return view.getUint16(at, true); },
    u32: (at: number) => { check(at, 4); return view.getUint32(at, true); },
    u64: (at: number) => {
      check(at, 8);
      const v = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
      if (!Number.isSafeInteger(v)) throw new ZipFormatError('zip64 size out of range');
      return v;
    },
  };
}

const decoder = new TextDecoder('utf-8');

/** The entries of the archive; `maxEntries` stops a directory of millions before it is read. */
export function zipEntries(bytes: Uint8Array, maxEntries: number): { entries: ZipEntry[]; declaredCount: number } {
  const r = reader(bytes);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && r.u32(at) === EOCD) { eocd = at; break; }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = r.u16(eocd + 10);
  let cdSize = r.u32(eocd + 12);
  let cdOffset = r.u32(eocd + 16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const loc = eocd - 20;
    if (loc < 0 || r.u32(loc) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const z = r.u64(loc + 8);
    if (r.u32(z) !== ZIP64_EOCD) throw new ZipFormatError('zip64 end of central directory missing');
    count = r.u64(z + 32);
    cdSize = r.u64(z + 40);
    cdOffset = r.u64(z + 48);
  }
  if (count > maxEntries) return { entries: [], declaredCount: count };
  if (cdOffset + cdSize > bytes.length) throw new ZipFormatError('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    let compressedSize = r.u32(at + 20);
    let declaredSize = r.u32(at + 24);
    const nameLen = r.u16(at + 28);
    const extraLen = r.u16(at + 30);
    const commentLen = r.u16(at + 32);
    let localOffset = r.u32(at + 42);
    const nameAt = at + 46;
    if (nameAt + nameLen + extraLen + commentLen > bytes.length) throw new ZipFormatError('entry outside the file');
    const name = decoder.decode(bytes.subarray(nameAt, nameAt + nameLen));
    // ZIP64 extended information: the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    for (let e = nameAt + nameLen; e + 4 <= nameAt + nameLen + extraLen;) {
      const id = r.u16(e);
      const size = r.u16(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (declaredSize === MAX32) { declaredSize = r.u64(p); p += 8; }
        if (compressedSize === MAX32) { compressedSize = r.u64(p); p += 8; }
        if (localOffset === MAX32) localOffset = r.u64(p);
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, declaredSize, localOffset });
    at = nameAt + nameLen + extraLen + commentLen;
  }
  return { entries, declaredCount: count };
}

/** The compressed bytes of one entry (after its local header). */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const r = reader(bytes);
  if (r.u32(e.localOffset) !== LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
  const start = e.localOffset + 30 + r.u16(e.localOffset + 26) + r.u16(e.localOffset + 28);
  if (start + e.compressedSize > bytes.length) throw new ZipFormatError(`data of ${e.name} outside the file`);
  return bytes.subarray(start, start + e.compressedSize);
}
