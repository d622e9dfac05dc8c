/**
 * Typed API errors and THE one place where any failure becomes an HTTP answer
 * (`{"error":{"code","message","messageEn","details"}}`, status from core/wire ERROR_STATUS).
 */
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../core/wire/index.js';
import {
  AlreadyReviewedError, DecisionConflictError, LinkRemovedError, NotFoundError, StaleBaseError, StoreUnavailableError, SubmissionReusedError, VersionConflictError,
} from '../store/types.js';

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageId: string,
    readonly messageEn: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(messageEn, options);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }
}

/** Maps anything thrown by a handler, the store or the SDK to an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof StaleBaseError) {
    return new ApiError('STALE_BASE', `Versi dasar sudah usang: versi terkini ${e.current.currentVersion}. Tarik dulu, lalu kirim ulang.`,
      `Stale base version: the current version is ${e.current.currentVersion}. Pull first, then push again.`, e.current, { cause: e });
  }
  if (e instanceof VersionConflictError) {
    return new ApiError('VERSION_CONFLICT', `Versi ini bukan versi terkini (${e.current.currentVersion}).`,
      `This version is not the current one (${e.current.currentVersion}).`, e.current, { cause: e });
  }
  if (e instanceof SubmissionReusedError) {
    return new ApiError('SUBMISSION_REUSED', 'submissionId sudah dipakai untuk pohon lain.', 'The submissionId was already used for another tree.', undefined, { cause: e });
  }
  if (e instanceof AlreadyReviewedError) {
    const { version, status, review } = e.current;
    const when = review.at.slice(0, 16).replace('T', ' ');
    return new ApiError('ALREADY_DECIDED', `Versi ${version} sudah ${status} oleh ${review.by} pada ${when}; satu versi hanya ditinjau sekali.`,
      `Version ${version} was already ${review.action === 'terima' ? 'accepted' : 'returned'} (${status}) by ${review.by} at ${when}; a version is reviewed once.`,
      e.current, { cause: e });
  }
  if (e instanceof LinkRemovedError) {
    return new ApiError('VERSION_CONFLICT', `OPD sumber mengirim versi ${e.version} tanpa permintaan ini; muat ulang.`,
      `The source OPD pushed version ${e.version} without this request; reload.`, { linkId: e.linkId, currentVersion: e.version }, { cause: e });
  }
  if (e instanceof DecisionConflictError) {
    return new ApiError('ALREADY_DECIDED', 'Permintaan ini baru saja diputuskan orang lain; muat ulang.', 'This request was just decided by someone else; reload.', undefined, { cause: e });
  }
  if (e instanceof NotFoundError) return new ApiError('NOT_FOUND', 'Pohon tidak ditemukan.', 'Tree not found.', undefined, { cause: e });
  if (e instanceof StoreUnavailableError) {
    return new ApiError('UNAVAILABLE', 'Layanan sedang sibuk; coba lagi sebentar lagi.', 'The service is busy; retry shortly.', { retryable: true }, { cause: e });
  }
  return new ApiError('INTERNAL', 'Terjadi galat internal.', 'Internal error.', undefined, { cause: e });
}

export interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

export function errorAnswer(e: unknown, log: (msg: string, err: unknown) => void = defaultLog): Answer {
  const err = toApiError(e);
  if (err.status >= 500) log(`${err.code}: ${err.messageEn}`, err.cause ?? err);
  const body: ErrorBody = { error: { code: err.code, message: err.messageId, messageEn: err.messageEn } };
  if (err.details !== undefined) body.error.details = err.details;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (err.status === 503) headers['retry-after'] = '2';
  if (err.status === 401) headers['www-authenticate'] = 'Bearer';
  return { statusCode: err.status, headers, body: JSON.stringify(body) };
}

function defaultLog(msg: string, err: unknown): void {
  console.error(`[pokin] ${msg}`, err);
}
