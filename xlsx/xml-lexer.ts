/**
 * A minimal streaming XML lexer for the package guard: it reports the start and end tags it
 * is asked about, with their attribute text, across chunk boundaries, and skips everything
 * else. It relies on what well-formed XML guarantees: `<` never appears in attribute values or
 * text, so every `<` outside comments, CDATA and processing instructions starts markup. A file
 * that breaks this fails ExcelJS's own parser anyway. A DOCTYPE (never written by Excel; the
 * way to entity bombs) is refused.
 */
export class XmlLexError extends Error {}

export interface TagSink {
  /**
   * `name` is the local name (prefix stripped); `attrs` the raw text between the name and `>`;
   * the text after the tag, up to the next markup, is `textAt(text, after)` (within this chunk).
   */
  open(name: string, attrs: string, selfClosing: boolean, text: string, after: number): void;
  close(name: string): void;
}

/** Longest markup construct carried over from one chunk to the next. */
const MAX_CARRY = 1024 * 1024;
/**
 * Longest text carried for a tag whose text the sink reads (a cell value, a string): far above
 * Excel's 32,767 characters per cell, below what a part may inflate to (the guard's partBytes).
 */
const MAX_TEXT_CARRY = 64 * 1024 * 1024;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 /* / */ || c === 62 /* > */;
}

export class XmlLexer {
  private carry = '';
  /** Chunks after `carry` that hold no markup yet (a long text being carried), joined once. */
  private pending: string[] = [];
  private pendingLength = 0;
  /** The carry ends in the text of a `withText` tag (longer carries allowed). */
  private carryIsText = false;

  /**
   * `withText`: tags whose following text the sink reads (`textAt`): such a tag is reported
   * only once the text up to the next markup is in the same piece, so a value is never cut
   * at a chunk boundary.
   */
  constructor(private readonly sink: TagSink, private readonly wanted: ReadonlySet<string>, private readonly withText: ReadonlySet<string> = new Set()) {}

  feed(chunk: string): void {
    if (this.carry && this.carryIsText && chunk.indexOf('<') < 0) {
      // Still inside the text: keep the piece, copy nothing (a long text stays linear).
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.carry.length + this.pendingLength > MAX_TEXT_CARRY) throw new XmlLexError('text too long');
      return;
    }
    const text = this.carry ? (this.pending.length ? this.carry + this.pending.join('') + chunk : this.carry + chunk) : chunk;
    this.carry = '';
    this.pending = [];
    this.pendingLength = 0;
    this.carryIsText = false;
    const rest = this.scan(text);
    if (rest >= 0) {
      if (text.length - rest > (this.carryIsText ? MAX_TEXT_CARRY : MAX_CARRY)) throw new XmlLexError(this.carryIsText ? 'text too long' : 'markup construct too long');
      this.carry = text.slice(rest);
    }
  }

  end(): void {
    if ((this.carry + this.pending.join('')).trim() !== '') throw new XmlLexError('document ends inside markup');
  }

  /** Scans `text`; returns where an incomplete construct starts (to carry), or -1. */
  private scan(text: string): number {
    const n = text.length;
    let i = 0;
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) return -1;
      if (lt + 1 >= n) return lt;
      const c1 = text.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (text.startsWith('<!--', lt)) {
          const e = text.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          i = e + 3;
          continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
          const e = text.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          i = e + 3;
          continue;
        }
        if (lt + 9 > n) return lt;
        throw new XmlLexError('DOCTYPE or declaration in a part');
      }
      if (c1 === 63 /* ? */) {
        const e = text.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        i = e + 2;
        continue;
      }
      const closing = c1 === 47;
      let j = closing ? lt + 2 : lt + 1;
      const nameStart = j;
      while (j < n && !isNameEnd(text.charCodeAt(j))) j++;
      if (j >= n) return lt;
      const qname = text.slice(nameStart, j);
      const colon = qname.indexOf(':');
      const name = colon >= 0 ? qname.slice(colon + 1) : qname;
      if (!this.wanted.has(name)) { i = j; continue; }
      if (closing) {
        const e = text.indexOf('>', j);
        if (e < 0) return lt;
        this.sink.close(name);
        i = e + 1;
        continue;
      }
      // The end of the start tag: `>` outside quoted attribute values.
      let k = j;
      for (; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c === 34 || c === 39) {
          const q = text.indexOf(c === 34 ? '"' : "'", k + 1);
          if (q < 0) { k = n; break; }
          k = q;
        } else if (c === 62) break;
      }
      if (k >= n) return lt;
      const attrs = text.slice(j, k);
      const selfClosing = attrs.endsWith('/');
      const after = k + 1;
      if (!selfClosing && this.withText.has(name) && text.indexOf('<', after) < 0) {
        this.carryIsText = true;
        return lt;
      }
      this.sink.open(name, attrs, selfClosing, text, after);
      i = after;
    }
  }
}

/** The text from `after` to the next markup. */
export function textAt(text: string, after: number): string {
  const e = text.indexOf('<', after);
  return text.slice(after, e < 0 ? text.length : e);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entity and character references in an attribute value or text. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const ATTR_CACHE = new Map<string, RegExp>();

/** The value of an unprefixed attribute, decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  // Fast path (every cell goes through here): `name="…"` after a space, as every writer puts it.
  const key = `${name}=`;
  for (let i = attrs.indexOf(key); i >= 0; i = attrs.indexOf(key, i + 1)) {
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const q = attrs.charCodeAt(i + key.length);
    if (q !== 34 && q !== 39) break;
    const end = attrs.indexOf(q === 34 ? '"' : "'", i + key.length + 1);
    if (end < 0) break;
    return decodeXml(attrs.slice(i + key.length + 1, end));
  }
  let re = ATTR_CACHE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_CACHE.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}
