/**
 * The shared string table (ECMA-376 Part 1 §18.4.9 `sst`): one string per `<si>`, the text of
 * its `<t>` (§18.4.12) or of its rich text runs `<r><t>` (§18.4.4) joined; phonetic runs
 * `<rPh>` (§18.4.6) are reading aids, not text. Read as the part streams by.
 */
import { decodeXml, textAt, XmlLexer, type TagSink } from './xml-lexer.js';

/** `_xHHHH_` escapes of ST_Xstring (§22.9.2.19): a carriage return is stored as `_x000D_`. */
export function unescapeXstring(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export class SharedStringsScanner implements TagSink {
  readonly strings: string[] = [];
  private readonly lexer = new XmlLexer(this, new Set(['si', 't', 'rPh']), new Set(['t']));
  private current: string | null = null;
  private phonetic = false;

  feed(text: string): void { this.lexer.feed(text); }
  end(): void { this.lexer.end(); }

  open(name: string, _attrs: string, selfClosing: boolean, text: string, after: number): void {
    if (name === 'si') {
      if (selfClosing) this.strings.push('');
      else this.current = '';
    } else if (name === 'rPh') {
      this.phonetic = !selfClosing;
    } else if (this.current !== null && !this.phonetic && !selfClosing) {
      this.current += unescapeXstring(decodeXml(textAt(text, after)));
    }
  }

  close(name: string): void {
    if (name === 'si' && this.current !== null) {
      this.strings.push(this.current);
      this.current = null;
    } else if (name === 'rPh') {
      this.phonetic = false;
    }
  }
}
