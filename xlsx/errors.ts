/**
 * Typed errors for workbook files the CLI cannot use. Each carries a bilingual message a
 * planner can act on; the CLI prints it without a stack trace and exits with 2.
 */
import type { Bilingual } from '../core/issues.js';

export type XlsxErrorCode =
  | 'not-found' | 'is-directory' | 'empty' | 'encrypted' | 'legacy-xls' | 'ods' | 'not-xlsx' | 'corrupt' | 'unreadable' | 'no-tables'
  /** Above a limit of xlsx/package-limits.ts (checked before ExcelJS loads the file). */
  | 'too-large'
  /** Canonical tables hold formulas saved without their values (a generated file never opened in Excel). */
  | 'uncached-formulas';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly bilingual: Bilingual;
  readonly file?: string;

  constructor(code: XlsxErrorCode, message: Bilingual, opts: { file?: string; cause?: unknown } = {}) {
    super(message.en, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.name = 'XlsxError';
    this.code = code;
    this.bilingual = message;
    if (opts.file !== undefined) this.file = opts.file;
  }

  text(lang: 'id' | 'en'): string {
    return lang === 'en' ? this.bilingual.en : this.bilingual.id;
  }
}

export function isXlsxError(e: unknown): e is XlsxError {
  return e instanceof XlsxError;
}
